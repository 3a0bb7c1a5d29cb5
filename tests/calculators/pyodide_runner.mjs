// Runs the calculators inside Pyodide (the npm package the site ships), in Node.
//
//   node tests/calculators/pyodide_runner.mjs ROOT [WHEEL [STDLIB]] < request.json > answer.json
//
// With STDLIB (a path to a standard-library archive, as the site build makes it), Pyodide
// boots on it (stdLibURL) instead of the npm package's python_stdlib.zip.
// With WHEEL (a path to the calculators wheel, as `pip wheel` or the site build
// makes it), the wheel is unpacked into Pyodide's site-packages exactly as the
// browser worker does (`unpackArchive(bytes, "wheel")`).  Without it, ROOT's
// `calculators/` tree (the repository root's) is copied into Pyodide's in-memory
// file system.  Pyodide boots once for the whole request.
//
// request = {
//   "scenarios": [{"id": "...", "calculateur": "portage", "entrees": {...}}, ...],
//   "python": "optional code; its last expression (a str) is returned as `python`"
// }
// answer  = {"python_version": "3.14.x", "resultats": {"<id>": "<JSON text>"}, "python": ...}
//
// Each result is `calculators.run(name, entrees)` serialised by Python's json with
// sorted keys, so that CPython and Pyodide results compare as exact strings.

import { loadPyodide } from "pyodide";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = process.argv[2] || join(here, "..", "..");
const wheel = process.argv[3] || "";
const stdlib = process.argv[4] || "";
const SRC = "/home/pyodide/src";

function copyTree(py, hostDir, fsDir) {
  py.FS.mkdirTree(fsDir);
  for (const name of readdirSync(hostDir)) {
    if (name === "__pycache__" || name.startsWith(".")) continue;
    const hostPath = join(hostDir, name);
    const fsPath = `${fsDir}/${name}`;
    if (statSync(hostPath).isDirectory()) {
      copyTree(py, hostPath, fsPath);
    } else if (/\.(py|toml|json)$/.test(name)) {
      py.FS.writeFile(fsPath, readFileSync(hostPath));
    }
  }
}

const SERIALISE = `
import json as _json, datetime as _dt, sys as _sys
if ${JSON.stringify(SRC)} not in _sys.path:
    _sys.path.insert(0, ${JSON.stringify(SRC)})
import calculators as _calc

def _default(o):
    if isinstance(o, (_dt.date, _dt.datetime)):
        return o.isoformat()
    raise TypeError(type(o).__name__)

def _run_all(scenarios_json):
    out = {}
    for sc in _json.loads(scenarios_json):
        res = _calc.run(sc["calculateur"], sc.get("entrees", {}))
        out[sc["id"]] = _json.dumps(res, sort_keys=True, ensure_ascii=False, default=_default)
    return _json.dumps(out)
`;

async function main() {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const request = input.trim() ? JSON.parse(input) : {};
  // the day the calculators take as today (calculators/core/dates.py), as for CPython
  const today = process.env.CADRE_LIBRE_AUJOURDHUI;
  const options = today ? { env: { CADRE_LIBRE_AUJOURDHUI: today } } : {};
  if (stdlib) options.stdLibURL = stdlib;
  const py = await loadPyodide(options);
  if (wheel) {
    py.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
  } else {
    copyTree(py, join(root, "calculators"), `${SRC}/calculators`);
  }
  await py.runPythonAsync(SERIALISE);
  const answer = {
    python_version: py.runPython("import sys; sys.version.split()[0]"),
    module_file: py.runPython("import calculators; calculators.__file__"),
    stdlib_file: py.runPython("import json; json.__file__"),
  };
  const runAll = py.globals.get("_run_all");
  answer.resultats = JSON.parse(runAll(JSON.stringify(request.scenarios || [])));
  runAll.destroy();
  if (request.python) {
    answer.python = await py.runPythonAsync(request.python);
  }
  process.stdout.write(JSON.stringify(answer));
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + "\n");
  process.exit(1);
});
