"""The browser runtime shipped with the site: the pinned Pyodide files (npm
package ``pyodide``) and a pure-Python wheel of ``calculators/``, both under
versioned paths of the output (``runtime/pyodide-<version>/`` and
``runtime/calculators-<hash>.whl``) so that hosts can cache them forever.

Pyodide's npm package ships its standard library as sources
(``python_stdlib.zip``): the browser would compile about 150 modules at each
start of the engine (about 1.4 s).  The build compiles them once with
Pyodide's own Python (``compile_pyc.mjs --stdlib``, in Node, offline) and ships
``runtime/pyodide-<version>/python_stdlib-<hash>.zip``, given to
``loadPyodide`` as ``stdLibURL``: bytecode for the modules Pyodide and the
calculators load, sources for the others (still importable, compiled on
demand: an ImportError is impossible); entries deflated, or stored with the
setting ``CALC_STDLIB_STORED`` (see assemble_stdlib).

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
    if stamp.exists() and stamp.with_suffix(".json").exists():
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
        modules = augment_wheel(built, project_root)
        for old in list(cache_dir.glob("wheel-*.whl")) + list(cache_dir.glob("wheel-*.json")):
            old.unlink()
        shutil.copyfile(built, stamp)
        stamp.with_suffix(".json").write_text(json.dumps({"stdlib_modules": modules}), encoding="utf-8")
    return stamp


def wheel_stdlib_modules(wheel: Path) -> list[str]:
    """The standard-library modules the calculators of this wheel load in Pyodide."""
    return json.loads(wheel.with_suffix(".json").read_text(encoding="utf-8"))["stdlib_modules"]


# What the browser would otherwise do at each start of the engine, done once at
# build time: the parameter files parsed (JSON snapshot, read by
# calculators/core/parametres.py) and the sources compiled to Pyodide's bytecode.
COMPILE_SCRIPT = Path(__file__).with_name("compile_pyc.mjs")
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)  # SOURCE_DATE_EPOCH, for a reproducible wheel


def _record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def augment_wheel(wheel: Path, project_root: Path) -> list[str]:
    """Add ``calculators/data/_snapshot.json`` and ``__pycache__/*.pyc`` (Pyodide's
    Python) to the wheel, and list them in its RECORD.  Returns the standard-library
    modules the calculators load in Pyodide (see compile_pyc.mjs)."""
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
    data_files = {
        info.filename: data.decode("utf-8")
        for info, data in entries
        if info.filename.startswith("calculators/") and info.filename.endswith((".toml", ".json"))
    }
    proc = subprocess.run(
        ["node", str(COMPILE_SCRIPT)],
        input=json.dumps({"files": sources, "data": data_files}), cwd=project_root,
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
    return list(compiled.get("stdlib_modules") or [])


# --- The standard library as bytecode --------------------------------------------

STDLIB = "python_stdlib.zip"


def _file_digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


def compile_stdlib(pyodide_dir: Path, cache_dir: Path) -> Path:
    """Every module of Pyodide's python_stdlib.zip compiled by Pyodide's Python (cached:
    depends only on the npm package and compile_pyc.mjs; about 7 s)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    key = _file_digest(pyodide_dir / STDLIB, pyodide_dir / "pyodide.asm.wasm", COMPILE_SCRIPT)
    out = cache_dir / f"stdlib-pyc-{key}.zip"
    if out.exists():
        return out
    tmp = out.with_suffix(".tmp")
    proc = subprocess.run(
        ["node", str(COMPILE_SCRIPT), "--stdlib", str(pyodide_dir / STDLIB), str(tmp), "whole"],
        cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise RuntimeError_(
            "compilation de la bibliothèque standard pour Pyodide impossible (node, paquet npm pyodide) :\n"
            + proc.stderr[-2000:]
        )
    for old in cache_dir.glob("stdlib-pyc-*.zip"):
        old.unlink()
    tmp.replace(out)
    return out


def _module_of(name: str) -> str:
    stem = name[: -len(".pyc")] if name.endswith(".pyc") else name[: -len(".py")]
    if stem.endswith("/__init__"):
        stem = stem[: -len("/__init__")]
    return stem.replace("/", ".")


def assemble_stdlib(pyodide_dir: Path, compiled: Path, modules: list[str], cache_dir: Path,
                    stored: bool = False) -> Path:
    """The archive the site ships: for each module of the npm python_stdlib.zip, its
    bytecode if it is in ``modules`` (what Pyodide and the calculators load), else its
    source (compiled on demand by the browser, as today).  Cached by content.

    ``stored`` (setting CALC_STDLIB_STORED): entries stored, not deflated.  Brotli over the
    whole file then compresses better than deflate entry by entry — measured 2.15 MB brotli
    (3.0 MB gzip) against 3.24 MB for deflated entries and 2.48 MB for the npm archive —
    but a host that does not compress .zip files would send 10.3 MB instead of 3.3 MB.
    Deflated (the default) is right everywhere; stored is for hosts that send the .br copy
    or compress with brotli (nginx brotli_static, Netlify, Cloudflare Pages)."""
    wanted = set(modules)
    h = hashlib.sha256(compiled.name.encode() + b"\0" + "\n".join(sorted(wanted)).encode()
                       + (b"\0stored" if stored else b"\0deflated"))
    out = cache_dir / f"stdlib-{h.hexdigest()[:16]}.zip"
    if out.exists():
        return out
    tmp = out.with_suffix(".tmp")
    with zipfile.ZipFile(pyodide_dir / STDLIB) as src, zipfile.ZipFile(compiled) as pyc, \
            zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as dst:
        have = set(pyc.namelist())
        for info in src.infolist():
            name = info.filename
            if name.endswith(".py") and name + "c" in have and _module_of(name) in wanted:
                name, data = name + "c", pyc.read(name + "c")
            else:
                data = src.read(info)
            entry = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            entry.external_attr = info.external_attr
            if data and not stored:
                entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, data, compresslevel=9 if data and not stored else None)
    for old in cache_dir.glob("stdlib-*.zip"):
        if not old.name.startswith("stdlib-pyc-"):
            old.unlink()
    tmp.replace(out)
    return out


def stdlib_name(stdlib: Path) -> str:
    digest = hashlib.sha256(stdlib.read_bytes()).hexdigest()[:12]
    return f"python_stdlib-{digest}.zip"


def wheel_name(wheel: Path) -> str:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]
    return f"calculators-{digest}.whl"


def _same(src: Path, dst: Path) -> bool:
    try:
        a, b = src.stat(), dst.stat()
    except FileNotFoundError:
        return False
    return a.st_size == b.st_size and int(a.st_mtime) == int(b.st_mtime)


def install(output: Path, pyodide_dir: Path, wheel: Path, runtime_dir: str = "runtime",
            stdlib: Path | None = None) -> dict:
    """Copy the Pyodide files, the compiled standard library and the wheel into the
    output; returns their paths."""
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
    std = None
    if stdlib is not None:
        std = base / stdlib_name(stdlib)
        if not std.exists():
            shutil.copyfile(stdlib, std)
    whl = output / runtime_dir / wheel_name(wheel)
    if not whl.exists():
        shutil.copyfile(wheel, whl)
    return {"pyodide": base, "wheel": whl, "stdlib": std}
