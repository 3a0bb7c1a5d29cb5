"""Timing of the calculation engine, beside the URSSAF model, in one run.

    python bench/bench_engine.py [--quick]

Times, per call (median of several batches):
- one salaried forward evaluation (gross 3 500 €/month, cadre, July 2026);
- one salaried inversion (from a net before tax of 3 000 €/month);
- one portage evaluation (TJM 600 €, 18 days, fees of 0.08: an employer-cost
  inversion plus the forward evaluations of the pay and the réserve);
- one TJM inversion (target net 4 000 €/month: billable days, a secant on the net,
  then one portage evaluation to show the result);
in CPython (this interpreter) and in Pyodide (the npm package the site ships, run by
Node through tests/calculators/pyodide_runner.mjs), and publicodes 1.10.3 evaluating
modele-social 11.1.0 for the same inputs (setSituation + evaluate; the portage row is
the model's closest equivalent, an inversion from the employer cost, since the model
has no portage rules; the TJM row, an inversion from the net).

Targets (issue 3): under 1 ms for a forward evaluation and under 10 ms for an
inversion, in Pyodide.  Prints a table with the ratios publicodes / Pyodide.
Performance is measured here, never by timed assertions in the tests.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES = [
    ("salarie_direct", "Salarié : brut → net", "salarie",
     {"salaire_brut": 3500, "cadre": True, "date": "2026-07-01"}),
    ("salarie_inverse", "Salarié : net → brut (inversion)", "salarie",
     {"net_avant_impot": 3000, "cadre": True, "date": "2026-07-01"}),
    ("portage", "Portage : TJM → net", "portage",
     {"tjm": 600, "jours": 18, "frais_gestion": 0.08, "cadre": True, "date": "2026-07-01"}),
    ("tjm", "TJM : net visé → TJM (inversion)", "tjm",
     {"objectif": 4000, "frais_gestion": 0.08, "cadre": True, "date": "2026-07-01"}),
]

# The timing code, identical in CPython and Pyodide: median over batches, ms per call.
TIMER = r"""
import json as _j, time as _t, statistics as _s
import calculators as _c

def _bench(cases, batches, per_batch):
    out = {}
    for key, name, raw in cases:
        r = _c.run(name, raw)
        assert r["ok"], (key, r)
        times = []
        for _ in range(batches):
            t0 = _t.perf_counter()
            for _ in range(per_batch):
                _c.run(name, raw)
            times.append((_t.perf_counter() - t0) * 1000 / per_batch)
        out[key] = {"ms": _s.median(times), "net": r["result"]["net_avant_impot"]}
    return out
"""

PUBLICODES = r"""
import Engine from 'publicodes';
import rules from 'modele-social';
const [batches, perBatch] = JSON.parse(process.argv[1]);
const t0 = performance.now();
const engine = new Engine(rules, { logger: { log() {}, warn() {}, error() {} } });
const build = performance.now() - t0;
const base = { 'date': '01/07/2026', 'salarié . contrat . statut cadre': 'oui' };
const cases = {
  salarie_direct: [{ ...base, 'salarié . contrat . salaire brut': '3500 €/mois' },
                   'salarié . rémunération . net . à payer avant impôt'],
  salarie_inverse: [{ ...base, 'salarié . rémunération . net . à payer avant impôt': '3000 €/mois' },
                    'salarié . contrat . salaire brut'],
  portage: [{ ...base, 'salarié . coût total employeur': '9936 €/mois' },
            'salarié . rémunération . net . à payer avant impôt'],
  tjm: [{ ...base, 'salarié . rémunération . net . à payer avant impôt': '4000 €/mois' },
        'salarié . coût total employeur'],
};
const out = { build_ms: build };
for (const [key, [situation, rule]] of Object.entries(cases)) {
  const times = [];
  let value;
  for (let b = 0; b < batches; b++) {
    const s = performance.now();
    for (let i = 0; i < perBatch; i++) {
      engine.setSituation(situation);
      value = engine.evaluate(rule).nodeValue;
    }
    times.push((performance.now() - s) / perBatch);
  }
  times.sort((a, b) => a - b);
  out[key] = { ms: times[Math.floor(times.length / 2)], valeur: value };
}
process.stdout.write(JSON.stringify(out));
"""


def bench_cpython(batches: int, per_batch: int) -> dict:
    ns: dict = {}
    exec(TIMER, ns)
    cases = [(k, n, raw) for k, _l, n, raw in CASES]
    return ns["_bench"](cases, batches, per_batch)


def bench_pyodide(batches: int, per_batch: int) -> dict:
    cases = [(k, n, raw) for k, _l, n, raw in CASES]
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


def bench_publicodes(batches: int, per_batch: int) -> dict:
    proc = subprocess.run(["node", "--input-type=module", "-e", PUBLICODES, json.dumps([batches, per_batch])],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(proc.stderr[-3000:])
    return json.loads(proc.stdout)


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    b, n = (3, 5) if quick else (7, 30)
    cp = bench_cpython(b, n)
    py = bench_pyodide(b, n)
    pc = bench_publicodes(3 if not quick else 2, 3 if not quick else 1)
    print(f"Moteur de calcul — médiane par appel (Pyodide {py['_version']}, CPython {sys.version.split()[0]}, "
          f"publicodes : construction du moteur {pc['build_ms']:.0f} ms)")
    head = f"{'cas':38} {'CPython':>10} {'Pyodide':>10} {'publicodes':>11} {'publicodes/Pyodide':>19} {'cible Pyodide':>14}"
    print(head)
    print("-" * len(head))
    for key, label, _n, _raw in CASES:
        target = 1.0 if key == "salarie_direct" else 10.0
        ok = "ok" if py[key]["ms"] < target else "NON"
        print(f"{label:38} {cp[key]['ms']:>8.3f}ms {py[key]['ms']:>8.3f}ms {pc[key]['ms']:>9.1f}ms "
              f"{pc[key]['ms'] / py[key]['ms']:>18.0f}× {('< %g ms ' % target) + ok:>14}")
    print(f"(démarrage de Pyodide dans Node et chargement des calculateurs compris : {py['_wall_s']:.1f} s au total)")
    print("Contrôle : net avant impôt, portage TJM 600 × 18 j, 8 % : "
          f"CPython {cp['portage']['net']} €, Pyodide {py['portage']['net']} €")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
