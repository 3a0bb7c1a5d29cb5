"""Inversions of `salarie`: from an employer cost or a net to the gross.

What a caller can count on (see the docstring of calculators/salarie.py):
- from a net before tax: the net is hit to the cent (the net moves by less
  than a cent per cent of gross, so every cent is reachable), except inside
  the CET's drop above 1 PSS where two grosses answer and the smaller is taken;
- from an employer cost: the cost is hit to the cent where the cost function
  allows it (it moves by up to 1.5 cent per cent of gross, plus the steps of
  the RGDU coefficient rounded to 4 decimals, CSS D241-7); ``residu`` says by
  how much it misses;
- with ``exact=True`` (no rounding at all) the cost equals the budget to 1e-6 €,
  which is what the portage calculator needs to spend a budget to the cent;
- a target inside a legal jump (the RGDU's exit at 3 SMIC) is reported as not
  reached, with the highest gross below it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import salarie
from calculators.core import arrondi

SITUATIONS = [
    {"date": "2026-07-01", "cadre": True, "effectif": 20},
    {"date": "2026-01-15", "cadre": False, "effectif": 60, "contrat": "cdd"},
    {"date": "2025-03-01", "cadre": True, "effectif": 5},
    {"date": "2026-07-01", "temps_travail": "forfait_jours", "jours_forfait": 150, "effectif": 250},
]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SITUATIONS), st.integers(120_000, 4_000_000).map(lambda c: c / 100))
def test_net_is_hit_to_the_cent(situation, net):
    r = salarie.calculer(net_avant_impot=net, **situation)
    if r["inversion"]["atteint"]:
        assert r["net_avant_impot"] == net
        # and going forward from the gross found gives the same figures
        fwd = salarie.calculer(salaire_brut=r["salaire_brut"], **situation)
        assert fwd["net_avant_impot"] == net
        assert fwd["cout_employeur"] == r["cout_employeur"]
    else:
        # only below the net of the lowest gross (nothing to find) can the net be missed
        pytest.fail(f"net {net} not reached: {r['inversion']}")


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SITUATIONS), st.integers(150_000, 6_000_000).map(lambda c: c / 100))
def test_cost_is_hit_as_close_as_the_rules_allow(situation, cout):
    r = salarie.calculer(cout_employeur=cout, **situation)
    inv = r["inversion"]
    if not inv["atteint"]:
        # the only unreachable costs are inside an upward jump of the cost
        below = salarie.calculer(salaire_brut=r["salaire_brut"], **situation)["cout_employeur"]
        above = salarie.calculer(salaire_brut=round(r["salaire_brut"] + 0.01, 2), **situation)["cout_employeur"]
        assert below < cout < above and above - below > 1.0
        return
    step = 0.0001 * r["assiette_cotisations"] if r["reduction_generale"] else 0.0
    assert abs(r["cout_employeur"] - cout) <= 0.0101 + step
    assert inv["residu"] == pytest.approx(cout - r["cout_employeur"], abs=1e-9)


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("budget", [1900.0, 2731.37, 5000.0, 7777.77, 15000.01, 62000.0])
def test_exact_inversion_spends_a_budget_to_the_cent(situation, budget):
    inv = salarie.brut_depuis_cout_employeur(budget, situation, exact=True)
    if not inv["atteint"]:
        # a budget inside the RGDU's exit jump: nothing spends it exactly
        assert inv["cout_employeur"] < budget
        return
    assert abs(inv["residu"]) < 1e-6
    r = salarie.calculer(dict(situation, salaire_brut=inv["salaire_brut"]), exact=True)
    assert r["cout_employeur"] == pytest.approx(budget, abs=1e-6)
    assert arrondi.cents(r["cout_employeur"]) == budget


def test_inversion_is_cheap():
    # Performance is measured in bench/; here only the number of evaluations
    # of the pay function, which is what makes an inversion fast: a bracketed
    # secant on the piecewise structure instead of ~60 bisection steps.
    for situation in SITUATIONS:
        for cout in (2000, 3500, 5200, 9000, 40000):
            assert salarie.brut_depuis_cout_employeur(cout, situation, exact=True)["evaluations"] <= 30
        for net in (1500, 2600, 4000, 30000):
            assert salarie.brut_depuis_net(net, situation, exact=True)["evaluations"] <= 20


def test_cost_in_the_rgdu_exit_jump_is_reported():
    # July 2026, 20 employees: 3 SMIC = 5 601.05 €.  At 5 601.04 € the RGDU is
    # 2 % of the base (112.02 €), at 5 601.05 € nothing: the cost jumps by 112 €.
    lo = salarie.calculer(salaire_brut=5601.04, date="2026-07-01", effectif=20)["cout_employeur"]
    hi = salarie.calculer(salaire_brut=5601.05, date="2026-07-01", effectif=20)["cout_employeur"]
    assert hi - lo > 100
    r = salarie.calculer(cout_employeur=round((lo + hi) / 2, 2), date="2026-07-01", effectif=20)
    assert r["inversion"]["atteint"] is False
    assert r["salaire_brut"] == 5601.04 and r["cout_employeur"] == lo
    assert r["alertes"][0]["niveau"] == "attention"


def test_net_inside_the_cet_drop_takes_the_smaller_gross():
    # At 1 PSS (4 005 €, 2026) the CET is not due; one cent above, 0.14 % of the
    # whole base is: the net drops by about 5.61 €.  A net just below the net at
    # 1 PSS is reached twice; the smaller gross (below the PSS) is returned.
    at_pss = salarie.calculer(salaire_brut=4005, date="2026-07-01")
    above = salarie.calculer(salaire_brut=4005.01, date="2026-07-01")
    assert at_pss["net_avant_impot"] - above["net_avant_impot"] > 5
    target = round(at_pss["net_avant_impot"] - 1, 2)
    r = salarie.calculer(net_avant_impot=target, date="2026-07-01")
    assert r["net_avant_impot"] == target
    assert r["salaire_brut"] < 4005


def test_python_api_for_other_calculators():
    v = salarie.valeurs(cadre=True, effectif=50, date="2026-07-01")
    assert v["salaire_brut"] is None and v["contrat"] == "cdi"
    inv = salarie.brut_depuis_net(3000, v)
    assert inv["net_avant_impot"] == 3000 and inv["atteint"]
    r = salarie.compute(dict(v, salaire_brut=inv["salaire_brut"]))
    assert r["net_avant_impot"] == 3000
    with pytest.raises(calculators_InputError()):
        salarie.valeurs(effectif=-3)


def calculators_InputError():
    from calculators import InputError
    return InputError
