"""Readers find their way: menu, sections, breadcrumbs, table of contents, previous/next, date stamp."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from site_html import html_pages, parse, url_of
from site_sources import ROOT, SECTION_FOLDERS, articles

sys.path.insert(0, str(ROOT / "plugins"))
from habillage import date_fr  # noqa: E402

from calculators.core import dates  # noqa: E402

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 7, 1), "1er juillet 2026"),     # French ordinal for the first day only
        (dt.date(2025, 8, 15), "15 août 2025"),        # accented month, no leading zero
        (dt.datetime(2026, 2, 28, 23, 59), "28 février 2026"),
        ("2026-12-02", "2 décembre 2026"),
    ],
)
def test_dates_are_written_in_french_without_system_locale(day, expected):
    assert date_fr(day) == expected


@pytest.fixture(scope="module")
def built(site_dir):
    """{url: Document} of the built HTML pages."""
    return {url_of(site_dir, p): parse(p) for p in html_pages(site_dir)}


def _article_pages(built) -> dict:
    return {url: doc for url, doc in built.items() if doc.meta("og:type") == "article"}


def _url_by_title(built) -> dict:
    return {doc.all("h1")[0].text: url for url, doc in _article_pages(built).items()}


def _sections() -> list[tuple[str, str]]:
    return [(folder, name) for folder, name in SECTION_FOLDERS.items() if articles(folder)]


def test_header_menu_lists_the_sections_in_order_on_every_page(built):
    expected = [(f"/{folder}/", name) for folder, name in _sections()]
    for url, doc in built.items():
        nav_links = _links_in_nav(doc, "Rubriques du guide")
        assert nav_links == expected, url


def _links_in_nav(doc, label: str) -> list[tuple[str, str]]:
    """(href, text) of the links inside the <nav aria-label=label>, in order."""
    return doc.links_in("nav", **{"aria-label": label})


def test_section_pages_list_their_articles_in_editorial_order(built):
    by_title = _url_by_title(built)
    for folder, name in _sections():
        doc = built[f"/{folder}/"]
        assert [s.text for s in doc.all("span", **{"aria-current": "page"})] == [name]
        listed = [a.attrs["href"] for a in doc.all("a") if a.attrs["href"].startswith(f"/{folder}/")
                  and a.attrs["href"] != f"/{folder}/"]
        expected = [by_title[s.title] for s in sorted(articles(folder), key=_editorial_order)]
        # the cards come after the menu and breadcrumbs: keep the article links only, first occurrence
        assert list(dict.fromkeys(h for h in listed if h in expected)) == expected


def _editorial_order(source):
    """Order front matter first (articles without it last), then date, then title."""
    return (source.order if source.order is not None else 10**6, source.date, source.title)


def test_previous_and_next_follow_the_order_of_the_section(built):
    by_title = _url_by_title(built)
    for folder, _ in _sections():
        chain = [by_title[s.title] for s in sorted(articles(folder), key=_editorial_order)]
        for index, url in enumerate(chain):
            doc = built[url]
            prev = [a.attrs["href"] for a in doc.all("a", rel="prev")]
            nxt = [a.attrs["href"] for a in doc.all("a", rel="next")]
            assert prev == ([chain[index - 1]] if index > 0 else []), url
            assert nxt == ([chain[index + 1]] if index + 1 < len(chain) else []), url


def test_breadcrumbs_lead_back_to_the_section_and_home(built):
    for url, doc in _article_pages(built).items():
        crumbs = _links_in_nav(doc, "Fil d'Ariane")
        section = "/" + url.strip("/").split("/")[0] + "/"
        assert crumbs == [("/", "Accueil"), (section, SECTION_FOLDERS[section.strip("/")])], url


def test_articles_carry_the_update_stamp_of_their_front_matter(built):
    by_title = _url_by_title(built)
    for folder, _ in _sections():
        for source in articles(folder):
            doc = built[by_title[source.title]]
            day = source.modified or source.date
            # written out independently of the plugin: "1er" for the first day, month in words
            words = f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"
            stamp = [p.text for p in doc.all("p", **{"class": "tampon"})]
            rules = source.meta.get("regles", "2026")
            # built after the last day the parameter files cover: the next rules are missing, said so
            missing = dates.regles_manquantes()
            tail = f" · les règles {missing} ne sont pas encore dans le guide" if missing else ""
            assert stamp == [f"Mis à jour le {words} · règles {rules}{tail}"], (source.path, stamp)
            times = doc.all("time")
            assert times[0].attrs["datetime"] == day.isoformat()


def test_long_articles_have_a_table_of_contents_of_their_sections(built):
    with_toc = 0
    for url, doc in _article_pages(built).items():
        h2_ids = [h.attrs["id"] for h in doc.all("h2") if h.attrs.get("id") and h.attrs["id"] != "sommaire-titre"]
        toc = [href for href, _ in doc.links_in("nav", **{"aria-labelledby": "sommaire-titre"})]
        if len(h2_ids) >= 3:
            with_toc += 1
            assert toc == [f"#{i}" for i in h2_ids], url
        else:
            assert not doc.all("h2", id="sommaire-titre"), url
    assert with_toc >= 1, "no article is long enough to show a table of contents"


def test_home_page_presents_every_section_and_the_calculators(built):
    home = built["/"]
    hrefs = [a.attrs["href"] for a in home.all("a")]
    for folder, _ in _sections():
        assert hrefs.count(f"/{folder}/") >= 2, folder  # in the menu and in the page
    by_title = _url_by_title(built)
    for source in articles("simulateurs"):
        assert by_title[source.title] in hrefs


def test_search_page_lists_every_article_without_javascript(built):
    doc = built["/recherche/"]
    hrefs = {a.attrs["href"] for a in doc.all("a")}
    assert set(_article_pages(built)) <= hrefs
    assert doc.all("form", role="search")[-1].attrs["action"] == "/recherche/"
