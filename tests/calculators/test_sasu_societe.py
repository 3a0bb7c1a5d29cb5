"""SASU: corporate tax and dividends on the profit left after the president's
pay, by hand arithmetic (CGI art. 219 and 200 A; CSS L136-7, L136-8).

2026: IS 15 % up to 42 500 € then 25 %; PFU 12.8 % of income tax; prélèvements
sociaux 18.6 % (CSG 10.6 % since the LFSS 2026 + CRDS 0.5 % + solidarité 7.5 %).
2025: the same but prélèvements sociaux 17.2 % (CSG 9.2 %).
"""

from __future__ import annotations

import pytest

import calculators


def run(**inp):
    out = calculators.run("sasu", inp)
    assert out["ok"], out
    return out["result"]


def test_dividends_only_2026():
    r = run(resultat_avant_remuneration=90_000, date="2026-07-01")
    assert r["remuneration_brute"] == 0 and r["cout_total"] == 0 and r["cotisations"] == 0
    # IS = 15 % × 42 500 + 25 % × (90 000 − 42 500) = 6 375 + 11 875 = 18 250
    assert r["impot_societes"] == 18_250
    assert r["benefice_apres_impot"] == 71_750
    assert r["dividendes_bruts"] == 71_750
    # 18.6 % × 71 750 = 13 345.50 ; 12.8 % × 71 750 = 9 184
    assert r["prelevements_sociaux_dividendes"] == 13_345.50
    assert r["impot_dividendes"] == 9_184
    assert r["dividendes_nets"] == 49_220.50 == r["revenu_net_total"]


def test_prelevements_sociaux_before_the_lfss_2026():
    r = run(resultat_avant_remuneration=90_000, date="2025-07-01")
    # 17.2 % × 71 750 = 12 341 ; 71 750 − 12 341 − 9 184 = 50 225
    assert r["prelevements_sociaux_dividendes"] == 12_341
    assert r["dividendes_nets"] == 50_225


def test_pay_then_dividends():
    # cost 60 000 €/an = 5 000 €/mois exactly: taxable profit 90 000 − 60 000 = 30 000
    r = run(resultat_avant_remuneration=90_000, cout_total=60_000, date="2026-07-01")
    assert r["cout_total"] == 60_000
    assert r["resultat_imposable"] == 30_000
    assert r["impot_societes"] == 4_500            # 15 % × 30 000
    assert r["dividendes_bruts"] == 25_500
    assert r["prelevements_sociaux_dividendes"] == 4_743   # 18.6 % × 25 500
    assert r["impot_dividendes"] == 3_264                 # 12.8 % × 25 500
    assert r["dividendes_nets"] == 17_493
    assert r["revenu_net_total"] == pytest.approx(r["net_apres_impot"] + 17_493)


def test_normal_rate_only_and_partial_distribution():
    r = run(resultat_avant_remuneration=40_000, taux_reduit_is=False, part_distribuee=0.5, date="2026-07-01")
    assert r["impot_societes"] == 10_000            # 25 % × 40 000
    assert r["dividendes_bruts"] == 15_000          # half of 30 000
    assert r["mise_en_reserve"] == 15_000


def test_turnover_and_charges_same_as_the_profit():
    a = run(chiffre_affaires=150_000, charges=60_000, cout_total=60_000, date="2026-07-01")
    b = run(resultat_avant_remuneration=90_000, cout_total=60_000, date="2026-07-01")
    assert a == b


def test_monthly_period_is_the_year_divided_by_twelve():
    a = run(resultat_avant_remuneration=7_500, cout_total=5_000, periode="mois", date="2026-07-01")
    b = run(resultat_avant_remuneration=90_000, cout_total=60_000, date="2026-07-01")
    assert a["annuel"] == b["annuel"]
    assert a["impot_societes"] == 375                # 4 500 / 12
    assert a["cout_total"] == 5_000


def test_loss_gives_no_tax_no_dividend_and_a_warning():
    r = run(resultat_avant_remuneration=30_000, cout_total=60_000, date="2026-07-01")
    assert r["resultat_imposable"] == -30_000
    assert r["impot_societes"] == 0 and r["dividendes_bruts"] == 0
    assert any("perte" in a["message"] for a in r["alertes"])


@pytest.mark.parametrize("inp,field", [
    ({}, "remuneration_brute"),
    ({"remuneration_brute": 30_000, "cout_total": 50_000}, "cout_total"),
    ({"resultat_avant_remuneration": 1, "chiffre_affaires": 2}, "chiffre_affaires"),
    ({"charges": 10_000, "cout_total": 50_000}, "chiffre_affaires"),
])
def test_errors_in_french(inp, field):
    out = calculators.run("sasu", inp)
    assert not out["ok"] and field in out["errors"]
    assert out["errors"][field].startswith("Indiquez")


@pytest.mark.parametrize("inp,field", [({"cout_total": 100}, "cout_total"), ({"remuneration_brute": 120}, "remuneration_brute")])
def test_pay_too_low_for_the_flat_mutuelle_is_refused_in_french(inp, field):
    # 40 €/mois of mutuelle, half paid by the company (modele-social's defaults): a cost of
    # 100 €/an (8.33 €/mois) or a gross of 10 €/mois cannot carry it.
    out = calculators.run("sasu", {**inp, "date": "2026-07-01"})
    assert not out["ok"] and "trop faible" in out["errors"][field]
