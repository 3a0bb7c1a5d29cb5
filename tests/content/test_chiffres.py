"""No rate typed by hand in the guide's own sections.

Project rule: every rate, and every amount that depends on one, is computed
at build time from calculators/data/*.toml through an expression
(``{{ param("…") | pourcent }}``, ``{{ portage(…).net_avant_impot | euros }}``),
so that the figure changes when the rules change.  The only typed figures
allowed are those quoted from a dated source, marked as such: the sentence
names the source and its date in brackets, e.g. « (Apec, décembre 2025) ».

Checked here for the Statuts and TJM sections, the glossary and the FAQ
(the sections this test's author writes).  Amounts in euros are not checked:
the guide types the inputs of its examples (« un TJM de 600 € »), which do
not depend on any rate.
"""

from __future__ import annotations

import re

import pytest
from _contenu import CONTENT, lire, sans_code

FICHIERS = sorted(
    [*CONTENT.glob("statuts/*.md"), *CONTENT.glob("tjm/*.md"),
     CONTENT / "pages" / "glossaire.md", CONTENT / "pages" / "faq.md"]
)

EXPRESSION = re.compile(r"\{\{.*?\}\}")
POURCENT = re.compile(r"\d(?:[\d\u202f\u00a0 ]*\d)?(?:,\d+)?\s?%")
# « (Apec, décembre 2025) », « (source : Insee, 2024) »
SOURCE_DATEE = re.compile(r"\([^()]*\b(?:19|20)\d\d\)")


def pourcentages_tapes(texte: str) -> list[str]:
    """Typed percentages of ``texte`` outside expressions, in paragraphs that
    do not cite a dated source."""
    out = []
    for paragraphe in re.split(r"\n\s*\n", sans_code(texte)):
        sans_expr = EXPRESSION.sub("", paragraphe)
        if SOURCE_DATEE.search(sans_expr):
            continue
        out += POURCENT.findall(sans_expr)
    return out


def test_the_check_sees_a_typed_rate_and_accepts_computed_or_quoted_ones():
    assert pourcentages_tapes("Le taux est de 25,6 % du chiffre d'affaires.") == ["25,6 %"]
    assert pourcentages_tapes('Le taux est de {{ param("x") | pourcent }}.') == []
    assert pourcentages_tapes("Ils sont 24 % contre 16 % (Apec, décembre 2025).") == []
    # a dated source in another paragraph does not cover this one
    assert pourcentages_tapes("Taux : 10 %.\n\nVoir l'étude (Apec, 2025).") == ["10 %"]


@pytest.mark.parametrize("path", FICHIERS, ids=[p.relative_to(CONTENT).as_posix() for p in FICHIERS])
def test_no_rate_typed_by_hand(path):
    doc = lire(path)
    corps = doc.body.split("\n## Sources", 1)[0]  # the sources section names articles, not rates
    assert pourcentages_tapes(corps) == [], f"{doc.rel} : taux tapés à la main"
