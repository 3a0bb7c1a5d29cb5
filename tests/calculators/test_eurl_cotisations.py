"""EURL gérant (TNS): the yearly contributions of the indépendant after the 2025
reform of the base (« assiette unique »), by the law and hand arithmetic.

The rules (CSS L131-6, L136-3, D136-5, D621-1/2/3, D633-2/3, D635-7, D632-1,
D613-1; décret n° 2024-688; tns.toml), for income earned from 1 January 2025:
R = the professional income before social contributions (at the IS: the
remuneration budget, contributions included); abattement A = 26 % of R, at
least 1.76 % PASS, at most 130 % PASS (rounded to the euro); base a = R − A;
every line on a, rounded to the euro:

- maladie-maternité: rate linear between the points (share of PASS → rate)
  20 % → 0 %, 40 % → 1.5 %, 60 % → 4 %, 110 % → 6.5 %, 200 % → 7.7 %,
  300 % → 8.5 %, rounded to 0.01 %, on a up to 3 PASS; 6.5 % above; no floor;
- indemnités journalières 0.50 % of a within [40 % PASS, 5 PASS];
- retraite de base 17.87 % up to 1 PASS, 0.72 % above; base at least
  450 × the SMIC horaire of 1 January;
- retraite complémentaire 8.1 % up to 1 PASS, 9.1 % from 1 to 4 PASS;
- invalidité-décès 1.3 % of a within [11.5 % PASS, 1 PASS];
- allocations familiales 0 % to 110 % PASS, 3.1 % from 140 %, linear between;
- CSG déductible 6.8 %, CSG non déductible + CRDS 2.9 % of a;
- CFP 0.25 % PASS (0.29 % for an artisan).

2026: PASS = 12 × 4 005 = 48 060 €; SMIC horaire on 1 January 2026 12.02 €
(450 h: 5 409 €).  2025: PASS = 12 × 3 925 = 47 100 €; SMIC on 1 January 2025
11.88 € (450 h: 5 346 €).

The first three scenarios are the worked columns of
../shared/reference/tns-2026.md (R = 40 000, 60 000, 100 000 € in 2026); the
others are our own hand arithmetic.  (modele-social 11.1.0, the npm model,
never implemented the reform: see test_eurl_urssaf.py.)
"""

from __future__ import annotations

import datetime as dt

import pytest

import calculators
from calculators.regles import cotisations_tns as eurl  # the TNS rules (eurl is their calculator)

PASS_2026 = 12 * 4_005   # 48 060
PASS_2025 = 12 * 3_925   # 47 100

CODES = ("maladie", "indemnites_journalieres", "retraite_base", "retraite_complementaire", "invalidite_deces",
         "allocations_familiales", "csg_deductible", "csg_crds_non_deductible", "formation_professionnelle")

