"""Full-text search: a Pagefind index written into output/pagefind/ at the end of the build.

Uses Pagefind's Python API (package `pagefind[bin]`, no network). Only elements marked
`data-pagefind-body` in the theme (the text of articles and pages) are indexed, without
forms and calculators (EXCLUS) and what the theme marks `data-pagefind-ignore`; the
search page loads `/pagefind/pagefind.js` from the same origin (theme/static/js/recherche.js).
Settings: PAGEFIND (True to index), PAGEFIND_LANGUE (ISO 639-1, "fr"), PAGEFIND_LOT (pages
handed to Pagefind at a time while the site is written, LOT), PAGEFIND_CACHE (where the index
is kept for the next build; False: not kept).

Pagefind runs in the background (its own process, driven from a thread) while the site is
written: the pages are handed to it in batches (LOT pages, signal ``content_written``) as
Pelican writes them, put into a temporary folder beside the output (one folder a batch, the
paths relative to the output kept, so the URLs are the same) without the elements Pagefind would
only leave out (reduction.py: the same index from a third of the bytes; a page with nothing to
cut is hard-linked), and indexed one batch
after the other (``add_directory``, in the order the pages were written: the index is the same
from one build to the next).  At the end of the build the pages written by other means are
found by a walk over the output and indexed last; the index files are then asked for and
written by this module (never by Pagefind's ``write_files``, which can leave them torn: see
``_ecrire_index``).  A page
written twice in one build (Pelican's ``override``) throws the batches away: the whole output
is then indexed in one go at the end, as without batches.  It is waited for when
plugins/publication sends ``cadre-libre.attendre-recherche`` (before compressing the index's
files) and, in any case, at the end of the build.

**The index of the previous build, kept** (``_Garde``).  Pagefind's work (8 to 9 s of processor
for 1 000 articles, a fifth of a build's) depends only on the pages handed over, in their order,
and on its version and settings.  Each build keeps its index in ``PAGEFIND_CACHE`` (default
``.cache/recherche/``) under the digest of all that, with the digest reached after each batch
and a digest of its sources (the paths, sizes and dates of the content's, theme's, plugins'
and calculators' files).  When the sources are the same, a build's batches are held instead of
being indexed as long as they give the previous build's digests; at the first batch that
differs (the same sources can give other pages: the simulation date, a setting given on the
command line), the batches held are handed over at once and the indexing goes on as above.
When every batch matched, the kept index is written into the output, each of its files checked
against its sha-256 first (any doubt: the pages are indexed after all).  A rebuild without
change (``make serve``, CI restoring its cache) thus skips Pagefind; a build whose sources
changed indexes as before, without holding anything.  ``PAGEFIND_CACHE = False``: never kept.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import queue
import shutil
import tempfile
import threading
import time
from pathlib import Path

from blinker import signal
from pelican import signals

from .reduction import reduire

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# the heading anchors (« # Lien direct vers cette section ») are not prose either
EXCLUS = ("form", "[data-calculateur]", ".ancre")
# Pagefind's ready-made interfaces: the search page uses its JavaScript API only
# (theme/static/js/recherche.js), so these are not shipped
INTERFACES = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.")
# pages handed to Pagefind at a time while the site is written: one call costs about 0.1 s of
# latency (the Python API polls its process' answers every 0.1 s), a batch of 128 pages ~0.35 s
LOT = 128
DOSSIER = "pagefind"
NICE = 10

_FIN, _ABANDON, _REFAIRE = "<fin>", "<abandon>", "<refaire>"


def _config(output: str, langue: str):
    from pagefind.index import IndexConfig

    return IndexConfig(
        force_language=langue,
        output_path=os.path.join(output, DOSSIER),
        # forms and calculators' prerendered figures are not prose: they would only add noise to excerpts
        exclude_selectors=list(EXCLUS),
    )


# Pagefind's answers are read up to this size (its Python API reads 2 MiB at most: the index
# of 1 000 articles, handed over whole, is about 12 MB)
LIMITE_REPONSE = 1 << 30


def _service():
    from pagefind.service import PagefindService

    class _Service(PagefindService):
        async def launch(self):
            await super().launch()
            lecteur = self._backend.stdout
            if not hasattr(lecteur, "_limit"):
                raise RuntimeError("Pagefind : lecture de ses réponses impossible (asyncio a changé)")
            lecteur._limit = max(lecteur._limit, LIMITE_REPONSE)
            return self

    return _Service()


def _ecrire_index(output: str, fichiers: list) -> dict[str, bytes]:
    """The index's files, written here from the bytes Pagefind handed over.

    Pagefind 1.5.2's own ``write_files`` answers before its writes reach the disk (tokio's
    ``File`` dropped unflushed, Pagefind/pagefind#1271, fixed after 1.5.2 by #1272), and the
    service is stopped as soon as it answers: about one build in eight here shipped an empty
    ``pagefind-entry.json`` (search broken) or an empty ``wasm.unknown.pagefind``.  The files
    asked for (``get_files``) are whole; they are written by this process, each completely
    before the build goes on."""
    dossier = os.path.join(output, DOSSIER)
    ecrits: dict[str, bytes] = {}
    for fichier in fichiers:
        rel = fichier["path"]
        rel = os.path.normpath(os.path.relpath(rel, dossier) if os.path.isabs(rel) else rel)
        if rel.split(os.sep)[0] == os.pardir or os.path.isabs(rel):
            raise RuntimeError(f"Pagefind : fichier d'index hors de son dossier « {fichier['path']} »")
        if not os.path.basename(rel).startswith(INTERFACES):
            ecrits[rel.replace(os.sep, "/")] = fichier["content"]
    _ecrire(dossier, ecrits)
    return ecrits


def _ecrire(dossier: str, fichiers: dict[str, bytes]) -> None:
    if os.path.isdir(dossier):  # a previous build's index (DELETE_OUTPUT_DIRECTORY off)
        shutil.rmtree(dossier)
    for rel, contenu in fichiers.items():
        cible = os.path.join(dossier, rel)
        os.makedirs(os.path.dirname(cible), exist_ok=True)
        with open(cible, "wb") as fh:
            fh.write(contenu)


@contextlib.asynccontextmanager
async def _pagefind(output: str, langue: str, garder=None):
    """An index in a Pagefind service; written into ``output/pagefind/`` when the block ends
    without an exception (as ``PagefindIndex``, whose files may be torn: _ecrire_index), and
    handed to ``garder`` ({path in the index's folder: bytes})."""
    async with _service() as service:
        index = await service.create_index(_config(output, langue))
        yield index
        fichiers = await index.get_files()
    ecrits = _ecrire_index(output, fichiers)
    if garder is not None:
        garder(ecrits)


async def _index(output: str, langue: str) -> int:
    async with _pagefind(output, langue) as index:
        result = await index.add_directory(output)
    return int(result.get("page_count", 0))


def indexer(output: str, langue: str = "fr") -> int:
    """Index the built site in `output` in one go; returns the number of pages indexed."""
    return asyncio.run(_index(os.path.abspath(output), langue))


class _Interrompu(Exception):
    pass


def _prendre(lots: queue.SimpleQueue) -> str:
    # the next batch; a build whose process ends without saying so (an exception during the
    # writing) must not be kept alive by this thread
    while True:
        try:
            return lots.get(timeout=0.5)
        except queue.Empty:
            if not threading.main_thread().is_alive():
                return _ABANDON


async def _index_par_lots(output: str, langue: str, lots: queue.SimpleQueue, garde: _Garde | None = None) -> int:
    # The waits for the next batch (_prendre), the digests and the kept index's reading block
    # this thread's event loop: nothing else runs on it meanwhile (each call to Pagefind is
    # awaited before the next batch is taken).  Never in the loop's executor: at the end of a
    # build that fails (an exception, then the interpreter's exit), Python joins the
    # executor's threads *before* the main thread counts as ended, and one waiting in
    # _prendre (which returns once the main thread has ended) would hold the exit forever.
    pages = 0
    retenus: list[str] = []  # batches held while they are those of the previous build
    try:
        async with contextlib.AsyncExitStack() as pile:
            index = None

            async def indexer_lot(lot: str) -> None:
                nonlocal index, pages
                if index is None:  # Pagefind starts with the first batch it must index
                    index = await pile.enter_async_context(
                        _pagefind(output, langue, garde.enregistrer if garde else None))
                pages += int((await index.add_directory(lot)).get("page_count", 0))

            while (lot := _prendre(lots)) != _FIN:
                if lot in (_ABANDON, _REFAIRE):
                    raise _Interrompu(lot)  # leaves the index unwritten
                if garde is not None and garde.ajouter(lot):
                    retenus.append(lot)
                    continue
                for retenu in retenus:
                    await indexer_lot(retenu)
                retenus = []
                await indexer_lot(lot)
            if garde is not None and garde.suit and garde.complet():
                reprise = garde.reprendre(output)
                if reprise is not None:
                    return reprise
            for retenu in retenus:
                await indexer_lot(retenu)
            if index is None:  # no page at all: an empty index, as Pagefind makes it
                index = await pile.enter_async_context(
                    _pagefind(output, langue, garde.enregistrer if garde else None))
            if garde is not None:
                garde.pages = pages
    except _Interrompu as stop:
        if stop.args[0] == _ABANDON:
            return 0
        return await _index(output, langue)
    return pages


def _version_pagefind() -> str:
    from importlib import metadata

    versions = []
    for distribution in ("pagefind", "pagefind_bin"):
        try:
            versions.append(metadata.version(distribution))
        except metadata.PackageNotFoundError:
            versions.append("?")
    return "/".join(versions)


# the layout of what is kept (and of what this module writes from Pagefind's files): a change
# of either makes every kept index useless
FORMAT_GARDE = 2


class _Garde:
    """The index of the previous build, reused when this build hands Pagefind the same pages
    (see the module's docstring).

    ``dossier``: ``dernier.json`` ({"cle", "etapes", "sources"}: the digest after each batch,
    the digest of the sources) and the index itself in ``<cle>.index`` (a line of JSON: its
    page count and its files' paths, sha-256 and sizes; then the files' bytes, one after the
    other), each written through a temporary name then renamed."""

    def __init__(self, dossier: str, langue: str, sources: str = ""):
        self.dossier = dossier
        self.sources = sources
        self.empreinte = hashlib.sha256(json.dumps(
            [FORMAT_GARDE, _version_pagefind(), langue, list(EXCLUS), list(INTERFACES)]).encode())
        self.etapes: list[str] = []
        self.pages = 0
        try:
            with open(os.path.join(dossier, "dernier.json"), encoding="utf-8") as fh:
                dernier = json.load(fh)
            self.precedent = [str(e) for e in dernier["etapes"]]
            self.cle_precedente = str(dernier["cle"])
            memes_sources = dernier.get("sources") == sources
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.precedent, self.cle_precedente, memes_sources = [], None, False
        # every batch so far is the previous build's; the batches are held only when the
        # sources did not change either (a page changed further down would otherwise have
        # the pages before it indexed late)
        self.suit = bool(self.precedent) and memes_sources
        self.repris = False
        self.retenus = 0  # batches that were the previous build's, held

    def ajouter(self, lot: str) -> bool:
        """Takes one batch into the digest; True while the batches are the previous build's."""
        for root, dirs, files in os.walk(lot):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                with open(path, "rb") as fh:
                    contenu = hashlib.sha256(fh.read()).digest()
                self.empreinte.update(os.path.relpath(path, lot).replace(os.sep, "/").encode() + b"\0" + contenu)
        self.etapes.append(self.empreinte.hexdigest())
        n = len(self.etapes)
        self.suit = self.suit and n <= len(self.precedent) and self.precedent[n - 1] == self.etapes[-1]
        self.retenus += self.suit
        return self.suit

    def complet(self) -> bool:
        return self.suit and len(self.etapes) == len(self.precedent) and self.etapes[-1] == self.cle_precedente

    def reprendre(self, output: str) -> int | None:
        """Writes the kept index into the output; its page count, or None when it cannot be
        trusted (a file missing, cut short or altered: the pages are then indexed)."""
        try:
            with open(os.path.join(self.dossier, f"{self.cle_precedente}.index"), "rb") as fh:
                entete = json.loads(fh.readline())
                fichiers = {}
                for rel, sha, taille in entete["fichiers"]:
                    if not isinstance(rel, str) or rel.startswith("/") or os.pardir in rel.split("/"):
                        return None
                    contenu = fh.read(int(taille))
                    if hashlib.sha256(contenu).hexdigest() != sha:
                        return None
                    fichiers[rel] = contenu
                if fh.read(1):
                    return None
            pages = int(entete["pages"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        _ecrire(os.path.join(output, DOSSIER), fichiers)
        self.pages, self.repris = pages, True
        return pages

    def enregistrer(self, fichiers: dict[str, bytes]) -> None:
        """Keeps this build's index (called once it is written into the output), in one file
        (one write: the index is a thousand files at 1 000 articles, and this runs at the very
        end of the build); the previous one is deleted.  A failure here only loses the reuse."""
        if not self.etapes:
            return
        cle = self.etapes[-1]
        try:
            os.makedirs(self.dossier, exist_ok=True)
            entete = {"pages": self.pages,
                      "fichiers": [[rel, hashlib.sha256(c).hexdigest(), len(c)] for rel, c in fichiers.items()]}
            tmp = os.path.join(self.dossier, f".{cle}.{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                fh.write(json.dumps(entete).encode() + b"\n")
                for contenu in fichiers.values():
                    fh.write(contenu)
            os.replace(tmp, os.path.join(self.dossier, f"{cle}.index"))
            dernier = os.path.join(self.dossier, f".dernier-{os.getpid()}.tmp")
            with open(dernier, "w", encoding="utf-8") as fh:
                json.dump({"cle": cle, "etapes": self.etapes, "sources": self.sources}, fh)
            os.replace(dernier, os.path.join(self.dossier, "dernier.json"))
            for nom in os.listdir(self.dossier):
                chemin = os.path.join(self.dossier, nom)
                if nom.endswith(".index") and nom != f"{cle}.index":
                    os.unlink(chemin)
                elif len(nom) == 64 and os.path.isdir(chemin):  # the layout of FORMAT_GARDE 1
                    shutil.rmtree(chemin, ignore_errors=True)
        except OSError as exc:
            logger.info("Recherche : index non gardé pour la construction suivante (%s)", exc)


def _en_retrait() -> None:
    # while the site is written, Pagefind takes the cores the writing leaves idle: this thread,
    # and so the Pagefind process it starts (Linux: niceness is a thread's, and a child
    # inherits it), yields to the build's processes
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)
    except (AttributeError, OSError):
        pass


def _remettre(page: str, cible: str) -> None:
    """Puts at ``cible`` the page Pagefind is handed: ``page`` without what it would only
    leave out (reduction.reduire), or, when nothing is left out, ``page`` itself (a hard link)."""
    with open(page, "rb") as fh:
        contenu = fh.read()
    try:
        html = contenu.decode("utf-8")
    except UnicodeDecodeError:  # Pagefind reads it as it is
        html = None
    reduite = reduire(html) if html is not None else None
    if reduite is None or reduite is html:
        try:
            os.link(page, cible)
        except OSError:
            shutil.copyfile(page, cible)
        return
    with open(cible, "wb") as fh:
        fh.write(reduite.encode("utf-8"))


class _Lots:
    """The pages of one build, handed to Pagefind in batches as they are written."""

    def __init__(self, output: str, lot: int = LOT):
        self.output = os.path.abspath(output)
        self.lot = max(1, int(lot))
        try:  # beside the output: the same file system, so the pages are hard-linked, not copied
            self.dossier = tempfile.mkdtemp(prefix=".pagefind-lots-", dir=os.path.dirname(self.output))
        except OSError:
            self.dossier = tempfile.mkdtemp(prefix="pagefind-lots-")
        self.queue: queue.SimpleQueue = queue.SimpleQueue()
        self.vus: set[str] = set()
        self.attente: list[str] = []
        self.numero = 0
        self.refaire = False

    def ecrite(self, path) -> None:
        path = os.path.abspath(str(path))
        if not path.endswith(".html"):
            return
        rel = os.path.relpath(path, self.output)
        if rel.startswith(os.pardir + os.sep) or rel.split(os.sep)[0] == DOSSIER:
            return
        if rel in self.vus:
            self.refaire = True
            return
        self.vus.add(rel)
        self.attente.append(rel)
        if len(self.attente) >= self.lot:
            self._envoyer()

    def _envoyer(self) -> None:
        if not self.attente:
            return
        lot = os.path.join(self.dossier, f"{self.numero:04d}")
        self.numero += 1
        for rel in self.attente:
            cible = os.path.join(lot, rel)
            os.makedirs(os.path.dirname(cible), exist_ok=True)
            _remettre(os.path.join(self.output, rel), cible)
        self.attente = []
        self.queue.put(lot)

    def finir(self) -> None:
        """The pages not yet handed over (written by other means than Pelican's writer), then the end."""
        if self.refaire:
            self.queue.put(_REFAIRE)
            return
        for root, dirs, files in os.walk(self.output):
            rel_root = os.path.relpath(root, self.output)
            if rel_root == os.curdir:
                dirs[:] = [d for d in dirs if d != DOSSIER]
            dirs.sort()
            for name in sorted(files):
                rel = os.path.normpath(os.path.join(rel_root, name))
                if name.endswith(".html") and rel not in self.vus:
                    self.vus.add(rel)
                    self.attente.append(rel)
        self._envoyer()
        self.queue.put(_FIN)

    def abandonner(self) -> None:
        self.queue.put(_ABANDON)

    def nettoyer(self) -> None:
        shutil.rmtree(self.dossier, ignore_errors=True)


class _EnCours:
    """Pagefind's indexing of one build, in a thread."""

    def __init__(self):
        self.thread: threading.Thread | None = None
        self.lots: _Lots | None = None
        self.garde: _Garde | None = None
        self.pages = 0
        self.error: BaseException | None = None
        self.elapsed = 0.0

    def _run(self, work) -> None:
        self.pages, self.error = 0, None
        lots = self.lots

        def run():
            debut = time.perf_counter()
            if lots is not None:
                _en_retrait()
            try:
                self.pages = work()
            except BaseException as exc:  # noqa: BLE001 - re-raised by wait()
                self.error = exc
            finally:
                if lots is not None:
                    lots.nettoyer()
            self.elapsed = time.perf_counter() - debut

        self.thread = threading.Thread(target=run, name="pagefind", daemon=False)
        self.thread.start()

    def start(self, output: str, langue: str) -> None:
        """The whole output in one go (the build wrote it without handing its pages over)."""
        self.wait(quiet=True)
        self.garde = None
        self._run(lambda: indexer(output, langue))

    def begin(self, output: str, langue: str, lot: int = LOT, garde: str | None = None, sources: str = "") -> None:
        """Before the site is written: its pages will be handed over as they are written; with
        ``garde`` (a folder), the index is kept there for the next build, which reuses it
        when it hands over the same pages and its ``sources`` (empreinte_sources) are the same (_Garde)."""
        self.wait(quiet=True)
        self.lots = _Lots(output, lot)
        lots = self.lots
        self.garde = _Garde(garde, langue, sources) if garde else None
        self._run(lambda g=self.garde: asyncio.run(_index_par_lots(lots.output, langue, lots.queue, g)))

    def written(self, path) -> None:
        if self.lots is not None:
            self.lots.ecrite(path)

    def finish(self) -> bool:
        """The end of the writing; False when the pages were not being handed over."""
        if self.lots is None:
            return False
        self.lots.finir()
        self.lots = None
        return True

    def wait(self, quiet: bool = False) -> int | None:
        if self.lots is not None:
            # a build that ended before its end was said: `quiet` (the next build starts) drops
            # its index, otherwise the pages left are indexed
            if quiet:
                self.lots.abandonner()
                self.lots = None
            else:
                self.finish()
        if self.thread is None:
            return None
        self.thread.join()
        self.thread = None
        if self.error is not None:
            error, self.error = self.error, None
            if not quiet:
                raise RuntimeError(f"index de recherche (Pagefind) impossible : {error}") from error
            return None
        if not quiet:
            if self.garde is not None and self.garde.repris:
                logger.info("Recherche : index de la construction précédente repris (mêmes pages), %d pages",
                            self.pages)
            else:
                logger.info("Recherche : %d pages indexées par Pagefind en %.1f s (en arrière-plan%s)",
                            self.pages, self.elapsed,
                            f", les {self.garde.retenus} premiers lots retenus : ceux de la construction précédente"
                            if self.garde is not None and self.garde.retenus else "")
        return self.pages


_en_cours = _EnCours()


def _on_all_generators(generators) -> None:
    settings = generators[0].settings if generators else {}
    if settings.get("PAGEFIND", True) and settings.get("OUTPUT_PATH"):
        garde = _dossier_garde(settings)
        _en_cours.begin(settings["OUTPUT_PATH"], settings.get("PAGEFIND_LANGUE", "fr"),
                        settings.get("PAGEFIND_LOT", LOT), garde, _sources(settings) if garde else "")


def empreinte_sources(dossiers) -> str:
    """The digest of every file's path, size and date under ``dossiers`` (the content, the
    theme, the plugins and calculators, the project's settings files): a cheap guess, before
    the writing, that the pages will be the previous build's.  It only decides whether the
    batches are held (_Garde): the pages' own digests decide whether the index is reused."""
    h = hashlib.sha256()
    for dossier in dossiers:
        dossier = os.path.abspath(str(dossier))
        if os.path.isfile(dossier):
            st = os.stat(dossier)
            h.update(f"{dossier}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
            continue
        for root, dirs, files in os.walk(dossier):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
            for name in sorted(files):
                if name.endswith(".pyc"):
                    continue
                path = os.path.join(root, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _sources(settings) -> str:
    dossiers = [settings.get("PATH") or "", settings.get("THEME") or "",
                PROJECT_ROOT / "plugins", PROJECT_ROOT / "calculators"]
    dossiers += sorted(PROJECT_ROOT.glob("*conf*.py"))
    return empreinte_sources([d for d in dossiers if d and os.path.exists(str(d))])


def _dossier_garde(settings) -> str | None:
    dossier = settings.get("PAGEFIND_CACHE", None)
    if dossier is False:
        return None
    return str(dossier or PROJECT_ROOT / ".cache" / "recherche")


def _on_written(path, **_kwargs) -> None:
    _en_cours.written(path)


def _on_finalized(pelican) -> None:
    if not pelican.settings.get("PAGEFIND", True):
        return
    if not _en_cours.finish():
        _en_cours.start(pelican.settings["OUTPUT_PATH"], pelican.settings.get("PAGEFIND_LANGUE", "fr"))


def _attendre(_sender=None, **_kwargs) -> int | None:
    return _en_cours.wait()


def _connect_end(_generators) -> None:
    # after the checks' `finalized` handler (connected when Pelican is initialised)
    signals.finalized.connect(_attendre)


def _on_new_build(*_args, **_kwargs) -> None:
    # `make serve`: a failed build's indexing ends before the next build deletes the output
    _en_cours.wait(quiet=True)


def register():
    signals.finalized.connect(_on_finalized)
    signals.generator_init.connect(_on_new_build)
    signals.all_generators_finalized.connect(_on_all_generators)
    signals.all_generators_finalized.connect(_connect_end)
    signals.content_written.connect(_on_written)
    signal("cadre-libre.attendre-recherche").connect(_attendre)
