"""French typography applied to the text of every page (plugins/habillage).

French puts a space before « : ; ! ? » and inside « guillemets »; it must not break, or a
line can start with a colon. The build writes a narrow no-break space (U+202F) there, in
text only: code, attributes and URLs keep their characters.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from site_sources import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from habillage import typographie  # noqa: E402

N = "\u202f"  # narrow no-break space


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("Le TJM : combien ?", f"Le TJM{N}: combien{N}?"),
        ("Oui ! Et ensuite ; la suite", f"Oui{N}! Et ensuite{N}; la suite"),
        ("« portage »", f"«{N}portage{N}»"),
        ('<a href="/x">lien</a> : suite', f'<a href="/x">lien</a>{N}: suite'),
        # untouched: code, attributes, times and URLs (no space before the colon)
        ("<code>a : b</code> et <pre>c ; d</pre>", "<code>a : b</code> et <pre>c ; d</pre>"),
        ('<abbr title="Taux : journalier">TJM</abbr>', '<abbr title="Taux : journalier">TJM</abbr>'),
        ("à 10:30 sur https://www.urssaf.fr", "à 10:30 sur https://www.urssaf.fr"),
    ],
)
def test_narrow_no_break_spaces(html, expected):
    assert typographie(html) == expected


def test_built_pages_keep_no_breakable_space_before_a_colon(site_dir):
    """In the text of every built page (outside code and scripts), no ordinary space before « : ; ! ? »."""
    from site_html import html_pages

    offenders = []
    for path in html_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        html = re.sub(r"(?is)<(script|style|code|pre|textarea)\b.*?</\1>", " ", html)
        html = re.sub(r"(?s)<head>.*?</head>", " ", html)
        text = re.sub(r"<[^>]+>", "\x00", html)  # a tag boundary is not a space
        for match in re.finditer(r"\w[ \u00a0][:;!?](?=[\s\x00]|$)", text):
            offenders.append(f"{path.relative_to(site_dir)}: …{text[max(0, match.start() - 30):match.end() + 10]}…")
    assert not offenders, "\n".join(offenders[:20])


def _reference(html: str) -> str:
    """The rule written plainly: each text node outside code/pre/script/… gets espaces_fines,
    tag by tag (typographie takes a shortcut when no such tag is present)."""
    from calculators.core.format import espaces_fines

    parts, depth = re.split(r"(<[^>]*>)", html), 0
    for i, part in enumerate(parts):
        if i % 2:
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            if name and name.group(1).lower() in ("code", "pre", "script", "style", "kbd", "samp", "textarea") \
                    and not part.endswith("/>"):
                depth = max(depth + (-1 if part.startswith("</") else 1), 0)
        elif not depth:
            parts[i] = espaces_fines(part)
    return "".join(parts)


_PIECES = ["<code>", "</code>", "<CODE class=x>", "< /pre>", "<pre/>", "<codex>", "<p>", "</p>", " : ", "« ",
           " »", "mot", " ", "\u00a0?", "!", "<", ">", "<script>", "</ script>", "<b>", "x ;", "<kbd>", "</kbd>",
           "<textarea1>", "<Samp >"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_typographie_follows_the_tag_by_tag_rule(pieces):
    html = "".join(pieces)
    assert typographie(html) == _reference(html)
