"""Prefetch on intent (theme/static/js/prechargement.js): an article that links to a
calculator page fetches no byte of the engine until the reader points at or focuses such a
link; then the browser prefetches the runtime, from the site's own origin only."""

from __future__ import annotations

import re


def _article_linking_to_a_calculator(site_dir):
    for p in sorted((site_dir / "statuts").rglob("index.html")):
        text = p.read_text(encoding="utf-8")
        if 'class="calculateur"' in text or "data-prechargement" not in text:
            continue
        pages = re.search(r'data-pages="([^"]*)"', text).group(1).split()
        body = text.split('<main', 1)[1]
        for target in pages:
            if f'href="{target}"' in body:
                return "/" + str(p.parent.relative_to(site_dir)) + "/", target
    raise AssertionError("no article of statuts/ links to a calculator page")


def _engine(watch) -> list[str]:
    return [u for u in watch.requests if "/runtime/" in u or "calculateur" in u]


def test_no_runtime_byte_until_the_reader_points_at_a_calculator_link(fresh, site_url, site_dir):
    path, target = _article_linking_to_a_calculator(site_dir)
    page, watch = fresh()
    page.goto(site_url + path, wait_until="load")
    page.wait_for_timeout(2500)
    assert _engine(watch) == []
    page.locator(f'main a[href="{target}"]').first.hover()
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(e => e.name.includes('pyodide.asm.wasm'))",
        timeout=30_000,
    )
    engine = _engine(watch)
    assert any(u.endswith("pyodide.asm.wasm") for u in engine)
    assert any(re.search(r"/python_stdlib-[0-9a-f]{12}\.zip$", u) for u in engine)
    assert any(re.search(r"/calculators-[0-9a-f]{12}\.whl$", u) for u in engine)
    assert watch.foreign() == []


def test_keyboard_focus_is_intent_too_and_the_switch_turns_it_off(fresh, site_url, site_dir):
    path, target = _article_linking_to_a_calculator(site_dir)
    page, watch = fresh()
    page.goto(site_url + path + "?moteur=sans-prechargement", wait_until="load")
    page.locator(f'main a[href="{target}"]').first.focus()
    page.wait_for_timeout(1500)
    assert _engine(watch) == []
    page2, watch2 = fresh()
    page2.goto(site_url + path, wait_until="load")
    page2.locator(f'main a[href="{target}"]').first.focus()
    page2.wait_for_function(
        "() => document.querySelectorAll('link[rel=prefetch]').length > 0", timeout=10_000)
    hrefs = page2.eval_on_selector_all("link[rel=prefetch]", "ls => ls.map(l => l.href)")
    assert all(h.startswith(site_url + "/") for h in hrefs)
    assert any(h.endswith("pyodide.asm.wasm") for h in hrefs)
