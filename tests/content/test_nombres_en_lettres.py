"""Numbers below ten are words in running French prose: « deux fois », « trois mois »,
« au-delà d’un mois », not « 2 fois », « 3 mois » typed by hand.

Figures stay for amounts, percentages, dates, units, table cells and code (those are not
prose: tests/content/_prose.py).  A digit stays too where it is an example's input, given as
data next to the figures it yields: the same paragraph holds an expression that takes that
number as an input (« 8 mois de mission » before ``annee(mois_mission=8, …)``).

What is flagged:

- a lone digit 1–9, typed in prose, before a counted noun of the list below;
- a build-time expression ``{{ … }}`` that prints a lone digit 0–9 before such a noun, in
  prose outside a table: a computed count is written with ``| lettres`` (« trois mois »,
  ``| lettres("f")`` for « une semaine ») or ``| de_lettres`` (« au-delà d’un mois »), which
  print the words from zero to sixteen and the figures beyond, whatever the parameter becomes.
"""

from __future__ import annotations

import re
import sys

import pytest
from _contenu import CONTENT
from _prose import line_of, prose_mask

sys.path.insert(0, str(CONTENT.parent / "plugins"))
from calculateurs.expressions import evaluate  # noqa: E402

NOMS_COMPTES = (
    "fois", "mois", "an", "ans", "année", "années", "semaine", "semaines", "jour", "jours", "trimestre",
    "trimestres", "heure", "heures", "minute", "minutes", "salarié", "salariés", "étape", "étapes",
    "statut", "statuts", "option", "options", "cas", "question", "questions", "offre", "offres",
    "ligne", "lignes", "colonne", "colonnes", "point", "points", "personne", "personnes", "enfant",
    "enfants", "associé", "associés", "client", "clients", "mission", "missions", "contrat", "contrats",
    "critère", "critères", "condition", "conditions", "document", "documents", "élément", "éléments",
    "exemple", "exemples", "règle", "règles", "échelon", "échelons", "niveau", "niveaux", "versement",
    "versements", "déclaration", "déclarations", "piège", "pièges", "raison", "raisons", "solution",
    "solutions", "situation", "situations", "tranche", "tranches", "catégorie", "catégories", "façon",
    "façons", "manière", "manières", "scénario", "scénarios", "simulateur", "simulateurs", "article",
    "articles", "démarche", "démarches", "erreur", "erreurs", "leçon", "leçons", "chose", "choses",
    "mois", "décennie", "décennies", "factures", "facture", "journée", "journées",
)
CHIFFRE_SEUL = re.compile(
    r"(?<![\d,.\w\u202f\u00a0/+\u2212-])([1-9])[ \u00a0](" + "|".join(sorted(set(NOMS_COMPTES), key=len, reverse=True))
    + r")(?![\w-])"
)
EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
# An expression, then (on the same line or the next, the source being hard-wrapped) a counted noun.
COMPTE_CALCULE = re.compile(
    r"\{\{([^{}\n]*?)\}\}[ \u00a0]*\n?[ \t\u00a0]*(" + "|".join(sorted(set(NOMS_COMPTES), key=len, reverse=True))
    + r")(?![\w-])"
)

# Known good cases: (file, the words as written) — a digit French keeps, said why.
PERMIS: dict[tuple[str, str], str] = {}


def _paragraphe(text: str, index: int) -> str:
    """The paragraph around ``index``, with the table it introduces if one follows."""
    start = text.rfind("\n\n", 0, index)
    end = text.find("\n\n", index)
    end = len(text) if end < 0 else end
    after = text[end:].lstrip("\n")
    if after.startswith("|"):
        table = re.match(r"(?:\|[^\n]*(?:\n|$))+", after)
        end += len(text[end:]) - len(after) + table.end()
    return text[start + 1 if start >= 0 else 0: end]


def _ligne(text: str, index: int) -> str:
    return text[text.rfind("\n", 0, index) + 1: (text.find("\n", index) + 1 or len(text) + 1) - 1]


