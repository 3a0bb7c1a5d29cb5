"""Two payslips worked out by hand, line by line (rates of 2026, see
calculators/data/salarie.toml and ../shared/reference/rates-2026.md).

Each expected amount is the arithmetic in its comment, rounded to the cent.
"""

from __future__ import annotations

import pytest

from calculators import salarie

# ---------------------------------------------------------------- cadre, 4 000 €
# July 2026, 20 employees, CDI, default mutuelle (40 €, half each), AT/MP 2.08 %.
# PSS 4 005 €: the whole pay is in T1, no T2 and no CET.
CADRE_4000 = {
    "entrees": {"salaire_brut": 4000, "cadre": True, "effectif": 20, "date": "2026-07-01"},
    # code: (salarial, patronal)
    "lignes": {
        "maladie": (None, 520.00),                      # 4 000 × 13 %
        "complementaire_sante": (20.00, 20.00),         # 40 € × 50 %, twice
        "prevoyance_cadres": (None, 60.00),             # 4 000 × 1.5 %
        "atmp": (None, 83.20),                          # 4 000 × 2.08 %
        "vieillesse_plafonnee": (276.00, 342.00),       # 4 000 × 6.90 %, × 8.55 %
        "vieillesse_deplafonnee": (16.00, 84.40),       # 4 000 × 0.40 %, × 2.11 %
        "retraite_complementaire_t1": (126.00, 188.80),  # 4 000 × 3.15 %, × 4.72 %
        "ceg_t1": (34.40, 51.60),                       # 4 000 × 0.86 %, × 1.29 %
        "allocations_familiales": (None, 210.00),       # 4 000 × 5.25 %
        "chomage": (None, 160.00),                      # 4 000 × 4.00 %
        "ags": (None, 10.00),                           # 4 000 × 0.25 %
        "apec": (0.96, 1.44),                           # 4 000 × 0.024 %, × 0.036 %
        "fnal": (None, 4.00),                           # 4 000 × 0.10 % (< 50 employees)
        "csa": (None, 12.00),                           # 4 000 × 0.30 %
        "dialogue_social": (None, 0.64),                # 4 000 × 0.016 %
        "formation_professionnelle": (None, 40.00),     # 4 000 × 1 % (11 employees or more)
        "taxe_apprentissage": (None, 23.60),            # 4 000 × 0.59 %
        "taxe_apprentissage_solde": (None, 3.60),       # 4 000 × 0.09 %
        "forfait_social": (None, 6.40),                 # (20 + 60) × 8 % (11 employees or more)
        # CSG-CRDS base: 4 000 × 98.25 % + employer prévoyance (20 + 60) = 4 010
        "csg_deductible": (272.68, None),               # 4 010 × 6.8 %
        "csg_non_deductible": (96.24, None),            # 4 010 × 2.4 %
        "crds": (20.05, None),                          # 4 010 × 0.5 %
        # RGDU: 3 SMIC = 3 × 12.31 × 35 × 52 / 12 = 5 601.05;
        # 0.02 + 0.3781 × (½ × (5 601.05 / 4 000 − 1))^1.75 = 0.042642 → 0.0426
        "reduction_generale": (None, -170.40),          # 4 000 × 0.0426
    },
    "absentes": ("retraite_complementaire_t2", "ceg_t2", "cet", "peec", "cpf_cdd",
                 "contribution_supplementaire_apprentissage", "versement_mobilite"),
    "totaux": {
        # 20 + 276 + 16 + 126 + 34.40 + 0.96 + 272.68 + 96.24 + 20.05
        "cotisations_salariales": 862.33,
        # sum of the employer lines above (1 821.68) − 170.40
        "cotisations_patronales": 1651.28,
        "cout_employeur": 5651.28,       # 4 000 + 1 651.28
        "net_avant_impot": 3137.67,      # 4 000 − 862.33
        # net + CSG non déductible + CRDS + employer prévoyance (mutuelle 20 + cadres 60)
        "net_imposable": 3333.96,        # 3 137.67 + 96.24 + 20.05 + 80
        # neutral grid 2026: 3 135 < 3 333.96 ≤ 3 571 → 9.9 %
        "taux_prelevement_source": 0.099,
        "prelevement_source": 330.06,  # 3 333.96 × 9.9 % = 330.062
        "net_apres_impot": 2807.61,      # 3 137.67 − 330.06
    },
}

