"""Properties of the EURL calculator, on inputs drawn by hypothesis.

- Any JSON object yields a result or per-field French errors, never an exception.
- net after tax ≤ net < budget; budget = net + contributions (to the cent).
- The net grows with the budget (the marginal rate of the TNS contributions
  stays below 100 %), but for two roundings of the law: each contribution line
  is rounded to the euro (9 lines: at most 4.50 € against the order), and the
  maladie rate (and the allocations familiales rate, between 110 % and 140 %
  PASS) is rounded to 0.01 %: when it ticks up, the contribution grows by
  0.01 % of the base at once, at most 0.01 % × 3 PASS (14.42 € in 2026), the
  two ticks together at most 2 × 0.01 % × 140 % PASS.
- Budget asked → budget found exactly.  Net asked → net found exactly, except
  where no budget gives it: the abattement is rounded to the euro, and when it
  ticks up the base falls by 1 € and each line by at most 1 €, so the net jumps
  over a euro or so; the smallest budget that reaches the net is then given
  (its net is above by less than the 9 lines' euro) and an alert says so.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators
from calculators.core.parametres import valeur

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12),
    st.sampled_from(["60000", "0,5", "annee", "mois", "artisanale", "liberale", "2026-07-01", "1e400", "-0"]),
)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=5)
keys = [f.name for f in calculators.get("eurl").FIELDS] + ["inconnu", ""]
dates = st.sampled_from(["2025-03-01", "2026-01-01", "2026-07-01"])
activites = st.sampled_from(["commerciale", "liberale", "artisanale"])


@settings(max_examples=200, **SETTINGS)
@given(st.dictionaries(st.sampled_from(keys), json_values, max_size=8))
def test_any_json_gives_a_result_or_french_errors(raw):
    out = calculators.run("eurl", raw)
    assert isinstance(out["ok"], bool)
    if out["ok"]:
        assert isinstance(out["result"]["revenu_net_total"], float)
    else:
        assert out["errors"] and all(isinstance(k, str) and isinstance(v, str) and v for k, v in out["errors"].items())


@settings(max_examples=100, **SETTINGS)
@given(budget=st.floats(3_000, 600_000), date=dates, activite=activites,
       resultat=st.one_of(st.none(), st.floats(0, 1_000_000)), capital=st.floats(0, 200_000))
def test_order_of_the_figures(budget, date, activite, resultat, capital):
    inp = {"cout_total": budget, "date": date, "activite": activite, "capital_social": capital}
    if resultat is not None:
        inp["resultat_avant_remuneration"] = resultat
    r = calculators.run("eurl", inp)["result"]
    assert r["net_apres_impot"] <= r["net_avant_impot"] < r["cout_total"]
    assert abs(r["net_avant_impot"] + r["cotisations"] - r["cout_total"]) < 0.011
    assert abs(r["cout_total"] - round(budget, 2)) < 0.011
    if resultat is not None:
        assert r["dividendes_nets"] <= r["dividendes_bruts"]
        assert r["cotisations_dividendes"] + r["prelevements_sociaux_dividendes"] + r["impot_dividendes"] >= 0


@settings(max_examples=100, **SETTINGS)
@given(a=st.floats(3_000, 400_000), b=st.floats(3_000, 400_000), date=dates)
def test_net_grows_with_the_budget(a, b, date):
    lo, hi = sorted((a, b))
    ra = calculators.run("eurl", {"cout_total": lo, "date": date})["result"]
    rb = calculators.run("eurl", {"cout_total": hi, "date": date})["result"]
    d = dt.date.fromisoformat(date)
    pss = 12 * valeur("securite_sociale.plafond_mensuel", d)
    pas = valeur("tns.cotisations.maladie.arrondi_taux", d)
    tick = max(pas * valeur("tns.cotisations.maladie.plafond_taux_progressif_pss", d) * pss, 2 * pas * 1.4 * pss)
    assert rb["net_avant_impot"] >= ra["net_avant_impot"] - 4.5 - tick


@settings(max_examples=60, **SETTINGS)
@given(net=st.floats(0, 300_000), date=dates, periode=st.sampled_from(["annee", "mois"]))
def test_net_asked_is_net_found(net, date, periode):
    r = calculators.run("eurl", {"remuneration_nette": net, "date": date, "periode": periode})["result"]
    k = 12 if periode == "mois" else 1
    ecart = (r["net_avant_impot"] - round(net, 2)) * k   # yearly
    assert -0.011 * k < ecart < 9
    if ecart > 0.011 * k:
        assert any("Aucun budget ne donne exactement ce net" in a["message"] for a in r["alertes"])
    # the budget is consistent: net + contributions
    assert abs(r["net_avant_impot"] + r["cotisations"] - r["cout_total"]) < 0.011
