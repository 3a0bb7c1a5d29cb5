"""The static files an article links to, and its intrasite links rewritten
(plugins/publication/liens_statiques.py): the same set and the same HTML as Pelican's own
methods, on the site's built pages and on made-up HTML, with the scan skipped only where the
HTML holds no such link."""

from __future__ import annotations

import copy
import datetime
import random
import sys
from pathlib import Path

import pytest
from pelican import contents
from pelican.settings import DEFAULT_CONFIG

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))
from publication import liens_statiques  # noqa: E402

sys.path.pop(0)


def _article(html: str, **settings) -> contents.Article:
    reglages = copy.deepcopy(DEFAULT_CONFIG)
    reglages.update(settings)
    return contents.Article(html, metadata={"title": "Titre", "date": datetime.datetime(2026, 12, 1)}, settings=reglages,
                            source_path=str(ROOT / "content" / "statuts" / "article.md"),
                            context={"generated_content": {}, "static_content": {}})


def _les_deux(html: str, **settings) -> tuple[set[str], set[str]]:
    article = _article(html, **settings)
    return liens_statiques.get_static_links(article), liens_statiques._ORIGINAL(article)


LIENS = [
    '<img src="{static}/images/schema.png" alt="">',
    "<a href='{attach}fichiers/bareme.pdf'>barème</a>",
    '<img src="|static|images/ancien.png" alt="">',
    '<a href="|attach|bareme.pdf">x</a>',
    '<video poster="{static}/images/affiche.jpg"></video>',
    '<a href="{static}/images/avec%20espace.png">x</a>',
    '<img alt="" src = "{static}../images/relatif.png">',
]
SANS = [
    '<p>Le portage salarial : 50 % de frais.</p>',
    '<a href="{filename}/statuts/eurl.md">EURL</a>',
    '<a href="{category}portage-salarial">rubrique</a>',
    '<div data-entrees=\'{"tjm": 550, "jours": 18}\'></div>',
    "<p>Un texte qui parle de {statique} et de |statistiques| sans lien.</p>",
    '<code>{static}</code> écrit dans un paragraphe',
    '<form action="/simulateurs/"><input name="x" value="{attache}"></form>',
    '<a href="https://example.org/static/x.png">ailleurs</a>',
]


@pytest.mark.parametrize("html", LIENS + SANS)
def test_each_piece_gives_pelicans_links(html):
    ours, pelican = _les_deux(f"<p>avant</p>{html}<p>après</p>")
    assert ours == pelican


def test_a_page_without_static_links_is_not_scanned(monkeypatch):
    scans = []
    monkeypatch.setattr(liens_statiques, "_ORIGINAL", lambda self: scans.append(self) or set())
    # « {static} » in a code sample, « {attache} », are scanned (and found to be no link): only an HTML
    # without the four marks is not
    sans_marque = [html for html in SANS if not any(m in html for m in liens_statiques.MARQUES)]
    assert len(sans_marque) >= 5
    article = _article("".join(sans_marque))
    assert liens_statiques.get_static_links(article) == set()
    assert scans == []
    article = _article("".join(sans_marque) + LIENS[0])
    liens_statiques.get_static_links(article)
    assert scans == [article]


def test_another_intrasite_regex_is_always_scanned():
    html = "<p>x</p><img src=\"[[static]]/images/a.png\" alt=\"\">"
    ours, pelican = _les_deux(html, INTRASITE_LINK_REGEX=r"\[\[(?P<what>.*?)\]\]")
    assert pelican == {"images/a.png"}
    assert ours == pelican


# --- the intrasite links rewritten when a page is written (Content._update_content) ----------

