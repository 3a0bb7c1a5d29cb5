"""The portage calculator live in the browser (one page for the module, so
Pyodide boots once).  Each test brings the page to the state it needs
(`_at`), so they also pass alone or split across pytest-xdist workers."""

from __future__ import annotations

from _outils import cli, euros
from _page import axe_clean, key_figures, presets, same_as_cli, wait_result_for

UID = "calc-portage"


def _same_as_cli(page, inputs):
    return same_as_cli(page, "portage", UID, inputs)


def _at(page, site_url, tjm="812.5"):
    """The portage page showing the live result for ``tjm``."""
    if "/simulateurs/portage/" not in page.url:
        page.goto(f"{site_url}/simulateurs/portage/")
    entrees = page.locator(f"#{UID}").get_attribute("data-entrees") or ""
    if f'"tjm":"{tjm}"' not in entrees or page.locator(f"#{UID} .calc-perime").count():
        page.locator(f"#{UID}-tjm").fill(tjm)
        wait_result_for(page, UID, "tjm", tjm)


def _axe(page):
    axe_clean(page)


def test_page_has_no_accessibility_violation_before_any_recompute(live, site_url):
    page, _ = live
    page.goto(f"{site_url}/simulateurs/portage/")
    _axe(page)


def test_keyboard_only_tab_to_the_tjm_type_and_the_result_updates(live, site_url):
    page, _ = live
    if "/simulateurs/portage/" not in page.url:
        page.goto(f"{site_url}/simulateurs/portage/")
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.locator(":focus").get_attribute("id") == f"{UID}-tjm":
            break
    else:
        raise AssertionError("Tab never reached the TJM field")
    page.keyboard.press("Control+A")
    page.keyboard.type("650")
    wait_result_for(page, UID, "tjm", "650")
    _same_as_cli(page, {"tjm": "650"})
    # announced politely
    status = page.locator(f"#{UID}-etat")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text().startswith("Résultat mis à jour")


def test_changing_the_tjm_gives_exactly_what_the_command_line_prints(live, site_url):
    page, _ = live
    _at(page, site_url, "650.5")
    page.locator(f"#{UID}-tjm").fill("812.5")
    wait_result_for(page, UID, "tjm", "812.5")
    ref = _same_as_cli(page, {"tjm": "812.5"})
    # the payslip-like breakdown and the chart follow the same result
    assert page.locator(f"#{UID}-resultat .calc-lignes tbody tr[data-code]").count() == len(ref["lignes"])
    assert page.locator(f"#{UID}-resultat .calc-barre").count() == len(ref["repartition"])
    # the inputs are mirrored in the URL
    assert "tjm=812.5" in page.url


def test_no_accessibility_violation_after_a_recompute(live, site_url):
    page, _ = live
    _at(page, site_url)
    page.locator(f"#{UID} .calc-detail summary").click()  # the breakdown, open
    _axe(page)


def test_invalid_input_shows_french_message_beside_the_field_and_keeps_last_result(live, site_url):
    page, _ = live
    _at(page, site_url)
    before = key_figures(page, UID)
    field = page.locator(f"#{UID}-tjm")
    field.fill("-5")
    error = page.locator(f"#{UID}-tjm-erreur")
    error.wait_for(state="visible")
    assert error.inner_text() == "La valeur doit être au moins 0 €/jour."  # calculators/core/schema.py
    assert field.get_attribute("aria-invalid") == "true"
    assert f"{UID}-tjm-erreur" in field.get_attribute("aria-describedby").split()
    assert key_figures(page, UID) == before
    assert page.locator(f"#{UID} .calc-perime").is_visible()
    _axe(page)
    field.fill("812.5")
    wait_result_for(page, UID, "tjm", "812.5")
    assert not error.is_visible() and field.get_attribute("aria-invalid") is None


def test_month_year_toggle_shows_yearly_figures(live, site_url):
    page, _ = live
    _at(page, site_url)
    ref = cli("portage", {**presets(page, UID), "tjm": "812.5"})
    toggle = page.get_by_role("button", name="Montants par an")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-pressed") == "true"
    code = ref["chiffres_cles"][0]["code"]
    yearly = page.locator(f"#{UID}-resultat .calc-chiffre[data-code={code}] .calc-periode--an")
    assert yearly.inner_text() == euros(ref["annuel"][code]) + "/an"
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-pressed") == "false"


def test_copy_link_button_copies_the_url_with_the_inputs(live, site_url):
    page, _ = live
    _at(page, site_url)
    page.get_by_role("button", name="Copier le lien de cette simulation").click()
    page.wait_for_selector(f"#{UID}-etat:has-text('Lien copié')")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.url and "tjm=812.5" in copied


def test_print_view_states_inputs_and_rules_year(live, site_url):
    page, _ = live
    _at(page, site_url)
    page.emulate_media(media="print")
    try:
        sheet = page.locator(f"#{UID}-impression")
        assert sheet.is_visible() and not page.locator(f"#{UID}-form").is_visible()
        text = sheet.inner_text()
        assert "règles 2026" in text and "812.5" in text and "Simulation imprimée le" in text
    finally:
        page.emulate_media(media="screen")


def test_nothing_left_the_origin_and_the_console_stayed_clean(live, site_url):
    page, watch = live
    _at(page, site_url)
    assert watch.runtime(), "the Pyodide runtime was never requested"
    assert watch.foreign() == []
    assert watch.console == []


def test_a_rate_is_shown_and_typed_as_a_percentage(live, site_url):
    # The engine takes fractions (frais_gestion 0.075); a reader types 7,5 %.
    from calculators import get

    page, _ = live
    page.goto(f"{site_url}/simulateurs/portage/")
    field = page.locator(f"#{UID}-frais_gestion")
    default = {f.name: f.default_value() for f in get("portage").FIELDS}["frais_gestion"]
    preset = presets(page, UID).get("frais_gestion")
    shown_fraction = float(preset) if preset is not None else default
    assert float(field.input_value()) == round(shown_fraction * 100, 9)
    field.fill("7.5")
    wait_result_for(page, UID, "frais_gestion", "7.5 %")  # sent as typed, read by the one parser
    _same_as_cli(page, {"frais_gestion": "0.075"})
    # an out-of-range rate is reported as a percentage beside the field
    field.fill("150")
    page.wait_for_selector(f"#{UID}-frais_gestion-erreur:not([hidden])")
    assert "100" in page.locator(f"#{UID}-frais_gestion-erreur").inner_text()
    assert "%" in page.locator(f"#{UID}-frais_gestion-erreur").inner_text()
