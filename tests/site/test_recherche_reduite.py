"""The pages Pagefind is handed (plugins/recherche/reduction.py): the built pages without the
elements Pagefind would only leave out.  What the cut does is written as data below; that it
changes nothing is checked where it matters: the index made from the cut pages is the index
made from the whole pages, file for file, on every page of the built site and on pages made
to trip each rule."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.site.test_recherche_par_lots import recherche

reduire = recherche.reduire

CALCULATEUR = ('<div class="calculateur" data-calculateur="portage" data-pagefind-ignore>'
               '<form><label>TJM</label><input name="tjm"></form>'
               '<div class="calc-resultat" data-calculateur="portage"><div><p>Net : 4 000 €</p></div>'
               '<details><summary>Détail</summary><table><tr><td>x</td></tr></table></details></div></div>')

# what the page holds, and what Pagefind is handed: the elements cut out
COUPES = {
    'un calculateur, ses div imbriqués': (f'<p>Avant</p>{CALCULATEUR}<p>Après</p>', '<p>Avant</p><p>Après</p>'),
    'un formulaire': ("<p>a</p><form action='/x'><input></form><p>b</p>", '<p>a</p><p>b</p>'),
    'un élément data-pagefind-ignore="all"': ('<header data-pagefind-ignore="all"><nav><a href="/">Accueil</a></nav></header><p>a</p>', '<p>a</p>'),
    'ignore=all sans guillemets, en majuscules': ('<nav data-pagefind-ignore=ALL><a>x</a></nav><p>a</p>', '<p>a</p>'),
    "un « > » dans une valeur d'attribut": ('<div data-x="a>b" data-calculateur><p>x</p></div><p>y</p>', '<p>y</p>'),
    'un title dans un svg': ('<div data-calculateur><svg><rect><title>mars : 4 441 €</title></rect>'
                             '<rect><title>avril</title></rect></svg></div><p>a</p>', '<p>a</p>'),
    'deux éléments à couper, du texte entre': (f'{CALCULATEUR}<p>entre</p><form></form>', '<p>entre</p>'),
    "une fin de balise suivie d'espaces": ('<form><input></form  ><p>a</p>', '<p>a</p>'),
    "une balise au nom plus long que celui de l'élément": ('<nav data-pagefind-ignore=all><navigation>x</navigation></nav><p>a</p>', '<p>a</p>'),
}
# pages handed over as they are: the element stays, and Pagefind leaves it out itself
LAISSES = {
    'data-pagefind-ignore sans « all » : Pagefind y lit encore meta et filtres': '<div data-pagefind-ignore><p>x</p></div>',
    'le mot dans le texte, pas un attribut': '<p>data-calculateur et <b>&lt;form&gt;</b></p>',
    "le mot dans la valeur d'un autre attribut": '<div title="data-calculateur"><p>x</p></div>',
    'une balise dont le nom commence par form': '<formulaire><p>x</p></formulaire>',
    'sans balise de fin': '<div data-calculateur><div><p>x</p></div>',
    'un commentaire dedans': '<form><!-- </form> --><input></form>',
    'un script dedans': '<div data-calculateur><script>"</div>"</script></div>',
    'une balise en majuscules dedans': '<div data-calculateur><DIV>x</div></div>',
    'une meta Pagefind dedans': '<form><span data-pagefind-meta="auteur">X</span></form>',
    'un filtre Pagefind dedans': '<nav data-pagefind-ignore="all"><b data-pagefind-filter="rubrique">TJM</b></nav>',
    'un h1 dedans (le titre par défaut)': '<form><h1>Titre</h1></form>',
    "une image dedans (l'image par défaut)": '<form><img src="/a.png" alt=""></form>',
    'un title hors svg dedans': '<form><title></form></title></form>',
    'un script dans le svg dont un title est le nom': '<div data-calculateur><svg><title>x</title><script>"</div>"</script></svg></div>',
}


@pytest.mark.parametrize("avant,apres", COUPES.values(), ids=COUPES.keys())
def test_what_the_cut_removes(avant, apres):
    assert reduire(avant) == apres


@pytest.mark.parametrize("html", LAISSES.values(), ids=LAISSES.keys())
def test_what_the_cut_leaves(html):
    assert reduire(html) == html


def test_a_page_with_nothing_to_cut_is_the_same_object():
    # no copy: the page is then hard-linked, not rewritten
    html = "<html><body><main data-pagefind-body><p>texte</p></main></body></html>"
    assert reduire(html) is html


def _fichiers(dossier: Path) -> dict[str, bytes]:
    return {p.relative_to(dossier).as_posix(): p.read_bytes() for p in sorted(dossier.rglob("*")) if p.is_file()}


def _indexer(site: Path) -> dict[str, bytes]:
    failed = []

    def run():
        try:
            recherche.indexer(str(site))
        except Exception as exc:  # noqa: BLE001 - reported by the test
            failed.append(exc)

    # in a thread of its own, as the build runs it (this one may hold Playwright's event loop)
    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert not failed, failed
    return _fichiers(site / "pagefind")


def _copies(pages: dict[str, str], tmp: Path) -> tuple[Path, Path]:
    entier, reduit = tmp / "entier", tmp / "reduit"
    for rel, html in pages.items():
        for racine, contenu in ((entier, html), (reduit, reduire(html))):
            (racine / rel).parent.mkdir(parents=True, exist_ok=True)
            (racine / rel).write_text(contenu, encoding="utf-8")
    return entier, reduit


def test_the_cut_pages_of_the_site_give_its_index(site_dir, tmp_path):
    pages = {p.relative_to(site_dir).as_posix(): p.read_text(encoding="utf-8")
             for p in sorted(site_dir.rglob("*.html")) if p.relative_to(site_dir).parts[0] not in ("pagefind", "runtime")}
    entier, reduit = _copies(pages, tmp_path)
    avant = sum(len(h) for h in pages.values())
    apres = sum(len((reduit / rel).read_text(encoding="utf-8")) for rel in pages)
    # the cut is not empty: every calculator and form of the site is cut out of its page, and
    # the pages lose most of their bytes
    calculateurs = [rel for rel, html in pages.items() if "data-calculateur=" in html]
    assert calculateurs
    for rel in calculateurs:
        assert "data-calculateur=" not in (reduit / rel).read_text(encoding="utf-8"), rel
    assert apres < avant / 2, (avant, apres)
    index_entier = _indexer(entier)
    assert index_entier == _indexer(reduit)
    assert any(rel.startswith("fragment/") for rel in index_entier)


PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page {n}</title></head>
<body><header data-pagefind-ignore="all"><a href="/">Cadre Libre</a></header>
<main data-pagefind-body><p>Le portage salarial, cas {n} : cotisations et trésorerie.</p>{corps}
<h2 id="suite-{n}">La suite</h2><p>Retraite et prévoyance du cas {n}.</p></main>
<footer data-pagefind-ignore="all">Pied</footer></body></html>"""


def test_the_cut_of_pages_that_trip_each_rule_gives_their_index(tmp_path):
    # each case's markup in a page of its own (meta, filters, default title and image,
    # raw text, unclosed elements): the index is the same with or without the cut
    corps = [avant for avant, _ in COUPES.values()] + list(LAISSES.values()) + [
        '<form><h1 data-pagefind-meta="title">Le vrai titre</h1></form>',
        '<div data-calculateur><img src="/image.png" alt="graphique"></div>',
        '<nav data-pagefind-ignore="all"><span data-pagefind-sort="date">2026-12-01</span></nav>',
        '<form><p data-pagefind-weight="10">mot pesé</p></form>',
        '<div data-calculateur><p>résultat <b>non fermé</p></div><p>indemnités</p>',
    ]
    pages = {f"cas-{n}/index.html": PAGE.format(n=n, corps=c) for n, c in enumerate(corps)}
    entier, reduit = _copies(pages, tmp_path)
    assert _indexer(entier) == _indexer(reduit)
