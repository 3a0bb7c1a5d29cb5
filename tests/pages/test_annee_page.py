"""The « Une année avec et sans missions » page: prerendered without JavaScript
(equal to the command line, the year as charts with their text alternative and
a table), live recompute equal to the command line when one month changes,
keyboard only, no accessibility violation in light and dark, and a 375 px
phone without horizontal scroll (one page for the live tests, so Pyodide boots
once)."""

from __future__ import annotations

from _page import axe_clean, presets, same_as_cli, wait_result_for

UID = "calc-annee"
URL = "/simulateurs/annee-avec-et-sans-missions/"


def _same_as_cli(page, inputs):
    return same_as_cli(page, "annee", UID, inputs)


def _axe(page):
    axe_clean(page, "light", "dark")


def test_without_javascript_the_year_is_in_the_page_as_charts_text_and_tables(fresh, site_url):
    page, watch = fresh(java_script_enabled=False)
    page.goto(f"{site_url}{URL}")
    ref = _same_as_cli(page, {})
    # the page's presets: every status, 600 € × 18 days for 8 months, a budget of 4 000 € a month
    assert presets(page, UID)["statut"] == "tous"
    assert ref["jours_mois"] == [18.0] * 8 + [0.0] * 4
    res = page.locator(f"#{UID}-resultat")
    # one chart per status, each with its text alternative naming its months
    charts = res.locator("svg.calc-graphique--mois")
    assert charts.count() == 6
    desc = charts.first.locator("desc").text_content()
    assert "janvier" in desc and "décembre" in desc
    # the chart's values as a table, and the plain reading
    assert res.locator("table.calc-mois-valeurs tbody tr").count() == 12
    assert "mois sans mission" in res.locator(".calc-lecture").inner_text()
    assert page.locator(f"#{UID} .calc-nojs").is_visible()
    assert watch.runtime() == [] and watch.foreign() == []


def test_live_recompute_when_a_month_changes(live, site_url):
    page, watch = live
    page.goto(f"{site_url}{URL}")
    _axe(page)
    # the months are one click away, under « Plus d’options »
    page.locator(f"#{UID} details.calc-avance > summary").click()
    page.locator(f"#{UID}-jours_10").fill("15")
    wait_result_for(page, UID, "jours_10", "15")
    ref = _same_as_cli(page, {"jours_10": "15"})
    assert ref["jours_mois"][9] == 15
    assert "jours_10=15" in page.url
    # the October bar of the micro-entreprise chart now has a value
    cells = page.locator(f"#{UID}-resultat table.calc-mois-valeurs tbody tr").nth(9).locator("td")
    micro = [c for c in ref["colonnes"] if c["code"] == "micro"][0]
    assert float(cells.nth(3).get_attribute("data-valeur")) == micro["mois"][9]["encaisse"] > 0
    _axe(page)
    assert watch.foreign() == []


def test_keyboard_only_tab_to_a_month_and_the_result_updates(live, site_url):
    page, _ = live
    page.goto(f"{site_url}{URL}")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement ? document.activeElement.id : ''") == f"{UID}-jours_09":
            break
        # « Plus d’options » opens with the keyboard too
        if page.evaluate("document.activeElement.matches('details.calc-avance:not([open]) > summary')"):
            page.keyboard.press("Enter")
    else:
        raise AssertionError("Tab never reached the September field")
    page.keyboard.press("Control+A")
    page.keyboard.type("10")
    wait_result_for(page, UID, "jours_09", "10")
    _same_as_cli(page, {"jours_09": "10"})
    assert page.locator(f"#{UID}-etat").get_attribute("aria-live") == "polite"


def test_a_375_pixel_phone_has_no_horizontal_scroll(fresh, site_url):
    page, _ = fresh(viewport={"width": 375, "height": 740})
    page.goto(f"{site_url}{URL}")
    page.wait_for_selector(f"#{UID}-resultat svg.calc-graphique--mois")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{URL} is {width}px wide"
