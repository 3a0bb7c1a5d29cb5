"""The search index of the previous build, kept (plugins/recherche, ``_Garde``): a build that
hands Pagefind the same pages, in the same order, as the previous one gets that build's index
back without running Pagefind — byte for byte the index Pagefind made; any other build (a page
changed, added or removed, another version of Pagefind, a kept file altered) gets the index of
its own pages, the one Pagefind makes of the finished site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.site.test_recherche_par_lots import _ecrire, _entiers, _index, _pages, _une_fois, recherche

LOT = 4
PAGES = 13  # four batches: 4, 4, 4 and the last one (1 page and the home page)


@pytest.fixture
def en_cours():
    state = recherche._EnCours()
    yield state
    state.wait(quiet=True)


def _construire(en_cours, out: Path, garde: Path, count: int = PAGES, change: int | None = None,
                langue: str = "fr", sources: str = "sources") -> int:
    """A build of `count` pages and the home page into `out`, as they are written; page
    `change` with another text."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    en_cours.begin(str(out), langue, lot=LOT, garde=str(garde), sources=sources)
    for n, rel in enumerate(_pages(out, count)):
        en_cours.written(_ecrire(out, rel, n, version="-modifiee" if n == change else ""))
    return en_cours.wait()


def _fichiers(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out / "pagefind")): p.read_bytes()
            for p in sorted((out / "pagefind").rglob("*")) if p.is_file()}


def _pagefind_refuse(monkeypatch) -> list[str]:
    lances: list[str] = []

    def refuse():
        lances.append("Pagefind lancé")
        raise AssertionError("Pagefind lancé alors que l'index gardé convient")

    monkeypatch.setattr(recherche, "_service", refuse)
    return lances


def test_the_same_pages_get_the_kept_index_without_pagefind(tmp_path, en_cours, monkeypatch):
    garde = tmp_path / "garde"
    assert _construire(en_cours, tmp_path / "a", garde) == PAGES + 1
    assert not en_cours.garde.repris
    premier = _fichiers(tmp_path / "a")

    lances = _pagefind_refuse(monkeypatch)
    assert _construire(en_cours, tmp_path / "b", garde) == PAGES + 1
    assert lances == []
    assert en_cours.garde.repris
    assert _fichiers(tmp_path / "b") == premier
    assert _entiers(tmp_path / "b") == []
    monkeypatch.undo()
    assert _index(tmp_path / "b") == _une_fois(tmp_path / "b", tmp_path)


@pytest.mark.parametrize("change", [0, 5, PAGES - 1, PAGES], ids=["premier-lot", "milieu", "avant-dernier-lot", "accueil"])
def test_a_changed_page_gets_the_index_of_its_own_pages(tmp_path, en_cours, change):
    # the same sources (the simulation date changed, say): the batches before the changed
    # page are held, then indexed
    garde = tmp_path / "garde"
    _construire(en_cours, tmp_path / "a", garde)
    assert _construire(en_cours, tmp_path / "b", garde, change=change) == PAGES + 1
    assert not en_cours.garde.repris
    assert en_cours.garde.retenus == change // LOT
    assert _index(tmp_path / "b") == _une_fois(tmp_path / "b", tmp_path)
    assert _index(tmp_path / "b") != _index(tmp_path / "a")
    # and the next build with these pages reuses this index, not the first one
    attendu = _fichiers(tmp_path / "b")
    _construire(en_cours, tmp_path / "c", garde, change=change)
    assert en_cours.garde.repris
    assert _fichiers(tmp_path / "c") == attendu


@pytest.mark.parametrize("count", [PAGES - 1, PAGES + 1, PAGES + LOT])
def test_pages_added_or_removed_are_indexed(tmp_path, en_cours, count):
    garde = tmp_path / "garde"
    _construire(en_cours, tmp_path / "a", garde)
    assert _construire(en_cours, tmp_path / "b", garde, count=count) == count + 1
    assert not en_cours.garde.repris
    assert _index(tmp_path / "b") == _une_fois(tmp_path / "b", tmp_path)


def test_a_page_written_by_other_means_counts(tmp_path, en_cours):
    garde = tmp_path / "garde"
    _construire(en_cours, tmp_path / "a", garde)
    out = tmp_path / "b"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    en_cours.begin(str(out), "fr", lot=LOT, garde=str(garde), sources="sources")
    for n, rel in enumerate(_pages(out, PAGES)):
        en_cours.written(_ecrire(out, rel, n))
    _ecrire(out, "hors-pelican/index.html", 99)  # found by the walk at the end
    assert en_cours.wait() == PAGES + 2
    assert not en_cours.garde.repris
    assert _index(out) == _une_fois(out, tmp_path)


