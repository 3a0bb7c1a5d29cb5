"""The status comparator's income tax: one method for every column.

The household's tax by the barème (CGI art. 197), for the household the inputs
describe (``situation_famille``, ``parts``, ``autres_revenus``); the tax of a
column is what the activity adds to it: tax(other income + the column's taxable
income) − tax(other income), each rounded to the euro (CGI art. 1657).  The
withholding (prélèvement à la source) is a separate figure: the first year's
advance, not the tax.

The law is written out below from ../shared/reference/rates-2026.md (the values
modele-social keys 2026, applied to 2026 income): the brackets per part, the
ceiling of the advantage of each extra half-part, the décote, the 10 % deduction
on pay (min 509 €, max 14 555 €), the micro allowance (34 % BNC, at least 305 €)
and the versement libératoire (2.2 % BNC).  The scenarios are data
(tests/calculators/scenarios/comparateur_statuts.json, ids « impot-* »); each
names the rule it must reach (« controle »), and the test checks it is reached.
The columns' incomes before tax come from each status's own calculator (tested
against the URSSAF model elsewhere); only the tax arithmetic is checked here.
"""

from __future__ import annotations

import json
import math
import pathlib

import pytest

import calculators

# ---------------------------------------------------------------- the law, 2026 (CGI art. 197)

TRANCHES = ((11_600, 0.0), (29_579, 0.11), (84_577, 0.30), (181_917, 0.41), (None, 0.45))
PLAFOND_DEMI_PART = 1_807         # CGI 197, I, 2
DECOTE = {False: 897, True: 1_483}  # CGI 197, I, 4, a: single, couple
DECOTE_TAUX = 0.4525
DEDUCTION = (0.10, 509, 14_555)   # CGI 83, 3° (and 62): rate, minimum, ceiling per person
ABATTEMENT_BNC, ABATTEMENT_MIN = 0.34, 305  # CGI 102 ter
VL_BNC = 0.022                    # CGI 151-0


def arrondi_euro(x: float) -> float:
    """CGI art. 1657: to the nearest euro, half up."""
    return float(math.floor(x + 0.5 + 1e-9))


def par_part(q: float) -> float:
    """The barème for one part of quotient ``q``: each slice at its rate."""
    impot, bas = 0.0, 0.0
    for plafond, taux in TRANCHES:
        haut = q if plafond is None else min(q, plafond)
        if haut > bas:
            impot += (haut - bas) * taux
        if plafond is None or q <= plafond:
            break
        bas = plafond
    return impot


def impot_brut(r: float, parts: float, couple: bool) -> tuple[float, bool]:
    """Quotient familial, its advantage capped per extra half-part: (tax, capped?)."""
    principales = 2 if couple else 1
    avec_qf = parts * par_part(r / parts)
    sans_qf = principales * par_part(r / principales)
    plafonne = sans_qf - PLAFOND_DEMI_PART * 2 * (parts - principales)
    return max(avec_qf, plafonne), plafonne > avec_qf


def impot_foyer(r: float, parts: float, couple: bool) -> float:
    brut, _ = impot_brut(r, parts, couple)
    decote = max(0.0, DECOTE[couple] - DECOTE_TAUX * brut)
    return arrondi_euro(max(0.0, brut - decote))


def apres_deduction(salaire_imposable: float) -> float:
    taux, minimum, plafond = DEDUCTION
    return max(0.0, salaire_imposable - min(max(taux * salaire_imposable, minimum), plafond))


def cents(x: float) -> float:
    return math.floor(abs(x) * 100 + 0.5 + 1e-9) / 100 * (1 if x >= 0 else -1)


# ---------------------------------------------------------------- the scenarios

SCENARIOS = [sc for sc in json.loads((pathlib.Path(__file__).parent / "scenarios" / "comparateur_statuts.json")
                                     .read_text(encoding="utf-8"))["scenarios"] if sc["id"].startswith("impot-")]


