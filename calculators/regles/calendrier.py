"""The calendar of a year of work: Easter, public holidays (with Alsace-Moselle's),
working and billable days (the TJM calculator's).
"""

from __future__ import annotations

import calendar
import datetime as _dt

from ..core import format as fmt
from ..core.parametres import At


def easter(year: int) -> _dt.date:
    """Easter Sunday of ``year`` (Gregorian calendar), by the anonymous Gregorian
    algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return _dt.date(year, month, day + 1)


def public_holidays(year: int, p: At, alsace_moselle: bool = False) -> list[dict]:
    """The public holidays of ``year``: [{code, libelle, date}], sorted by date."""
    spec = list(p("calendrier.jours_feries"))
    if alsace_moselle:
        spec += list(p("calendrier.jours_feries_alsace_moselle"))
    paques = easter(year)
    out = []
    for h in spec:
        if "paques" in h:
            d = paques + _dt.timedelta(days=h["paques"])
        else:
            d = _dt.date(year, h["mois"], h["jour"])
        out.append({"code": h["code"], "libelle": h["libelle"], "date": d})
    out.sort(key=lambda h: h["date"])
    return out


def billable_days(values: dict, p: At) -> dict:
    """The detail of the billable days of the year."""
    year = values.get("annee") or values["date"].year
    n_days = 366 if calendar.isleap(year) else 365
    weekend = sum(1 for m in range(1, 13) for w in calendar.Calendar().itermonthdays2(year, m)
                  if w[0] and w[1] >= 5)
    holidays = public_holidays(year, p, bool(values.get("alsace_moselle")))
    on_weekdays = [h for h in holidays if h["date"].weekday() < 5]
    conges = values["semaines_conges"] * 5
    steps = [
        ("jours_calendaires", f"Jours de l'année {year}", n_days),
        ("week_ends", "Samedis et dimanches", -weekend),
        ("jours_feries", "Jours fériés tombant en semaine", -len(on_weekdays)),
        ("conges", f"Congés : {fmt.nombre(values['semaines_conges'])} semaines × 5 jours", -conges),
        ("prospection", "Prospection commerciale", -values["jours_prospection"]),
        ("administratif", "Gestion administrative", -values["jours_administratif"]),
        ("formation", "Formation", -values["jours_formation"]),
        ("maladie", "Marge pour maladie et imprévus", -values["jours_maladie"]),
    ]
    total = sum(s[2] for s in steps)
    if float(total).is_integer():
        total = int(total)
    return {
        "annee": year,
        "etapes": [{"code": c, "libelle": lbl, "jours": j} for c, lbl, j in steps],
        "jours_feries": [{"code": h["code"], "libelle": h["libelle"], "date": h["date"].isoformat(),
                          "en_semaine": h["date"].weekday() < 5} for h in holidays],
        "jours_ouvres": n_days - weekend,
        "jours_facturables": total,
    }


__all__ = ["easter", "public_holidays", "billable_days"]
