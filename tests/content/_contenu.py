"""Reading the guide's Markdown sources as Pelican does, without building.

Pelican's Markdown reader takes the metadata from the leading ``Key: value``
lines (the ``meta`` extension), up to the first blank line; the rest is the
body.  Articles are every ``.md`` under ``content/`` except the static pages
of ``content/pages/`` and the section introductions of ``content/rubriques/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CONTENT = Path(__file__).resolve().parents[2] / "content"
PAGES = CONTENT / "pages"
# Section introductions (pelicanconf RUBRIQUES_PATH): shown on a section's
# index page, not articles of their own.
RUBRIQUES = CONTENT / "rubriques"
GLOSSAIRE = PAGES / "glossaire.md"

_META = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):\s*(.*)$")


@dataclass(frozen=True)
class Document:
    path: Path
    meta: dict  # keys lower-cased, as Pelican does
    body: str
    body_start: int  # line number (1-based) of the body's first line

    @property
    def rel(self) -> str:
        return self.path.relative_to(CONTENT).as_posix()


def lire(path: Path) -> Document:
    lines = path.read_text(encoding="utf-8").splitlines()
    meta: dict = {}
    i = 0
    last = None
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            break
        m = _META.match(line)
        if m:
            last = m.group(1).lower()
            meta[last] = m.group(2).strip()
        elif last and line.startswith((" ", "\t")):
            # continuation line of the previous key (meta extension)
            meta[last] += " " + line.strip()
        else:
            break
        i += 1
    return Document(path, meta, "\n".join(lines[i:]), i + 1)


def tous_les_documents() -> list[Document]:
    return [lire(p) for p in sorted(CONTENT.rglob("*.md"))]


def articles() -> list[Document]:
    return [
        d for d in tous_les_documents()
        if PAGES not in d.path.parents and RUBRIQUES not in d.path.parents
    ]


def sans_code(body: str) -> str:
    """The body without fenced code blocks and inline code spans (an editor's
    guide may show link syntax as an example)."""
    body = re.sub(r"^(```|~~~).*?^\1\s*$", "", body, flags=re.S | re.M)
    return re.sub(r"`[^`\n]*`", "", body)


# Markdown headings: "## Titre {#ancre}" or "## Titre"
_TITRE = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{([^}]*)\})?\s*#*\s*$")


def titres(body: str) -> list[tuple[int, str, str | None]]:
    """(level, text, explicit id or None) of every ATX heading outside code."""
    out = []
    for line in sans_code(body).splitlines():
        m = _TITRE.match(line)
        if not m:
            continue
        attrs = m.group(3) or ""
        ident = re.search(r"#([\w-]+)", attrs)
        out.append((len(m.group(1)), m.group(2).strip(), ident.group(1) if ident else None))
    return out


def _site_slugify():
    """The heading-id function the site itself uses (pelicanconf.slug_fr), so that
    an anchor accepted here is one that exists in the built pages."""
    import importlib.util

    conf = Path(__file__).resolve().parents[2] / "pelicanconf.py"
    spec = importlib.util.spec_from_file_location("_pelicanconf_for_tests", conf)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.slug_fr


def ancres(doc: Document) -> set[str]:
    """Anchors a link may target in ``doc``: explicit ``{#id}`` attributes,
    and the ids the ``toc`` extension gives to the other headings."""
    slug = _site_slugify()
    out = set()
    for _level, text, ident in titres(doc.body):
        if ident:
            out.add(ident)
        else:
            out.add(slug(text, "-"))
    # explicit attributes on other blocks, e.g. "{: #id }"
    out.update(re.findall(r"\{:?\s*#([\w-]+)[^}]*\}", doc.body))
    return out


_LIEN = re.compile(r"\]\(\s*<?\{filename\}([^)#\s>]+)(?:#([^)\s>]+))?>?(?:\s+\"[^\"]*\")?\s*\)")


def liens_internes(doc: Document) -> list[tuple[int, str, str | None]]:
    """(line, target path relative to content/, anchor or None) of every
    ``[texte]({filename}/chemin.md#ancre)`` link of the body, outside code."""
    out = []
    for n, line in enumerate(sans_code(doc.body).splitlines(), start=doc.body_start):
        for m in _LIEN.finditer(line):
            out.append((n, m.group(1), m.group(2)))
    return out


def section(body: str, titre: str) -> str | None:
    """The text under the level-2 heading ``titre`` up to the next level-2
    heading, or None if there is no such heading."""
    m = re.search(rf"^##\s+{re.escape(titre)}\s*(?:\{{[^}}]*\}})?\s*$", body, flags=re.M)
    if not m:
        return None
    rest = body[m.end():]
    nxt = re.search(r"^##\s", rest, flags=re.M)
    return rest[: nxt.start()] if nxt else rest
