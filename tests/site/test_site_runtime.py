"""The runtime the site ships: Pyodide's standard library compiled to bytecode at build time.

Pyodide's npm package ships ``python_stdlib.zip`` as sources; the build ships
``runtime/pyodide-<version>/python_stdlib-<hash>.zip`` (plugins/calculateurs/runtime.py), in
mode "trimmed": the bytecode of the modules the calculators can import, no source, the
closure computed in Pyodide at build time (compile_pyc.mjs).  Nothing the calculators import
may be missing (an ImportError in the browser would be a bug no build test sees) and the
calculators must give the same results from it as in CPython.  (The browser's safety net for
a module the closure missed: tests/pages/test_bibliotheque_reduite.py.)
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import calculators

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "tests" / "calculators" / "scenarios"


def _module(name: str) -> str:
    stem = re.sub(r"\.pyc?$", "", name)
    return re.sub(r"/__init__$", "", stem).replace("/", ".")



@pytest.fixture(scope="module")
def shipped(site_dir):
    page = (site_dir / "simulateurs" / "portage" / "index.html").read_text(encoding="utf-8")
    stdlib = re.search(r'data-stdlib="/([^"]+)"', page).group(1)
    wheel = re.search(r'data-wheel="/([^"]+)"', page).group(1)
    return site_dir / stdlib, site_dir / wheel


def test_calculator_pages_name_a_versioned_stdlib(site_dir, shipped):
    stdlib, _wheel = shipped
    assert stdlib.is_file()
    assert re.fullmatch(r"python_stdlib-[0-9a-f]{12}\.zip", stdlib.name)
    assert stdlib.parent.name.startswith("pyodide-")


@pytest.fixture(scope="module")
def closure(tmp_path_factory) -> dict:
    """The closure of the imports of the calculators, computed again in Pyodide from the
    sources (runtime.build_wheel runs compile_pyc.mjs), not read from the build."""
    import sys

    sys.path.insert(0, str(ROOT / "plugins"))
    try:
        from calculateurs import runtime
    finally:
        sys.path.pop(0)
    wheel = runtime.build_wheel(ROOT, tmp_path_factory.mktemp("roue"))
    return runtime.wheel_stdlib_closure(wheel)


def _npm_modules() -> dict[str, set[str]]:
    """Top-level name -> modules of Pyodide's npm archive."""
    out: dict[str, set[str]] = {}
    with zipfile.ZipFile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip") as z:
        for n in z.namelist():
            if n.endswith(".py"):
                m = _module(n)
                out.setdefault(m.split(".")[0], set()).add(m)
    return out


def test_the_trimmed_stdlib_is_bytecode_only_and_exactly_the_closure(shipped, closure):
    stdlib, _wheel = shipped
    with zipfile.ZipFile(stdlib) as z:
        names = z.namelist()
    assert [n for n in names if n.endswith(".py")] == []  # no module as source
    got = {_module(n) for n in names if n.endswith(".pyc")}
    assert got == set(closure["modules"]) | {"_cadre_libre_stdlib"}
    # whole top-level packages: a package is there with every module, or not at all
    npm = _npm_modules()
    tops = {m.split(".")[0] for m in got} - {"_cadre_libre_stdlib"}
    for top in tops:
        assert npm[top] <= got, top
    # the roots are in: what Pyodide and the calculators loaded, and the modules C code imports
    assert set(closure["dynamic"]) <= got
    assert {"encodings.idna", "encodings.utf_8", "_strptime", "traceback", "json", "re", "datetime"} <= got
    # left out, and said so for the worker's safety net
    assert set(closure["absent"]) == {t for t in npm if t.isidentifier()} - tops
    assert "wave" in closure["absent"] and "colorsys" in closure["absent"]
    # data files of the packages shipped stay
    assert "tomllib/mypy.ini" in names


