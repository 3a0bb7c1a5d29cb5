"""EURL: dividends of a TNS gérant.  The part above 10 % of capital + share
premiums + current account joins the gérant's professional income R (CSS
L131-6), so the same reformed base (R − the 26 % abattement), and bears the TNS
contributions instead of the prélèvements sociaux: the difference between the
contributions on R + that part and those on R is due.  The whole dividend bears
the PFU's 12.8 %.  (2026: PASS 48 060 €; the rules in test_eurl_cotisations.py.)
"""

from __future__ import annotations

import pytest

import calculators


def run(**inp):
    out = calculators.run("eurl", inp)
    assert out["ok"], out
    return out["result"]


def test_dividends_within_ten_percent_of_capital_bear_the_prelevements_sociaux():
    # budget 60 000: profit 100 000 − 60 000 = 40 000; IS 15 % = 6 000; dividends 34 000
    r = run(resultat_avant_remuneration=100_000, cout_total=60_000, capital_social=400_000, date="2026-07-01")
    assert r["impot_societes"] == 6_000 and r["dividendes_bruts"] == 34_000
    assert r["seuil_dividendes"] == 40_000                 # 10 % × 400 000
    assert r["cotisations_dividendes"] == 0
    assert r["prelevements_sociaux_dividendes"] == 6_324   # 18.6 % × 34 000
    assert r["impot_dividendes"] == 4_352                  # 12.8 % × 34 000
    assert r["dividendes_nets"] == 23_324


def test_part_above_ten_percent_bears_tns_contributions():
    # capital 1 000 + premiums 500 + current account 8 500 -> threshold 1 000
    r = run(resultat_avant_remuneration=100_000, cout_total=60_000, capital_social=1_000, primes_emission=500,
            compte_courant=8_500, date="2026-07-01")
    assert r["seuil_dividendes"] == 1_000
    assert r["dividendes_soumis_cotisations"] == 33_000
    assert r["prelevements_sociaux_dividendes"] == 186     # 18.6 % × 1 000
    assert r["impot_dividendes"] == 4_352
    assert r["dividendes_nets"] == pytest.approx(34_000 - r["cotisations_dividendes"] - 186 - 4_352)
    # R goes from 60 000 to 93 000 €: A = 26 % × 93 000 = 24 180, a = 68 820 (1.43196 PASS)
    #   maladie: 6.5 + 1.2 × (1.43196 − 1.1) / 0.9 = 6.9426 -> 6.94 % × 68 820 = 4 776.11 -> 4 776
    #   IJ 0.5 % × 68 820 = 344.10 -> 344
    #   retraite de base 8 588.32 + 0.72 % × 20 760 = 8 737.79 -> 8 738
    #   RCI 3 892.86 + 9.1 % × 20 760 = 5 782.02 -> 5 782; ID 625
    #   AF 3.1 % × 68 820 = 2 133.42 -> 2 133 (above 140 % PASS)
    #   CSG 6.8 % × 68 820 = 4 679.76 -> 4 680; 2.9 % = 1 995.78 -> 1 996; CFP 120
    #   total 29 194, against 19 251 on R = 60 000 (tns-2026.md)
    assert r["cotisations_dividendes"] == 29_194 - 19_251
    assert r["assiette_cotisations"] == 44_400 and r["assiette_cotisations_avec_dividendes"] == 68_820
    assert any("10" in a["message"] for a in r["alertes"])


def test_marginal_contributions_above_five_pss_by_hand():
    # Budget 330 000: A is capped at 130 % × 48 060 = 62 478, so a = 267 522 > 5 PASS (240 300):
    # each extra euro of R is an extra euro of a, and only maladie 6.5 %, retraite de base
    # 0.72 %, allocations familiales 3.1 % and CSG-CRDS 6.8 % + 2.9 % remain (IJ capped at 5 PASS,
    # RCI at 4 PASS, ID at 1 PASS): 20.02 % of the excess dividends (± the lines' euro roundings)
    a = run(resultat_avant_remuneration=400_000, cout_total=330_000, part_distribuee=0, date="2026-07-01")
    assert a["assiette_cotisations"] == 330_000 - 62_478 > 5 * 48_060
    b = run(resultat_avant_remuneration=400_000, cout_total=330_000, capital_social=0, date="2026-07-01")
    # profit 70 000: IS 15 % × 42 500 + 25 % × 27 500 = 6 375 + 6 875 = 13 250; dividends 56 750, all above
    assert b["dividendes_bruts"] == 56_750 and b["dividendes_soumis_cotisations"] == 56_750
    assert b["cotisations_dividendes"] == pytest.approx(56_750 * (0.065 + 0.0072 + 0.031 + 0.068 + 0.029), abs=3)
