"""The calculators give the same results in the browser's runtime as at build time.

Every scenario of ``tests/calculators/scenarios/*.json`` is run through
``calculators.run`` twice: here in CPython, and inside Pyodide (the npm package
the site ships, Python 3.14) by ``pyodide_runner.mjs`` in one Node process
(Pyodide boots once for all scenarios).  Pyodide gets the calculators as the
browser does: the wheel built from ``pyproject.toml`` (``pip wheel --no-deps
--no-build-isolation``, flit_core), unpacked with ``unpackArchive`` — so the test
also proves that the wheel carries the parameter files — and boots on the standard library
the site ships (``stdLibURL``: the trimmed archive of bytecode, plugins/calculateurs/runtime.py).  Results are serialised by Python's
``json`` with sorted keys on both sides and must be *identical* strings: the same
figures, lines, alerts and sources, to the last digit.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import shutil
import subprocess
import sys

import pytest

import calculators

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCENARIO_FILES = sorted((HERE / "scenarios").glob("*.json"))


def load_scenarios() -> list[dict]:
    out = []
    for path in SCENARIO_FILES:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for sc in doc["scenarios"]:
            out.append({"id": f"{path.stem}/{sc['id']}", "calculateur": sc["calculateur"],
                        "entrees": sc.get("entrees", {})})
    return out


SCENARIOS = load_scenarios()


def _default(o):
    if isinstance(o, (dt.date, dt.datetime)):
        return o.isoformat()
    raise TypeError(type(o).__name__)


def run_cpython(sc: dict) -> str:
    res = calculators.run(sc["calculateur"], sc["entrees"])
    return json.dumps(res, sort_keys=True, ensure_ascii=False, default=_default)


def _runtime():
    sys.path.insert(0, str(ROOT / "plugins"))
    try:
        from calculateurs import runtime
    finally:
        sys.path.pop(0)
    return runtime


@pytest.fixture(scope="module")
def stdlib(wheel, tmp_path_factory) -> pathlib.Path:
    """The standard-library archive the site ships (default settings: trimmed, deflated)."""
    runtime = _runtime()
    pyodide_dir = ROOT / "node_modules" / "pyodide"
    cache = tmp_path_factory.mktemp("stdlib")
    return runtime.assemble_stdlib(pyodide_dir, runtime.compile_stdlib(pyodide_dir, cache),
                                   runtime.wheel_stdlib_modules(wheel), cache,
                                   closure=runtime.wheel_stdlib_closure(wheel))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> pathlib.Path:
    """The wheel exactly as the site ships it (plugins/calculateurs/runtime.py):
    built by flit_core, then given the parsed-parameters snapshot and Pyodide's
    bytecode, which the browser uses instead of the sources and the TOML files."""
    runtime = _runtime()
    wheel = runtime.build_wheel(ROOT, tmp_path_factory.mktemp("wheel"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "calculators/data/_snapshot.json" in names
    assert any(n.endswith(".cpython-314.pyc") for n in names)
    return wheel


@pytest.fixture(scope="module")
def pyodide_results(wheel, stdlib) -> dict:
    node = shutil.which("node")
    assert node, "Node.js is required to run Pyodide"
    request = json.dumps({"scenarios": SCENARIOS})
    proc = subprocess.run(
        [node, str(HERE / "pyodide_runner.mjs"), str(ROOT), str(wheel), str(stdlib)],
        input=request, capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    answer = json.loads(proc.stdout)
    # The runtime really is the one the site ships: Python 3.14 inside Pyodide,
    # importing the calculators from the unpacked wheel.
    assert answer["python_version"].startswith("3.14"), answer["python_version"]
    # (unpackArchive puts the wheel in the working directory, /home/pyodide; the
    # runner's fallback copy of the source tree would be under /home/pyodide/src)
    assert not answer["module_file"].startswith("/home/pyodide/src/"), answer["module_file"]
    # and the standard library is the shipped one: bytecode
    assert answer["stdlib_file"].endswith("json/__init__.pyc"), answer["stdlib_file"]
    return answer["resultats"]


def test_scenario_files_are_not_empty():
    # at least the portage and tjm files, each with several scenarios
    stems = {p.stem for p in SCENARIO_FILES}
    assert {"portage", "tjm"} <= stems
    assert len(SCENARIOS) >= 10


@pytest.mark.parametrize("sc", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_same_result_in_pyodide_and_cpython(sc, pyodide_results):
    expected = run_cpython(sc)
    got = pyodide_results[sc["id"]]
    if got != expected:
        a, b = json.loads(expected), json.loads(got)
        # show the first differing top-level key to make the failure readable
        diff = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        pytest.fail(f"CPython and Pyodide differ for {sc['id']} on {diff}:\n"
                    f"CPython: {expected[:2000]}\nPyodide: {got[:2000]}")
