"""Where a build's time goes: one `pelican` run with a timer on each generator phase and each
plugin's signal handler (wall time, and CPU time of the build's main thread; work done in
other processes — Pagefind, the compression — shows as CPU of the children).

    python bench/phases_build.py CONTENT [pelican options]     (default: -s pelicanconf.py -o <tmp>)

e.g. `python bench/synthetique.py /tmp/c1000 1000 && python bench/phases_build.py /tmp/c1000`.
The times of nested phases overlap (a handler runs inside a generator's phase).
"""

import atexit
import collections
import resource
import sys
import tempfile
import time
from pathlib import Path

import blinker

W: dict = collections.defaultdict(float)
C: dict = collections.defaultdict(float)


def send(self, *sender, **kw):
    out = []
    s = sender[0] if sender else None
    for r in self.receivers_for(s):
        t, c = time.perf_counter(), time.thread_time()
        out.append((r, r(s, **kw)))
        k = f"signal {self.name}: {getattr(r,'__module__','?')}.{getattr(r,'__qualname__',r)}"
        W[k] += time.perf_counter() - t
        C[k] += time.thread_time() - c
    return out


blinker.base.Signal.send = send
import pelican.generators as g  # noqa: E402

for cls in (g.ArticlesGenerator, g.PagesGenerator, g.StaticGenerator, g.TemplatePagesGenerator):
    for m in ("generate_context", "generate_output"):
        f = getattr(cls, m, None)
        if f is None:
            continue

        def w(self, *a, _f=f, _n=f"{cls.__name__}.{m}", **k):
            t, c = time.perf_counter(), time.thread_time()
            r = _f(self, *a, **k)
            W[_n] += time.perf_counter() - t
            C[_n] += time.thread_time() - c
            return r
        setattr(cls, m, w)
t0 = time.perf_counter()


def report():
    total = time.perf_counter() - t0
    ru, rc = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"\n=== total wall {total:.2f} s; CPU self {ru.ru_utime+ru.ru_stime:.2f} s, children {rc.ru_utime+rc.ru_stime:.2f} s", file=sys.stderr)
    for k, v in sorted(W.items(), key=lambda kv: -kv[1]):
        if v > 0.05:
            print(f"{v:8.2f} wall {C[k]:8.2f} cpu  {k}", file=sys.stderr)


atexit.register(report)
from pelican import main  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
args = sys.argv[1:]
if "-s" not in args and "--settings" not in args:
    args += ["-s", str(ROOT / "pelicanconf.py")]
if "-o" not in args and "--output" not in args:
    args += ["-o", tempfile.mkdtemp(prefix="phases-build-")]
sys.argv = ["pelican", *args]
main()
