"""« annee », month by month: every payslip month is the status calculator's
month for that month's days, at that month's rules; a year of twelve identical
months is twelve monthly calculations; micro and EURL are their yearly
calculators, shared over the months.

The expected values come from the status calculators themselves (the oracle of
a composite: it must not compute a payslip of its own), called here through
``calculators.run`` with the inputs a reader would type in them.
"""

from __future__ import annotations

import datetime as dt

import pytest

import calculators
from calculators.regles import annee as ra

STATUTS = ("cdi", "portage_cdi", "portage_cdd", "micro", "eurl", "sasu")


def run(name, **inputs):
    res = calculators.run(name, inputs)
    assert res["ok"], res
    return res["result"]


def annee(**inputs):
    return run("annee", **inputs)


def mois_iso(annee_, m):
    return dt.date(annee_, m, 1).isoformat()


# 2026: the rules change on 1 January, 1 June and 1 July (parameter files);
# the months of one rules period must give the same payslip.
def test_months_of_the_same_rules_are_grouped_by_the_parameter_dates():
    assert ra.mois_de_regles(2026)[:5] == [1, 1, 1, 1, 1]
    for annee_ in (2025, 2026):
        groups = ra.mois_de_regles(annee_)
        assert groups[0] == 1 and all(g <= m for m, g in enumerate(groups, 1))


# ---------------------------------------------------------------------------
# Each payslip month equals the monthly calculator for that month's days
# ---------------------------------------------------------------------------

JOURS = {"jours_01": 18, "jours_02": 20, "jours_03": 5.5, "jours_04": 0, "jours_05": 12, "jours_06": 18,
         "jours_07": 21, "jours_08": 1, "jours_09": 0, "jours_10": 15, "jours_11": 18, "jours_12": 10}


@pytest.mark.parametrize("contrat,statut", [("cdi", "portage_cdi"), ("cdd", "portage_cdd")])
def test_each_portage_mission_month_is_the_portage_calculator_for_its_days(contrat, statut):
    r = annee(statut=statut, tjm=650, frais=200, frais_gestion=0.08, date="2026-03-01", **JOURS)
    for row in r["mois"]:
        j = JOURS[f"jours_{row['mois']:02d}"]
        if j == 0:
            continue
        ref = run("portage", tjm=650, jours=j, frais_gestion=0.08, frais_professionnels=200, contrat=contrat,
                  date=mois_iso(2026, row["mois"]))
        assert row["chiffre_affaires"] == 650 * j
        if "fin_contrat" in row["drapeaux"]:
            continue  # the end-of-contract indemnity is added to that month (test_annee_reserve)
        assert row["salaire_brut"] == ref["salaire_brut"]
        assert row["net_avant_impot"] == ref["net_avant_impot"]
        assert row["net_apres_impot"] == ref["net_apres_impot"]
        assert row["cotisations"] == pytest.approx(ref["cout_employeur_salaire"] - ref["net_avant_impot"], abs=0.005)


def test_each_cdi_month_is_the_salaried_calculator_at_that_month():
    r = annee(statut="cdi", salaire_brut=5200, date="2026-01-15")
    for row in r["mois"]:
        ref = run("salarie", salaire_brut=5200, date=mois_iso(2026, row["mois"]))
        assert (row["salaire_brut"], row["net_avant_impot"], row["net_apres_impot"]) == (
            ref["salaire_brut"], ref["net_avant_impot"], ref["net_apres_impot"])
        assert row["cotisations"] == pytest.approx(ref["cotisations_salariales"] + ref["cotisations_patronales"],
                                                   abs=0.005)


def test_sasu_paid_by_mission_is_one_monthly_payslip_of_the_month_budget():
    # turnover 650 × days; budget of the year = Σ turnover − 12 × 300 of expenses, shared pro rata of turnover
    r = annee(statut="sasu", tjm=650, frais=300, remuneration="par_mission", date="2026-03-01", **JOURS)
    total_ca = 650 * sum(JOURS.values())
    budget = total_ca - 12 * 300
    for row in r["mois"]:
        j = JOURS[f"jours_{row['mois']:02d}"]
        if j == 0:
            assert row["salaire_brut"] == 0 and row["encaisse"] == 0
            continue
        part = round(budget * 650 * j / total_ca, 2)
        if row["mois"] == 12:  # the last share takes the rounding
            continue
        ref = run("sasu", cout_total=part, periode="mois", date=mois_iso(2026, row["mois"]))
        assert (row["salaire_brut"], row["net_apres_impot"]) == (ref["remuneration_brute"], ref["net_apres_impot"])


