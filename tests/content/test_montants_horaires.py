"""An hourly or daily legal amount quoted in the guide is printed to the cent.

The SMIC is 12,31 € an hour, not « 12 € »; the ATI is 26,30 € a day.  Every
expression of content/ that prints a parameter whose unit is per hour or per
day (« €/heure », « €/jour ») must use the ``euros_cents`` filter, never
``euros`` (rounded to the euro) nor ``nombre`` (which drops a trailing zero).
"""

from __future__ import annotations

import re

import pytest
from _contenu import CONTENT, lire, sans_code

from calculators.core import parametres

EXPRESSION = re.compile(r"\{\{(.*?)\}\}")
PARAM_SEUL = re.compile(r"""^\s*param\(\s*["']([\w.]+)["'][^)]*\)\s*\|\s*(\w+)""")
PAR_HEURE_OU_JOUR = re.compile(r"^€\s*/\s*(heure|h|jour)$")

ALL = parametres.load_all()


def filtres_fautifs(texte: str) -> list[str]:
    out = []
    for m in EXPRESSION.finditer(sans_code(texte)):
        p = PARAM_SEUL.match(m.group(1))
        if not p:
            continue
        nom, filtre = p.groups()
        unite = ALL[nom].unite if nom in ALL else ""
        if PAR_HEURE_OU_JOUR.match(unite.strip()) and filtre != "euros_cents":
            out.append(m.group(0))
    return out


def test_the_check_sees_a_rounded_hourly_amount():
    assert filtres_fautifs('Le SMIC vaut {{ param("smic.horaire") | euros }}.') == ['{{ param("smic.horaire") | euros }}']
    assert filtres_fautifs('Le SMIC vaut {{ param("smic.horaire") | euros_cents }}.') == []
    assert filtres_fautifs('Plafond : {{ param("securite_sociale.plafond_mensuel") | euros }}.') == []


FICHIERS = sorted(CONTENT.rglob("*.md"))


@pytest.mark.parametrize("path", FICHIERS, ids=[p.relative_to(CONTENT).as_posix() for p in FICHIERS])
def test_hourly_and_daily_amounts_to_the_cent(path):
    doc = lire(path)
    assert filtres_fautifs(doc.body) == [], doc.rel
