"""The Markdown sources read on every core.

Reading the sources (Markdown, the calculators' blocks and expressions, the typography of
plugins/habillage) is most of a build's time, and Pelican reads one file after the other on
one core.  When the first source is about to be read, this module lists every Markdown
source the articles' and pages' generators will read (and the sections' introductions of
plugins/rubriques, ``RUBRIQUES_PATH``), and has them read by a pool of
worker processes (``fork``: each starts with the build's state, plugins and memos included)
while Pelican goes on in the build's process; the reader then returns, for each file, what
a worker read (plugins/calculateurs, ``CalculateurReader.read``).

What a worker returns is exactly what the reader returns (the HTML and the metadata), with:

- the results the worker's calculators and expressions computed that the build's process
  does not know yet (``_RESULTS`` and the expressions' memos): they are kept between builds
  by plugins/calculateurs as if computed here;
- what the receivers of ``PREPARER`` (plugins/habillage: the typography of the HTML, its
  headings) computed from the HTML, handed to the receivers of ``RETENIR`` in the build's
  process, which use it instead of computing it again.

A file whose reading, in the worker, logged a warning or an error, or failed, or reported
a content error, is read again in the build's process, the usual way: its messages (the
``fichier:ligne`` of a content error) and the build's failure are exactly those of a
serial build.  Categories, tags and authors travel without their settings (every one of
them would carry a copy of the whole settings) and get the build's settings back.

``LECTURE_PARALLELE`` (setting): the number of worker processes; default the number of
cores the build may use; 0 or 1 reads in the build's process only.  Without ``fork``
(macOS, Windows), the sources are read in the build's process.
"""

from __future__ import annotations

import io
import logging
import multiprocessing
import os
import pickle
from itertools import islice

from blinker import signal
from pelican import signals
from pelican.urlwrappers import URLWrapper

logger = logging.getLogger(__name__)

# Sent in a worker once a file is read (sender: the HTML); each receiver returns a picklable
# value computed from the HTML alone.
PREPARER = signal("cadre-libre.preparer-contenu")
# Sent in the build's process with the same HTML and ``valeurs``: {receiver's name: value}.
RETENIR = signal("cadre-libre.retenir-contenu")

MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")
CHUNK = 4

_STATE: dict = {"pool": None, "pending": {}, "started": False, "iter": None}
# Set in each worker (fork): the reader to use and the memos to report.
_WORKER: dict = {}


def workers(settings) -> int:
    n = settings.get("LECTURE_PARALLELE")
    if n is None:
        try:
            n = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            n = os.cpu_count() or 1
    return int(n)


# --- Metadata across processes ---------------------------------------------------------------

class _Pickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, URLWrapper):
            return ("urlwrapper", type(obj), {k: v for k, v in obj.__dict__.items() if k != "settings"})
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: bytes, settings):
        super().__init__(io.BytesIO(data))
        self.settings = settings

    def persistent_load(self, pid):
        kind, cls, state = pid
        if kind != "urlwrapper":
            raise pickle.UnpicklingError(f"unknown persistent id {kind!r}")
        obj = cls.__new__(cls)
        obj.__dict__.update(state)
        obj.settings = self.settings
        return obj


def _dumps(value) -> bytes:
    buf = io.BytesIO()
    _Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buf.getvalue()


# --- In a worker -------------------------------------------------------------------------------

class _Flag(logging.Handler):
    """In a worker, nothing is printed: a warning or an error only marks the file, which the
    build's process then reads again (and reports)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.raised = False

    def emit(self, record):
        self.raised = True


def _worker_init() -> None:
    root = logging.getLogger()
    flag = _Flag()
    for name in [None, *logging.root.manager.loggerDict]:
        lg = logging.getLogger(name)
        for h in list(getattr(lg, "handlers", [])):
            lg.removeHandler(h)
    root.addHandler(flag)
    root.setLevel(logging.WARNING)
    _WORKER["flag"] = flag


def _memos() -> list[dict]:
    from . import _RESULTS
    from . import expressions as _expressions

    return [_RESULTS, _expressions._MEMO, _expressions._CACHE]


def _read_one(path: str):
    """(path, pickled (content, metadata, memos, prepared)) or (path, None): read it again."""
    reader = _WORKER["reader"]
    flag = _WORKER["flag"]
    flag.raised = False
    memos = _memos()
    sizes = [len(m) for m in memos]
    try:
        content, metadata = reader._read_here(path)
    except BaseException:  # noqa: BLE001 - the build's process reads it again and reports
        return path, None
    if flag.raised:
        return path, None
    new = [list(islice(m.items(), n, None)) if len(m) >= n else list(m.items()) for m, n in zip(memos, sizes)]
    prepared = {}
    if content:
        for receiver, value in PREPARER.send(content):
            prepared[f"{receiver.__module__}.{receiver.__qualname__}"] = value
    try:
        return path, _dumps((content, metadata, new, prepared))
    except Exception:  # noqa: BLE001 - something that does not travel: read it here
        return path, None


def _read_chunk(paths: list[str]) -> list:
    return [_read_one(p) for p in paths]


def _compute_one(task) -> list:
    """The memos' entries that computing ``task`` (plugins/calculateurs, ``calculer``) added."""
    from . import calculer

    memos = _memos()
    sizes = [len(m) for m in memos]
    calculer(task)
    return [list(islice(m.items(), n, None)) if len(m) >= n else list(m.items()) for m, n in zip(memos, sizes)]


