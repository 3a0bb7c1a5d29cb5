"""The browser runtime shipped with the site: the pinned Pyodide files (npm
package ``pyodide``) and a pure-Python wheel of ``calculators/``, both under
versioned paths of the output (``runtime/pyodide-<version>/`` and
``runtime/calculators-<hash>.whl``) so that hosts can cache them forever.

The wheel is built with flit_core's standard PEP 517 hook (no pyodide-build,
no network): Pyodide loads any pure-Python wheel with ``unpackArchive``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
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
    files = [project_root / "pyproject.toml", Path(__file__), COMPILE_SCRIPT]
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
        built = Path(tmp) / name
        augment_wheel(built, project_root)
        for old in cache_dir.glob("wheel-*.whl"):
            old.unlink()
        shutil.copyfile(built, stamp)
    return stamp


# What the browser would otherwise do at each start of the engine, done once at
# build time: the parameter files parsed (JSON snapshot, read by
# calculators/core/parametres.py) and the sources compiled to Pyodide's bytecode.
COMPILE_SCRIPT = Path(__file__).with_name("compile_pyc.mjs")
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)  # SOURCE_DATE_EPOCH, for a reproducible wheel


def _record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def augment_wheel(wheel: Path, project_root: Path) -> None:
    """Add ``calculators/data/_snapshot.json`` and ``__pycache__/*.pyc`` (Pyodide's
    Python) to the wheel, and list them in its RECORD."""
    sys.path.insert(0, str(project_root))
    try:
        from calculators.core import parametres
    finally:
        sys.path.pop(0)
    with zipfile.ZipFile(wheel) as zf:
        entries = [(info, zf.read(info)) for info in zf.infolist()]
    sources = {
        info.filename: data.decode("utf-8")
        for info, data in entries
        if info.filename.startswith("calculators/") and info.filename.endswith(".py")
    }
    proc = subprocess.run(
        ["node", str(COMPILE_SCRIPT)],
        input=json.dumps({"files": sources}), cwd=project_root,
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise RuntimeError_(
            "compilation des calculateurs pour Pyodide impossible (node, paquet npm pyodide) :\n"
            + proc.stderr[-2000:]
        )
    compiled = json.loads(proc.stdout)
    added = {path: base64.b64decode(b64) for path, b64 in sorted(compiled["pyc"].items())}
    added[f"calculators/data/{parametres.SNAPSHOT}"] = parametres.snapshot_json().encode("utf-8")
    record_info, record_data = next((i, d) for i, d in entries if i.filename.endswith(".dist-info/RECORD"))
    lines = [ln for ln in record_data.decode("utf-8").splitlines() if ln.strip()]
    # RECORD lists itself last, without a hash
    own = [ln for ln in lines if ln.startswith(record_info.filename + ",")] or [record_info.filename + ",,"]
    others = [ln for ln in lines if not ln.startswith(record_info.filename + ",")]
    others += [_record_line(path, data) for path, data in added.items()]
    tmp = wheel.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            if info is not record_info:
                out.writestr(info, data)
        for path, data in added.items():
            info = zipfile.ZipInfo(path, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, data)
        out.writestr(record_info, ("\n".join(others + own) + "\n").encode("utf-8"))
    tmp.replace(wheel)


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
