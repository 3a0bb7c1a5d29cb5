"""The protection rules where the URSSAF model cannot be the oracle, checked
against the law: scenarios as data, the expected value as the arithmetic of
the text (date 1 July 2026: PMSS 4 005 €, PASS 48 060 €, SMIC horaire
12,31 € since 1 June 2026 and 12,02 € on 1 January 2026).

Why not the model (shared/reference/protection-2026.md, « Defects of
modele-social 11.1.0 »):

1. Salaried maternity/paternity IJ: R331-5 CSS caps the three last pays at the
   PMSS *before* the flat 21 % deduction, so the maximum is
   3 × 4 005 / 91,25 × 0,79 = 104,02 €/day; the model caps after it (131,67 €).
2. ``… retraite . complémentaire`` holds €/year under a €/month label (and × 10
   years): the yearly pension a year buys is points × service value, tested here.
3. EURL: the model's TNS rules are the pre-2025 ones and its points are null
   without ``salarié: non``; under the 2025 reform (tns-2026.md) the RCI
   contribution is 8,1 % of the base up to one PASS and 9,1 % above, so the
   points are the worked RCI contributions 2 398 / 3 596 / 6 253 € ÷ 21,726 €.

Also here, with no oracle at all: the employer's complement (Code du travail
L1226-1, D1226-1 to D1226-3) and the Cipav micro-entrepreneur's quarters.
"""

from __future__ import annotations

import pytest

from calculators import render, run

DATE = "2026-07-01"
PMSS, PASS = 4_005, 48_060


def calc(**entrees) -> dict:
    res = run("protection", {**entrees, "date": DATE})
    assert res["ok"], res
    return res["result"]


def test_defect_1_maternity_ij_is_capped_before_the_21_percent():
    cas = [
        # (monthly gross, IJ €/day)
        (3_000, 3 * 3_000 / 91.25 * (1 - 0.21)),     # under the PMSS: 77.92
        (4_005, 3 * PMSS / 91.25 * (1 - 0.21)),      # at the PMSS: 104.02
        (4_544, 3 * PMSS / 91.25 * (1 - 0.21)),      # above: still 104.02 (the model: 118.02)
        (12_000, 3 * PMSS / 91.25 * (1 - 0.21)),     # far above: 104.02 (the model: 131.67)
        (1_500, 0.0),                                # 6 × 1 500 < 1 015 × 12,31: no right (R313-3)
    ]
    for brut, attendu in cas:
        assert calc(statut="cdi", salaire_brut=brut)["ij_maternite_jour"] == pytest.approx(attendu, abs=0.005), brut


@pytest.mark.parametrize("brut, ij", [
    # R313-3, 1°: 150 hours of work over three months OR contributions on 1 015 × SMIC over six months.
    # A full-time pay (≥ the monthly SMIC 12,31 × 35 × 52 / 12 = 1 867,02 €) meets the hours;
    # modele-social checks the contributions only (6 × 1 900 = 11 400 < 1 015 × 12,31 = 12 494,65: no IJ there)
    (1_900, 0.5 * 1_900 * 3 / 91.25),      # 31.23: full time, paid by the hours criterion
    (1_800, 0.0),                           # under the full-time SMIC, 6 × 1 800 < 12 494,65: no right known
    (2_100, 0.5 * 2_100 * 3 / 91.25),      # 34.52: 6 × 2 100 = 12 600 ≥ 12 494,65
])
def test_sick_pay_rights_by_hours_or_contributions(brut, ij):
    r = calc(statut="cdi", salaire_brut=brut)
    assert r["ij_maladie_jour"] == pytest.approx(ij, abs=0.005)
    assert (r["mois_affiliation"] is None) == (ij == 0)


