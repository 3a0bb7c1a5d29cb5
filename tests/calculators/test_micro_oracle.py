"""`micro` against the URSSAF model: publicodes 1.10.3 + modele-social 11.1.0, run
for real in Node (oracle.py), every situation of this module in one batch.

Acceptance of issue 5: contributions and net within 1 € a year, over every
activity, turnovers from 10 000 € to the ceiling, with and without versement
libératoire.  The model rounds each monthly contribution line to the euro
(« … . cotisations . service BNC » etc.: arrondi, €/mois) and the yearly net to
the euro; we do the same, so we expect (and get) equality to the euro — the
1 € tolerance only absorbs a binary-noise tie at x,5.

How our inputs map to the model's situation:
- every case: « entreprise . catégorie juridique » = 'EI' with
  « … . EI . auto-entrepreneur » = oui, « entreprise . imposition » = 'IR',
  « impôt . méthode de calcul » = 'barème standard';
- bnc_ssi: « entreprise . activité . nature » = 'libérale';
  bnc_cipav: the same + « … . nature . libérale . réglementée » = oui;
  bic_services / bic_ventes: nature 'commerciale' (or 'artisanale') and
  « entreprise . activités . service ou vente » = 'service' / 'vente';
- versement libératoire: « dirigeant . auto-entrepreneur . impôt . versement libératoire »;
- household: « impôt . foyer fiscal . situation de famille », « … . enfants à charge »
  (couple + 2 children = 3 parts), « … . revenu imposable . autres revenus imposables »;
- ACRE: « dirigeant . exonérations . ACRE » = oui and « entreprise . date de création ».
"""

from __future__ import annotations

import oracle
import pytest

from calculators import run

NATURE = {
    "bnc_ssi": {"entreprise . activité . nature": "'libérale'"},
    "bnc_cipav": {"entreprise . activité . nature": "'libérale'",
                  "entreprise . activité . nature . libérale . réglementée": "oui"},
    "bic_services": {"entreprise . activité . nature": "'commerciale'",
                     "entreprise . activités . service ou vente": "'service'"},
    "bic_ventes": {"entreprise . activité . nature": "'commerciale'",
                   "entreprise . activités . service ou vente": "'vente'"},
}

# Ceilings of the micro regime (CGI art. 50-0, 102 ter): 83 600 € services and
# libéral, 203 100 € sales in 2026; 77 700 € / 188 700 € in 2025.
PLAFOND = {2026: {"services": 83600, "ventes": 203100}, 2025: {"services": 77700, "ventes": 188700}}

RULES = {
    "cotisations": {"valeur": "dirigeant . auto-entrepreneur . cotisations et contributions", "unité": "€/an"},
    "revenu_net": {"valeur": "dirigeant . auto-entrepreneur . revenu net", "unité": "€/an"},
    "impot_revenu": {"valeur": "impôt . montant", "unité": "€/an"},
    "revenu_net_apres_impot": {"valeur": "dirigeant . auto-entrepreneur . revenu net . après impôt", "unité": "€/an"},
}


def turnovers(activite: str, year: int) -> list[int]:
    """From 10 000 € to the ceiling (both sides of the ceiling, odd amounts whose
    monthly twelfth is not a whole number)."""
    c = PLAFOND[year]["ventes" if activite == "bic_ventes" else "services"]
    return [10000, 17777, 29999, 41234, 55555, 70001, c - 1, c, c + 1]


def situation(case: dict) -> dict:
    d = case["date"]
    s = {
        "date": f"{d[8:10]}/{d[5:7]}/{d[0:4]}",
        "entreprise . catégorie juridique": "'EI'",
        "entreprise . catégorie juridique . EI . auto-entrepreneur": "oui",
        "entreprise . imposition": "'IR'",
        "impôt . méthode de calcul": "'barème standard'",
        **NATURE[case["activite"]],
        "dirigeant . auto-entrepreneur . chiffre d'affaires": f"{case['ca_an']} €/an",
        "dirigeant . auto-entrepreneur . impôt . versement libératoire":
            "oui" if case.get("versement_liberatoire") else "non",
    }
    if case.get("nature_bic") == "artisanale":
        s["entreprise . activité . nature"] = "'artisanale'"
    if case.get("situation_famille") == "couple":
        s["impôt . foyer fiscal . situation de famille"] = "'couple'"
    if case.get("enfants"):
        s["impôt . foyer fiscal . enfants à charge"] = f"{case['enfants']} enfant"
    if case.get("autres_an"):
        s["impôt . foyer fiscal . revenu imposable . autres revenus imposables"] = f"{case['autres_an']} €/an"
    if case.get("acre"):
        s["dirigeant . exonérations . ACRE"] = "oui"
        dc = case["date_creation"]
        s["entreprise . date de création"] = f"{dc[8:10]}/{dc[5:7]}/{dc[0:4]}"
    return s