# ---------------------------------------------------------------------------
# Twelve identical months = twelve times the monthly calculator
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("statut", STATUTS)
def test_twelve_identical_months_are_twelve_monthly_calculations(statut):
    # 600 €/day × 18 days every month, 150 € of expenses a month, rules of 2026
    r = annee(statut=statut, tjm=600, jours=18, mois_mission=12, frais=150, date="2026-05-01")
    rows = r["mois"]
    assert [row["jours"] for row in rows] == ([18.0] * 12 if statut != "cdi" else [0.0] * 12)
    d = "2026-01-01"
    if statut in ("portage_cdi", "portage_cdd"):
        ref = [run("portage", tjm=600, jours=18, frais_professionnels=150,
                   contrat="cdd" if statut == "portage_cdd" else "cdi", date=mois_iso(2026, m)) for m in range(1, 13)]
        assert r["net_apres_impot"] == pytest.approx(sum(x["net_apres_impot"] for x in ref), abs=0.005)
        assert r["salaire_brut"] == pytest.approx(sum(x["salaire_brut"] for x in ref), abs=0.005)
        # January to May have the same rules: each month is the January payslip
        assert {row["net_apres_impot"] for row in rows[:5]} == {ref[0]["net_apres_impot"]}
        assert r["revenu_remplacement"] == 0 and r["indemnite"] == 0
    elif statut == "cdi":
        port = run("portage", tjm=600, jours=18, frais_professionnels=150, date=d)
        brut = run("salarie", cout_employeur=port["cout_employeur"], date=d)["salaire_brut"]
        ref = [run("salarie", salaire_brut=brut, date=mois_iso(2026, m)) for m in range(1, 13)]
        assert r["net_apres_impot"] == pytest.approx(sum(x["net_apres_impot"] for x in ref), abs=0.005)
        assert {row["salaire_brut"] for row in rows} == {brut}
    elif statut == "micro":
        an = run("micro", chiffre_affaires=600 * 18 * 12, periode="annee", date="2026-05-01")
        mois = run("micro", chiffre_affaires=600 * 18, periode="mois", date="2026-05-01")
        assert r["cotisations"] == an["cotisations"]
        assert r["cotisations"] == pytest.approx(12 * mois["cotisations"], abs=0.12)
        assert {row["cotisations"] for row in rows[:11]} == {round(an["cotisations"] / 12, 2)}
        # expenses are not deductible in micro: paid from the cash every month
        assert r["encaisse"] == pytest.approx(an["revenu_net_apres_impot"] - 12 * 150, abs=0.005)
    elif statut == "eurl":
        an = run("eurl", cout_total=600 * 18 * 12 - 12 * 150, periode="annee", activite="liberale",
                 date="2026-05-01")
        assert (r["cotisations"], r["net_apres_impot"]) == (an["cotisations"], an["net_apres_impot"])
        assert {row["cotisations"] for row in rows[:11]} == {round(an["cotisations"] / 12, 2)}
    elif statut == "sasu":
        an = run("sasu", cout_total=600 * 18 * 12 - 12 * 150, periode="annee", date="2026-05-01")
        mois = run("sasu", cout_total=600 * 18 - 150, periode="mois", date="2026-05-01")
        assert r["net_apres_impot"] == an["net_apres_impot"]
        assert r["net_apres_impot"] == pytest.approx(12 * mois["net_apres_impot"], abs=0.12)


# ---------------------------------------------------------------------------
# Micro and EURL over an uneven year: the yearly calculators, shared
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("vl", [False, True])
def test_micro_yearly_contributions_are_the_yearly_calculator_on_the_year_turnover(vl):
    # 8 months of 18 days at 600 €: 600 × 18 × 8 = 86 400 € (above the BNC ceiling: flagged)
    r = annee(statut="micro", tjm=600, jours=18, mois_mission=8, versement_liberatoire=vl, date="2026-06-01")
    an = run("micro", chiffre_affaires=600 * 18 * 8, periode="annee", versement_liberatoire=vl, date="2026-06-01")
    assert r["chiffre_affaires"] == 86_400
    assert r["cotisations"] == an["cotisations"]
    assert r["net_avant_impot"] == an["revenu_net"]
    assert r["net_apres_impot"] == an["revenu_net_apres_impot"]
    # months without turnover pay no contribution (monthly declaration)
    assert [row["cotisations"] for row in r["mois"][8:]] == [0.0] * 4
    assert r["colonnes"][0]["plafond_micro_depasse"] is (86_400 > an["plafond_chiffre_affaires"])


@pytest.mark.parametrize("remuneration", ["lissee", "par_mission"])
def test_eurl_yearly_contributions_are_the_yearly_calculator_on_the_year_budget(remuneration):
    # budget = 600 × 18 × 8 − 12 × 250 = 83 400 €
    r = annee(statut="eurl", tjm=600, jours=18, mois_mission=8, frais=250, remuneration=remuneration,
              date="2026-06-01")
    an = run("eurl", cout_total=600 * 18 * 8 - 12 * 250, periode="annee", activite="liberale", date="2026-06-01")
    assert (r["salaire_brut"], r["cotisations"], r["net_avant_impot"], r["net_apres_impot"]) == (
        an["revenu_brut"], an["cotisations"], an["net_avant_impot"], an["net_apres_impot"])
    sans = [row["net_apres_impot"] for row in r["mois"][8:]]
    assert (sans == [0.0] * 4) is (remuneration == "par_mission")
