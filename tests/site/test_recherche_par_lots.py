"""The search index made while the site is written (plugins/recherche): Pagefind is handed the
pages in batches as Pelican writes them; the index it writes holds the same pages, with the
same fragments, as Pagefind run once on the finished site — also when a page is written twice
(the batches are then thrown away), when a page reaches the output by other means than
Pelican's writer, and nothing is left behind when a build stops before its end."""

from __future__ import annotations

import gzip
import importlib.util
import json
import shutil
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _module():
    # a package (its modules are imported relatively), under a name of its own
    spec = importlib.util.spec_from_file_location("_cadre_libre_recherche", ROOT / "plugins" / "recherche" / "__init__.py",
                                                  submodule_search_locations=[str(ROOT / "plugins" / "recherche")])
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


recherche = _module()

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{titre}</title></head>
<body><header>Cadre Libre</header><main data-pagefind-body><h1>{titre}</h1>
<p>{texte}</p><form><label>Champ ignoré {n}</label></form></main></body></html>"""

MOTS = ["portage", "salarial", "cotisations", "retraite", "chômage", "indemnités", "mission", "prospection",
        "facturation", "trésorerie", "mutuelle", "prévoyance"]


def _ecrire(out: Path, rel: str, n: int, version: str = "") -> Path:
    path = out / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    texte = " ".join(MOTS[(n + k) % len(MOTS)] for k in range(n % 7 + 3)) + f" page{n}{version}"
    # a new file put in place (another inode than the one handed over before, whenever
    # Pagefind reads it)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(PAGE.format(titre=f"Page {n}{version}", texte=texte, n=n), encoding="utf-8")
    tmp.replace(path)
    return path


def _pages(out: Path, count: int) -> list[str]:
    return [f"rubrique-{n % 4}/page-{n}/index.html" for n in range(count)] + ["index.html"]


def _index(out: Path) -> tuple[int, list[str]]:
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    fragments = sorted(p.name for p in (out / "pagefind" / "fragment").iterdir())
    return entry["languages"]["fr"]["page_count"], fragments


def _une_fois(out: Path, tmp: Path) -> tuple[int, list[str]]:
    """Pagefind run once on a copy of the finished site."""
    copie = tmp / "une-fois"
    shutil.copytree(out, copie, ignore=shutil.ignore_patterns("pagefind"))
    # in a thread of its own, as the build runs it (this one may hold Playwright's event loop)
    failed = []
    thread = threading.Thread(target=lambda: _try(failed, recherche.indexer, str(copie)))
    thread.start()
    thread.join()
    assert not failed, failed
    return _index(copie)


def _try(failed: list, function, *args) -> None:
    try:
        function(*args)
    except Exception as exc:  # noqa: BLE001 - reported by the test
        failed.append(exc)


def _restes(tmp: Path) -> list[str]:
    return [p.name for p in tmp.iterdir() if p.name.startswith(".pagefind-lots-")]


@pytest.fixture
def en_cours():
    state = recherche._EnCours()
    yield state
    state.wait(quiet=True)


def _construire(en_cours, tmp: Path, count: int, lot: int) -> tuple[Path, list[str]]:
    """A build of `count` pages (and the home page), handed over as they are written."""
    out = tmp / "site"
    out.mkdir()
    en_cours.begin(str(out), "fr", lot=lot)
    pages = _pages(out, count)
    for n, rel in enumerate(pages):
        en_cours.written(_ecrire(out, rel, n))
    return out, pages


def test_batches_make_the_index_of_the_finished_site(tmp_path, en_cours):
    out, pages = _construire(en_cours, tmp_path, 23, lot=5)
    en_cours.written(out / "feeds" / "all.atom.xml")  # not a page: not indexed
    assert en_cours.wait() == len(pages)
    assert _index(out) == _une_fois(out, tmp_path)
    assert _index(out)[0] == len(pages)
    assert _restes(tmp_path) == []
    # the ready-made interfaces are not shipped, as with one run
    assert not [p.name for p in (out / "pagefind").iterdir() if p.name.startswith(recherche.INTERFACES)]


def test_a_page_written_by_other_means_is_indexed_at_the_end(tmp_path, en_cours):
    out, _ = _construire(en_cours, tmp_path, 9, lot=4)
    _ecrire(out, "hors-pelican/index.html", 99)  # never said to be written
    assert en_cours.wait() == 11
    assert _index(out) == _une_fois(out, tmp_path)


def test_a_page_written_twice_is_indexed_as_it_ends(tmp_path, en_cours):
    out, pages = _construire(en_cours, tmp_path, 10, lot=3)
    en_cours.written(_ecrire(out, pages[0], 0, version="-remplacee"))  # Pelican's override
    en_cours.wait()
    assert _index(out) == _une_fois(out, tmp_path)
    assert _restes(tmp_path) == []


def test_a_build_stopped_before_its_end_leaves_nothing(tmp_path, en_cours):
    out, _ = _construire(en_cours, tmp_path, 8, lot=3)
    en_cours.wait(quiet=True)  # the next build starts (make serve)
    assert not (out / "pagefind").exists()
    assert _restes(tmp_path) == []


def _entiers(out: Path) -> list[str]:
    """The index's files that are not whole (Pagefind's own are gzip streams, its entry JSON)."""
    dossier = out / "pagefind"
    entry = json.loads((dossier / "pagefind-entry.json").read_text(encoding="utf-8"))
    torn = []
    for path in dossier.rglob("*"):
        if path.suffix in (".br", ".gz") or not path.is_file():
            continue
        if path.suffix.startswith(".pf_") or path.suffix == ".pagefind":
            try:
                gzip.decompress(path.read_bytes())
            except (EOFError, OSError) as exc:
                torn.append(f"{path.name}: {exc}")
        elif path.stat().st_size == 0:
            torn.append(f"{path.name}: vide")
    for langue, meta in entry["languages"].items():
        if not (dossier / f"pagefind.{meta['hash']}.pf_meta").is_file():
            torn.append(f"{langue}: pf_meta absent")
        if meta.get("wasm") and not (dossier / f"wasm.{meta['wasm']}.pagefind").is_file():
            torn.append(f"{langue}: wasm absent")
    return torn


def test_the_index_is_written_without_pagefinds_write_files(tmp_path, en_cours, monkeypatch):
    # Pagefind 1.5.2 answers WriteFiles before its writes reach the disk (Pagefind/pagefind#1271):
    # the service stopped at once, a file could be left empty.  The index is written from the
    # files Pagefind hands over instead: its write_files is never needed.
    from pagefind.index import PagefindIndex

    def refused(*_args, **_kwargs):
        raise AssertionError("write_files de Pagefind appelé")

    monkeypatch.setattr(PagefindIndex, "write_files", refused)
    out, pages = _construire(en_cours, tmp_path, 12, lot=5)
    assert en_cours.wait() == len(pages)
    assert _entiers(out) == []
    assert _index(out) == _une_fois(out, tmp_path)


def test_the_site_build_leaves_no_batch_folder(site_dir):
    assert (site_dir / "pagefind" / "pagefind-entry.json").is_file()
    assert _restes(site_dir.parent) == []


def test_the_site_index_files_are_whole(site_dir):
    assert _entiers(site_dir) == []


def test_a_build_that_crashes_while_writing_still_ends(tmp_path):
    # an exception in the middle of the writing: `finalized` never comes; the process ends
    # (the indexing thread leaves when the build's thread is gone) and cleans up
    import subprocess

    script = f"""
