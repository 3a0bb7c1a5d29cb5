"""The status comparator page: prerendered without JavaScript (table, social
protection rows visible, chart), live recompute equal to the command line, URL
round trip, no accessibility violation."""

from __future__ import annotations

from _outils import cli, figure
from _page import axe_clean, key_figures, presets, wait_result_for

UID = "calc-comparateur_statuts"
URL = "/simulateurs/comparateur-statuts/"


def _same_as_cli(page, inputs):
    ref = cli("comparateur_statuts", {**presets(page, UID), **inputs})
    shown = key_figures(page, UID)
    assert [(c, v) for c, v, _ in shown] == [(c["code"], c["valeur"]) for c in ref["chiffres_cles"]]
    assert [t for _, _, t in shown] == [figure(c["valeur"], c["unite"]) for c in ref["chiffres_cles"]]
    # the table: one column per status, each net equal to the command line's
    for s in ref["statuts"]:
        cell = page.locator(f"#{UID}-resultat tr[data-code=net_apres_impot] td[data-statut={s['code']}]")
        assert float(cell.get_attribute("data-valeur")) == s["net_apres_impot"], s["code"]
        # the computed protection rows (issue 10) follow the same inputs
        for code in ("trimestres", "pension_complementaire_annuelle", "ij_maladie_jour", "capital_deces"):
            if s.get(code) is None:
                continue
            cell = page.locator(f"#{UID}-resultat tr[data-code={code}] td[data-statut={s['code']}]")
            assert float(cell.get_attribute("data-valeur")) == s[code], (code, s["code"])
    return ref


def _axe(page):
    axe_clean(page)


def test_without_javascript_the_comparison_is_complete(fresh, site_url):
    page, watch = fresh(java_script_enabled=False)
    page.goto(f"{site_url}{URL}")
    ref = _same_as_cli(page, {})
    assert [s["code"] for s in ref["statuts"]] == ["cdi", "portage", "micro", "eurl", "sasu"]
    # social protection rows are visible at once (not in a collapsed block)
    for code in ("trimestres", "pension_complementaire_annuelle", "ij_maladie_jour", "capital_deces",
                 "chomage", "retraite", "maladie"):
        row = page.locator(f"#{UID}-resultat tr[data-code={code}]")
        assert row.is_visible(), code
    # the chart: one line per status, with its text alternative
    assert page.locator(f"#{UID}-resultat .calc-courbe").count() == len(ref["statuts"])
    assert page.locator(f"#{UID}-resultat svg.calc-graphique--courbes desc").count() == 1
    assert watch.runtime() == [] and watch.foreign() == []


def test_live_recompute_equals_the_command_line_and_is_accessible(live, site_url):
    page, watch = live
    page.goto(f"{site_url}{URL}")
    _axe(page)
    page.locator(f"#{UID}-tjm").fill("720")
    wait_result_for(page, UID, "tjm", "720")
    _same_as_cli(page, {"tjm": "720"})
    assert "tjm=720" in page.url
    _axe(page)
    assert watch.foreign() == []


def test_url_inputs_are_restored_with_their_result(fresh, site_url):
    page, watch = fresh()
    page.goto(f"{site_url}{URL}?tjm=520&jours=16&frais=150")
    assert page.locator(f"#{UID}-tjm").input_value() == "520"
    wait_result_for(page, UID, "tjm", "520")
    _same_as_cli(page, {"tjm": "520", "jours": "16", "frais": "150"})
    assert watch.foreign() == []
