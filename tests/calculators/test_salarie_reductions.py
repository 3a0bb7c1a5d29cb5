"""The general reductions of employer contributions, by hand.

2026: réduction générale dégressive unique (RGDU, CSS L241-13 and D241-7):
    coefficient = min(Tmin + Tdelta × (½ × (3 × SMIC / base − 1))^1.75, Tmin + Tdelta),
    rounded to 4 decimals, nothing from 3 SMIC; Tmin = 0.02,
    Tdelta = 0.3781 (< 50 employees) or 0.3821.
2025: réduction générale (CSS D241-7 in its 2025 wording):
    coefficient = min(T / 0.6 × (1.6 × SMIC / base − 1), T), 4 decimals,
    nothing from 1.6 SMIC; T = 0.3194 / 0.3234 until April 2025, then
    0.3193 / 0.3233 (AT/MP 0.50 %, chômage 4.00 %);
    plus the reduced rates of 2025: maladie 7 % up to 2.25 SMIC, allocations
    familiales 3.45 % up to 3.3 SMIC, SMIC of reference 11.88 €/h (décret
    2025-318 of 4 April 2025; LFSS 2025 art. 18).  Both abolished in 2026.

SMIC mensuel: 12.31 €/h × 35 × 52 / 12 = 1 867.0167 € (from June 2026);
11.88 €/h → 1 801.80 € (2025).

modele-social 11.1.0 holds the RGDU (rule « salarié . cotisations .
exonérations . RGDU ») but not the 2025 formula: the 2025 cases here are the
law worked by hand (see test_salarie_oracle.py for why).
"""

from __future__ import annotations

import pytest

from calculators import salarie

CASES = [
    # (inputs, expected coefficient, expected reduction, arithmetic)
    ({"salaire_brut": 2500, "effectif": 20, "date": "2026-07-01"}, 0.1839, 459.75,
     "0.02 + 0.3781 × (½ × (5 601.05 / 2 500 − 1))^1.75 = 0.183889; 2 500 × 0.1839"),
    ({"salaire_brut": 2500, "effectif": 60, "date": "2026-07-01"}, 0.1856, 464.00,
     "0.02 + 0.3821 × 0.433454 = 0.185623; 2 500 × 0.1856"),
    ({"salaire_brut": 1867.02, "effectif": 20, "date": "2026-07-01"}, 0.3981, 743.26,
     "at the SMIC the coefficient is Tmin + Tdelta = 0.3981; 1 867.02 × 0.3981 = 743.2607"),
    ({"salaire_brut": 1200, "effectif": 20, "date": "2026-07-01"}, 0.3981, 477.72,
     "below the SMIC, capped at Tmin + Tdelta: 1 200 × 0.3981"),
    ({"salaire_brut": 5601.04, "effectif": 20, "date": "2026-07-01"}, 0.02, 112.02,
     "one cent below 3 SMIC: 0.02 + 0.3781 × (≈ 0)^1.75 → 0.0200; 5 601.04 × 0.02 = 112.0208"),
    ({"salaire_brut": 5601.05, "effectif": 20, "date": "2026-07-01"}, 0.0, 0.0,
     "at 3 SMIC (5 601.05) the RGDU stops"),
    ({"salaire_brut": 5500, "effectif": 20, "date": "2026-01-15"}, 0.0, 0.0,
     "January 2026: 3 × 12.02 × 151.67 = 5 469.10 < 5 500"),
    # Reduced forfait jours, 109 days: SMIC and PSS prorated by 109 / 218 = ½;
    # 3 SMIC = 2 800.525; 0.02 + 0.3781 × (½ × (2 800.525 / 2 500 − 1))^1.75 = 0.022759
    ({"salaire_brut": 2500, "effectif": 20, "date": "2026-07-01", "temps_travail": "forfait_jours",
      "jours_forfait": 109}, 0.0228, 57.00, "2 500 × 0.0228"),
    # A full forfait (218 days) is full time.
    ({"salaire_brut": 2500, "effectif": 20, "date": "2026-07-01", "temps_travail": "forfait_jours"},
     0.1839, 459.75, "as full time"),
    # 2025: T / 0.6 × (1.6 × 1 801.80 / 2 000 − 1) = T / 0.6 × 0.44144
    ({"salaire_brut": 2000, "effectif": 20, "date": "2025-02-03"}, 0.2350, 470.00,
     "0.3194 / 0.6 × 0.44144 = 0.234993; 2 000 × 0.2350"),
    ({"salaire_brut": 2000, "effectif": 20, "date": "2025-09-01"}, 0.2349, 469.80,
     "0.3193 / 0.6 × 0.44144 = 0.234920 (from May 2025)"),
    ({"salaire_brut": 2000, "effectif": 60, "date": "2025-02-03"}, 0.2379, 475.80,
     "0.3234 / 0.6 × 0.44144 = 0.237936"),
    ({"salaire_brut": 2882.88, "effectif": 20, "date": "2025-09-01"}, 0.0, 0.0,
     "at 1.6 SMIC = 2 882.88 the 2025 reduction is zero"),
    ({"salaire_brut": 1801.80, "effectif": 20, "date": "2025-09-01"}, 0.3193, 575.31,
     "at the SMIC: T / 0.6 × 0.6 = T; 1 801.80 × 0.3193 = 575.3147"),
]


