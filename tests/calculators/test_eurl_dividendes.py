"""EURL: dividends of a TNS gérant.  The part above 10 % of capital + share
premiums + current account bears the TNS contributions instead of the
prélèvements sociaux (CSS L131-6); the whole dividend bears the PFU's 12.8 %.
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
    # the gérant's base goes from 42 604 to 75 604 €: marginal TNS rates there (maladie 6.7 %,
    # retraite de base 17.75 % to 48 060 then 0.6 %, RCI 8 %, ID 1.3 % to 48 060, AF progressive to 3.1 %)
    # plus CSG-CRDS 9.7 %: several thousand euros, far above the 18.6 % of prélèvements sociaux
    assert 0.30 * 33_000 < r["cotisations_dividendes"] < 0.45 * 33_000
    assert any("10" in a["message"] for a in r["alertes"])


def test_marginal_contributions_above_five_pss_by_hand():
    # Above 5 PSS (240 300 €) only maladie 6.5 % (IJ capped), retraite de base 0.6 %
    # and allocations familiales 3.1 % remain: 10.2 %, then CSG-CRDS 9.7 % of (1 + 10.2 %):
    # 10 000 € of excess dividends -> 1 020 + 0.097 × 11 020 = 1 020 + 1 068.94 = 2 088.94 (± line roundings)
    a = run(resultat_avant_remuneration=400_000, cout_total=330_000, part_distribuee=0, date="2026-07-01")
    assert a["revenu_professionnel"] > 5 * 48_060
    b = run(resultat_avant_remuneration=400_000, cout_total=330_000, capital_social=0, date="2026-07-01")
    # profit 70 000: IS 6 375 + 25 % × 27 500 = 13 250; dividends 56 750, all above the threshold
    assert b["dividendes_bruts"] == 56_750 and b["dividendes_soumis_cotisations"] == 56_750
    assert b["cotisations_dividendes"] == pytest.approx(56_750 * (0.102 + 0.097 * 1.102), abs=3)
