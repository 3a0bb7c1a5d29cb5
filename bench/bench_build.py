"""Build time at the site's size and at 200 and 1 000 synthetic articles, against plain Pelican.

    python bench/bench_build.py [--pairs N] [--sizes 0,200,1000] [--avant COMMIT]

For each size, the content (content/, plus N synthetic articles of the site's shape made by
bench/synthetique.py: copies of the real articles with their expressions, calculator blocks,
links and headings) is built, in interleaved pairs, by:

- the project: `pelican -s pelicanconf.py` (all plugins and checks, Pagefind and the
  precompressed .br/.gz copies included), twice in each pair:
  - warm cache: the build cache (`.cache/`: calculators wheel, compiled standard library,
    compressed copies, the search index kept) filled by one untimed build of the same content
    first — a rebuild, as `make serve` does, or CI restoring its cache;
  - new content: the build cache of a build of the site alone (content/: the runtime
    prepared, the site's pages compressed, its calculators' results kept), copied for each
    timed build — the first build after adding the synthetic articles to the site;
  - edit: the warm cache (copied for each timed build), and one article of the content given
    one more paragraph — the rebuild after an editor's change (`make serve`, CI after a push);
  - clone: the build cache as `make setup` leaves it on a clean clone (the runtime prepared:
    its standard library compiled, its files compressed; nothing of the content), copied for
    each timed build — the first build of a clean clone;
  - cold cache: an empty build cache for each timed build (`PRECOMPRESSION_CACHE`,
    `CALC_CACHE_DIR` and `PAGEFIND_CACHE` pointed at a new empty folder) — the first build of a clean clone:
    the wheel is built, the standard library compiled, every file compressed (the 9.6 MB
    wasm at brotli quality 11 included);
- plain Pelican: the same Markdown with Pelican's default settings (no plugin, no theme of
  ours; same URLs), the reference the issue asks for;
- with --avant COMMIT (default: the commit before issue 14, 3466ab9): the project as it was
  at that commit (extracted with `git archive`, same .venv and node_modules), building as many
  synthetic articles made from its own content/ (today's uses syntax it does not know).

Reported: the median time of each, the median of the per-pair ratios project / plain, and the
share of the machine's CPU time the hypervisor took (steal, /proc/stat) during the timed builds
(the machine is shared with other busy jobs: trust the paired ratios more than the times).
Results in bench/results/build.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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


def _cpu_ticks() -> list[int] | None:
    """The machine's CPU time so far (/proc/stat's first line, in ticks), or None."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            return [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None


# the share of the machine's CPU time the hypervisor gave to other guests during each timed
# build (/proc/stat's « steal »): on this shared machine it went from almost nothing to a quarter
# within an hour, and a build with both cores busy loses more to it than plain Pelican on one
STEAL: list[float] = []


def timed(cmd, cwd) -> float:
    env = dict(os.environ, COLUMNS="200")
    before = _cpu_ticks()
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    after = _cpu_ticks()
    if before and after and len(before) > 7:
        spent = [b - a for a, b in zip(before, after)]
        STEAL.append(spent[7] / max(1, sum(spent)))
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


