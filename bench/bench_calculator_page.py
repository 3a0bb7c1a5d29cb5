"""Calculators in the pages, measured in headless Chromium (issue 4).

    python bench/bench_calculator_page.py [--runs N] [--changes N]

Uses the site in $CADRE_LIBRE_OUTPUT, or builds it (`make build`) into a
temporary folder, and serves it on 127.0.0.1.  Reports:

- bytes transferred by an article page without calculator (and checks that
  not one byte of Pyodide is among them), and by a calculator page before any
  interaction (up to its `load` event; what the idle-time preload of the
  engine adds is reported apart);
- time from navigation to the first live recompute on the portage page (the
  visitor types a TJM as soon as the page is interactive), beside a bare
  Pyodide boot (a page whose module worker only loads Pyodide from the same
  files) measured in the same run, alternately, each in a fresh browser
  context (cold cache); target: at most 1.15 x the bare boot;
- recompute latency over 50 changes of the TJM: the worker round trip
  (post -> Python computes and renders -> result in the DOM), as measured by
  the page itself (`performance.measure("calc-recalcul")`, the debounce
  excluded); target p95 under 50 ms.

Results are printed and written to bench/results/calculator_page.json.
Performance is measured here, never by timed assertions in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

from bench_runtime import build_site
from bench_runtime import serve as _serve_runtime

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def serve(site: Path, runtime_path: str):
    """The site as a server that does not send the precompressed copies (what this bench has
    always measured), with the bare Pyodide page of bench_runtime.py."""
    return _serve_runtime(site, runtime_path, precompressed=False)


def transferred(page_requests) -> int:
    total = 0
    for r in page_requests:
        s = r.sizes()
        total += s["responseBodySize"] + s["responseHeadersSize"]
    return total


def page_bytes(browser, url: str) -> dict:
    ctx = browser.new_context()
    requests = []
    ctx.on("requestfinished", lambda r: requests.append(r))
    page = ctx.new_page()
    page.goto(url, wait_until="load")
    at_load = list(requests)
    bytes_at_load = transferred(at_load)
    page.wait_for_timeout(4500)  # requestIdleCallback's timeout is 4 s
    if "/simulateurs/" in url:  # the idle-time preload of the engine, until ready
        page.wait_for_selector(".calc--chargement", state="detached", timeout=120_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    after = list(requests)
    engine = [r for r in after if "/runtime/" in r.url or r.url.endswith("calculateur-worker.js")]
    out = {
        "url": url,
        "bytes_at_load": bytes_at_load,
        "requests_at_load": [r.url for r in at_load],
        "runtime_requests_at_load": [r.url for r in at_load if "/runtime/" in r.url],
        "bytes_engine_preload": transferred(engine),
        "bytes_total": transferred(after),
        "runtime_requests_total": len([r for r in after if "/runtime/" in r.url]),
    }
    ctx.close()
    return out


def bare_boot(browser, base: str) -> float:
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(f"{base}/__bench__/bare.html")
    page.wait_for_selector("body[data-pret]", timeout=120_000)
    assert page.get_attribute("body", "data-message") == "ok", page.get_attribute("body", "data-message")
    t = float(page.get_attribute("body", "data-pret"))
    ctx.close()
    return t


def first_recompute(browser, base: str) -> float:
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(f"{base}/simulateurs/portage/", wait_until="domcontentloaded")
    page.locator("#calc-portage-tjm").fill("650")  # the visitor's first interaction
    page.wait_for_selector("#calc-portage[data-entrees*='\"tjm\":\"650\"']", timeout=120_000)
    m = page.evaluate("""() => {
        const c = performance.getEntriesByName('calc-recalcul')[0];
        const r = performance.getEntriesByName('calc-moteur-pret')[0];
        return {first: c.startTime + c.duration, first_compute: c.duration,
                ready: r.startTime, phases: r.detail};
    }""")
    ctx.close()
    return m


def recompute_latencies(browser, base: str, changes: int) -> list[float]:
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(f"{base}/simulateurs/portage/")
    field = page.locator("#calc-portage-tjm")
    field.fill("601")
    page.wait_for_selector("#calc-portage[data-entrees*='\"tjm\":\"601\"']", timeout=120_000)
    page.evaluate("() => performance.clearMeasures('calc-recalcul')")
    for i in range(changes):
        value = str(602 + i * 7)
        field.fill(value)
        page.wait_for_selector(f"#calc-portage[data-entrees*='\"tjm\":\"{value}\"']")
    out = page.evaluate("() => performance.getEntriesByName('calc-recalcul').map(e => e.duration)")
    ctx.close()
    return out


def pct(values, q):
    s = sorted(values)
    k = (len(s) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--changes", type=int, default=50)
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    site = build_site()
    version = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())["version"]
    server, base = serve(site, f"/runtime/pyodide-{version}/")
    article = next(
        p for p in sorted((site / "statuts").rglob("index.html"))
        if 'class="calculateur"' not in p.read_text(encoding="utf-8")
    )
    article_url = base + "/" + str(article.parent.relative_to(site)) + "/"
    results: dict = {"pyodide": version}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu", "--disable-quic"])
        results["article"] = page_bytes(browser, article_url)
        results["calculator_page"] = page_bytes(browser, f"{base}/simulateurs/portage/")
        bare, first, details = [], [], []
        for _ in range(args.runs):
            bare.append(bare_boot(browser, base))
            d = first_recompute(browser, base)
            details.append(d)
            first.append(d["first"])
        results["bare_boot_ms"] = bare
        results["first_recompute_ms"] = first
        results["first_recompute_details"] = details
        lat = recompute_latencies(browser, base, args.changes)
        results["recompute_ms"] = lat
        browser.close()
    server.shutdown()

    a, c = results["article"], results["calculator_page"]
    mb, mf = statistics.median(bare), statistics.median(first)
    print(f"Pyodide {version}, headless Chromium, site {site}")
    print(f"Article ({a['url'].split('/', 3)[-1]}): {a['bytes_at_load'] / 1024:.1f} KB at load, "
          f"{a['bytes_total'] / 1024:.1f} KB in all; Pyodide requests: {a['runtime_requests_total']}")
    print(f"Calculator page (portage): {c['bytes_at_load'] / 1024:.1f} KB before any interaction (at load; "
          f"Pyodide requests: {len(c['runtime_requests_at_load'])}); idle-time engine preload adds "
          f"{c['bytes_engine_preload'] / 1024 / 1024:.2f} MB")
    print(f"Bare Pyodide boot: median {mb:.0f} ms {['%.0f' % x for x in bare]}")
    print(f"Navigation -> first live recompute: median {mf:.0f} ms {['%.0f' % x for x in first]}"
          f" = {mf / mb:.2f} x bare boot (target <= 1.15)")
    ratios = [f / b for f, b in zip(first, bare)]
    extra = [d["phases"].get("wheel", 0) + d["phases"].get("python_import", 0) + d["first_compute"] for d in details]
    print(f"  per-run ratios (each first recompute / the bare boot just before it): "
          f"{['%.2f' % r for r in ratios]}, median {statistics.median(ratios):.2f}")
    print(f"  inside the worker, after Pyodide's own boot: unpack the wheel + import calculators and "
          f"parameters + first compute and render = median {statistics.median(extra):.0f} ms "
          f"({statistics.median(extra) / mb * 100:.0f} % of the median bare boot)")
    print(f"Recompute latency over {len(lat)} changes: p50 {pct(lat, 0.5):.1f} ms, p95 {pct(lat, 0.95):.1f} ms,"
          f" max {max(lat):.1f} ms (target p95 < 50 ms)")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    results["summary"] = {
        "article_kb": round(a["bytes_at_load"] / 1024, 1),
        "article_pyodide_requests": a["runtime_requests_total"],
        "calculator_page_kb_before_interaction": round(c["bytes_at_load"] / 1024, 1),
        "engine_preload_mb": round(c["bytes_engine_preload"] / 1024 / 1024, 2),
        "bare_boot_ms_median": round(mb),
        "first_recompute_ms_median": round(mf),
        "ratio": round(mf / mb, 3),
        "ratio_per_run_median": round(statistics.median(ratios), 3),
        "extra_after_boot_ms_median": round(statistics.median(extra)),
        "recompute_p50_ms": round(pct(lat, 0.5), 2),
        "recompute_p95_ms": round(pct(lat, 0.95), 2),
    }
    (out / "calculator_page.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
