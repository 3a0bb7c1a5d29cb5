"""EURL gérant majoritaire (TNS) against the URSSAF model (publicodes +
modele-social 11.1.0 run for real in Node): only the company side.

Why the TNS lines are not compared with it: modele-social 11.1.0 (the npm
package) never implemented the 2025 reform of the TNS base (« assiette
unique », décret n° 2024-688), which applies to income earned from 1 January
2025, so to every date the calculator covers.  Its « dirigeant . indépendant .
cotisations et contributions » are the pre-2025 rules (contributions on the
income, CSG-CRDS on the income plus the contributions, retraite de base
17.75 %, RCI 7 % / 8 %...).  The URSSAF's own EURL simulator runs a newer model
(modele-ti, not on npm) that applies the reform.  So the contributions, the net
and the taxable income are checked against the law and the worked figures of
../shared/reference/tns-2026.md in test_eurl_cotisations.py; the income tax by
the barème is the same function as the SASU's, checked against the model in
test_sasu_urssaf.py.

What the model still gets right and is compared here: the corporate tax, the
prélèvements sociaux and the PFU on dividends (with our budget and our
dividends given to it), and the model's own (known) gap on the 10 % rule.

The model's situation of an EURL at the IS without ACRE:
``entreprise . catégorie juridique`` = 'SARL', ``entreprise . associés`` =
'unique', ``entreprise . imposition`` = 'IS', ``dirigeant . exonérations .
ACRE`` = non.
"""

from __future__ import annotations

import calculators
from tests.calculators import oracle


def _situation(date: str, totale: float) -> dict:
    return {
        "date": oracle._date(date),
        "entreprise . catégorie juridique": "'SARL'",
        "entreprise . associés": "'unique'",
        "entreprise . imposition": "'IS'",
        "dirigeant . exonérations . ACRE": "non",
        "dirigeant . rémunération . totale": f"{totale} €/an",
    }


SOCIETE = [  # date, turnover, expenses, pay budget (€/an)
    ("2025-07-01", 120_000, 20_000, 40_000),
    ("2026-07-01", 150_000, 30_000, 60_000),
    ("2026-07-01", 400_000, 50_000, 100_000),
]


def test_corporate_tax_and_dividends_as_the_urssaf_model_when_the_capital_threshold_does_not_bite():
    # Dividends within 10 % of capital + current account: prélèvements sociaux and PFU as in the model.
    ours, cas = [], []
    for date, ca, charges, budget in SOCIETE:
        r = calculators.run("eurl", {"chiffre_affaires": ca, "charges": charges, "cout_total": budget,
                                     "capital_social": 5_000_000, "date": date})["result"]
        assert r["dividendes_soumis_cotisations"] == 0
        s = _situation(date, totale=budget)
        s.update({"entreprise . chiffre d'affaires": f"{ca} €/an", "entreprise . charges": f"{charges} €/an",
                  "bénéficiaire": "oui", "bénéficiaire . dividendes . bruts": f"{r['dividendes_bruts']!r} €/an",
                  "impôt . méthode de calcul": "'PFU'", "entreprise . capital social": "5000000 €"})
        ours.append(r)
        cas.append((s, [{"valeur": x, "unité": "€/an"} for x in (
            "entreprise . imposition . IS . montant", "bénéficiaire . dividendes . cotisations et contributions",
            "impôt . dividendes . PFU")]))
    for r, (is_, ps, pfu) in zip(ours, oracle.evaluer(cas)):
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
