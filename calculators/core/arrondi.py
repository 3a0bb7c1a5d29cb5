"""Rounding of amounts, the way a payslip does it: half away from zero, to the cent."""

from __future__ import annotations

import math


def cents(x: float) -> float:
    """``x`` rounded to the cent, half away from zero (not banker's rounding)."""
    q = abs(x) * 100.0
    # a small epsilon absorbs binary noise such as 2.675 -> 267.49999999999997
    r = math.floor(q + 0.5 + 1e-9) / 100.0
    return math.copysign(r, x) if r else 0.0


def euros(x: float) -> float:
    """``x`` rounded to the euro, half away from zero."""
    q = abs(x)
    r = float(math.floor(q + 0.5 + 1e-9))
    return math.copysign(r, x) if r else 0.0


def decimales(x: float, n: int) -> float:
    """``x`` rounded to ``n`` decimals, half away from zero (a coefficient "arrondi à 4 décimales")."""
    f = 10.0 ** n
    q = abs(x) * f
    r = math.floor(q + 0.5 + 1e-9) / f
    return math.copysign(r, x) if r else 0.0
