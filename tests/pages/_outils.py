"""Helpers of the page tests: the command line as the reference, and French
number formatting written out by hand (independent of calculators/render.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

NNBSP = "\u202f"  # thousands separator (narrow no-break space)
NBSP = "\u00a0"  # before a unit


def cli(name: str, inputs: dict) -> dict:
    """What `python -m calculators NAME` prints for ``inputs`` (the reference)."""
    proc = subprocess.run(
        [sys.executable, "-m", "calculators", name],
        input=json.dumps(inputs), capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    out = json.loads(proc.stdout)
    assert proc.returncode == 0 and out["ok"], out
    return out["result"]


def _grouped(n: int) -> str:
    s = str(n)
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    parts.insert(0, s)
    return NNBSP.join(parts)


def euros(x: float) -> str:
    """12345.5 -> '12 346 €': to the euro, half away from zero."""
    q = Decimal(repr(abs(x))).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    sign = "\u2212" if x < 0 and q else ""
    return f"{sign}{_grouped(int(q))}{NBSP}€"


def euros_cents(x: float) -> str:
    """2712.345 -> '2 712,35 €'."""
    q = Decimal(repr(abs(x))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, frac = divmod(int(q * 100), 100)
    sign = "\u2212" if x < 0 and q else ""
    return f"{sign}{_grouped(whole)},{frac:02d}{NBSP}€"


def pourcent(x: float, decimals: int | None = None) -> str:
    """0.0855 -> '8,55 %'; 0.491255 -> '49,13 %'; 0.00045 -> '0,045 %' (a rate written
    with three decimals keeps them, anything else is rounded to two); with
    ``decimals``, at most that many: pourcent(0.0855, 1) -> '8,6 %'."""
    pct = Decimal(repr(x)) * 100
    if decimals is None:
        exact3 = pct.quantize(Decimal("0.001")) == pct.quantize(Decimal("0.0000001"))
        decimals = 3 if exact3 else 2
    q = pct.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{q:f}".rstrip("0").rstrip(".") if "." in f"{q:f}" else f"{q:f}"
    return text.replace(".", ",") + f"{NBSP}%"


def figure(value: float, unite: str) -> str:
    """A key figure as the page must show it: '4 877 €/mois', '452,59 €/jour', '204 jours/an'."""
    if unite.startswith("€"):
        rest = unite[1:].strip()
        return (euros_cents(value) if rest == "/jour" else euros(value)) + rest
    if unite == "taux":
        return pourcent(value)
    q = Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    whole = int(abs(q))
    frac = str(abs(q) - whole)[2:] if abs(q) != whole else ""
    return _grouped(whole) + (f",{frac}" if frac else "") + (f"{NBSP}{unite}" if unite else "")


def nombre(x: float) -> str:
    """218 -> '218'; 1234.5 -> '1 234,5' (two decimals at most)."""
    q = Decimal(repr(abs(x))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole = int(q)
    frac = f"{q:f}".split(".")[1].rstrip("0")
    sign = "\u2212" if x < 0 and q else ""
    return sign + _grouped(whole) + (f",{frac}" if frac else "")


MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"]


def date_fr(iso: str) -> str:
    """'2026-07-01' -> '1er juillet 2026'."""
    y, m, d = (int(p) for p in str(iso)[:10].split("-"))
    return f"{'1er' if d == 1 else d} {MOIS[m - 1]} {y}"


# Counts in running prose, written out by hand: zero to sixteen in words (« une » for a
# feminine noun), figures beyond and for a fraction; « de » elided before un / une only.
EN_LETTRES = {0: "zéro", 1: "un", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept",
              8: "huit", 9: "neuf", 10: "dix", 11: "onze", 12: "douze", 13: "treize", 14: "quatorze",
              15: "quinze", 16: "seize"}


def lettres(x: float, genre: str = "m") -> str:
    """3 -> 'trois'; 1, 'f' -> 'une'; 17 -> '17'; 1.5 -> '1,5'."""
    assert genre in ("m", "f"), genre
    if x == int(x) and int(x) in EN_LETTRES:
        return "une" if int(x) == 1 and genre == "f" else EN_LETTRES[int(x)]
    return nombre(x)


def de_lettres(x: float, genre: str = "m") -> str:
    """1 -> 'd’un'; 1, 'f' -> 'd’une'; 8 -> 'de huit'; 36 -> 'de 36'."""
    mot = lettres(x, genre)
    return f"d’{mot}" if mot in ("un", "une") else f"de {mot}"


# The French public holidays of each year the site's prose quotes, by date (Code du travail,
# art. L3133-1; Alsace-Moselle, art. L3134-13), read from a calendar: Easter Sunday 2026 is
# 5 April, hence Easter Monday 6 April, Ascension 14 May, Whit Monday 25 May, Good Friday 3 April.
FERIES = {
    2026: {
        "jour_de_l_an": "2026-01-01", "lundi_de_paques": "2026-04-06", "fete_du_travail": "2026-05-01",
        "victoire_1945": "2026-05-08", "ascension": "2026-05-14", "lundi_de_pentecote": "2026-05-25",
        "fete_nationale": "2026-07-14", "assomption": "2026-08-15", "toussaint": "2026-11-01",
        "armistice_1918": "2026-11-11", "noel": "2026-12-25",
    },
}
FERIES_ALSACE_MOSELLE = {2026: {"vendredi_saint": "2026-04-03", "saint_etienne": "2026-12-26"}}
CONGES_SEMAINES = 5  # Code du travail, art. L3141-3: 30 working days (ouvrables), five weeks
FORFAIT_JOURS = 218  # Code du travail, art. L3121-64: the maximum of a forfait annuel en jours
JOURS_SEMAINE = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def calendrier(annee: int, alsace_moselle: bool = False) -> dict:
    """The day count of a year, counted day by day with datetime."""
    import datetime as dt

    feries = dict(FERIES[annee])
    if alsace_moselle:
        feries.update(FERIES_ALSACE_MOSELLE[annee])
    days = [dt.date(annee, 1, 1) + dt.timedelta(days=k) for k in range(366)]
    days = [d for d in days if d.year == annee]
    week_ends = sum(1 for d in days if d.weekday() >= 5)
    dates = {code: dt.date.fromisoformat(iso) for code, iso in feries.items()}
    en_semaine = sum(1 for d in dates.values() if d.weekday() < 5)
    travaillables = len(days) - week_ends - en_semaine - CONGES_SEMAINES * 5
    return {
        "annee": annee, "jours": len(days), "week_ends": week_ends, "jours_ouvres": len(days) - week_ends,
        "feries": len(feries), "feries_en_semaine": en_semaine, "conges_semaines": CONGES_SEMAINES,
        "conges": CONGES_SEMAINES * 5, "jours_travaillables": travaillables, "forfait_jours": FORFAIT_JOURS,
        "jours_repos_forfait": travaillables - FORFAIT_JOURS, "premier_jour": JOURS_SEMAINE[days[0].weekday()],
        "jours_feries": {
            code: {"date": d.isoformat(), "en_semaine": d.weekday() < 5, "jour_semaine": JOURS_SEMAINE[d.weekday()],
                   "jour_mois": f"{'1er' if d.day == 1 else d.day} {MOIS[d.month - 1]}"}
            for code, d in dates.items()
        },
    }
