"""Properties of the TJM calculator for the company statuses (SASU, EURL), on
inputs drawn by hypothesis.

- Any JSON object, with ``statut`` SASU or EURL, yields a result or per-field
  French errors, never an exception.
- For sensible targets, the TJM returned reaches the target and one cent less does
  not, by the status's own calculator (run on TJM × days − expenses, as the status
  comparator does)."""

from __future__ import annotations

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_portage_proprietes import _check_outcome, json_values

import calculators
from calculators.core.arrondi import cents  # half away from zero, as the comparator rounds
from calculators.core.parametres import At
from calculators.statuts import colonne

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])
KEYS = [f.name for f in calculators.get("tjm").FIELDS] + ["inconnu", ""]


@settings(max_examples=80, **SETTINGS)
@given(st.sampled_from(["sasu", "eurl"]), st.dictionaries(st.sampled_from(KEYS), json_values, max_size=8))
def test_any_json_gives_a_result_or_french_errors(statut, raw):
    out = calculators.run("tjm", {**raw, "statut": statut})
    _check_outcome(out)
    if out["ok"]:
        assert out["result"]["statut"] == statut and out["result"]["tjm"] > 0


def _net(statut, tjm, jf, frais, base, annuel):
    ca = cents(tjm * jf)
    out = calculators.run(statut, {"cout_total": max(0.0, cents(ca - 12 * frais)), "periode": "annee",
                                   "date": "2026-07-01"})
    if not out["ok"]:
        return None
    if base == "net_apres_impot":  # the comparator's household method, not the withholding
        col = colonne(statut, out["result"], 0.0, {}, At(datetime.date(2026, 7, 1)))
        if annuel:
            return cents(out["result"]["annuel"]["net_avant_impot"] - col["annuel"]["impot_revenu"])
        return col["net_apres_impot"]
    y = out["result"]["annuel"][base]
    return y if annuel else cents(y / 12)


@settings(max_examples=25, **SETTINGS)
@given(st.sampled_from(["sasu", "eurl"]), st.integers(500, 15000), st.sampled_from(["mois", "annee"]),
       st.sampled_from(["net_avant_impot", "net_apres_impot"]), st.integers(0, 1500),
       st.sampled_from([0, 5, 12]))
def test_the_tjm_is_the_smallest_cent_that_reaches_the_target(statut, objectif, periode, base, frais, prospection):
    if periode == "annee":
        objectif *= 12
    out = calculators.run("tjm", {"statut": statut, "objectif": objectif, "periode": periode, "base": base,
                                  "frais_professionnels": frais, "jours_prospection": prospection,
                                  "activite": "bic_services", "date": "2026-07-01"})
    assert out["ok"], out
    r = out["result"]
    jf, annuel = r["jours_facturables"], periode == "annee"
    below = _net(statut, round(r["tjm"] - 0.01, 2), jf, frais, base, annuel)
    assert _net(statut, r["tjm"], jf, frais, base, annuel) >= objectif
    assert below is None or below < objectif
