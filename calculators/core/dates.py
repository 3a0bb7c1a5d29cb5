"""The simulation date: an input of every calculator, defaulting to today
within the years whose rules the parameter files hold."""

from __future__ import annotations

import datetime as _dt

# The years whose rules the parameter files hold, in full.
FIRST_DAY = _dt.date(2025, 1, 1)
LAST_DAY = _dt.date(2026, 12, 31)


def default_date() -> _dt.date:
    """Today, brought within [FIRST_DAY, LAST_DAY]."""
    today = _dt.date.today()
    return min(max(today, FIRST_DAY), LAST_DAY)


def date_field(**overrides):
    """The standard ``date`` input of a calculator."""
    from .schema import Field

    kw = dict(
        name="date",
        label="Date de la simulation",
        kind="date",
        minimum=FIRST_DAY,
        maximum=LAST_DAY,
        default=default_date,
        help="Les règles en vigueur à cette date s'appliquent (taux, plafonds, SMIC).",
        advanced=True,
    )
    kw.update(overrides)
    return Field(**kw)
