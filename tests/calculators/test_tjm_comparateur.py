"""The TJM simulator and the status comparator compute a net after tax the same
way (the household's tax at the barème: situation_famille, parts, autres_revenus;
the withholding shown apart): on the same inputs they never disagree."""

from __future__ import annotations

import pytest

import calculators
from calculators.core.arrondi import cents

DATE = "2026-07-01"
FOYERS = [
    {},                                                                          # one person, 1 part
    {"situation_famille": "couple", "autres_revenus": 30_000},                  # 2 parts
    {"situation_famille": "celibataire", "parts": 1.5, "autres_revenus": 8_000},
]


def run(name, inputs):
    out = calculators.run(name, inputs)
    assert out["ok"], out
    return out["result"]


@pytest.mark.parametrize("foyer", FOYERS, ids=["seul", "couple", "parent"])
@pytest.mark.parametrize("statut", ["portage", "micro", "eurl", "sasu"])
def test_the_same_nets_as_the_comparator(statut, foyer):
    r = run("tjm", {"statut": statut, "objectif": 3000, "base": "net_apres_impot", "frais_professionnels": 100,
                    "date": DATE, **foyer})
    # 204 billable days in 2026 (test_tjm_calendrier.py): 17 a month
    if statut == "portage":
        mission = {"tjm": r["tjm"], "jours": 17}
    else:
        mission = {"chiffre_affaires_annuel": cents(r["tjm"] * 204), "jours": 17}
    c = run("comparateur_statuts", {**mission, "frais": 100, "date": DATE, **foyer})["nets"][statut]
    assert r["net_apres_impot"] == c["net_apres_impot"] >= 3000
    assert r["net_avant_impot"] == c["net_avant_impot"]
    assert r["prelevement_source"] == c["prelevement_source"]


def test_the_household_changes_the_tjm():
    seul = run("tjm", {"objectif": 3000, "base": "net_apres_impot", "date": DATE})
    couple = run("tjm", {"objectif": 3000, "base": "net_apres_impot", "situation_famille": "couple", "date": DATE})
    assert couple["tjm"] < seul["tjm"]  # two parts: less tax on the same income


def test_a_bad_household_is_refused_in_french():
    out = calculators.run("tjm", {"parts": 1.3, "date": DATE})
    assert not out["ok"] and "demi-part" in out["errors"]["parts"]
