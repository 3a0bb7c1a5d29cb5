// Module Web Worker of the calculators: loads Pyodide from the site's own
// origin, unpacks the calculators wheel (no micropip, no loadPackage: nothing
// leaves the origin) and answers {calculator, inputs} with the result HTML
// rendered by calculators/render.py, or per-field errors in French.

const GLUE = `
import json
import calculators
from calculators import render
from calculators.core import parametres

parametres.load_all()

def _calc(name, inputs_json, uid):
    out = calculators.run(name, json.loads(inputs_json))
    if out["ok"]:
        r = out["result"]
        return json.dumps({"ok": True, "html": render.render_result(name, r, uid),
                           "valeurs": render.top_level_numbers(r), "date": str(r.get("date", ""))},
                          default=str)
    return json.dumps({"ok": False, "errors": out["errors"]}, default=str)

_calc
`;

let calc = null;

const timings = {};

async function init(msg) {
  const t0 = performance.now();
  // The wheel downloads while Pyodide boots.
  const wheel = fetch(msg.wheel).then((r) => {
    if (!r.ok) throw new Error(`roue des calculateurs introuvable (${r.status})`);
    return r.arrayBuffer();
  });
  wheel.catch(() => {});
  const { loadPyodide } = await import(msg.runtime + "pyodide.mjs");
  // msg.stdlib: the standard library compiled to bytecode at build time
  // (plugins/calculateurs/runtime.py); without it, Pyodide's npm archive of sources.
  const options = { indexURL: msg.runtime, packages: [] };
  if (msg.stdlib) options.stdLibURL = msg.stdlib;
  const pyodide = await loadPyodide(options);
  const t1 = performance.now();
  pyodide.unpackArchive(new Uint8Array(await wheel), "wheel");
  const t2 = performance.now();
  calc = pyodide.runPython(GLUE);
  for (const name of msg.names || []) {
    pyodide.runPython(`calculators.get(${JSON.stringify(name)})`);
  }
  const t3 = performance.now();
  // for bench/bench_calculator_page.py (milliseconds)
  Object.assign(timings, { pyodide: t1 - t0, wheel: t2 - t1, python_import: t3 - t2 });
}

self.addEventListener("message", async (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    try {
      await init(msg);
      self.postMessage({ type: "ready", timings });
    } catch (err) {
      self.postMessage({ type: "error", message: String((err && err.message) || err) });
    }
  } else if (msg.type === "compute") {
    let out;
    try {
      out = JSON.parse(calc(msg.calculator, JSON.stringify(msg.inputs), msg.uid));
    } catch (err) {
      out = { ok: false, errors: { _: "Le calcul a échoué : " + String((err && err.message) || err).split("\n").slice(-2).join(" ") } };
    }
    self.postMessage({ type: "result", id: msg.id, ...out });
  }
});
