"""Content checks: an editor's mistake fails the build instead of reaching the site.

The build stops (exit status 1) and names the source file, the line when it can be
found, and what is wrong, when:

- a required field of front matter is missing or empty (setting METADONNEES_REQUISES:
  Title, Date, Summary, Category for articles; Title, Summary for pages and section
  introductions), a date does not parse, `Order`/`Regles` is not an integer, or an
  article's Category is not one of RUBRIQUES;
- an internal link written with Pelican's syntax (`{filename}`, `{static}`, `{attach}`)
  points to a file that does not exist;
- a link, image, stylesheet or script of a built page points to a page or file of the
  site that does not exist, or to an anchor (`#id`) that the target page lacks;
- a built page would break the Content-Security-Policy or privacy rules: inline
  <script> (JSON-LD data blocks excepted), <style> element, style="" or on…="" attribute,
  or an image/script/stylesheet/frame loaded from another origin;
- Pelican itself reported an error, an unresolved link or an image without alt text.

Setting the environment variable CADRE_LIBRE_VERIFICATIONS=avertir turns these errors into
warnings, for drafting locally while linked articles are still being written; never in CI.

Pelican only warns on several of these; here they are fatal. The plugin connects its
handlers when Pelican sends `initialized`, i.e. after every plugin listed in PLUGINS has
registered, so the final checks run after the other plugins' own `finalized` handlers
(which may write files into the output) whatever the order of PLUGINS.  Two of them only
start work there that goes on while the checks run, in other processes: the precompressed
copies (.br/.gz beside the files, never read by the checks) and Pagefind's index
(output/pagefind/, which the checks skip); plugins/publication waits for both once the
checks are done.

Modules: front_matter (required fields, dates, Order/Regles, category against folder), liens
({filename}/{static} links of the sources; links, resources and anchors of built pages),
analyse (the linear scan of a built page), avance (the pages scanned by a worker process as
they are written), sortie (the walk over the built site and its CSP
checks), sources (the pass over the sources), journal (Pelican's log, the report, the exit
status), commun (the problems found and the build's state). This file only registers them.
"""

from __future__ import annotations

import logging

from pelican import signals

from . import avance
from .analyse import _Page, _parse, _parse_slow, scan
from .commun import Probleme, _state
from .front_matter import lire_entete, verifier_entete
from .journal import ContenuInvalide, _collecteur, _on_finalized
from .liens import verifier_liens_page, verifier_liens_source
from .sortie import verifier_sortie
from .sources import _on_all_generators

__all__ = ["ContenuInvalide", "Probleme", "lire_entete", "register", "scan", "verifier_entete",
           "verifier_liens_page", "verifier_liens_source", "verifier_sortie",
           "_Page", "_parse", "_parse_slow", "_state"]


def _on_initialized(pelican) -> None:
    root = logging.getLogger()
    if _collecteur not in root.handlers:
        root.addHandler(_collecteur)
    _collecteur.messages.clear()
    signals.all_generators_finalized.connect(_on_all_generators)
    signals.all_generators_finalized.connect(_start_reading_ahead)
    signals.content_written.connect(_on_written)
    signals.finalized.connect(_on_finalized)


def _start_reading_ahead(generators) -> None:
    if generators:
        avance.start(generators[0].settings)


def _on_written(path, **_kwargs) -> None:
    avance.written(path)


def register():
    signals.initialized.connect(_on_initialized)
