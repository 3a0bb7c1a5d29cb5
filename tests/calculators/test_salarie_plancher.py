"""A gross below the salaried contributions (the complémentaire santé is a flat
amount, 40 € by default, half paid by the employee): the net to pay is floored
at 0, as the URSSAF's model does (« salarié . rémunération . net . à payer
avant impôt »), and the taxable net follows from the floored net as there.
Expected figures: the model run for real (tests/calculators/oracle.py)."""

from __future__ import annotations

import oracle
import pytest

import calculators
from calculators import salarie

CASES = [
    {"date": "2026-07-01", "salaire_brut": 0, "effectif": 4},
    {"date": "2026-07-01", "salaire_brut": 10, "effectif": 4},
    {"date": "2026-07-01", "salaire_brut": 0, "effectif": 20, "cadre": False},
    {"date": "2025-06-01", "salaire_brut": 15, "effectif": 4},
]


@pytest.fixture(scope="module")
def model():
    sits = [oracle.situation_salarie(c["date"], salaire_brut=c["salaire_brut"], effectif=c["effectif"],
                                     cadre=c.get("cadre", True), mutuelle_montant=40,
                                     mutuelle_part_employeur=0.5) for c in CASES]
    return oracle.evaluer_salarie(sits)


@pytest.mark.parametrize("i", range(len(CASES)))
def test_the_net_is_floored_at_zero_as_in_the_model(model, i):
    r = salarie.calculer(**CASES[i])
    m = model[i]
    assert m["net_avant_impot"] == 0  # the model floors it
    assert r["net_avant_impot"] == 0.0 and r["net_apres_impot"] == 0.0 and r["prelevement_source"] == 0.0
    assert r["net_imposable"] == pytest.approx(m["net_imposable"], abs=0.01)
    assert r["cotisations_salariales"] == pytest.approx(m["cotisations_salariales"], abs=0.01)
    # the payslip still lists every contribution, and the alert says why the net is 0
    assert round(sum(ln["montant_salarial"] or 0 for ln in r["lignes"]), 2) == r["cotisations_salariales"]
    assert any("ramené à 0 €" in a["message"] for a in r["alertes"])
    # where the employer's euros go still adds up to the cost
    assert round(sum(p["montant"] for p in r["repartition"]), 2) == r["cout_employeur"]
    assert all(p["montant"] >= 0 for p in r["repartition"])


def test_no_withholding_on_a_net_of_zero_even_at_a_personal_rate():
    # before: net après impôt −2.06 € (10 % of the 20.58 € taxable net) at a gross of 0
    r = salarie.calculer(date="2026-07-01", salaire_brut=0, taux_pas=0.1)
    assert (r["net_avant_impot"], r["prelevement_source"], r["net_apres_impot"]) == (0.0, 0.0, 0.0)


def test_just_above_the_contributions_nothing_changes():
    # 28 € gross: contributions 27.82 € (the model's inversion of a net of 0 gives 27.77 €)
    r = calculators.run("salarie", {"date": "2026-07-01", "salaire_brut": 28})["result"]
    assert r["net_avant_impot"] == round(28 - r["cotisations_salariales"], 2) > 0
    assert not any("ramené à 0 €" in a["message"] for a in r["alertes"])
