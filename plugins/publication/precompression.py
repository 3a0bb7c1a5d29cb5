"""Precompressed copies of the output: ``x.br`` (brotli) and ``x.gz`` (gzip) beside each
page, stylesheet, script and runtime file, so that a host sends them as they are (with
``Content-Encoding``) instead of compressing at each request, or not at all.

- gzip: Python's ``gzip`` (level 9, 6 for the pages; no timestamp: reproducible), on a pool of threads
  (zlib releases the GIL: both cores work);
- brotli: Node's built-in zlib (``brotli.mjs``; no package), one Node process fed the jobs
  as they are known, compressing on one thread a core (``quality``): 11 for the runtime,
  scripts and styles of 64 KB and more (the wasm: 0.36 MB less than quality 9; compressed
  once, then kept in the cache), 9 for the smaller ones, 6 for the pages (``PAGE_QUALITY``:
  every page is compressed again when its content, a calculator or the theme changes).

**Cache.** Each result is kept in ``.cache/compression/`` under the sha-256 of the file's
content (and the brotli quality): a file whose content did not change is never compressed
again (quality 11 takes tens of seconds on the 9.6 MB wasm); its copies are hard-linked
from the cache into the output (copied when a link is impossible, e.g. across file
systems).  The cache is written through temporary files and ``os.replace``, and the output
copies through a fresh link or file, never by writing into an existing file: a copy in the
output can never alter the cache.  A copy is written only if it saves at least 5 %
(already-compressed files — the wheel, Pagefind's fragments, images — are left alone).

**In the background.** ``on_finalized`` starts the work in another process and returns: the
compression runs while the content checks (plugins/verifications) read the pages and while
Pagefind indexes them (plugins/recherche, a separate process).  ``on_end_of_build``, connected
after every other ``finalized`` handler, waits for it and for Pagefind, then compresses
Pagefind's files (``pagefind/``).  A build that failed before that point is waited for at the
start of the next one (``make serve``), before its output is deleted.  Files known before the
pages are written (the Pyodide runtime, signal ``cadre-libre.fichiers-connus`` sent by
plugins/calculateurs) are compressed into the cache from the start of the build, while the
content is read: on a cold cache, the wasm's quality-11 brotli no longer waits for the end.

Entries no build used for 30 days are deleted (``PRUNE_DAYS``): the cache can be kept across
builds (CI restores it, see .github/workflows/site.yml) without growing forever.

Settings ``PRECOMPRESSION`` (default True); ``PRECOMPRESSION_CACHE`` (default
``<project>/.cache/compression``).
"""

from __future__ import annotations

import atexit
import concurrent.futures
import errno
import gzip
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from blinker import signal

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BROTLI_SCRIPT = Path(__file__).with_name("brotli.mjs")
EXTENSIONS = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".wasm", ".zip", ".map",
              ".webmanifest", ".ico")
MIN_SAVING = 0.05
BEST_FROM = 64 * 1024
# Pages are compressed again whenever their content changes (every page, when a calculator
# or the theme changes): quality 6 compresses the site's pages 13 times faster than quality 9
# and 24 times faster than 10, for copies 0.8 % larger than 9's and 8 % larger than 10's
# (measured on 300 pages of 1 000 synthetic articles: 16.2 %, 16.1 % and 14.9 % of their size).
PAGE_QUALITY = 6
# and gzip level 6 (level 9 elsewhere): a quarter faster on the pages, copies 1 % larger (17.9 %
# of their size instead of 17.7 %); browsers take the brotli copy anyway
PAGE_GZIP_LEVEL = 6
# Feeds and the sitemap change at every build (their dates) and are read by robots, which
# take gzip: no brotli for them, so that a rebuild without changes never starts Node.
GZIP_ONLY = (".xml",)
# Sent (with the output path) when the build needs Pagefind's index complete; plugins/recherche
# answers once its background indexing is done (the number of pages indexed).
WAIT_FOR_SEARCH = signal("cadre-libre.attendre-recherche")
SEARCH_DIR = "pagefind"
# The compression runs at this niceness (its process and Node's): it can run on any core, at any
# time, while Pagefind's index (plugins/recherche, niceness 10) is one chain of work that ends
# the build; when both wait for a core, Pagefind's goes first.  At the same niceness, Pagefind
# was left ~3 s alone at the end of a build of 1 000 articles on 2 cores, one core idle.
NICE = 15
# cache entries no build used for this long are deleted (the index's copies, compressed after
# the main pass, are used, hence kept, by every build that has the same index)
PRUNE_DAYS = 30


