"""Properties of the portage offer comparator, on inputs drawn by hypothesis.

- Any JSON object yields a result or French errors keyed by a field (or "_"),
  never an exception; a result renders to HTML.
- Each offer's figures are those of the portage calculator for its inputs
  (``entrees_portage``), whatever the mission and the fees.
- With the same mission, lower fees never give a lower net: the rows marked for
  the lowest fees and for the highest net name the same offers when no two
  offers tie on fees.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators
from calculators import render

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])
KEYS = [f.name for f in calculators.get("comparateur_offres").FIELDS]

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=50),
    st.sampled_from(["600", "18,5", "0,08", "0.05", "cdd", "cdi", "global", "tranches", "2026-07-01",
                     "75000", "<b>x</b>", "\u0000", " ", "1e400"]),
)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=5)
raw_inputs = st.dictionaries(st.sampled_from(KEYS + ["inconnu", ""]), json_values, max_size=12)
# always two offers given, so that many draws reach the calculation
with_offers = st.tuples(raw_inputs, st.integers(0, 300), st.integers(0, 300)).map(
    lambda t: {"offre_1_frais_gestion": t[1] / 1000, "offre_2_frais_gestion": t[2] / 1000, **t[0]})


def _check(out):
    assert isinstance(out, dict) and isinstance(out["ok"], bool)
    if out["ok"]:
        r = out["result"]
        assert 2 <= len(r["offres"]) <= 5
        html = render.render_result("comparateur_offres", r, "calc-h")
        assert html.count('<th scope="col" data-offre=') == 2 * len(r["offres"])
    else:
        assert out["errors"]
        for k, v in out["errors"].items():
            assert isinstance(k, str) and isinstance(v, str) and v
            assert k == "_" or k in KEYS or "inconnu" in v.lower(), (k, v)


@settings(max_examples=120, **SETTINGS)
@given(raw_inputs)
def test_any_json_gives_a_result_or_french_errors(raw):
    _check(calculators.run("comparateur_offres", raw))


@settings(max_examples=60, **SETTINGS)
@given(with_offers)
def test_any_json_with_two_offers_gives_a_result_or_french_errors(raw):
    _check(calculators.run("comparateur_offres", raw))


rates = st.integers(0, 200).map(lambda x: x / 1000)
# turnover at least 400 × 8 = 3 200 €/month, fees at most 20 % + 300 € + 3 000 € / 6 months:
# a salary is always left (a turnover eaten by the fees is an error, tested elsewhere)
offers = st.fixed_dictionaries({
    "tjm": st.integers(400, 1500).map(float),
    "jours": st.integers(16, 44).map(lambda h: h / 2),
    "contrat": st.sampled_from(["cdi", "cdd"]),
    "date": st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31)).map(dt.date.isoformat),
    "offre_1_frais_gestion": rates,
    "offre_2_frais_gestion": rates,
    "offre_3_frais_gestion": rates,
    "offre_2_frais_fixes_mensuels": st.integers(0, 300).map(float),
    "offre_3_frais_mission": st.integers(0, 3000).map(float),
    "duree_mission": st.integers(6, 36).map(float),
    "offre_3_frais_gestion_seuil_1": st.integers(30_000, 200_000).map(float),
    "offre_3_frais_gestion_2": rates,
})


@settings(max_examples=25, **SETTINGS)
@given(offers)
def test_every_offer_is_the_portage_result_and_lower_fees_never_pay_less(raw):
    out = calculators.run("comparateur_offres", raw)
    assert out["ok"], out
    r = out["result"]
    for o in r["offres"]:
        p = calculators.run("portage", o["entrees_portage"])
        assert p["ok"], p
        p = p["result"]
        for key in ("montant_frais_gestion", "net_avant_impot", "net_apres_impot", "reserve_nette",
                    "taux_restitution"):
            assert o[key] == p[key], (o["code"], key)
        assert o["frais_gestion_annuels"] == p["annuel"]["montant_frais_gestion"]
    by_fee = sorted(r["offres"], key=lambda o: o["montant_frais_gestion"])
    for low, high in zip(by_fee, by_fee[1:]):
        assert low["net_avant_impot"] >= high["net_avant_impot"], (low["code"], high["code"])
    fees = [o["montant_frais_gestion"] for o in r["offres"]]
    if len(set(fees)) == len(fees):
        assert r["plus_favorable"]["montant_frais_gestion"] == [by_fee[0]["code"]]
        assert set(r["plus_favorable"]["net_avant_impot"]) >= {by_fee[0]["code"]}
