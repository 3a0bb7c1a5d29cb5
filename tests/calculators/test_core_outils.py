"""Shared helpers of calculators/core: rounding, scales, inversion."""

from __future__ import annotations

import math

import pytest

from calculators.core import arrondi
from calculators.core.bareme import grille, marginal, tranche
from calculators.core.inversion import inverser, secante


@pytest.mark.parametrize("x,cents", [(2.675, 2.68), (2.665, 2.67), (-2.675, -2.68), (0.005, 0.01),
                                     (0.0049, 0.0), (1234.5649, 1234.56), (-0.004, 0.0)])
def test_cents_half_away_from_zero(x, cents):
    assert arrondi.cents(x) == cents


def test_decimales():
    # CSS D241-7: coefficient "arrondi à quatre décimales"
    assert arrondi.decimales(0.18388889, 4) == 0.1839
    assert arrondi.decimales(0.23499322, 4) == 0.2350
    assert arrondi.decimales(0.00005, 4) == 0.0001
    assert arrondi.euros(1657.5) == 1658


def test_tranche():
    # T1 and T2 of a 9 000 € pay with a 4 005 € ceiling
    assert tranche(9000, 0, 4005) == 4005
    assert tranche(9000, 4005, 8 * 4005) == 4995
    assert tranche(3000, 4005, 8 * 4005) == 0
    assert tranche(40000, 4005, 8 * 4005) == 28035  # 32 040 − 4 005
    assert tranche(40000, 16020) == 23980


GRID = [{"plafond": 1635, "taux": 0}, {"plafond": 1698, "taux": 0.005}, {"taux": 0.43}]


def test_grille_takes_the_rate_of_the_bracket():
    assert grille(1635, GRID) == 0  # "≤ plafond"
    assert grille(1635.01, GRID) == 0.005
    assert grille(10**6, GRID) == 0.43
    with pytest.raises(ValueError):
        grille(5000, GRID[:2])


def test_marginal_scale():
    # CSG base: 98.25 % up to 4 PSS, 100 % above, PSS 4 005 → 16 020
    scale = [{"plafond": 4, "taux": 0.9825}, {"taux": 1}]
    assert marginal(20000, scale, 4005) == pytest.approx(16020 * 0.9825 + 3980)
    assert marginal(10000, scale, 4005) == pytest.approx(9825)


def test_secante_is_exact_on_a_line():
    calls = []

    def f(x):
        calls.append(x)
        return 1.42 * x + 20

    x, fx, n, _lo, _flo = secante(f, 5000, 0, 10000)
    assert fx == pytest.approx(5000, abs=1e-9) and x == pytest.approx(4980 / 1.42)
    assert n <= 4


def test_inverser_handles_a_curve_and_jumps():
    # increasing, curved below 100, jumps up by 50 at 100, and down by 5 at 200
    def f(x):
        y = x + math.sqrt(x)
        if x >= 100:
            y += 50
        if x > 200:
            y -= 5
        return y

    cuts = [100, 200]
    r = inverser(f, 60, 0, 1000, cuts)
    assert r.atteint and f(r.x) == pytest.approx(60, abs=1e-8)
    # inside the upward jump: not reached, the highest x below it
    r = inverser(f, 130, 0, 1000, cuts)
    assert not r.atteint and r.x == pytest.approx(100, abs=1e-6) and r.fx < 130
    # in the overlap of the downward jump two x answer: the smaller one
    target = f(200) - 2
    r = inverser(f, target, 0, 1000, cuts)
    assert r.atteint and r.x < 200
    # below the function's range
    r = inverser(f, -1, 0, 1000, cuts)
    assert not r.atteint and r.x == 0
