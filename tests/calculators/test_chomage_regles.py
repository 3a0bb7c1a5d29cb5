"""One scenario per rule of the ARE, written as data with the arithmetic of the
rule (règlement annexé à la convention du 15 novembre 2024, as summarised in
../shared/reference/protection-2026.md § 2.1-2.5).

Every scenario ends its contract on 30 September 2026: 24 months = 1 October 2024
- 30 September 2026 = 730 days; 36 months = 1 October 2023 - 30 September 2026 =
1 096 days.  Values in force then: partie fixe 13.18 €, minimum 32.13 €,
dégressivité plancher 92.57 €, SMIC 12.31 €/h (June 2026).
"""

from __future__ import annotations

import datetime as dt
import math
import pathlib
import tomllib

import pytest

import calculators
from calculators.core.parametres import At
from calculators.regles import assurance_chomage as ac

FIN = "2026-09-30"
P = At(dt.date(2026, 9, 30))


def are(**entrees):
    out = calculators.run("chomage", {"fin_contrat": FIN, **entrees})
    assert out["ok"], out
    return out["result"]


def c(x):  # to the cent, half away from zero
    return math.floor(x * 100 + 0.5 + 1e-9) / 100


# ---- amount: the formula that wins, the floor, the 75 % cap -----------------
MONTANT = [
    # (monthly gross, expected AJ, formula)
    (1_100, c(0.75 * 1_100 * 24 / 730), "plafond"),                  # 27.12: 75 % of SJR 36.16 under the 32.13 floor
    (1_400, 32.13, "minimum"),                                       # 0.404 × 46.03 + 13.18 = 31.77 < 32.13 ≤ 75 % × 46.03
    (2_000, c(0.404 * 2_000 * 24 / 730 + 13.18), "partie_fixe"),     # 39.74 > 57 % × 65.75 = 37.48
    (5_000, c(0.57 * 5_000 * 24 / 730), "proportionnelle"),          # 93.70
]


@pytest.mark.parametrize("brut, aj, formule", MONTANT)
def test_daily_allowance(brut, aj, formule):
    r = are(salaire_brut=brut)
    assert r["allocation_journaliere"] == aj
    assert r["formule"] == formule
    assert r["allocation_mensuelle"] == c(aj * 30)                   # 30-day months


def test_reference_salary_is_capped_at_4_pmss():
    r = are(salaire_brut=20_000)
    assert r["salaire_reference"] == 4 * 4_005 * 24                 # 16 020 € a month in 2026
    assert r["sjr"] == c(4 * 4_005 * 24 / 730)


def test_variable_pay_adds_to_the_reference_salary():
    r = are(salaire_brut=5_000, primes=7_300)
    assert r["sjr"] == c((5_000 * 24 + 7_300) / 730)


# ---- dégressivité ---------------------------------------------------------
def test_degressivity_from_day_183_with_its_floor():
    r = are(salaire_brut=5_000, age=40)
    aj = c(0.57 * 5_000 * 24 / 730)                                  # 93.70
    assert r["degressivite"] and r["allocation_degressive"] == 92.57  # 0.7 × 93.70 = 65.59 → plancher
    assert r["date_premier_jour"] == "2026-10-08"
    assert r["date_degressivite"] == "2027-04-08"                    # 8 Oct 2026 + 182 days: the 183rd paid day
    assert r["total_droits"] == c(182 * aj + (548 - 182) * 92.57)


def test_degressivity_reduces_high_allowances_by_30_percent():
    r = are(salaire_brut=9_000, age=54)
    aj = c(0.57 * 9_000 * 24 / 730)                                  # 168.66
    assert r["allocation_degressive"] == c(aj * 0.7)                 # 118.06


@pytest.mark.parametrize("age", [55, 56, 60])
def test_degressivity_does_not_apply_from_55(age):
    r = are(salaire_brut=9_000, age=age)
    assert not r["degressivite"] and r["date_degressivite"] is None
    regle = next(x for x in r["regles_appliquees"] if x["code"] == "degressivite")
    assert not regle["applique"] and regle["raison"].startswith("Ne s’applique pas")


def test_degressivity_does_not_apply_to_allowances_under_its_floor():
    r = are(salaire_brut=4_000)                                      # AJ 74.96 ≤ 92.57
    assert not r["degressivite"]
    assert r["total_droits"] == c(548 * r["allocation_journaliere"])