def quality(path: Path, size: int) -> int:
    """The brotli quality of a file (see the module's docstring)."""
    if path.suffix == ".html":
        return PAGE_QUALITY
    return 9 if size < BEST_FROM else 11


def _brotli_path(cache: Path, digest: str, quality: int) -> Path:
    return cache / (f"{digest}.br" if quality == 11 else f"{digest}.q{quality}.br")


def _walk(output: Path, skip_top: set[str], only_top: str | None) -> list[Path]:
    """Compressible files of ``output``; top-level folders in ``skip_top`` left out, or only
    the folder ``only_top``."""
    found: list[Path] = []
    start = output / only_top if only_top else output
    if not start.is_dir():
        return found
    stack = [start]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as it:
            for entry in it:
                if entry.is_dir(follow_symlinks=False):
                    if folder == output and entry.name in skip_top:
                        continue
                    stack.append(Path(entry.path))
                elif entry.is_file() and os.path.splitext(entry.name)[1] in EXTENSIONS:
                    found.append(Path(entry.path))
    return found


def _gzip_to(data: bytes, dst: Path, level: int = 9) -> int:
    out = gzip.compress(data, level, mtime=0)
    tmp = dst.with_name(f"{dst.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(out)
    os.replace(tmp, dst)
    return len(out)


def _place(src: Path, dst: Path) -> None:
    """``dst`` becomes a copy of ``src``: a hard link when possible, else a copy; never by
    writing into an existing ``dst`` (which may be a link to the cache)."""
    try:
        os.unlink(dst)
    except FileNotFoundError:
        pass
    try:
        os.link(src, dst)
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
            raise
        shutil.copyfile(src, dst)


class _Brotli:
    """One Node process compressing the jobs written to its standard input, one JSON line each."""

    def __init__(self):
        self.proc: subprocess.Popen | None = None
        self.count = 0

    def submit(self, src: Path, dst: Path, size: int, quality: int) -> None:
        if self.proc is None:
            self.err = tempfile.TemporaryFile()  # not a pipe: a full pipe would block the jobs' writes
            self.proc = subprocess.Popen(["node", str(BROTLI_SCRIPT)], stdin=subprocess.PIPE,
                                         stdout=subprocess.DEVNULL, stderr=self.err,
                                         cwd=PROJECT_ROOT, text=True)
        job = {"src": str(src), "dst": str(dst), "size": size, "quality": quality}
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        self.count += 1

    def close(self) -> None:
        if self.proc is None:
            return
        self.proc.stdin.close()
        code = self.proc.wait()
        self.err.seek(0)
        err = self.err.read().decode("utf-8", "replace")
        self.err.close()
        if code != 0:
            raise RuntimeError("compression brotli impossible (node) :\n" + err[-2000:])


def precompress(output: Path, cache: Path, *, skip_top: tuple[str, ...] = (), only_top: str | None = None,
                threads: int | None = None, prune_days: float | None = None) -> dict:
    """Write ``.gz`` and ``.br`` beside every compressible file of ``output`` (top-level
    folders ``skip_top`` left out, or only ``only_top``); returns counts.  With
    ``prune_days``, cache entries no build used for that many days are deleted."""
    files = _walk(Path(output), set(skip_top), only_top)
    plan, gzip_computed, brotli_computed = _fill_cache(files, cache, threads)
    written = 0
    for path, digest, size in plan:
        q = quality(path, size)
        for ext, src in ((".gz", cache / f"{digest}.gz"), (".br", _brotli_path(cache, digest, q))):
            if ext == ".br" and path.suffix in GZIP_ONLY:
                continue
            if src.stat().st_size <= size * (1 - MIN_SAVING):
                _place(src, path.with_name(path.name + ext))
                written += 1
            os.utime(src)  # used by this build (see _prune)
    pruned = _prune(cache, prune_days) if prune_days is not None else 0
    return {"files": len(plan), "written": written, "gzip_computed": gzip_computed,
            "brotli_computed": brotli_computed, "pruned": pruned}


def _prune(cache: Path, days: float) -> int:
    """Delete the entries no build used for ``days`` days (each use sets an entry's mtime), so
    that a cache kept across builds (a developer's .cache/, a CI cache) does not grow forever."""
    limit = time.time() - days * 86400
    removed = 0
    with os.scandir(cache) as it:
        for entry in it:
            try:
                if entry.is_file() and entry.stat().st_mtime < limit:
                    os.unlink(entry.path)
                    removed += 1
            except FileNotFoundError:
                pass
    return removed


def prime(files: list[Path], cache: Path) -> dict:
    """Only fill the cache for ``files`` (the runtime, known before the pages are written:
    its slow quality-11 brotli runs while the build reads the content)."""
    plan, gzip_computed, brotli_computed = _fill_cache([Path(f) for f in files if _wanted(Path(f))], cache, None)
    for _path, digest, size in plan:
        for entry in (cache / f"{digest}.gz", _brotli_path(cache, digest, quality(_path, size))):
            if entry.exists():
                os.utime(entry)
    return {"files": len(plan), "gzip_computed": gzip_computed, "brotli_computed": brotli_computed}


def _wanted(path: Path) -> bool:
    return path.suffix in EXTENSIONS and path.is_file()


def _fill_cache(files: list[Path], cache: Path, threads: int | None) -> tuple[list, int, int]:
    """Compress into the cache what it lacks; returns the files worth a copy (path, digest,
    size), and how many gzip and brotli results were computed."""
    cache.mkdir(parents=True, exist_ok=True)
    cached = set(os.listdir(cache))
    brotli = _Brotli()
    gzip_computed = 0
    plan: list[tuple[Path, str, int]] = []
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=threads or max(2, os.cpu_count() or 2))
    try:
        # the largest first: the runtime's files start compressing before the pages
        sized = sorted(((p.stat().st_size, p) for p in files), key=lambda t: (-t[0], str(t[1])))

        def digest_of(path: Path) -> tuple[Path, bytes, str]:
            data = path.read_bytes()
            return path, data, hashlib.sha256(data).hexdigest()

        pending: list[tuple[Path, str, int, concurrent.futures.Future]] = []
        for path, data, digest in pool.map(digest_of, [p for _, p in sized]):
            gz = cache / f"{digest}.gz"
            if gz.name in cached:
                os.utime(gz)  # used by this build (see _prune), even when not worth a copy
                _after_gzip(path, digest, len(data), gz.stat().st_size, cache, cached, brotli, plan)
            else:
                pending.append((path, digest, len(data), pool.submit(_gzip_to, data, gz, PAGE_GZIP_LEVEL if path.suffix == ".html" else 9)))
                gzip_computed += 1
        for path, digest, size, fut in pending:
            _after_gzip(path, digest, size, fut.result(), cache, cached, brotli, plan)
    finally:
        pool.shutdown(wait=True)
        brotli.close()
    return plan, gzip_computed, brotli.count


