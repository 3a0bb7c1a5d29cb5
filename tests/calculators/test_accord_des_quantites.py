"""A counted noun agrees with its number, as French writes it: singular below 2
(« 1 jour facturé », « 1,5 jour »), plural from 2 (« 3 jours facturés »)."""

from __future__ import annotations

import re

import pytest

import calculators
from calculators.core import format as fmt

NBSP = "\u00a0"


@pytest.mark.parametrize("x,expected", [
    (0, "0 jour facturé"),
    (1, "1 jour facturé"),
    (1.5, "1,5 jour facturé"),
    (2, "2 jours facturés"),
    (17, "17 jours facturés"),
])
def test_quantite(x, expected):
    assert fmt.quantite(x, "jour facturé", "jours facturés").replace(NBSP, " ") == expected


@pytest.mark.parametrize("x,expected", [(1, "1 part"), (1.5, "1,5 part"), (2, "2 parts"), (3.5, "3,5 parts")])
def test_parts(x, expected):
    assert fmt.parts(x).replace(NBSP, " ") == expected


def test_the_portage_minimum_alert_for_one_day_says_one_day_in_the_singular():
    # 1 day at 100 €: the pay is below the conventional minimum, the alert names the day
    out = calculators.run("portage", {"tjm": "100", "jours": "1"})
    assert out["ok"]
    texts = [a["message"].replace(NBSP, " ") for a in out["result"]["alertes"]]
    minimum = [t for t in texts if "minimum conventionnel" in t]
    assert minimum and "pour 1 jour facturé" in minimum[0]
    assert "1 jours" not in " ".join(texts)


@pytest.mark.parametrize("x,genre,expected", [
    (1, "f", "une journée"), (2, "f", "deux journées"), (1, "m", "un mois"), (3, "m", "trois mois"),
    (17, "m", "17 mois"), (1.5, "f", "1,5 journée"),
])
def test_quantite_in_words(x, genre, expected):
    sing, plur = ("journée", "journées") if genre == "f" else ("mois", "mois")
    assert fmt.quantite(x, sing, plur, en_lettres=True, genre=genre).replace(NBSP, " ") == expected


def test_the_year_s_portage_hypotheses_spell_out_one_day_and_one_month():
    # convention collective art. 22.2 and 22.3: at least one day of pay a month of
    # prospection, dismissal after one month without prestation (parameters of 1)
    out = calculators.run("annee", {})
    assert out["ok"]
    text = " ".join(out["result"]["hypotheses"]).replace(NBSP, " ")
    assert "au moins une journée de salaire par mois" in text
    assert "après un mois sans prestation" in text
    assert not re.search(r"\b1 (journée|mois)\b", text)
