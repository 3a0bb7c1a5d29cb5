"""The text of an internal link says where it leads.

For every ``[texte]({filename}/chemin.md#ancre)`` of content/ (outside code):
- never a generic text (« ici », « cliquez ici », « cet article », « ce lien », « en savoir
  plus », « lire la suite »…): a reader who lists a page's links (screen readers do) must know
  each one's destination;
- the text shares a significant word with the target: its title (or menu label), the heading
  the anchor points to, or that heading's first paragraph (a glossary term's definition, which
  spells out its acronym: « allocation d’aide au retour à l’emploi » → ``#are``).  Words are compared without accents or case, on their first five letters
  (« cotisations » meets « cotiser »), stop words left out.  Known good cases are listed in
  PERMIS with the reason.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from _contenu import CONTENT, _site_slugify, lire, sans_code, titres

GENERIQUES = {
    "ici", "cliquez ici", "cliquer ici", "par ici", "cet article", "cette page", "ce lien", "lien", "la page",
    "l’article", "l'article", "en savoir plus", "lire la suite", "la suite", "voir", "voir ici", "plus",
    "ce guide", "cette rubrique", "là", "ce texte", "cette section", "ci-dessous", "ci-dessus",
}
VIDES = set("""
a au aux avec ce ces cet cette d de des du elle en et est il la le les leur leurs l lui ma mais me mes mon
ne ni nos notre nous on ou où par pas pour qu que qui sa se ses son sur ta te tes ton tu un une vos votre
vous y à été être avoir fait faire plus moins tout tous toute toutes comme dans entre sans sous chez
quoi quel quelle quels quelles comment combien pourquoi quand vraiment bien aussi encore même autre
autres peut peuvent son sont ont avez êtes c s n j m t ça cela ceci celui celle ceux voir page article
""".split())

_LIEN = re.compile(r"(?<!!)\[((?:[^\[\]]|\[[^\]]*\])+)\]\(\s*<?\{filename\}([^)#\s>]+)(?:#([^)\s>]+))?>?(?:\s+\"[^\"]*\")?\s*\)")

# (source file, link text, target as written) -> why the text is right though it shares no word
PERMIS: dict[tuple[str, str, str], str] = {}


def _sans_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def mots(texte: str) -> set[str]:
    """Significant words, by their first five letters, without accents or case."""
    texte = re.sub(r"\{\{.*?\}\}|`[^`]*`|\{#[^}]*\}", " ", texte)
    out = set()
    for m in re.findall(r"[\w’'-]+", texte.lower()):
        for w in re.split(r"[’'-]", m):
            if len(w) < 2 or w in VIDES or w.isdigit():
                continue
            out.add(_sans_accents(w)[:5])
    return out


def _texte_de(doc, ancre: str | None) -> str:
    """What a link to ``doc#ancre`` promises: the title, menu label, and the heading of the
    anchor with its first paragraph."""
    parts = [doc.meta.get("title", ""), doc.meta.get("menu_label", "")]
    if ancre:
        slug = _site_slugify()
        body = sans_code(doc.body)
        lines = body.splitlines()
        for i, line in enumerate(lines):
            heading = titres(line)
            if heading:
                _lvl, text, ident = heading[0]
                if ident == ancre or (not ident and slug(text, "-") == ancre):
                    para = []
                    for nxt in lines[i + 1:]:
                        if titres(nxt):
                            break
                        if not nxt.strip() and para:
                            break
                        para.append(nxt)
                    parts += [text, " ".join(para)]
                    break
            elif re.search(r"\{:?\s*#" + re.escape(ancre) + r"\b", line):
                parts.append(line)
    return " ".join(parts)


def texte_trompeur(texte: str, cible: str) -> str | None:
    """Why ``texte`` misleads about ``cible`` (the promised text), or None."""
    propre = re.sub(r"\s+", " ", re.sub(r"[*_]", "", texte)).strip().lower().strip(" .,:;")
    if propre in GENERIQUES or re.fullmatch(r"(cliquez |voir |lire )?(ici|là)", propre):
        return "texte générique"
    if not mots(texte) & mots(cible):
        return "aucun mot commun avec le titre ou l’intertitre visé"
    return None


def liens(path):
    doc = lire(path)
    body = sans_code(doc.body)
    for m in _LIEN.finditer(body):
        yield doc.body_start + body.count("\n", 0, m.start()), m.group(1), m.group(2), m.group(3)


def test_the_check_flags_generic_and_unrelated_texts():
    cible = "Les frais de gestion et le taux de restitution Ce que la société de portage prélève"
    assert texte_trompeur("ici", cible) == "texte générique"
    assert texte_trompeur("cliquez ici", cible) == "texte générique"
    assert texte_trompeur("cet article", cible) == "texte générique"
    assert texte_trompeur("la retraite des indépendants", cible) == "aucun mot commun avec le titre ou l’intertitre visé"
    assert texte_trompeur("ses frais", cible) is None
    assert texte_trompeur("ce que prélève la société", cible) is None


def test_the_target_text_includes_the_anchored_heading_and_its_paragraph():
    glossaire = lire(CONTENT / "pages" / "glossaire.md")
    are = _texte_de(glossaire, "are")
    assert texte_trompeur("allocation d’aide au retour à l’emploi", are) is None
    assert texte_trompeur("réserve financière", are) is not None
    portage = lire(CONTENT / "portage-salarial" / "cdi-cdd-reserve-financiere.md")
    assert texte_trompeur("allocation de prospection", _texte_de(portage, None)) is not None
    assert texte_trompeur("allocation de prospection", _texte_de(portage, "allocation-prospection")) is None


FICHIERS = sorted(CONTENT.rglob("*.md"))


@pytest.mark.parametrize("path", FICHIERS, ids=[p.relative_to(CONTENT).as_posix() for p in FICHIERS])
def test_internal_link_texts_match_their_targets(path):
    rel = path.relative_to(CONTENT).as_posix()
    problems = []
    for n, texte, cible, ancre in liens(path):
        target = CONTENT / cible.lstrip("/")
        if not target.exists():
            continue  # a broken link is the build's and test_front_matter's concern
        if (rel, texte, cible + (f"#{ancre}" if ancre else "")) in PERMIS:
            continue
        why = texte_trompeur(texte, _texte_de(lire(target), ancre))
        if why:
            problems.append(f"{n}: [{texte}] → {cible}{'#' + ancre if ancre else ''} : {why}")
    assert problems == [], f"{rel} :\n" + "\n".join(problems)
