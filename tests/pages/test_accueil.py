"""The home page answers at once (issue 12): a TJM and a days field whose answer
is the net per status (the status comparator's key figures), prerendered for the
preset values and live on change, above the list of guides; the engine loads on
interaction only."""

from __future__ import annotations

from _page import same_as_cli, wait_result_for

UID = "calc-comparateur_statuts"


def _same_as_cli(page, inputs):
    return same_as_cli(page, "comparateur_statuts", UID, inputs)


def test_the_home_page_shows_the_net_per_status_before_the_guides(fresh, site_url):
    page, watch = fresh(viewport={"width": 375, "height": 812})
    page.goto(site_url + "/")
    ref = _same_as_cli(page, {})
    codes = [c["code"] for c in ref["chiffres_cles"]]
    assert sum(c.startswith("net_apres_impot_") for c in codes) >= 4  # a net per status
    # two fields in view, the others one click away
    visible = [c.get_attribute("name") for c in page.locator(f"#{UID}-form input, #{UID}-form select").all()
               if c.is_visible()]
    assert visible == ["tjm", "jours"]
    calc = page.locator(f"#{UID}").bounding_box()["y"]
    assert calc < page.locator("#accueil-simulateurs").bounding_box()["y"]
    # light: nothing of the engine is fetched without an interaction
    page.wait_for_timeout(5000)
    assert watch.runtime() == []


def test_the_home_page_answers_a_change_live(fresh, site_url):
    page, watch = fresh(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "/")
    page.locator(f"#{UID}-tjm").fill("700")
    wait_result_for(page, UID, "tjm", "700")
    _same_as_cli(page, {"tjm": "700"})
    page.locator(f"#{UID}-jours").fill("15")
    wait_result_for(page, UID, "jours", "15")
    _same_as_cli(page, {"tjm": "700", "jours": "15"})
    assert watch.foreign() == []


def test_an_article_calculator_starts_compact_the_whole_form_one_click_away(fresh, site_url):
    page, watch = fresh(viewport={"width": 375, "height": 812})
    page.goto(site_url + "/portage-salarial/du-tjm-au-salaire-net/")
    root = page.locator(".calculateur").first
    uid = root.get_attribute("id")
    shown = [c.get_attribute("name") for c in root.locator("form input, form select").all() if c.is_visible()]
    assert len(shown) == 2
    assert root.locator(f"#{uid}-resultat .calc-chiffre").first.is_visible()
    page.wait_for_timeout(5000)
    assert watch.runtime() == []  # the engine loads on interaction only
    more = root.locator("form details.calc-avance > summary")
    assert more.inner_text() == "Tous les paramètres"
    more.click()
    assert len([c for c in root.locator("form input, form select").all() if c.is_visible()]) > 2
