// Runs the calculators in Pyodide (npm package) booted on the runtime files the
// site ships: its compiled standard library (stdLibURL) and its wheel.
//
//   node tests/site/runtime_runner.mjs STDLIB_ZIP WHEEL < {"scenarios": [...]} > answer.json
//
// answer = {"resultats": {"<id>": "<JSON text, sorted keys>"},
//           "bytecode": ["json", ...], "source": ["csv", ...]}  (stdlib modules loaded, by origin)

import { loadPyodide } from "pyodide";
import { readFileSync } from "node:fs";

const [, , stdlib, wheel] = process.argv;
let input = "";
for await (const chunk of process.stdin) input += chunk;
const request = JSON.parse(input || "{}");
const py = await loadPyodide({ packages: [], stdLibURL: stdlib });
py.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
const out = py.runPython(`
import datetime as _dt, json, sys
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
    "bytecode": sorted(m for m, f in loaded.items() if f.startswith(prefix) and f.endswith(".pyc")),
    "source": sorted(m for m, f in loaded.items() if f.startswith(prefix) and f.endswith(".py")),
})
`);
process.stdout.write(out);
