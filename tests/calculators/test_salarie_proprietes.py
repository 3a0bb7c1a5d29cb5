"""Properties of `salarie` that must hold for every input (hypothesis).

- Any JSON object yields a result or per-field French errors, never an exception.
- 0 < net before tax < gross < employer cost, for a positive gross.
- The net grows with the gross, and a one-cent raise moves it by at most a
  cent; the employer cost moves by at most its slope (under 1.5 cent) plus
  rounding, except at the legal thresholds named here:
    * CET (Agirc-Arrco contribution d'équilibre technique): due on the whole
      base as soon as it exceeds 1 PSS (ANI 17 novembre 2017, art. 39): the net
      drops by 0.14 % of the PSS and the cost rises by 0.21 % of it;
    * RGDU exit at 3 SMIC (CSS L241-13): the reduction falls from Tmin = 2 % of
      the base to zero, the cost jumps up;
    * RGDU coefficient rounded to 4 decimals (CSS D241-7): below 3 SMIC the
      cost steps up by at most base × 0.0001 where the coefficient ticks down;
    * 2025 only: end of the reduced maladie rate at 2.25 SMIC and of the
      reduced allocations familiales rate at 3.3 SMIC (CSS L241-2-1, L241-6-1),
      and the réduction générale's coefficient, rounded likewise;
    * net after tax: the brackets of the neutral withholding grid (CGI 204 H).
"""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators
from calculators import salarie

FIELD_NAMES = [f.name for f in salarie.FIELDS]

json_scalars = st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=True, allow_infinity=True) \
    | st.text(max_size=12) | st.sampled_from(["", " ", "4 000,50", "1e400", "oui", "non", "cdd", "cdi",
                                              "forfait_jours", "2026-07-01", "2024-12-31", "NaN", "-3"])
json_values = st.recursive(json_scalars, lambda ch: st.lists(ch, max_size=3) | st.dictionaries(st.text(max_size=5), ch, max_size=3),
                           max_leaves=6)
json_objects = st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(string.ascii_letters + "_", max_size=10),
                               json_values, max_size=8)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_objects | json_values)
def test_any_json_gives_a_result_or_french_errors(raw):
    out = calculators.run("salarie", raw)
    assert set(out) in ({"ok", "result"}, {"ok", "errors"})
    if out["ok"]:
        assert isinstance(out["result"]["net_avant_impot"], float)
    else:
        assert out["errors"] and all(isinstance(k, str) and isinstance(v, str) and v for k, v in out["errors"].items())


situations = st.fixed_dictionaries({
    "cadre": st.booleans(),
    "contrat": st.sampled_from(["cdi", "cdd"]),
    "effectif": st.sampled_from([1, 5, 10, 11, 19, 20, 49, 50, 60, 249, 250, 1999, 2000, 5000]),
    "date": st.sampled_from(["2025-01-01", "2025-04-30", "2025-05-01", "2025-12-31", "2026-01-01",
                             "2026-05-31", "2026-06-01", "2026-12-31"]),
    "mutuelle_montant": st.sampled_from([0, 40, 95.5, 300]),
    "mutuelle_part_employeur": st.sampled_from([0.5, 0.6, 1.0]),
    "taux_atmp": st.sampled_from([None, 0.0, 0.009, 0.0208, 0.05]),
}) | st.fixed_dictionaries({
    "temps_travail": st.just("forfait_jours"),
    "jours_forfait": st.integers(20, 218),
    "date": st.sampled_from(["2025-06-01", "2026-02-01", "2026-07-01"]),
})
cents = st.integers(1_000, 6_000_000).map(lambda c: c / 100)  # 10 € to 60 000 € a month


def _thresholds(r: dict, situation: dict) -> list[float]:
    """Contractual grosses where a named legal threshold sits, for this situation."""
    k = r["remuneration_brute"] / r["salaire_brut"] if r["salaire_brut"] else 1.0
    pss, smic = r["plafond_securite_sociale"], r["smic"]
    out = [pss / k, 3 * smic / k]
    if situation["date"] < "2026":
        # 2025 reduced rates; the SMIC of reference 11.88 €/h equals the 2025 SMIC
        out += [2.25 * smic / k, 3.3 * smic / k, 1.6 * smic / k]
    return out


