"""A result above the fold (issue 12): on every calculator page (each page under
/simulateurs/ of the built site) the calculator comes right under the title,
before the explanations; its first field is within the first screen, on a
1 280 × 900 desktop and on a 375 × 812 phone; its first key figure (a real
block of the result, not the bar that follows the form) within the first screen
on the desktop and within two on the phone. The fields that are not shown first
are in « Plus d’options », in the form: without JavaScript the form is whole.

Measured in the worst case: the engine is blocked, so the prerendered result is
shown with the notice that the live computation could not start at its top."""

from __future__ import annotations

import pytest

from calculators import get

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}

WHERE = """() => {
  const r = document.querySelector('.calculateur');
  const box = (e) => { if (!e) return null; const b = e.getBoundingClientRect();
    return {x: b.left, y: b.top + scrollY, right: b.right, bottom: b.bottom + scrollY, h: b.height}; };
  const prose = document.querySelector('.prose > p');
  return {
    field: box(r.querySelector('.calc-form input, .calc-form select')),
    result: box(r.querySelector('.calc-sortie .calc-chiffre, .calc-sortie table')),
    prose: box(prose),
  };
}"""


def _simulator_pages(site_dir) -> list[str]:
    pages = sorted(p.parent.name for p in (site_dir / "simulateurs").glob("*/index.html"))
    assert len(pages) >= 11, pages  # the section's pages, as built (none lost on the way)
    return pages


def _open_blocked(page, site_url, path):
    """The page with its engine blocked: the prerendered result and, once the
    script has given up, the notice of why the live computation did not start."""
    page.route("**/runtime/**", lambda route: route.abort())
    page.goto(f"{site_url}/simulateurs/{path}/")
    page.wait_for_selector(".calculateur.calc--echec", state="attached", timeout=30_000)
    return page.evaluate(WHERE)


@pytest.mark.parametrize("viewport,screens", [(DESKTOP, 1), (PHONE, 2)], ids=["1280x900", "375x812"])
def test_on_every_calculator_page_the_first_field_and_the_first_result_are_up(fresh, site_dir, site_url,
                                                                               viewport, screens):
    page, _ = fresh(viewport=viewport)
    height = viewport["height"]
    late = {}
    for path in _simulator_pages(site_dir):
        at = _open_blocked(page, site_url, path)
        assert at["field"] and at["result"], path
        # the first field within the first screen (on a phone, in its upper part:
        # a compact header and title), the first key figure within `screens` screens
        field_bound = height if viewport is DESKTOP else 500
        if at["field"]["y"] >= field_bound or at["result"]["y"] >= height * screens:
            late[path] = (round(at["field"]["y"]), round(at["result"]["y"]))
        # the explanations come after the calculator
        assert at["prose"] is None or at["prose"]["y"] > at["field"]["y"], path
        # nothing wider than the screen
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
    assert late == {}, f"first field / first result too low (px), {viewport}: {late}"


def test_without_javascript_every_calculator_form_is_whole(fresh, site_dir, site_url):
    # the fields not shown first are in « Plus d’options », inside the form
    page, _ = fresh(java_script_enabled=False, viewport=PHONE)
    for path in _simulator_pages(site_dir):
        page.goto(f"{site_url}/simulateurs/{path}/")
        root = page.locator(".calculateur").first
        name = root.get_attribute("data-calculateur")
        names = root.locator("form.calc-form [name]").evaluate_all("els => els.map(e => e.name)")
        assert sorted(names) == sorted(f.name for f in get(name).FIELDS), path
        # the whole result, not the compact block of the home page
        assert root.get_attribute("data-compact") is None, path
        assert "calculateur--compact" not in root.get_attribute("class"), path
        more = root.locator("form.calc-form > details.calc-avance")
        if more.count():
            assert more.locator("> summary").inner_text() == "Plus d’options"
            assert not more.evaluate("d => d.open")  # closed: nothing differs from the page's values
        # the essential fields first: a few, in view
        shown = [c for c in root.locator("form.calc-form input, form.calc-form select").all() if c.is_visible()]
        assert 1 <= len(shown) <= 14, path


