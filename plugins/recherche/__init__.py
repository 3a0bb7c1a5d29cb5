"""Full-text search: a Pagefind index written into output/pagefind/ at the end of the build.

Uses Pagefind's Python API (package `pagefind[bin]`, no network). Only elements marked
`data-pagefind-body` in the theme (the text of articles and pages) are indexed, without
forms and calculators (EXCLUS) and what the theme marks `data-pagefind-ignore`; the
search page loads `/pagefind/pagefind.js` from the same origin (theme/static/js/recherche.js).
Settings: PAGEFIND (True to index), PAGEFIND_LANGUE (ISO 639-1, "fr").

Pagefind runs in the background (its own process, driven from a thread) from the start of
the build's final step, while the content checks read the pages and the output is
precompressed: it is waited for when plugins/publication sends ``cadre-libre.attendre-recherche``
(before compressing the index's files) and, in any case, at the end of the build.
"""

from __future__ import annotations

import asyncio
import logging
import os
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


async def _index(output: str, langue: str) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(
        force_language=langue,
        output_path=os.path.join(output, "pagefind"),
        # forms and calculators' prerendered figures are not prose: they would only add noise to excerpts
        exclude_selectors=list(EXCLUS),
    )
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(output)
    folder = os.path.join(output, "pagefind")
    for name in os.listdir(folder):
        if name.startswith(INTERFACES):
            os.remove(os.path.join(folder, name))
    return int(result.get("page_count", 0))


def indexer(output: str, langue: str = "fr") -> int:
    """Index the built site in `output`; returns the number of pages indexed."""
    return asyncio.run(_index(os.path.abspath(output), langue))


class _EnCours:
    """Pagefind's indexing of one build, in a thread."""

    def __init__(self):
        self.thread: threading.Thread | None = None
        self.pages = 0
        self.error: BaseException | None = None
        self.elapsed = 0.0

    def start(self, output: str, langue: str) -> None:
        self.wait(quiet=True)
        self.pages, self.error = 0, None

        def run():
            debut = time.perf_counter()
            try:
                self.pages = indexer(output, langue)
            except BaseException as exc:  # noqa: BLE001 - re-raised by wait()
                self.error = exc
            self.elapsed = time.perf_counter() - debut

        self.thread = threading.Thread(target=run, name="pagefind", daemon=False)
        self.thread.start()

    def wait(self, quiet: bool = False) -> int | None:
        if self.thread is None:
            return None
        self.thread.join()
        self.thread = None
        if self.error is not None:
            error, self.error = self.error, None
            if not quiet:
                raise RuntimeError(f"index de recherche (Pagefind) impossible : {error}") from error
            return None
        logger.info("Recherche : %d pages indexées par Pagefind en %.1f s (en arrière-plan)",
                    self.pages, self.elapsed)
        return self.pages


_en_cours = _EnCours()


def _on_finalized(pelican) -> None:
    if not pelican.settings.get("PAGEFIND", True):
        return
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
    signals.all_generators_finalized.connect(_connect_end)
    signal("cadre-libre.attendre-recherche").connect(_attendre)