def _after_gzip(path: Path, digest: str, size: int, gz_size: int, cache: Path, cached: set[str],
                brotli: _Brotli, plan: list) -> None:
    if gz_size > size * (1 - MIN_SAVING):
        return  # already compressed: neither gzip nor brotli would help
    plan.append((path, digest, size))
    if path.suffix in GZIP_ONLY:
        return
    q = quality(path, size)
    br = _brotli_path(cache, digest, q)
    if br.name not in cached:
        cached.add(br.name)  # two files of the same content: compressed once
        brotli.submit(path, br, size, q)


# --- In the background, during the checks and Pagefind's indexing ----------------------------

class _Background:
    """The compression of one build, in its own process (``python precompression.py``): no
    lock shared with the checks, which run meanwhile in the build's process."""

    def __init__(self):
        self.proc: subprocess.Popen | None = None
        self.started = 0.0
        self.elapsed = 0.0

    def start(self, output: Path, cache: Path) -> None:
        self.wait(quiet=True)
        self.started = time.perf_counter()
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__)), str(output), str(cache),
                                      "--skip", SEARCH_DIR, "--prune-days", str(PRUNE_DAYS), "--nice", str(NICE)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL, text=True)

    def wait(self, quiet: bool = False) -> dict | None:
        if self.proc is None:
            return None
        proc, self.proc = self.proc, None
        out, err = proc.communicate()
        self.elapsed = time.perf_counter() - self.started
        if proc.returncode != 0:
            if quiet:
                return None
            raise RuntimeError("précompression impossible :\n" + err[-3000:])
        return json.loads(out)


