"""The engine of the calculator pages, before and after issue 14, measured in the same run.

    python bench/bench_runtime.py [--pairs N] [--quick]

Uses the site in $CADRE_LIBRE_OUTPUT or builds it (`make build`) into a temporary folder.
"Before" is the same build with every feature of issue 14 switched off: Pyodide's npm
standard library (sources; ?moteur=stdlib-npm), no service worker (sans-sw), no memory
snapshot (sans-instantane), the engine started once the page is loaded and the browser idle
(demarrage-tardif; it now starts as soon as the page is parsed), no precompressed files (a
server that sends files as they are, as the local server did). "After" is the site as shipped, served with its .br/.gz files.

Measured in headless Chromium (Debian), each visit in a fresh browser context unless said:

- first live figure: navigation -> the first recomputed result in the page (the visitor types
  a TJM on the portage page as soon as the DOM is there);
  * cold: empty cache;
  * warm: the same context, second visit (HTTP cache full; no snapshot);
  * snapshot: third visit, after a memory snapshot was stored (after only);
  on localhost, then on links emulated with Chromium's DevTools protocol
  (Network.emulateNetworkConditions: 20 Mbit/s and 5 Mbit/s down, 20 ms latency);
- beside it, a bare Pyodide boot (a page whose module worker only runs loadPyodide from the
  npm package's files, as served before) in the same conditions;
- bytes of an article, a calculator page (with its scripts and styles) and of the runtime:
  raw, gzip and brotli (the .gz/.br files the build writes; for "before", the npm files
  compressed the same way, what a host compressing on the fly would send at best).

Pairs are interleaved (before, after, after, before, ...) and the figure to trust is the
median of the per-pair ratios after/before: this machine is shared with other busy jobs, so
absolute times swing; the ratio of two runs made seconds apart swings much less.

Results are printed and written to bench/results/runtime.json.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BEFORE = "?moteur=stdlib-npm,sans-sw,sans-instantane,demarrage-tardif"
LINKS = {
    "localhost": None,
    "20 Mbit/s": {"offline": False, "latency": 20, "downloadThroughput": 20e6 / 8, "uploadThroughput": 5e6 / 8},
    "5 Mbit/s": {"offline": False, "latency": 20, "downloadThroughput": 5e6 / 8, "uploadThroughput": 2e6 / 8},
}

BARE_HTML = b"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Pyodide nu</title>
<script type="module" src="/__bench__/bare.js"></script></head><body><p>Pyodide seul</p></body></html>"""
BARE_JS = b"""
const runtime = new URL("%RUNTIME%", location.href).href;
const w = new Worker("/__bench__/bare-worker.js", { type: "module" });
w.onmessage = (e) => { document.body.dataset.pret = String(performance.now()); document.body.dataset.message = e.data; };
w.postMessage({ runtime });
"""
BARE_WORKER = b"""
self.onmessage = async (e) => {
  try {
    const { loadPyodide } = await import(e.data.runtime + "pyodide.mjs");
    await loadPyodide({ indexURL: e.data.runtime, packages: [] });
    self.postMessage("ok");
  } catch (err) { self.postMessage("erreur: " + err); }
};
"""


