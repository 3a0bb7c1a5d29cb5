"""The micro-entreprise calculation by hand, as the texts write it (2026 rules).

CSS art. D613-4 (global rates), Code du travail art. L6331-48 (CFP), CGI art. 1600
(chamber tax), CGI art. 50-0 / 102 ter (allowance), CGI art. 151-0 (versement
libératoire), CGI art. 197 (barème, décote).  Each monthly contribution line is
rounded to the euro, as the URSSAF model does.
"""

from __future__ import annotations

import calculators


def result(**inputs):
    out = calculators.run("micro", {"date": "2026-07-01", **inputs})
    assert out["ok"], out
    return out["result"]


def test_bnc_50000_by_the_barème():
    r = result(chiffre_affaires=50000, activite="bnc_ssi")
    a = r["annuel"]
    # 50 000 / 12 = 4 166.67 €/month; × 25.6 % = 1 066.67 → 1 067 €; CFP 0.2 % = 8.33 €
    # (1 067 + 8.333…) × 12 = 12 904 €
    assert a["cotisations"] == 12904
    assert a["revenu_net"] == 50000 - 12904
    # taxable: 50 000 × (1 − 34 %) = 33 000 €; one part:
    # (29 579 − 11 600) × 11 % = 1 977.69 ; (33 000 − 29 579) × 30 % = 1 026.30 → 3 003.99 → 3 004 €
    # (décote: 897 − 45.25 % × 3 003.99 < 0 → none)
    assert a["impot_revenu"] == 3004
    assert a["revenu_net_apres_impot"] == 37096 - 3004
    assert r["cotisations"] == 12904 and r["revenu_net"] == 37096  # periode = annee by default


def test_bnc_50000_with_versement_liberatoire():
    a = result(chiffre_affaires=50000, activite="bnc_ssi", versement_liberatoire=True)["annuel"]
    # 50 000 × 2.2 % = 1 100 €
    assert a["impot_revenu"] == 1100
    assert a["revenu_net_apres_impot"] == 37096 - 1100


def test_sales_12000_chamber_tax_rounds_to_zero():
    r = result(chiffre_affaires=1000, periode="mois", activite="bic_ventes")
    # 1 000 €/month: 12.3 % = 123 € ; chamber tax 0.015 % = 0.15 → 0 € ; CFP 0.1 % = 1 €
    assert r["cotisations"] == 124
    assert r["revenu_net"] == 876
    # taxable 12 000 × 29 % = 3 480 € a year: below 11 600 €, no tax
    assert r["impot_revenu"] == 0
    assert {l["code"]: l["montant_salarial"] for l in r["lignes"]} == {
        "cotisations_sociales": 123, "tfc": 0, "cfp": 1}


def test_decote():
    a = result(chiffre_affaires=40000, activite="bic_services")["annuel"]
    # taxable 40 000 × 50 % = 20 000 €; impôt brut (20 000 − 11 600) × 11 % = 924 €
    # décote 897 − 45.25 % × 924 = 478.89 €; tax 924 − 478.89 = 445.11 → 445 €
    assert a["impot_revenu"] == 445


def test_minimum_allowance_of_305_euros():
    r = result(chiffre_affaires=400, activite="bic_ventes")
    # 400 × 71 % = 284 € < 305 €: taxable 400 − 305 = 95 €
    assert r["revenu_imposable"] == 95


def test_acre_half_rate_before_july_2026_three_quarters_after():
    before = result(chiffre_affaires=40000, acre=True, date_creation="2026-03-01")
    after = result(chiffre_affaires=40000, acre=True, date_creation="2026-07-01", date="2026-09-01")
    # 25.6 % × 50 % = 12.8 % ; 25.6 % × 75 % = 19.2 %
    assert before["taux_cotisations"] == 0.128
    assert after["taux_cotisations"] == 0.192
    # 40 000 / 12 = 3 333.33 ; × 12.8 % = 426.67 → 427 € ; × 19.2 % = 640 €
    # (lines are monthly whatever the period)
    assert before["lignes"][0]["montant_salarial"] == 427
    assert after["lignes"][0]["montant_salarial"] == 640


def test_ceiling_warning():
    r = result(chiffre_affaires=90000)
    assert any("83\u202f600\u00a0€" in a["message"] for a in r["alertes"])  # core/format.py: no-break space before « € »
