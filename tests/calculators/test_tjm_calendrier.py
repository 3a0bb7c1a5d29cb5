"""Billable days: Easter (Gregorian computus), public holidays (Code du travail
L3133-1, L3134-13) and the days arithmetic of the TJM calculator."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators import tjm
from calculators.core.parametres import At

# Easter Sundays as published in the ecclesiastical tables (Gregorian calendar).
EASTER = [
    (1818, dt.date(1818, 3, 22)),   # earliest possible date
    (1943, dt.date(1943, 4, 25)),   # latest possible date
    (2000, dt.date(2000, 4, 23)),
    (2011, dt.date(2011, 4, 24)),
    (2019, dt.date(2019, 4, 21)),
    (2024, dt.date(2024, 3, 31)),
    (2025, dt.date(2025, 4, 20)),
    (2026, dt.date(2026, 4, 5)),
    (2027, dt.date(2027, 3, 28)),
    (2038, dt.date(2038, 4, 25)),
]


@pytest.mark.parametrize("year,expected", EASTER)
def test_easter_sunday(year, expected):
    assert tjm.easter(year) == expected
    assert tjm.easter(year).weekday() == 6  # a Sunday


def test_easter_always_between_22_march_and_25_april():
    for year in range(1583, 2500):
        d = tjm.easter(year)
        assert dt.date(year, 3, 22) <= d <= dt.date(year, 4, 25), year


P2026 = At(dt.date(2026, 1, 1))


def test_public_holidays_2026():
    # L3133-1: eleven fêtes légales.  Easter 2026 = 5 April, so
    # lundi de Pâques = 6 April, Ascension = 5 April + 39 = 14 May,
    # lundi de Pentecôte = 5 April + 50 = 25 May.
    days = {h["code"]: h["date"] for h in tjm.public_holidays(2026, P2026)}
    assert len(days) == 11
    assert days["lundi_de_paques"] == dt.date(2026, 4, 6)
    assert days["ascension"] == dt.date(2026, 5, 14)
    assert days["lundi_de_pentecote"] == dt.date(2026, 5, 25)
    assert days["fete_nationale"] == dt.date(2026, 7, 14)
    assert days["noel"] == dt.date(2026, 12, 25)


def test_alsace_moselle_adds_good_friday_and_26_december():
    days = {h["code"]: h["date"] for h in tjm.public_holidays(2026, P2026, alsace_moselle=True)}
    assert len(days) == 13
    assert days["vendredi_saint"] == dt.date(2026, 4, 3)   # 5 April − 2
    assert days["saint_etienne"] == dt.date(2026, 12, 26)


BASE = {"semaines_conges": 5, "jours_prospection": 10, "jours_administratif": 3,
        "jours_formation": 5, "jours_maladie": 5}

# Hand count of each year:
# 2026 starts on a Thursday, 365 days = 52 weeks + 1 day (Thu): 104 weekend days.
#   Holidays on a weekday: 1/1 Thu, 6/4 Mon, 1/5 Fri, 8/5 Fri, 14/5 Thu, 25/5 Mon,
#   14/7 Tue, 11/11 Wed, 25/12 Fri = 9  (15/8 is a Saturday, 1/11 a Sunday).
#   365 − 104 − 9 − 25 − 10 − 3 − 5 − 5 = 204
# 2025 starts on a Wednesday: 104 weekend days.
#   Holidays on a weekday: 1/1 Wed, 21/4 Mon, 1/5 Thu, 8/5 Thu, 29/5 Thu, 9/6 Mon,
#   14/7 Mon, 15/8 Fri, 11/11 Tue, 25/12 Thu = 10  (1/11 is a Saturday).
#   365 − 104 − 10 − 25 − 23 = 203
# 2028 is a leap year starting on a Saturday: 366 = 52 weeks + 2 days (Sat, Sun): 106.
#   Easter 16 April 2028.  Holidays on a weekday: 17/4 Mon, 1/5 Mon, 8/5 Mon,
#   25/5 Thu, 5/6 Mon, 14/7 Fri, 15/8 Tue, 1/11 Wed, 11/11 Sat → no, 25/12 Mon,
#   1/1 Sat → no = 9.
#   366 − 106 − 9 − 25 − 23 = 203
DAYS = [
    (2026, 104, 9, 204),
    (2025, 104, 10, 203),
    (2028, 106, 9, 203),
]


@pytest.mark.parametrize("year,weekend,holidays,billable", DAYS)
def test_billable_days(year, weekend, holidays, billable):
    values = {**BASE, "annee": year, "date": dt.date(2026, 1, 1)}
    r = tjm.billable_days(values, P2026)
    steps = {e["code"]: e["jours"] for e in r["etapes"]}
    assert steps["week_ends"] == -weekend
    assert steps["jours_feries"] == -holidays
    assert r["jours_facturables"] == billable
    # the steps add up to the result shown
    assert sum(steps.values()) == billable


def test_year_defaults_to_the_simulation_date():
    r = tjm.billable_days({**BASE, "annee": None, "date": dt.date(2025, 6, 1)}, P2026)
    assert r["annee"] == 2025 and r["jours_facturables"] == 203
