"""The built pages read ahead: while Pelican writes the pages (on one core), a worker process
(``fork``) scans each page as soon as it is written (signal ``content_written``), on the core
the writing leaves idle; the final checks (sortie.verifier_sortie) then take its findings
instead of scanning the page themselves.  A page the worker did not scan (written by another
means, or the worker failed) is scanned by the checks as before: the findings are the same
(analyse.scan, in either process).

Setting ``LECTURE_PARALLELE`` (shared with plugins/calculateurs/parallele.py): 0 or 1 scans
every page in the build's process; without ``fork`` (macOS, Windows), likewise."""

from __future__ import annotations

import multiprocessing
import os

from .analyse import _parse, _ScannedPage

_STATE: dict = {"pool": None, "futures": {}}


def _scan(path: str):
    page = _parse(path)
    return page.ids, page.urls, page.csp


def start(settings) -> None:
    stop()
    n = settings.get("LECTURE_PARALLELE")
    if n is not None and int(n) <= 1:
        return
    if n is None:
        try:
            cores = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            cores = os.cpu_count() or 1
        if cores < 2:
            return
    if "fork" not in multiprocessing.get_all_start_methods():
        return
    _STATE["pool"] = multiprocessing.get_context("fork").Pool(1)


def written(path) -> None:
    pool = _STATE["pool"]
    path = str(path)
    if pool is not None and path.endswith(".html"):
        path = os.path.abspath(path)
        _STATE["futures"][path] = pool.apply_async(_scan, (path,))


def take(path: str):
    """The worker's findings on ``path`` (a page, as analyse._parse gives it), or None."""
    future = _STATE["futures"].pop(os.path.abspath(path), None)
    if future is None:
        return None
    try:
        ids, urls, csp = future.get()
    except Exception:  # noqa: BLE001 - the checks scan the page themselves
        return None
    page = _ScannedPage()
    page.ids, page.urls, page.csp = ids, urls, csp
    return page


def stop(*_args, **_kwargs) -> None:
    pool = _STATE["pool"]
    _STATE["pool"] = None
    _STATE["futures"].clear()
    if pool is not None:
        pool.terminate()
        pool.join()