_background = _Background()


class _Primer:
    """``prime`` in its own process, from the start of the build to its final step."""

    def __init__(self):
        self.proc: subprocess.Popen | None = None

    def start(self, files: list[str], cache: Path) -> None:
        self.wait()
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__)), "--prime", str(cache), *files],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)

    def wait(self) -> None:
        # a failure only means the final pass computes what is missing
        if self.proc is not None:
            self.proc.wait()
            self.proc = None


_primer = _Primer()
# Sent by a plugin that knows, when the build starts, files it will copy into the output
# (plugins/calculateurs: the Pyodide runtime), with ``pelican`` and ``files`` (paths).
KNOWN_FILES = signal("cadre-libre.fichiers-connus")


def on_known_files(_sender=None, *, pelican, files, **_kwargs) -> None:
    if pelican.settings.get("PRECOMPRESSION", True):
        _primer.start([str(f) for f in files], _cache_dir(pelican.settings))


def _cache_dir(settings) -> Path:
    return Path(settings.get("PRECOMPRESSION_CACHE") or PROJECT_ROOT / ".cache" / "compression")


def on_finalized(pelican) -> None:
    """Starts compressing the output (all but Pagefind's folder) in the background."""
    if not pelican.settings.get("PRECOMPRESSION", True):
        return
    _primer.wait()
    _background.start(Path(pelican.settings["OUTPUT_PATH"]), _cache_dir(pelican.settings))


def on_end_of_build(pelican) -> None:
    """After every other ``finalized`` handler (the checks included): waits for the
    compression and for Pagefind's index, then compresses the index's files."""
    output = Path(pelican.settings["OUTPUT_PATH"])
    try:
        WAIT_FOR_SEARCH.send(str(output))
    finally:
        stats = _background.wait()
    if stats is None:
        return
    debut = time.perf_counter()
    search = precompress(output, _cache_dir(pelican.settings), only_top=SEARCH_DIR)
    for key in search:
        stats[key] = stats.get(key, 0) + search[key]
    logger.info("précompression : %(written)s fichiers .br/.gz pour %(files)s fichiers "
                "(%(gzip_computed)s compressés en gzip, %(brotli_computed)s en brotli, les autres en cache), "
                "en %(duree).1f s en arrière-plan (attendue %(attente).1f s), puis %(index).1f s pour l’index de recherche",
                {**stats, "attente": _background.elapsed, "index": time.perf_counter() - debut})


@atexit.register
def _at_exit() -> None:
    # a build that failed in its final step (the checks) exits before on_end_of_build: its
    # compression must not outlive it, writing into an output that may already be gone
    _background.wait(quiet=True)
    _primer.wait()


def on_new_build(*_args, **_kwargs) -> None:
    """A previous build of this process that failed (``make serve``) may still be compressing:
    wait for it before this build deletes the output.  Not for the primer: it writes into the
    cache only (through ``os.replace``), and the one running now is this build's (started by
    ``initialized``, before the generators): waiting for it here held a first build for the
    whole quality-11 brotli of the wasm, before the content was even read."""
    _background.wait(quiet=True)


def main(argv: list[str] | None = None) -> int:
    import argparse

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--prime"]:
        sys.stdout.write(json.dumps(prime([Path(f) for f in argv[2:]], Path(argv[1]))))
        return 0
    ap = argparse.ArgumentParser(description="Precompressed copies (.br, .gz) of a built site.")
    ap.add_argument("output")
    ap.add_argument("cache")
    ap.add_argument("--skip", action="append", default=[], help="top-level folder left out")
    ap.add_argument("--only", help="only this top-level folder")
    ap.add_argument("--prune-days", type=float, help="delete cache entries unused for this many days")
    ap.add_argument("--nice", type=int, default=0, help="niceness added to this process (and Node's)")
    args = ap.parse_args(argv)
    if args.nice:
        try:
            os.nice(args.nice)
        except OSError:
            pass
    debut = time.perf_counter()
    stats = precompress(Path(args.output), Path(args.cache), skip_top=tuple(args.skip), only_top=args.only,
                        prune_days=args.prune_days)
    stats["duree"] = round(time.perf_counter() - debut, 3)
    sys.stdout.write(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
