"""Portage in a month of few days: the working time of a portage consultant is counted
in days (compte rendu d'activité, convention collective IDCC 3219, art. 20 and 26), and
the salaried rules follow it.

The réduction générale (RGDU, CSS L241-13 and D241-7) compares the pay with the SMIC
*for the working time*; for a forfait jours the SMIC is prorated by days ÷ 218 (BOSS,
réduction générale), and so is the PSS (BOSS, assiette plafonnée).  A portage month of
N days is costed as ``salarie``'s forfait of N × 12 days a year (218 at most: a full
forfait is full time).

Checks, for 1, 4, 7, 12 and 20 days a month, at two TJMs (one where the RGDU applies
at 7 days, one where it no longer does once the SMIC is prorated):
1. the gross total that the budget pays for (pay + réserve) equals the gross that
   ``salarie`` gives for the same employer cost, with the same working time;
2. the URSSAF model (publicodes + modele-social, run in Node), in part time with the
   same ratio — it has no forfait jours — gives the same net before tax and the same
   RGDU for the month's gross.
"""

from __future__ import annotations

import oracle  # tests/calculators/oracle.py
import pytest

import calculators

DATE = "2026-07-01"
EFFECTIF = next(f for f in calculators.get("portage").FIELDS if f.name == "effectif").default_value()
FORFAIT_PLEIN = 218  # smic.forfait_jours_plein (Code du travail L3121-64; CCN art. 27.1.2)

DAYS = [1, 4, 7, 12, 20]
# TJM 300: at 7 days the gross (about 1 300 €) is below 3 SMIC for 84 / 218 of full time
# (3 × 1 867,02 × 84 / 218 ≈ 2 158 €): the RGDU applies.  TJM 600: at 7 days it is above.
CASES = [{"tjm": tjm, "jours": j, "contrat": contrat, "date": DATE}
         for tjm in (300, 600) for j in DAYS for contrat in ("cdi", "cdd")]


def jours_forfait(jours: float) -> float:
    return min(FORFAIT_PLEIN, jours * 12)


def _portage(raw):
    out = calculators.run("portage", raw)
    assert out["ok"], out
    return out["result"]


def _id(raw):
    return f"{raw['tjm']}x{raw['jours']}-{raw['contrat']}"


@pytest.mark.parametrize("raw", CASES, ids=_id)
def test_gross_is_salaries_gross_for_the_same_cost_and_working_time(raw):
    r = _portage(raw)
    s = calculators.run("salarie", {
        "cout_employeur": r["cout_employeur"], "contrat": raw["contrat"], "effectif": EFFECTIF, "date": DATE,
        "temps_travail": "forfait_jours", "jours_forfait": jours_forfait(raw["jours"]),
    })["result"]
    # CDI: the gross total is the pay + the réserve; CDD: salarie's CDD adds the 10 %
    # indemnity itself, so its contractual gross is the month's pay
    ours = r["remuneration_brute"] + r["reserve_financiere"] if raw["contrat"] == "cdi" else r["salaire_brut"]
    # one cent of salaire de base moves the gross total by about 1.3 cents; below 3 SMIC
    # the RGDU coefficient is rounded to 4 decimals, so the cost moves by steps of
    # 0.0001 × the gross (CSS D241-7)
    step = 0.0001 * ours if s["reduction_generale"] else 0.0
    assert abs(ours - s["salaire_brut"]) <= 0.03 + 2 * step, (ours, s["salaire_brut"])
    # and the hypotheses say which working time was used (the month's days × 12)
    assert any(f"forfait de {raw['jours'] * 12:g} jours par an" in h for h in r["hypotheses"])


def test_the_rgdu_applies_at_7_days_for_tjm_300_only():
    low = _portage({"tjm": 300, "jours": 7, "date": DATE})
    high = _portage({"tjm": 600, "jours": 7, "date": DATE})
    assert any(ln["code"] == "reduction_generale" for ln in low["lignes"])
    assert not any(ln["code"] == "reduction_generale" for ln in high["lignes"])


@pytest.fixture(scope="module")
def model():
    situations, rows = [], []
    for raw in CASES:
        r = _portage(raw)
        situations.append(oracle.situation_salarie(
            date=DATE, salaire_brut=r["salaire_brut"], contrat="cdi", effectif=EFFECTIF,
            quotite=jours_forfait(raw["jours"]) / FORFAIT_PLEIN))
        rows.append((raw, r))
    return list(zip(rows, oracle.evaluer_salarie(situations)))


@pytest.mark.parametrize("i", range(len(CASES)), ids=[_id(c) for c in CASES])
def test_net_and_rgdu_match_the_urssaf_model(model, i):
    (raw, r), m = model[i]
    assert r["net_avant_impot"] == pytest.approx(m["net_avant_impot"], abs=0.01)
    assert r["cout_employeur_salaire"] == pytest.approx(m["cout_employeur"], abs=0.01)
    ours = next((-ln["montant_patronal"] for ln in r["lignes"] if ln["code"] == "reduction_generale"), 0.0)
    # the model does not round the coefficient: up to 0.0001 × the gross apart
    assert ours == pytest.approx(m["rgdu"] or 0.0, abs=0.01 + 0.0001 * r["salaire_brut"])


def test_a_full_month_is_full_time():
    # 20 days × 12 = 240 ≥ 218: a full forfait, the same figures as full time
    r = _portage({"tjm": 600, "jours": 20, "date": DATE})
    full = calculators.run("salarie", {"salaire_brut": r["salaire_brut"], "effectif": EFFECTIF,
                                       "date": DATE})["result"]
    assert r["net_avant_impot"] == full["net_avant_impot"]
    assert r["jours_forfait_annuel"] == 218


def test_a_tiny_month_is_refused_on_the_days_field():
    # less than 1 day a year (1/12 of a day in the month): a French message on « jours »
    out = calculators.run("portage", {"tjm": 90000, "jours": 0.05, "date": DATE})
    assert not out["ok"] and set(out["errors"]) == {"jours"}
