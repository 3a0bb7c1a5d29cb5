"""Properties of the status comparator on inputs drawn by hypothesis: any JSON
object gives a result or French errors, never an exception; every status's net
after tax is at most its net before tax; the chart has one value per TJM for
every line; for any household, each column's tax is what it adds to the
household's tax (never negative), and the versement libératoire does not depend
on the household."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])
KEYS = [f.name for f in calculators.get("comparateur_statuts").FIELDS]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**9, 10**9), st.floats(allow_nan=False),
                    st.text(max_size=8), st.sampled_from(["600", "18,5", "0,08", "bic_ventes", "oui", "2026-07-01",
                                                          "2031-01-01", "1e400", "couple", "2,5", "1.5"]))


@settings(max_examples=40, **SETTINGS)
@given(st.dictionaries(st.sampled_from(KEYS + ["inconnu"]), scalars, max_size=6))
def test_any_json_gives_a_result_or_french_errors(raw):
    out = calculators.run("comparateur_statuts", raw)
    assert isinstance(out["ok"], bool)
    if not out["ok"]:
        assert all(isinstance(v, str) and v for v in out["errors"].values())
        return
    r = out["result"]
    for s in r["statuts"]:
        if "erreur" not in s:
            assert s["net_apres_impot"] <= s["net_avant_impot"] + 0.01, s["code"]
    for code, ys in r["courbes"]["series"].items():
        assert len(ys) == len(r["courbes"]["tjm"]), code


@settings(max_examples=25, **SETTINGS)
@given(st.integers(150, 1400), st.integers(5, 22), st.integers(0, 1500))
def test_missions_give_every_status(tjm, jours, frais):
    out = calculators.run("comparateur_statuts", {"tjm": tjm, "jours": jours, "frais": frais, "date": "2026-07-01"})
    assert out["ok"], out
    codes = [s["code"] for s in out["result"]["statuts"]]
    assert codes[:2] == ["cdi", "portage"] or "erreur" in out["result"]["statuts"][0]


@settings(max_examples=25, **SETTINGS)
@given(st.integers(150, 1400), st.integers(5, 22), st.sampled_from(["celibataire", "couple"]),
       st.integers(0, 8), st.integers(0, 200_000), st.booleans())
def test_every_column_tax_is_its_addition_to_the_household_tax(tjm, jours, situation, demi_parts, autres, vl):
    parts = (2 if situation == "couple" else 1) + demi_parts / 2
    out = calculators.run("comparateur_statuts", {"tjm": tjm, "jours": jours, "situation_famille": situation,
                                                  "parts": parts, "autres_revenus": autres,
                                                  "versement_liberatoire": vl, "date": "2026-07-01"})
    assert out["ok"], out
    r = out["result"]
    sans = r["annuel"]["impot_sans_activite"]
    for s in r["statuts"]:
        if "erreur" in s:
            continue
        assert s["impot_revenu"] >= 0, s["code"]
        # monthly figures of yearly whole-euro taxes: the household's total less the tax without the activity
        assert abs(s["impot_foyer"] - s["impot_revenu"] - sans / 12) <= 0.011, s["code"]
        assert s["net_apres_impot"] == round(s["net_avant_impot"] - s["impot_revenu"], 2), s["code"]
    if vl:
        seul = calculators.run("comparateur_statuts", {"tjm": tjm, "jours": jours, "versement_liberatoire": True,
                                                       "date": "2026-07-01"})["result"]
        micro = next(s for s in r["statuts"] if s["code"] == "micro")
        assert micro["impot_revenu"] == next(s for s in seul["statuts"] if s["code"] == "micro")["impot_revenu"]
