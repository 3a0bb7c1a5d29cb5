"""Checks of the built site: inline code or style the CSP blocks, resources from another origin,
and (through liens.verifier_liens_page) the links and anchors of every page."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from . import avance
from .analyse import _Page, _parse
from .commun import _add, _find_line, _state
from .liens import verifier_liens_page


def verifier_sortie(output: str, siteurl: str) -> None:
    output = os.path.abspath(output)
    origin = ""
    base_path = "/"
    if siteurl.startswith(("http://", "https://")):
        parts = urlsplit(siteurl)
        origin = f"{parts.scheme}://{parts.netloc}"
        base_path = (parts.path.rstrip("/") or "") + "/"
    skip_dirs = {"pagefind", "runtime"}
    parsed: dict[str, _Page] = {}
    cibles: dict[str, str | None] = {}  # site path -> output file (or None), for every page

    def page_of(path: str) -> _Page:
        if path not in parsed:
            parsed[path] = avance.take(path) or _parse(path)
        return parsed[path]

    theme_reported: set[tuple[str, str]] = set()
    for dirpath, dirnames, filenames in os.walk(output):
        if dirpath == output:
            dirnames[:] = [d for d in dirnames if d not in skip_dirs]
        for filename in sorted(filenames):
            if not filename.endswith(".html"):
                continue
            full = os.path.join(dirpath, filename)
            rel = os.path.relpath(full, output).replace(os.sep, "/")
            source = _state.sources.get(rel)
            page = page_of(full)

            # the page's own names are bound now: the function must not see the next page's
            def report(line: int | None, message: str, needles=(), *, source=source, rel=rel, full=full) -> None:
                if source:
                    _add(source, _find_line(source, *needles), f"{message} (page produite : {rel})")
                else:
                    key = (message, "")
                    if key in theme_reported:
                        return
                    theme_reported.add(key)
                    _add(full, line, f"{message} (gabarit du thème ou d'un plugin)")

            for line, message in page.csp:
                needle = "style=" if "style=" in message else ("<style" if "<style>" in message else "<script")
                report(line, message, (needle,))
            verifier_liens_page(page, report, page_of, output, base_path + rel, origin, base_path, siteurl, skip_dirs,
                               cibles)
