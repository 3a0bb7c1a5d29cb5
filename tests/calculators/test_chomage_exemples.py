"""The ARE reproduces the worked examples of ../shared/reference/protection-2026.md
(« Worked examples a test can use » and the consultant's table of § 2.4), to the cent.

Expected values are the sources' figures, written as their arithmetic; where the
guide's rounding differs from the reference table's (the table multiplies the
unrounded daily allowance), the comment says so.
"""

from __future__ import annotations

import datetime as dt

import pytest

import calculators
from calculators.core.parametres import At
from calculators.regles import assurance_chomage as ac

JUILLET_2025 = At(dt.date(2025, 7, 1))


def are(**entrees):
    out = calculators.run("chomage", entrees)
    assert out["ok"], out
    return out["result"]


# 1. Unédic, « Retenues sociales sur les allocations ».
def test_unedic_deductions_sjr_120():
    r = ac.retenues(JUILLET_2025, 68.40, 120)
    assert r["retraite_complementaire"] == 3.60                  # 3 % × 120
    assert r["csg"] == 3.95                                      # 6.2 % × 0.9825 × (68.40 − 3.60) = 3.947
    assert r["crds"] == 0.32                                     # 0.5 % × 0.9825 × 64.80 = 0.318
    assert r["net"] == 60.53                                     # 68.40 − 3.60 − 3.95 − 0.32


def test_unedic_deductions_below_the_exemption_threshold():
    r = ac.retenues(JUILLET_2025, 39.90, 70)
    assert r["retraite_complementaire"] == 2.10                  # 3 % × 70
    assert (r["csg"], r["crds"]) == (0, 0)                       # 39.90 € is under the threshold: no CSG/CRDS
    assert r["net"] == pytest.approx(39.90 - 2.10)


# 2. service-public F2064: 48 000 € over 731 calendar days.
def test_service_public_sjr():
    assert round(ac.sjr(48_000, 731), 2) == 65.66                # 48 000 / 731 = 65.663
    # the same through the calculator: 24 × 2 000 € ending 31 December 2025 (1 Jan 2024 – 31 Dec 2025: 731 days)
    r = are(salaire_brut=2_000, mois_travailles=24, fin_contrat="2025-12-31")
    assert r["sjr"] == 65.66 and r["diviseur_sjr"] == 731


# 3. service-public, ARCE: 40 €/day, 548 days, company created after 30 paid days.
def test_service_public_arce():
    droits = ac.droits_restants(40, None, 183, 548, 30)
    assert droits == 40 * 518
    a = ac.arce(JUILLET_2025, droits)
    assert a["brut"] == 12_432                                   # 40 × 518 × 60 %
    assert round(a["net"]) == 12_059                             # 12 432 × 0.97 = 12 059.04
    assert a["net"] == pytest.approx(12_432 * 0.97)
    assert a["versements"] == 2 and a["versement"] == pytest.approx(12_432 * 0.97 / 2)
    assert a["delai_mois"] == 6


# 4. Check values: the two formulas cross at SJR 79.40 €; the floor binds below 46.91 €.
def test_the_formulas_cross_at_79_40():
    aj = ac.allocation_journaliere(JUILLET_2025, 79.40)
    assert aj["formule_1"] == aj["formule_2"] == 45.26           # 0.404 × 79.40 + 13.18 = 45.2576 ; 0.57 × 79.40 = 45.258
    assert ac.allocation_journaliere(JUILLET_2025, 80)["formule"] == "proportionnelle"
    assert ac.allocation_journaliere(JUILLET_2025, 79)["formule"] == "partie_fixe"


def test_the_floor_binds_below_46_91():
    assert ac.allocation_journaliere(JUILLET_2025, 46.91)["aj"] == 32.13   # 0.404 × 46.91 + 13.18 = 32.1316
    below = ac.allocation_journaliere(JUILLET_2025, 46.00)               # 0.404 × 46 + 13.18 = 31.76 < 32.13
    assert below["formule"] == "minimum" and below["aj"] == 32.13


