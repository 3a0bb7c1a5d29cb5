"""The two floors of the conventional minimum (convention collective IDCC 3219, art. 21.3).

2017 wording, read in the consolidated text: « Ce revenu minimal brut total [...] ne
pourra être inférieur à 77 % du plafond de la sécurité sociale décomposé de la façon
suivante : un salaire minimum payable au mois le mois [70 % junior, 75 % senior, 85 %
forfait jours] et une réserve financière » (10 % of the salaire de base in a CDI, the
10 % indemnité de fin de contrat in a CDD), the PSS being the 2017 one, frozen (3 269 €),
and « ce revenu brut minimal est défini en journée [...] si la durée du travail du
salarié porté est exprimée en jours ».  Avenant n° 12 (text not read; secondary
sources): 63 / 70 / 75 / 85 % and, réserve comprise, 69 / 77 / 83 / 94 %.
"""

from __future__ import annotations

import datetime as dt

import pytest

import calculators
from calculators import portage
from calculators.core.parametres import At

DATE = "2026-07-01"


def run(**raw):
    raw.setdefault("date", DATE)
    out = calculators.run("portage", raw)
    assert out["ok"], out
    return out["result"]


def test_a_junior_paid_exactly_the_monthly_minimum_misses_the_total_by_30_71():
    # a full month: 218 / 12 days
    rates = portage.Rates(At(dt.date(2026, 7, 1)), {"contrat": "cdi", "echelon": "junior", "jours": 218 / 12})
    assert rates.minimum_du_mois == 2288.30                   # 0.70 × 3 269
    assert rates.minimum_total_du_mois == 2517.13             # 0.77 × 3 269
    # salaire de base 2 288.30 / (1.05 × 1.10) = 1 981.21
    parts = rates.parts(1981.21)
    assert parts["indemnite_apport_affaires"] == 99.06        # 1 981.21 × 5 %
    assert parts["conges_payes"] == 208.03                    # (1 981.21 + 99.06) × 10 %
    assert parts["remuneration_brute"] == 2288.30             # the monthly minimum, exactly
    assert parts["reserve"] == 198.12                         # 1 981.21 × 10 %
    f = portage.minimum_floors(rates, parts)
    assert f["total_reserve_comprise"] == 2486.42             # 2 288.30 + 198.12 = 76.06 % of 3 269
    assert f["manque_minimum_conventionnel"] == 0
    assert f["manque_minimum_reserve_comprise"] == 30.71      # 2 517.13 − 2 486.42


# Scenarios at 10 days, junior, default fees (10 %): the floors of the month are
#   salary only:      2 288.30 × 12 / 218 × 10 = 1 259.6146 → 1 259.61
#   réserve comprise: 2 517.13 × 12 / 218 × 10 = 1 385.5761 → 1 385.58
FLOORS_10_DAYS = (1259.61, 1385.58)


def _minimum_alerts(r):
    return [a for a in r["alertes"] if "minimum" in a["message"] and a["niveau"] == "attention"]


def test_both_floors_missed_the_alert_gives_both_shortfalls():
    r = run(tjm=150, jours=10)
    assert (r["minimum_conventionnel"], r["minimum_reserve_comprise"]) == FLOORS_10_DAYS
    m1 = round(1259.61 - r["remuneration_brute"], 2)
    m2 = round(1385.58 - (r["remuneration_brute"] + r["reserve_financiere"]), 2)
    assert r["manque_minimum_conventionnel"] == m1 > 0
    assert r["manque_minimum_reserve_comprise"] == m2 > 0
    [alert] = _minimum_alerts(r)
    fr = lambda x: f"{x:,.2f}".replace(",", "\u202f").replace(".", ",")  # noqa: E731
    assert f"il manque {fr(m1)}\u00a0€ par mois" in alert["message"]
    assert f"il manque {fr(m2)}\u00a0€ par mois" in alert["message"]
    assert "peut refuser" in alert["message"]


@pytest.mark.parametrize("tjm", [196, 197, 198])
def test_salary_floor_met_but_not_the_total_the_alert_shows_both_readings(tjm):
    # TJM 196 to 198 for 10 days: the rémunération brute is just above 1 259.61 but, with a
    # réserve of 10 % of the salaire de base (about 8.66 % of it), below 1 385.58
    r = run(tjm=tjm, jours=10)
    assert r["remuneration_brute"] >= 1259.61
    assert r["manque_minimum_conventionnel"] == 0
    total = round(r["remuneration_brute"] + r["reserve_financiere"], 2)
    assert r["manque_minimum_reserve_comprise"] == round(1385.58 - total, 2) > 0
    [alert] = _minimum_alerts(r)
    assert "salaire seul" in alert["message"] and "réserve comprise" in alert["message"]
    assert "avenant n° 12" in alert["message"]


def test_both_floors_met_no_alert():
    r = run(tjm=230, jours=10)
    assert r["remuneration_brute"] + r["reserve_financiere"] >= 1385.58
    assert r["manque_minimum_conventionnel"] == r["manque_minimum_reserve_comprise"] == 0
    assert not _minimum_alerts(r)


@pytest.mark.parametrize("echelon,taux_total", [
    ("premier_niveau", 0.69), ("junior", 0.77), ("senior", 0.83), ("expert", 0.94),
])
def test_total_floor_by_echelon_after_avenant_12(echelon, taux_total):
    r = run(tjm=800, jours=15, echelon=echelon)
    # e.g. senior: 0.83 × 3 269 = 2 713.27; × 12 / 218 × 15 = 2 240.3064 → 2 240.31
    expected = round(round(taux_total * 3269, 2) * 12 / 218 * 15 + 1e-9, 2)
    assert r["minimum_reserve_comprise"] == expected


def test_avenant_12_takes_effect_on_1_august_2024():
    # assumed (unsure): the first day of the month after the extension order's publication (JO 17/07/2024)
    p = At(dt.date(2024, 8, 1))
    assert p("portage.minimum.premier_niveau") == 0.63
    assert p("portage.minimum_reserve_comprise.senior") == 0.83
    # the 2017 wording before it: one total of 77 % for every salarié porté
    assert At(dt.date(2024, 7, 31))("portage.minimum_reserve_comprise.senior") == 0.77


def test_cdd_total_floor_uses_the_end_of_contract_indemnity():
    r = run(tjm=150, jours=10, contrat="cdd")
    # CDD: the réserve is the indemnité de fin de contrat, 10 % of the gross (L1243-8)
    assert r["reserve_financiere"] == round(r["remuneration_brute"] * 0.10 + 1e-9, 2)
    total = round(r["remuneration_brute"] + r["reserve_financiere"], 2)
    assert r["manque_minimum_reserve_comprise"] == round(1385.58 - total, 2)
    assert "indemnité de fin de contrat" in _minimum_alerts(r)[0]["message"]
