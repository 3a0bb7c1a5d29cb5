"""Properties of the « annee » calculator, on inputs drawn by hypothesis.

- Any JSON object yields a result or French errors, never an exception.
- More mission days never leave less at the year's end, before income tax:
  the savings balance at 31 December, plus the income tax withheld in the year
  (the neutral withholding rate goes up by steps of the month's pay, so a little
  more pay can be withheld a little more: regularised the next year, not a loss),
  plus for portage what the firm still owes (the réserve or the end-of-contract
  indemnity not yet paid: a day of mission in a prospection month keeps it for
  later).  Added days stay inside the run of missions at the start of the year:
  a mission that delays the end of a contract also delays the ARE, which then
  falls partly in the following year — real, and not a loss of rights either.
"""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import calculators

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**9, 10**9),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12),
    st.sampled_from(["600", "4 500,50", "tous", "cdi", "portage_cdi", "portage_cdd", "micro", "eurl", "sasu",
                     "lissee", "par_mission", "licenciement", "suspendu", "rupture_conventionnelle", "aucune",
                     "2026-07-01", "2024-01-01", "2031-01-01", "oui", "1e400", "-0", "0", "31", "12,5"]),
)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=5)
KEYS = [f.name for f in calculators.get("annee").FIELDS] + ["inconnu"]


@settings(max_examples=120, **SETTINGS)
@given(st.dictionaries(st.sampled_from(KEYS), json_values, max_size=10))
def test_any_json_gives_a_result_or_french_errors(raw):
    raw.setdefault("statut", "portage_cdi")  # one status per example keeps the run short
    out = calculators.run("annee", raw)
    assert isinstance(out["ok"], bool)
    if not out["ok"]:
        assert out["errors"] and all(isinstance(k, str) and isinstance(v, str) and v
                                     for k, v in out["errors"].items())
        assert all(" the " not in v.lower() for v in out["errors"].values())


def _fin(r):
    col = r["colonnes"][0]
    impot = sum(row["net_avant_impot"] - row["net_apres_impot"] for row in r["mois"])
    return col["epargne_fin"] + impot + (col.get("reserve") or {}).get("restante", 0.0)


annees = st.fixed_dictionaries({
    "statut": st.sampled_from(["cdi", "portage_cdi", "portage_cdd", "micro", "eurl", "sasu"]),
    "tjm": st.integers(150, 1500),
    "jours": st.integers(1, 22),
    "mois_mission": st.integers(1, 12),
    "frais": st.sampled_from([0, 100, 400]),
    "remuneration": st.sampled_from(["lissee", "par_mission"]),
    "mois_prospection": st.integers(0, 3),
    "fin_portage": st.sampled_from(["licenciement", "suspendu"]),
    "date": st.sampled_from(["2025-06-01", "2026-06-01"]),
})



@settings(max_examples=60, **SETTINGS)
@given(annees, st.integers(1, 12), st.integers(1, 8))
def test_more_mission_days_never_leave_less_at_the_year_end(e, mois, plus):
    base = calculators.run("annee", e)
    assume(base["ok"])
    jours = base["result"]["jours_mois"]
    # add days inside the run of missions (no contract has ended before that month)
    assume(mois <= e["mois_mission"])
    more = {**e, f"jours_{mois:02d}": min(jours[mois - 1] + plus, 31)}
    out = calculators.run("annee", more)
    assume(out["ok"])
    assert _fin(out["result"]) >= _fin(base["result"]) - 0.01
