"""The day count of a year that the prose quotes (``calendrier(2026)`` in expressions,
content/tjm/jours-facturables.md) equals the days counted one by one with datetime, with the
public holidays of the year written as dates (tests/pages/_outils.py, Code du travail,
art. L3133-1), and the arithmetic of the page's table."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pages"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))
import _outils  # noqa: E402
from calculateurs.expressions import ExpressionError, evaluate  # noqa: E402


def test_2026_counted_by_hand():
    c = _outils.calendrier(2026)
    assert c["premier_jour"] == "jeudi"
    assert c["jours"] == 365
    assert c["week_ends"] == 2 * 52          # 52 whole weeks and one day, a Thursday
    assert c["jours_ouvres"] == 365 - 2 * 52
    assert c["feries"] == 11
    assert c["feries_en_semaine"] == 11 - 2  # 15 August is a Saturday, 1 November a Sunday
    assert c["conges"] == 5 * 5
    assert c["jours_travaillables"] == 365 - 104 - 9 - 25
    assert c["jours_repos_forfait"] == 227 - 218
    alsace = _outils.calendrier(2026, alsace_moselle=True)
    assert alsace["feries_en_semaine"] == 9 + 1  # Good Friday; 26 December is a Saturday


CHIFFRES = ("jours", "week_ends", "jours_ouvres", "feries", "feries_en_semaine", "conges_semaines", "conges",
            "jours_travaillables", "forfait_jours", "jours_repos_forfait")


@pytest.mark.parametrize("alsace_moselle", [False, True])
def test_the_expression_equals_the_count_by_hand(alsace_moselle):
    c = _outils.calendrier(2026, alsace_moselle)
    appel = f"calendrier(2026, alsace_moselle={'true' if alsace_moselle else 'false'})"
    for k in CHIFFRES:
        assert evaluate(f"{appel}.{k} | nombre") == _outils.nombre(c[k]), k
    assert evaluate(f"{appel}.premier_jour") == c["premier_jour"]
    assert evaluate(f"{appel}.annee") == "2026"
    for code, ferie in c["jours_feries"].items():
        for k in ("date", "jour_mois", "jour_semaine"):
            assert evaluate(f"{appel}.jours_feries.{code}.{k}") == ferie[k], (code, k)
        assert evaluate(f"{appel}.jours_feries.{code}.en_semaine") == str(ferie["en_semaine"]), code
    assert evaluate(f"{appel}.feries | nombre") == str(len(c["jours_feries"]))


def test_the_default_year_is_the_default_dates():
    from calculators.core import dates
    assert evaluate("calendrier().annee") == str(dates.default_date().year)


@pytest.mark.parametrize("expr,message", [
    ('calendrier("2026").jours | nombre', "année « 2026 » illisible"),
    ("calendrier(2026).jours_feries.paques.date", "attribut inconnu « paques »"),
    ('calendrier(2026, alsace_moselle="oui").jours | nombre', "true ou false"),
])
def test_mistakes_are_french_errors(expr, message):
    with pytest.raises(ExpressionError) as exc:
        evaluate(expr)
    assert message in str(exc.value)
