"""The micro-entreprise simulator page: prerendered without JavaScript, live
recompute equal to the command line, URL round trip, no accessibility
violation (one page for the live tests, so Pyodide boots once)."""

from __future__ import annotations

from _page import axe_clean, presets, same_as_cli, wait_result_for

UID = "calc-micro"
URL = "/simulateurs/micro-entreprise/"


def _same_as_cli(page, inputs):
    return same_as_cli(page, "micro", UID, inputs)


def _axe(page):
    axe_clean(page)


def test_without_javascript_the_preset_result_is_in_the_page(fresh, site_url):
    page, watch = fresh(java_script_enabled=False)
    page.goto(f"{site_url}{URL}")
    ref = _same_as_cli(page, {})
    # the page's presets: 60 000 € a year of BNC turnover
    assert presets(page, UID)["chiffre_affaires"] in (60000, "60000")
    assert ref["annuel"]["chiffre_affaires"] == 60000
    assert page.locator(f"#{UID} .calc-nojs").is_visible()
    assert page.locator(f"#{UID} svg[role=img] desc").count() == 1
    assert watch.runtime() == [] and watch.foreign() == []


def test_live_recompute_equals_the_command_line(live, site_url):
    page, watch = live
    page.goto(f"{site_url}{URL}")
    _axe(page)
    page.locator(f"#{UID}-chiffre_affaires").fill("91234")
    wait_result_for(page, UID, "chiffre_affaires", "91234")
    ref = _same_as_cli(page, {"chiffre_affaires": "91234"})
    # above the 83 600 € ceiling (2026, services): the warning is shown
    assert any("plafond" in a["message"] for a in ref["alertes"])
    assert page.locator(f"#{UID}-resultat .calc-alerte--attention").count() >= 1
    assert "chiffre_affaires=91234" in page.url
    page.locator(f"#{UID}-activite").select_option("bic_services")
    wait_result_for(page, UID, "activite", "bic_services")
    _same_as_cli(page, {"chiffre_affaires": "91234", "activite": "bic_services"})
    _axe(page)
    assert watch.foreign() == []


def test_url_inputs_are_restored_with_their_result(fresh, site_url):
    page, watch = fresh()
    page.goto(f"{site_url}{URL}?chiffre_affaires=4200&periode=mois&activite=bic_ventes&versement_liberatoire=true")
    assert page.locator(f"#{UID}-chiffre_affaires").input_value() == "4200"
    wait_result_for(page, UID, "chiffre_affaires", "4200")
    ref = _same_as_cli(page, {"chiffre_affaires": "4200", "periode": "mois", "activite": "bic_ventes",
                              "versement_liberatoire": "true"})
    assert ref["versement_liberatoire"] is True
    assert watch.foreign() == []
