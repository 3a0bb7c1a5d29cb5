// Runs the calculators in Pyodide (npm package) booted on the runtime files the
// site ships: its compiled standard library (stdLibURL) and its wheel.
//
//   node tests/site/runtime_runner.mjs STDLIB_ZIP WHEEL [--snapshot] < {"scenarios": [...]} > answer.json
//
// With --snapshot, as the browser worker does on a repeat visit
// (theme/static/js/calculateur-worker.js): a first engine boots with
// _makeSnapshot, runs the worker's own Python glue (read from that file) and
// imports every calculator; a memory snapshot of it is made, and the scenarios
// run in a second engine restored from that snapshot (_loadSnapshot).
//
// request.imports (optional): module names imported one by one first; every
// ModuleNotFoundError is reported in answer.not_found as {"<module>": "<missing name>"}.
//
// answer = {"resultats": {"<id>": "<JSON text, sorted keys>"},
//           "bytecode": ["json", ...], "source": ["csv", ...],  (stdlib modules loaded, by origin)
//           "snapshot_bytes": N, "glue_fresh": "...", "glue_restored": "..."}  (with --snapshot)

import { loadPyodide } from "pyodide";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [, , stdlib, wheel, mode] = process.argv;
let input = "";
for await (const chunk of process.stdin) input += chunk;
const request = JSON.parse(input || "{}");

const RUN = `
import datetime as _dt, importlib, json, sys
not_found = {}
for _name in json.loads(${JSON.stringify(JSON.stringify(request.imports || []))}):
    try:
        importlib.import_module(_name)
    except ModuleNotFoundError as exc:
        not_found[_name] = exc.name
    except ImportError:
        pass  # e.g. "win32 only": the module is there
import calculators

def _default(o):
    if isinstance(o, (_dt.date, _dt.datetime)):
        return o.isoformat()
    raise TypeError(type(o).__name__)

res = {}
for sc in json.loads(${JSON.stringify(JSON.stringify(request.scenarios || []))}):
    r = calculators.run(sc["calculateur"], sc.get("entrees", {}))
    res[sc["id"]] = json.dumps(r, sort_keys=True, ensure_ascii=False, default=_default)
prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
loaded = {m: getattr(v, "__file__", None) or "" for m, v in list(sys.modules.items())}
json.dumps({
    "resultats": res,
    "not_found": not_found,
    "meta_path": [type(f).__name__ for f in sys.meta_path],
    "bytecode": sorted(m for m, f in loaded.items() if f.startswith(prefix) and f.endswith(".pyc")),
    "source": sorted(m for m, f in loaded.items() if f.startswith(prefix) and f.endswith(".py")),
})
`;

const options = { packages: [], stdLibURL: stdlib };
let py = await loadPyodide(mode === "--snapshot" ? { ...options, _makeSnapshot: true } : options);
py.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
const extra = {};
if (mode === "--snapshot") {
  const here = dirname(fileURLToPath(import.meta.url));
  const worker = readFileSync(join(here, "..", "..", "theme", "static", "js", "calculateur-worker.js"), "utf8");
  const glue = worker.match(/const GLUE = `([\s\S]*?)`;/)[1];
  const reference = ["portage", JSON.stringify({ tjm: "613.27", jours: "17", date: "2026-07-01" }), "reference"];
  // as the worker does (its safety net is installed, never used here: Node has no XMLHttpRequest)
  py.globals.set("_STDLIB_COMPLETE", "python_stdlib.zip");
  const calc = py.runPython(glue);
  py.runPython("for _n in calculators.names():\n    calculators.get(_n)");
  extra.glue_fresh = calc(...reference);
  const snapshot = py.makeMemorySnapshot();
  extra.snapshot_bytes = snapshot.length;
  py = await loadPyodide({ ...options, _loadSnapshot: snapshot });
  extra.glue_restored = py.globals.get("_calc")(...reference);
}
const out = JSON.parse(py.runPython(RUN));
process.stdout.write(JSON.stringify({ ...out, ...extra }));
