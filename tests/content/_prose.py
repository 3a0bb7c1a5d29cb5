"""Where the prose of a Markdown source is: everything a reader reads as text.

Not prose: the front-matter keys and the values of technical keys (only Title, Summary and
Menu_label are read), fenced code blocks, code spans, build-time expressions ``{{ … }}`` and
``{% … %}``, link targets ``](…)`` and reference definitions, URLs, HTML tags and comments,
attribute lists ``{#anchor}`` / ``{: …}``.
"""

from __future__ import annotations

import re

PROSE_KEYS = {"title", "summary", "menu_label"}

_META = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):[ \t]*(.*)$")
_NOT_PROSE = [
    re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL),  # fenced code block
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#[^}]*#\}", re.DOTALL),  # build-time expressions
    re.compile(r"(`+).+?\1", re.DOTALL),  # code span
    re.compile(r"\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"),  # link target (and title)
    re.compile(r"^[ \t]*\[[^\]]+\]:.*$", re.MULTILINE),  # reference definition
    re.compile(r"<!--.*?-->", re.DOTALL),  # HTML comment
    re.compile(r"</?[A-Za-z][^>]*>"),  # HTML tag, with its attributes
    re.compile(r"https?://[^\s)>\]]+"),  # bare URL
    re.compile(r"\{[:#.][^}\n]*\}"),  # attribute list, {#anchor}
]


def not_prose_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every part of `text` that is not prose, in the source's offsets."""
    spans = []
    offset = 0
    for line in text.splitlines(keepends=True):  # the front matter: up to the first blank line
        if not line.strip():
            break
        match = _META.match(line.rstrip("\n"))
        if not match:
            break
        if match.group(1).lower() in PROSE_KEYS:
            spans.append((offset, offset + match.start(2)))
        else:
            spans.append((offset, offset + len(line)))
        offset += len(line)
    for pattern in _NOT_PROSE:
        spans += [m.span() for m in pattern.finditer(text)]
    return sorted(spans)


def prose_mask(text: str) -> list[bool]:
    """For each character of `text`, whether it belongs to the prose."""
    mask = [True] * len(text)
    for start, end in not_prose_spans(text):
        mask[start:end] = [False] * (end - start)
    return mask


def line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def typographic_apostrophes(text: str) -> str:
    """`text` with every straight apostrophe of its prose made typographic (’)."""
    mask = prose_mask(text)
    return "".join("’" if c == "'" and mask[i] else c for i, c in enumerate(text))


if __name__ == "__main__":  # python tests/content/_prose.py FILE.md…: rewrites the files in place
    import sys
    from pathlib import Path

    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(typographic_apostrophes(path.read_text(encoding="utf-8")), encoding="utf-8")
