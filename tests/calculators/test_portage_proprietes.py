"""Properties of the portage and TJM calculators, on inputs drawn by hypothesis.

- Any JSON object yields a result or per-field French errors, never an exception.
- net after tax ≤ net before tax < gross < employer cost of the pay ≤ budget.
- The net grows with the TJM, and a one-cent change of the TJM moves the net by at
  most the change of the turnover (jours × 1 cent) plus two cents of rounding —
  except where the gross pay or the gross total (pay + réserve) crosses a legal
  threshold, named here:
    * 1 PSS: the CET (contribution d'équilibre technique) applies to the whole base
      once it exceeds the ceiling (ANI Agirc-Arrco; modele-social
      « salarié . cotisations . CET »): the net drops by a few euros;
    * 3 SMIC (2026): the RGDU stops (CSS L241-13): the employer cost jumps by the
      minimum coefficient times the gross, so the net stays flat, then jumps;
    * 2.25 and 3.3 SMIC (2025): the reduced maladie and allocations familiales
      rates stop (CSS D242-3, D241-3-1), the employer cost jumps.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import calculators

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12),
    st.sampled_from(["600", "18,5", "0,08", "cdd", "cdi", "oui", "non", "2026-07-01", "2031-01-01",
                     "senior", "global", "annee", "net_apres_impot", "salaire_actuel", "1e400", "-0"]),
)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=5)


def _keys(name):
    return [f.name for f in calculators.get(name).FIELDS]


def _raw(name):
    return st.dictionaries(st.sampled_from(_keys(name) + ["inconnu", ""]), json_values, max_size=8)


def _check_outcome(out):
    assert isinstance(out, dict) and isinstance(out["ok"], bool)
    if out["ok"]:
        assert isinstance(out["result"]["net_avant_impot"], float)
    else:
        assert out["errors"] and all(isinstance(k, str) and isinstance(v, str) and v for k, v in out["errors"].items())


@settings(max_examples=150, **SETTINGS)
@given(_raw("portage"))
def test_portage_any_json_gives_a_result_or_errors(raw):
    _check_outcome(calculators.run("portage", raw))


@settings(max_examples=100, **SETTINGS)
@given(_raw("tjm"))
def test_tjm_any_json_gives_a_result_or_errors(raw):
    _check_outcome(calculators.run("tjm", raw))


dates = st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31)).map(dt.date.isoformat)
missions = st.fixed_dictionaries({
    "tjm": st.integers(150, 2500).map(float),
    "jours": st.integers(2, 44).map(lambda h: h / 2),
    "frais_gestion": st.integers(0, 200).map(lambda x: x / 1000),
    "contrat": st.sampled_from(["cdi", "cdd"]),
    "conges_payes": st.sampled_from(["mensualises", "a_la_prise"]),
    "cadre": st.booleans(),
    "date": dates,
})


@settings(max_examples=120, **SETTINGS)
@given(missions)
def test_net_below_gross_below_cost(raw):
    out = calculators.run("portage", raw)
    if not out["ok"]:  # turnover below the fees: an error on the TJM, never anything else
        assert set(out["errors"]) <= {"tjm", "jours"}
        return
    r = out["result"]
    assert r["net_apres_impot"] <= r["net_avant_impot"] < r["salaire_brut"] < r["cout_employeur_salaire"] <= r["cout_employeur"]
    assert 0 < r["taux_restitution"] < 1


def _thresholds(raw: dict) -> list[float]:
    """The gross pays where the salaried rules jump, as ``salarie`` lists them for its
    own inversions (``cotisations_salariales.ruptures``): 1 PSS (CET), and 3 SMIC (RGDU exit) in 2026; in
    2025 the limits of the reduced maladie (2.25 SMIC) and allocations familiales
    (3.3 SMIC) rates.  For a CDD the model's gross includes the 10 % indemnity, so
    the same limits are also taken divided by 1.1."""
    from calculators.regles import cotisations_salariales as salarie

    out = []
    effectif = next(f for f in calculators.get("portage").FIELDS if f.name == "effectif").default_value()
    for contrat in ("cdi", "cdd"):
        # with the month's working time (its days × 12 as a forfait, 218 at most), as portage costs it
        v = salarie.valeurs(date=raw["date"], cadre=raw["cadre"], contrat=contrat, effectif=effectif,
                            temps_travail="forfait_jours", jours_forfait=min(218, raw["jours"] * 12))
        out += salarie.ruptures(salarie.Situation(v))
    return out


def _crosses(r1, r2, limits) -> bool:
    amounts = [r1["salaire_brut"], r2["salaire_brut"], r1["remuneration_brute"], r2["remuneration_brute"],
               r1["remuneration_brute"] + r1["reserve_financiere"], r2["remuneration_brute"] + r2["reserve_financiere"]]
    lo, hi = min(amounts) - 2, max(amounts) + 2
    return any(lo <= x <= hi for x in limits)


@settings(max_examples=150, **SETTINGS)
@given(missions, st.sampled_from([0.01, 0.01, 1.0, 37.0]))
def test_net_grows_with_tjm_without_jumps(raw, delta):
    a = calculators.run("portage", raw)
    b = calculators.run("portage", {**raw, "tjm": raw["tjm"] + delta})
    if not (a["ok"] and b["ok"]):
        return
    r1, r2 = a["result"], b["result"]
    d_ca = r2["chiffre_affaires"] - r1["chiffre_affaires"]
    d_net = r2["net_avant_impot"] - r1["net_avant_impot"]
    if _crosses(r1, r2, _thresholds(raw)):
        return  # a named legal threshold lies between the two (see the module docstring)
    assert -0.01 <= d_net <= d_ca + 0.02, (r1["salaire_brut"], r2["salaire_brut"], d_ca, d_net)
    assert r2["reserve_nette"] >= r1["reserve_nette"] - 0.02


fee_inputs = st.fixed_dictionaries({
    "frais_gestion": st.integers(0, 300).map(lambda x: x / 1000),
    "frais_gestion_seuil_1": st.one_of(st.none(), st.integers(10_000, 200_000).map(float)),
    "frais_gestion_2": st.integers(0, 300).map(lambda x: x / 1000),
    "frais_gestion_mode": st.sampled_from(["tranches", "global"]),
    "frais_gestion_plafond": st.one_of(st.none(), st.integers(50, 3000).map(float)),
})


@settings(max_examples=200, **SETTINGS)
@given(fee_inputs, st.integers(100, 5_000_000).map(lambda c: c / 100))
def test_turnover_for_fee_base_inverts_the_fee(values, left):
    """The TJM calculator's inverse: turnover − fee(turnover) = the amount asked,
    to the cent (up to the rounding of the fee, and except inside a jump of the
    global mode, where the smallest turnover above is returned)."""
    from calculators import portage

    if values["frais_gestion_seuil_1"] is None:
        values = {**values, "frais_gestion_2": None}
    ca = portage.turnover_for_fee_base(left, values)
    got = ca - portage.management_fee(ca, values)[0]
    assert got >= left - 0.01
    if values["frais_gestion_mode"] == "tranches" or values["frais_gestion_seuil_1"] is None:
        assert got <= left + 0.01


def _solved(raw) -> list:
    """(budget, costing, parts) of each solve_base call while the portage calculator runs."""
    from calculators.regles import portage_salarial

    seen = []
    real = portage_salarial.solve_base

    def spy(budget, costing):
        parts = real(budget, costing)
        seen.append((budget, costing, parts))
        return parts

    portage_salarial.solve_base = spy
    try:
        calculators.run("portage", raw)
    finally:
        portage_salarial.solve_base = real
    return seen


@settings(max_examples=120, **SETTINGS)
@given(missions)
@example({"tjm": 500.0, "jours": 18.0, "frais_gestion": 0.1, "contrat": "cdi", "conges_payes": "mensualises",
          "cadre": True, "date": "2026-07-01"})  # a budget inside a step of the employer cost
def test_the_base_is_the_last_cent_whose_cost_fits_the_budget(raw):
    """solve_base: the largest salaire de base, to the cent, whose gross total costs the
    employer at most the budget, also where the cost jumps at a threshold and no base
    meets the budget exactly."""
    for budget, costing, parts in _solved(raw):
        base = parts["salaire_base"]
        if base > 0:
            assert costing.total_cost(parts) <= budget
        above = costing.rates.parts(round(base * 100 + 1) / 100)
        assert costing.total_cost(above) > budget, (budget, base)
