"""Properties of the chomage and quitter_cdi calculators, on inputs drawn by hypothesis.

- Any JSON object yields a result or per-field French errors, never an exception.
- When rights open: floor ≤ AJ ≤ 75 % of the SJR (the cap wins over the floor: règlement
  art. 14-16), except that the AJ never exceeds the cap; the duration never exceeds the
  maximum for the age nor falls under the minimum; payment never starts before the day
  after the end of the contract plus the 7 days of délai d'attente; the net never exceeds
  the gross, the reduced AJ never exceeds the AJ.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators
from calculators.core.parametres import valeur

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**9, 10**9),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12),
    st.sampled_from(["5000", "4 500,50", "cdi", "cdd", "portage_cdi", "portage_cdd", "independant",
                     "licenciement", "rupture_conventionnelle", "fin_cdd", "demission", "suspension", "cessation",
                     "portage", "entreprise", "2026-07-01", "2024-01-01", "2031-01-01", "oui", "1e400", "-0"]),
)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=5)


def _keys(name):
    return [f.name for f in calculators.get(name).FIELDS]


def _assert_french_errors(out):
    assert out["errors"] and all(isinstance(k, str) and isinstance(v, str) and v for k, v in out["errors"].items())


@settings(max_examples=200, **SETTINGS)
@given(st.dictionaries(st.sampled_from(_keys("chomage") + ["inconnu"]), json_values, max_size=10))
def test_chomage_any_json_gives_a_result_or_french_errors(raw):
    out = calculators.run("chomage", raw)
    assert isinstance(out["ok"], bool)
    if not out["ok"]:
        _assert_french_errors(out)


@settings(max_examples=150, **SETTINGS)
@given(st.dictionaries(st.sampled_from(_keys("quitter_cdi") + ["inconnu"]), json_values, max_size=8))
def test_quitter_cdi_any_json_gives_a_result_or_french_errors(raw):
    out = calculators.run("quitter_cdi", raw)
    assert isinstance(out["ok"], bool)
    if not out["ok"]:
        _assert_french_errors(out)


entrees = st.fixed_dictionaries({
    "salaire_brut": st.floats(0, 30_000).map(lambda x: round(x, 2)),
    "mois_travailles": st.integers(0, 36),
    "primes": st.floats(0, 50_000).map(lambda x: round(x, 2)),
    "jours_non_travailles": st.integers(0, 400),
    "age": st.integers(18, 70),
    "fin_contrat": st.dates(dt.date(2025, 4, 1), dt.date(2026, 12, 31)).map(dt.date.isoformat),
    "contrat": st.sampled_from(["cdi", "portage_cdi", "cdd", "portage_cdd"]),
    "indemnite_rupture": st.floats(0, 200_000).map(lambda x: round(x, 2)),
    "indemnite_conges_payes": st.floats(0, 30_000).map(lambda x: round(x, 2)),
    "jours_avant_creation": st.integers(0, 900),
})


@settings(max_examples=300, **SETTINGS)
@given(entrees)
def test_allowance_duration_and_start_stay_within_the_rules(e):
    e = dict(e)
    e["mode_rupture"] = "fin_cdd" if e["contrat"].endswith("cdd") else "licenciement"
    out = calculators.run("chomage", e)
    if not out["ok"]:
        assert set(out["errors"]) <= {"mois_travailles", "jours_non_travailles"}
        return
    r = out["result"]
    if not r["droits_ouverts"]:
        return
    fin = dt.date.fromisoformat(e["fin_contrat"])
    plafond = 0.75 * r["sjr"]
    assert r["allocation_journaliere"] <= plafond + 0.01
    minimum = valeur("chomage.allocation.minimum", fin)
    assert r["allocation_journaliere"] >= min(minimum, plafond) - 0.01
    assert r["allocation_journaliere_nette"] <= r["allocation_journaliere"]
    assert r["allocation_degressive"] <= r["allocation_journaliere"]
    age = e["age"]
    maximum = (822 if age >= 57 else 685 if age >= 55 else 548)     # règlement art. 9, since 1 April 2025
    assert 182 <= r["duree_jours"] <= maximum
    assert dt.date.fromisoformat(r["date_premier_jour"]) >= fin + dt.timedelta(days=8)
    assert r["arce_net"] <= r["droits_restants_creation"] <= r["total_droits"] + 0.01
