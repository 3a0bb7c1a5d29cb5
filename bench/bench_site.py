"""Weight of the pages and build time of the site (issue 2).

    python bench/bench_site.py [--runs N]

Builds the site with the same command as `make build` (N times, default 3, into a temporary
folder) and reports the median build time; then serves the last build on 127.0.0.1 and, in
headless Chromium with an empty cache, loads:

- the home page;
- an article: the heaviest article of the guide that embeds no calculator (worst case for
  reading pages; pages with a calculator are measured by bench_calculator_page.py).

For each page: number of requests, bytes transferred as served by the local server
(uncompressed, headers included, from the DevTools protocol), and the bytes a host that
compresses with gzip would send (each response body gzipped at level 6, plus its headers).
Target: under 60 KB (61 440 bytes) transferred per page, after compression.

Results are printed as a table and written to bench/results/site.json.
Performance is measured here, never by timed assertions in tests.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TARGET = 60 * 1024


def build(output: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        ["make", "--no-print-directory", "build", f"OUTPUT={output}"],
        cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit("La construction a échoué :\n" + result.stdout[-4000:] + result.stderr[-2000:])
    return elapsed


def heaviest_article(site: Path) -> str:
    best = (0, "")
    for path in site.rglob("index.html"):
        rel = path.relative_to(site).as_posix()
        parts = rel.split("/")
        if len(parts) != 3 or parts[0] in ("simulateurs", "brouillons", "pagefind", "runtime"):
            continue
        text = path.read_text(encoding="utf-8")
        if 'property="og:type" content="article"' in text and "calculateur.js" not in text:
            best = max(best, (path.stat().st_size, "/" + rel[: -len("index.html")]))
    if not best[1]:
        sys.exit("Aucun article trouvé dans le site construit.")
    return best[1]


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript"}

    def log_message(self, *args):
        pass


def measure(browser, url: str) -> dict:
    """Load `url` in a fresh context (empty cache) and add up what went over the wire."""
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    rows = []
    for request in responses:
        if not request.url.startswith("http"):
            continue  # data: URLs travel inside a stylesheet, already counted
        sizes = request.sizes()
        response = request.response()
        body = response.body() if response else b""
        head = sizes["responseHeadersSize"]
        rows.append((request.url.split("/", 3)[-1], head + sizes["responseBodySize"],
                     head + len(gzip.compress(body, 6))))
    context.close()
    return {
        "requests": len(rows),
        "bytes": sum(r[1] for r in rows),
        "bytes_gzip": sum(r[2] for r in rows),
        "resources": sorted((u, n) for u, n, _ in rows),
    }


def kb(n: int) -> str:
    return f"{n / 1024:.1f} Ko".replace(".", ",")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="number of builds timed (median reported)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        output = Path(tmp) / "site"
        times = [build(output) for _ in range(max(1, args.runs))]
        pages = {"accueil": "/", "article": heaviest_article(output)}
        html_count = sum(1 for _ in output.rglob("*.html"))

        handler = functools.partial(_Handler, directory=str(output))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        results = {}
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu", "--disable-quic"])
                for name, path in pages.items():
                    results[name] = {"path": path, **measure(browser, base + path)}
                browser.close()
        finally:
            server.shutdown()

    print()
    print(f"{'page':<10} {'adresse':<52} {'requêtes':>8} {'transféré':>11} {'gzip':>10}  cible < 60 Ko")
    for name, r in results.items():
        verdict = "OK" if r["bytes_gzip"] < TARGET else "DÉPASSÉ"
        print(f"{name:<10} {r['path'][:52]:<52} {r['requests']:>8} {kb(r['bytes']):>11} {kb(r['bytes_gzip']):>10}  {verdict}")
    for name, r in results.items():
        detail = ", ".join(f"{u or '/'} {kb(n)}" for u, n in r["resources"])
        print(f"  {name} : {detail}")
    median = statistics.median(times)
    print()
    print(f"construction du site ({html_count} pages HTML, `make build`) : médiane {median:.2f} s "
          f"sur {len(times)} construction(s) ({', '.join(f'{t:.2f}' for t in times)} s)")

    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "site.json").write_text(json.dumps({
        "build_seconds": times, "build_median_seconds": median, "html_pages": html_count,
        "pages": results, "target_bytes": TARGET,
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