def run(name, inputs):
    out = calculators.run(name, inputs)
    assert out["ok"], out
    return out["result"]


def col(r, code):
    return next(s for s in r["statuts"] if s["code"] == code)


def foyer(entrees):
    couple = entrees.get("situation_famille") == "couple"
    return couple, entrees.get("parts") or (2 if couple else 1), entrees.get("autres_revenus", 0)


def revenu_imposable_attendu(code, r, entrees):
    """The yearly taxable income of a column, from its calculator's result, by the rule of its status."""
    d = entrees["date"]
    if code == "micro":
        ca = r["annuel"]["chiffre_affaires"]
        if entrees.get("versement_liberatoire"):
            return None
        return ca - max(ABATTEMENT_BNC * ca, ABATTEMENT_MIN)
    if code in ("eurl", "sasu"):
        budget = r["annuel"]["chiffre_affaires"] - 12 * entrees.get("frais", 0)
        extra = {"activite": "liberale"} if code == "eurl" else {}
        calc = run(code, {"cout_total": budget, "periode": "annee", "date": d, **extra})
        return apres_deduction(calc["annuel"]["net_imposable"])
    if code == "portage":
        calc = run("portage", {"tjm": entrees["tjm"], "jours": entrees["jours"],
                               "frais_professionnels": entrees.get("frais", 0), "date": d})
    else:
        p = run("portage", {"tjm": entrees["tjm"], "jours": entrees["jours"],
                            "frais_professionnels": entrees.get("frais", 0), "date": d})
        calc = run("salarie", {"cout_employeur": p["cout_employeur"], "date": d})
    return apres_deduction(cents(calc["net_imposable"] * 12))


@pytest.fixture(scope="module", params=SCENARIOS, ids=lambda sc: sc["id"])
def scenario(request):
    sc = request.param
    return sc, run("comparateur_statuts", sc["entrees"])


def test_each_column_taxable_income_follows_its_status_rule(scenario):
    sc, r = scenario
    for code in ("cdi", "portage", "micro", "eurl", "sasu"):
        attendu = revenu_imposable_attendu(code, r, sc["entrees"])
        shown = col(r, code)["revenu_imposable"]
        if attendu is None:
            assert shown is None, code  # versement libératoire: nothing enters the barème
        else:
            assert shown == pytest.approx(attendu / 12, abs=0.006), code


def test_each_column_tax_is_what_it_adds_to_the_household_tax(scenario):
    sc, r = scenario
    couple, parts, autres = foyer(sc["entrees"])
    sans = impot_foyer(autres, parts, couple)
    assert r["annuel"]["impot_sans_activite"] == sans
    for code in ("cdi", "portage", "micro", "eurl", "sasu"):
        c = col(r, code)
        ri = revenu_imposable_attendu(code, r, sc["entrees"])
        if ri is None:  # versement libératoire: 2.2 % of the turnover, the other income at the barème without it
            vl = arrondi_euro(VL_BNC * r["annuel"]["chiffre_affaires"])
            total, ajout = sans + vl, vl
        else:
            total = impot_foyer(autres + ri, parts, couple)
            ajout = total - sans
        assert c["impot_foyer"] == cents(total / 12), code
        assert c["impot_revenu"] == cents(ajout / 12), code
        assert c["net_apres_impot"] == cents(c["net_avant_impot"] - c["impot_revenu"]), code


