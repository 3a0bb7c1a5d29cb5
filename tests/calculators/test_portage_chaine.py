"""The portage chain, by hand arithmetic: turnover, fees, budget, the parts of the
gross (convention collective IDCC 3219, art. 21.2, 21.3, 28.3), the réserve, the
conventional minimum (avenant n° 12) and the command line."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

import calculators


def run(**raw):
    raw.setdefault("date", "2026-07-01")
    out = calculators.run("portage", raw)
    assert out["ok"], out
    return out["result"]


def c(x):
    """Half away from zero, to the cent (the payslip rounding)."""
    return math.floor(abs(x) * 100 + 0.5 + 1e-9) / 100 * (1 if x >= 0 else -1)


def test_turnover_fee_and_budget():
    r = run(tjm=600, jours=18, frais_gestion=0.08)
    assert r["chiffre_affaires"] == 10800          # 600 × 18
    assert r["montant_frais_gestion"] == 864       # 10 800 × 8 %
    assert r["cout_employeur"] == 9936             # 10 800 − 864
    # the budget is split between this month's pay and the réserve's provision
    assert c(r["cout_employeur_salaire"] + r["cout_reserve"]) == 9936


def test_expenses_and_fixed_fees_come_out_of_the_budget():
    r = run(tjm=450, jours=8, frais_gestion=0.05, frais_fixes_mensuels=150, frais_professionnels=220)
    assert r["chiffre_affaires"] == 3600           # 450 × 8
    assert r["montant_frais_gestion"] == 330       # 3 600 × 5 % = 180, + 150 fixed
    assert r["frais_professionnels"] == 220
    assert r["cout_employeur"] == 3050             # 3 600 − 330 − 220


def test_degressive_schedule_by_tranches():
    # 700 × 19 = 13 300 €/month = 159 600 €/year:
    # 75 000 × 10 % + (150 000 − 75 000) × 9 % + (159 600 − 150 000) × 7 %
    # = 7 500 + 6 750 + 672 = 14 922 €/year = 1 243.50 €/month
    r = run(tjm=700, jours=19, frais_gestion=0.10, frais_gestion_seuil_1=75000, frais_gestion_2=0.09,
            frais_gestion_seuil_2=150000, frais_gestion_3=0.07)
    assert r["montant_frais_gestion"] == 1243.5
    assert r["cout_employeur"] == 12056.5          # 13 300 − 1 243.50


def test_degressive_schedule_global():
    # 159 600 €/year is above 75 000: the 9 % rate applies to the whole turnover
    r = run(tjm=700, jours=19, frais_gestion=0.10, frais_gestion_seuil_1=75000, frais_gestion_2=0.09,
            frais_gestion_mode="global")
    assert r["montant_frais_gestion"] == 1197      # 13 300 × 9 %
    # below the threshold: 400 × 15 × 12 = 72 000 €/year → 10 %
    r = run(tjm=400, jours=15, frais_gestion=0.10, frais_gestion_seuil_1=75000, frais_gestion_2=0.09,
            frais_gestion_mode="global")
    assert r["montant_frais_gestion"] == 600       # 6 000 × 10 %


def test_fee_cap():
    r = run(tjm=600, jours=18, frais_gestion=0.10, frais_gestion_plafond=900)
    assert r["montant_frais_gestion"] == 900       # 1 080 capped at 900


@pytest.mark.parametrize("raw", [
    dict(tjm=600, jours=18, frais_gestion=0.08),
    dict(tjm=350, jours=12, frais_gestion=0.1, cadre=False),
    dict(tjm=1500, jours=20, frais_gestion=0.05),
])
def test_parts_of_the_gross_cdi(raw):
    r = run(**raw)
    base = r["salaire_base"]
    # art. 21.2: indemnité d'apport d'affaires = 5 % of the salaire de base
    assert r["indemnite_apport_affaires"] == c(base * 0.05)
    # art. 28.3: congés payés = 1/10 of (base + apport d'affaires)
    assert r["conges_payes"] == c((base + r["indemnite_apport_affaires"]) * 0.10)
    assert r["salaire_brut"] == c(base + r["indemnite_apport_affaires"] + r["conges_payes"])
    # art. 21.3: réserve = 10 % of the salaire de base of the mission
    assert r["reserve_financiere"] == c(base * 0.10)
    # the salaire de base is the largest (to the cent) whose gross total fits the budget:
    # one more cent of base costs more than the budget in the salaried rules
    b2 = c(base + 0.01)
    iaa2 = c(b2 * 0.05)
    brut2 = c(b2 + iaa2 + c((b2 + iaa2) * 0.10))
    total2 = c(brut2 + c(b2 * 0.10))
    effectif = next(f for f in calculators.get("portage").FIELDS if f.name == "effectif").default_value()
    # with the month's working time: its days × 12 as a forfait (218 days at most)
    more = calculators.run("salarie", {"salaire_brut": total2, "cadre": raw.get("cadre", True),
                                       "effectif": effectif, "date": "2026-07-01", "temps_travail": "forfait_jours",
                                       "jours_forfait": min(218, raw["jours"] * 12)})["result"]
    assert more["cout_employeur"] > r["cout_employeur"]


def test_cdd_end_of_contract_indemnity():
    r = run(tjm=450, jours=15, frais_gestion=0.1, contrat="cdd")
    # L1243-8: 10 % of the gross paid
    assert r["reserve_financiere"] == c(r["salaire_brut"] * 0.10)
    assert any("CDD" in a["message"] for a in r["alertes"])


def test_restitution_rate_and_breakdown():
    r = run(tjm=600, jours=18, frais_gestion=0.08, frais_professionnels=300)
    # (net before tax + réserve's net + expenses) / turnover
    expected = (r["net_avant_impot"] + r["reserve_nette"] + 300) / 10800
    assert r["taux_restitution"] == pytest.approx(expected, abs=1e-6)
    # where each euro of turnover goes: the parts add up to the turnover, to the cent
    assert c(sum(p["montant"] for p in r["repartition"])) == r["chiffre_affaires"]
    assert all(p["montant"] >= 0 for p in r["repartition"])
    # the year is twelve months of the same activity
    assert r["annuel"]["chiffre_affaires"] == 129600
    assert r["annuel"]["net_avant_impot"] == c(12 * r["net_avant_impot"])


# Conventional minimum (art. 21.3 and avenant n° 12): échelon % × PSS 2017 (3 269 €),
# per day = monthly × 12 / 218, × days billed.
MINIMUMS = [
    # premier niveau: 63 % × 3 269 = 2 059.47; / 218 × 12 = 113.3653… per day; × 10 = 1 133.65
    ("premier_niveau", 10, 1133.65),
    # junior: 70 % × 3 269 = 2 288.30; × 12 / 218 × 20 = 2 519.23
    ("junior", 20, 2519.23),
    # senior: 75 % × 3 269 = 2 451.75; × 12 / 218 × 18 = 2 429.2569 → 2 429.26
    ("senior", 18, 2429.26),
    # expert: 85 % × 3 269 = 2 778.65; × 12 / 218 × 15 = 2 294.2982 → 2 294.30
    ("expert", 15, 2294.30),
]


@pytest.mark.parametrize("echelon,jours,minimum", MINIMUMS)
def test_conventional_minimum(echelon, jours, minimum):
    low = run(tjm=100, jours=jours, echelon=echelon)
    assert low["minimum_conventionnel"] == minimum
    assert low["salaire_brut"] < minimum
    assert [a["niveau"] for a in low["alertes"] if "minimum conventionnel" in a["message"]] == ["attention"]
    high = run(tjm=800, jours=jours, echelon=echelon)
    assert high["salaire_brut"] > minimum
    assert not [a for a in high["alertes"] if "minimum conventionnel" in a["message"]]


def test_errors_are_per_field_and_french():
    out = calculators.run("portage", {"tjm": 100, "jours": 1, "frais_professionnels": 500, "date": "2026-07-01"})
    assert not out["ok"] and "frais" in out["errors"]["tjm"]
    out = calculators.run("portage", {"frais_gestion_seuil_1": 75000})
    assert not out["ok"] and "frais_gestion_2" in out["errors"]
    out = calculators.run("portage", {"frais_gestion_seuil_1": 90000, "frais_gestion_2": 0.09,
                                      "frais_gestion_seuil_2": 80000, "frais_gestion_3": 0.07})
    assert not out["ok"] and "frais_gestion_seuil_2" in out["errors"]
    out = calculators.run("portage", {"contrat": "interim"})
    assert not out["ok"] and out["errors"]["contrat"].startswith("Valeur inconnue") and "cdi (CDI)" in out["errors"]["contrat"]


def test_command_line_names_of_issue_3():
    raw = {"tjm": 600, "jours": 18, "frais_gestion": 0.08, "frais_professionnels": 100,
           "contrat": "cdi", "cadre": True, "date": "2026-07-01"}
    proc = subprocess.run([sys.executable, "-m", "calculators", "portage"], input=json.dumps(raw),
                          capture_output=True, text=True, check=True)
    res = json.loads(proc.stdout)["result"]
    for key in ("salaire_brut", "cout_employeur", "net_avant_impot", "chiffre_affaires"):
        assert isinstance(res[key], float)
    assert res["chiffre_affaires"] == 10800 and res["cout_employeur"] == 9836  # 10 800 − 864 − 100
    bad = subprocess.run([sys.executable, "-m", "calculators", "portage"], input='{"contrat": "cdd", "jours": -1}',
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "jours" in json.loads(bad.stdout)["errors"]
    schema = json.loads(subprocess.run([sys.executable, "-m", "calculators", "portage", "--schema"],
                                       capture_output=True, text=True, check=True).stdout)
    assert {"tjm", "jours", "frais_gestion", "frais_professionnels", "contrat", "cadre", "date"} <= set(schema["properties"])


@pytest.mark.parametrize("assiette,expected", [
    # art. 21.3 as written: 10 % of the salaire de base 4 000 = 400
    ("salaire_base", 400.0),
    # some firms: 10 % of the whole gross, 4 000 × 1.05 × 1.10 = 4 620 → 462
    ("salaire_brut", 462.0),
    # others: 10 % of the conventional minimum of the month (junior, 20 days: 2 519.23) → 251.92
    ("minimum_conventionnel", 251.92),
])
def test_reserve_base_variants(assiette, expected):
    import datetime as dt

    from calculators import portage
    from calculators.core.parametres import At

    rates = portage.Rates(At(dt.date(2026, 7, 1)), {"contrat": "cdi", "echelon": "junior", "jours": 20})
    rates.reserve_base = assiette  # the parameter portage.reserve_financiere.base, as an editor may set it
    parts = rates.parts(4000)
    assert parts["indemnite_apport_affaires"] == 200          # 4 000 × 5 %
    assert parts["conges_payes"] == 420                       # (4 000 + 200) × 10 %
    assert parts["salaire_brut"] == 4620
    assert parts["reserve"] == expected
    # and the approximate inverse used as the solver's starting point is consistent
    assert rates.base_for_gross_total(parts["brut_total"]) == pytest.approx(4000, abs=0.02)


def test_cdd_indemnity_is_paid_apart_not_in_the_monthly_net():
    # Regression: the end-of-contract indemnity (10 % of the gross, L1243-8) is
    # funded by the budget and paid at the end; it must not also be in the month's net.
    r = run(tjm=600, jours=18, frais_gestion=0.08, contrat="cdd")
    brut = r["salaire_brut"]
    forfait = {"temps_travail": "forfait_jours", "jours_forfait": 18 * 12}  # the month's 18 days × 12
    month = calculators.run("salarie", {"salaire_brut": brut, "contrat": "cdi", "effectif": 50,
                                        "date": "2026-07-01", **forfait})["result"]
    # the month's pay: the same net as any salary of that gross
    assert r["net_avant_impot"] == month["net_avant_impot"]
    assert r["reserve_financiere"] == c(brut * 0.10)
    # the whole budget: the pay and its indemnity costed as a CDD payslip (1 % CPF-CDD included)
    whole = calculators.run("salarie", {"salaire_brut": brut, "contrat": "cdd", "effectif": 50,
                                        "date": "2026-07-01", **forfait})["result"]
    assert abs(whole["cout_employeur"] - r["cout_employeur"]) <= 0.02
