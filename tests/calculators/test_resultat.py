"""Every result says the period of its amounts, and its lines have the typed line's keys.

The scenarios of tests/calculators/scenarios/ (every calculator) are run; each
result must carry ``periode`` (``"mois"`` or ``"annee"``: a monthly figure is
never divided by twelve again), and each of its ``lignes`` the keys of
:meth:`calculators.core.resultat.Ligne.en_json` that the renderer and the browser read.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import calculators
from calculators.core.resultat import PERIODES, Ligne

SCENARIOS = [(f.stem, s) for f in sorted((Path(__file__).parent / "scenarios").glob("*.json"))
             for s in json.loads(f.read_text(encoding="utf-8"))["scenarios"]]
CLES_LIGNE = set(Ligne("c", "l", "g", 1.0).en_json("ref"))


@pytest.mark.parametrize("fichier, scenario", SCENARIOS, ids=[f"{f}:{s['id']}" for f, s in SCENARIOS])
def test_every_result_has_its_period_and_typed_lines(fichier, scenario):
    out = calculators.run(scenario["calculateur"], scenario["entrees"])
    if not out["ok"]:  # a scenario of bad input: errors, no result
        assert out["errors"]
        return
    r = out["result"]
    assert r["periode"] in PERIODES
    for ln in r.get("lignes", []):
        assert CLES_LIGNE <= set(ln), ln
        assert set(ln) - CLES_LIGNE <= {"montant"}  # the CDD indemnity line also shows its amount


def test_the_json_keys_are_the_renderers():
    assert CLES_LIGNE == {"code", "libelle", "groupe", "assiette", "taux_salarial", "taux_patronal",
                          "montant_salarial", "montant_patronal", "reference"}
    assert [f.name for f in dataclasses.fields(Ligne)][:4] == ["code", "libelle", "groupe", "base"]
