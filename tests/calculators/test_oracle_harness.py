"""The oracle harness itself (oracle.py + oracle.mjs), which several test
modules reuse: one node process per batch, values in order, errors named."""

from __future__ import annotations

import oracle
import pytest


def test_batch_values_in_order_with_units_and_errors():
    ok = oracle.situation_salarie("2026-07-01", salaire_brut=3000, effectif=4)
    cases = [
        (ok, ["plafond sécurité sociale", {"valeur": "salarié . coût total employeur", "unité": "€/an"},
              oracle.SALARIE["cout_employeur"], "salarié . contrat . statut cadre", "impôt . méthode de calcul"]),
        ({"date": "01/01/2025"}, ["plafond sécurité sociale"]),
        ({}, ["règle qui n'existe pas"]),
    ]
    # one node process for the whole batch
    out = oracle._run({"cas": [{"situation": s, "regles": list(r)} for s, r in cases]})
    first, second, third = out["resultats"]
    assert first["valeurs"][0] == 4005 and second["valeurs"] == [3925]
    assert first["valeurs"][1] == pytest.approx(12 * first["valeurs"][2])  # €/an = 12 × €/mois
    assert first["valeurs"][3] is True and first["valeurs"][4] == "taux neutre"
    assert "erreur" in third
    # evaluer() on the same batch (cached: no second node process) names the failing case
    with pytest.raises(oracle.OracleError, match="cas n° 2"):
        oracle.evaluer(cases)


def test_situation_salarie():
    s = oracle.situation_salarie("2026-01-15", net_avant_impot=2500, cadre=False, effectif=60, contrat="cdd",
                                 quotite=0.5, taux_atmp=0.011, taux_pas=0.05)
    assert s["date"] == "15/01/2026"
    assert s["salarié . rémunération . net . à payer avant impôt"] == "2500.0 €/mois"
    assert s["salarié . contrat"] == "'CDD'" and s["salarié . contrat . statut cadre"] == "non"
    assert s["salarié . contrat . temps de travail . temps partiel . heures par semaine"] == "17.5 heure/semaine"
    assert s["impôt . taux personnalisé"] == "5.0%"
    with pytest.raises(ValueError):
        oracle.situation_salarie("2026-01-15", salaire_brut=1, cout_employeur=2)
