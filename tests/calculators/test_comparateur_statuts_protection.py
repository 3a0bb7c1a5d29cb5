"""The status comparator's protection rows: each column's figure is the
protection calculator's, for that status, on the comparator's own inputs
(one code path), and the rows are in the HTML built without JavaScript."""

import pytest

import calculators
from calculators import render

MISSIONS = [{"tjm": 600, "jours": 18}, {"tjm": 300, "jours": 10}]
ROWS = ("trimestres", "pension_complementaire_annuelle", "ij_maladie_jour", "capital_deces")
STATUTS = ("cdi", "portage", "micro", "eurl", "sasu")


def _comparateur(mission):
    r = calculators.run("comparateur_statuts", mission)
    assert r["ok"], r["errors"]
    return r["result"]


@pytest.mark.parametrize("mission", MISSIONS, ids=lambda m: f"{m['tjm']}x{m['jours']}")
def test_each_row_is_the_protection_calculators_figure(mission):
    res = _comparateur(mission)
    cols = {s["code"]: s for s in res["statuts"]}
    assert set(cols) == set(STATUTS)
    codes = [row["code"] for row in res["comparaison_statuts"]]
    for statut in STATUTS:
        prot = calculators.run("protection", {"statut": statut, **mission})
        assert prot["ok"], prot["errors"]
        for code in ROWS:
            assert code in codes
            assert cols[statut][code] == prot["result"][code], (statut, code)


@pytest.mark.parametrize("mission", MISSIONS, ids=lambda m: f"{m['tjm']}x{m['jours']}")
def test_rows_and_sentences_in_the_html(mission):
    res = _comparateur(mission)
    html = render.render_result("comparateur_statuts", res)
    rows = {row["code"]: row for row in res["comparaison_statuts"]}
    for code in ROWS:
        assert f'<tr data-code="{code}">' in html
        assert rows[code]["libelle"] in html
        phrase = rows[code]["phrase"]
        assert phrase and f'data-phrase="{code}"' in html
        assert render._h(phrase) in html
    # the unemployment prose row is kept
    assert '<tr data-code="chomage">' in html
    assert "Jours de carence" in rows["ij_maladie_jour"]["phrase"]


def test_equal_values_are_named_and_none_is_not_zero():
    res = _comparateur(MISSIONS[0])
    rows = {row["code"]: row for row in res["comparaison_statuts"]}
    cols = {s["code"]: s for s in res["statuts"]}
    # every status validates the same quarters here: the sentence says so
    if len({cols[s]["trimestres"] for s in STATUTS}) == 1:
        assert "Même valeur pour tous les statuts" in rows["trimestres"]["phrase"]
    # a figure that does not apply is shown in words, never as 0
    r = dict(res, statuts=[dict(s, capital_deces=None) if s["code"] == "micro" else s for s in res["statuts"]])
    html = render.render_comparaison_statuts(r, "t")
    row = html[html.index('<tr data-code="capital_deces">'):]
    row = row[:row.index("</tr>")]
    assert "ne s’applique pas" in row


def test_a_missing_figure_is_a_dash_not_ne_s_applique_pas():
    res = _comparateur(MISSIONS[0])
    r = dict(res, statuts=[{k: v for k, v in s.items() if k != "capital_deces"} if s["code"] == "micro" else s
                           for s in res["statuts"]])
    html = render.render_comparaison_statuts(r, "t")
    row = html[html.index('<tr data-code="capital_deces">'):]
    row = row[:row.index("</tr>")]
    assert "ne s’applique pas" not in row and "—" in row