def test_an_altered_kept_file_is_not_trusted(tmp_path, en_cours):
    garde = tmp_path / "garde"
    _construire(en_cours, tmp_path / "a", garde)
    cle = json.loads((garde / "dernier.json").read_text(encoding="utf-8"))["cle"]
    garde_ = garde / f"{cle}.index"
    contenu = bytearray(garde_.read_bytes())
    contenu[(contenu.index(b"\n") + len(contenu)) // 2] ^= 0xFF  # a byte of one of its files
    garde_.write_bytes(bytes(contenu))
    assert _construire(en_cours, tmp_path / "b", garde) == PAGES + 1
    assert not en_cours.garde.repris
    assert _entiers(tmp_path / "b") == []
    assert _fichiers(tmp_path / "b") == _fichiers(tmp_path / "a")


@pytest.mark.parametrize("abime", ["coupe", "prolonge", "absent"])
def test_a_kept_index_cut_short_lengthened_or_missing_is_not_trusted(tmp_path, en_cours, abime):
    garde = tmp_path / "garde"
    _construire(en_cours, tmp_path / "a", garde)
    cle = json.loads((garde / "dernier.json").read_text(encoding="utf-8"))["cle"]
    garde_ = garde / f"{cle}.index"
    if abime == "coupe":
        garde_.write_bytes(garde_.read_bytes()[:-10])
    elif abime == "prolonge":
        garde_.write_bytes(garde_.read_bytes() + b"\x00")
    else:
        garde_.unlink()
    _construire(en_cours, tmp_path / "b", garde)
    assert not en_cours.garde.repris
    assert _fichiers(tmp_path / "b") == _fichiers(tmp_path / "a")


def test_another_pagefind_or_language_is_not_reused(tmp_path, en_cours, monkeypatch):
    garde = tmp_path / "garde"
    _construire(en_cours, tmp_path / "a", garde)
    monkeypatch.setattr(recherche, "_version_pagefind", lambda: "9.9.9/9.9.9")
    _construire(en_cours, tmp_path / "b", garde)
    assert not en_cours.garde.repris
    monkeypatch.undo()
    _construire(en_cours, tmp_path / "c", garde)
    assert not en_cours.garde.repris  # the kept index is now the one of "9.9.9"
    _construire(en_cours, tmp_path / "d", garde, langue="en")
    assert not en_cours.garde.repris
    entry = json.loads((tmp_path / "d" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en"]


def test_only_the_last_index_is_kept(tmp_path, en_cours):
    garde = tmp_path / "garde"
    for change in (None, 2, 7):
        _construire(en_cours, tmp_path / "a", garde, change=change)
    cle = json.loads((garde / "dernier.json").read_text(encoding="utf-8"))["cle"]
    assert sorted(p.name for p in garde.iterdir()) == sorted([f"{cle}.index", "dernier.json"])


def test_without_a_kept_folder_nothing_is_kept(tmp_path, en_cours):
    out = tmp_path / "a"
    out.mkdir()
    en_cours.begin(str(out), "fr", lot=LOT)
    for n, rel in enumerate(_pages(out, 5)):
        en_cours.written(_ecrire(out, rel, n))
    assert en_cours.wait() == 6
    assert en_cours.garde is None
    assert recherche._dossier_garde({"PAGEFIND_CACHE": False}) is None
    assert recherche._dossier_garde({}) == str(recherche.PROJECT_ROOT / ".cache" / "recherche")


def test_changed_sources_hold_nothing(tmp_path, en_cours):
    garde = tmp_path / "garde"
    _construire(en_cours, tmp_path / "a", garde, sources="avant")
    premier = _fichiers(tmp_path / "a")
    # the same pages, but the sources changed: indexed as they come, nothing held
    assert _construire(en_cours, tmp_path / "b", garde, sources="apres") == PAGES + 1
    assert en_cours.garde.retenus == 0
    assert not en_cours.garde.repris
    assert _fichiers(tmp_path / "b") == premier
    _construire(en_cours, tmp_path / "c", garde, sources="apres")
    assert en_cours.garde.repris


def test_the_sources_digest_follows_the_files_not_the_bytecode(tmp_path):
    contenu = tmp_path / "content"
    (contenu / "statuts").mkdir(parents=True)
    article = contenu / "statuts" / "article.md"
    article.write_text("Title: Un\n\nTexte.\n", encoding="utf-8")
    (contenu / "__pycache__").mkdir()
    conf = tmp_path / "pelicanconf.py"
    conf.write_text("PATH = 'content'\n", encoding="utf-8")
    empreinte = recherche.empreinte_sources([contenu, conf])
    assert recherche.empreinte_sources([contenu, conf]) == empreinte
    (contenu / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\x00")
    (contenu / "y.pyc").write_bytes(b"\x00")
    assert recherche.empreinte_sources([contenu, conf]) == empreinte
    article.write_text("Title: Un\n\nTexte modifié.\n", encoding="utf-8")
    assert recherche.empreinte_sources([contenu, conf]) != empreinte
    empreinte = recherche.empreinte_sources([contenu, conf])
    (contenu / "statuts" / "autre.md").write_text("Title: Deux\n", encoding="utf-8")
    assert recherche.empreinte_sources([contenu, conf]) != empreinte
    empreinte = recherche.empreinte_sources([contenu, conf])
    conf.write_text("PATH = 'contenu'\n", encoding="utf-8")
    assert recherche.empreinte_sources([contenu, conf]) != empreinte
