"""EURL gérant majoritaire (TNS) against the URSSAF model (publicodes +
modele-social 11.1.0 run for real in Node, one batch for the module).

The model's situation of an EURL at the IS without ACRE:
``entreprise . catégorie juridique`` = 'SARL', ``entreprise . associés`` =
'unique', ``entreprise . imposition`` = 'IS', ``dirigeant . exonérations .
ACRE`` = non; the gérant is then « indépendant » and the model reads
``dirigeant . rémunération . net``, ``… . cotisations`` (``dirigeant .
indépendant . cotisations et contributions``) and ``… . totale`` (€/an).
The model solves the circular base (revenu professionnel = net + CSG
non déductible) by its own numerical search, to within a few euros.

The issue's criterion: net and contributions within 1 %.  Observed: the same
euro (each model line is rounded to the euro per year, so are ours).
"""

from __future__ import annotations

import pytest

import calculators
from tests.calculators import oracle

DATES = ("2025-07-01", "2026-01-01", "2026-07-01")   # the issue asks for 2026; 2025 checks the dated parameters
TOTAUX = (20_000, 35_000, 50_000, 65_000, 80_000, 100_000, 120_000, 150_000)   # budget, €/an
NETS = (15_000, 40_000, 90_000)   # net pay asked, €/an

P = "dirigeant . indépendant . cotisations et contributions"


def _situation(date: str, **montant) -> dict:
    s = {
        "date": oracle._date(date),
        "entreprise . catégorie juridique": "'SARL'",
        "entreprise . associés": "'unique'",
        "entreprise . imposition": "'IS'",
        "dirigeant . exonérations . ACRE": "non",
    }
    if "totale" in montant:
        s["dirigeant . rémunération . totale"] = f"{montant['totale']} €/an"
    else:
        s["dirigeant . rémunération . net"] = f"{montant['net']} €/an"
    return s


LIGNES = {  # our line code -> the model's rule
    "maladie": f"{P} . maladie", "indemnites_journalieres": f"{P} . indemnités journalières maladie",
    "retraite_base": f"{P} . retraite de base", "retraite_complementaire": f"{P} . retraite complémentaire",
    "invalidite_deces": f"{P} . invalidité et décès", "allocations_familiales": f"{P} . allocations familiales",
    "formation_professionnelle": f"{P} . formation professionnelle",
}
REGLES = [{"valeur": r, "unité": "€/an"} for r in (
    "dirigeant . rémunération . net", "dirigeant . rémunération . cotisations", "dirigeant . rémunération . totale",
    f"{P} . CSG-CRDS", *LIGNES.values())] + ["dirigeant . régime social"]

CAS = [(d, {"totale": t}) for d in DATES for t in TOTAUX] + [(d, {"net": n}) for d in DATES for n in NETS]


@pytest.fixture(scope="module")
def modele():
    return oracle.evaluer([(_situation(d, **m), REGLES) for d, m in CAS])


def _ours(date, m):
    inp = {"date": date}
    if "totale" in m:
        inp["cout_total"] = m["totale"]
    else:
        inp["remuneration_nette"] = m["net"]
    res = calculators.run("eurl", inp)
    assert res["ok"], res
    return res["result"]


@pytest.mark.parametrize("i", range(len(CAS)), ids=[f"{d}-{list(m)[0]}-{list(m.values())[0]}" for d, m in CAS])
def test_net_and_contributions_as_the_urssaf_model(modele, i):
    date, m = CAS[i]
    net, cot, tot, csg, *lignes, regime = modele[i]
    assert regime == "indépendant"
    r = _ours(date, m)
    assert r["net_avant_impot"] == pytest.approx(net, rel=0.01)
    assert r["cotisations"] == pytest.approx(cot, rel=0.01)
    assert r["cout_total"] == pytest.approx(tot, rel=0.01)
    # line by line, to the model's euro (its own circular search may move a line by 1 €);
    # our lines are shown per month: the yearly euro / 12, to the cent (× 12: ± 6 cents)
    ours = {ln["code"]: ln["montant_salarial"] * 12 for ln in r["lignes"]}
    for code, val in zip(LIGNES, lignes):
        assert abs(ours[code] - val) <= 1.06, (code, ours[code], val)
    assert abs(ours["csg_deductible"] + ours["csg_crds_non_deductible"] - csg) <= 2.12


