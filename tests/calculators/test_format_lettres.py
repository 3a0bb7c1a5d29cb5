"""Counts in running prose (calculators/core/format.py ``lettres``, ``de_lettres``): a whole
number from zero to sixteen in words, the feminine « une », the figures beyond and for a
fraction; « de » elided before « un » / « une » only.  Cases written by hand from French
usage (« au-delà d’un mois », « versée en deux fois », « de onze », « de huit »)."""

from __future__ import annotations

import pytest

from calculators.core.format import de_lettres, lettres

NNBSP = "\u202f"


@pytest.mark.parametrize("x,genre,attendu", [
    (0, "m", "zéro"),
    (1, "m", "un"),
    (1, "f", "une"),
    (1.0, "f", "une"),        # a parameter read as a float is still the whole number one
    (2, "m", "deux"),
    (2, "f", "deux"),
    (3, "m", "trois"),
    (4, "m", "quatre"),
    (5, "m", "cinq"),
    (6, "m", "six"),
    (7, "m", "sept"),
    (8, "m", "huit"),
    (9, "m", "neuf"),
    (10, "m", "dix"),
    (11, "m", "onze"),
    (12, "m", "douze"),
    (13, "m", "treize"),
    (14, "m", "quatorze"),
    (15, "m", "quinze"),
    (16, "f", "seize"),
    (17, "m", "17"),          # a compound (« dix-sept »): in figures
    (20, "m", "20"),
    (218, "m", "218"),
    (1500, "m", f"1{NNBSP}500"),
    (1.5, "m", "1,5"),        # never rounded to a word
    (2.5, "f", "2,5"),
    (0.5, "m", "0,5"),
    (-1, "m", "\u22121"),
])
def test_lettres(x, genre, attendu):
    assert lettres(x, genre) == attendu


def test_masculine_is_the_default():
    assert lettres(1) == "un" and de_lettres(1) == "d’un"


@pytest.mark.parametrize("x,genre,attendu", [
    (1, "m", "d’un"),          # au-delà d’un mois
    (1, "f", "d’une"),         # d’une semaine
    (0, "m", "de zéro"),
    (2, "m", "de deux"),
    (8, "m", "de huit"),       # no elision before « huit »
    (11, "m", "de onze"),      # nor before « onze »
    (16, "m", "de seize"),
    (36, "m", "de 36"),
    (1.5, "m", "de 1,5"),
])
def test_de_lettres(x, genre, attendu):
    assert de_lettres(x, genre) == attendu


def test_an_unknown_gender_is_an_error():
    with pytest.raises(ValueError):
        lettres(2, "n")
