"""The « Quitter son CDI » page: prerendered without JavaScript (equal to the
command line), live recompute equal to the command line, URL round trip,
keyboard only, no accessibility violation in light and dark (one page for the
live tests, so Pyodide boots once)."""

from __future__ import annotations

from _page import axe_clean, presets, same_as_cli, wait_result_for

UID = "calc-quitter_cdi"
URL = "/simulateurs/quitter-son-cdi/"


def _same_as_cli(page, inputs):
    return same_as_cli(page, "quitter_cdi", UID, inputs)


def _axe(page):
    axe_clean(page, "light", "dark")


def test_without_javascript_the_preset_result_is_in_the_page(fresh, site_url):
    page, watch = fresh(java_script_enabled=False)
    page.goto(f"{site_url}{URL}")
    ref = _same_as_cli(page, {})
    # the page's presets: 5 000 € gross, 5 years, rupture conventionnelle on 30 September 2026
    assert presets(page, UID)["salaire_brut"] in (5000, "5000")
    assert ref["indemnite_legale"] == 5000 * 5 / 4
    assert ref["date_premier_jour"] == "2026-10-08"
    assert page.locator(f"#{UID} .calc-nojs").is_visible()
    # the unsure rules are named under the result
    assert page.locator(f"#{UID}-resultat .calc-incertitudes").count() == 1
    assert watch.runtime() == [] and watch.foreign() == []


def test_live_recompute_equals_the_command_line(live, site_url):
    page, watch = live
    page.goto(f"{site_url}{URL}")
    _axe(page)
    page.locator(f"#{UID}-salaire_brut").fill("7200")
    wait_result_for(page, UID, "salaire_brut", "7200")
    ref = _same_as_cli(page, {"salaire_brut": "7200"})
    assert ref["degressivite"] is True
    assert "salaire_brut=7200" in page.url
    page.locator(f"#{UID}-projet").select_option("portage")
    wait_result_for(page, UID, "projet", "portage")
    _same_as_cli(page, {"salaire_brut": "7200", "projet": "portage"})
    _axe(page)
    assert watch.foreign() == []


def test_keyboard_only_tab_to_the_salary_type_and_the_result_updates(live, site_url):
    page, _ = live
    page.goto(f"{site_url}{URL}")
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement ? document.activeElement.id : ''") == f"{UID}-salaire_brut":
            break
    else:
        raise AssertionError("Tab never reached the salary field")
    page.keyboard.press("Control+A")
    page.keyboard.type("4100")
    wait_result_for(page, UID, "salaire_brut", "4100")
    _same_as_cli(page, {"salaire_brut": "4100"})
    status = page.locator(f"#{UID}-etat")
    assert status.get_attribute("aria-live") == "polite"


def test_url_inputs_are_restored_with_their_result(fresh, site_url):
    page, watch = fresh()
    page.goto(f"{site_url}{URL}?salaire_brut=6000&mode_depart=demission")
    assert page.locator(f"#{UID}-salaire_brut").input_value() == "6000"
    wait_result_for(page, UID, "salaire_brut", "6000")
    ref = _same_as_cli(page, {"salaire_brut": "6000", "mode_depart": "demission"})
    assert ref["droits_ouverts"] is False
    assert watch.foreign() == []
