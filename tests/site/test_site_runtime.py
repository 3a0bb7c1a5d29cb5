"""The runtime the site ships: Pyodide's standard library compiled to bytecode at build time.

Pyodide's npm package ships ``python_stdlib.zip`` as sources; the build ships
``runtime/pyodide-<version>/python_stdlib-<hash>.zip`` (plugins/calculateurs/runtime.py) with
the bytecode of the modules Pyodide and the calculators load and the sources of the others.
Nothing may be missing (an ImportError in the browser would be a bug no build test sees) and
the calculators must give the same results from it as in CPython.
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


def test_every_module_of_pyodide_stdlib_is_shipped(shipped):
    stdlib, _wheel = shipped
    npm = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
    with zipfile.ZipFile(npm) as z:
        expected = {_module(n) for n in z.namelist() if n.endswith(".py")}
        others = {n for n in z.namelist() if not n.endswith(".py")}
    with zipfile.ZipFile(stdlib) as z:
        names = z.namelist()
    got = {_module(n) for n in names if n.endswith((".py", ".pyc"))}
    assert expected - got == set()
    assert others - set(names) == set()
    assert sum(n.endswith(".pyc") for n in names) >= 100


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
    assert json.loads(answer["glue_fresh"])["ok"] is True