# ---------------------------------------------------------------- cadre, 20 000 €
# January 2026, 60 employees: T1 = 4 005, T2 = 20 000 − 4 005 = 15 995,
# 4 PSS = 16 020, 8 PSS = 32 040; no RGDU (above 3 SMIC).
CADRE_20000 = {
    "entrees": {"salaire_brut": 20000, "cadre": True, "effectif": 60, "date": "2026-01-15"},
    "lignes": {
        "vieillesse_plafonnee": (276.35, 342.43),        # 4 005 × 6.90 % = 276.345, × 8.55 % = 342.4275
        "retraite_complementaire_t1": (126.16, 189.04),  # 4 005 × 3.15 % = 126.1575, × 4.72 % = 189.036
        "retraite_complementaire_t2": (1381.97, 2071.35),  # 15 995 × 8.64 % = 1 381.968, × 12.95 % = 2 071.3525
        "ceg_t2": (172.75, 259.12),                      # 15 995 × 1.08 % = 172.746, × 1.62 % = 259.119
        "cet": (28.00, 42.00),                           # 20 000 × 0.14 %, × 0.21 % (base above 1 PSS)
        "chomage": (None, 640.80),                       # 16 020 × 4 %
        "ags": (None, 40.05),                            # 16 020 × 0.25 %
        "apec": (3.84, 5.77),                            # 16 020 × 0.024 % = 3.8448, × 0.036 % = 5.7672
        "fnal": (None, 100.00),                          # 20 000 × 0.50 % (50 employees or more)
        "peec": (None, 90.00),                           # 20 000 × 0.45 % (50 employees or more)
        # 4 005 × 1.5 % = 60.075: a half cent.  The employer lines rounded one by
        # one add up to 8 805.91 € while their exact sum is 8 805.8977 → 8 805.90 €;
        # the cent goes back from the line rounded up the most (+0.005): this one.
        "prevoyance_cadres": (None, 60.07),
        # CSG base: 16 020 × 98.25 % + (20 000 − 16 020) + 20 + 60.075 = 19 799.725
        "csg_deductible": (1346.38, None),               # 19 799.725 × 6.8 % = 1 346.3813
        "crds": (99.00, None),                           # 19 799.725 × 0.5 % = 98.9986
    },
    "absentes": ("reduction_generale", "cpf_cdd"),
    "totaux": {"cotisations_patronales": 8805.90, "cotisations_salariales": 4044.08},
}


@pytest.mark.parametrize("case", [CADRE_4000, CADRE_20000], ids=["cadre-4000", "cadre-20000"])
def test_payslip_lines(case):
    r = salarie.calculer(**case["entrees"])
    lines = {ln["code"]: ln for ln in r["lignes"]}
    for code, (sal, pat) in case["lignes"].items():
        assert lines[code]["montant_salarial"] == (pytest.approx(sal, abs=0.001) if sal is not None else None), code
        assert lines[code]["montant_patronal"] == (pytest.approx(pat, abs=0.001) if pat is not None else None), code
    for code in case["absentes"]:
        assert code not in lines
    for key, value in case["totaux"].items():
        assert r[key] == pytest.approx(value, abs=0.001), key


def test_payslip_identities():
    # Totals are consistent to the cent: gross = net + employee contributions,
    # cost = gross + employer contributions, and the chart's parts sum to the cost.
    for entrees in (CADRE_4000["entrees"], CADRE_20000["entrees"],
                    {"salaire_brut": 2345.67, "contrat": "cdd", "cadre": False, "effectif": 7}):
        r = salarie.calculer(**entrees)
        assert round(r["net_avant_impot"] + r["cotisations_salariales"], 2) == r["remuneration_brute"]
        assert round(r["remuneration_brute"] + r["cotisations_patronales"], 2) == r["cout_employeur"]
        assert round(sum(p["montant"] for p in r["repartition"]), 2) == r["cout_employeur"]
        assert round(r["net_avant_impot"] - r["prelevement_source"], 2) == r["net_apres_impot"]
        assert r["annuel"]["net_avant_impot"] == round(12 * r["net_avant_impot"], 2)
        # each column of the payslip adds up to its total
        assert round(sum(ln["montant_salarial"] or 0 for ln in r["lignes"]), 2) == r["cotisations_salariales"]
        assert round(sum(ln["montant_patronal"] or 0 for ln in r["lignes"]), 2) == r["cotisations_patronales"]


def test_cdd_adds_the_end_of_contract_indemnity_and_cpf_cdd():
    # CDD, 3 000 € contractual gross: indemnité de fin de contrat 10 % = 300 €
    # (Code du travail L1243-8), so the base of the contributions is 3 300 €;
    # CPF-CDD 1 % of 3 300 = 33 € (Code du travail L6331-6).
    r = salarie.calculer(salaire_brut=3000, contrat="cdd", effectif=20, date="2026-07-01")
    lines = {ln["code"]: ln for ln in r["lignes"]}
    assert r["salaire_brut"] == 3000
    assert r["remuneration_brute"] == 3300
    assert lines["indemnite_fin_contrat"]["montant"] == 300
    assert lines["cpf_cdd"]["montant_patronal"] == 33.00
    assert lines["maladie"]["montant_patronal"] == 429.00  # 3 300 × 13 %


def test_reading_a_line():
    r = salarie.calculer(salaire_brut=4000, date="2026-07-01")
    line = next(ln for ln in r["lignes"] if ln["code"] == "vieillesse_plafonnee")
    assert line["groupe"] == "Retraite"
    assert line["assiette"] == 4000
    assert line["taux_salarial"] == 0.069 and line["taux_patronal"] == 0.0855
    assert "D242-4" in line["reference"]
    keys = {"code", "libelle", "groupe", "assiette", "taux_salarial", "taux_patronal",
            "montant_salarial", "montant_patronal", "reference"}
    assert all(keys <= set(ln) for ln in r["lignes"])
