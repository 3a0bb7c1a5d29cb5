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
    """Root of ``f(x) = cible`` in ``[a, b]`` for an increasing ``f`` with
    ``f(a) <= cible <= f(b)``.

    Returns ``(x, f(x), evaluations, lo, f(lo))`` where ``lo`` is the last
    bracket end below the target: if ``f`` jumps over the target inside
    ``[a, b]``, the bracket shrinks onto the jump, ``f(x)`` stays away from the
    target and ``lo`` is the point just before the jump."""
    n = 0
    if fa is None:
        fa = f(a); n += 1
    if fb is None:
        fb = f(b); n += 1
    ga, gb = fa - cible, fb - cible
    if ga >= 0:
        return a, fa, n, a, fa
    if gb <= 0:
        return b, fb, n, b, fb
    side = 0
    x, fx = a, fa
    lo, flo = a, fa
    for _ in range(maxiter):
        x = b - gb * (b - a) / (gb - ga)
        if not (a < x < b):
            x = (a + b) / 2
        fx = f(x); n += 1
        g = fx - cible
        if abs(g) <= ytol:
            return x, fx, n, x, fx
        if g > 0:
            b, gb = x, g
            if side == 1:
                ga /= 2
            side = 1
        else:
            a, ga = x, g
            lo, flo = x, fx
            if side == -1:
                gb /= 2
            side = -1
        if (b - a) <= xtol * max(1.0, abs(x)):
            break
    return x, fx, n, lo, flo


def inverser(f, cible: float, lo: float, hi: float, ruptures=(), eps: float = 1e-7,
             xtol: float = 1e-12, ytol: float = 1e-9, tolerance: float = 1e-6) -> Inversion:
    """Solve ``f(x) = cible`` on ``[lo, hi]`` for ``f`` increasing and
    continuous between ``ruptures``, where it may jump (up, or down).  Each
    piece runs from a rupture (included) to just before the next one
    (``eps`` before).  Where ``f`` goes down at a jump several ``x`` may
    answer: the smallest one is returned.  A target inside an upward jump is
    not reached (``atteint=False``): the highest ``x`` found below it is
    returned.  ``tolerance``: how far ``f(x)`` may be from the target for it
    to count as reached."""
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
                return Inversion(a, fa, abs(fa - cible) <= tolerance, n)
            return Inversion(below[0], below[1], False, n)
        fb = f(b); n += 1
        if fb >= cible:
            x, fx, k, xl, fl = secante(f, cible, a, b, fa, fb, xtol=xtol, ytol=ytol)
            if abs(fx - cible) <= tolerance:
                return Inversion(x, fx, True, n + k)
            return Inversion(xl, fl, False, n + k)  # a jump inside the piece
        below = (b, fb)
    return Inversion(below[0], below[1], False, n)
