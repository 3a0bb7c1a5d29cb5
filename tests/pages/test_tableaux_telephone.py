"""The status comparator and the payslip tables on a phone (375 px) and a desktop
(1 280 px), issue 12: readable without horizontal scrolling (a card per status
on a phone), never clipped on a desktop.  Prerendered results (no engine needed)."""

from __future__ import annotations

import pytest
from _outils import cli, figure

# every table region of the result, with its details open: does it scroll sideways?
OVERFLOW = """() => {
  document.querySelectorAll('.calculateur details').forEach(d => d.open = true);
  return Array.from(document.querySelectorAll('.calc-sortie .calc-table-scroll'))
    .filter(e => e.offsetParent)
    .filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => [e.getAttribute('aria-labelledby'), e.scrollWidth, e.clientWidth]);
}"""


@pytest.fixture
def phone(fresh):
    def make(width, height=900):
        page, _ = fresh(viewport={"width": width, "height": height})
        page.route("**/runtime/**", lambda route: route.abort())  # the prerendered result only
        return page
    return make


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["portage", "salarie", "sasu", "tjm", "micro-entreprise", "eurl", "comparateur-statuts"])
def test_no_table_of_a_result_scrolls_sideways(phone, site_url, path, width):
    page = phone(width)
    page.goto(f"{site_url}/simulateurs/{path}/")
    assert page.evaluate(OVERFLOW) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_status_comparator_is_a_card_per_status_on_a_phone(phone, site_url):
    page = phone(375)
    page.goto(f"{site_url}/simulateurs/comparateur-statuts/")
    uid = "calc-comparateur_statuts"
    import json
    presets = json.loads(page.locator(f"#{uid}").get_attribute("data-presets"))
    ref = cli("comparateur_statuts", presets)
    cards = page.locator(f"#{uid}-resultat .calc-statut-carte")
    assert cards.count() == len(ref["statuts"])
    assert not page.locator(f"#{uid}-resultat .calc-comparaison-statuts").is_visible()
    unit = {r["code"]: r.get("unite", "") for r in ref["comparaison_statuts"]}["net_apres_impot"]
    for s in ref["statuts"]:
        card = page.locator(f"#{uid}-resultat [data-carte-statut={s['code']}]")
        assert card.is_visible()
        assert s["libelle"] in card.locator(".calc-statut-nom").inner_text()
        if "erreur" not in s:
            net = card.locator(".calc-carte-ligne[data-code=net_apres_impot] dd").inner_text()
            assert net == figure(s["net_apres_impot"], unit)
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375


def test_the_status_comparator_is_the_whole_table_on_a_desktop(phone, site_url):
    page = phone(1280)
    page.goto(f"{site_url}/simulateurs/comparateur-statuts/")
    uid = "calc-comparateur_statuts"
    assert page.locator(f"#{uid}-resultat .calc-comparaison-statuts").is_visible()
    assert not page.locator(f"#{uid}-resultat .calc-statuts-cartes").is_visible()
    table = page.locator(f"#{uid}-resultat .calc-comparaison-statuts").bounding_box()
    assert table["x"] + table["width"] <= 1280


def test_a_table_of_an_article_scrolls_in_a_region_the_keyboard_reaches(phone, site_url):
    page = phone(375, 812)
    page.goto(f"{site_url}/statuts/comparaison-des-statuts/")
    regions = page.locator(".prose .tableau-defilant")
    assert regions.count() > 0
    for r in regions.all():
        assert r.get_attribute("tabindex") == "0" and r.get_attribute("role") == "region"
        assert r.get_attribute("aria-label")
        assert r.locator("table").count() == 1
    wide = [r for r in regions.all() if r.evaluate("e => e.scrollWidth > e.clientWidth")]
    assert wide, "no table wider than a phone on this page: pick another page"
    # Tab reaches the region, and the arrow keys scroll it
    wide[0].focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(200)
    assert wide[0].evaluate("e => e.scrollLeft") > 0
