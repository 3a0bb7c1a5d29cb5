"""Inverting a calculation: which input gives this output?

The pay functions are increasing and piecewise smooth (piecewise linear, but
for the dégressive reductions), with a few known jumps at legal thresholds
(the CET starts above 1 PSS, the RGDU stops at 3 SMIC...).  :func:`inverser`
cuts the interval at those jumps, finds the piece whose range holds the
target, then runs a bracketed secant (Illinois variant of regula falsi) on
it: exact in one or two steps on a linear piece, a handful of steps on a
curved one, never leaving the bracket.

Target in a gap (the function jumps over it): the result says so
(``atteint=False``) and gives the end of the piece below the jump.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Inversion:
    x: float          # the input found
    fx: float         # f(x)
    atteint: bool     # False when the target lies in a jump of f (or out of range)
    evaluations: int  # calls of f, for benchmarks


def secante(f, cible: float, a: float, b: float, fa: float | None = None, fb: float | None = None,
            xtol: float = 1e-9, ytol: float = 1e-9, maxiter: int = 100):
    """Root of ``f(x) = cible`` in ``[a, b]`` for a continuous increasing ``f``
    with ``f(a) <= cible <= f(b)``: (x, f(x), evaluations)."""
    n = 0
    if fa is None:
        fa = f(a); n += 1
    if fb is None:
        fb = f(b); n += 1
    ga, gb = fa - cible, fb - cible
    if ga >= 0:
        return a, fa, n
    if gb <= 0:
        return b, fb, n
    side = 0
    x, fx = a, fa
    for _ in range(maxiter):
        x = b - gb * (b - a) / (gb - ga)
        if not (a < x < b):
            x = 0.5 * (a + b)
        fx = f(x); n += 1
        g = fx - cible
        if abs(g) <= ytol or (b - a) <= xtol * max(1.0, abs(x)):
            return x, fx, n
        if g > 0:
            b, gb = x, g
            if side == 1:
                ga *= 0.5
            side = 1
        else:
            a, ga = x, g
            if side == -1:
                gb *= 0.5
            side = -1
    return x, fx, n


def inverser(f, cible: float, lo: float, hi: float, ruptures=(), eps: float = 1e-7,
             xtol: float = 1e-9, ytol: float = 1e-9) -> Inversion:
    """Solve ``f(x) = cible`` on ``[lo, hi]`` for ``f`` increasing between
    ``ruptures`` (sorted or not) where it may jump.  Where ``f`` goes down at a
    jump, several ``x`` may answer: the smallest one is returned."""
    cuts = sorted(r for r in set(ruptures) if lo < r < hi)
    bounds = [lo] + cuts + [hi]
    n = 0
    below = None  # (x, fx) end of the last piece entirely below the target
    for i in range(len(bounds) - 1):
        a = bounds[i]
        b = bounds[i + 1] if i == len(bounds) - 2 else bounds[i + 1] - eps
        fa = f(a); n += 1
        if fa > cible:
            if below is None:
                return Inversion(a, fa, abs(fa - cible) <= ytol, n)
            return Inversion(below[0], below[1], False, n)
        fb = f(b); n += 1
        if fb >= cible:
            x, fx, k = secante(f, cible, a, b, fa, fb, xtol=xtol, ytol=ytol)
            return Inversion(x, fx, True, n + k)
        below = (b, fb)
    return Inversion(below[0], below[1], False, n)
