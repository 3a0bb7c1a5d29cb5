"""« annee »: quarters and Agirc-Arrco points of an uneven year
(../shared/reference/protection-2026.md § 4.4): quarters from the sum over the
months of the gross up to each month's PMSS, against 150 hours of SMIC at
1 January (CSS R351-9); points from the sum of the months' contributions ÷ the
call rate ÷ the purchase value.  2026 values: PMSS 4 005 €, SMIC 12,02 €/h at
1 January (150 h: 1 803 €), Agirc-Arrco T1 4,72 % + 3,15 %, T2 12,95 % + 8,64 %,
call rate 127 %, purchase value 20,1877 € (parameter files, from the texts)."""

from __future__ import annotations

import pytest

import calculators
from calculators.regles import annee as ra

PS = ra.parametres_mois(2026)
T1 = 0.0472 + 0.0315
T2 = 0.1295 + 0.0864


def agirc(b):
    return min(b, 4005) * T1 + max(b - 4005, 0) * T2


CAS = [
    # (months' gross, quarters, points)
    # 8 months at 6 000 €: Σ min(6 000, 4 005) = 8 × 4 005 = 32 040 € → 17 × 1 803: 4 quarters (at most)
    ([6000] * 8 + [0] * 4, 4, round(8 * agirc(6000) / 1.27 / 20.1877, 1)),
    # 2 000 + 1 700 = 3 700 € → 3 700 / 1 803 = 2,05: 2 quarters
    ([2000, 1700] + [0] * 10, 2, round((agirc(2000) + agirc(1700)) / 1.27 / 20.1877, 1)),
    # one month at 1 800 € < 1 803 €: no quarter, but points
    ([1800] + [0] * 11, 0, round(agirc(1800) / 1.27 / 20.1877, 1)),
    # one month at 20 000 €: capped at one PMSS, 4 005 / 1 803 = 2,2: 2 quarters (a steady year would give 4)
    ([20000] + [0] * 11, 2, round(agirc(20000) / 1.27 / 20.1877, 1)),
]


@pytest.mark.parametrize("bruts,trimestres,points", CAS)
def test_quarters_and_points_of_an_uneven_salaried_year(bruts, trimestres, points):
    assert ra.trimestres_salarie(bruts, PS) == trimestres
    assert ra.points_agirc_arrco(bruts, PS) == pytest.approx(points, abs=0.05)


def test_an_uneven_portage_year_counts_the_months_actually_paid():
    r = calculators.run("annee", {"statut": "portage_cdi", "tjm": 600, "jours": 18, "mois_mission": 8,
                                  "date": "2026-06-01"})["result"]
    bruts = [row["salaire_brut"] for row in r["mois"]]
    # the prospection allowances (months 9-11) are pay too
    assert bruts[8] > 0 and bruts[11] == 0
    expected = round(sum(agirc(b) for b in bruts) / 1.27 / 20.1877, 1)
    assert r["points"] == pytest.approx(expected, abs=0.05)
    assert r["trimestres"] == min(int(sum(min(b, 4005) for b in bruts) // 1803), 4)


@pytest.mark.parametrize("statut,protection", [("portage_cdi", "portage"), ("cdi", "cdi"), ("sasu", "sasu"),
                                               ("micro", "micro"), ("eurl", "eurl")])
def test_a_steady_year_gives_what_the_protection_calculator_gives(statut, protection):
    # the same steady year (600 € × 18 days × 12 months) in the yearly protection calculator
    a = calculators.run("annee", {"statut": statut, "tjm": 600, "jours": 18, "mois_mission": 12,
                                  "date": "2026-01-01"})["result"]
    p = calculators.run("protection", {"statut": protection, "tjm": 600, "jours": 18,
                                       "date": "2026-01-01"})["result"]
    assert a["trimestres"] == p["trimestres"]
    assert a["points"] == pytest.approx(p["points_complementaires"], abs=0.1)
