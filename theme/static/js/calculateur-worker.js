// Module Web Worker of the calculators: loads Pyodide from the site's own
// origin, unpacks the calculators wheel (no micropip, no loadPackage: nothing
// leaves the origin) and answers {calculator, inputs} with the result HTML
// rendered by calculators/render.py, or per-field errors in French.
//
// Repeat visits start from a memory snapshot of Pyodide made in this browser
// (Pyodide's _makeSnapshot / _loadSnapshot), kept in Cache Storage:
// - made after the first result, when the worker is idle, of an engine booted
//   normally (parameters read, every calculator imported), with free storage of
//   at least SNAPSHOT_MIN_FREE;
// - keyed by the runtime, standard library and wheel URLs (versioned by content)
//   and by this file's Python glue: a deploy that changes any of them never
//   restores an old engine;
// - validated before use: a reference computation made just before the
//   snapshot must give the same bytes once restored; on any difference or
//   error it is deleted and the engine boots normally;
// - ?moteur=sans-instantane (msg.snapshot false) neither uses nor makes one.

// The safety net of the trimmed standard library (plugins/calculateurs/runtime.py): the
// archive lists in _cadre_libre_stdlib.ABSENT the top-level modules it leaves out; an
// import of one of them (a path of the library the build's closure missed) fetches, once
// and synchronously (allowed in a worker), Pyodide's full npm archive (_STDLIB_COMPLETE,
// set by init), adds it to sys.path and goes on. Never on the normal path: no name of
// ABSENT is imported there (tests/pages/test_bibliotheque_reduite.py). The JavaScript
// objects it uses are created only then, so that the memory snapshot stays possible.
const GLUE = `
import sys


class _StdlibFallback:
    def __init__(self, url, absent):
        self.url, self.absent, self.path = url, absent, None

    def find_spec(self, name, path=None, target=None):
        if path is not None or name not in self.absent:
            return None
        if self.path is None:
            self.path = ""  # once, even if the download fails
            from js import XMLHttpRequest

            req = XMLHttpRequest.new()
            req.open("GET", self.url, False)
            req.responseType = "arraybuffer"
            req.send()
            if req.status == 200:
                target_file = "/lib/python_stdlib_complete.zip"
                with open(target_file, "wb") as fh:
                    fh.write(req.response.to_bytes())
                sys.path.append(target_file)
                self.path = target_file
            del req
        if not self.path:
            return None
        import importlib.machinery

        return importlib.machinery.PathFinder.find_spec(name, [self.path])


try:
    from _cadre_libre_stdlib import ABSENT as _absent
except ImportError:
    _absent = frozenset()  # Pyodide's own archive: nothing left out
_stdlib_fallback = None
if _absent and globals().get("_STDLIB_COMPLETE"):
    _stdlib_fallback = _StdlibFallback(_STDLIB_COMPLETE, _absent)
    sys.meta_path.append(_stdlib_fallback)
del _absent

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

const SNAPSHOT_CACHE = "cadre-libre-instantane";
const SNAPSHOT_MIN_FREE = 256 * 1024 * 1024; // the snapshot is about 32 MB
const SNAPSHOT_DELAY_MS = 1500;
// A dated computation (the same result any day), to check a restored engine.
const REFERENCE = ["portage", JSON.stringify({ tjm: "613.27", jours: "17", date: "2026-07-01" }), "reference"];

let calc = null;
let pyodide = null;
let snapshotPlan = null; // {key} when a snapshot is to be made once idle
let snapshotTimer = null;

const timings = {};

async function snapshotKeys(msg) {
  const text = [msg.runtime, msg.stdlib || "", msg.wheel, GLUE, REFERENCE.join("|")].join("\n");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  const base = new URL(`__instantane__/${hex}`, msg.runtime).href;
  return { key: base, reference: base + "?reference" };
}

// The snapshot stored for this runtime, stdlib, wheel and glue ({keys, cache, hit, ref}),
// or null (none: one is to be made once idle).
async function findSnapshot(msg) {
  if (!self.caches) return null;
  const keys = await snapshotKeys(msg);
  const cache = await caches.open(SNAPSHOT_CACHE);
  const [hit, ref] = await Promise.all([cache.match(keys.key), cache.match(keys.reference)]);
  if (!hit || !ref) {
    timings.snapshot = "none";
    snapshotPlan = keys;
    return null;
  }
  return { keys, cache, hit, ref };
}

async function fromSnapshot(loadPyodide, options, { keys, cache, hit, ref }) {
  try {
    const bytes = new Uint8Array(await hit.arrayBuffer());
    const expected = await ref.text();
    const restored = await loadPyodide({ ...options, _loadSnapshot: bytes });
    const fn = restored.globals.get("_calc");
    if (fn(...REFERENCE) !== expected) throw new Error("instantané : calcul de référence différent");
    pyodide = restored;
    calc = fn;
    timings.snapshot = "restored";
    return true;
  } catch (err) {
    await Promise.all([cache.delete(keys.key), cache.delete(keys.reference)]).catch(() => {});
    timings.snapshot = "discarded: " + String((err && err.message) || err).slice(0, 200);
    snapshotPlan = keys;
    return false;
  }
}

async function makeSnapshot() {
  const keys = snapshotPlan;
  snapshotPlan = null;
  if (!keys || !pyodide || !self.caches) return;
  try {
    if (navigator.storage && navigator.storage.estimate) {
      const { quota = 0, usage = 0 } = await navigator.storage.estimate();
      if (quota - usage < SNAPSHOT_MIN_FREE) return;
    }
    pyodide.runPython("for _n in calculators.names():\n    calculators.get(_n)");
    // the full library fetched by the safety net lives in the file system, not in the
    // snapshot: no snapshot of such an engine
    if (pyodide.runPython("_stdlib_fallback is not None and _stdlib_fallback.path is not None")) return;
    const expected = calc(...REFERENCE);
    const bytes = pyodide.makeMemorySnapshot();
    const cache = await caches.open(SNAPSHOT_CACHE);
    for (const req of await cache.keys()) await cache.delete(req); // one snapshot at a time
    // the reference last: both present means the snapshot is complete
    await cache.put(keys.key, new Response(bytes));
    await cache.put(keys.reference, new Response(expected));
  } catch (_err) {
    // no snapshot (storage full, private browsing…): the next visit boots normally
  }
}

async function init(msg) {
  const t0 = performance.now();
  // Started together: Pyodide's loader, the wheel (downloaded while Pyodide boots) and,
  // for a repeat visit, the look-up of a snapshot (Cache Storage; tens of milliseconds on
  // a first visit, when there is none).
  const loader = import(msg.runtime + "pyodide.mjs");
  const wheel = fetch(msg.wheel).then((r) => {
    if (!r.ok) throw new Error(`roue des calculateurs introuvable (${r.status})`);
    return r.arrayBuffer();
  });
  wheel.catch(() => {});
  const stored = msg.snapshot
    ? findSnapshot(msg).catch((err) => {
        timings.snapshot = "unavailable: " + String((err && err.message) || err).slice(0, 200);
        return null;
      })
    : Promise.resolve(null);
  const { loadPyodide } = await loader;
  // msg.stdlib: the standard library compiled to bytecode at build time
  // (plugins/calculateurs/runtime.py); without it, Pyodide's npm archive of sources.
  const options = { indexURL: msg.runtime, packages: [] };
  if (msg.stdlib) options.stdLibURL = msg.stdlib;
  const found = await stored;
  const restored = found ? await fromSnapshot(loadPyodide, options, found) : false;
  if (restored) {
    timings.pyodide = performance.now() - t0;
    return;
  }
  pyodide = await loadPyodide(msg.snapshot ? { ...options, _makeSnapshot: true } : options);
  const t1 = performance.now();
  pyodide.unpackArchive(new Uint8Array(await wheel), "wheel");
  const t2 = performance.now();
  if (msg.stdlib) pyodide.globals.set("_STDLIB_COMPLETE", msg.runtime + "python_stdlib.zip");
  calc = pyodide.runPython(GLUE);
  for (const name of msg.names || []) {
    pyodide.runPython(`calculators.get(${JSON.stringify(name)})`);
  }
  const t3 = performance.now();
  // for bench/bench_calculator_page.py (milliseconds)
  Object.assign(timings, { pyodide: t1 - t0, wheel: t2 - t1, python_import: t3 - t2 });
  if (!msg.snapshot) snapshotPlan = null;
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
    if (snapshotPlan) {
      clearTimeout(snapshotTimer);
      snapshotTimer = setTimeout(makeSnapshot, SNAPSHOT_DELAY_MS);
    }
  }
});