@pytest.mark.parametrize("entrees,coef,montant,arith", CASES, ids=[c[3][:40] for c in CASES])
def test_reduction(entrees, coef, montant, arith):
    r = salarie.calculer(**entrees)
    assert r["coefficient_reduction"] == pytest.approx(coef, abs=1e-12)
    assert r["reduction_generale"] == pytest.approx(montant, abs=0.001)
    lines = [ln for ln in r["lignes"] if ln["code"] == "reduction_generale"]
    if montant:
        assert lines[0]["montant_patronal"] == pytest.approx(-montant, abs=0.001)
        assert lines[0]["groupe"] == "Réductions de cotisations"
    else:
        assert not lines


BANDEAUX = [
    # (date, gross, maladie rate, allocations familiales rate)
    ("2025-03-01", 4000, 0.07, 0.0345),     # 4 000 ≤ 2.25 × 1 801.80 = 4 054.05 ≤ 3.3 × 1 801.80 = 5 945.94
    ("2025-03-01", 4054.05, 0.07, 0.0345),  # "n'excède pas": the threshold itself is in
    ("2025-03-01", 4100, 0.13, 0.0345),     # above 2.25 SMIC, below 3.3 SMIC
    ("2025-03-01", 5945.94, 0.13, 0.0345),
    ("2025-03-01", 6000, 0.13, 0.0525),     # above 3.3 SMIC
    ("2026-01-15", 2500, 0.13, 0.0525),     # 2026: no reduced rate any more
    ("2026-07-01", 4000, 0.13, 0.0525),
]


@pytest.mark.parametrize("date,brut,maladie,af", BANDEAUX)
def test_reduced_rates_of_2025_and_their_end(date, brut, maladie, af):
    r = salarie.calculer(salaire_brut=brut, effectif=20, date=date)
    lines = {ln["code"]: ln for ln in r["lignes"]}
    assert lines["maladie"]["taux_patronal"] == maladie
    assert lines["allocations_familiales"]["taux_patronal"] == af
    assert lines["maladie"]["montant_patronal"] == round(brut * maladie + 1e-9, 2)


def test_2025_payslip_cost_by_hand():
    # February 2025, 2 000 €, cadre, 20 employees, mutuelle 40 € half each, AT/MP 2.12 %.
    # Employer: maladie 7 % 140 + mutuelle 20 + prévoyance 1.5 % 30 + AT/MP 42.40
    # + vieillesse 8.55 % 171 + 2.02 % 40.40 + Agirc-Arrco 4.72 % 94.40 + CEG 1.29 % 25.80
    # + AF 3.45 % 69 + chômage 4.05 % 81 + AGS 0.25 % 5 + APEC 0.036 % 0.72 + FNAL 0.1 % 2
    # + CSA 0.3 % 6 + dialogue 0.016 % 0.32 + formation 1 % 20 + TA 0.59 % 11.80 + solde 0.09 % 1.80
    # + forfait social 8 % × 50 = 4 → 765.64; − réduction 470.00 = 295.64.
    r = salarie.calculer(salaire_brut=2000, cadre=True, effectif=20, date="2025-02-03")
    assert r["cotisations_patronales"] == pytest.approx(295.64, abs=0.001)
    assert r["cout_employeur"] == pytest.approx(2295.64, abs=0.001)
