"""In Debian's Chromium: accessibility (axe) in light and dark, nothing loaded from elsewhere,
search, reading without JavaScript, small screens.

Kept to a few page visits: each test visits the pages it needs once.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from site_html import html_pages, parse, url_of

AXE = Axe()


def _article_url(site_dir) -> str:
    """A long article of the guide (one with a table of contents when there is one)."""
    candidates = []
    for path in html_pages(site_dir):
        doc = parse(path)
        if doc.meta("og:type") == "article" and not url_of(site_dir, path).startswith("/simulateurs/"):
            candidates.append((bool(doc.all("h2", id="sommaire-titre")), len(path.read_bytes()), url_of(site_dir, path)))
    assert candidates, "no article in the site"
    return max(candidates)[2]


def _section_url(site_dir) -> str:
    return next(url_of(site_dir, p) for p in html_pages(site_dir)
                if re.fullmatch(r"/(statuts|tjm|portage-salarial)/", url_of(site_dir, p)))


@pytest.fixture(scope="module")
def visits(site_dir):
    """The four kinds of page the issue names: home, section index, article, search (with results)."""
    return {
        "accueil": "/",
        "rubrique": _section_url(site_dir),
        "article": _article_url(site_dir),
        "recherche": "/recherche/?q=cotisation",
    }


def _wait_ready(page, name):
    if name == "recherche":
        page.locator("[data-recherche-liste] li").first.wait_for(timeout=15_000)


@pytest.mark.parametrize("viewport", [(375, 812), (1280, 900)], ids=["telephone", "bureau"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation(page, site_url, site_dir, visits, scheme, viewport):
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.emulate_media(color_scheme=scheme)
    reports = []
    # the four kinds of page, and every calculator page
    calculators = {url_of(site_dir, p): url_of(site_dir, p) for p in html_pages(site_dir)
                   if re.fullmatch(r"/simulateurs/[^/]+/", url_of(site_dir, p))}
    for name, path in {**visits, **calculators}.items():
        page.goto(site_url + path)
        _wait_ready(page, name)
        result = AXE.run(page)
        if result.violations_count:
            reports.append(f"--- {name} ({path}), {scheme}:\n{result.generate_report()}")
    assert not reports, "\n".join(reports)


def test_a_visit_stays_on_the_site_without_cookie_or_error(browser, site_url, visits):
    context = browser.new_context()
    requests, problems = [], []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    try:
        for name, path in visits.items():
            page.goto(site_url + path)
            _wait_ready(page, name)
            page.wait_for_load_state("networkidle")
        page.get_by_role("navigation", name="Rubriques du guide").get_by_role("link").first.click()
        page.wait_for_load_state("networkidle")
        cookies = context.cookies()
        document_cookie = page.evaluate("document.cookie")
    finally:
        context.close()
    foreign = [url for url in requests if not url.startswith(site_url + "/") and not url.startswith(("data:", "blob:"))]
    assert requests and not foreign, foreign
    assert cookies == [] and document_cookie == ""
    # a Content-Security-Policy violation or a missing file shows up as a console error
    assert not problems, problems


def test_search_from_the_header_finds_an_article_about_cotisations(page, site_url):
    page.goto(site_url + "/")
    search = page.get_by_role("search", name="Recherche dans le guide").get_by_role("searchbox", name="Rechercher dans le guide")
    search.fill("cotisation")
    search.press("Enter")
    page.wait_for_url(re.compile(r"/recherche/\?q=cotisation$"))
    results = page.locator("[data-recherche-liste] li")
    results.first.wait_for(timeout=15_000)
    # the true number of pages found (the list shows the first 20 of them)
    found = re.match(r"(\d+) pages? trouvées?", page.get_by_role("status").inner_text())
    assert found and int(found.group(1)) >= results.count() == min(int(found.group(1)), 20)
    excerpts = results.all_inner_texts()
    # Pagefind stems French: the singular query matches the plural in the text
    hit = next(i for i, text in enumerate(excerpts) if "cotisations" in text.lower())
    marked = results.nth(hit).locator("mark").all_inner_texts()
    assert any(m.lower().startswith("cotisation") for m in marked)
    results.nth(hit).get_by_role("link").click()
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    assert "cotisations" in page.locator("main").inner_text().lower()


def test_pages_read_fully_without_javascript(browser, site_url, site_dir):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "/")
        assert page.locator("h1").is_visible()
        page.get_by_role("navigation", name="Rubriques du guide").get_by_role("link").first.click()
        # the click returns once the navigation is committed, not once the page is parsed
        page.wait_for_load_state()
        section = page.url
        assert page.locator("h1").is_visible()
        page.locator("main").get_by_role("list").last.get_by_role("link").first.click()
        page.wait_for_load_state()
        assert page.url != section and page.locator("h1").is_visible()
        # all the text of the article is rendered, none of it waits for a script
        rendered = page.locator(".prose").inner_text()
        source = page.locator(".prose").text_content()
        assert len(rendered.split()) > 20
        assert len(rendered.split()) >= 0.95 * len(source.split())
        # the search box leads to the list of every page
        search = page.get_by_role("searchbox", name="Rechercher dans le guide")
        search.fill("cotisation")
        search.press("Enter")
        page.wait_for_url(re.compile(r"/recherche/\?q=cotisation$"))
        assert page.get_by_text("La recherche plein texte demande JavaScript").is_visible()
        listed = {a.get_attribute("href") for a in page.locator(".plan a").all()}
        articles = {url_of(site_dir, p) for p in html_pages(site_dir) if parse(p).meta("og:type") == "article"}
        assert articles <= listed
    finally:
        context.close()


def test_pages_fit_a_320_pixel_wide_screen(browser, site_url, visits):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        for name, path in visits.items():
            page.goto(site_url + path)
            _wait_ready(page, name)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, f"{path} is {width}px wide"
    finally:
        context.close()


def test_axe_finds_no_violation_on_any_page_on_a_phone(page, site_url, site_dir):
    # every page of the site once (the test above covers each kind of page in both schemes
    # and widths): a phone is where tables scroll and where a broken region shows
    page.set_viewport_size({"width": 375, "height": 812})
    reports = []
    paths = sorted({url_of(site_dir, p) for p in html_pages(site_dir)})
    assert len(paths) > 40
    for path in paths:
        page.goto(site_url + path)
        result = AXE.run(page)
        if result.violations_count:
            reports.append(f"--- {path}:\n{result.generate_report()}")
    assert not reports, "\n".join(reports)