def test_each_scenario_reaches_the_rule_it_names(scenario):
    """A scenario that does not reach its rule would not test it."""
    sc, r = scenario
    couple, parts, autres = foyer(sc["entrees"])
    ctl = sc["controle"]
    rev = {code: revenu_imposable_attendu(code, r, sc["entrees"]) for code in ("cdi", "micro", "eurl")}
    if ctl == "decote":
        brut = impot_brut(rev["micro"], parts, couple)[0]
        assert 0 < DECOTE[couple] - DECOTE_TAUX * brut < brut  # a décote, and a tax left after it
    elif ctl in ("plafonnement", "plafond_deduction"):
        assert parts > (2 if couple else 1)
        assert impot_brut(autres + rev["eurl"], parts, couple)[1]  # the advantage of the extra half-parts is capped
    if ctl == "plafond_deduction":
        calc = run("eurl", {"cout_total": r["annuel"]["chiffre_affaires"], "periode": "annee",
                            "activite": "liberale", "date": sc["entrees"]["date"]})
        assert DEDUCTION[0] * calc["annuel"]["net_imposable"] > DEDUCTION[2]  # the deduction stops at its ceiling
    if ctl in ("autres_revenus", "versement_liberatoire"):
        assert r["annuel"]["impot_sans_activite"] > 0
        # with other income, the household's whole tax and the activity's share are two rows
        codes = [row["code"] for row in r["comparaison_statuts"]]
        assert "impot_foyer" in codes and "impot_revenu" in codes
    if ctl == "bareme":
        assert "impot_foyer" not in [row["code"] for row in r["comparaison_statuts"]]  # equal figures: one row


def test_a_couple_with_other_income_by_hand():
    """Couple, 2 parts, 40 000 € of other taxable income, the default mission.
    Without the activity: 2 × 0.11 × (20 000 − 11 600) = 1 848 € before the décote;
    décote 1 483 − 0.4525 × 1 848 = 646.78 €; tax 1 201.22 → 1 201 €."""
    r = run("comparateur_statuts", {"tjm": 400, "jours": 17, "frais": 200, "situation_famille": "couple",
                                    "autres_revenus": 40000, "date": "2026-07-01"})
    brut = 2 * 0.11 * (20_000 - 11_600)
    assert r["annuel"]["impot_sans_activite"] == arrondi_euro(brut - (1_483 - 0.4525 * brut)) == 1_201
    # micro: 81 600 € − 34 % = 53 856 € taxable; household 93 856 €, 46 928 € per part:
    # 2 × (0.11 × (29 579 − 11 600) + 0.30 × (46 928 − 29 579)) = 14 364.78 → 14 365 € (no décote)
    m = col(r, "micro")
    total = arrondi_euro(2 * (0.11 * (29_579 - 11_600) + 0.30 * (46_928 - 29_579)))
    assert m["impot_foyer"] == cents(total / 12) and m["impot_revenu"] == cents((total - 1_201) / 12)


def test_two_parts_alone_cap_the_advantage_by_hand():
    """Alone with 2 parts: the micro column at 600 € × 17 days (122 400 €/year, above the
    micro ceiling but computed for the record): 122 400 × 0.66 = 80 784 € taxable.
    With 1 part: 0.11 × 17 979 + 0.30 × (80 784 − 29 579) = 17 339.19;
    with 2 parts: 2 × (0.11 × 17 979 + 0.30 × (40 392 − 29 579)) = 10 443.18;
    the advantage 6 896.01 exceeds 2 × 1 807 = 3 614: tax 17 339.19 − 3 614 = 13 725.19 → 13 725 €."""
    r = run("comparateur_statuts", {"tjm": 600, "jours": 17, "frais": 200, "parts": 2, "date": "2026-07-01"})
    un = 0.11 * (29_579 - 11_600) + 0.30 * (80_784 - 29_579)
    deux = 2 * (0.11 * (29_579 - 11_600) + 0.30 * (40_392 - 29_579))
    assert un - deux > 2 * 1_807
    assert col(r, "micro")["impot_revenu"] == cents(arrondi_euro(un - 2 * 1_807) / 12)


# ---------------------------------------------------------------- the micro column, with and without the option

def test_micro_at_the_barem_equals_the_micro_calculator_for_one_part_alone():
    """One part, no other income: the micro calculator's own tax (barème) is the comparator's."""
    r = run("comparateur_statuts", {"tjm": 300, "jours": 15, "frais": 100, "date": "2026-07-01"})
    m = run("micro", {"chiffre_affaires": 300 * 15 * 12, "date": "2026-07-01"})
    assert col(r, "micro")["impot_revenu"] == cents(m["annuel"]["impot_revenu"] / 12)
    assert col(r, "micro")["prelevement_source"] == 0  # acomptes: none the first year


