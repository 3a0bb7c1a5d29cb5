"""A link with inputs in its query string restores them and their result."""

from __future__ import annotations

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
