"""Numbers as French people type them, in the browser (issue 12): « 812,5 »,
« 1 000 », « 1 000,50 € », a rate « 7,5 » or « 7,5 % » mean what they say and
give the figure the command line computes for that value; anything else is a
French error beside the field, the value kept as typed.  One page (portage),
so Pyodide boots once."""

from __future__ import annotations

import pytest
from _outils import cli
from _page import key_figures, presets, wait_result_for

UID = "calc-portage"
PATH = "/simulateurs/portage/"


def _goto(page, site_url):
    if PATH not in page.url:
        page.goto(site_url + PATH)


def _same_as_cli(page, inputs):
    ref = cli("portage", {**presets(page, UID), **inputs})
    assert [(c, v) for c, v, _ in key_figures(page, UID)] == [(c["code"], c["valeur"]) for c in ref["chiffres_cles"]]


@pytest.mark.parametrize("typed,value", [
    ("812,5", 812.5),
    ("1 000", 1000),
    ("1\u202f000", 1000),
    ("1\u00a0000,50 €", 1000.5),
    (" 640.25 ", 640.25),
])
def test_an_amount_typed_the_french_way(live, site_url, typed, value):
    page, _ = live
    _goto(page, site_url)
    page.locator(f"#{UID}-tjm").fill(typed)
    wait_result_for(page, UID, "tjm", typed.strip())
    _same_as_cli(page, {"tjm": value})


@pytest.mark.parametrize("typed,sent,fraction", [
    ("7,5", "7,5 %", 0.075),   # before: read as 75 % by the browser's number field
    ("7,5 %", "7,5 %", 0.075),
    ("12\u202f%", "12\u202f%", 0.12),
    ("9.25", "9.25 %", 0.0925),
])
def test_a_rate_typed_the_french_way(live, site_url, typed, sent, fraction):
    page, _ = live
    _goto(page, site_url)
    page.locator(f"#{UID}-tjm").fill("700")
    page.locator(f"#{UID}-frais_gestion").fill(typed)
    wait_result_for(page, UID, "frais_gestion", sent)
    _same_as_cli(page, {"tjm": 700, "frais_gestion": fraction})


@pytest.mark.parametrize("field,typed,message", [
    ("tjm", "8,12,5", "Saisissez un nombre."),
    ("tjm", "600 €/jour", "Saisissez un nombre."),
    ("tjm", "-5", "La valeur doit être au moins 0 €/jour."),
    ("frais_gestion", "7,5 €", "Saisissez un nombre."),
    ("frais_gestion", "150", "La valeur doit être au plus 100\u00a0%."),
])
def test_anything_else_is_an_error_beside_the_field_the_value_kept(live, site_url, field, typed, message):
    page, _ = live
    _goto(page, site_url)
    page.locator(f"#{UID}-tjm").fill("650")
    page.locator(f"#{UID}-frais_gestion").fill("8")
    wait_result_for(page, UID, "frais_gestion", "8 %")
    before = key_figures(page, UID)
    control = page.locator(f"#{UID}-{field}")
    control.fill(typed)
    error = page.locator(f"#{UID}-{field}-erreur")
    error.wait_for(state="visible")
    assert error.inner_text() == message
    assert control.input_value() == typed  # never a value the visitor did not type
    assert control.get_attribute("aria-invalid") == "true"
    assert key_figures(page, UID) == before  # the last result stays, marked as not current
    assert page.locator(f"#{UID} .calc-perime").is_visible()


def test_numeric_fields_are_text_fields_with_a_decimal_keyboard(live, site_url):
    page, _ = live
    _goto(page, site_url)
    for name in ("tjm", "jours", "frais_gestion"):
        control = page.locator(f"#{UID}-{name}")
        assert control.get_attribute("type") == "text", name
        assert control.get_attribute("inputmode") == "decimal", name
