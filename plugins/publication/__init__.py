"""Files a static host reads: robots.txt and _headers (Netlify / Cloudflare Pages format),
and the precompressed copies (.br, .gz) of every page and runtime file (precompression.py);
the addresses of articles and pages computed once while the site is written (adresses.py);
the search for ``{static}`` links, and the rewriting of intrasite links, skipped in an HTML that
holds none (liens_statiques.py).

The output of the previous build (``DELETE_OUTPUT_DIRECTORY``) is not deleted while the build
waits: it is renamed aside (``.<output>.a-supprimer-*``, beside it) and deleted by a process of
its own, at the lowest priority, while the new one is built (``vider_la_sortie``).  Deleting the
5 000 files of 1 000 articles took 0.2 to 1.5 s at the start of each build, the build idle.

_headers carries the same Content-Security-Policy as the pages' <meta> tag (setting CSP)
plus what only works as an HTTP header (CSP_HEADER_EXTRA: frame-ancestors), a few
privacy headers, and immutable caching for the versioned paths listed in CACHE_IMMUABLE.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from urllib.parse import urlsplit

from pelican import signals


def robots(settings) -> str:
    siteurl = settings.get("SITEURL", "")
    base = urlsplit(siteurl).path.rstrip("/") + "/"
    lines = ["User-agent: *", f"Allow: {base}", f"Disallow: {base}brouillons/"]
    if siteurl.startswith(("http://", "https://")):
        lines.append(f"Sitemap: {siteurl}/sitemap.xml")
    return "\n".join(lines) + "\n"


def headers(settings) -> str:
    csp = settings["CSP"]
    extra = settings.get("CSP_HEADER_EXTRA")
    if extra:
        csp = f"{csp}; {extra}"
    out = [
        "/*",
        f"  Content-Security-Policy: {csp}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "  Cross-Origin-Opener-Policy: same-origin",
    ]
    for path in settings.get("CACHE_IMMUABLE", []):
        out += ["", path, "  Cache-Control: public, max-age=31536000, immutable"]
    return "\n".join(out) + "\n"


def _write(pelican) -> None:
    out = pelican.settings["OUTPUT_PATH"]
    for name, text in (("robots.txt", robots(pelican.settings)), ("_headers", headers(pelican.settings))):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


CORBEILLE = ".{name}.a-supprimer-"
_VIDEES: list = []


def vider_la_sortie(generator) -> None:
    """Once per build, before Pelican deletes what its output holds: the output renamed aside
    and deleted in the background (see the module's docstring), an empty one in its place with
    what ``OUTPUT_RETENTION`` keeps.  Anything unusual (the output holds the content, is a
    link, a mount point, on another file system…) is left to Pelican's own deletion."""
    context = getattr(generator, "context", None)
    if context is None or any(c is context for c in _VIDEES):
        return
    _VIDEES[:] = [context]
    settings = generator.settings
    if not settings.get("DELETE_OUTPUT_DIRECTORY"):
        return
    output = os.path.realpath(settings["OUTPUT_PATH"])
    source = os.path.realpath(settings.get("PATH", output))
    parent, name = os.path.split(output)
    if not name or os.path.commonpath([output, source]) == output or os.path.islink(settings["OUTPUT_PATH"]) \
            or not os.path.isdir(output) or os.path.ismount(output):
        return
    prefix = CORBEILLE.format(name=name)
    trash = os.path.join(parent, f"{prefix}{os.getpid()}-{time.monotonic_ns()}")
    try:
        os.rename(output, trash)
    except OSError:
        return
    os.mkdir(output)
    for kept in settings.get("OUTPUT_RETENTION", []):
        try:
            os.rename(os.path.join(trash, kept), os.path.join(output, kept))
        except FileNotFoundError:
            pass
    # with those a build stopped before their deletion left behind
    old = [os.path.join(parent, n) for n in os.listdir(parent) if n.startswith(prefix)]
    subprocess.Popen([sys.executable, "-c", _SUPPRIMER, *old], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True)


_SUPPRIMER = "import os, shutil, sys\ntry:\n    os.nice(19)\nexcept OSError:\n    pass\n" \
             "for p in sys.argv[1:]:\n    shutil.rmtree(p, ignore_errors=True)\n"


def _connect_last(pelican) -> None:
    # connected once Pelican is initialised, hence after every plugin's own `finalized`
    # handler (calculateurs installs the runtime there, recherche starts Pagefind)
    from . import precompression

    signals.finalized.connect(precompression.on_finalized)
    signals.generator_init.connect(precompression.on_new_build)
    signals.generator_init.connect(vider_la_sortie)  # once a previous build's compression is over
    signals.all_generators_finalized.connect(_connect_end)


def _connect_end(_generators) -> None:
    # connected after every plugin's `initialized` handler, hence after the checks'
    # `finalized` handler (plugins/verifications): the compression and Pagefind run
    # while the checks read the pages; the build ends when they are done
    from . import precompression

    signals.finalized.connect(precompression.on_end_of_build)


def _on_known_files(sender=None, **kwargs) -> None:
    from . import precompression

    precompression.on_known_files(sender, **kwargs)


def register():
    from blinker import signal

    from . import adresses, liens_statiques

    adresses.register()
    liens_statiques.register()
    signals.finalized.connect(_write)
    signals.initialized.connect(_connect_last)
    signal("cadre-libre.fichiers-connus").connect(_on_known_files)