def edit_one_article(content: Path, dest: Path) -> Path:
    """A copy of ``content`` with one article (the middle one, in the order of their paths)
    given one more paragraph: the rebuild after an editor's change."""
    shutil.copytree(content, dest)
    articles = sorted(p for p in dest.rglob("*.md") if p.parent.name not in ("rubriques", "pages"))
    article = articles[len(articles) // 2]
    with article.open("a", encoding="utf-8") as fh:
        fh.write("\n\nUn paragraphe ajouté pour la mesure d'une reconstruction.\n")
    return dest


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--sizes", default="0,200,1000")
    ap.add_argument("--avant", default="3466ab9", help="commit to compare with ('' to skip)")
    ap.add_argument("--caches", default="warm,edit,new,clone,cold",
                    help="among warm, edit, new, clone and cold (default: all)")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    caches = [c for c in args.caches.split(",") if c]
    results: dict = {"sizes": {}}
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmpdir:
        tmp = Path(tmpdir)
        (tmp / "plain.py").write_text(PLAIN, encoding="utf-8")
        avant = old_tree(args.avant, tmp) if args.avant else None
        for n in sizes:
            content = synthetique.make(tmp / f"content-{n}", n)
            plain_conf = tmp / f"plain-{n}.py"
            plain_conf.write_text(PLAIN.replace('PATH = "content"', f'PATH = "{content}"'), encoding="utf-8")

            # the project of an earlier commit builds synthetic articles made from its own content
            # (today's content uses syntax it may not know: « afficher: », new expressions…)
            before_content = synthetique.make(tmp / f"content-{n}-avant", n, avant / "content") if avant else None
            edited = {}  # the same content with one article changed (state "edit")
            if "edit" in caches:
                edited[content] = edit_one_article(content, tmp / f"content-{n}-modifie")
                if before_content is not None:
                    edited[before_content] = edit_one_article(before_content, tmp / f"content-{n}-avant-modifie")

            def project(tree: Path, out: str, cache: Path | None, content: Path | None = None,
                        ours: Path = content, before: Path | None = before_content) -> list:
                if content is None:
                    content = before if tree == avant else ours
                cmd = [PY, "-m", "pelican", str(content), "-o", str(tmp / out), "-s", str(tree / "pelicanconf.py")]
                if cache is not None:
                    cmd += ["-e", f"PRECOMPRESSION_CACHE={json.dumps(str(cache / 'compression'))}",
                            f"CALC_CACHE_DIR={json.dumps(str(cache / 'calculateurs'))}",
                            f"PAGEFIND_CACHE={json.dumps(str(cache / 'recherche'))}"]
                return cmd

            plain = [PY, "-m", "pelican", str(content), "-o", str(tmp / "out-plain"), "-s", str(plain_conf)]
            trees = {"ours": ROOT, **({"before": avant} if avant else {})}
            warm_cache = {name: tmp / f"cache-{name}" for name in trees}
            base_cache = {name: tmp / f"cache-base-{name}" for name in trees}
            for name, tree in trees.items():
                if "warm" in caches or "edit" in caches:  # one untimed build fills the warm cache
                    timed(project(tree, f"out-{name}", warm_cache[name]), tree)
                if "new" in caches and not base_cache[name].exists():  # the site alone, once
                    timed(project(tree, f"out-base-{name}", base_cache[name], content=tree / "content"), tree)
                if "clone" in caches and not (tmp / f"cache-setup-{name}").exists():  # what make setup prepares
                    prepare = tree / "plugins" / "calculateurs" / "runtime.py"
                    if "--preparer" in prepare.read_text(encoding="utf-8"):
                        timed([PY, str(prepare), "--preparer", str(ROOT / "node_modules" / "pyodide"),
                               str(tmp / f"cache-setup-{name}")], tree)
                    else:  # a tree from before make setup prepared anything
                        (tmp / f"cache-setup-{name}").mkdir()
            kinds = ["plain"] + [f"{name}_{c}" for name in trees for c in caches]
            rows = []
            for i in range(args.pairs):
                order = kinds if i % 2 == 0 else kinds[::-1]
                row = {}
                for which in order:
                    if which == "plain":
                        row["plain"] = timed(plain, ROOT)
                        continue
                    name, cache_kind = which.split("_")
                    source = None
                    if cache_kind == "warm":
                        cache = warm_cache[name]
                    elif cache_kind == "edit":  # the warm cache as it was, then one article edited
                        cache = tmp / f"cache-edit-{name}-{i}"
                        shutil.rmtree(cache, ignore_errors=True)
                        shutil.copytree(warm_cache[name], cache)
                        source = edited[before_content if trees[name] == avant else content]
                    elif cache_kind in ("new", "clone"):
                        cache = tmp / f"cache-{cache_kind}-{name}-{i}"
                        shutil.rmtree(cache, ignore_errors=True)
                        shutil.copytree(base_cache[name] if cache_kind == "new" else tmp / f"cache-setup-{name}", cache)
                    else:
                        cache = tmp / f"cache-cold-{name}-{i}"
                        shutil.rmtree(cache, ignore_errors=True)
                    row[which] = timed(project(trees[name], f"out-{name}", cache, source), trees[name])
                    if cache_kind in ("cold", "new", "clone", "edit"):
                        shutil.rmtree(cache, ignore_errors=True)
                rows.append(row)
                steal = STEAL[-len(row):]
                row["steal"] = round(max(steal), 3) if steal else None
                print(f"  {n} synthetic: " + ", ".join(f"{k} {v:.2f} s" for k, v in row.items() if k != "steal")
                      + (f" (steal: {100 * row['steal']:.0f} % at most)" if steal else ""), flush=True)
            articles = len(list(content.rglob("*.md"))) - len(list((content / "rubriques").glob("*.md"))) \
                - len(list((content / "pages").glob("*.md")))
            s = {"articles": articles, "plain_s": statistics.median(r["plain"] for r in rows), "rows": rows}
            for k in kinds[1:]:
                s[f"{k}_s"] = statistics.median(r[k] for r in rows)
                s[f"ratio_{k}_plain"] = statistics.median(r[k] / r["plain"] for r in rows)
                if k.startswith("ours_") and "before_" + k[5:] in kinds:
                    s[f"ratio_{k}_before"] = statistics.median(r[k] / r["before_" + k[5:]] for r in rows)
            steals = [r["steal"] for r in rows if r.get("steal") is not None]
            s["steal_max"] = max(steals) if steals else None
            results["sizes"][n] = s
    print()
    kinds = [k for k in next(iter(results["sizes"].values()))["rows"][0] if k not in ("plain", "steal")] \
        if results["sizes"] else []
    kinds = sorted(kinds, key=lambda k: (not k.startswith("ours"), k))
    head = f"{'articles':>8} {'plain s':>8}" + "".join(f" {k + ' s':>12}" for k in kinds) \
        + "".join(f" {k + '/plain':>18}" for k in kinds) \
        + "".join(f" {k + '/before':>18}" for k in kinds if k.startswith("ours_") and "before_" + k[5:] in kinds)
    print(head + "   (ratios: median of the per-pair ratios)")
    for s in results["sizes"].values():
        line = f"{s['articles']:>8} {s['plain_s']:>8.2f}" + "".join(f" {s[k + '_s']:>12.2f}" for k in kinds)
        line += "".join(f" {s['ratio_' + k + '_plain']:>18.2f}" for k in kinds)
        line += "".join(f" {s['ratio_' + k + '_before']:>18.2f}" for k in kinds
                        if k.startswith("ours_") and "before_" + k[5:] in kinds)
        print(line)
    print("\nwarm: the build cache (.cache/) filled by a previous build of the same content (a rebuild);"
          "\nedit: the same cache, one article changed (the rebuild after an editor's change);"
          "\nnew: the build cache of the site alone (the first build of the synthetic articles);"
          "\nclone: the build cache as make setup leaves it (the first build of a clean clone);"
          "\ncold: an empty build cache (the first build of a clean clone).")
    print("\nThe machine is shared: trust the per-pair ratios more than the absolute times.")
    steals = [s["steal_max"] for s in results["sizes"].values() if s.get("steal_max") is not None]
    if steals:
        print(f"CPU time taken by the hypervisor (steal) during a timed build: {100 * max(steals):.0f} % at most"
              " (above a few percent, the times and even the ratios move: run again)")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "build.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
