"""A link with inputs in its query string restores them and their result."""

from __future__ import annotations

import pytest
from _outils import cli, figure
from _page import key_figures, presets, wait_result_for


def test_url_inputs_are_restored_with_their_result(fresh, site_url):
    page, watch = fresh()
    page.goto(f"{site_url}/simulateurs/portage/?tjm=720&jours=15")
    uid = "calc-portage"
    assert page.locator(f"#{uid}-tjm").input_value() == "720"
    assert page.locator(f"#{uid}-jours").input_value() == "15"
    wait_result_for(page, uid, "tjm", "720")
    ref = cli("portage", {**presets(page, uid), "tjm": "720", "jours": "15"})
    shown = key_figures(page, uid)
    assert [(c, v) for c, v, _ in shown] == [(c["code"], c["valeur"]) for c in ref["chiffres_cles"]]
    assert [t for _, _, t in shown] == [figure(c["valeur"], c["unite"]) for c in ref["chiffres_cles"]]
    assert watch.foreign() == []


# A value of the link that is not valid is shown with its French error beside the
# field, as if typed: never replaced silently by a default (issue 12).
@pytest.mark.parametrize("path,uid,query,field,message", [
    ("portage", "calc-portage", "tjm=douze", "tjm", "Saisissez un nombre."),
    ("portage", "calc-portage", "date=2026-13-45", "date", "Saisissez une date au format AAAA-MM-JJ."),
    ("micro-entreprise", "calc-micro", "activite=astrologie", "activite", "Valeur inconnue : « astrologie »"),
    ("micro-entreprise", "calc-micro", "acre=peut-etre", "acre", "Répondez par oui ou par non."),
])
def test_a_bad_value_in_the_link_shows_its_error_in_the_field(fresh, site_url, path, uid, query, field, message):
    page, _ = fresh()
    page.goto(f"{site_url}/simulateurs/{path}/?{query}")
    before = key_figures(page, uid)
    error = page.locator(f"#{uid}-{field}-erreur")
    error.wait_for(state="visible")
    assert error.inner_text().replace("\u202f", " ").replace("\u00a0", " ").startswith(message)
    assert page.locator(f"#{uid}-{field}").get_attribute("aria-invalid") == "true"
    assert page.locator(f"#{uid} .calc-perime").is_visible()  # the prerendered result is not that link's
    assert key_figures(page, uid) == before
    if field == "tjm":
        assert page.locator(f"#{uid}-tjm").input_value() == "douze"  # kept as typed