@settings(max_examples=300, deadline=None)
@given(situations, cents)
def test_net_below_gross_below_cost(situation, brut):
    r = salarie.calculer(salaire_brut=brut, **situation)
    assert r["net_avant_impot"] < r["salaire_brut"] <= r["remuneration_brute"] < r["cout_employeur"]
    assert r["net_apres_impot"] <= r["net_avant_impot"]
    assert r["net_imposable"] > r["net_avant_impot"]


@settings(max_examples=300, deadline=None)
@given(situations, cents, st.integers(1, 100_000))
def test_net_grows_with_gross(situation, brut, raise_cents):
    hi = round(brut + raise_cents / 100, 2)
    a = salarie.calculer(salaire_brut=brut, **situation)
    b = salarie.calculer(salaire_brut=hi, **situation)
    pss = a["plafond_securite_sociale"] / (a["remuneration_brute"] / a["salaire_brut"])
    if brut <= pss < hi:
        # named threshold: the CET starts above 1 PSS and takes 0.14 % of the
        # whole base from the net; the net is back above once the raise covers it
        assert b["net_avant_impot"] >= a["net_avant_impot"] - 0.0014 * a["plafond_securite_sociale"] - 0.01
    else:
        assert b["net_avant_impot"] >= a["net_avant_impot"]
    # the employer cost never goes down: every legal jump of it is upwards
    assert b["cout_employeur"] >= a["cout_employeur"]


@settings(max_examples=500, deadline=None)
@given(situations, cents)
def test_one_cent_raise_moves_figures_by_a_cent_except_at_named_thresholds(situation, brut):
    a = salarie.calculer(salaire_brut=brut, **situation)
    b = salarie.calculer(salaire_brut=round(brut + 0.01, 2), **situation)
    crossed = any(brut <= t < brut + 0.01 + 1e-9 for t in _thresholds(a, situation))
    d_net = round(b["net_avant_impot"] - a["net_avant_impot"], 2)
    d_cost = round(b["cout_employeur"] - a["cout_employeur"], 2)
    if crossed:
        return  # a named legal threshold lies between the two grosses
    # net: slope under 1 (the CDD's 10 % indemnity makes it 1.1 × 0.8 < 1)
    assert 0 <= d_net <= 0.01, (d_net, a["salaire_brut"])
    # cost: slope at most 1.1 × 1.46 ≈ 1.6 cent per cent, plus one cent of rounding,
    # plus the step of the reduction's coefficient (4 decimals) where it applies
    step = 0.0001 * a["assiette_cotisations"] if a["reduction_generale"] else 0.0
    assert 0 <= d_cost <= 0.03 + step, (d_cost, a["salaire_brut"])


@settings(max_examples=200, deadline=None)
@given(situations, cents)
def test_result_shape(situation, brut):
    r = salarie.calculer(salaire_brut=brut, **situation)
    for key in ("salaire_brut", "cout_employeur", "net_avant_impot", "net_imposable", "prelevement_source",
                "net_apres_impot", "cotisations_salariales", "cotisations_patronales"):
        assert isinstance(r[key], float) and r[key] == round(r[key], 2)
    assert round(sum(p["montant"] for p in r["repartition"]), 2) == r["cout_employeur"]
    # the payslip's columns add up to the totals, each line within a cent of its exact value
    assert round(sum(ln["montant_salarial"] or 0 for ln in r["lignes"]), 2) == r["cotisations_salariales"]
    assert round(sum(ln["montant_patronal"] or 0 for ln in r["lignes"]), 2) == r["cotisations_patronales"]
    assert all(ln["reference"] for ln in r["lignes"])
    assert r["sources"] and all(s["reference"] for s in r["sources"])