def test_versement_liberatoire_replaces_the_barem_on_the_micro_income_only():
    base = {"tjm": 300, "jours": 15, "frais": 100, "situation_famille": "couple", "autres_revenus": 30000,
            "date": "2026-07-01"}
    sans = run("comparateur_statuts", base)
    avec = run("comparateur_statuts", {**base, "versement_liberatoire": True})
    vl = arrondi_euro(VL_BNC * 300 * 15 * 12)  # 2.2 % of 54 000 € = 1 188 €
    m = col(avec, "micro")
    assert m["impot_revenu"] == m["prelevement_source"] == cents(vl / 12)  # paid with the contributions: the tax itself
    # the household's other income stays at the barème, without the micro income
    assert m["impot_foyer"] == cents((impot_foyer(30000, 2, True) + vl) / 12)
    # the other columns do not change
    for code in ("cdi", "portage", "eurl", "sasu"):
        assert col(avec, code)["impot_revenu"] == col(sans, code)["impot_revenu"], code
    assert any("sans lui" in h for h in avec["hypotheses"])


# ---------------------------------------------------------------- the withholding is not the tax

def test_the_withholding_is_each_calculator_advance_shown_apart():
    e = {"tjm": 550, "jours": 18, "frais": 250, "frais_gestion": 0.07, "date": "2026-07-01"}
    r = run("comparateur_statuts", e)
    p = run("portage", {"tjm": 550, "jours": 18, "frais_gestion": 0.07, "frais_professionnels": 250,
                        "date": "2026-07-01"})
    s = run("sasu", {"cout_total": 550 * 18 * 12 - 250 * 12, "periode": "annee", "date": "2026-07-01"})
    assert col(r, "portage")["prelevement_source"] == cents(p["net_avant_impot"] - p["net_apres_impot"])
    assert col(r, "sasu")["prelevement_source"] == cents(s["annuel"]["impot_revenu"] / 12)
    # EURL (art. 62 pay) and micro at the barème: acomptes, none the first year
    assert col(r, "eurl")["prelevement_source"] == 0 and col(r, "micro")["prelevement_source"] == 0
    rows = {row["code"]: row["libelle"] for row in r["comparaison_statuts"]}
    assert "barème" in rows["impot_revenu"] and "avance" in rows["prelevement_source"]
    for s_ in r["statuts"]:
        assert s_["paiement_impot"], s_["code"]


def test_the_household_inputs_are_checked_in_french():
    for entrees, champ in [({"parts": 1.3}, "parts"), ({"parts": 1, "situation_famille": "couple"}, "parts"),
                           ({"parts": 0.5}, "parts"), ({"autres_revenus": -1}, "autres_revenus"),
                           ({"situation_famille": "veuf"}, "situation_famille")]:
        out = calculators.run("comparateur_statuts", {"tjm": 400, "jours": 17, **entrees})
        assert not out["ok"] and champ in out["errors"], entrees
        assert all(isinstance(m, str) and m for m in out["errors"].values())


def test_the_schema_describes_the_household_fields():
    props = calculators.json_schema("comparateur_statuts")["properties"]

    def branche(prop, cle):
        # a field may be left empty (null or blank), so its value's schema is one branch of anyOf
        return next(b for b in prop.get("anyOf", [prop]) if cle in b)

    assert branche(props["parts"], "minimum")["minimum"] == 1 and branche(props["parts"], "maximum")["maximum"] == 20
    assert branche(props["autres_revenus"], "minimum")["minimum"] == 0 and props["autres_revenus"]["default"] == 0
    assert set(branche(props["situation_famille"], "enum")["enum"]) >= {"celibataire", "couple"}
