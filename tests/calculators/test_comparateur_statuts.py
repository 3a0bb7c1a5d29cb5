"""The status comparator calls each status's own calculator (one code path):
its figures equal what each calculator gives for the same mission, written out
here by hand (not through the comparator's own input builder).

Mission: TJM 550 €, 18 days a month, 250 € of expenses a month, 1 July 2026.
- turnover 550 × 18 = 9 900 €/month, 118 800 €/year;
- portage: tjm 550, jours 18, frais_gestion 0.07, frais_professionnels 250;
- micro: chiffre_affaires 118 800 per year (BNC SSI); the expenses are not
  deductible: net = revenu net / 12 − 250;
- EURL and SASU: the company spends 118 800 − 12 × 250 = 115 800 € a year on the
  manager's pay (cout_total), EURL activity « liberale »;
- CDI reference: salarie with the portage result's employer cost.

The nets before tax are the calculators'; the tax after them is the household's
barème, one method for every column (test_comparateur_statuts_impot.py).
"""

from __future__ import annotations

import pytest

import calculators
from calculators import comparateur_statuts

MISSION = {"tjm": 550, "jours": 18, "frais": 250, "frais_gestion": 0.07, "date": "2026-07-01"}


def run(name, inputs):
    out = calculators.run(name, inputs)
    assert out["ok"], out
    return out["result"]


@pytest.fixture(scope="module")
def cmp():
    return run("comparateur_statuts", MISSION)


def col(cmp, code):
    return next(s for s in cmp["statuts"] if s["code"] == code)


def test_every_status_is_in_the_comparison(cmp):
    assert [s["code"] for s in cmp["statuts"]] == ["cdi", "portage", "micro", "eurl", "sasu"]
    assert cmp["chiffre_affaires"] == 9900


def test_portage_column_is_the_portage_calculator(cmp):
    r = run("portage", {"tjm": 550, "jours": 18, "frais_gestion": 0.07, "frais_professionnels": 250,
                        "date": "2026-07-01"})
    c = col(cmp, "portage")
    assert c["net_avant_impot"] == r["net_avant_impot"]
    assert cmp["nets"]["portage"]["net_avant_impot"] == r["net_avant_impot"]
    # the calculator's withholding is the advance, shown apart from the tax (test_comparateur_statuts_impot.py)
    assert c["prelevement_source"] == round(r["net_avant_impot"] - r["net_apres_impot"], 2)


def test_micro_column_is_the_micro_calculator_less_the_expenses(cmp):
    r = run("micro", {"chiffre_affaires": 118800, "periode": "annee", "activite": "bnc_ssi", "date": "2026-07-01"})
    c = col(cmp, "micro")
    assert c["net_avant_impot"] == round(r["annuel"]["revenu_net"] / 12 - 250, 2)
    assert c["net_apres_impot"] == round(r["annuel"]["revenu_net_apres_impot"] / 12 - 250, 2)
    assert c["impot_revenu"] == round(r["annuel"]["impot_revenu"] / 12, 2)


@pytest.mark.parametrize("code,extra", [("eurl", {"activite": "liberale"}), ("sasu", {})])
def test_company_columns_are_their_calculators_with_the_whole_budget(cmp, code, extra):
    r = run(code, {"cout_total": 115800, "periode": "annee", "date": "2026-07-01", **extra})
    c = col(cmp, code)
    assert c["net_avant_impot"] == round(r["net_avant_impot"] / 12, 2)
    # its net imposable (the base of the column's tax, after the 10 % deduction)
    assert c["revenu_imposable"] == round(r["annuel"]["net_imposable"] * 0.9 / 12, 2)


def test_cdi_reference_costs_the_employer_what_the_portage_firm_spends(cmp):
    portage = run("portage", {"tjm": 550, "jours": 18, "frais_gestion": 0.07, "frais_professionnels": 250,
                              "date": "2026-07-01"})
    r = run("salarie", {"cout_employeur": portage["cout_employeur"], "date": "2026-07-01"})
    c = col(cmp, "cdi")
    assert c["cout"] == r["cout_employeur"]
    assert c["net_avant_impot"] == r["net_avant_impot"]
    assert c["prelevement_source"] == round(r["net_avant_impot"] - r["net_apres_impot"], 2)


