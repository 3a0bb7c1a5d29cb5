"""An article without a calculator, visited with JavaScript, never asks for
the calculator code or the Pyodide runtime (not even when the browser is idle)."""

from __future__ import annotations

import re


def _article_without_calculator(site_dir):
    for p in sorted((site_dir / "statuts").rglob("index.html")):
        if not re.search(r'class="calculateur[ "]', p.read_text(encoding="utf-8")):  # a compact one too
            return "/" + str(p.parent.relative_to(site_dir)) + "/"
    raise AssertionError("no article without calculator")


def test_article_loads_no_calculator_code_and_no_pyodide(fresh, site_url, site_dir):
    page, watch = fresh()
    page.goto(site_url + _article_without_calculator(site_dir), wait_until="load")
    page.wait_for_timeout(5000)  # longer than the idle-time start of a calculator page (4 s)
    assert watch.requests, "the page made no request at all"
    assert not [u for u in watch.requests if "/runtime/" in u or "calculateur" in u]
    assert watch.foreign() == []
