// Compiles Python sources to bytecode with the Python of the Pyodide the site
// ships (3.14), so that the browser imports them without compiling.
//
// 1. The calculators (about 120 ms saved at each start of the engine):
//
//   node plugins/calculateurs/compile_pyc.mjs < {"files": {"calculators/x.py": "<source>", ...}, "data": {...}}
//   -> {"cache_tag": "cpython-314", "pyc": {"calculators/__pycache__/x.cpython-314.pyc": "<base64>", ...},
//       "stdlib_modules": ["json", "re", ...], "stdlib_closure": {"modules": [...], ...}}
//
//   `stdlib_modules`: the standard-library modules loaded once Pyodide has
//   started, the package is unpacked and the calculators are imported as the
//   browser worker does it, and each calculator has run on its default inputs
//   and been rendered (the modules the stdlib archive of mode "hybrid" ships as
//   bytecode).  `stdlib_closure`: what the archive of mode "trimmed" ships (see
//   CLOSURE below).
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

// The standard library the site ships in mode "trimmed" (runtime.assemble_stdlib),
// computed in this Pyodide from the modules the probe below saw loaded:
// - roots: those modules, every module of the `calculators` package, and the modules
//   Python's C code or the codecs import by name (IMPLICIT);
// - closed under imports by modulefinder (Pyodide's Python 3.14, on the npm archive's
//   sources): every import of a calculators module, inside functions too; of a
//   standard-library module, the imports run when it is imported (its body and class
//   bodies, not its functions: following those pulls in half the library, 3.97 MB
//   instead of 2.1). A function of the library that imports a module the closure
//   missed, on a path no calculator took here, goes through the safety net of the
//   browser worker (the full npm archive, fetched once);
// - by whole top-level packages: a package is shipped with all its modules or not at all.
// It returns the modules shipped and, compiled, `_cadre_libre_stdlib` (the top-level
// names left out, for the worker's safety net).
const CLOSURE = `
import ast, base64, importlib._bootstrap_external as _be, io, importlib.util, json, modulefinder, os, sys, zipfile

IMPLICIT = (
    "encodings",  # codecs looked up by name (str.encode, open, the file system encoding)
    "_strptime",  # time.strptime, datetime.strptime: imported by C code
    "traceback", "linecache", "_colorize",  # an exception printed or turned into a JavaScript error
    "warnings",  # warnings raised by C code
    "copyreg",  # copy and pickle of any object, from C code
)
CO_OPTIMIZED = 0x1  # a function's code (module and class bodies are not)


class _ImportTimeFinder(modulefinder.ModuleFinder):
    def scan_code(self, co, m):
        if co.co_flags & CO_OPTIMIZED and m.__name__.split(".")[0] != "calculators":
            return  # a function of the standard library: its imports run only if it is called
        super().scan_code(co, m)

    def load_module(self, fqname, fp, pathname, file_info):
        if fp is not None and file_info[2] == modulefinder._PY_SOURCE and not fqname.startswith("calculators"):
            fp = io.BytesIO(_without_main_block(fp.read()))
        return super().load_module(fqname, fp, pathname, file_info)

    def import_module(self, partname, fqname, parent):
        if partname == "__main__" and parent is not None:
            return None  # a package's script (python -m), never imported; "import *" would
        return super().import_module(partname, fqname, parent)


def _without_main_block(source):
    """The source without its top-level blocks "if __name__ == '__main__':" (a script's
    demo or tests, e.g. heapq's "import doctest": never run on import)."""
    lines = source.split(b"\\n")
    for node in ast.parse(source).body:
        test = getattr(node, "test", None)
        if (isinstance(node, ast.If) and isinstance(test, ast.Compare) and isinstance(test.left, ast.Name)
                and test.left.id == "__name__" and len(test.comparators) == 1
                and getattr(test.comparators[0], "value", None) == "__main__"):
            for i in range(node.lineno - 1, node.end_lineno):
                lines[i] = b""
    return b"\\n".join(lines)


def _module_of(name):
    stem = name[: -len(".py")]
    if stem.endswith("/__init__"):
        stem = stem[: -len("/__init__")]
    return stem.replace("/", ".")


def stdlib_closure(dynamic):
    zip_name = "/lib/python%d%d.zip" % sys.version_info[:2]
    src = "/tmp/stdlib-src"
    with zipfile.ZipFile(zip_name) as zf:
        zf.extractall(src)
        members = {}
        for n in zf.namelist():
            if n.endswith(".py"):
                m = _module_of(n)
                members.setdefault(m.split(".")[0], set()).add(m)
    import calculators
    package = os.path.dirname(calculators.__file__)
    home = os.path.dirname(package)
    calc = []
    for d, _, files in os.walk(package):
        for f in files:
            if f.endswith(".py"):
                calc.append(_module_of(os.path.relpath(os.path.join(d, f), home)))
    # the modules the probe loaded, by their file (some run under another name)
    loaded = set()
    for name in dynamic:
        f = getattr(sys.modules.get(name), "__file__", None) or ""
        if f.startswith(zip_name + "/") and f.endswith((".py", ".pyc")):
            loaded.add(_module_of(f[len(zip_name) + 1:].removesuffix("c")))
    finder = _ImportTimeFinder(path=[home, src])
    for name in sorted(calc) + list(IMPLICIT) + sorted(loaded):
        try:
            finder.import_hook(name)
        except ImportError:
            pass  # recorded by the finder: not in this Pyodide
    static = {n for n, mod in finder.modules.items() if (mod.__file__ or "").startswith(src + "/")}
    tops = {n.split(".")[0] for n in static} & set(members)
    if "sysconfig" in tops:  # it imports _sysconfigdata_<platform> by a computed name
        tops |= {t for t in members if t.startswith("_sysconfigdata_")}
    modules = sorted(m for t in tops for m in members[t])
    absent = sorted(t for t in members if t not in tops and t.isidentifier())
    nl = chr(10)
    source = nl.join([
        '"""Written by the build (plugins/calculateurs/compile_pyc.mjs): the top-level',
        "modules of Pyodide's standard library that this trimmed archive leaves out, for the",
        'safety net of the browser worker (theme/static/js/calculateur-worker.js)."""',
        "ABSENT = frozenset(%r)" % (absent,),
        "",
    ]).encode()
    name = "_cadre_libre_stdlib.py"
    code = compile(source, zip_name + "/" + name, "exec", dont_inherit=True)
    pyc = _be._code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)
    return {
        "modules": modules,
        "packages": sorted(tops),
        "dynamic": sorted(loaded),
        "static": sorted(static),
        "implicit": list(IMPLICIT),
        "absent": absent,
        "marker": {"name": name + "c", "pyc": base64.b64encode(bytes(pyc)).decode()},
    }
`;

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
  const out = JSON.parse(py.runPython(`
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
# the package as the browser worker gets it: a zip for unpackArchive (below)
import zipfile
with zipfile.ZipFile("/tmp/probe.whl", "w") as zf:
    for rel in sorted(set(paths) | set(json.loads(${JSON.stringify(JSON.stringify(Object.keys(request.data || {})))}))):
        zf.write(os.path.join(root, rel), rel)
json.dumps({"cache_tag": sys.implementation.cache_tag, "pyc": pyc})
`));
  // What the browser worker loads (theme/static/js/calculateur-worker.js): the package
  // unpacked by Pyodide's own unpackArchive, the calculators imported, each run on its
  // defaults and rendered, and a Python error turned into a JavaScript one.
  py.unpackArchive(py.FS.readFile("/tmp/probe.whl"), "wheel");
  py.runPython(`
import json
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
        pass  # the probe is a hint; the static closure below is the guarantee
`);
  try {
    py.runPython("raise ValueError('probe')");
  } catch (_err) {
    // expected: the traceback was formatted by Pyodide's Python
  }
  const modules = JSON.parse(py.runPython(`
import json, sys
zip_prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
json.dumps(sorted(m for m, v in list(sys.modules.items())
                  if (getattr(v, "__file__", None) or "").startswith(zip_prefix)))
`));
  const closure = JSON.parse(py.runPython(CLOSURE + `
json.dumps(stdlib_closure(json.loads(${JSON.stringify(JSON.stringify(modules))})))
`));
  process.stdout.write(JSON.stringify({ ...out, stdlib_modules: modules, stdlib_closure: closure }));
}
