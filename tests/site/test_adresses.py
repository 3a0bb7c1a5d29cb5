"""The addresses of articles and pages computed once while the site is written
(plugins/publication/adresses.py): the pages are the same, byte for byte, as when Pelican
computes every address again; an override keeps its precedence, static files and the
reading are left to Pelican, nothing is kept once the build ends."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

from pelican import contents
from pelican.settings import DEFAULT_CONFIG

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python")
sys.path.insert(0, str(ROOT / "plugins"))
from publication import adresses  # noqa: E402

sys.path.pop(0)


def _build(out: Path, memo: bool) -> None:
    cmd = [PY, "-m", "pelican", str(ROOT / "content"), "-o", str(out), "-s", str(ROOT / "pelicanconf.py"),
           "-e", "PAGEFIND=false", "PRECOMPRESSION=false", f"ADRESSES_MEMORISEES={'true' if memo else 'false'}"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
                          env=dict(os.environ, COLUMNS="250"))
    assert done.returncode == 0, done.stderr[-3000:]


def _pages(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt") and p.name != "sitemap.xml"}


def test_the_pages_are_those_of_pelicans_own_addresses(tmp_path):
    _build(tmp_path / "pelican", memo=False)
    _build(tmp_path / "memo", memo=True)
    reference, pages = _pages(tmp_path / "pelican"), _pages(tmp_path / "memo")
    assert len(reference) > 40 and pages.keys() == reference.keys()
    assert [p for p in pages if pages[p] != reference[p]] == []


class _Pelican:
    def __init__(self, **settings):
        self.settings = settings


def _article(slug: str) -> contents.Article:
    settings = dict(DEFAULT_CONFIG, ARTICLE_URL="{category}/{slug}/", ARTICLE_SAVE_AS="{category}/{slug}/index.html")
    return contents.Article("<p>x</p>", {"title": slug, "slug": slug, "category": contents.Category("TJM", settings),
                                         "date": datetime.datetime(2026, 12, 1)}, settings=settings)


def test_an_address_is_computed_once_while_the_site_is_written(monkeypatch):
    calls = []
    original = adresses._ORIGINAL
    monkeypatch.setattr(adresses, "_ORIGINAL", lambda self, key: calls.append(key) or original(self, key))
    monkeypatch.setattr(contents.Content, "get_url_setting", adresses.get_url_setting)
    article = _article("taux-journalier")
    assert article.url == article.url == "tjm/taux-journalier/"
    assert calls == ["url", "url"]  # while reading: Pelican's way, every time
    adresses._commencer(_Pelican())
    try:
        assert [article.url for _ in range(3)] == ["tjm/taux-journalier/"] * 3
        assert article.save_as == "tjm/taux-journalier/index.html"
        assert calls == ["url", "url", "url", "save_as"]
        article.override_url = "ailleurs/"  # an override is read first, as Pelican does
        assert article.url == "ailleurs/"
    finally:
        adresses._finir()
    assert adresses._MEMO == {}
    del article.override_url
    article.slug = "renomme"  # after the build: computed again
    assert article.url == "tjm/renomme/"


def test_the_setting_turns_it_off(monkeypatch):
    monkeypatch.setattr(contents.Content, "get_url_setting", adresses.get_url_setting)
    article = _article("a")
    adresses._commencer(_Pelican(ADRESSES_MEMORISEES=False))
    try:
        assert article.url == "tjm/a/"
        article.slug = "b"
        assert article.url == "tjm/b/"
    finally:
        adresses._finir()
