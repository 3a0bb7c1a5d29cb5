"""French prose takes the typographic apostrophe (’), never the straight one ('), outside
code, build-time expressions, link targets, HTML attributes and anchors (_prose.py).
A straight apostrophe is rewritten with `python tests/content/_prose.py FILE.md`."""

from __future__ import annotations

from _contenu import CONTENT
from _prose import line_of, prose_mask, typographic_apostrophes


def test_the_prose_has_no_straight_apostrophe():
    problems = []
    for path in sorted(CONTENT.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        mask = prose_mask(text)
        problems += [f"{path.relative_to(CONTENT)}:{line_of(text, i)}" for i, c in enumerate(text) if c == "'" and mask[i]]
    assert not problems, "apostrophe droite (') dans le texte, écrivez ’ : " + ", ".join(problems[:30])


def test_code_expressions_links_and_anchors_keep_their_straight_quotes():
    source = (
        "Title: L'essai\nSlug: l-essai\nRegles: d'abord\n\n"
        "## L'ARE {#l'are}\n\n"
        "C'est `l'option` et {{ param('a.b') | euros }} ; voir [l'article](https://ex.org/l'a \"l'a\").\n"
        '<span data-x="l\'attribut">l\'intérieur</span>\n\n'
        "```\nprint('code')\n```\n"
    )
    assert typographic_apostrophes(source) == (
        "Title: L’essai\nSlug: l-essai\nRegles: d'abord\n\n"
        "## L’ARE {#l'are}\n\n"
        "C’est `l'option` et {{ param('a.b') | euros }} ; voir [l’article](https://ex.org/l'a \"l'a\").\n"
        '<span data-x="l\'attribut">l’intérieur</span>\n\n'
        "```\nprint('code')\n```\n"
    )