import importlib.util, sys
spec = importlib.util.spec_from_file_location("r", {str(ROOT / "plugins" / "recherche" / "__init__.py")!r},
                                              submodule_search_locations=[{str(ROOT / "plugins" / "recherche")!r}])
r = importlib.util.module_from_spec(spec); sys.modules["r"] = r; spec.loader.exec_module(r)
out = {str(tmp_path / "site")!r}
import os; os.makedirs(out + "/a", exist_ok=True)
state = r._EnCours(); state.begin(out, "fr", lot=1)
open(out + "/a/index.html", "w").write("<html><body><main data-pagefind-body>x</main></body></html>")
state.written(out + "/a/index.html")
raise RuntimeError("le gabarit a échoué")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "le gabarit a échoué" in done.stderr
    assert _restes(tmp_path) == []
    assert not (tmp_path / "site" / "pagefind").exists()


@pytest.mark.parametrize("garde", [False, True], ids=["sans-index-garde", "index-garde"])
def test_a_build_that_fails_while_pagefind_waits_still_ends(tmp_path, garde):
    # the checks fail at the very end (`finalized`): every batch was handed over and indexed,
    # and the indexing thread waits for the next one when the interpreter exits.  Python joins
    # the threads of executors before the main thread counts as ended: the wait must not be
    # one of them, or the failed build never exits
    import subprocess

    script = f"""
import importlib.util, sys, time
spec = importlib.util.spec_from_file_location("r", {str(ROOT / "plugins" / "recherche" / "__init__.py")!r},
                                              submodule_search_locations=[{str(ROOT / "plugins" / "recherche")!r}])
r = importlib.util.module_from_spec(spec); sys.modules["r"] = r; spec.loader.exec_module(r)
out = {str(tmp_path / "site")!r}
import os; os.makedirs(out + "/a", exist_ok=True)
state = r._EnCours()
state.begin(out, "fr", lot=1, garde={str(tmp_path / "garde") if garde else None!r})
open(out + "/a/index.html", "w").write("<html><body><main data-pagefind-body>x</main></body></html>")
state.written(out + "/a/index.html")
while state.lots.queue.qsize():  # the batch taken, then indexed: the thread waits for the next
    time.sleep(0.05)
time.sleep(2)
raise RuntimeError("les vérifications ont échoué")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "les vérifications ont échoué" in done.stderr
    assert _restes(tmp_path) == []
    assert not (tmp_path / "site" / "pagefind").exists()