# --- In the build's process --------------------------------------------------------------------

def start(generator, reader) -> None:
    """Once per build, before its first source is read: the pool starts reading them all."""
    if _STATE["started"]:
        return
    _STATE["started"] = True
    settings = generator.settings
    n = workers(settings)
    if n <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return
    paths = []
    seen = set()
    for key_paths, key_excludes in (("ARTICLE_PATHS", "ARTICLE_EXCLUDES"), ("PAGE_PATHS", "PAGE_EXCLUDES")):
        for f in generator.get_files(settings[key_paths], exclude=settings[key_excludes],
                                     extensions=MARKDOWN_EXTENSIONS):
            path = os.path.abspath(os.path.join(generator.path, f))
            if path not in seen:
                seen.add(path)
                paths.append(path)
    # the sections' introductions (plugins/rubriques reads them once the articles are read)
    rubriques = settings.get("RUBRIQUES_PATH")
    if rubriques and os.path.isdir(os.path.join(generator.path, rubriques)):
        for f in sorted(os.listdir(os.path.join(generator.path, rubriques))):
            path = os.path.abspath(os.path.join(generator.path, rubriques, f))
            if f.rsplit(".", 1)[-1] in MARKDOWN_EXTENSIONS and path not in seen:
                seen.add(path)
                paths.append(path)
    if len(paths) < 2 * n:
        return
    _WORKER["reader"] = reader
    ctx = multiprocessing.get_context("fork")
    ahead = _precalculer(paths, ctx, n)
    pool = ctx.Pool(n, initializer=_worker_init)
    chunks = [paths[i:i + CHUNK] for i in range(0, len(paths), CHUNK)]
    _STATE["pool"] = pool
    _STATE["iter"] = pool.imap(_read_chunk, chunks)
    _STATE["left"] = set(paths)
    _STATE["counts"] = {"total": len(paths), "here": 0, "workers": n, "ahead": ahead}


def _precalculer(paths: list[str], ctx, n: int) -> int:
    """Before the reading: what the sources will compute (their prose expressions and blocks,
    plugins/calculateurs ``a_calculer``) and the memos do not hold yet, computed once across
    ``n`` processes, into the memos the reading workers then start with.  Each worker used to
    compute every figure of the sources it read: the same figure quoted in the files of two
    workers was computed twice, and every figure of a site made of copies was."""
    from . import a_calculer, deja_calcule

    tasks: dict = {}
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError):
            continue  # the reading reports it
        for task in a_calculer(text):
            tasks[task] = None
    todo = [t for t in tasks if not deja_calcule(t)]
    if not todo:
        return 0
    pool = ctx.Pool(n, initializer=_worker_init)
    try:
        for new in pool.imap_unordered(_compute_one, todo):
            for memo, items in zip(_memos(), new):
                for key, value in items:
                    memo.setdefault(key, value)
    finally:
        pool.terminate()
        pool.join()
    return len(todo)


def take(path: str, settings):
    """What a worker read of ``path`` ((content, metadata)), or None: read it here."""
    left = _STATE.get("left")
    if not left or path not in left:
        return None
    pending = _STATE["pending"]
    while path not in pending:
        try:
            chunk = next(_STATE["iter"])
        except StopIteration:
            break
        for p, data in chunk:
            pending[p] = data
    left.discard(path)
    data = pending.pop(path, None)
    if data is None:
        _STATE["counts"]["here"] += 1
    if not left:
        stop()
    if data is None:
        return None
    content, metadata, new, prepared = _Unpickler(data, settings).load()
    for memo, items in zip(_memos(), new):
        for key, value in items:
            memo.setdefault(key, value)
    if content and prepared:
        RETENIR.send(content, valeurs=prepared)
    return content, metadata


def stop(*_args, **_kwargs) -> None:
    pool = _STATE.get("pool")
    _STATE.update(pool=None, iter=None, left=set())
    _STATE["pending"].clear()
    if pool is not None:
        pool.terminate()
        pool.join()
        counts = _STATE.pop("counts", None)
        if counts:
            logger.info("Lecture en parallèle : %d sources lues par %d processus, dont %d relues ici "
                        "(%d calculs faits d'avance)", counts["total"], counts["workers"], counts["here"],
                        counts["ahead"])


def reset(*_args, **_kwargs) -> None:
    stop()
    _STATE["started"] = False


def register() -> None:
    # once the content is read (every build: `make serve` rebuilds with the same Pelican,
    # without a new `initialized`), the next build starts its own pool
    signals.initialized.connect(reset)
    signals.all_generators_finalized.connect(reset)
