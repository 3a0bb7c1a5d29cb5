"""The simulation date: an input of every calculator, defaulting to today
within the days whose rules the parameter files hold.

The covered days are declared once, in ``calculators/data/couverture.toml``
(``regles_depuis``, ``regles_jusqu_au``).  After the last of them, the rules
of the following year are not in the guide: the default date is then that
last day (a result dated in 2027 but computed with the rules of 2026 would
claim what nobody checked), a date typed after it is refused, and every
result says which year's rules it applies and that the next ones are missing
(:func:`regles`).

Today is read in one place, :func:`today`: the system clock (the visitor's
in the browser), or ``CADRE_LIBRE_AUJOURDHUI=AAAA-MM-JJ`` in the environment,
so that the build and the tests can be run as on a later day.
"""

from __future__ import annotations

import datetime as _dt
import os

from . import parametres

ENV_TODAY = "CADRE_LIBRE_AUJOURDHUI"

_couverture = parametres.couverture()
# The days whose rules the parameter files hold, in full.
FIRST_DAY: _dt.date = _couverture["depuis"]
LAST_DAY: _dt.date = _couverture["jusqu_au"]


def _system_today() -> _dt.date:
    return _dt.date.today()


def today() -> _dt.date:
    """Today: ``$CADRE_LIBRE_AUJOURDHUI`` if set (AAAA-MM-JJ), else the clock."""
    raw = os.environ.get(ENV_TODAY, "").strip()
    if raw:
        try:
            if len(raw) != 10:
                raise ValueError
            return _dt.date.fromisoformat(raw)
        except ValueError:
            raise ValueError(f"{ENV_TODAY}={raw!r} : une date AAAA-MM-JJ est attendue") from None
    return _system_today()


def default_date() -> _dt.date:
    """Today, brought within [FIRST_DAY, LAST_DAY]."""
    return min(max(today(), FIRST_DAY), LAST_DAY)


def regles_manquantes(jour: _dt.date | None = None) -> str | None:
    """« de 2027 » when ``jour`` (today by default) is after the last covered
    day: the rules the guide does not hold yet; None while it is covered."""
    jour = today() if jour is None else jour
    if jour <= LAST_DAY:
        return None
    if (LAST_DAY.month, LAST_DAY.day) == (12, 31):
        first, last = LAST_DAY.year + 1, jour.year
        return f"de {first}" if first == last else f"de {first} à {last}"
    return f"en vigueur après le {LAST_DAY.strftime('%d/%m/%Y')}"


def regles(date: _dt.date) -> dict:
    """What a result says of its rules: the year applied, the last covered
    day, and, once today is past it, a French sentence saying so."""
    manquantes = regles_manquantes()
    out = {"annee": date.year, "jusqu_au": LAST_DAY.isoformat(), "a_jour": manquantes is None}
    if manquantes is not None:
        out["manquantes"] = manquantes
        out["message"] = (f"Les règles {manquantes} ne sont pas encore dans le guide\u202f: ce résultat applique "
                          f"celles de {date.year}, en vigueur à la date de la simulation.")
    return out


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
        help=("Les règles en vigueur à cette date s'appliquent (taux, plafonds, SMIC). Le guide connaît celles du "
              f"{FIRST_DAY.strftime('%d/%m/%Y')} au {LAST_DAY.strftime('%d/%m/%Y')}."),
        advanced=True,
    )
    kw.update(overrides)
    return Field(**kw)
