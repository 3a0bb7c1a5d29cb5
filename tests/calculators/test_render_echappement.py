"""The renderer escapes text as ``html.escape`` does (it has its own copy, so that the browser's
engine does not import ``html`` on the path of the first live figure)."""

from html import escape as reference

from hypothesis import given
from hypothesis import strategies as st

from calculators import render


@given(st.text(), st.booleans())
def test_escape_is_html_escape(text, quote):
    assert render.escape(text, quote=quote) == reference(text, quote=quote)


def test_escape_of_the_five_characters():
    assert render.escape("""a&b<c>"d'e""") == "a&amp;b&lt;c&gt;&quot;d&#x27;e"
