"""A result above the fold (issue 12): on a calculator page the calculator comes
right under the title, before the explanations; on a 1 280 × 900 screen its first
field and its first key figure are within the first screen (the comparators,
whose fields sit side by side, within two)."""

from __future__ import annotations

import pytest

WHERE = """() => {
  const r = document.querySelector('.calculateur');
  const y = (e) => e ? e.getBoundingClientRect().top + scrollY : null;
  const prose = document.querySelector('.prose > p');
  return {
    field: y(r.querySelector('.calc-form input, .calc-form select')),
    result: y(r.querySelector('.calc-sortie .calc-chiffre, .calc-sortie table')),
    prose: y(prose),
  };
}"""


@pytest.mark.parametrize("path,screens", [
    ("portage", 1), ("salarie", 1), ("micro-entreprise", 1), ("sasu", 1), ("eurl", 1), ("tjm", 1),
    ("protection-sociale", 1), ("comparateur-statuts", 2), ("comparateur-offres", 2),
])
def test_first_field_and_first_result_within_the_first_screen(fresh, site_url, path, screens):
    page, _ = fresh(viewport={"width": 1280, "height": 900})
    page.route("**/runtime/**", lambda route: route.abort())  # the prerendered result
    page.goto(f"{site_url}/simulateurs/{path}/")
    at = page.evaluate(WHERE)
    assert at["field"] < 900
    assert at["result"] < 900 * screens
    # the explanations come after the calculator
    assert at["prose"] is None or at["prose"] > at["field"]


@pytest.mark.parametrize("path,uid", [("portage", "calc-portage"), ("salarie", "calc-salarie"),
                                      ("comparateur-statuts", "calc-comparateur_statuts")])
def test_on_a_phone_the_key_result_is_in_the_first_screen(fresh, site_url, path, uid):
    # the net (the comparator's highest) in a bar at the bottom of the screen while
    # the form is in view, a link to the whole result
    page, _ = fresh(viewport={"width": 375, "height": 812})
    page.route("**/runtime/**", lambda route: route.abort())
    page.goto(f"{site_url}/simulateurs/{path}/")
    bar = page.locator(f"#{uid} .calc-apercu")
    box = bar.bounding_box()
    # in the first screen (it stays inside the calculator: it shows whole once its top is in view)
    assert box and 0 <= box["y"] < 812
    nets = page.evaluate(f"""() => Array.from(document.querySelectorAll('#{uid}-resultat .calc-chiffre'))
      .filter(c => /^(revenu_)?net_apres_impot/.test(c.dataset.code))
      .map(c => [parseFloat(c.querySelector('.calc-valeur').dataset.valeur), c.querySelector('.calc-valeur').textContent])""")
    assert nets
    assert max(nets)[1] in bar.inner_text()
    assert bar.get_attribute("href") == f"#{uid}-resultat"
    # on a phone, 812 px further down, the bar has followed
    page.mouse.wheel(0, 812)
    page.wait_for_timeout(200)
    box = bar.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 812 + 1


def test_on_a_desktop_the_bar_is_not_shown_beside_a_result_already_in_view(fresh, site_url):
    page, _ = fresh(viewport={"width": 1280, "height": 900})
    page.route("**/runtime/**", lambda route: route.abort())
    page.goto(f"{site_url}/simulateurs/portage/")
    assert not page.locator("#calc-portage .calc-apercu").is_visible()