def test_degressivity_bites_above_92_57():
    assert not ac.degressivite(JUILLET_2025, 92.57, 40)["applique"]
    d = ac.degressivite(JUILLET_2025, 92.58, 40)
    assert d["applique"] and d["aj"] == 92.57                    # 0.7 × 92.58 = 64.81, raised to the plancher


# § 2.4: the consultant, 24 months constant pay (SJR = 12 × gross / 365), age < 55.
# The guide ends the contract on 30 September 2026: 24 months = 730 days.
TABLE = [
    # monthly gross, SJR, AJ, AJ from day 183, net day, net from day 183
    (4_157.97, 136.70, 77.92, None, 68.96, None),              # portage TJM 400
    (4_517.97, 148.54, 84.67, None, 74.93, None),              # + réserve
    (6_137.87, 201.79, 115.02, 92.57, 101.79, 80.82),          # portage TJM 600: 0.7 × 115.02 = 80.51 → plancher
    (6_669.29, 219.26, 124.98, 92.57, 110.61, 80.33),
    (4_544.00, 149.39, 85.15, None, 75.36, None),              # CDI TJM 400 equivalent
    (6_710.65, 220.62, 125.76, 92.57, 111.29, 80.29),
]


@pytest.mark.parametrize("brut, sjr, aj, aj_183, net, net_183", TABLE)
def test_consultant_table(brut, sjr, aj, aj_183, net, net_183):
    r = are(salaire_brut=brut, mois_travailles=24, age=40, fin_contrat="2026-09-30", contrat="portage_cdd",
            mode_rupture="fin_cdd")
    assert r["sjr"] == sjr
    assert r["allocation_journaliere"] == aj
    assert r["allocation_journaliere_nette"] == net
    assert r["duree_jours"] == 548
    assert r["allocation_mensuelle"] == pytest.approx(aj * 30)   # the table's 2 337.58 is 30 × the unrounded 77.9194
    assert r["degressivite"] is (aj_183 is not None)
    if aj_183:
        assert r["allocation_degressive"] == aj_183
        assert r["allocation_degressive_nette"] == net_183


def test_consultant_table_high_pay_rounds_the_published_daily_allowance():
    # TJM 900: SJR 303.59, AJ 173.05 (table). From day 183 the table gives 121.13 = 0.7 × the unrounded
    # 173.0463; the guide reduces the published (rounded) allowance: 0.7 × 173.05 = 121.135 → 121.14,
    # and the net follows: 121.14 − 9.11 − 6.82 − 0.55 = 104.66 (table: 104.65 from 121.13).
    r = are(salaire_brut=9_234.23, mois_travailles=24, fin_contrat="2026-09-30", contrat="portage_cdd",
            mode_rupture="fin_cdd")
    assert (r["sjr"], r["allocation_journaliere"], r["allocation_journaliere_nette"]) == (303.59, 173.05, 153.14)
    assert r["allocation_degressive"] == 121.14
    assert r["allocation_degressive_nette"] == 104.66


def test_only_12_months_worked_gives_274_days():
    r = are(salaire_brut=4_157.97, mois_travailles=12, fin_contrat="2026-09-30", contrat="portage_cdd",
            mode_rupture="fin_cdd")
    assert r["duree_jours"] == 274                               # 365 × 0.75 = 273.75, rounded up
    assert r["sjr"] == 136.70                                    # same pay, same SJR


def test_dismissal_on_30_september_is_paid_from_8_october():
    # § 4.3: « dismissed with effect 30 Sept, no ICCP, no supra-legal part: ARE from 8 Oct »
    r = are(salaire_brut=6_137.87, fin_contrat="2026-09-30", contrat="portage_cdi", mode_rupture="licenciement")
    assert r["date_premier_jour"] == "2026-10-08"                # 30 Sept + 1 + 7 days of délai d'attente
