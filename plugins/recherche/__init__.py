"""Full-text search: a Pagefind index written into output/pagefind/ at the end of the build.

Uses Pagefind's Python API (package `pagefind[bin]`, no network). Only elements marked
`data-pagefind-body` in the theme (the text of articles and pages) are indexed, without
forms and calculators (EXCLUS) and what the theme marks `data-pagefind-ignore`; the
search page loads `/pagefind/pagefind.js` from the same origin (theme/static/js/recherche.js).
Settings: PAGEFIND (True to index), PAGEFIND_LANGUE (ISO 639-1, "fr"), PAGEFIND_LOT (pages
handed to Pagefind at a time while the site is written, LOT).

Pagefind runs in the background (its own process, driven from a thread) while the site is
written: the pages are handed to it in batches (LOT pages, signal ``content_written``) as
Pelican writes them, hard-linked into a temporary folder beside the output (one folder a
batch, the paths relative to the output kept, so the URLs are the same), and indexed one batch
after the other (``add_directory``, in the order the pages were written: the index is the same
from one build to the next).  At the end of the build the pages written by other means are
found by a walk over the output and indexed last; the index files are then asked for and
written by this module (never by Pagefind's ``write_files``, which can leave them torn: see
``_ecrire_index``).  A page
written twice in one build (Pelican's ``override``) throws the batches away: the whole output
is then indexed in one go at the end, as without batches.  It is waited for when
plugins/publication sends ``cadre-libre.attendre-recherche`` (before compressing the index's
files) and, in any case, at the end of the build.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import queue
import shutil
import tempfile
import threading
import time

from blinker import signal
from pelican import signals

logger = logging.getLogger(__name__)

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


def _ecrire_index(output: str, fichiers: list) -> None:
    """The index's files, written here from the bytes Pagefind handed over.

    Pagefind 1.5.2's own ``write_files`` answers before its writes reach the disk (tokio's
    ``File`` dropped unflushed, Pagefind/pagefind#1271, fixed after 1.5.2 by #1272), and the
    service is stopped as soon as it answers: about one build in eight here shipped an empty
    ``pagefind-entry.json`` (search broken) or an empty ``wasm.unknown.pagefind``.  The files
    asked for (``get_files``) are whole; they are written by this process, each completely
    before the build goes on."""
    dossier = os.path.join(output, DOSSIER)
    if os.path.isdir(dossier):  # a previous build's index (DELETE_OUTPUT_DIRECTORY off)
        shutil.rmtree(dossier)
    for fichier in fichiers:
        rel = fichier["path"]
        rel = os.path.normpath(os.path.relpath(rel, dossier) if os.path.isabs(rel) else rel)
        if rel.split(os.sep)[0] == os.pardir:
            raise RuntimeError(f"Pagefind : fichier d'index hors de son dossier « {fichier['path']} »")
        if os.path.basename(rel).startswith(INTERFACES):
            continue
        cible = os.path.join(dossier, rel)
        os.makedirs(os.path.dirname(cible), exist_ok=True)
        with open(cible, "wb") as fh:
            fh.write(fichier["content"])


@contextlib.asynccontextmanager
async def _pagefind(output: str, langue: str):
    """An index in a Pagefind service; written into ``output/pagefind/`` when the block ends
    without an exception (as ``PagefindIndex``, whose files may be torn: _ecrire_index)."""
    async with _service() as service:
        index = await service.create_index(_config(output, langue))
        yield index
        fichiers = await index.get_files()
    _ecrire_index(output, fichiers)


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


async def _index_par_lots(output: str, langue: str, lots: queue.SimpleQueue) -> int:
    loop = asyncio.get_running_loop()
    pages = 0
    try:
        async with _pagefind(output, langue) as index:
            while (lot := await loop.run_in_executor(None, _prendre, lots)) != _FIN:
                if lot in (_ABANDON, _REFAIRE):
                    raise _Interrompu(lot)  # leaves the index unwritten
                pages += int((await index.add_directory(lot)).get("page_count", 0))
    except _Interrompu as stop:
        if stop.args[0] == _ABANDON:
            return 0
        return await _index(output, langue)
    return pages


def _en_retrait() -> None:
    # while the site is written, Pagefind takes the cores the writing leaves idle: this thread,
    # and so the Pagefind process it starts (Linux: niceness is a thread's, and a child
    # inherits it), yields to the build's processes
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)
    except (AttributeError, OSError):
        pass


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
            try:
                os.link(os.path.join(self.output, rel), cible)
            except OSError:
                shutil.copyfile(os.path.join(self.output, rel), cible)
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
        self._run(lambda: indexer(output, langue))

    def begin(self, output: str, langue: str, lot: int = LOT) -> None:
        """Before the site is written: its pages will be handed over as they are written."""
        self.wait(quiet=True)
        self.lots = _Lots(output, lot)
        lots = self.lots
        self._run(lambda: asyncio.run(_index_par_lots(lots.output, langue, lots.queue)))

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
            logger.info("Recherche : %d pages indexées par Pagefind en %.1f s (en arrière-plan)",
                        self.pages, self.elapsed)
        return self.pages


_en_cours = _EnCours()


def _on_all_generators(generators) -> None:
    settings = generators[0].settings if generators else {}
    if settings.get("PAGEFIND", True) and settings.get("OUTPUT_PATH"):
        _en_cours.begin(settings["OUTPUT_PATH"], settings.get("PAGEFIND_LANGUE", "fr"),
                        settings.get("PAGEFIND_LOT", LOT))


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
