"""The TJM calculator with ``statut`` = micro-entreprise: the smallest TJM (to the
cent) whose micro-entreprise net reaches the target, over the same billable days
as in portage.  Checked against the micro calculator itself, run forward at the
turnover the TJM gives (TJM × billable days of the year)."""

from __future__ import annotations

import datetime

import pytest

import calculators
from calculators.core.arrondi import cents
from calculators.core.parametres import At
from calculators.statuts import colonne


def run(name, inputs):
    out = calculators.run(name, inputs)
    assert out["ok"], out
    return out["result"]


def micro_net(tjm, jours_an, base, **extra):
    r = run("micro", {"chiffre_affaires": round(tjm * jours_an, 2), "periode": "annee", "date": "2026-07-01", **extra})
    if base == "net_apres_impot":  # the comparator's household method
        return apres_impot_foyer("micro", r)
    return round(r["annuel"]["revenu_net"] / 12, 2)


def apres_impot_foyer(code, result, frais_m=0.0, date="2026-07-01", annuel=False):
    """The status comparator's net after tax for one status's result: its net less
    what the income adds to the household's tax at the barème (one person, one part,
    no other income), ``statuts.colonne``, tested against the law in
    test_comparateur_statuts_impot.py."""
    col = colonne(code, result, frais_m, {}, At(datetime.date.fromisoformat(date)))
    if annuel:
        return cents(result["annuel"]["net_avant_impot"] - col["annuel"]["impot_revenu"])
    return col["net_apres_impot"]


CASES = [
    {"objectif": 4000},
    {"objectif": 2500, "base": "net_apres_impot"},
    {"objectif": 42000, "periode": "annee", "activite": "bic_services", "versement_liberatoire": True,
     "base": "net_apres_impot"},
    {"objectif": 1800, "activite": "bic_ventes"},
]


@pytest.mark.parametrize("case", CASES)
def test_smallest_tjm_whose_micro_net_reaches_the_target(case):
    r = run("tjm", {"statut": "micro", "date": "2026-07-01", **case})
    base = case.get("base", "net_avant_impot")
    extra = {k: case[k] for k in ("activite", "versement_liberatoire") if k in case}
    jf = r["jours_facturables"]
    target = r["objectif_mensuel"]
    assert micro_net(r["tjm"], jf, base, **extra) >= target
    assert micro_net(round(r["tjm"] - 0.01, 2), jf, base, **extra) < target
    assert r[base] == micro_net(r["tjm"], jf, base, **extra)
    assert r["statut"] == "micro"


def test_keep_my_salary_in_micro_needs_a_lower_tjm_than_in_portage():
    common = {"mode": "salaire_actuel", "salaire_brut_annuel": 55000, "date": "2026-07-01"}
    m = run("tjm", {**common, "statut": "micro"})
    p = run("tjm", {**common, "statut": "portage"})
    assert m["objectif_mensuel"] == p["objectif_mensuel"]
    # micro contributions (25.6 % of turnover) are far below portage fees + payroll contributions
    assert m["tjm"] < p["tjm"]


def test_a_target_above_the_micro_ceiling_is_flagged():
    r = run("tjm", {"statut": "micro", "objectif": 7000, "date": "2026-07-01"})
    assert any("plafond" in a["message"] for a in r["alertes"])


def test_expenses_come_out_of_the_micro_net_as_in_the_status_comparator():
    # 300 € of expenses a month, paid out of the micro-entrepreneur's income: the
    # target (3 000 € net before tax) is what is left after them, so the micro
    # calculator itself, at the turnover of the TJM, must give 3 000 + 300 € or more.
    r = run("tjm", {"statut": "micro", "objectif": 3000, "frais_professionnels": 300, "date": "2026-07-01"})
    jf = r["jours_facturables"]
    assert micro_net(r["tjm"], jf, "net_avant_impot") - 300 >= 3000
    assert micro_net(round(r["tjm"] - 0.01, 2), jf, "net_avant_impot") - 300 < 3000
    assert r["net_avant_impot"] == round(micro_net(r["tjm"], jf, "net_avant_impot") - 300, 2)
    without = run("tjm", {"statut": "micro", "objectif": 3000, "date": "2026-07-01"})
    assert r["tjm"] > without["tjm"]