SCENARIOS = [
    # --- tns-2026.md, column R = 40 000 ----------------------------------------
    dict(nom="tns-2026 R=40000", date="2026-07-01", revenu=40_000, activite="commerciale",
         abattement=10_400,                      # 26 % × 40 000
         assiette=29_600,                        # 40 000 − 10 400
         taux_maladie=0.0408,                    # 29 600 / 48 060 = 0.6159 PASS: 4 + 2.5 × 0.0159 / 0.5 = 4.08 %
         lignes=dict(
             maladie=1_208,                      # 4.08 % × 29 600 = 1 207.68
             indemnites_journalieres=148,        # 0.5 % × 29 600
             retraite_base=5_290,                # 17.87 % × 29 600 = 5 289.52
             retraite_complementaire=2_398,      # 8.1 % × 29 600 = 2 397.60
             invalidite_deces=385,               # 1.3 % × 29 600 = 384.80
             allocations_familiales=0,           # below 110 % PASS
             csg_deductible=2_013,               # 6.8 % × 29 600 = 2 012.80
             csg_crds_non_deductible=858,        # 2.9 % × 29 600 = 858.40
             formation_professionnelle=120),     # 0.25 % × 48 060 = 120.15
         total=12_420),
    # --- tns-2026.md, column R = 60 000 ----------------------------------------
    dict(nom="tns-2026 R=60000", date="2026-07-01", revenu=60_000, activite="commerciale",
         abattement=15_600, assiette=44_400,
         taux_maladie=0.0562,                    # 0.92384 PASS: 4 + 2.5 × 0.32384 / 0.5 = 5.619 -> 5.62 %
         lignes=dict(
             maladie=2_495,                      # 5.62 % × 44 400 = 2 495.28
             indemnites_journalieres=222,        # 0.5 % × 44 400
             retraite_base=7_934,                # 17.87 % × 44 400 = 7 934.28
             retraite_complementaire=3_596,      # 8.1 % × 44 400 = 3 596.40
             invalidite_deces=577,               # 1.3 % × 44 400 = 577.20
             allocations_familiales=0,
             csg_deductible=3_019,               # 6.8 % × 44 400 = 3 019.20
             csg_crds_non_deductible=1_288,      # 2.9 % × 44 400 = 1 287.60
             formation_professionnelle=120),
         total=19_251),
    # --- tns-2026.md, column R = 100 000 ---------------------------------------
    dict(nom="tns-2026 R=100000", date="2026-07-01", revenu=100_000, activite="commerciale",
         abattement=26_000, assiette=74_000,
         taux_maladie=0.0709,                    # 1.53974 PASS: 6.5 + 1.2 × 0.43974 / 0.9 = 7.086 -> 7.09 %
         lignes=dict(
             maladie=5_247,                      # 7.09 % × 74 000 = 5 246.60
             indemnites_journalieres=370,        # 0.5 % × 74 000
             retraite_base=8_775,                # 17.87 % × 48 060 + 0.72 % × 25 940 = 8 588.32 + 186.77
             retraite_complementaire=6_253,      # 8.1 % × 48 060 + 9.1 % × 25 940 = 3 892.86 + 2 360.54
             invalidite_deces=625,               # 1.3 % × 48 060 = 624.78
             allocations_familiales=2_294,       # 3.1 % × 74 000 (above 140 % PASS) = 2 294
             csg_deductible=5_032,               # 6.8 % × 74 000
             csg_crds_non_deductible=2_146,      # 2.9 % × 74 000
             formation_professionnelle=120),
         total=30_862),
    # --- a small income: the floors -------------------------------------------
    dict(nom="R=5000 (floors)", date="2026-07-01", revenu=5_000, activite="commerciale",
         abattement=1_300,                       # 26 % × 5 000 (above the floor 1.76 % × 48 060 = 845.86)
         assiette=3_700,
         taux_maladie=0.0,                       # 3 700 / 48 060 = 0.077 PASS, below 20 %: 0 %, and no floor
         lignes=dict(
             maladie=0,
             indemnites_journalieres=96,         # floor 40 % × 48 060 = 19 224: 0.5 % = 96.12
             retraite_base=967,                  # floor 450 × 12.02 = 5 409: 17.87 % = 966.59
             retraite_complementaire=300,        # 8.1 % × 3 700 = 299.70 (no floor)
             invalidite_deces=72,                # floor round(11.5 % × 48 060 = 5 526.9) = 5 527: 1.3 % = 71.85
             allocations_familiales=0,
             csg_deductible=252,                 # 6.8 % × 3 700 = 251.60
             csg_crds_non_deductible=107,        # 2.9 % × 3 700 = 107.30
             formation_professionnelle=120),
         total=1_914),
    dict(nom="R=2000 (abattement floor)", date="2026-07-01", revenu=2_000, activite="commerciale",
         abattement=846,                         # 26 % × 2 000 = 520 < 1.76 % × 48 060 = 845.86 -> 846
         assiette=1_154,                         # 2 000 − 846
         taux_maladie=0.0,
         lignes=dict(
             maladie=0, indemnites_journalieres=96, retraite_base=967,
             retraite_complementaire=93,         # 8.1 % × 1 154 = 93.47
             invalidite_deces=72, allocations_familiales=0,
             csg_deductible=78,                  # 6.8 % × 1 154 = 78.47
             csg_crds_non_deductible=33,         # 2.9 % × 1 154 = 33.47
             formation_professionnelle=120),
         total=1_459),
    dict(nom="R=20000 (maladie 20-40 % PASS)", date="2026-07-01", revenu=20_000, activite="commerciale",
         abattement=5_200, assiette=14_800,
         taux_maladie=0.0081,                    # 0.30795 PASS: 1.5 × 0.10795 / 0.2 = 0.8096 -> 0.81 %
         lignes=dict(
             maladie=120,                        # 0.81 % × 14 800 = 119.88
             indemnites_journalieres=96,         # floor 19 224
             retraite_base=2_645,                # 17.87 % × 14 800 = 2 644.76
             retraite_complementaire=1_199,      # 8.1 % × 14 800 = 1 198.80
             invalidite_deces=192,               # 1.3 % × 14 800 = 192.40
             allocations_familiales=0,
             csg_deductible=1_006,               # 6.8 % × 14 800 = 1 006.40
             csg_crds_non_deductible=429,        # 2.9 % × 14 800 = 429.20
             formation_professionnelle=120),
         total=5_807),
    # --- between 110 % and 140 % PASS: allocations familiales progressive -----
    dict(nom="R=80000 (AF progressive)", date="2026-07-01", revenu=80_000, activite="commerciale",
         abattement=20_800, assiette=59_200,
         taux_maladie=0.0668,                    # 1.23179 PASS: 6.5 + 1.2 × 0.13179 / 0.9 = 6.6757 -> 6.68 %
         lignes=dict(
             maladie=3_955,                      # 6.68 % × 59 200 = 3 954.56
             indemnites_journalieres=296,        # 0.5 % × 59 200
             retraite_base=8_669,                # 8 588.32 + 0.72 % × 11 140 = 8 588.32 + 80.21
             retraite_complementaire=4_907,      # 3 892.86 + 9.1 % × 11 140 = 3 892.86 + 1 013.74
             invalidite_deces=625,
             # 3.1 % × (1.23179 − 1.1) / 0.3 = 1.3619 % -> 1.36 % (rate rounded to 0.01 %, as the
             # URSSAF's model does: tns.cotisations.allocations_familiales.arrondi_taux, marked unsure);
             # 1.36 % × 59 200 = 805.12 (806 with the unrounded rate)
             allocations_familiales=805,
             csg_deductible=4_026,               # 6.8 % × 59 200 = 4 025.60
             csg_crds_non_deductible=1_717,      # 2.9 % × 59 200 = 1 716.80
             formation_professionnelle=120),
         total=25_120),
    # --- above 3 PASS (maladie), 4 PASS (RCI) and the abattement ceiling --------
    dict(nom="R=300000 (above 130 % PASS abattement, 3 and 4 PASS)", date="2026-07-01", revenu=300_000,
         activite="commerciale",
         abattement=62_478,                      # 26 % × 300 000 = 78 000 > 130 % × 48 060 = 62 478
         assiette=237_522,                       # 300 000 − 62 478 = 4.942 PASS
         taux_maladie=None,                      # two bands: 8.5 % to 3 PASS, 6.5 % above
         lignes=dict(
             maladie=18_323,                     # 8.5 % × 144 180 + 6.5 % × 93 342 = 12 255.30 + 6 067.23
             indemnites_journalieres=1_188,      # 0.5 % × 237 522 (below 5 PASS = 240 300) = 1 187.61
             retraite_base=9_952,                # 8 588.32 + 0.72 % × 189 462 = 8 588.32 + 1 364.13
             retraite_complementaire=17_013,     # 3 892.86 + 9.1 % × (4 × 48 060 − 48 060 = 144 180) = 13 120.38
             invalidite_deces=625,
             allocations_familiales=7_363,       # 3.1 % × 237 522 = 7 363.18
             csg_deductible=16_151,              # 6.8 % × 237 522 = 16 151.50 (16 151.496)
             csg_crds_non_deductible=6_888,      # 2.9 % × 237 522 = 6 888.14
             formation_professionnelle=120),
         total=77_623),
    dict(nom="R=400000 (above 5 PASS)", date="2026-07-01", revenu=400_000, activite="commerciale",
         abattement=62_478, assiette=337_522,
         taux_maladie=None,
         lignes=dict(
             maladie=24_823,                     # 12 255.30 + 6.5 % × 193 342 = 12 255.30 + 12 567.23
             indemnites_journalieres=1_202,      # 0.5 % × 5 × 48 060 = 1 201.50 (ceiling)
             retraite_base=10_672,               # 8 588.32 + 0.72 % × 289 462 = 8 588.32 + 2 084.13
             retraite_complementaire=17_013,     # capped at 4 PASS
             invalidite_deces=625,
             allocations_familiales=10_463,      # 3.1 % × 337 522 = 10 463.18
             csg_deductible=22_951,              # 6.8 % × 337 522 = 22 951.50 (22 951.496)
             csg_crds_non_deductible=9_788,      # 2.9 % × 337 522 = 9 788.14
             formation_professionnelle=120),
         total=97_657),
    # --- 2025: PASS 47 100, SMIC of 1 January 2025 11.88 ------------------------
    dict(nom="2025 R=60000", date="2025-07-01", revenu=60_000, activite="commerciale",
         abattement=15_600, assiette=44_400,
         taux_maladie=0.0571,                    # 44 400 / 47 100 = 0.94268 PASS: 4 + 2.5 × 0.34268 / 0.5 = 5.713
         lignes=dict(
             maladie=2_535,                      # 5.71 % × 44 400 = 2 535.24
             indemnites_journalieres=222,
             retraite_base=7_934,                # below the PASS: 17.87 % × 44 400
             retraite_complementaire=3_596,
             invalidite_deces=577,
             allocations_familiales=0,
             csg_deductible=3_019, csg_crds_non_deductible=1_288,
             formation_professionnelle=118),     # 0.25 % × 47 100 = 117.75
         total=19_289),
    dict(nom="2025 R=5000 (floors)", date="2025-07-01", revenu=5_000, activite="commerciale",
         abattement=1_300, assiette=3_700, taux_maladie=0.0,
         lignes=dict(
             maladie=0,
             indemnites_journalieres=94,         # floor 40 % × 47 100 = 18 840: 0.5 % = 94.20
             retraite_base=955,                  # floor 450 × 11.88 = 5 346: 17.87 % = 955.33
             retraite_complementaire=300,
             invalidite_deces=70,                # floor round(11.5 % × 47 100 = 5 416.5) = 5 417: 1.3 % = 70.42
             allocations_familiales=0,
             csg_deductible=252, csg_crds_non_deductible=107,
             formation_professionnelle=118),
         total=1_896),
    # --- the activity changes only the CFP --------------------------------------
    dict(nom="artisanale R=40000", date="2026-07-01", revenu=40_000, activite="artisanale",
         abattement=10_400, assiette=29_600, taux_maladie=0.0408,
         lignes=dict(maladie=1_208, indemnites_journalieres=148, retraite_base=5_290, retraite_complementaire=2_398,
                     invalidite_deces=385, allocations_familiales=0, csg_deductible=2_013,
                     csg_crds_non_deductible=858,
                     formation_professionnelle=139),   # 0.29 % × 48 060 = 139.37
         total=12_439),
    dict(nom="liberale R=40000", date="2026-07-01", revenu=40_000, activite="liberale",
         abattement=10_400, assiette=29_600, taux_maladie=0.0408,
         lignes=dict(maladie=1_208, indemnites_journalieres=148, retraite_base=5_290, retraite_complementaire=2_398,
                     invalidite_deces=385, allocations_familiales=0, csg_deductible=2_013,
                     csg_crds_non_deductible=858,
                     formation_professionnelle=120),   # 0.25 % × 48 060
         total=12_420),
]


