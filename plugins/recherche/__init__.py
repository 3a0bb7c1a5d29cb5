"""Full-text search: a Pagefind index written into output/pagefind/ at the end of the build.

Uses Pagefind's Python API (package `pagefind[bin]`, no network). Only elements marked
`data-pagefind-body` in the theme (the text of articles and pages) are indexed, without
forms and calculators (EXCLUS) and what the theme marks `data-pagefind-ignore`; the
search page loads `/pagefind/pagefind.js` from the same origin (theme/static/js/recherche.js).
Settings: PAGEFIND (True to index), PAGEFIND_LANGUE (ISO 639-1, "fr").
"""

from __future__ import annotations

import asyncio
import logging
import os
import time

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


def _on_finalized(pelican) -> None:
    if not pelican.settings.get("PAGEFIND", True):
        return
    debut = time.perf_counter()
    pages = indexer(pelican.settings["OUTPUT_PATH"], pelican.settings.get("PAGEFIND_LANGUE", "fr"))
    logger.info("Recherche : %d pages indexées par Pagefind en %.1f s", pages, time.perf_counter() - debut)


def register():
    signals.finalized.connect(_on_finalized)
