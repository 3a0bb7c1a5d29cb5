"""The production build (`make publish`) works under any public address, even in a sub-folder
such as a GitHub Pages project site: every link, canonical URL, feed and sitemap entry is absolute."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from site_html import html_pages, parse, url_of
from site_sources import ROOT, copy_with_filled_legal_notice

SITEURL = "https://exemple.org/guide"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    # `make publish` refuses a legal notice still holding placeholders: build an editor's filled copy.
    content = copy_with_filled_legal_notice(tmp_path_factory.mktemp("publication") / "content")
    output = content.parent / "site"
    result = subprocess.run(
        ["make", "--no-print-directory", "publish", f"OUTPUT={output}", f"CONTENT={content}", f"SITEURL={SITEURL}"],
        cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    return output


def test_publish_refuses_to_build_without_a_public_address(tmp_path):
    result = subprocess.run(
        ["make", "--no-print-directory", "publish", f"OUTPUT={tmp_path / 'site'}", "SITEURL="],
        cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600,
    )
    assert result.returncode != 0
    assert "make publish SITEURL=https://" in result.stdout + result.stderr


def test_every_link_stays_under_the_public_address(published):
    problems = []
    for path in html_pages(published):
        doc = parse(path)
        for element in doc.elements:
            for attr in ("href", "src", "action"):
                value = element.attrs.get(attr)
                if value is None or value.startswith(("#", "mailto:")) or value.startswith(SITEURL + "/"):
                    continue
                if element.tag == "a" and re.match(r"https?://", value):
                    continue  # a link to another website
                problems.append(f"{url_of(published, path)}: <{element.tag} {attr}={value!r}>")
    assert not problems, "\n".join(problems[:40])


def test_canonical_and_open_graph_urls_are_absolute(published):
    for path in html_pages(published):
        doc = parse(path)
        expected = SITEURL + url_of(published, path)
        if path.name == "404.html":
            continue
        assert [e.attrs["href"] for e in doc.all("link", rel="canonical")] == [expected]
        assert doc.meta("og:url") == expected


def test_feed_sitemap_and_robots_use_the_public_address(published):
    feed = ET.parse(published / "feeds/tout.atom.xml").getroot()
    links = [link.attrib["href"] for link in feed.iter("{http://www.w3.org/2005/Atom}link")]
    assert links and all(link.startswith(SITEURL + "/") for link in links)
    locs = [loc.text for loc in ET.parse(published / "sitemap.xml").iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith(SITEURL + "/") for loc in locs)
    assert f"Sitemap: {SITEURL}/sitemap.xml" in (published / "robots.txt").read_text(encoding="utf-8")
