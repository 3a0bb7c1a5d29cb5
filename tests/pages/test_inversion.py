"""A result field is editable where the calculator inverts: type the net you
want in the salarié calculator and the gross follows (same as the CLI)."""

from __future__ import annotations

from _outils import cli
from _page import key_figures, wait_result_for


def test_typing_the_net_gives_the_gross_of_the_command_line(fresh, site_url):
    page, watch = fresh()
    page.goto(f"{site_url}/simulateurs/salarie/")
    uid = "calc-salarie"
    page.locator(f"#{uid}-net_avant_impot").fill("3000")
    wait_result_for(page, uid, "net_avant_impot", "3000")
    ref = cli("salarie", {"net_avant_impot": "3000"})
    assert float(page.locator(f"#{uid}-salaire_brut").input_value()) == round(ref["salaire_brut"], 2)
    assert [(c, v) for c, v, _ in key_figures(page, uid)] == [(c["code"], c["valeur"]) for c in ref["chiffres_cles"]]
    assert "net_avant_impot=3000" in page.url and "salaire_brut" not in page.url
    assert watch.console == [] and watch.foreign() == []
