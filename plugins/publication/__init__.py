"""Files a static host reads: robots.txt and _headers (Netlify / Cloudflare Pages format),
and the precompressed copies (.br, .gz) of every page and runtime file (precompression.py).

_headers carries the same Content-Security-Policy as the pages' <meta> tag (setting CSP)
plus what only works as an HTTP header (CSP_HEADER_EXTRA: frame-ancestors), a few
privacy headers, and immutable caching for the versioned paths listed in CACHE_IMMUABLE.
"""

from __future__ import annotations

import os
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


def _connect_last(pelican) -> None:
    # connected once Pelican is initialised, hence after every plugin's own `finalized`
    # handler (calculateurs installs the runtime there, recherche starts Pagefind)
    from . import precompression

    signals.finalized.connect(precompression.on_finalized)
    signals.generator_init.connect(precompression.on_new_build)
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

    signals.finalized.connect(_write)
    signals.initialized.connect(_connect_last)
    signal("cadre-libre.fichiers-connus").connect(_on_known_files)
