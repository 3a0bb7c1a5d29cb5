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
