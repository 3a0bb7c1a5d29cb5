// Compiles the calculators' Python sources to bytecode with the Python of the
// Pyodide the site ships (3.14), so that the browser imports them without
// compiling (about 120 ms saved at each start of the engine).
//
//   node plugins/calculateurs/compile_pyc.mjs < {"files": {"calculators/x.py": "<source>", ...}}
//   -> {"cache_tag": "cpython-314", "pyc": {"calculators/__pycache__/x.cpython-314.pyc": "<base64>", ...}}
//
// The .pyc files are "unchecked hash" ones (PEP 552): Python uses them without
// comparing them with the source, which is right for a wheel built in one go.

import { loadPyodide } from "pyodide";

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const py = await loadPyodide({ packages: [] });
const ROOT = "/tmp/compile";
for (const [path, source] of Object.entries(request.files)) {
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
json.dumps({"cache_tag": sys.implementation.cache_tag, "pyc": pyc})
`);
process.stdout.write(out);
