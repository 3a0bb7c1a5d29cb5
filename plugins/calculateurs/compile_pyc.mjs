// Compiles Python sources to bytecode with the Python of the Pyodide the site
// ships (3.14), so that the browser imports them without compiling.
//
// 1. The calculators (about 120 ms saved at each start of the engine):
//
//   node plugins/calculateurs/compile_pyc.mjs < {"files": {"calculators/x.py": "<source>", ...}, "data": {...}}
//   -> {"cache_tag": "cpython-314", "pyc": {"calculators/__pycache__/x.cpython-314.pyc": "<base64>", ...},
//       "stdlib_modules": ["json", "re", ...]}
//
//   `stdlib_modules`: the standard-library modules loaded once Pyodide has
//   started, the calculators are imported as the browser worker imports them
//   and each calculator has run on its default inputs and been rendered (the
//   modules the stdlib archive of mode "hybrid" ships as bytecode).
//
// 2. The standard library (Pyodide's npm package ships python_stdlib.zip as
//    sources: the browser compiles ~145 modules at each start, ~1.4 s):
//
//   node plugins/calculateurs/compile_pyc.mjs --stdlib IN.zip OUT.zip [MODE]
//   -> OUT.zip: the same archive with each module as bytecode; prints a JSON summary
//
//   MODE "whole" (default): every .py becomes its .pyc (the source is dropped);
//   (runtime.py then keeps, for the site, the bytecode of the modules the
//   calculators load and the source of the others: see assemble_stdlib).
//   The archive is read by Python's zipimport at /lib/python3XY.zip, which takes
//   `name.pyc` before `name.py`.
//
// The .pyc files are "unchecked hash" ones (PEP 552): Python uses them without
// comparing them with the source, which is right for files built in one go.

import { loadPyodide } from "pyodide";
import { readFileSync, writeFileSync } from "node:fs";

const py = await loadPyodide({ packages: [] });

if (process.argv[2] === "--stdlib") {
  const [, , , input, output, mode = "whole"] = process.argv;
  py.FS.writeFile("/tmp/in.zip", readFileSync(input));
  const summary = py.runPython(`
import importlib._bootstrap_external as be, importlib.util, json, sys, zipfile
mode = ${JSON.stringify(mode)}
assert mode == "whole", mode
zip_name = "/lib/python%d%d.zip" % sys.version_info[:2]
count = 0
with zipfile.ZipFile("/tmp/in.zip") as src, zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
    for info in src.infolist():
        data = src.read(info)
        name = info.filename
        if not name.endswith(".py"):
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED if data else zipfile.ZIP_STORED)
            continue
        try:
            code = compile(data, zip_name + "/" + name, "exec", dont_inherit=True)
        except SyntaxError:
            # a few files are templates or test data, never imported: kept as they are
            out.writestr(info, data)
            continue
        pyc = be._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        target = zipfile.ZipInfo(name + "c", date_time=info.date_time)
        target.external_attr = info.external_attr
        out.writestr(target, bytes(pyc), compress_type=zipfile.ZIP_DEFLATED)
        count += 1
json.dumps({"compiled": count, "mode": mode, "cache_tag": sys.implementation.cache_tag})
`);
  writeFileSync(output, py.FS.readFile("/tmp/out.zip"));
  process.stdout.write(summary);
} else {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const ROOT = "/tmp/compile";
  // request.data: the package's other files (parameters), for the probe below
  for (const [path, source] of Object.entries({ ...(request.data || {}), ...request.files })) {
    const full = `${ROOT}/${path}`;
    py.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
    py.FS.writeFile(full, source);
  }
  const out = py.runPython(`
import base64, importlib.util, json, os, py_compile, sys
root = ${JSON.stringify(ROOT)}
paths = json.loads(${JSON.stringify(JSON.stringify(Object.keys(request.files)))})
pyc = {}
for rel in paths:
    cfile = importlib.util.cache_from_source(os.path.join(root, rel))
    py_compile.compile(os.path.join(root, rel), cfile=cfile, doraise=True,
                       invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    with open(cfile, "rb") as fh:
        pyc[os.path.relpath(cfile, root)] = base64.b64encode(fh.read()).decode()

# What the browser worker loads: calculators imported, each run on its defaults and rendered.
sys.path.insert(0, root)
modules = []
try:
    import calculators
    from calculators import render
    from calculators.core import parametres
    parametres.load_all()
    for name in calculators.names():
        try:
            out = calculators.run(name, {})
            if out.get("ok"):
                render.render_result(name, out["result"], "probe")
                json.dumps(render.top_level_numbers(out["result"]), default=str)
        except Exception:
            pass  # the probe is a hint: a module missed is read from source
    zip_prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
    modules = sorted(m for m, v in list(sys.modules.items())
                     if (getattr(v, "__file__", None) or "").startswith(zip_prefix))
except Exception:
    pass
json.dumps({"cache_tag": sys.implementation.cache_tag, "pyc": pyc, "stdlib_modules": modules})
`);
  process.stdout.write(out);
}
