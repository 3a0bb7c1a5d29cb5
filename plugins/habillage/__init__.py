"""Presentation helpers for the theme (one concern: how content is dressed, never what it says).

- Jinja filters `date_fr` ("1er juillet 2026", without relying on a system locale) and `date_iso`;
  the globals `REGLES_MANQUANTES` ("de 2027" when the build runs after the last day the
  parameter files cover, else "") and `REGLES_DEFAUT` (the year of the calculators'
  default date: today within the covered days), for the article stamp.
- An on-page table of contents: every article and page gets `sommaire`, the list of its
  h2/h3 headings (level, anchor, text), built from the ids the Markdown `toc` extension writes.
- French typography: the space before « : ; ! ? » and inside « guillemets » becomes a
  narrow no-break space (U+202F), in the text of content and in titles and summaries, so
  that a line never starts with a colon; code, scripts and attributes are left alone.
- Markup the Content-Security-Policy would break is rewritten: table cell alignment
  (`style="text-align: …"` written by Markdown tables) becomes a class, and the `toc`
  permalink gets an accessible French label; an empty table header cell (the corner of a
  Markdown table) becomes a plain cell, which screen readers do not announce as a header.
"""

from __future__ import annotations

import datetime as _dt
import re
from html import unescape

from blinker import signal
from pelican import signals
from pelican.contents import Content

# the one typography rule, shared with the calculators' renderer
from calculators.core.format import NNBSP, espaces_fines, typographie  # noqa: F401

MOIS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def date_fr(value) -> str:
    """`date(2026, 7, 1)` -> "1er juillet 2026"; accepts date, datetime or ISO string."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = _dt.date.fromisoformat(value[:10])
    jour = "1er" if value.day == 1 else str(value.day)
    return f"{jour} {MOIS[value.month - 1]} {value.year}"


def date_iso(value) -> str:
    if isinstance(value, _dt.datetime):
        value = value.date()
    return value.isoformat()


_ALIGN = re.compile(r'\sstyle="text-align:\s*(left|right|center);?"')
_ALIGN_CLASS = {"left": "a-gauche", "right": "a-droite", "center": "au-centre"}
_HEADERLINK = re.compile(r'<a class="headerlink" href="#([^"]*)" title="[^"]*">#</a>')


_EMPTY_TH = re.compile(r"<th(\s[^>]*)?>\s*</th>")


def _rewrite(html: str) -> str:
    html = typographie(html)
    # An empty header cell (top-left corner of a Markdown table) names nothing: make it a data cell.
    html = _EMPTY_TH.sub(lambda m: f"<td{m.group(1) or ''}></td>", html)
    # (the pattern starts with a class of characters: the regex engine tries it at every
    # position of the page; the test in C below, needed by any match, skips that scan)
    if 'style="text-align' in html:
        html = _ALIGN.sub(lambda m: f' class="{_ALIGN_CLASS[m.group(1)]}"', html)
    return _HEADERLINK.sub(
        r'<a class="ancre" href="#\1"><span aria-hidden="true">#</span>'
        r'<span class="visuellement-cache">Lien direct vers cette section</span></a>',
        html,
    )


# The headings of a page's content, found by one linear scan (an HTMLParser pass over each
# page was 14 % of the build): h2/h3 with an id; the text without the permalink anchor
# (class "ancre") that `_rewrite` adds, tags dropped, entities decoded.
_HEADING = re.compile(r"<h([23])\b([^>]*)>(.*?)</h\1\s*>", re.S | re.I)
_ID = re.compile(r"""(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_PERMALINK = re.compile(r"""<a\b[^>]*\bclass\s*=\s*["'][^"']*\bancre\b[^"']*["'][^>]*>.*?</a\s*>""", re.S | re.I)
_ANY_TAG = re.compile(r"<[^>]*>")


def sommaire(html: str) -> list[dict]:
    out = []
    for m in _HEADING.finditer(html or ""):
        found = _ID.search(m.group(2))
        ident = unescape(next(g for g in found.groups() if g is not None)) if found else ""
        if not ident:
            continue
        text = unescape(_ANY_TAG.sub("", _PERMALINK.sub("", m.group(3))))
        # collapse ordinary whitespace only: the narrow no-break spaces of French typography stay
        out.append({"niveau": int(m.group(1)), "id": ident, "texte": re.sub(r"[ \t\r\n]+", " ", text).strip()})
    return out


# The rewritten HTML and its headings, computed by the worker that read the source
# (plugins/calculateurs/parallele.py sends the two signals below), by original HTML.
_PREPARED: dict = {}


def _preparer(html: str):
    rewritten = _rewrite(html)
    return rewritten, sommaire(rewritten)


def _retenir(html: str, valeurs: dict) -> None:
    value = valeurs.get(f"{_preparer.__module__}.{_preparer.__qualname__}")
    if value is not None:
        _PREPARED[html] = value


def _on_content(instance: Content) -> None:
    if not getattr(instance, "_content", None):
        instance.sommaire = []
        return
    prepared = _PREPARED.pop(instance._content, None)
    if prepared is None:
        prepared = _preparer(instance._content)
    instance._content, headings = prepared
    # Title and summary: Pelican reads them from `metadata` (and the summary back from `_summary`).
    for key in ("title", "summary"):
        value = instance.metadata.get(key)
        if isinstance(value, str):
            instance.metadata[key] = typographie(value)
    if isinstance(instance.metadata.get("title"), str):
        instance.title = instance.metadata["title"]
    if isinstance(getattr(instance, "_summary", None), str):
        instance._summary = typographie(instance._summary)
    instance.sommaire = [dict(h) for h in headings]
    minimum = instance.settings.get("SOMMAIRE_MINIMUM", 3)
    instance.afficher_sommaire = sum(1 for h in instance.sommaire if h["niveau"] == 2) >= minimum


def regles_manquantes() -> str:
    """« de 2027 » once the build runs after the last day the parameter files
    cover (calculators/core/dates.py), else "": the article stamp then says that
    these rules are not yet in the guide."""
    from calculators.core import dates

    return dates.regles_manquantes() or ""


def regles_defaut() -> int:
    """The rules year of an article that sets no `Regles`: that of the date the
    calculators simulate by default (today, brought within the covered days), so
    the stamp and the prerendered results never name two different years."""
    from calculators.core import dates

    return dates.default_date().year


def _on_generator_init(generator) -> None:
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["REGLES_MANQUANTES"] = regles_manquantes()
        env.globals["REGLES_DEFAUT"] = regles_defaut()
        env.filters["date_fr"] = date_fr
        env.filters["date_iso"] = date_iso
        env.filters["texte"] = lambda html: unescape(re.sub(r"<[^>]+>", "", str(html or "")))


def register():
    signals.content_object_init.connect(_on_content)
    signals.initialized.connect(lambda _pelican: _PREPARED.clear(), weak=False)
    signal("cadre-libre.preparer-contenu").connect(_preparer)
    signal("cadre-libre.retenir-contenu").connect(_retenir)
    signals.generator_init.connect(_on_generator_init)
