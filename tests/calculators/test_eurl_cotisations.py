"""EURL gérant (TNS): the 2026 contributions of the indépendant on a yearly
base, by hand arithmetic, as modele-social 11.1.0 computes them
(« dirigeant . indépendant . cotisations et contributions »; tns.toml).

PSS 2026 = 12 × 4 005 = 48 060 €; PRCI = 43 891 €; SMIC of 1 January 2026
= 12.02 €/h.  Each line is rounded to the euro per year.
"""

from __future__ import annotations

import datetime as dt

import pytest

import calculators
from calculators import eurl

R2026 = eurl.Regles(dt.date(2026, 7, 1))


def lignes(assiette):
    c = eurl.cotisations_tns(assiette, R2026)
    return {ln[0]: ln[5] for ln in c["lignes"]}, c["total"]


def test_base_42000():
    L, total = lignes(42_000)
    # maladie rate: 42 000 / 48 060 = 0.8739 PSS, between 60 % and 110 %:
    # 4 % + 2.7 % × (0.8739 − 0.6) / 0.5 = 5.479 % -> 5.48 %; total 42 000 × 5.48 % = 2 301.60
    assert L["indemnites_journalieres"] == 210            # 0.5 % × 42 000
    assert L["maladie"] == 2_092                          # 2 301.60 − 210 = 2 091.60
    assert L["retraite_base"] == 7_455                    # 17.75 % × 42 000
    assert L["retraite_complementaire"] == 2_940          # 7 % × 42 000 (below the PRCI)
    assert L["invalidite_deces"] == 546                   # 1.3 % × 42 000
    assert L["allocations_familiales"] == 0               # below 110 % PSS = 52 866
    # CSG-CRDS base: 42 000 + 13 243 = 55 243
    assert L["csg_deductible"] == 3_757                   # 6.8 % = 3 756.52
    assert L["csg_crds_non_deductible"] == 1_602          # 2.9 % = 1 602.05
    assert L["formation_professionnelle"] == 120          # 0.25 % × 48 060 = 120.15
    assert total == 18_722


def test_base_150000():
    L, total = lignes(150_000)
    assert L["maladie"] == 9_300                          # 6.7 % × 150 000 = 10 050, minus IJ 750
    assert L["indemnites_journalieres"] == 750
    assert L["retraite_base"] == 9_142                    # 17.75 % × 48 060 + 0.6 % × 101 940 = 8 530.65 + 611.64
    assert L["retraite_complementaire"] == 11_561         # 7 % × 43 891 + 8 % × 106 109 = 3 072.37 + 8 488.72
    assert L["invalidite_deces"] == 625                   # 1.3 % × 48 060 = 624.78
    assert L["allocations_familiales"] == 4_650           # 3.1 % × 150 000 (above 140 % PSS)
    # CSG-CRDS base 150 000 + 36 028 = 186 028: 12 649.90 and 5 394.81
    assert L["csg_deductible"] == 12_650 and L["csg_crds_non_deductible"] == 5_395
    assert total == 54_193


def test_family_rate_is_progressive_between_110_and_140_pss():
    L, _ = lignes(60_000)
    # 60 000 / 48 060 = 1.24844 PSS: 3.1 % × (1.24844 − 1.1) / 0.3 = 1.5339 %; × 60 000 = 920.32
    assert L["allocations_familiales"] == 920
    assert L["maladie"] == 3_720                          # 6.7 % × 60 000 = 4 020 minus IJ 300


def test_minimum_contributions_without_income():
    L, total = lignes(0)
    assert L["maladie"] == 0                              # rate 0 below 40 % PSS
    assert L["indemnites_journalieres"] == 96             # 0.5 % × 40 % × 48 060 = 96.12
    assert L["retraite_base"] == 960                      # 17.75 % × round(450 × 12.02 = 5 409) = 960.10
    assert L["invalidite_deces"] == 72                    # 1.3 % × round(11.5 % × 48 060 = 5 526.9) = 71.85
    assert L["csg_deductible"] == 77 and L["csg_crds_non_deductible"] == 33   # on 1 128 of contributions
    assert total == 1_358                                 # 1 128 + 77 + 33 + 120


def test_artisan_pays_a_higher_training_contribution():
    c = eurl.cotisations_tns(42_000, R2026, "artisanale")
    assert {ln[0]: ln[5] for ln in c["lignes"]}["formation_professionnelle"] == 139   # 0.29 % × 48 060 = 139.37


def test_budget_and_net_close_the_circle():
    r = calculators.run("eurl", {"cout_total": 60_000, "date": "2026-07-01"})["result"]
    assert r["cout_total"] == 60_000
    assert r["net_avant_impot"] + r["cotisations"] == pytest.approx(60_000)
    # IS: professional income = net + CSG non déductible et CRDS
    nd = next(ln["montant_salarial"] for ln in r["lignes"] if ln["code"] == "csg_crds_non_deductible")
    # (lines are shown per month: the yearly euro / 12 to the cent)
    assert r["revenu_professionnel"] == pytest.approx(r["net_avant_impot"] + 12 * nd, abs=0.06)
    back = calculators.run("eurl", {"remuneration_nette": r["net_avant_impot"], "date": "2026-07-01"})["result"]
    assert back["net_avant_impot"] == r["net_avant_impot"]
    assert abs(back["cout_total"] - 60_000) <= 1


def test_budget_below_the_minimum_is_refused_in_french():
    out = calculators.run("eurl", {"cout_total": 1_000, "date": "2026-07-01"})
    assert not out["ok"] and out["errors"]["cout_total"].startswith("Budget trop faible")