def test_every_import_of_the_calculators_succeeds_from_the_trimmed_stdlib(shipped, closure):
    """In Pyodide booted on the shipped archive alone (no safety net in Node): every module of
    the calculators and every standard-library module of their static closure imports, and
    every calculator runs on its defaults with CPython's result."""
    package = sorted(_module(p.relative_to(ROOT).as_posix()) for p in (ROOT / "calculators").rglob("*.py")
                     if p.name != "__main__.py")
    stdlib_static = sorted(closure["static"])
    assert len(stdlib_static) >= 100 and "calculators.portage" in package
    calc = package + stdlib_static
    npm = _npm_modules()
    node = shutil.which("node")
    stdlib, wheel = shipped
    defaults = [{"id": f"defaut/{n}", "calculateur": n, "entrees": {}} for n in calculators.names()]
    proc = subprocess.run(
        [node, str(Path(__file__).with_name("runtime_runner.mjs")), str(stdlib), str(wheel)],
        input=json.dumps({"scenarios": defaults, "imports": calc}), cwd=ROOT,
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    answer = json.loads(proc.stdout)
    # a name missing from the archive but present in Pyodide's full one would be a bug; C
    # modules of other platforms (msvcrt, _winapi) are missing from both
    missed = {m: n for m, n in answer["not_found"].items() if (n or "").split(".")[0] in npm}
    assert missed == {}
    for sc in defaults:
        expected = json.dumps(calculators.run(sc["calculateur"], {}), sort_keys=True, ensure_ascii=False,
                              default=_default)
        assert answer["resultats"][sc["id"]] == expected, sc["id"]


def _default(o):
    if isinstance(o, (dt.date, dt.datetime)):
        return o.isoformat()
    raise TypeError(type(o).__name__)


def _scenarios(per_file=None) -> list[dict]:
    out = []
    for path in sorted(SCENARIOS.glob("*.json")):
        for sc in json.loads(path.read_text(encoding="utf-8"))["scenarios"][:per_file]:
            out.append({"id": f"{path.stem}/{sc['id']}", "calculateur": sc["calculateur"],
                        "entrees": sc.get("entrees", {})})
    return out


def _run_shipped(shipped, scenarios, *flags) -> dict:
    node = shutil.which("node")
    assert node, "Node.js is required to run Pyodide"
    stdlib, wheel = shipped
    proc = subprocess.run(
        [node, str(Path(__file__).with_name("runtime_runner.mjs")), str(stdlib), str(wheel), *flags],
        input=json.dumps({"scenarios": scenarios}), cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    answer = json.loads(proc.stdout)
    for sc in scenarios:
        expected = json.dumps(calculators.run(sc["calculateur"], sc["entrees"]),
                              sort_keys=True, ensure_ascii=False, default=_default)
        assert answer["resultats"][sc["id"]] == expected, sc["id"]
    return answer


def test_calculators_run_from_the_shipped_runtime_as_in_cpython(shipped):
    answer = _run_shipped(shipped, _scenarios(per_file=4))
    # the modules the calculators need come from bytecode, not compiled in the browser
    for name in ("json", "re", "datetime", "tomllib", "html", "dataclasses"):
        if name in answer["bytecode"] or name in answer["source"]:
            assert name in answer["bytecode"], name
    assert len(answer["bytecode"]) >= 50


def test_calculators_run_from_a_memory_snapshot_as_in_cpython(shipped):
    """Repeat visits restore the engine from a snapshot made in the browser: every scenario
    gives, in the restored engine, the bytes CPython gives; the worker's own glue (read from
    calculateur-worker.js) computes the same reference before and after the snapshot."""
    answer = _run_shipped(shipped, _scenarios(), "--snapshot")
    assert answer["snapshot_bytes"] > 1_000_000
    assert answer["glue_fresh"] == answer["glue_restored"]
    # the worker's safety net (a Python object) survives the snapshot
    assert "_StdlibFallback" in answer["meta_path"]
    assert json.loads(answer["glue_fresh"])["ok"] is True
