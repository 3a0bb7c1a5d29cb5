"""Precompressed copies (.br, .gz) beside every page and runtime file, and a server that sends
them (plugins/publication/precompression.py and serveur.py, used by `make serve` and the tests)."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")


def _runtime_files(site_dir: Path) -> list[Path]:
    base = next((site_dir / "runtime").glob("pyodide-*"))
    out = [base / n for n in RUNTIME]
    for stdlib in base.glob("python_stdlib-*.zip"):
        # deflated entries (the default) do not compress further; stored ones do
        data = stdlib.read_bytes()
        if len(gzip.compress(data, 6)) < len(data) * 0.95:
            out.append(stdlib)
    return out


def test_every_page_and_runtime_file_has_gzip_and_brotli_copies(site_dir):
    wanted = sorted(site_dir.rglob("*.html")) + _runtime_files(site_dir)
    wanted += sorted((site_dir / "theme").rglob("*.js")) + sorted((site_dir / "theme").rglob("*.css"))
    missing = [str(p.relative_to(site_dir)) + ext for p in wanted for ext in (".gz", ".br")
               if not p.with_name(p.name + ext).is_file()]
    assert missing == []
    for p in wanted:
        assert gzip.decompress(p.with_name(p.name + ".gz").read_bytes()) == p.read_bytes(), p


def test_brotli_copies_decompress_to_the_original(site_dir):
    node = shutil.which("node")
    assert node
    pairs = [(str(p.with_name(p.name + ".br")), hashlib.sha256(p.read_bytes()).hexdigest())
             for p in sorted(site_dir.rglob("*")) if p.with_name(p.name + ".br").is_file()]
    assert len(pairs) > 40
    script = ("const z=require('zlib'),fs=require('fs'),c=require('crypto');"
              "const pairs=JSON.parse(fs.readFileSync(0,'utf8'));"
              "const bad=pairs.filter(([f,h])=>c.createHash('sha256').update(z.brotliDecompressSync(fs.readFileSync(f))).digest('hex')!==h);"
              "process.stdout.write(JSON.stringify(bad))")
    proc = subprocess.run([node, "-e", script], input=json.dumps(pairs), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


def _get(url: str, accept: str | None):
    req = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    with urllib.request.urlopen(req) as resp:
        return resp.headers, resp.read()


def test_server_sends_the_precompressed_copy_the_request_accepts(site_dir, site_url):
    page = (site_dir / "simulateurs" / "portage" / "index.html").read_bytes()
    headers, body = _get(site_url + "/simulateurs/portage/", "gzip, deflate")
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Content-Type"].startswith("text/html")
    assert "Accept-Encoding" in headers["Vary"]
    assert gzip.decompress(body) == page
    headers, body = _get(site_url + "/simulateurs/portage/", "gzip, br")
    assert headers["Content-Encoding"] == "br"
    assert body == (site_dir / "simulateurs" / "portage" / "index.html.br").read_bytes()
    headers, body = _get(site_url + "/simulateurs/portage/", None)
    assert headers["Content-Encoding"] is None and body == page
    headers, body = _get(site_url + "/simulateurs/portage/", "br;q=0, gzip;q=0")
    assert headers["Content-Encoding"] is None and body == page


def test_runtime_is_sent_compressed_with_its_type_and_cached_forever(site_dir, site_url):
    wasm = next((site_dir / "runtime").glob("pyodide-*")) / "pyodide.asm.wasm"
    path = "/" + wasm.relative_to(site_dir).as_posix()
    headers, body = _get(site_url + path, "gzip, deflate, br")
    assert headers["Content-Encoding"] == "br"
    assert headers["Content-Type"] == "application/wasm"
    assert "immutable" in headers["Cache-Control"]
    assert len(body) < wasm.stat().st_size * 0.4