def test_the_offer_comparator_puts_its_offers_side_by_side_and_the_result_beside_them(fresh, site_url):
    page, _ = fresh(viewport=DESKTOP)
    at = _open_blocked(page, site_url, "comparateur-offres")
    offers = page.evaluate("""() => Array.from(document.querySelectorAll('#calc-comparateur_offres-form > fieldset'))
      .filter(f => /^Offre /.test(f.querySelector('legend').textContent))
      .map(f => { const b = f.getBoundingClientRect(); return {x: b.left, right: b.right, y: b.top + scrollY}; })""")
    assert len(offers) == 3  # offers A to C in the form, D and E under « Plus d’options »
    # one row: the same top, each to the right of the one before
    assert max(o["y"] for o in offers) - min(o["y"] for o in offers) < 2
    assert all(b["x"] >= a["right"] for a, b in zip(offers, offers[1:]))
    # the result's key figures to the right of the offers, within the first screen
    assert at["result"]["x"] >= offers[-1]["right"]
    assert at["result"]["y"] < DESKTOP["height"]
    # the offers' table, below, has the whole width
    table = page.locator("#calc-comparateur_offres-resultat table.calc-comparaison-offres").bounding_box()
    assert table["x"] <= offers[0]["x"] + 1 and table["width"] > offers[-1]["right"] - offers[0]["x"]


def test_the_status_comparator_shows_the_net_per_status_beside_its_form(fresh, site_url):
    page, _ = fresh(viewport=DESKTOP)
    at = _open_blocked(page, site_url, "comparateur-statuts")
    form = page.locator("#calc-comparateur_statuts-form").bounding_box()
    nets = page.locator("#calc-comparateur_statuts-resultat .calc-chiffre[data-code^='net_apres_impot']")
    assert nets.count() >= 4
    first = nets.first.bounding_box()
    assert first["x"] >= form["x"] + form["width"]  # beside the form
    assert first["y"] < DESKTOP["height"]
    assert at["result"]["y"] < DESKTOP["height"]


@pytest.mark.parametrize("path,uid", [("portage", "calc-portage"), ("salarie", "calc-salarie"),
                                      ("comparateur-statuts", "calc-comparateur_statuts")])
def test_on_a_phone_the_key_figures_come_right_under_the_first_fields(fresh, site_url, path, uid):
    # as a visitor sees the page while the engine loads (its files never come)
    page, _ = fresh(viewport=PHONE)
    page.route("**/runtime/**", lambda route: None)
    page.goto(f"{site_url}/simulateurs/{path}/")
    figure = page.locator(f"#{uid}-resultat .calc-chiffre").first
    box = figure.bounding_box()
    assert box and box["y"] < PHONE["height"]
    # the key figures in view: the bar that repeats the net is not over them
    bar = page.locator(f"#{uid} .calc-apercu")
    page.locator(f"#{uid} .calc-apercu.calc-apercu--masque").wait_for(state="attached")
    # further down, with the key figures out of view, the bar gives the net (the
    # comparator's highest), a link to the result
    page.evaluate(f"""() => {{
      const f = document.querySelector('#{uid}-resultat .calc-chiffres').getBoundingClientRect();
      scrollTo(0, f.bottom + scrollY + 1);
    }}""")
    page.locator(f"#{uid} .calc-apercu.calc-apercu--masque").wait_for(state="detached")
    nets = page.evaluate(f"""() => Array.from(document.querySelectorAll('#{uid}-resultat .calc-chiffre'))
      .filter(c => /^(revenu_)?net_apres_impot/.test(c.dataset.code))
      .map(c => [parseFloat(c.querySelector('.calc-valeur').dataset.valeur), c.querySelector('.calc-valeur').textContent])""")
    assert nets
    assert max(nets)[1] in bar.inner_text()
    assert bar.get_attribute("href") == f"#{uid}-resultat"
    box = bar.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"] + 1
    # the link leads to the result (on a phone the result has no box of its own)
    bar.click()
    page.wait_for_timeout(1000)  # a smooth scroll
    top = page.locator(f"#{uid}-resultat .calc-date").bounding_box()["y"]
    assert 0 <= top < PHONE["height"]


def test_a_value_of_the_link_under_more_options_opens_them(fresh, site_url):
    page, _ = fresh(viewport=PHONE)
    page.route("**/runtime/**", lambda route: route.abort())
    page.goto(f"{site_url}/simulateurs/portage/?contrat=cdd")
    assert page.locator("#calc-portage details.calc-avance").evaluate("d => d.open")
    assert page.locator("#calc-portage-contrat").is_visible()
    assert page.locator("#calc-portage-contrat").input_value() == "cdd"


def test_on_a_desktop_the_bar_is_not_shown_beside_a_result_already_in_view(fresh, site_url):
    page, _ = fresh(viewport=DESKTOP)
    page.route("**/runtime/**", lambda route: route.abort())
    page.goto(f"{site_url}/simulateurs/portage/")
    assert not page.locator("#calc-portage .calc-apercu").is_visible()