def _serveur():
    spec = importlib.util.spec_from_file_location("_serveur", ROOT / "plugins" / "publication" / "serveur.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_site() -> Path:
    preset = os.environ.get("CADRE_LIBRE_OUTPUT")
    if preset:
        return Path(preset).resolve()
    out = Path(tempfile.mkdtemp(prefix="cadre-libre-bench-")) / "site"
    proc = subprocess.run(["make", "--no-print-directory", "build", f"OUTPUT={out}"], cwd=ROOT,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("build failed:\n" + proc.stdout[-3000:] + proc.stderr[-3000:])
    return out


def serve(site: Path, runtime_path: str, precompressed: bool):
    s = _serveur()
    files = {
        "/__bench__/bare.html": (BARE_HTML, "text/html"),
        "/__bench__/bare.js": (BARE_JS.replace(b"%RUNTIME%", runtime_path.encode()), "text/javascript"),
        "/__bench__/bare-worker.js": (BARE_WORKER, "text/javascript"),
    }

    class Handler(s.Handler):
        def do_GET(self):  # noqa: N802
            path = self.path.split("?")[0]
            if path in files:
                body, ctype = files[path]
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

    Handler.precompressed = precompressed
    server = s.Server(("127.0.0.1", 0), lambda *a, **k: Handler(*a, directory=str(site), **k))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


FIRST = """() => {
  const c = performance.getEntriesByName('calc-recalcul')[0];
  const r = performance.getEntriesByName('calc-moteur-pret')[0];
  return {first: c.startTime + c.duration, ready: r.startTime, phases: r.detail};
}"""


def _page(ctx, link):
    page = ctx.new_page()
    if link:
        cdp = ctx.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", link)
    return page


def visit(page, base: str, query: str, tjm: str) -> dict:
    page.goto(f"{base}/simulateurs/portage/{query}", wait_until="domcontentloaded")
    page.locator("#calc-portage-tjm").fill(tjm)
    page.wait_for_selector(f"#calc-portage[data-entrees*='\"tjm\":\"{tjm}\"']", timeout=300_000)
    return page.evaluate(FIRST)


def snapshot_stored(page) -> bool:
    return page.evaluate("""async () => {
      const c = await caches.open('cadre-libre-instantane');
      const keys = await c.keys();
      return keys.length === 2 && keys.some((k) => k.url.endsWith('?reference'));
    }""")


def sequence(browser, base: str, query: str, link, with_snapshot: bool) -> dict:
    """cold, warm (and snapshot) visits in one fresh context."""
    ctx = browser.new_context()
    page = _page(ctx, link)
    out = {"cold": visit(page, base, query, "640")["first"]}
    page.wait_for_timeout(300)
    if with_snapshot:
        # the service worker stores the runtime once installed: a second visit comes later
        page.wait_for_selector("html[data-hors-ligne='pret']", timeout=300_000)
        for _ in range(120):
            if snapshot_stored(page):
                break
            page.wait_for_timeout(500)
        else:
            out["snapshot_error"] = "no snapshot stored"
    sep = "&" if query else "?"
    out["warm"] = visit(page, base, query + (sep + "moteur=sans-instantane" if with_snapshot else ""), "650")["first"]
    if with_snapshot:
        m = visit(page, base, query, "660")
        out["snapshot"] = m["first"]
        out["snapshot_phase"] = m["phases"].get("snapshot")
    ctx.close()
    return out


def bare(browser, base: str, link) -> float:
    ctx = browser.new_context()
    page = _page(ctx, link)
    page.goto(f"{base}/__bench__/bare.html")
    page.wait_for_selector("body[data-pret]", timeout=300_000)
    assert page.get_attribute("body", "data-message") == "ok"
    t = float(page.get_attribute("body", "data-pret"))
    ctx.close()
    return t


def sizes(site: Path, version: str) -> dict:
    import zlib  # noqa: F401

    def brotli(data: bytes) -> int:
        proc = subprocess.run(["node", "-e", "const z=require('zlib');const d=require('fs').readFileSync(0);"
                               "process.stdout.write(String(z.brotliCompressSync(d,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,"
                               "[z.constants.BROTLI_PARAM_LGWIN]:24}}).length))"], input=data, capture_output=True)
        return int(proc.stdout)

    def row(paths, on_the_fly=False):
        raw = gz = br = 0
        for p in paths:
            data = p.read_bytes()
            raw += len(data)
            g, b = p.with_name(p.name + ".gz"), p.with_name(p.name + ".br")
            if not on_the_fly and g.exists():
                gz += g.stat().st_size
            else:
                gz += len(gzip.compress(data, 9))
            if not on_the_fly and b.exists():
                br += b.stat().st_size
            elif on_the_fly:
                br += brotli(data)
            else:
                br += len(data)
        return {"raw": raw, "gzip": gz, "brotli": br}

    article = next(p for p in sorted((site / "statuts").rglob("index.html"))
                   if 'class="calculateur"' not in p.read_text(encoding="utf-8"))
    theme = site / "theme"
    css = sorted((theme / "css").glob("*.css"))
    calc_page = site / "simulateurs" / "portage" / "index.html"
    base = site / "runtime" / f"pyodide-{version}"
    common = [base / n for n in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")]
    common += list((site / "runtime").glob("calculators-*.whl"))
    common += [theme / "js" / "calculateur-worker.js"]
    after_rt = common + list(base.glob("python_stdlib-*.zip"))
    before_rt = common + [base / "python_stdlib.zip"]
    return {
        "article": {"path": "/" + str(article.parent.relative_to(site)) + "/",
                    **row([article] + css + [theme / "js" / "prechargement.js"])},
        "calculator_page": row([calc_page] + css + [theme / "js" / "calculateur.js"]),
        "runtime_after": row(after_rt),
        "runtime_before_on_the_fly": row(before_rt, on_the_fly=True),
    }


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=4, help="pairs per condition on localhost")
    ap.add_argument("--quick", action="store_true", help="localhost only")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    site = build_site()
    version = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())["version"]
    rt = f"/runtime/pyodide-{version}/"
    plain, base_plain = serve(site, rt, precompressed=False)
    packed, base_packed = serve(site, rt, precompressed=True)
    results: dict = {"pyodide": version, "sizes": sizes(site, version), "links": {}}
    links = {"localhost": LINKS["localhost"]} if args.quick else LINKS
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu", "--disable-quic"])
        # which coding Chromium takes from the local server (it advertises br on http://127.0.0.1?)
        ctx = browser.new_context()
        pg = ctx.new_page()
        resp = pg.goto(base_packed + "/simulateurs/portage/")
        results["content_encoding_page"] = resp.headers.get("content-encoding")
        ctx.close()
        for name, link in links.items():
            pairs = args.pairs if name == "localhost" else max(2, args.pairs // 2)
            rows = []
            for i in range(pairs):
                order = ("before", "after") if i % 2 == 0 else ("after", "before")
                row = {}
                for which in order:
                    if which == "before":
                        row["before"] = sequence(browser, base_plain, BEFORE, link, with_snapshot=False)
                        row["bare"] = bare(browser, base_plain, link)
                    else:
                        row["after"] = sequence(browser, base_packed, "", link, with_snapshot=True)
                rows.append(row)
                print(f"  {name} pair {i + 1}: before cold {row['before']['cold']:.0f} warm {row['before']['warm']:.0f}"
                      f" | after cold {row['after']['cold']:.0f} warm {row['after']['warm']:.0f}"
                      f" snapshot {row['after'].get('snapshot', float('nan')):.0f} ({row['after'].get('snapshot_phase')})"
                      f" | bare {row['bare']:.0f} ms", flush=True)
            results["links"][name] = rows
        browser.close()
    plain.shutdown()
    packed.shutdown()

    print()
    print(f"Pyodide {version}; local server sends {results['content_encoding_page']!r} for pages (after)")
    print(f"{'link':<11} {'what':<22} {'before ms':>10} {'after ms':>10} {'ratio (median of pairs)':>24}")
    summary = {}
    for name, rows in results["links"].items():
        s = {}
        for key, label in (("cold", "cold"), ("warm", "warm")):
            b = [r["before"][key] for r in rows]
            a = [r["after"][key] for r in rows]
            ratio = med([x / y for x, y in zip(a, b)])
            s[key] = {"before": med(b), "after": med(a), "ratio": ratio}
            print(f"{name:<11} {label:<22} {med(b):>10.0f} {med(a):>10.0f} {ratio:>24.2f}")
        snaps = [r["after"].get("snapshot") for r in rows if r["after"].get("snapshot_phase") == "restored"]
        cold_before = [r["before"]["cold"] for r in rows if r["after"].get("snapshot_phase") == "restored"]
        warm_before = [r["before"]["warm"] for r in rows if r["after"].get("snapshot_phase") == "restored"]
        if snaps:
            s["snapshot"] = {"after": med(snaps), "ratio_to_warm_before": med([x / y for x, y in zip(snaps, warm_before)]),
                             "ratio_to_cold_before": med([x / y for x, y in zip(snaps, cold_before)])}
            print(f"{name:<11} {'from snapshot':<22} {'':>10} {med(snaps):>10.0f} "
                  f"{s['snapshot']['ratio_to_warm_before']:>17.2f} x warm before")
        bares = [r["bare"] for r in rows]
        s["bare_pyodide"] = med(bares)
        s["after_cold_over_bare"] = med([r["after"]["cold"] / r["bare"] for r in rows])
        print(f"{name:<11} {'bare Pyodide (npm)':<22} {med(bares):>10.0f} {'':>10} "
              f"{s['after_cold_over_bare']:>17.2f} x (after cold / bare)")
        summary[name] = s
    results["summary"] = summary
    print()
    print(f"{'bytes':<28} {'raw':>12} {'gzip':>12} {'brotli':>12}")
    for key, r in results["sizes"].items():
        print(f"{key:<28} {r['raw']:>12,} {r['gzip']:>12,} {r['brotli']:>12,}")
    print("\nThe machine is shared: trust the per-pair ratios more than the absolute times.")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "runtime.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