@pytest.mark.parametrize("sc", SCENARIOS, ids=[s["nom"] for s in SCENARIOS])
def test_contributions_line_by_line(sc):
    c = eurl.cotisations_tns(sc["revenu"], eurl.Regles(dt.date.fromisoformat(sc["date"])), sc["activite"])
    assert c["abattement"] == sc["abattement"]
    assert c["assiette"] == sc["assiette"]
    lignes = {ln.code: ln for ln in c["lignes"]}
    assert tuple(lignes) == CODES
    assert {k: ln.montant_salarial for k, ln in lignes.items()} == sc["lignes"]
    assert sum(sc["lignes"].values()) == sc["total"] == c["total"]
    if sc["taux_maladie"] is not None:
        assert lignes["maladie"].taux_salarial == pytest.approx(sc["taux_maladie"], abs=1e-12)
    # one base for everything but the floored or capped lines
    for code in ("maladie", "csg_deductible", "csg_crds_non_deductible", "allocations_familiales"):
        assert lignes[code].base == sc["assiette"]


@pytest.mark.parametrize("sc", SCENARIOS[:3], ids=[s["nom"] for s in SCENARIOS[:3]])
def test_worked_figures_of_the_reference_through_the_calculator(sc):
    # tns-2026.md: R = the remuneration budget; net before income tax = R − total
    r = calculators.run("eurl", {"cout_total": sc["revenu"], "date": sc["date"]})["result"]
    assert r["cout_total"] == sc["revenu"]
    assert r["abattement"] == sc["abattement"] and r["assiette_cotisations"] == sc["assiette"]
    assert r["revenu_brut"] == sc["revenu"]
    assert r["cotisations"] == sc["total"]
    assert r["net_avant_impot"] == sc["revenu"] - sc["total"]      # 27 580, 40 749, 69 138
    # lines shown per month: the yearly euro / 12, to the cent
    for ln in r["lignes"]:
        assert ln["montant_salarial"] == round(sc["lignes"][ln["code"]] / 12, 2)
        assert ln["reference"]
    # taxable income: net + CSG non déductible et CRDS
    assert r["revenu_professionnel"] == r["net_avant_impot"] + sc["lignes"]["csg_crds_non_deductible"]


