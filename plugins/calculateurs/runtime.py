"""The browser runtime shipped with the site: the pinned Pyodide files (npm
package ``pyodide``) and a pure-Python wheel of ``calculators/``, both under
versioned paths of the output (``runtime/pyodide-<version>/`` and
``runtime/calculators-<hash>.whl``) so that hosts can cache them forever.

The wheel is built with flit_core's standard PEP 517 hook (no pyodide-build,
no network): Pyodide loads any pure-Python wheel with ``unpackArchive``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)

# A fixed timestamp makes the wheel, hence its hash, depend on the sources only.
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


class RuntimeError_(Exception):
    pass


def pyodide_version(pyodide_dir: Path) -> str:
    with open(pyodide_dir / "package.json", encoding="utf-8") as fh:
        return json.load(fh)["version"]


def sources_digest(project_root: Path) -> str:
    """Hash of everything that goes into the wheel (to reuse a cached build)."""
    h = hashlib.sha256()
    files = [project_root / "pyproject.toml"]
    for p in sorted((project_root / "calculators").rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith(".pyc"):
            files.append(p)
    for p in files:
        h.update(str(p.relative_to(project_root)).encode())
        h.update(b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def build_wheel(project_root: Path, cache_dir: Path) -> Path:
    """Build (or reuse) the calculators wheel; returns its path in ``cache_dir``."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    digest = sources_digest(project_root)[:16]
    stamp = cache_dir / f"wheel-{digest}.whl"
    if stamp.exists():
        return stamp
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
        code = "import sys; from flit_core import buildapi; print(buildapi.build_wheel(sys.argv[1]))"
        proc = subprocess.run(
            [sys.executable, "-c", code, tmp],
            cwd=project_root, env=env, capture_output=True, text=True,
        )
        if proc.returncode != 0:
            raise RuntimeError_(
                "construction de la roue (wheel) des calculateurs impossible :\n" + proc.stderr[-2000:]
            )
        name = proc.stdout.strip().splitlines()[-1]
        for old in cache_dir.glob("wheel-*.whl"):
            old.unlink()
        shutil.copyfile(Path(tmp) / name, stamp)
    return stamp


def wheel_name(wheel: Path) -> str:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]
    return f"calculators-{digest}.whl"


def _same(src: Path, dst: Path) -> bool:
    try:
        a, b = src.stat(), dst.stat()
    except FileNotFoundError:
        return False
    return a.st_size == b.st_size and int(a.st_mtime) == int(b.st_mtime)


def install(output: Path, pyodide_dir: Path, wheel: Path, runtime_dir: str = "runtime") -> dict:
    """Copy the Pyodide files and the wheel into the output; returns their paths."""
    version = pyodide_version(pyodide_dir)
    base = output / runtime_dir / f"pyodide-{version}"
    base.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        src = pyodide_dir / name
        if not src.exists():
            raise RuntimeError_(f"fichier Pyodide manquant : {src} (lancez `npm ci`)")
        dst = base / name
        if not _same(src, dst):
            shutil.copy2(src, dst)
    whl = output / runtime_dir / wheel_name(wheel)
    if not whl.exists():
        shutil.copyfile(wheel, whl)
    return {"pyodide": base, "wheel": whl}
