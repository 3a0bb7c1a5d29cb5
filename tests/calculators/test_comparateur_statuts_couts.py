"""The status comparator's « Net après les coûts du statut »: the net after tax less
the running costs of each status for a current year, from
calculators/data/couts_statuts.toml (issue 15).  Amounts of that file, 2026:
company bank 10 to 30 € a month, micro bank 0 to 10 € a month, RC pro 150 to 600 €
a year, accountant 875 to 1 700 € a year, CFE 150 to 800 € a year (nothing up to
5 000 € of turnover, CGI art. 1647 D), portage fixed fee 0 to 50 € a month; no CFE
in portage, nothing for the CDI."""

from __future__ import annotations

import pytest

import calculators
from calculators.core.arrondi import cents

DATE = "2026-07-01"

# per year, by status: the listed costs, written out
COUTS = {
    "bas": {"cdi": 0, "portage": 0,
            "micro": 12 * 0 + 150 + 150,
            "eurl": 12 * 10 + 150 + 875 + 150,
            "sasu": 12 * 10 + 150 + 875 + 150},
    "haut": {"cdi": 0, "portage": 12 * 50,
             "micro": 12 * 10 + 600 + 800,
             "eurl": 12 * 30 + 600 + 1_700 + 800,
             "sasu": 12 * 30 + 600 + 1_700 + 800},
}


def run(inputs):
    out = calculators.run("comparateur_statuts", {"date": DATE, **inputs})
    assert out["ok"], out
    return out["result"]


@pytest.mark.parametrize("niveau", ["bas", "haut"])
@pytest.mark.parametrize("mission", [{"tjm": 600, "jours": 18}, {"tjm": 350, "jours": 12, "frais": 200}])
def test_net_after_costs_is_the_net_less_the_listed_costs(niveau, mission):
    r = run({**mission, "couts_structure": niveau})
    codes = [row["code"] for row in r["comparaison_statuts"]]
    assert codes.index("net_apres_impot") < codes.index("couts_statut") < codes.index("net_apres_couts")
    for s in r["statuts"]:
        par_an = COUTS[niveau][s["code"]]
        assert sum(c["montant"] for c in s["couts_detail"]) == par_an
        assert s["couts_statut"] == cents(par_an / 12)
        assert s["net_apres_couts"] == cents(s["net_apres_impot"] - cents(par_an / 12))


def test_the_default_is_the_low_end_and_none_removes_the_rows():
    r = run({"tjm": 600, "jours": 18})
    sasu = next(s for s in r["statuts"] if s["code"] == "sasu")
    assert sasu["couts_statut"] == cents((12 * 10 + 150 + 875 + 150) / 12)  # 107.92 €
    r = run({"tjm": 600, "jours": 18, "couts_structure": "aucun"})
    assert "net_apres_couts" not in [row["code"] for row in r["comparaison_statuts"]]
    assert all(s["net_apres_couts"] == s["net_apres_impot"] for s in r["statuts"])


def test_no_cfe_on_a_tiny_turnover():
    # 4 800 € a year (≤ 5 000 €): no minimum CFE
    r = run({"chiffre_affaires_annuel": 4_800, "jours": 10, "couts_structure": "haut"})
    micro = next(s for s in r["statuts"] if s["code"] == "micro")
    assert [c for c in micro["couts_detail"] if c["libelle"] == "CFE"][0]["montant"] == 0
    assert micro["couts_statut"] == cents((12 * 10 + 600) / 12)


def test_a_wrong_choice_is_refused_in_french():
    out = calculators.run("comparateur_statuts", {"tjm": 600, "jours": 18, "couts_structure": "oui", "date": DATE})
    assert not out["ok"] and "couts_structure" in out["errors"]