def test_the_base_is_shown_in_the_key_figures():
    r = calculators.run("eurl", {"cout_total": 5_000, "periode": "mois", "date": "2026-07-01"})["result"]
    # 60 000 a year: A = 15 600, a = 44 400; shown per month
    codes = {c["code"]: c["valeur"] for c in r["chiffres_cles"]}
    assert codes["abattement"] == 1_300 and codes["assiette_cotisations"] == 3_700
    assert r["annuel"]["abattement"] == 15_600 and r["annuel"]["assiette_cotisations"] == 44_400
    text = " ".join(r["hypotheses"]).replace("\u202f", " ").replace("\u00a0", " ")
    assert "60 000 € − 15 600 € = 44 400 €" in text
    assert "n'applique pas" not in text and "n’applique pas" not in text


def test_the_first_rci_band_ceiling_is_a_dated_parameter():
    # the PASS per the reform (some sources keep the former RCI ceiling): one parameter, in PASS
    R = eurl.Regles(dt.date(2026, 7, 1))
    assert R.rc_plafond1 * R.pss == PASS_2026
    c = eurl.cotisations_tns(100_000, R)
    rci = next(ln for ln in c["lignes"] if ln.code == "retraite_complementaire")
    assert "48\u202f060\u00a0€" in rci.libelle