def inputs(case: dict) -> dict:
    """Our calculator's inputs for the case (yearly amounts unless periode says mois)."""
    mois = case.get("periode") == "mois"
    out = {
        "activite": case["activite"],
        "chiffre_affaires": case["ca_an"] / 12 if mois else case["ca_an"],
        "periode": "mois" if mois else "annee",
        "versement_liberatoire": bool(case.get("versement_liberatoire")),
        "date": case["date"],
    }
    for k in ("nature_bic", "situation_famille", "acre", "date_creation"):
        if k in case:
            out[k] = case[k]
    if case.get("enfants"):
        # couple: 2 parts + ½ per child for the first two (CGI art. 194)
        out["parts"] = (2 if case.get("situation_famille") == "couple" else 1) + 0.5 * case["enfants"]
    if case.get("autres_an"):
        out["autres_revenus_imposables"] = case["autres_an"] / 12 if mois else case["autres_an"]
    return out


GRID = [
    {"activite": a, "ca_an": ca, "versement_liberatoire": vl, "date": d}
    for d in ("2026-01-15", "2026-07-01")
    for a in NATURE
    for ca in turnovers(a, 2026)
    for vl in (False, True)
]

GRID_2025 = [
    {"activite": a, "ca_an": ca, "versement_liberatoire": vl, "date": "2025-06-01"}
    for a in NATURE
    for ca in (10000, 41234, PLAFOND[2025]["ventes" if a == "bic_ventes" else "services"])
    for vl in (False, True)
]

VARIANTS = [
    # monthly input: 4 321 € a month = 51 852 € a year
    {"activite": "bnc_ssi", "ca_an": 51852, "periode": "mois", "date": "2026-07-01"},
    {"activite": "bic_ventes", "ca_an": 120000, "periode": "mois", "versement_liberatoire": True, "date": "2026-01-15"},
    # artisan: chambre de métiers (0.48 % / 0.22 %) and CFP 0.3 %
    {"activite": "bic_services", "ca_an": 45000, "nature_bic": "artisanale", "date": "2026-07-01"},
    {"activite": "bic_ventes", "ca_an": 150000, "nature_bic": "artisanale", "date": "2026-07-01"},
    # household: couple (2 parts), couple + 2 children (3 parts, quotient familial ceiling), other income
    {"activite": "bnc_ssi", "ca_an": 70000, "situation_famille": "couple", "date": "2026-07-01"},
    {"activite": "bnc_ssi", "ca_an": 83600, "situation_famille": "couple", "enfants": 2, "autres_an": 60000,
     "date": "2026-07-01"},
    {"activite": "bnc_ssi", "ca_an": 30000, "autres_an": 45000, "date": "2026-07-01"},
    {"activite": "bic_services", "ca_an": 12000, "date": "2026-01-15"},  # décote
    {"activite": "bic_ventes", "ca_an": 800, "date": "2026-01-15"},  # 305 € minimum allowance
    # ACRE: created before / from 1 July 2026 (50 % / 75 % of the rate still due), Cipav fixed rate,
    # and a business created too early (no ACRE)
    *[{"activite": a, "ca_an": 40000, "acre": True, "date_creation": dc, "date": d}
      for a in NATURE
      for dc, d in (("2026-03-01", "2026-07-01"), ("2026-07-01", "2026-09-01"), ("2025-05-01", "2026-01-15"),
                    ("2024-12-01", "2026-01-15"))],
]

ALL = GRID + GRID_2025 + VARIANTS


@pytest.fixture(scope="module")
def model():
    keys = list(RULES)
    vals = oracle.evaluer([(situation(c), [RULES[k] for k in keys]) for c in ALL])
    return [dict(zip(keys, v)) for v in vals]


def ours(case: dict) -> dict:
    res = run("micro", inputs(case))
    assert res["ok"], res
    return res["result"]


@pytest.mark.parametrize("i", range(len(ALL)))
def test_micro_matches_the_model_within_one_euro_a_year(model, i):
    case, m = ALL[i], model[i]
    r = ours(case)["annuel"]
    for key in RULES:
        assert m[key] is not None, (case, key)
        assert abs(r[key] - m[key]) <= 1.0, (case, key, r[key], m[key])


def test_every_activity_and_both_options_are_covered():
    assert {c["activite"] for c in GRID} == set(NATURE)
    assert {c["versement_liberatoire"] for c in GRID} == {False, True}
    assert min(c["ca_an"] for c in GRID) == 10000


def test_monthly_period_gives_the_yearly_figures_divided_by_twelve():
    case = VARIANTS[0]
    r = ours(case)
    assert r["periode"] == "mois"
    # revenu net per month = yearly revenu net (rounded to the euro) / 12, to the cent
    assert r["revenu_net"] == round(r["annuel"]["revenu_net"] / 12, 2)
    assert r["cotisations"] == round(r["annuel"]["cotisations"] / 12, 2)
