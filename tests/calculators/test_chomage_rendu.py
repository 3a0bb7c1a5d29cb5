"""The ARE result renders with the one renderer: its lines are steps of one
calculation (no « Total » row), and the unsure rules get their own section."""

from __future__ import annotations

import calculators
from calculators.render import render_result


def _html(**entrees):
    out = calculators.run("chomage", {"fin_contrat": "2026-09-30", **entrees})
    assert out["ok"], out
    return out["result"], render_result("chomage", out["result"], "t")


def test_the_lines_have_no_total_row():
    _r, html = _html()
    assert 'data-code="allocation_journaliere"' in html and "<tfoot>" not in html


def test_unsure_rules_are_named_in_their_own_section():
    r, html = _html(mode_rupture="rupture_conventionnelle", indemnite_rupture=20_000, indemnite_legale=5_000)
    assert {i["parametre"] for i in r["incertitudes"]} >= {"chomage.reforme_rupture_conventionnelle.en_vigueur",
                                                           "chomage.differe_specifique.diviseur"}
    assert "<summary>Règles incertaines</summary>" in html
    assert "accord du 25 février 2026" in html


def test_no_unsure_section_when_none_bears_on_the_result():
    # 5 months ending 30 April 2025: 182 days of rights, all paid before 1 July 2026
    r, html = _html(fin_contrat="2025-04-30", mois_travailles=5)
    assert r["incertitudes"] == [] and "Règles incertaines" not in html


def test_other_calculators_keep_their_total_row():
    out = calculators.run("micro", {"chiffre_affaires": 60000, "date": "2026-07-01"})
    assert "<tfoot>" in render_result("micro", out["result"], "m")
