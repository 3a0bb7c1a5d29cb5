"""Files for search engines, feed readers and static hosts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from site_html import html_pages, parse, url_of
from site_sources import SECTION_FOLDERS, articles

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _article_urls(site_dir) -> set[str]:
    return {url_of(site_dir, p) for p in html_pages(site_dir) if parse(p).meta("og:type") == "article"}


def test_sitemap_lists_every_article_and_section(site_dir):
    tree = ET.parse(site_dir / "sitemap.xml")
    locs = {loc.text for loc in tree.iter(f"{SITEMAP}loc")}
    paths = {"/" + loc.split("://", 1)[-1].split("/", 1)[-1] if "://" in loc else loc for loc in locs}
    missing = _article_urls(site_dir) - paths
    assert not missing, f"absent from sitemap.xml: {sorted(missing)}"
    for folder in SECTION_FOLDERS:
        if articles(folder):
            assert f"/{folder}/" in paths
    assert not any("404" in p for p in paths)


def test_robots_txt_allows_crawling(site_dir):
    text = (site_dir / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in text
    assert "Disallow: /\n" not in text


def test_atom_feed_lists_the_articles(site_dir):
    feed = ET.parse(site_dir / "feeds/tout.atom.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    article_count = sum(len(articles(folder)) for folder in SECTION_FOLDERS)
    assert len(entries) == min(article_count, 30)
    links = {e.find(f"{ATOM}link").attrib["href"] for e in entries}
    # development build: links from the site root (the production build makes them absolute,
    # see test_site_publication.py)
    assert links <= _article_urls(site_dir)


def test_atom_feed_orders_articles_of_the_same_day_by_address(site_dir):
    """Newest first, and on the same day by URL: the feed is the same from one build to the
    next (Pelican alone keeps them in the order of a set of paths, which changes)."""
    feed = ET.parse(site_dir / "feeds/tout.atom.xml").getroot()
    entries = [(e.find(f"{ATOM}published").text, e.find(f"{ATOM}link").attrib["href"])
               for e in feed.findall(f"{ATOM}entry")]
    days = [d for d, _ in entries]
    assert len(set(days)) < len(days), "no two articles of the same day: nothing to order"
    by_day: dict[str, list[str]] = {}
    for day, url in entries:
        by_day.setdefault(day, []).append(url)
    assert days == sorted(days, reverse=True)
    assert all(urls == sorted(urls) for urls in by_day.values()), by_day


def test_headers_file_sets_the_policy_and_caches_the_runtime_forever(site_dir):
    text = (site_dir / "_headers").read_text(encoding="utf-8")
    blocks = {}
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        blocks[lines[0]] = {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    csp = blocks["/*"]["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'",
                      "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'",
                      "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"):
        assert directive in [d.strip() for d in csp.split(";")], directive
    assert blocks["/runtime/*"]["Cache-Control"] == "public, max-age=31536000, immutable"


def test_not_found_page_is_at_the_root(site_dir):
    doc = parse(site_dir / "404.html")
    assert doc.all("h1")[0].text == "Page introuvable"
    # served for any missing address: every link must be absolute from the site root
    for a in doc.all("a"):
        assert a.attrs["href"].startswith(("/", "#", "http")), a.attrs["href"]
