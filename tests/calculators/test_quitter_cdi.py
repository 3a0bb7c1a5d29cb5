"""« Quitter son CDI »: the legal indemnity (Code du travail R1234-1, R1234-2), the ARE it
leads to, and what the ARE adds in the first year of portage or of one's own company.

Scenarios end the contract on 30 September 2026 (24 months = 730 days), so a
constant gross G gives SJR = 24 G / 730.
"""

from __future__ import annotations

import math

import pytest

import calculators

FIN = "2026-09-30"


def c(x):
    return math.floor(x * 100 + 0.5 + 1e-9) / 100


def quitter(**entrees):
    out = calculators.run("quitter_cdi", {"fin_contrat": FIN, **entrees})
    assert out["ok"], out
    return out["result"]


INDEMNITE = [
    # (gross, years, months, legal indemnity)
    (5_000, 5, 0, 5_000 * 5 / 4),                       # 1/4 month per year
    (5_000, 2, 6, 5_000 * 2.5 / 4),                     # incomplete year pro rata of the months (R1234-1)
    (8_000, 12, 0, c(8_000 * (10 / 4 + 2 / 3))),        # 1/3 month per year beyond 10 years
    (5_000, 0, 7, 0),                                   # under 8 months: none (L1234-9)
    (5_000, 0, 8, c(5_000 * (8 / 12) / 4)),
]


@pytest.mark.parametrize("brut, ans, mois, attendu", INDEMNITE)
def test_legal_indemnity(brut, ans, mois, attendu):
    r = quitter(salaire_brut=brut, anciennete_annees=ans, anciennete_mois=mois, mode_depart="licenciement")
    assert r["indemnite_legale"] == attendu


def test_a_rupture_conventionnelle_pays_at_least_the_legal_indemnity():
    out = calculators.run("quitter_cdi", {"fin_contrat": FIN, "salaire_brut": 5_000, "anciennete_annees": 5,
                                          "indemnite_rupture": 6_000})
    assert not out["ok"] and "6\u202f250" in out["errors"]["indemnite_rupture"]


def test_the_supra_legal_part_delays_the_are():
    r = quitter(salaire_brut=5_000, anciennete_annees=5, indemnite_rupture=6_250 + 5_000)
    assert r["indemnite_supra_legale"] == 5_000
    assert r["date_premier_jour"] == "2026-11-23"           # 30 Sept + 1 + floor(5 000 / 107.9) = 46 + 7 days


def test_resignation_gives_neither_indemnity_nor_are():
    r = quitter(mode_depart="demission")
    assert r["indemnite_rupture"] == 0 and not r["droits_ouverts"] and r["ajout_annee"] == 0


def test_short_seniority_counts_only_the_months_of_this_cdi():
    r = quitter(salaire_brut=5_000, anciennete_annees=1, mode_depart="licenciement")
    assert r["duree_jours"] == math.ceil(365 * 0.75)        # 12 months: 274 days


def test_portage_cumul_in_the_first_year():
    # AJ = 57 % × 24 × 5 000 / 730 = 93.70; with 3 000 € gross a month of portage:
    # (30 × 93.70 − 70 % × 3 000) / 93.70 = 7.58 → 7 days a month, 12 months
    r = quitter(salaire_brut=5_000, anciennete_annees=5, projet="portage", revenu_mensuel=3_000)
    assert r["are_annee"] == c(12 * 7 * 93.70)
    assert r["ajout_annee"] == r["are_annee_net"] == c(12 * 7 * r["allocation_journaliere_nette"])


def test_no_are_when_70_percent_of_the_pay_exceeds_a_month_of_are():
    # 4 500 € gross of portage: (30 × 93.70 − 3 150) / 93.70 < 0 → no ARE that month
    r = quitter(salaire_brut=5_000, anciennete_annees=5, projet="portage", revenu_mensuel=4_500)
    assert r["are_annee"] == 0


def test_company_arce_versus_maintained_are():
    aj = c(0.57 * 5_000 * 24 / 730)                          # 93.70, reduced to 92.57 from day 183
    droits = c(182 * aj + 366 * 92.57)
    r = quitter(salaire_brut=5_000, anciennete_annees=5, projet="entreprise", revenu_mensuel=0)
    assert r["arce_net"] == c(c(droits * 0.6) * 0.97)
    # without income, 30 days a month: 6 months at 93.70 = 180 days, then 2 days at 93.70 and 28 at 92.57,
    # then 92.57 a day; the total stops at 60 % of the rights left
    assert r["maintien_annee"] == c(droits * 0.6)
    assert r["option_favorable"] == ("arce" if r["arce_net"] >= r["maintien_annee_net"] else "maintien")


def test_company_maintained_are_with_an_income():
    # 2 000 € a month: (30 × 93.70 − 1 400) / 93.70 = 15.06 → 15 days a month at 93.70 for 12 months
    # (180 paid days: the 183rd is not reached)
    r = quitter(salaire_brut=5_000, anciennete_annees=5, projet="entreprise", revenu_mensuel=2_000)
    assert r["maintien_annee"] == c(12 * 15 * 93.70)