REECRITS = [
    '<a href="{filename}/statuts/eurl.md">EURL</a>',
    '<a href="{category}portage-salarial">rubrique</a>',
    '<a href="{index}">accueil</a>',
    "<a href='|filename|/statuts/eurl.md'>ancienne syntaxe</a>",
    '<img alt="" src = "{static}/images/schema.png">',
    '<meta property="og:image" content="{static}/images/schema.png">',
    '<span x-content="{filename}/a.md">la fin du nom suffit à Pelican</span>',
    '<form action="{filename}/simulateurs/portage.md"></form>',
    '<object data="{static}/images/a.svg"></object>',
]
INTACTS = [
    '<p>Le portage salarial : 50 % de frais.</p>',
    '<div data-presets="{&quot;tjm&quot;: 550}"></div>',
    "<div data-entrees='{\"tjm\": 550}'></div>",
    '<p title="{filename}">un titre n\'est pas un lien</p>',
    "<p>Un texte = '{filename}' sans balise autour.</p>",
    '<a href="/statuts/eurl/">EURL</a>',
    '<a href= {filename}/sans-guillemets.md>x</a>',
    '<code>href="{filename}/x.md"</code> écrit dans un paragraphe',
]


def _reecritures(html: str) -> tuple[str, str]:
    article = _article(html)
    return liens_statiques._update_content(article, html, ""), liens_statiques._ORIGINAL_UPDATE(article, html, "")


@pytest.mark.parametrize("html", REECRITS + INTACTS)
def test_each_piece_is_rewritten_as_pelican_does(html):
    ours, pelican = _reecritures(f"<p>avant</p>{html}<p>après</p>")
    assert ours == pelican


@pytest.mark.parametrize("html", REECRITS)
def test_a_piece_with_a_link_goes_through_pelicans_method(html):
    assert liens_statiques.lien_possible(html)


def test_a_page_without_intrasite_links_is_returned_as_it_is(monkeypatch):
    calls = []
    monkeypatch.setattr(liens_statiques, "_ORIGINAL_UPDATE", lambda self, content, siteurl: calls.append(content) or content)
    sans_lien = [html for html in INTACTS if not liens_statiques.lien_possible(html)]
    # « {filename} » in a title or outside a tag, JSON in data-presets: no link, no rewriting;
    # « href="{filename}…" » as the text of <code> is handed to Pelican (which rewrites nothing)
    assert sans_lien == [html for html in INTACTS if not html.startswith("<code>")]
    html = "".join(sans_lien)
    assert liens_statiques._update_content(_article(html), html, "") is html
    assert calls == []
    html += REECRITS[0]
    liens_statiques._update_content(_article(html), html, "")
    assert calls == [html]


def test_another_intrasite_regex_is_always_rewritten_by_pelican():
    html = '<p>x</p><a href="[[filename]]/statuts/eurl.md">EURL</a>'
    article = _article(html, INTRASITE_LINK_REGEX=r"\[\[(?P<what>.*?)\]\]")
    assert not liens_statiques.lien_possible(html)
    assert liens_statiques._update_content(article, html, "") == liens_statiques._ORIGINAL_UPDATE(article, html, "")


# what is compared with Pelican's own method: (ours and Pelican's, the pieces with and without a link)
COMPARAISONS = {
    "liens statiques": (lambda html: _les_deux(html), LIENS, SANS),
    "liens réécrits": (lambda html: _reecritures(html), REECRITS, INTACTS),
}


@pytest.mark.parametrize("comparer,avec,sans", COMPARAISONS.values(), ids=COMPARAISONS.keys())
def test_made_up_pages_give_what_pelican_gives(comparer, avec, sans):
    hasard = random.Random(20261203)
    for _ in range(400):
        html = "".join(hasard.choice(avec + sans * 3) for _ in range(hasard.randint(0, 12)))
        ours, pelican = comparer(html)
        assert ours == pelican, html


@pytest.mark.parametrize("comparer", [c for c, _, _ in COMPARAISONS.values()], ids=COMPARAISONS.keys())
def test_the_site_pages_give_what_pelican_gives(site_dir, comparer):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        ours, pelican = comparer(page.read_text(encoding="utf-8"))
        assert ours == pelican, page