def test_the_chart_at_the_mission_tjm_equals_the_table(cmp):
    c = cmp["courbes"]
    k = c["tjm"].index(550)
    for s in cmp["statuts"]:
        y = c["series"][s["code"]][k]
        if s["code"] == "micro":
            # 118 800 € a year is above the 83 600 € ceiling (2026): no micro point there
            assert y is None
        else:
            assert y == s["net_apres_impot"], s["code"]


def test_the_micro_line_ends_at_its_ceiling(cmp):
    c = cmp["courbes"]
    # 83 600 / 12 / 18 = 387.037… → 387.03 €/day is the last TJM within the ceiling
    assert 387.03 in c["tjm"]
    k = c["tjm"].index(387.03)
    assert c["series"]["micro"][k] is not None and c["series"]["micro"][k + 1] is None


def test_crossings_are_where_the_difference_changes_sign(cmp):
    c = cmp["courbes"]
    xs = c["tjm"]
    for cr in cmp["croisements"]:
        a, b = cr["statuts"]
        k = max(i for i, x in enumerate(xs) if x <= cr["tjm"])
        d0 = c["series"][a][k] - c["series"][b][k]
        d1 = c["series"][a][k + 1] - c["series"][b][k + 1]
        assert d0 * d1 < 0


def test_social_protection_rows_are_text_for_every_status(cmp):
    codes = {r["code"] for r in cmp["comparaison_statuts"]}
    assert {"chomage", "retraite", "maladie"} <= codes
    for s in cmp["statuts"]:
        for k in ("chomage", "retraite", "maladie"):
            assert isinstance(s[k], str) and len(s[k]) > 20
    # unemployment insurance: only the salaried statuses
    assert col(cmp, "portage")["chomage"].startswith("Oui")
    assert col(cmp, "sasu")["chomage"].startswith("Non")


def test_rendered_table_shows_protection_rows_without_disclosure(cmp):
    from calculators.render import render_result
    html = render_result("comparateur_statuts", cmp, "u")
    table = html.split('<table class="calc-lignes calc-comparaison-statuts">')[1].split("</table>")[0]
    assert 'data-code="chomage"' in table and 'data-code="maladie"' in table
    # the comparison table is not inside a <details>
    before = html.split('<table class="calc-lignes calc-comparaison-statuts">')[0]
    assert before.count("<details") == before.count("</details>")
    assert html.count('class="calc-courbe calc-courbe--') == 5


def test_a_status_not_registered_is_left_out_and_named(monkeypatch):
    monkeypatch.setattr(comparateur_statuts, "_registered",
                        lambda: {"salarie", "portage", "micro", "eurl", "comparateur_statuts"})
    r = comparateur_statuts.compute(calculators.core.schema.validate(comparateur_statuts.FIELDS, MISSION)[0])
    assert "sasu" not in [s["code"] for s in r["statuts"]]
    assert "sasu" not in r["courbes"]["series"]
    assert any("SASU" in h for h in r["hypotheses"])


def test_yearly_turnover_replaces_tjm_times_days():
    r = run("comparateur_statuts", {"chiffre_affaires_annuel": 70000, "jours": 15, "date": "2026-07-01"})
    # 70 000 / 12 = 5 833.33 €/month; TJM 5 833.33 / 15 = 388.89 €/day
    assert r["chiffre_affaires"] == 5833.33
    assert r["tjm"] == 388.89


def test_expenses_above_the_turnover_are_reported_not_raised():
    out = calculators.run("comparateur_statuts", {"tjm": 100, "jours": 10, "frais": 5000, "date": "2026-07-01"})
    assert out["ok"]
    assert any("Portage" in a["message"] for a in out["result"]["alertes"])


def test_prose_expressions_reach_the_nets_and_the_micro_figures():
    import sys
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "plugins"))
    from calculateurs.expressions import evaluate

    r = run("comparateur_statuts", {"tjm": 500})
    # 1 234 € written the French way: narrow no-break space, no-break space before €
    shown = evaluate("comparateur_statuts(tjm=500).nets.micro.net_apres_impot | euros")
    whole = f"{round(r['nets']['micro']['net_apres_impot']):,}".replace(",", "\u202f")
    assert shown == f"{whole}\u00a0€"
    m = run("micro", {"chiffre_affaires": 60000})
    assert evaluate("micro(chiffre_affaires=60000).revenu_net | euros") == \
        f"{round(m['revenu_net']):,}".replace(",", "\u202f") + "\u00a0€"