def test_a_sasu_president_has_no_working_hours_only_contributions():
    # SASU: the months of contributions on 1 015 × 12,31 = 12 494,65 € at the president's gross
    r = calc(statut="sasu", tjm=600, jours=18)
    brut = r["revenu_de_base"]["montant"] / 12
    assert r["mois_affiliation"] == -(-12_494.65 // brut)


def test_defect_1_also_for_portage_and_sasu():
    for statut in ("portage", "sasu"):
        assert calc(statut=statut, tjm=900, jours=18)["ij_maternite_jour"] == pytest.approx(
            3 * PMSS / 91.25 * 0.79, abs=0.005)


def test_defect_2_the_pension_a_year_buys_is_points_times_service_value():
    r = calc(statut="cdi", salaire_brut=4_544)
    # Agirc-Arrco: T1 4 005 × (4,72 % + 3,15 %), T2 (4 544 − 4 005) × (12,95 % + 8,64 %), per month
    points = 12 * (4_005 * (0.0472 + 0.0315) + (4_544 - 4_005) * (0.1295 + 0.0864)) / 1.27 / 20.1877
    assert r["points_complementaires"] == pytest.approx(points, abs=0.05)          # 202.0
    assert r["valeur_service_point"] == 1.4386
    assert r["pension_complementaire_annuelle"] == pytest.approx(r["points_complementaires"] * 1.4386, abs=0.005)
    assert r["regime_complementaire"] == "Agirc-Arrco"


@pytest.mark.parametrize("budget, cotisation_rci, base", [
    # tns-2026.md, worked figures: R = the yearly budget, base a = 0,74 R
    (40_000, 2_398, 29_600),     # 8,1 % × 29 600
    (60_000, 3_596, 44_400),     # 8,1 % × 44 400
    (100_000, 6_253, 74_000),    # 8,1 % × 48 060 + 9,1 % × (74 000 − 48 060)
])
def test_defect_3_eurl_points_follow_the_reformed_rci(budget, cotisation_rci, base):
    r = calc(statut="eurl", chiffre_affaires_annuel=budget, tjm=1, jours=18)
    assert r["points_complementaires"] == pytest.approx(cotisation_rci / 21.726, abs=0.05)   # 110.4 / 165.5 / 287.8
    assert r["valeur_service_point"] == 1.347
    assert r["pension_complementaire_annuelle"] == pytest.approx(r["points_complementaires"] * 1.347, abs=0.005)
    assert r["revenu_retraite_base"] == min(base, PASS)
    assert r["trimestres"] == 4                                     # base ≥ 4 × 150 × 12,02 = 7 212
    # IJ: the IJ contribution's base (at least 40 % PASS), capped at one PASS, ÷ 730 (D622-7)
    assert r["ij_maladie_jour"] == pytest.approx(min(base, PASS) / 730, abs=0.005)


def test_eurl_minimum_pension_base_validates_three_quarters():
    # budget 5 000 €: base 3 700 €, under the floor 450 × 12,02 = 5 409 € (D633-2): 5 409 / 1 803 → 3 quarters
    r = calc(statut="eurl", chiffre_affaires_annuel=5_000, tjm=1, jours=18)
    assert r["revenu_retraite_base"] == 450 * 12.02
    assert r["trimestres"] == 3


@pytest.mark.parametrize("anciennete, jours", [
    (1, 30),        # D1226-1: 30 days at 90 %, then 30 at two thirds
    (5.9, 30),      # not yet five years beyond the first
    (6, 40),        # D1226-2: + 10 days per five years beyond the first
    (31, 90),       # 30 + 6 × 10 = 90, the maximum
    (40, 90),
])
def test_employer_complement_durations(anciennete, jours):
    d = calc(statut="cdi", salaire_brut=4_544, anciennete=anciennete)["complement_employeur_detail"]
    assert d["jours_par_periode"] == jours
    assert d["a_partir_du_jour"] == 8      # D1226-3: from the 8th day


def test_employer_complement_amounts():
    r = calc(statut="cdi", salaire_brut=4_544)
    brut_jour = 4_544 * 12 / 365                                   # 149.39
    ij = 0.5 * 1.4 * 12.31 * 35 * 52 / 12 * 3 / 91.25              # 42.97: the pay capped at 1,4 SMIC
    assert r["ij_maladie_jour"] == pytest.approx(ij, abs=0.005)
    assert r["complement_employeur"] == pytest.approx(0.9 * brut_jour - 42.97, abs=0.005)              # 91.48
    assert r["complement_employeur_detail"]["complement_jour_2"] == pytest.approx(2 / 3 * brut_jour - 42.97,
                                                                                  abs=0.005)            # 56.63


def test_employer_complement_needs_a_year_and_an_employment_contract():
    assert calc(statut="cdi", salaire_brut=4_544, anciennete=0.5)["complement_employeur"] is None
    assert calc(statut="portage", tjm=600, jours=18, anciennete=0)["complement_employeur"] is None
    assert calc(statut="portage", tjm=600, jours=18)["complement_employeur"] > 0
    for statut in ("sasu", "micro", "eurl"):
        r = calc(statut=statut, tjm=600, jours=18)
        assert r["complement_employeur"] is None and r["non_applicable"]["complement_employeur"], statut


@pytest.mark.parametrize("ca, trimestres", [
    # Cipav micro-entrepreneur: one quarter per 2 860 € of turnover in 2026 (modele-social's grid), four at most
    (2_859, 0), (2_860, 1), (5_720, 2), (8_580, 3), (11_440, 4), (60_000, 4),
])
def test_cipav_micro_quarters(ca, trimestres):
    r = calc(statut="micro", activite="bnc_cipav", chiffre_affaires_annuel=ca, tjm=1, jours=18)
    assert r["trimestres"] == trimestres
    assert r["regime_complementaire"] == "Cipav"


@pytest.mark.parametrize("brut, trimestres", [
    # R351-9: 150 h × 12,02 € (SMIC of 1 January) = 1 803 € per quarter; the yearly gross is 12 × brut
    (150, 0),        # 1 800 € < 1 803 €
    (151, 1),        # 1 812 €
    (601, 4),        # 7 212 € = 4 × 1 803
    (600, 3),        # 7 200 €
])
def test_salaried_quarters(brut, trimestres):
    assert calc(statut="cdi", salaire_brut=brut)["trimestres"] == trimestres


def test_not_applicable_rules_say_why():
    for statut in ("micro", "eurl"):
        r = calc(statut=statut, tjm=600, jours=18)
        assert r["ij_at_mp_jour"] is None
        assert "accidents du travail" in r["non_applicable"]["ij_at_mp_jour"]
        assert "ij_at_mp_jour" not in {c["code"] for c in r["chiffres_cles"]}
        sans = {x["code"]: x for x in r["ne_s_applique_pas"]}
        assert "accidents du travail" in sans["ij_at_mp_jour"]["raison"]
        html = render.render_result("protection", r)
        assert "Ne s’applique pas" in html and "calc-chiffres--sans-objet" in html
    r = calc(statut="cdi", salaire_brut=4_544)
    assert r["allocation_repos_maternel"] is None and r["non_applicable"]["allocation_repos_maternel"]