# ---- différés and délai d'attente ------------------------------------------
SJR_5000 = 5_000 * 24 / 730                                          # 164.38
DIFFERES = [
    # (inputs, différé spécifique, différé congés payés, first paid day)
    ({}, 0, 0, "2026-10-08"),                                                     # 30 Sept + 1 + 7
    ({"indemnite_conges_payes": 3_000}, 0, math.floor(3_000 / SJR_5000), "2026-10-26"),   # 18 days
    ({"indemnite_conges_payes": 10_000}, 0, 30, "2026-11-07"),                    # 60.8 days, capped at 30
    ({"mode_rupture": "rupture_conventionnelle", "indemnite_rupture": 15_000, "indemnite_legale": 10_000},
     math.floor(5_000 / 107.9), 0, "2026-11-23"),                                 # 46 days
    ({"mode_rupture": "rupture_conventionnelle", "indemnite_rupture": 40_000, "indemnite_legale": 10_000},
     150, 0, "2027-03-07"),                                                       # 278 days, capped at 150
    ({"mode_rupture": "licenciement_economique", "indemnite_rupture": 40_000, "indemnite_legale": 10_000},
     75, 0, "2026-12-22"),                                                        # economic dismissal: cap 75
    ({"mode_rupture": "rupture_conventionnelle", "indemnite_rupture": 15_000, "indemnite_legale": 10_000,
      "indemnite_conges_payes": 3_000}, 46, 18, "2026-12-11"),                    # 1 + 46 + 18 + 7 days
    ({"mode_rupture": "rupture_conventionnelle", "indemnite_rupture": 15_000}, 0, 0, "2026-10-08"),  # all legal
]


@pytest.mark.parametrize("entrees, specifique, conges, premier", DIFFERES)
def test_differes_then_seven_days(entrees, specifique, conges, premier):
    r = are(salaire_brut=5_000, **entrees)
    assert r["differe_specifique_jours"] == specifique
    assert r["differe_conges_payes_jours"] == conges
    assert r["delai_attente_jours"] == 7
    assert r["date_premier_jour"] == premier
    fin = dt.date(2026, 9, 30)
    assert dt.date.fromisoformat(premier) == fin + dt.timedelta(days=1 + specifique + conges + 7)


# ---- duration ----------------------------------------------------------------
DUREES = [
    # (age, months worked, days)
    (40, 24, 548),                      # 730 × 0.75 = 547.5 → 548
    (54, 24, 548),
    (55, 36, 685),                      # 1 096 × 0.75 = 822, capped at 685 from 55 to 56
    (56, 36, 685),
    (57, 36, 822),                      # 1 096 × 0.75 = 822
    (40, 12, 274),                      # 365 × 0.75 = 273.75 → 274
    (40, 5, 182),                       # 153 days × 0.75 = 114.75 → the 182-day minimum
]


@pytest.mark.parametrize("age, mois, jours", DUREES)
def test_duration_by_age(age, mois, jours):
    r = are(salaire_brut=3_000, age=age, mois_travailles=mois)
    assert r["duree_jours"] == jours
    debut = dt.date.fromisoformat(r["date_premier_jour"])
    assert r["date_fin_droits"] == (debut + dt.timedelta(days=jours - 1)).isoformat()


def test_minimum_affiliation():
    r = are(salaire_brut=3_000, mois_travailles=4)   # 1 June - 30 Sept 2026: 122 days < 130
    assert not r["droits_ouverts"] and "130" in r["raison"]
    assert r["total_droits"] == 0


def test_non_worked_days_are_capped_at_70_percent_of_worked_days():
    # 12 months worked (365 days) after 365 days without contract: 0.7 × 365 = 255.5 days counted
    r = are(salaire_brut=5_000, mois_travailles=12, jours_non_travailles=365)
    assert r["duree_jours"] == math.ceil((365 + 0.7 * 365) * 0.75)    # 465.375 → 466
    assert r["sjr"] == c(5_000 * 12 / (365 + 0.7 * 365))              # divisor capped too (unsure parameter)
    assert any(i["parametre"] == "chomage.sjr.plafond_jours_non_travailles_au_diviseur" for i in r["incertitudes"])


def test_portage_cdi_suspension_days_stay_in_the_divisor():
    r = are(salaire_brut=5_000, mois_travailles=12, jours_non_travailles=365, contrat="portage_cdi",
            mode_rupture="licenciement")
    assert r["sjr"] == c(5_000 * 12 / 730)                            # unsure parameter: « calendaires »
    assert r["duree_jours"] == math.ceil((365 + 0.7 * 365) * 0.75)
    assert any(i["parametre"] == "chomage.sjr.portage_jours_suspension" for i in r["incertitudes"])


def test_36_months_only_from_55():
    out = calculators.run("chomage", {"fin_contrat": FIN, "age": 54, "mois_travailles": 36})
    assert not out["ok"] and "24 mois" in out["errors"]["mois_travailles"]
    assert calculators.run("chomage", {"fin_contrat": FIN, "age": 55, "mois_travailles": 36})["ok"]


# ---- deductions: 3 %, CSG, CRDS and their thresholds -------------------------
def test_csg_threshold_is_the_smic_times_five_rounded_up():
    assert ac.seuil_exoneration_csg(P) == math.ceil(12.31 * 35 / 7)  # 61.55 → 62


