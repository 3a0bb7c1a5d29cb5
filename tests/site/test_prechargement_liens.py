"""The prefetch on intent lists, on each page, the calculator pages that page links to, and
nothing else: a page that links to no calculator page loads no prefetch script at all.  (Every
page used to carry the list of all the site's calculator pages: bytes that grew as the
square of the site's size.)"""

from __future__ import annotations

import sys

import pytest
from site_html import html_pages, parse, url_of
from site_sources import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from calculateurs import PAGES_LIEES, pages_liees  # noqa: E402

RUNTIME = {"pages": ["/simulateurs/portage/", "/simulateurs/eurl/", "/tjm/calculer/"]}


def _page(head: str, body: str) -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


TAG = f'<script type="module" src="/theme/js/prechargement.js" data-prechargement data-pages="{PAGES_LIEES}"></script>'


@pytest.mark.parametrize(
    ("body", "listed"),
    [
        # a link, with a fragment or a query, counts once, under its page's URL
        ('<a href="/simulateurs/portage/">a</a> <a class="x" href="/simulateurs/portage/#resultat">b</a>',
         ["/simulateurs/portage/"]),
        ('<a href="/tjm/calculer/?tjm=600">a</a> <a href="/simulateurs/eurl/">b</a>',
         ["/simulateurs/eurl/", "/tjm/calculer/"]),
        # a page of the site that is not a calculator page, a prefix of one, another site
        ('<a href="/statuts/eurl/">a</a> <a href="/simulateurs/">b</a> <a href="https://x.fr/simulateurs/eurl/">c</a>',
         None),
        # the URL in the text, not in a link
        ("<p>/simulateurs/portage/</p>", None),
    ],
)
def test_the_prefetch_lists_the_calculator_pages_the_page_links_to(body, listed):
    html = pages_liees(_page(TAG + '<link rel="next" href="/simulateurs/eurl/">', body), RUNTIME)
    assert PAGES_LIEES not in html
    if listed is None:
        assert "data-prechargement" not in html
        assert html == _page('<link rel="next" href="/simulateurs/eurl/">', body)
    else:
        assert f'data-pages="{" ".join(listed)}"' in html


# (head of the page, what is left once the tag is removed): the tag goes with the one newline
# just before it, if any, and only the first tag goes
SANS_LIEN = [
    (f"<meta charset=utf-8>\n{TAG}\n<title>t</title>", "<meta charset=utf-8>\n<title>t</title>"),
    (f"<meta charset=utf-8>{TAG}<title>t</title>", "<meta charset=utf-8><title>t</title>"),
    (f"<meta charset=utf-8>\n\n  {TAG}", "<meta charset=utf-8>\n\n  "),
    (f"\n\n{TAG}\n{TAG}", f"\n\n{TAG}"),
    (f"<script src=/a.js></script>\n{TAG.replace('type=', 'defer type=')}", "<script src=/a.js></script>"),
]


@pytest.mark.parametrize(("head", "left"), SANS_LIEN)
def test_without_a_calculator_link_the_tag_and_its_newline_are_removed(head, left):
    assert pages_liees(_page(head, "<p>aucun lien</p>"), RUNTIME) == _page(left, "<p>aucun lien</p>")


def test_a_page_without_the_prefetch_tag_is_left_as_it_is():
    html = _page('<script type="module" src="/theme/js/calculateur.js"></script>', '<a href="/simulateurs/eurl/">a</a>')
    assert pages_liees(html, RUNTIME) == html


@pytest.fixture(scope="module")
def pages(site_dir):
    return {url_of(site_dir, p): parse(p) for p in html_pages(site_dir)}


def test_each_built_page_lists_exactly_the_calculator_pages_it_links_to(pages):
    def has_calculator(doc) -> bool:
        return any((s.attrs.get("src") or "").endswith("/calculateur.js") for s in doc.all("script"))

    calculator_pages = {url for url, doc in pages.items() if has_calculator(doc)}
    assert len(calculator_pages) >= 5
    listed = []
    for url, doc in pages.items():
        if has_calculator(doc):
            assert not [s for s in doc.all("script") if "data-prechargement" in s.attrs], url
            continue
        linked = {a.attrs["href"].split("#")[0].split("?")[0] for a in doc.all("a") if a.attrs.get("href")}
        expected = sorted(linked & calculator_pages)
        tags = [s for s in doc.all("script") if "data-prechargement" in s.attrs]
        if expected:
            assert len(tags) == 1, url
            assert tags[0].attrs["data-pages"].split() == expected, url
            listed.append(len(expected))
        else:
            assert tags == [], url
    # pages list their own links, not the site's calculator pages (every page links to the
    # home page, which holds a calculator: every page has the tag)
    assert listed and min(listed) < len(calculator_pages)
