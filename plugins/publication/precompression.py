"""Precompressed copies of the output: ``x.br`` (brotli) and ``x.gz`` (gzip) beside each
page, stylesheet, script and runtime file, so that a host sends them as they are (with
``Content-Encoding``) instead of compressing at each request, or not at all.

- gzip: Python's ``gzip`` (level 9, no timestamp: reproducible);
- brotli: Node's built-in zlib (``brotli.mjs``; no package), quality 11 for files of 64 KB
  and more (the runtime: 0.36 MB less than quality 9 on the wasm), 9 below (pages: about 2 %
  larger, ten times faster, which matters at a thousand pages).

Quality 11 takes tens of seconds on the 9.6 MB wasm, so each result is cached by the sha-256
of its content (and quality) in ``.cache/compression/``: a rebuild only compresses what changed.  A copy is
written only if it saves at least 5 % (already-compressed files — the wheel, Pagefind's
fragments, images — are left alone).

Setting ``PRECOMPRESSION`` (default True); ``PRECOMPRESSION_CACHE`` (default
``<project>/.cache/compression``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import shutil
import subprocess
from pathlib import Path

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BROTLI_SCRIPT = Path(__file__).with_name("brotli.mjs")
EXTENSIONS = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".wasm", ".zip", ".map",
              ".webmanifest", ".ico")
MIN_SAVING = 0.05
BEST_FROM = 64 * 1024
# Feeds and the sitemap change at every build (their dates) and are read by robots, which
# take gzip: no brotli for them, so that a rebuild without changes never starts Node.
GZIP_ONLY = (".xml",)


def _brotli_path(cache: Path, digest: str, quality: int) -> Path:
    return cache / (f"{digest}.br" if quality == 11 else f"{digest}.q{quality}.br")


def _wanted(path: Path) -> bool:
    return path.suffix in EXTENSIONS and path.is_file()


def precompress(output: Path, cache: Path) -> dict:
    """Write ``.gz`` and ``.br`` beside every compressible file of ``output``; returns counts."""
    cache.mkdir(parents=True, exist_ok=True)
    files = [p for p in sorted(output.rglob("*")) if _wanted(p)]
    todo_br: list[dict] = []
    plan: list[tuple[Path, str, int]] = []
    for path in files:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        gz = cache / f"{digest}.gz"
        if not gz.exists():
            tmp = gz.with_suffix(".gz.tmp")
            tmp.write_bytes(gzip.compress(data, 9, mtime=0))
            tmp.replace(gz)
        if gz.stat().st_size > len(data) * (1 - MIN_SAVING):
            continue  # already compressed: neither gzip nor brotli would help
        plan.append((path, digest, len(data)))
        if path.suffix in GZIP_ONLY:
            continue
        quality = 11 if len(data) >= BEST_FROM else 9
        br = _brotli_path(cache, digest, quality)
        if not br.exists():
            todo_br.append({"src": str(path), "dst": str(br), "size": len(data), "quality": quality})
    if todo_br:
        proc = subprocess.run(["node", str(BROTLI_SCRIPT)], input=json.dumps(todo_br),
                              capture_output=True, text=True, cwd=PROJECT_ROOT)
        if proc.returncode != 0:
            raise RuntimeError("compression brotli impossible (node) :\n" + proc.stderr[-2000:])
    written = 0
    for path, digest, size in plan:
        quality = 11 if size >= BEST_FROM else 9
        for ext, src in ((".gz", cache / f"{digest}.gz"), (".br", _brotli_path(cache, digest, quality))):
            if ext == ".br" and path.suffix in GZIP_ONLY:
                continue
            if src.stat().st_size <= size * (1 - MIN_SAVING):
                shutil.copyfile(src, path.with_name(path.name + ext))
                written += 1
    return {"files": len(plan), "written": written, "brotli_computed": len(todo_br)}


def on_finalized(pelican) -> None:
    if not pelican.settings.get("PRECOMPRESSION", True):
        return
    cache = Path(pelican.settings.get("PRECOMPRESSION_CACHE") or PROJECT_ROOT / ".cache" / "compression")
    stats = precompress(Path(pelican.settings["OUTPUT_PATH"]), cache)
    logger.info("précompression : %(written)s fichiers .br/.gz pour %(files)s fichiers "
                "(%(brotli_computed)s compressés en brotli, les autres en cache)", stats)