def test_corporate_tax_and_dividends_as_the_urssaf_model_when_the_capital_threshold_does_not_bite():
    # Dividends within 10 % of capital + current account: prélèvements sociaux and PFU as in the model.
    r = calculators.run("eurl", {"chiffre_affaires": 150_000, "charges": 30_000, "cout_total": 60_000,
                                 "capital_social": 500_000, "date": "2026-07-01"})["result"]
    assert r["dividendes_soumis_cotisations"] == 0
    s = _situation("2026-07-01", totale=60_000)
    s.update({"entreprise . chiffre d'affaires": "150000 €/an", "entreprise . charges": "30000 €/an",
              "bénéficiaire": "oui", "bénéficiaire . dividendes . bruts": f"{r['dividendes_bruts']!r} €/an",
              "impôt . méthode de calcul": "'PFU'", "entreprise . capital social": "500000 €"})
    ((is_, ps, pfu),) = oracle.evaluer([(s, [{"valeur": x, "unité": "€/an"} for x in (
        "entreprise . imposition . IS . montant", "bénéficiaire . dividendes . cotisations et contributions",
        "impôt . dividendes . PFU")])])
    assert abs(r["impot_societes"] - is_) <= 1.0
    assert abs(r["prelevements_sociaux_dividendes"] - ps) <= 0.01
    assert abs(r["impot_dividendes"] - pfu) <= 0.01


def test_the_model_does_not_apply_the_ten_percent_rule_we_do():
    # modele-social 11.1.0 defines « … . assiette régime indépendant » (dividends above
    # 10 % of capital + current account) but uses it nowhere, and its « assiette
    # forfaitaire » tests « dirigeant = 'indépendant' », which never holds (« dirigeant »
    # is a yes/no rule): the whole dividend bears the prélèvements sociaux there.  We apply
    # CSS L131-6 (see test_eurl_dividendes.py) — a known, deliberate difference.
    s = _situation("2026-07-01", totale=60_000)
    s.update({"bénéficiaire": "oui", "bénéficiaire . dividendes . bruts": "25000 €/an",
              "impôt . méthode de calcul": "'PFU'", "entreprise . capital social": "1000 €"})
    ((assiette,),) = oracle.evaluer([(s, [{"valeur": "bénéficiaire . dividendes . cotisations et contributions . "
                                                      "assiette forfaitaire", "unité": "€/an"}])])
    assert assiette == 25_000


NATURES = {"liberale": "'libérale'", "artisanale": "'artisanale'", "commerciale": "'commerciale'"}


def test_activity_natures_as_the_urssaf_model():
    # libérale non réglementée (SSI, « … . PL . régime général »): the same rules as a commerçant;
    # artisanale: CFP 0.29 % of the PSS instead of 0.25 % (modele-social « … . formation professionnelle »).
    cas, ours = [], []
    for act, nature in NATURES.items():
        for budget in (30_000, 90_000):
            s = _situation("2026-07-01", totale=budget)
            s["entreprise . activité . nature"] = nature
            cas.append((s, REGLES[:3]))
            ours.append(calculators.run("eurl", {"cout_total": budget, "activite": act, "date": "2026-07-01"})["result"])
    for r, (net, cot, tot) in zip(ours, oracle.evaluer(cas)):
        # to the euro: the model's circular search stops a few cents from the fixed point, and a
        # line rounded to the euro may then fall on the other side (artisanale, 90 000: 61 853 vs 61 854)
        assert abs(r["net_avant_impot"] - net) <= 1 and abs(r["cotisations"] - cot) <= 1 and r["cout_total"] == tot


def test_net_after_income_tax_by_the_bareme_as_the_urssaf_model():
    # For a director the model computes the income tax by the barème (« impôt . méthode de
    # calcul » = barème standard: one part, the 10 % deduction, the décote), rounded to the euro;
    # our option impot = "bareme" does the same.
    cas = [(d, t) for d in DATES for t in TOTAUX]
    vals = oracle.evaluer([(_situation(d, totale=t), [{"valeur": x, "unité": "€/an"} for x in (
        "impôt . montant", "dirigeant . rémunération . net . après impôt")]) for d, t in cas])
    for (d, t), (impot, apres) in zip(cas, vals):
        r = calculators.run("eurl", {"cout_total": t, "impot": "bareme", "date": d})["result"]
        assert abs(r["impot_revenu"] - impot) <= 1.0, (d, t)
        assert abs(r["net_apres_impot"] - apres) <= 1.0, (d, t)
