"""Scales (barèmes) as the law writes them.

- :func:`tranche`: the part of a base between two bounds (T1, T2 of a
  payslip, the capped base of a contribution).
- :func:`grille`: a flat-rate grid, where the whole base takes the rate of the
  bracket it falls in (the neutral rate of the withholding tax): the bracket
  holds ``base <= plafond``; the last bracket has no ``plafond``.
- :func:`progressif`: publicodes' « taux progressif », linear between points;
- :func:`marginal`: a marginal scale, each slice of the base at its own rate
  (``[{"plafond": x, "taux": t}, ..., {"taux": t}]``, bounds increasing).
"""

from __future__ import annotations


def tranche(base: float, bas: float, haut: float | None = None) -> float:
    """The part of ``base`` above ``bas`` and below ``haut`` (None: no upper bound)."""
    if haut is not None and base > haut:
        base = haut
    return base - bas if base > bas else 0.0


def grille(base: float, tranches) -> float:
    """The rate of the bracket ``base`` falls in (``base <= plafond``)."""
    for t in tranches:
        plafond = t.get("plafond")
        if plafond is None or base <= plafond:
            return t["taux"]
    raise ValueError("grille sans tranche finale (sans plafond)")


def marginal(base: float, tranches, multiplicateur: float = 1.0) -> float:
    """The amount of a marginal scale; bounds are multiplied by ``multiplicateur``."""
    total = 0.0
    bas = 0.0
    for t in tranches:
        plafond = t.get("plafond")
        haut = None if plafond is None else plafond * multiplicateur
        total += tranche(base, bas, haut) * t["taux"]
        if haut is None or base <= haut:
            break
        bas = haut
    return total


def progressif(x: float, tranches, cle: str = "seuil_pss") -> float:
    """publicodes « taux progressif »: the first rate below the first point,
    linear between points, the last rate above the last one (points ``cle``)."""
    prev = None
    for t in tranches:
        if x <= t[cle]:
            if prev is None:
                return t["taux"]
            a, b = prev[cle], t[cle]
            return prev["taux"] + (t["taux"] - prev["taux"]) * (x - a) / (b - a)
        prev = t
    return prev["taux"]
