"""Build time at the site's size and at 200 and 1 000 synthetic articles, against plain Pelican.

    python bench/bench_build.py [--pairs N] [--sizes 0,200,1000] [--avant COMMIT]

For each size, the content (content/, plus N synthetic articles of the site's shape made by
bench/synthetique.py: copies of the real articles with their expressions, calculator blocks,
links and headings) is built, in interleaved pairs, by:

- the project: `pelican -s pelicanconf.py` (all plugins and checks, Pagefind included; the
  precompression cache is warmed by one untimed build first, as on a developer's machine);
- plain Pelican: the same Markdown with Pelican's default settings (no plugin, no theme of
  ours; same URLs), the reference the issue asks for;
- with --avant COMMIT (default: the commit before issue 14, 3466ab9): the project as it was
  at that commit (extracted with `git archive`, same .venv and node_modules).

Reported: the median time of each, and the median of the per-pair ratios project / plain
(the machine is shared with other busy jobs: trust the paired ratios more than the times).
Results in bench/results/build.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetique  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")
PLAIN = """PATH = "content"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
ARTICLE_PATHS = ["statuts", "tjm", "portage-salarial", "simulateurs"]
ARTICLE_EXCLUDES = ["rubriques"]
PAGE_PATHS = []
ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
"""


def timed(cmd, cwd) -> float:
    env = dict(os.environ, COLUMNS="200")
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"build failed ({' '.join(map(str, cmd))}):\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
    return elapsed


def old_tree(commit: str, tmp: Path) -> Path:
    dest = tmp / "avant"
    dest.mkdir()
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    os.symlink(ROOT / "node_modules", dest / "node_modules")
    return dest


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--sizes", default="0,200,1000")
    ap.add_argument("--avant", default="3466ab9", help="commit to compare with ('' to skip)")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    results: dict = {"sizes": {}}
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmpdir:
        tmp = Path(tmpdir)
        (tmp / "plain.py").write_text(PLAIN, encoding="utf-8")
        avant = old_tree(args.avant, tmp) if args.avant else None
        for n in sizes:
            content = synthetique.make(tmp / f"content-{n}", n)
            plain_conf = tmp / f"plain-{n}.py"
            plain_conf.write_text(PLAIN.replace('PATH = "content"', f'PATH = "{content}"'), encoding="utf-8")
            ours = [PY, "-m", "pelican", str(content), "-o", str(tmp / "out-ours"), "-s", str(ROOT / "pelicanconf.py")]
            plain = [PY, "-m", "pelican", str(content), "-o", str(tmp / "out-plain"), "-s", str(plain_conf)]
            before = ([PY, "-m", "pelican", str(content), "-o", str(tmp / "out-avant"), "-s", str(avant / "pelicanconf.py")]
                      if avant else None)
            timed(ours, ROOT)  # warms the wheel, stdlib and compression caches
            if before:
                timed(before, avant)
            rows = []
            for i in range(args.pairs):
                order = ["plain", "ours", "before"] if i % 2 == 0 else ["before", "ours", "plain"]
                row = {}
                for which in order:
                    if which == "plain":
                        row["plain"] = timed(plain, ROOT)
                    elif which == "ours":
                        row["ours"] = timed(ours, ROOT)
                    elif before:
                        row["before"] = timed(before, avant)
                rows.append(row)
                print(f"  {n} synthetic: " + ", ".join(f"{k} {v:.2f} s" for k, v in row.items()), flush=True)
            articles = len(list(content.rglob("*.md"))) - len(list((content / "rubriques").glob("*.md"))) \
                - len(list((content / "pages").glob("*.md")))
            s = {
                "articles": articles,
                "plain_s": statistics.median(r["plain"] for r in rows),
                "ours_s": statistics.median(r["ours"] for r in rows),
                "ratio_ours_plain": statistics.median(r["ours"] / r["plain"] for r in rows),
                "rows": rows,
            }
            if before:
                s["before_s"] = statistics.median(r["before"] for r in rows)
                s["ratio_before_plain"] = statistics.median(r["before"] / r["plain"] for r in rows)
                s["ratio_ours_before"] = statistics.median(r["ours"] / r["before"] for r in rows)
            results["sizes"][n] = s
    print()
    print(f"{'articles':>8} {'plain s':>8} {'before s':>9} {'after s':>8} {'before/plain':>13} {'after/plain':>12} {'after/before':>13}"
          "   (ratios: median of pairs)")
    for s in results["sizes"].values():
        print(f"{s['articles']:>8} {s['plain_s']:>8.2f} {s.get('before_s', float('nan')):>9.2f} {s['ours_s']:>8.2f} "
              f"{s.get('ratio_before_plain', float('nan')):>13.2f} {s['ratio_ours_plain']:>12.2f} "
              f"{s.get('ratio_ours_before', float('nan')):>13.2f}")
    print("\nThe machine is shared: trust the per-pair ratios more than the absolute times.")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "build.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
