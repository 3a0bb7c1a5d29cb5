"""Fixtures of the page tests (the site build and server come from tests/conftest.py)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest


class Watch:
    """Requests and console messages of a browser context (workers included)."""

    def __init__(self, context, origin: str):
        self.origin = origin
        self.requests: list[str] = []
        self.console: list[str] = []
        context.on("request", lambda r: self.requests.append(r.url))

    def page(self, page):
        page.on("console", lambda m: m.type in ("error", "warning") and self.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        page.on("worker", lambda w: w.on("console", lambda m: m.type in ("error", "warning")
                                           and self.console.append(f"worker {m.type}: {m.text}")))
        return page

    def foreign(self) -> list[str]:
        ours = urlparse(self.origin).netloc
        return [u for u in self.requests if not u.startswith(("data:", "blob:")) and urlparse(u).netloc != ours]

    def runtime(self) -> list[str]:
        return [u for u in self.requests if "/runtime/" in u]


@pytest.fixture(scope="module")
def live(browser, site_url):
    """One page for a whole module, so Pyodide boots once: (page, watch)."""
    context = browser.new_context(locale="fr-FR")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    watch = Watch(context, site_url)
    page = watch.page(context.new_page())
    page.set_default_timeout(90_000)
    yield page, watch
    context.close()


@pytest.fixture
def fresh(browser, site_url):
    """A new context per test, for tests that need their own first visit."""
    contexts = []

    def make(**kwargs):
        context = browser.new_context(locale="fr-FR", **kwargs)
        contexts.append(context)
        watch = Watch(context, site_url)
        page = watch.page(context.new_page())
        page.set_default_timeout(90_000)
        return page, watch

    yield make
    for c in contexts:
        c.close()
