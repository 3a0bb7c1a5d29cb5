"""Properties of the micro-entreprise calculator, on inputs drawn by hypothesis.

- Any JSON object yields a result or per-field French errors, never an exception.
- 0 ≤ net after tax ≤ net before tax ≤ turnover; cotisations ≥ 0.
- The net grows with the turnover, up to the model's rounding: each monthly line
  is rounded to the euro, so one more euro of yearly turnover can add 1 € to a
  monthly line, i.e. 12 € a year (e.g. BNC 2025, 160 756 € → 3 295.498 €/month →
  3 295 €; 160 757 € → 3 295.519 → 3 296 €: the yearly net drops by 11 €).  So
  between two turnovers ``step`` € apart, the contributions move by at most
  step + 12 € per rounded line (contributions, chamber tax) and the net never
  drops by more than that; over 100 € or more, it grows.  No other jump.
- Named thresholds, the only places where a figure may jump:
    * the micro ceiling (CGI art. 50-0, 102 ter): no jump in the figures (the
      calculation stays the micro one), only the warning appears;
    * the versement libératoire eligibility (CGI art. 151-0): crossing
      plafond × parts with the revenu fiscal de référence switches the tax from the
      versement libératoire to the barème — a jump of the tax, and a warning.
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
    st.sampled_from(["60000", "4 500,50", "bnc_ssi", "bnc_cipav", "bic_services", "bic_ventes", "mois", "annee",
                     "oui", "non", "couple", "celibataire", "artisanale", "2026-07-01", "2024-01-01", "2031-01-01",
                     "1,5", "1e400", "-0"]),
)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=5)
KEYS = [f.name for f in calculators.get("micro").FIELDS]


@settings(max_examples=250, **SETTINGS)
@given(st.dictionaries(st.sampled_from(KEYS + ["inconnu", ""]), json_values, max_size=9))
def test_any_json_gives_a_result_or_french_errors(raw):
    out = calculators.run("micro", raw)
    assert isinstance(out, dict) and isinstance(out["ok"], bool)
    if out["ok"]:
        r = out["result"]
        for k in ("cotisations", "revenu_net", "chiffre_affaires", "impot_revenu", "revenu_net_apres_impot"):
            assert isinstance(r[k], float), k
    else:
        assert out["errors"] and all(isinstance(k, str) and isinstance(v, str) and v for k, v in out["errors"].items())


dates = st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31)).map(dt.date.isoformat)
cases = st.fixed_dictionaries({
    "chiffre_affaires": st.integers(0, 400_000).map(float),
    "activite": st.sampled_from(["bnc_ssi", "bnc_cipav", "bic_services", "bic_ventes"]),
    "nature_bic": st.sampled_from(["commerciale", "artisanale"]),
    "versement_liberatoire": st.booleans(),
    "situation_famille": st.sampled_from(["celibataire", "couple"]),
    "autres_revenus_imposables": st.integers(0, 150_000).map(float),
    "acre": st.booleans(),
    "date": dates,
})


def annuel(raw):
    out = calculators.run("micro", raw)
    assert out["ok"], out
    return out["result"]["annuel"]


@settings(max_examples=150, **SETTINGS)
@given(cases)
def test_net_is_between_zero_and_the_turnover(raw):
    a = annuel(raw)
    assert 0 <= a["cotisations"] <= a["chiffre_affaires"]
    assert a["revenu_net_apres_impot"] <= a["revenu_net"] <= a["chiffre_affaires"]
    assert a["impot_revenu"] >= 0


@settings(max_examples=150, **SETTINGS)
@given(cases, st.integers(1, 5000))
def test_net_grows_with_the_turnover_without_jumps(raw, step):
    lo = annuel(raw)
    hi = annuel({**raw, "chiffre_affaires": raw["chiffre_affaires"] + step})
    # lines rounded each month: contributions and at most one chamber tax, 12 months each,
    # plus the unrounded CFP (at most 0.3 % of the step), and the net rounded once
    rounding = 12 * 2 + 1
    assert hi["revenu_net"] >= lo["revenu_net"] - rounding
    if step >= 100:
        assert hi["revenu_net"] > lo["revenu_net"]
    assert abs(hi["cotisations"] - lo["cotisations"]) <= step + 24
    assert hi["revenu_net"] - lo["revenu_net"] <= step + rounding


def test_crossing_the_ceiling_only_warns():
    # 83 600 € (2026, services): one euro above changes the figures by at most the
    # monthly roundings, and adds the warning
    at = calculators.run("micro", {"chiffre_affaires": 83600, "date": "2026-07-01"})["result"]
    above = calculators.run("micro", {"chiffre_affaires": 83601, "date": "2026-07-01"})["result"]
    assert valeur("micro_entreprise.plafond_ca.services", dt.date(2026, 7, 1)) == 83600
    assert at["alertes"] == []
    assert any("plafond" in a["message"] for a in above["alertes"])
    assert abs(above["revenu_net"] - at["revenu_net"]) <= 13


def test_versement_liberatoire_eligibility_is_the_only_tax_jump():
    # 29 315 € per part in 2026 (CGI 151-0: top of the 11 % bracket of the 2025 barème)
    base = {"chiffre_affaires": 60000, "versement_liberatoire": True, "date": "2026-07-01"}
    ok = calculators.run("micro", {**base, "revenu_fiscal_reference": 29315})["result"]
    no = calculators.run("micro", {**base, "revenu_fiscal_reference": 29316})["result"]
    assert ok["versement_liberatoire"] is True and no["versement_liberatoire"] is False
    # versement libératoire: 60 000 × 2.2 % = 1 320 €
    assert ok["annuel"]["impot_revenu"] == 1320
    assert no["annuel"]["impot_revenu"] != 1320
    assert any("Versement libératoire impossible" in a["message"] for a in no["alertes"])
    # two parts double the ceiling: 58 630 €
    two = calculators.run("micro", {**base, "revenu_fiscal_reference": 58630, "parts": 2})["result"]
    assert two["versement_liberatoire"] is True