def test_no_csg_under_the_threshold():
    r = ac.retenues(P, 61.99, 108.75)
    assert (r["csg"], r["crds"]) == (0, 0) and r["exoneration"] == "totale"


def test_csg_never_brings_the_allowance_under_the_threshold():
    r = ac.retenues(P, 63.00, 110)                  # full CSG + CRDS = 3.64 + 0.29 would leave 59.07 < 62
    assert r["exoneration"] == "partielle"
    assert c(r["csg"] + r["crds"]) == c(63.00 - 62)
    assert r["net"] == c(63.00 - 3.30 - 1.00)


def test_the_3_percent_never_brings_the_allowance_under_the_minimum():
    r = ac.retenues(P, 33.00, 50)                    # 3 % × 50 = 1.50 would leave 31.50 < 32.13
    assert r["retraite_complementaire"] == c(33.00 - 32.13)


# ---- ARCE versus maintained ARE -----------------------------------------------
def test_arce_versus_maintien():
    aj = c(0.57 * 5_000 * 24 / 730)
    r = are(salaire_brut=5_000)
    droits = c(182 * aj + 366 * 92.57)
    assert r["droits_restants_creation"] == droits
    assert r["arce_brut"] == c(droits * 0.60)
    assert r["arce_net"] == c(c(droits * 0.60) * 0.97)
    assert r["maintien_plafond"] == c(droits * 0.60)
    later = are(salaire_brut=5_000, jours_avant_creation=100)
    assert later["droits_restants_creation"] == c(82 * aj + 366 * 92.57)


# ---- who gets rights -----------------------------------------------------------
def test_resignation_gives_no_right_but_says_the_exceptions():
    r = are(mode_rupture="demission")
    assert not r["droits_ouverts"] and "légitime" in r["raison"] and "L5422-1" in r["raison"]
    assert are(mode_rupture="demission_legitime")["droits_ouverts"]


def test_a_suspended_portage_cdi_gives_no_are_but_the_prospection_allowance():
    r = are(contrat="portage_cdi", mode_rupture="suspension")
    assert not r["droits_ouverts"]
    assert any("prospection" in a["message"] for a in r["alertes"])


def test_end_of_a_portage_cdd_opens_rights():
    r = are(contrat="portage_cdd", mode_rupture="fin_cdd")
    assert r["droits_ouverts"] and any("précarité" in a["message"] for a in r["alertes"])


@pytest.mark.parametrize("entrees, champ", [
    ({"contrat": "cdi", "mode_rupture": "fin_cdd"}, "mode_rupture"),
    ({"contrat": "cdd", "mode_rupture": "rupture_conventionnelle"}, "mode_rupture"),
    ({"contrat": "cdi", "mode_rupture": "suspension"}, "mode_rupture"),
    ({"indemnite_rupture": 1_000, "indemnite_legale": 2_000}, "indemnite_legale"),
    ({"fin_contrat": "2025-03-31"}, "fin_contrat"),
    ({"mois_travailles": 24, "jours_non_travailles": 10}, "jours_non_travailles"),
])
def test_inconsistent_inputs_are_refused_in_french(entrees, champ):
    out = calculators.run("chomage", {"fin_contrat": FIN, **entrees})
    assert not out["ok"] and set(out["errors"]) == {champ}


# ---- ATI -------------------------------------------------------------------------
def test_ati_for_an_independent_after_a_closure():
    r = are(contrat="independant", mode_rupture="cessation", revenu_independant=20_000, annees_activite=3)
    assert r["ati_journaliere"] == 26.30 and r["ati_total"] == c(26.30 * 182)   # ≈ 4 787 €
    assert not r["droits_ouverts"]


@pytest.mark.parametrize("revenu, annees", [(9_999, 3), (20_000, 1.5)])
def test_ati_conditions(revenu, annees):
    r = are(contrat="independant", mode_rupture="cessation", revenu_independant=revenu, annees_activite=annees)
    assert r["ati_total"] == 0 and "R5424-70" in r["raison"]


# ---- unsure rules: data and code agree -----------------------------------------------
def test_unsure_parameters_are_those_marked_in_the_file():
    doc = tomllib.loads((pathlib.Path(calculators.__file__).parent / "data" / "chomage.toml").read_text("utf-8"))

    def walk(prefix, table):
        if "valeurs" in table:
            if "incertain" in table:
                yield prefix
            return
        for k, v in table.items():
            if isinstance(v, dict):
                yield from walk(f"{prefix}.{k}", v)

    marked = {n for k, v in doc.items() for n in walk(f"chomage.{k}", v)}
    assert marked == set(ac.PARAMETRES_INCERTAINS)


def test_rupture_conventionnelle_names_the_pending_reform():
    r = are(mode_rupture="rupture_conventionnelle")
    assert r["duree_jours"] == 548                                  # not reduced: no text in force
    assert any(i["parametre"] == "chomage.reforme_rupture_conventionnelle.en_vigueur" for i in r["incertitudes"])
