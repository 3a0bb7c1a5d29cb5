"""Timing of the micro-entreprise calculator and of the status comparator, in
CPython and in Pyodide (the npm package the site ships, run by Node through
tests/calculators/pyodide_runner.mjs).

    python bench/bench_statuts.py [--quick]

The comparator runs every status's calculator at the mission and at each TJM of
its chart (about 15 points × 5 statuses): its time is what a visitor waits for
after each input on the comparator page, and the HTML rendering is timed too.
Performance is measured here, never by timed assertions in the tests.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES = [
    ("micro", "micro", {"chiffre_affaires": 60000, "date": "2026-07-01"}),
    ("micro_tjm", "tjm", {"statut": "micro", "objectif": 4000, "date": "2026-07-01"}),
    ("comparateur_statuts", "comparateur_statuts", {"tjm": 450, "jours": 18, "frais": 200, "date": "2026-07-01"}),
]

TIMER = r"""
import json as _j, time as _t, statistics as _s
import calculators as _c
from calculators import render as _r

def _bench(cases, batches, per_batch):
    out = {}
    for key, name, raw in cases:
        res = _c.run(name, raw)
        assert res["ok"], (key, res)
        times, rtimes = [], []
        for _ in range(batches):
            t0 = _t.perf_counter()
            for _ in range(per_batch):
                res = _c.run(name, raw)
            times.append((_t.perf_counter() - t0) * 1000 / per_batch)
            t0 = _t.perf_counter()
            _r.render_result(name, res["result"], "b")
            rtimes.append((_t.perf_counter() - t0) * 1000)
        out[key] = {"ms": _s.median(times), "rendu_ms": _s.median(rtimes)}
    return out
"""


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    b, n = (3, 2) if quick else (5, 5)
    ns: dict = {}
    exec(TIMER, ns)
    cp = ns["_bench"](CASES, b, n)
    code = TIMER + f"\n_j.dumps(_bench(_j.loads({json.dumps(json.dumps(CASES))}), {b}, {n}))\n"
    proc = subprocess.run(["node", str(ROOT / "tests/calculators/pyodide_runner.mjs"), str(ROOT)],
                          input=json.dumps({"python": code}), capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(proc.stderr[-3000:])
    py = json.loads(json.loads(proc.stdout)["python"])
    print(f"{'Calcul':<22} {'CPython (ms)':>13} {'Pyodide (ms)':>13} {'rendu Pyodide (ms)':>19}")
    for key, _n, _raw in CASES:
        print(f"{key:<22} {cp[key]['ms']:>13.2f} {py[key]['ms']:>13.2f} {py[key]['rendu_ms']:>19.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
