"""The browser runtime shipped with the site: the pinned Pyodide files (npm
package ``pyodide``) and a pure-Python wheel of ``calculators/``, both under
versioned paths of the output (``runtime/pyodide-<version>/`` and
``runtime/calculators-<hash>.whl``) so that hosts can cache them forever.

Pyodide's npm package ships its standard library as sources
(``python_stdlib.zip``): the browser would compile about 150 modules at each
start of the engine (about 1.4 s).  The build compiles them once with
Pyodide's own Python (``compile_pyc.mjs --stdlib``, in Node, offline) and ships
``runtime/pyodide-<version>/python_stdlib-<hash>.zip``, given to
``loadPyodide`` as ``stdLibURL`` (setting ``CALC_STDLIB_MODE``):

- ``trimmed`` (the default): bytecode only, and only the modules the
  calculators can import — computed in Pyodide at build time (compile_pyc.mjs,
  CLOSURE): what Pyodide, the calculators and each calculator run on its
  defaults load, every import of the calculators' code (inside functions too),
  the modules C code imports by name (``encodings``, ``_strptime``,
  ``traceback``…), closed under the imports run when a module is imported, by
  whole top-level packages: 84 of the 178 top-level names, 325 of the 559 modules.  An
  import of one of the others (a path of the library the closure missed) is
  caught by the worker's safety net (calculateur-worker.js): Pyodide's full npm
  archive, ``python_stdlib.zip`` beside it, fetched once; never on the normal path.
- ``hybrid``: every module, bytecode for what the probe saw loaded, sources for
  the others (compiled on demand).

Sizes with Pyodide 314.0.7 (raw / gzip / brotli; the build writes the .gz/.br
copies when they save 5 %)::

    npm archive (sources, deflated)            2.55 MB
    hybrid, deflated (the previous default)    3.28 MB
    trimmed, deflated (default)                2.16 MB   (no smaller copy)
    trimmed, stored (CALC_STDLIB_STORED)       5.05 MB / 1.86 MB / 1.33 MB

Deflated is the default because it is small on every host: hosts that compress
on the fly do it by type, and ``application/zip`` is not in Cloudflare's
documented list (nor, as far as we know, in Netlify's or GitHub Pages'), so a
stored archive would cost them 5 MB.  ``CALC_STDLIB_STORED = True`` is for a
host that sends the .br copy (nginx ``brotli_static``, the Apache rules of the
README, GitLab Pages): 0.83 MB less with brotli, 0.30 MB with gzip.

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
        stamp.with_suffix(".json").write_text(json.dumps(modules), encoding="utf-8")
    return stamp


def wheel_stdlib_modules(wheel: Path) -> list[str]:
    """The standard-library modules the calculators of this wheel load in Pyodide."""
    return json.loads(wheel.with_suffix(".json").read_text(encoding="utf-8"))["stdlib_modules"]


def wheel_stdlib_closure(wheel: Path) -> dict:
    """What the calculators of this wheel can import from the standard library, computed in
    Pyodide (compile_pyc.mjs, CLOSURE): ``modules`` (every module shipped in mode "trimmed"),
    ``packages`` (their top-level names), ``absent`` (the others), ``dynamic``, ``static`` and
    ``implicit`` (how they were found), ``marker`` (the compiled ``_cadre_libre_stdlib``)."""
    return json.loads(wheel.with_suffix(".json").read_text(encoding="utf-8"))["stdlib_closure"]


# What the browser would otherwise do at each start of the engine, done once at
# build time: the parameter files parsed (JSON snapshot, read by
# calculators/core/parametres.py) and the sources compiled to Pyodide's bytecode.
COMPILE_SCRIPT = Path(__file__).with_name("compile_pyc.mjs")
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)  # SOURCE_DATE_EPOCH, for a reproducible wheel


def _record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def augment_wheel(wheel: Path, project_root: Path) -> dict:
    """Add ``calculators/data/_snapshot.json`` and ``__pycache__/*.pyc`` (Pyodide's
    Python) to the wheel, and list them in its RECORD.  Returns the standard-library
    modules the calculators load in Pyodide and their closure (see compile_pyc.mjs)."""
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
    return {"stdlib_modules": list(compiled["stdlib_modules"]), "stdlib_closure": compiled["stdlib_closure"]}


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


MODES = ("trimmed", "hybrid")
# the settings' defaults (CALC_STDLIB_MODE, CALC_STDLIB_STORED): what make setup prepares
DEFAULT_STDLIB_MODE = "trimmed"
DEFAULT_STDLIB_STORED = False
MARKER = "_cadre_libre_stdlib"  # the module of a trimmed archive that lists what it leaves out


def _top_of(name: str) -> str:
    first = name.split("/", 1)[0]
    return first[: -len(".py")] if first.endswith(".py") else first


def assemble_stdlib(pyodide_dir: Path, compiled: Path, modules: list[str], cache_dir: Path,
                    stored: bool = False, mode: str = "trimmed", closure: dict | None = None) -> Path:
    """The archive the site ships (setting ``CALC_STDLIB_MODE``).  Cached by content.

    - ``trimmed`` (the default): only the modules of ``closure["modules"]`` (what the
      calculators can import, by whole top-level packages: compile_pyc.mjs, CLOSURE), as
      bytecode, with the data files of those packages, and ``_cadre_libre_stdlib`` (the
      top-level names left out, for the worker's safety net).  No source at all.
    - ``hybrid``: every module of the npm python_stdlib.zip, as bytecode if it is in
      ``modules`` (what Pyodide and the calculators load), else as source.

    ``stored`` (setting CALC_STDLIB_STORED): entries stored, not deflated.  Brotli over the
    whole file then compresses better than deflate entry by entry, but a host that neither
    sends the .br copy nor compresses .zip files (Cloudflare Pages and the like compress by
    type; application/zip is not in Cloudflare's list) sends the raw file.  Measured on the
    trimmed archive (Pyodide 314.0.7): deflated 2.16 MB (no .br/.gz: they would not save
    5 %); stored 5.05 MB raw, 1.86 MB gzip, 1.33 MB brotli.  Deflated (the default) is right
    everywhere; stored is for hosts that send the .br copy (nginx brotli_static, Apache rules
    of the README, GitLab Pages)."""
    if mode not in MODES:
        raise RuntimeError_(f"CALC_STDLIB_MODE inconnu : {mode!r} (attendu : {', '.join(MODES)})")
    if mode == "trimmed" and not closure:
        raise RuntimeError_("bibliothèque standard réduite : fermeture des imports absente (compile_pyc.mjs)")
    wanted = set(closure["modules"]) if mode == "trimmed" else set(modules)
    packages = set(closure["packages"]) if mode == "trimmed" else set()
    h = hashlib.sha256(compiled.name.encode() + b"\0" + mode.encode() + b"\0" + "\n".join(sorted(wanted)).encode()
                       + (b"\0" + closure["marker"]["pyc"].encode() if mode == "trimmed" else b"")
                       + (b"\0stored" if stored else b"\0deflated"))
    out = cache_dir / f"stdlib-{h.hexdigest()[:16]}.zip"
    if out.exists():
        return out
    tmp = out.with_suffix(".tmp")

    def write(dst, name, data, external_attr=0):
        entry = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
        entry.external_attr = external_attr
        if data and not stored:
            entry.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(entry, data, compresslevel=9 if data and not stored else None)

    with zipfile.ZipFile(pyodide_dir / STDLIB) as src, zipfile.ZipFile(compiled) as pyc, \
            zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as dst:
        have = set(pyc.namelist())
        module_tops = {_top_of(n) for n in src.namelist() if n.endswith(".py")}
        shipped = set()
        for info in src.infolist():
            name = info.filename
            if mode == "trimmed":
                if name.endswith(".py"):
                    if _module_of(name) not in wanted:
                        continue
                    if name + "c" not in have:
                        raise RuntimeError_(f"bibliothèque standard réduite : {name} n'a pas pu être compilé")
                elif _top_of(name) in module_tops and _top_of(name) not in packages:
                    continue  # a data file (or folder) of a package left out
            if name.endswith(".py") and name + "c" in have and _module_of(name) in wanted:
                name, data = name + "c", pyc.read(name + "c")
            else:
                data = src.read(info)
            write(dst, name, data, info.external_attr)
            if name.endswith((".py", ".pyc")):
                shipped.add(_module_of(name))
        if mode == "trimmed":
            missing = wanted - shipped
            if missing:
                raise RuntimeError_("bibliothèque standard réduite : modules introuvables : " + ", ".join(sorted(missing)))
            marker = closure["marker"]
            write(dst, marker["name"], base64.b64decode(marker["pyc"]), 0o644 << 16)
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



def main(argv: list[str] | None = None) -> int:
    """``python plugins/calculateurs/runtime.py --preparer PYODIDE_DIR CACHE_DIR``: what the
    first build would otherwise do before reading any content, done by ``make setup``: the
    standard library compiled (about 7 s, into CACHE_DIR/calculateurs) while the runtime's
    files are compressed (plugins/publication/precompression.py --prime, into
    CACHE_DIR/compression: the wasm's quality-11 brotli, about 30 s), then the calculators
    wheel of the sources as they are (about 8 s) and the standard library the site ships
    with the default settings (CALC_STDLIB_MODE, CALC_STDLIB_STORED).  The wheel and that
    archive are cached by content: a build whose calculators or settings differ makes its
    own, as it would without this."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 3 or argv[0] != "--preparer":
        sys.stderr.write("usage : runtime.py --preparer DOSSIER_PYODIDE DOSSIER_CACHE\n")
        return 2
    pyodide_dir, cache = Path(argv[1]), Path(argv[2])
    primer = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve().parents[1] / "publication" / "precompression.py"),
         "--prime", str(cache / "compression"), *(str(pyodide_dir / name) for name in PYODIDE_FILES)],
        stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )
    try:
        compiled = compile_stdlib(pyodide_dir, cache / "calculateurs")
        wheel = build_wheel(Path(__file__).resolve().parents[2], cache / "calculateurs")
        assemble_stdlib(pyodide_dir, compiled, wheel_stdlib_modules(wheel), cache / "calculateurs",
                        stored=DEFAULT_STDLIB_STORED, mode=DEFAULT_STDLIB_MODE, closure=wheel_stdlib_closure(wheel))
    finally:
        code = primer.wait()
    return 1 if code else 0


if __name__ == "__main__":
    sys.exit(main())
