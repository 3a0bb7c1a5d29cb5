"""Timing of one year's computation (calculator ``annee``, issue 11).

    python bench/bench_annee.py [--quick]

A year of TJM 600 €, 18 days for 8 months then 4 without (the page's preset),
median time per call over several batches, in CPython (this interpreter) and in
Pyodide (the npm package the site ships, run by Node through
tests/calculators/pyodide_runner.mjs, as bench_engine.py does):

- one status over the year (each status: twelve monthly payslips or one yearly
  calculation, the ARE, the pension rights);
- every status side by side (``statut`` = ``tous``: what the page computes);
- the same with a monthly budget of 4 000 €, where the TJM that would make each
  status hold is searched (a secant, a few years each).

Target (issue 11): one year under 50 ms in Pyodide.  Performance is measured
here, never by timed assertions in the tests.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASE = {"tjm": 600, "jours": 18, "mois_mission": 8, "date": "2026-06-01"}
CASES = [(f"statut_{s}", f"Une année : {s}", {**BASE, "statut": s})
         for s in ("cdi", "portage_cdi", "portage_cdd", "micro", "eurl", "sasu")] + [
    ("tous", "Les six statuts côte à côte", {**BASE, "statut": "tous"}),
    ("tous_budget", "Côte à côte, budget 4 000 €, TJM cherché", {**BASE, "statut": "tous", "budget_mensuel": 4000}),
]

TIMER = r"""
import json as _j, time as _t, statistics as _s
import calculators as _c

def _bench(cases, batches, per_batch):
    out = {}
    for key, raw in cases:
        r = _c.run("annee", raw)
        assert r["ok"], (key, r)
        times = []
        for _ in range(batches):
            t0 = _t.perf_counter()
            for _ in range(per_batch):
                _c.run("annee", raw)
            times.append((_t.perf_counter() - t0) * 1000 / per_batch)
        out[key] = {"ms": _s.median(times), "fin": [c["epargne_fin"] for c in r["result"]["colonnes"]]}
    return out
"""


def bench_cpython(batches: int, per_batch: int) -> dict:
    ns: dict = {}
    exec(TIMER, ns)
    return ns["_bench"]([(k, raw) for k, _l, raw in CASES], batches, per_batch)


def bench_pyodide(batches: int, per_batch: int) -> dict:
    cases = [(k, raw) for k, _l, raw in CASES]
    code = TIMER + f"\n_j.dumps(_bench(_j.loads({json.dumps(json.dumps(cases))}), {batches}, {per_batch}))\n"
    t0 = time.perf_counter()
    proc = subprocess.run(["node", str(ROOT / "tests/calculators/pyodide_runner.mjs"), str(ROOT)],
                          input=json.dumps({"python": code}), capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(proc.stderr[-3000:])
    answer = json.loads(proc.stdout)
    out = json.loads(answer["python"])
    out["_version"] = answer["python_version"]
    out["_wall_s"] = wall
    return out


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    b, n = (3, 2) if quick else (5, 5)
    cp = bench_cpython(b, n)
    py = bench_pyodide(b, n)
    print(f"Une année avec et sans missions — médiane par appel (Pyodide {py['_version']}, "
          f"CPython {sys.version.split()[0]})")
    head = f"{'cas':44} {'CPython':>10} {'Pyodide':>10} {'cible Pyodide':>15}"
    print(head)
    print("-" * len(head))
    for key, label, _raw in CASES:
        target = 50.0 if key.startswith("statut_") else None
        verdict = (("< 50 ms " + ("ok" if py[key]["ms"] < target else "NON")) if target else "—")
        print(f"{label:44} {cp[key]['ms']:>8.1f}ms {py[key]['ms']:>8.1f}ms {verdict:>15}")
    print(f"(démarrage de Pyodide dans Node compris : {py['_wall_s']:.1f} s au total)")
    same = all(cp[k]["fin"] == py[k]["fin"] for k, _l, _r in CASES)
    print("Contrôle : épargne au 31 décembre identique en CPython et en Pyodide : " + ("oui" if same else "NON"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
