"""Every built page is complete for readers, search engines and the browser's security policy.

Read from the files of the built site (no browser): one h1, a title, a meta description,
French, the Content-Security-Policy, canonical URL, Open Graph and JSON-LD.
"""

from __future__ import annotations

import re

from site_html import html_pages, parse, url_of
from site_sources import SECTION_FOLDERS, articles

# The policy the issue asks for, written out here rather than read from the settings.
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
       "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
       "base-uri 'self'; form-action 'self'")


def _words(text: str) -> str:
    """Text with every run of spaces (no-break and narrow no-break spaces included) as one space."""
    return " ".join(text.split())


def test_every_page_has_one_h1_a_title_and_a_description(site_dir):
    pages = html_pages(site_dir)
    assert len(pages) >= 8, "the site should have a home, sections, articles and pages"
    problems = []
    for path in pages:
        doc = parse(path)
        where = url_of(site_dir, path)
        h1 = doc.all("h1")
        if len(h1) != 1:
            problems.append(f"{where}: {len(h1)} h1")
        elif not h1[0].text.strip():
            problems.append(f"{where}: empty h1")
        if not doc.title.strip():
            problems.append(f"{where}: no <title>")
        description = doc.meta("description")
        if not description or len(description.strip()) < 20:
            problems.append(f"{where}: meta description missing or too short ({description!r})")
    assert not problems, "\n".join(problems)


def test_titles_and_descriptions_are_unique(site_dir):
    seen_titles, seen_descriptions, duplicates = {}, {}, []
    for path in html_pages(site_dir):
        doc = parse(path)
        where = url_of(site_dir, path)
        for seen, value in ((seen_titles, doc.title), (seen_descriptions, doc.meta("description"))):
            if value in seen:
                duplicates.append(f"{where} and {seen[value]}: {value!r}")
            seen[value] = where
    assert not duplicates, "\n".join(duplicates)


def test_every_page_is_french_and_carries_the_security_policy(site_dir):
    problems = []
    for path in html_pages(site_dir):
        doc = parse(path)
        where = url_of(site_dir, path)
        if doc.lang != "fr":
            problems.append(f"{where}: lang={doc.lang!r}")
        if doc.meta("Content-Security-Policy") != CSP:
            problems.append(f"{where}: CSP meta is {doc.meta('Content-Security-Policy')!r}")
        for script in doc.all("script"):
            if not script.attrs.get("src") and script.attrs.get("type") != "application/ld+json":
                problems.append(f"{where}: inline script")
        if doc.all("style") or any("style" in e.attrs for e in doc.elements):
            problems.append(f"{where}: inline style")
        for element in doc.elements:
            for attr in ("src", "href"):
                value = element.attrs.get(attr, "")
                if element.tag in ("script", "img", "link", "iframe", "source") and re.match(r"(https?:)?//", value) \
                        and element.attrs.get("rel") not in ("canonical", "alternate"):
                    problems.append(f"{where}: <{element.tag}> from another origin: {value}")
    assert not problems, "\n".join(problems)


def test_articles_describe_themselves_for_sharing_and_search_engines(site_dir):
    checked = 0
    for path in html_pages(site_dir):
        doc = parse(path)
        url = url_of(site_dir, path)
        if doc.meta("og:type") != "article":
            continue
        checked += 1
        h1 = doc.all("h1")[0].text
        canonical = [e.attrs["href"] for e in doc.all("link", rel="canonical")]
        assert canonical == [url], f"{url}: canonical {canonical}"
        assert doc.meta("og:url") == url
        assert _words(doc.meta("og:title")).startswith(h1)
        assert doc.meta("og:description") == doc.meta("description")
        assert doc.meta("og:locale") == "fr_FR"
        (ld,) = doc.json_ld()
        kinds = {item["@type"]: item for item in ld["@graph"]}
        assert _words(kinds["Article"]["headline"]) == h1
        assert kinds["Article"]["mainEntityOfPage"] == url
        assert kinds["Article"]["inLanguage"] == "fr-FR"
        crumbs = kinds["BreadcrumbList"]["itemListElement"]
        assert [c["position"] for c in crumbs] == [1, 2, 3]
        assert crumbs[0]["item"] == "/" and crumbs[-1]["item"] == url
        assert crumbs[1]["item"] == "/" + url.strip("/").split("/")[0] + "/"
    assert checked >= 3


def test_every_page_links_its_stylesheet_and_icon_from_the_site(site_dir):
    for path in html_pages(site_dir):
        doc = parse(path)
        sheets = [e.attrs["href"] for e in doc.all("link", rel="stylesheet")]
        assert "/theme/css/site.css" in sheets, url_of(site_dir, path)
        assert (site_dir / "theme/css/site.css").is_file()


def test_calculator_script_is_loaded_only_on_pages_that_embed_a_calculator(site_dir):
    """The calculators' JavaScript (and through it the 13 MB Python runtime) is for their pages only."""
    by_title = {}
    for path in html_pages(site_dir):
        doc = parse(path)
        if doc.meta("og:type") == "article":
            by_title[doc.all("h1")[0].text] = doc
    seen_with, seen_without = 0, 0
    for folder in SECTION_FOLDERS:
        for source in articles(folder):
            embeds = re.search(r"(?m)^:::\s*calculateur\b", source.path.read_text(encoding="utf-8")) is not None
            doc = by_title[_words(source.title)]
            scripts = [s.attrs.get("src", "") for s in doc.all("script")]
            assert any(s.endswith("/theme/js/calculateur.js") for s in scripts) == embeds, source.path
            seen_with += embeds
            seen_without += not embeds
    assert seen_without, "no article without calculator to compare with"