def chiffres_a_ecrire(text: str, fichier: str = "") -> list[str]:
    """« ligne: 3 mois » for each digit the prose of ``text`` should spell out."""
    mask = prose_mask(text)
    out = []
    for m in CHIFFRE_SEUL.finditer(text):
        if not mask[m.start()] or not mask[m.end() - 1]:
            continue
        if _ligne(text, m.start()).lstrip().startswith("|"):  # a table row
            continue
        chiffre = m.group(1)
        entrees = [e for e in EXPRESSION.findall(_paragraphe(text, m.start())) if re.search(rf"=\s*{chiffre}\b(?![.,]\d)", e)]
        if entrees:  # an example's input, next to what it yields
            continue
        if (fichier, m.group(0).replace("\u00a0", " ")) in PERMIS:
            continue
        out.append(f"{line_of(text, m.start())}: {m.group(0)}")
    for m in COMPTE_CALCULE.finditer(text):
        if not mask[m.start(2)]:  # the noun is prose, the expression never is
            continue
        if _ligne(text, m.start()).lstrip().startswith("|"):  # a table row
            continue
        if re.fullmatch(r"\d", evaluate(m.group(1).strip())):
            expr = m.group(1).strip()
            out.append(f"{line_of(text, m.start())}: {{{{ {expr} }}}} {m.group(2)} (en lettres : | lettres)")
    return sorted(out, key=lambda x: int(x.split(":")[0]))


def test_the_check_flags_a_hand_typed_small_count():
    assert chiffres_a_ecrire("Le différé dure 2 fois plus longtemps, au-delà de 1 mois.\n") == ["1: 2 fois", "1: 1 mois"]
    assert chiffres_a_ecrire("Title: Les 3 pièges du portage\n\nTexte.\n") == ["1: 3 pièges"]
    assert chiffres_a_ecrire("- un CDD de 9 mois au plus ;\n") == ["1: 9 mois"]


def test_the_check_flags_a_computed_small_count_in_figures():
    # a literal in the expression: the value is the test's, not a parameter's
    assert chiffres_a_ecrire("Au-delà de {{ 1 | nombre }} mois, versée en {{ 2 | nombre }}\nfois.\n") == [
        "1: {{ 1 | nombre }} mois (en lettres : | lettres)", "1: {{ 2 | nombre }} fois (en lettres : | lettres)"]
    assert chiffres_a_ecrire("Il valide {{ 0 | nombre }} trimestres.\n") == [
        "1: {{ 0 | nombre }} trimestres (en lettres : | lettres)"]


def test_the_check_leaves_computed_counts_in_words_large_or_in_tables():
    assert chiffres_a_ecrire(
        "Au-delà {{ 1 | de_lettres }} mois, versée en {{ 2 | lettres }} fois, pendant {{ 12 | nombre }} mois, "
        "{{ 1.5 | nombre }} jour, le {{ 8 | nombre }}e jour, {{ 3 | euros }} par jour.\n\n"
        "| Carence | {{ 3 | nombre }} jours |\n|---|---|\n"
    ) == []


def test_the_check_leaves_words_figures_expressions_tables_and_example_inputs():
    assert chiffres_a_ecrire(
        "Le différé dure deux fois plus longtemps, au-delà d’un mois ; 12 mois ; 3,5 jours ; 1er mois.\n\n"
        "Le délai est de {{ param(\"chomage.delai_attente.jours\") | lettres }} jours.\n\n"
        "| Durée | 3 mois |\n|---|---|\n\n"
        "`3 mois` en code ; le 7 juillet ; 5 000 € ; 4 %.\n\n"
        "Pour 8 mois de mission, il reste {{ annee(mois_mission=8, jours=18).net | euros }}.\n\n"
        "Pour 7 jours dans le mois :\n\n| TJM | Net |\n|---|---|\n| 300 € | {{ portage(tjm=300, jours=7).net | euros }} |\n"
    ) == []


def test_an_input_elsewhere_does_not_excuse_a_paragraph():
    assert chiffres_a_ecrire(
        "Pour 8 mois : {{ annee(mois_mission=8).net | euros }}.\n\nOn attend 8 mois de plus.\n"
    ) == ["3: 8 mois"]


FICHIERS = sorted(CONTENT.rglob("*.md"))


@pytest.mark.parametrize("path", FICHIERS, ids=[p.relative_to(CONTENT).as_posix() for p in FICHIERS])
def test_small_counts_are_words_in_prose(path):
    rel = path.relative_to(CONTENT).as_posix()
    problems = chiffres_a_ecrire(path.read_text(encoding="utf-8"), rel)
    assert problems == [], f"{rel} : en lettres dans le texte (« trois mois », « deux fois ») : " + " ; ".join(problems)


def test_the_filters_in_an_expression():
    assert evaluate('1 | lettres("f")') == "une" and evaluate("1 | de_lettres") == "d’un"
    assert evaluate("11 | de_lettres") == "de onze" and evaluate("17 | lettres") == "17"
    from calculateurs.expressions import ExpressionError
    for expr, message in (('3 | lettres("x")', "genre du nom compté"), ('"3" | lettres', "attend un nombre"),
                          ("true | de_lettres", "attend un nombre")):
        with pytest.raises(ExpressionError) as exc:
            evaluate(expr)
        assert message in str(exc.value)
