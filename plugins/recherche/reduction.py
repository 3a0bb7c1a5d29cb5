"""The page Pagefind is handed: the built page without the elements it would read only to
leave out, so that it indexes the same thing from a third of the bytes.

Pagefind reads every byte of a page, then leaves out what the page marks
``data-pagefind-ignore="all"`` (the theme's header, trail, table of contents, neighbours and
footer) and what matches its ``exclude_selectors`` (EXCLUS: forms and calculators, whose
prerendered figures, details and tables are two thirds of a page of this site).  Parsing those
was a third of its work at 1 000 articles.  ``reduire`` cuts such an element out whole — start
tag to matching end tag — only where the cut cannot change what Pagefind reads:

- the element is a ``<form>``, or carries ``data-calculateur`` or ``data-pagefind-ignore="all"``
  (an attribute of its start tag, read as HTML reads it: never a word of the text or of
  another attribute's value);
- its end tag is found by counting the start and end tags of the same name (lower case, as
  this site's Markdown, templates and calculators write them) up to the one that closes it;
- what it holds has nothing read otherwise than as tags — no comment or ``<!``, no
  ``<script>``, ``<style>``, ``<textarea>``, ``<title>`` (but in an ``<svg>``) or other raw
  text, no tag in upper case — and
  nothing Pagefind takes from anywhere in a page: no ``data-pagefind-*`` attribute other than
  ``data-pagefind-ignore`` (meta, filters, sorts, weights, body), no ``<h1>`` (the default
  title), no ``<img>`` (the default image).

Otherwise the element stays, and Pagefind leaves it out itself.  The head of the page is never
touched.  tests/site/test_recherche_reduite.py checks that the index made from the cut pages is
the index made from the whole pages, file for file, on every page of the site and on pages
made to trip each rule.
"""

from __future__ import annotations

import re

# an attribute of a start tag, as HTML splits them (a value quoted or not)
_ATTRIBUT = r"""\s+([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?"""
_BALISE = re.compile(r"<([a-z][a-z0-9-]*)((?:" + _ATTRIBUT + r")*)\s*/?>")
_UN_ATTRIBUT = re.compile(_ATTRIBUT)
_REPERE = re.compile(r"data-(?:calculateur|pagefind-ignore)")
# what a cut element may not hold (each pattern starts with a fixed text: fast to search)
_DOUTE_BALISE = re.compile(
    r"<(?:!|/?[A-Z]|(?:script|style|textarea|xmp|plaintext|noscript|template|iframe|noembed|noframes"
    r"|title|h1|img)(?![a-z0-9-]))")
_DOUTE_PAGEFIND = re.compile(r"data-pagefind-(?!ignore(?![a-z0-9-]))")
_ESPACES = frozenset(" \t\n\r\f")


def _exclu(nom: str, attributs: str) -> bool:
    if nom == "form":
        return True
    for m in _UN_ATTRIBUT.finditer(attributs):
        attribut = m.group(1).lower()
        if attribut == "data-calculateur":
            return True
        if attribut == "data-pagefind-ignore" and (m.group(2) or "").strip("\"'").strip().lower() == "all":
            return True
    return False


def _fin(html: str, nom: str, debut: int) -> int:
    """The position just after the end tag that closes the element ``nom`` opened before
    ``debut``, or -1."""
    ouvre, ferme = "<" + nom, "</" + nom
    profondeur = 1
    i = debut
    while True:
        f = html.find(ferme, i)
        if f < 0:
            return -1
        o = html.find(ouvre, i, f)
        while o >= 0:
            if html[o + len(ouvre)] in _ESPACES or html[o + len(ouvre)] in "/>":
                profondeur += 1
            o = html.find(ouvre, o + len(ouvre), f)
        j = f + len(ferme)
        suivant = html[j:j + 1]
        if suivant == ">" or suivant in _ESPACES and suivant:
            profondeur -= 1
            if profondeur == 0:
                g = html.find(">", j)
                return -1 if g < 0 else g + 1
        i = j


def _douteux(html: str, debut: int, fin: int) -> bool:
    if _DOUTE_PAGEFIND.search(html, debut, fin):
        return True
    fin_svg = -1  # the end of the <svg> the last <title> was in
    i = debut
    while (d := _DOUTE_BALISE.search(html, i, fin)) is not None:
        if d.group(0) != "<title":
            return True
        # a <title> inside an <svg> is an element like any other (the name of a bar of a
        # chart), not the raw text a <title> is elsewhere
        if d.start() > fin_svg:
            ouvre = html.rfind("<svg", debut, d.start())
            if ouvre < 0 or ouvre < html.rfind("</svg", debut, d.start()):
                return True
            fin_svg = html.find("</svg", d.end(), fin)
            if fin_svg < 0:
                return True
        i = d.end()
    return False


def reduire(html: str) -> str:
    """``html`` without the elements Pagefind would leave out whole (see the module)."""
    morceaux: list[str] = []
    garde = 0  # what comes before this is settled
    i = 0  # where the next candidate is looked for
    f = html.find("<form")
    m = _REPERE.search(html)
    while f >= 0 or m is not None:
        if f >= 0 and (m is None or f < m.start()):
            debut, repere, suite = f, f, f + 5
        else:
            repere, suite = m.start(), m.end()
            debut = html.rfind("<", garde, repere)
        balise = _BALISE.match(html, debut) if debut >= garde else None
        if balise is None or balise.end() <= repere or not _exclu(balise.group(1), balise.group(2)):
            i = suite
        else:
            fin = _fin(html, balise.group(1), balise.end())
            if fin < 0 or _douteux(html, balise.end(), fin):
                i = balise.end()
            else:
                morceaux.append(html[garde:debut])
                garde = i = fin
        if 0 <= f < i:
            f = html.find("<form", i)
        if m is not None and m.start() < i:
            m = _REPERE.search(html, i)
    if not morceaux:
        return html
    morceaux.append(html[garde:])
    return "".join(morceaux)
