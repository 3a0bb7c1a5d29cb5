"""The micro-entreprise parameters (calculators/data/micro_entreprise.toml and the
income-tax barème of impot.toml) equal the URSSAF model's rules, wherever the
model holds the value as a rule of its own, at dates across 2025 and 2026."""

from __future__ import annotations

import datetime as dt

import oracle
import pytest

from calculators.core.parametres import valeur

DATES = ("2025-01-15", "2025-07-01", "2026-01-15", "2026-07-01")
AE = "dirigeant . auto-entrepreneur . cotisations et contributions . cotisations . "

# our parameter -> (model rule, factor from the model's unit to ours, extra situation)
RULES = {
    "micro_entreprise.cotisations.bnc": (AE + "service BNC . taux", 0.01, {}),
    "micro_entreprise.cotisations.bnc_cipav": (AE + "service BNC Cipav . taux", 0.01,
                                               {"entreprise . activité . nature . libérale . réglementée": "oui"}),
    "micro_entreprise.cotisations.bic_services": (AE + "service BIC . taux", 0.01, {
        "entreprise . activité . nature": "'commerciale'", "entreprise . activités . service ou vente": "'service'"}),
    "micro_entreprise.cotisations.ventes": (AE + "vente restauration hébergement . taux", 0.01, {
        "entreprise . activité . nature": "'commerciale'", "entreprise . activités . service ou vente": "'vente'"}),
    "micro_entreprise.plafond_ca.services": ("entreprise . chiffre d'affaires . seuil micro . libérale", 1, {}),
    "micro_entreprise.plafond_ca.ventes": ("entreprise . chiffre d'affaires . seuil micro . total", 1, {}),
    "micro_entreprise.versement_liberatoire.plafond_rfr_par_part":
        ("dirigeant . auto-entrepreneur . impôt . versement libératoire . plafond", 1,
         {"dirigeant . auto-entrepreneur . impôt . versement libératoire": "oui"}),
}


def situation(date: str, extra: dict) -> dict:
    return {
        "date": f"{date[8:10]}/{date[5:7]}/{date[0:4]}",
        "entreprise . catégorie juridique": "'EI'",
        "entreprise . catégorie juridique . EI . auto-entrepreneur": "oui",
        "entreprise . activité . nature": "'libérale'",
        "dirigeant . auto-entrepreneur . chiffre d'affaires": "50000 €/an",
        **extra,
    }


@pytest.fixture(scope="module")
def model():
    cas = [(situation(d, extra), [rule]) for d in DATES for rule, _, extra in RULES.values()]
    # the 11 % bracket's top (per part) of the barème the model applies at each date
    cas += [({"date": f"{d[8:10]}/{d[5:7]}/{d[0:4]}"},
             ["impôt . foyer fiscal . impôt sur le revenu . impôt brut . par part . plafond tranche 2"]) for d in DATES]
    vals = iter(v[0] for v in oracle.evaluer(cas))
    out = {(d, name): next(vals) for d in DATES for name in RULES}
    out.update({(d, "bareme"): next(vals) for d in DATES})
    return out


@pytest.mark.parametrize("name", sorted(RULES))
@pytest.mark.parametrize("date", DATES)
def test_parameter_equals_the_models_rule(model, name, date):
    _, factor, _ = RULES[name]
    ours = valeur(name, dt.date.fromisoformat(date))
    assert model[(date, name)] is not None, name
    assert ours == pytest.approx(model[(date, name)] * factor, abs=1e-12), (name, date)


@pytest.mark.parametrize("date", DATES)
def test_barème_second_bracket_equals_the_model(model, date):
    tranches = valeur("impot.bareme_ir.tranches", dt.date.fromisoformat(date))
    assert tranches[1]["plafond"] == model[(date, "bareme")]


@pytest.mark.parametrize("date", DATES)
def test_versement_liberatoire_ceiling_is_the_previous_barème(date):
    # CGI art. 151-0: the ceiling for year N is the top of the 11 % bracket of the
    # barème of year N-1 (29 315 € for 2026 = the 2025 barème's; 28 797 € for 2025)
    d = dt.date.fromisoformat(date)
    if d.year == 2026:
        previous = valeur("impot.bareme_ir.tranches", dt.date(2025, 1, 1))[1]["plafond"]
        assert valeur("micro_entreprise.versement_liberatoire.plafond_rfr_par_part", d) == previous