def test_net_asked_gives_the_budget_back():
    r = calculators.run("eurl", {"remuneration_nette": 40_749, "date": "2026-07-01"})["result"]
    assert r["net_avant_impot"] == 40_749
    # the budget found has its own contributions: net + contributions = budget
    assert r["cout_total"] - r["cotisations"] == 40_749
    again = calculators.run("eurl", {"cout_total": r["cout_total"], "date": "2026-07-01"})["result"]
    assert again["net_avant_impot"] == 40_749 and again["cotisations"] == r["cotisations"]


def test_minimum_contributions_without_pay():
    # net 0: R = its own contributions.  a = R − 846 (the abattement floor, R < 846 / 26 %);
    # floors: IJ 96, retraite de base 967, ID 72, CFP 120; RCI 8.1 % and CSG-CRDS 9.7 % of a:
    # R = 1 255 + 0.178 × (R − 846) -> R ≈ 1 343 (a = 497: RCI 40.26, CSG 33.80 and 14.41)
    r = calculators.run("eurl", {"remuneration_nette": 0, "resultat_avant_remuneration": 50_000,
                                 "date": "2026-07-01"})["result"]
    lignes = {ln["code"]: round(ln["montant_salarial"] * 12) for ln in r["lignes"]}
    assert r["assiette_cotisations"] == 497
    assert lignes == dict(maladie=0, indemnites_journalieres=96, retraite_base=967, retraite_complementaire=40,
                          invalidite_deces=72, allocations_familiales=0, csg_deductible=34,
                          csg_crds_non_deductible=14, formation_professionnelle=120)
    assert r["cout_total"] == r["cotisations"] == 1_343 == sum(lignes.values())
    assert r["net_avant_impot"] == 0


def test_budget_below_the_minimum_is_refused_in_french():
    out = calculators.run("eurl", {"cout_total": 1_000, "date": "2026-07-01"})
    assert not out["ok"] and out["errors"]["cout_total"].startswith("Budget trop faible")
    assert "1\u202f343" in out["errors"]["cout_total"]


def test_yearly_lines_for_the_pension_rights():
    # tns-2026.md, R = 100 000: retraite de base 8 775 on a = 74 000; RCI 6 253
    r = calculators.run("eurl", {"cout_total": 100_000, "date": "2026-07-01"})["result"]
    an = {ln["code"]: ln for ln in r["cotisations_annuelles"]}
    assert an["retraite_base"]["assiette"] == 74_000 and an["retraite_base"]["montant"] == 8_775
    assert an["retraite_complementaire"]["montant"] == 6_253
    assert sum(ln["montant"] for ln in an.values()) == 30_862
