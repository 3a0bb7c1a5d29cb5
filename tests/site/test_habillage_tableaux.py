"""The alignment of a Markdown table's columns, as classes (plugins/habillage).

Python-Markdown writes ``style="text-align: …"`` on each cell of an aligned column; the CSP
(``style-src 'self'``) blocks inline styles, so the build turns them into the theme's classes.
"""

from __future__ import annotations

import re
import sys

import markdown
import pytest
from site_sources import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from habillage import _rewrite  # noqa: E402

TABLEAU = "| Statut | Net | Part |\n|{}|{}|{}|\n| Portage | 1 000 | 70 % |\n"

# (the three separators, the class each column's cells get; None: no class)
ALIGNEMENTS = [
    ((":--", "--:", ":-:"), ("a-gauche", "a-droite", "au-centre")),
    (("---", "--:", "---"), (None, "a-droite", None)),
    (("---", "---", "---"), (None, None, None)),
]


@pytest.mark.parametrize(("separateurs", "classes"), ALIGNEMENTS)
def test_column_alignment_becomes_a_class(separateurs, classes):
    html = _rewrite(markdown.markdown(TABLEAU.format(*separateurs), extensions=["tables"], output_format="html5"))
    assert "style=" not in html
    for cellule in ("th", "td"):
        attributs = re.findall(rf"<{cellule}(\s[^>]*)?>", html)
        assert attributs == [f' class="{c}"' if c else "" for c in classes]
