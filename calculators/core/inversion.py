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

The other searches of the package, each once:

- :func:`polir`: from the unrounded solution to the whole cent whose rounded
  amount is closest to the target (payslip rounding);
- :func:`centime_sous`: the last whole cent below a jump;
- :func:`premier_vrai`, :func:`plus_petit_atteignant`: bisection on whole cents,
  and the smallest cent reaching a target across the drops of a function (a
  withholding bracket, the CET above 1 PSS);
- :func:`resoudre_croissante`: a bracketed secant with a growing upper bound;
- :func:`plus_petit_x`: bisection for the smallest ``x`` reaching a target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

CENT = 1 / 100


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
        fa = f(a)
        n += 1
    if fb is None:
        fb = f(b)
        n += 1
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
        fx = f(x)
        n += 1
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
        fa = f(a)
        n += 1
        if fa > cible:
            if below is None:
                return Inversion(a, fa, abs(fa - cible) <= tolerance, n)
            return Inversion(below[0], below[1], False, n)
        fb = f(b)
        n += 1
        if fb >= cible:
            x, fx, k, xl, fl = secante(f, cible, a, b, fa, fb, xtol=xtol, ytol=ytol)
            if abs(fx - cible) <= tolerance:
                return Inversion(x, fx, True, n + k)
            return Inversion(xl, fl, False, n + k)  # a jump inside the piece
        below = (b, fb)
    return Inversion(below[0], below[1], False, n)


def polir(f, cible: float, x0: float):
    """The gross in whole cents whose rounded amount is closest to ``cible``
    (on a tie, the lower amount).  ``x0`` solves the unrounded equation."""
    def c(x):
        return max(0.0, round(x, 2))
    lo = c(math.floor(x0 * 100 + 1e-6) / 100)
    hi = c(lo + CENT)
    flo, fhi = f(lo), f(hi)
    best = min((abs(cible - flo), flo, lo), (abs(cible - fhi), fhi, hi))
    if best[0] < CENT / 2:
        return best[2], best[1]
    # The rounded reduction coefficient moves the amount away from the
    # unrounded one: a few secant steps on the rounded function, then the
    # neighbouring cents.
    slope = (fhi - flo) / CENT if fhi > flo else 1.0
    x, fx = best[2], best[1]
    for _ in range(4):
        step = round((cible - fx) / slope, 2)
        if step == 0:
            break
        x = c(x + step)
        fx = f(x)
        best = min(best, (abs(cible - fx), fx, x))
    xb = best[2]
    for d in (-2, -1, 1, 2):
        xx = c(xb + d * CENT)
        fxx = f(xx)
        best = min(best, (abs(cible - fxx), fxx, xx))
    return best[2], best[1]


def centime_sous(f, cible: float, x0: float):
    """The highest whole cent at most ``x0`` whose (rounded) ``f`` does not pass
    ``cible``, and its ``f``: below a jump that ``cible`` falls in, the last cent
    before it.  Returns ``(x, f(x))``."""
    x = max(0.0, math.floor(x0 * 100 + 1e-6) / 100)
    fx = f(x)
    while fx > cible and x > 0:
        x = round(x - CENT, 2)
        fx = f(x)
    return x, fx


def premier_vrai(pred, lo: int, hi: int) -> int:
    """The integer in (lo, hi] where ``pred`` turns true: false at ``lo``, true at
    ``hi`` (a bisection; where ``pred`` is not monotone, one such crossing)."""
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if pred(mid):
            hi = mid
        else:
            lo = mid
    return hi


def plus_petit_atteignant(c: int, reaches, regime, lo: int = 0) -> int:
    """The smallest cent in (lo, c] that reaches the target, ``c`` reaching it and
    the cent below it not.  The net increases with the cent except where it
    drops, at the start of a new ``regime`` (a non-decreasing key: a withholding
    bracket, the CET above 1 PSS).  While the top of the regime before ``c``'s
    already reaches the target, the crossing is searched again below it."""
    while True:
        key = regime(c)
        if regime(lo) >= key:
            return c
        first = premier_vrai(lambda k, key=key: regime(k) >= key, lo, c)  # first cent of c's regime
        if first - 1 <= lo or not reaches(first - 1):
            return c
        c = premier_vrai(reaches, lo, first - 1)


def resoudre_croissante(f, target: float, lo: float, hi: float, tol: float = 0.005, max_iter: int = 60,
                        hi_max: float = 1e9) -> float | None:
    """x in [lo, hi] with f(x) ≈ target for an increasing f (Illinois-modified regula
    falsi: a secant kept inside its bracket).  ``hi`` is doubled until it brackets; None if it
    passes ``hi_max`` first (the target is out of reach)."""
    flo, fhi = f(lo) - target, f(hi) - target
    while fhi < 0:
        lo, flo = hi, fhi
        hi *= 2
        if hi > hi_max:
            return None
        fhi = f(hi) - target
    if flo >= 0:
        return lo
    side = 0
    x = hi
    for _ in range(max_iter):
        x = (lo * fhi - hi * flo) / (fhi - flo)
        fx = f(x) - target
        if abs(fx) <= tol or hi - lo < 1e-6:
            return x
        if fx < 0:
            lo, flo = x, fx
            if side == -1:
                fhi /= 2
            side = -1
        else:
            hi, fhi = x, fx
            if side == 1:
                flo /= 2
            side = 1
    return x


def plus_petit_x(f, cible: float, lo: float, hi: float, xtol: float = 1e-4, hi_max: float = 1e9) -> float | None:
    """The smallest ``x`` (within ``xtol``, from above) with ``f(x) >= cible`` for
    a non-decreasing ``f`` (a bisection, for piecewise-linear functions with
    kinks); ``hi`` is doubled until ``f(hi) >= cible``; None past ``hi_max``."""
    while f(hi) < cible:
        hi *= 2
        if hi > hi_max:
            return None
    for _ in range(200):
        mid = (lo + hi) / 2
        if f(mid) < cible:
            lo = mid
        else:
            hi = mid
        if hi - lo < xtol:
            break
    return hi
