"""The words a cadre asks about are explained in the guide and in its glossary.

Issue 15: « CFE », « portabilité », « cumul emploi-retraite », « facturation
électronique » and « franchise en base » appeared nowhere.  For each term:

- it is **explained on an article page**: the term appears in the text of at
  least one article (content/ minus the static pages, the glossary among them,
  and the section introductions), outside code;
- the **glossary has an entry** for it: a level-2 heading of
  content/pages/glossaire.md that contains the term;
- that entry **links to such an article**: one of its ``{filename}`` links
  targets an article whose text contains the term.

Matching ignores case and the kind of space or apostrophe, not accents
(« portabilité » is not « portabilite »), and a term matches as a whole word
(« CFE » is not found in « CFEX »).
"""

from __future__ import annotations

import re

import pytest
from _contenu import CONTENT, GLOSSAIRE, articles, liens_internes, lire, sans_code

TERMES = ("CFE", "portabilité", "cumul emploi-retraite", "facturation électronique", "franchise en base")


def _normal(texte: str) -> str:
    texte = re.sub(r"[\u00a0\u202f\u2009]", " ", texte)
    return texte.replace("’", "'").casefold()


def contient(texte: str, terme: str) -> bool:
    """``terme`` appears in ``texte`` as a whole word (code and expressions excluded)."""
    texte = re.sub(r"\{\{.*?\}\}", " ", sans_code(texte))
    motif = r"(?<![\w-])" + re.escape(_normal(terme)).replace(r"\ ", r"\s+") + r"(?![\w])"
    return re.search(motif, _normal(texte)) is not None


def entrees(glossaire_body: str) -> dict[str, str]:
    """{heading text: text of the entry} of every level-2 heading of the glossary."""
    out: dict[str, str] = {}
    parts = re.split(r"^##\s+(.+?)\s*$", glossaire_body, flags=re.M)
    for titre, corps in zip(parts[1::2], parts[2::2]):
        out[re.sub(r"\s*\{[^}]*\}\s*$", "", titre)] = corps
    return out


def pages_qui_expliquent(terme: str, docs) -> set[str]:
    """Paths (relative to content/, with a leading slash) of the articles whose text holds ``terme``."""
    return {"/" + d.rel for d in docs if contient(d.body, terme)}


def liens(texte: str) -> set[str]:
    """Targets of the ``{filename}`` links of ``texte``."""
    from _contenu import Document
    doc = Document(GLOSSAIRE, {}, texte, 1)
    return {cible for _ligne, cible, _ancre in liens_internes(doc)}


def problemes(terme: str, docs, glossaire_body: str) -> list[str]:
    """What is missing for ``terme``, in French; [] if it is explained and linked."""
    pages = pages_qui_expliquent(terme, docs)
    out = []
    if not pages:
        out.append(f"« {terme} » n'apparaît dans aucun article")
    trouvees = {t: c for t, c in entrees(glossaire_body).items() if contient(t, terme)}
    if not trouvees:
        out.append(f"« {terme} » n'a pas d'entrée dans le glossaire")
    elif pages and not any(liens(c) & pages for c in trouvees.values()):
        out.append(f"l'entrée « {next(iter(trouvees))} » du glossaire ne renvoie à aucun article qui explique « {terme} »")
    return out


# ---- the check itself, on examples -----------------------------------------------------

class _Doc:
    def __init__(self, rel, body):
        self.rel, self.body = rel, body


def test_a_term_explained_and_linked_passes():
    docs = [_Doc("statuts/a.md", "La portabilité de la mutuelle dure un an.")]
    glossaire = "## Portabilité {#portabilite}\n\nMaintien. Voir [a]({filename}/statuts/a.md#x).\n"
    assert problemes("portabilité", docs, glossaire) == []


def test_each_missing_piece_is_named():
    docs = [_Doc("statuts/a.md", "Rien ici."), _Doc("statuts/b.md", "La CFE est due.")]
    assert problemes("portabilité", docs, "## TJM {#tjm}\n\nPrix.\n") == [
        "« portabilité » n'apparaît dans aucun article",
        "« portabilité » n'a pas d'entrée dans le glossaire",
    ]
    # an entry that links to a page which does not explain the term
    glossaire = "## CFE (cotisation foncière des entreprises) {#cfe}\n\nVoir [a]({filename}/statuts/a.md).\n"
    assert problemes("CFE", docs, glossaire) == [
        "l'entrée « CFE (cotisation foncière des entreprises) » du glossaire ne renvoie à aucun article qui explique « CFE »"]


def test_matching_is_by_whole_word_and_ignores_case_and_spaces():
    assert contient("Les règles du Cumul\nemploi-retraite.", "cumul emploi-retraite")
    assert not contient("La CFEX n'existe pas.", "CFE")
    assert not contient("`CFE` dans du code", "CFE")
    assert not contient("portabilite sans accent", "portabilité")


# ---- the guide ---------------------------------------------------------------------------

ARTICLES = articles()
GLOSSAIRE_BODY = lire(GLOSSAIRE).body


@pytest.mark.parametrize("terme", TERMES)
def test_term_is_explained_on_an_article_and_linked_from_the_glossary(terme):
    assert problemes(terme, ARTICLES, GLOSSAIRE_BODY) == []


def test_the_articles_do_not_include_the_glossary():
    assert all(CONTENT / "pages" not in d.path.parents for d in ARTICLES)
