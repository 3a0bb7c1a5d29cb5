"""Properties of the SASU calculator, on inputs drawn by hypothesis.

- Any JSON object yields a result or per-field French errors, never an exception.
- net after tax ≤ net before tax < gross < total cost, and the total net
  (pay after tax + dividends) never exceeds what the company had.
- The net grows with the gross, except where the gross crosses 1 PSS
  (12 × 4 005 = 48 060 €/an in 2026): the CET (contribution d'équilibre
  technique, modele-social « salarié . cotisations . CET ») then applies to the
  whole base and the net drops by 0.14 % of it.
- From a total cost, the cost found is the one asked to a few cents a year
  (monthly gross in whole cents).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])
PSS_AN = {"2025": 12 * 3_925, "2026": 12 * 4_005}

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12),
    st.sampled_from(["60000", "3 000", "0,5", "annee", "mois", "oui", "non", "2026-07-01", "2031-01-01", "1e400", "-0"]),
)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=5)
keys = [f.name for f in calculators.get("sasu").FIELDS] + ["inconnu", ""]
dates = st.sampled_from(["2025-03-01", "2026-01-01", "2026-07-01"])


@settings(max_examples=200, **SETTINGS)
@given(st.dictionaries(st.sampled_from(keys), json_values, max_size=8))
def test_any_json_gives_a_result_or_french_errors(raw):
    out = calculators.run("sasu", raw)
    assert isinstance(out["ok"], bool)
    if out["ok"]:
        assert isinstance(out["result"]["revenu_net_total"], float)
    else:
        assert out["errors"] and all(isinstance(k, str) and isinstance(v, str) and v for k, v in out["errors"].items())


@settings(max_examples=120, **SETTINGS)
@given(brut=st.floats(5_000, 400_000), resultat=st.one_of(st.none(), st.floats(-50_000, 1_000_000)), date=dates,
       part=st.floats(0, 1))
def test_order_of_the_figures(brut, resultat, date, part):
    inp = {"remuneration_brute": brut, "date": date, "part_distribuee": part}
    if resultat is not None:
        inp["resultat_avant_remuneration"] = resultat
    r = calculators.run("sasu", inp)["result"]
    assert r["net_apres_impot"] <= r["net_avant_impot"] < r["remuneration_brute"] < r["cout_total"]
    assert abs(r["cout_total"] - r["remuneration_brute"] - r["cotisations_patronales"]) < 0.011
    if resultat is not None:
        assert r["dividendes_nets"] <= r["dividendes_bruts"] <= max(0.0, resultat - r["cout_total"]) + 0.01
        assert r["revenu_net_total"] <= max(resultat, r["cout_total"])


@settings(max_examples=120, **SETTINGS)
@given(a=st.floats(1_000, 300_000), b=st.floats(1_000, 300_000), date=dates)
def test_net_grows_with_the_gross_except_across_the_cet(a, b, date):
    lo, hi = sorted((round(a, 2), round(b, 2)))
    pss = PSS_AN[date[:4]]
    ra = calculators.run("sasu", {"remuneration_brute": lo, "date": date})["result"]
    rb = calculators.run("sasu", {"remuneration_brute": hi, "date": date})["result"]
    assert rb["cout_total"] >= ra["cout_total"] - 0.12
    if lo <= pss < hi:
        # the CET on the whole base: at most 0.14 % × 8 PSS of net lost
        assert rb["net_avant_impot"] >= ra["net_avant_impot"] - 0.0014 * 8 * pss
    else:
        assert rb["net_avant_impot"] >= ra["net_avant_impot"] - 0.12   # 12 monthly cents of rounding


@settings(max_examples=80, **SETTINGS)
@given(cout=st.floats(2_000, 500_000), date=dates)
def test_total_cost_is_found_again(cout, date):
    r = calculators.run("sasu", {"cout_total": cout, "date": date})["result"]
    # in the CET's jump (cost just above 1 PSS of gross) no gross gives that cost exactly
    assert abs(r["cout_total"] - cout) <= 0.12 or r["cout_total"] < cout
