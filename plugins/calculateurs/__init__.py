"""Pelican plugin ``calculateurs``: calculators in the pages.

- The block directive, on its own lines in a Markdown file::

      ::: calculateur portage
      tjm: 600
      jours: 18
      :::

  becomes the calculator's form (fields from its ``FIELDS``, values from the
  presets) and the result for the presets, prerendered by
  ``calculators.render`` (the renderer the browser worker uses too).
- Prose expressions ``{{ portage(tjm=600).net_avant_impot | euros }}`` are
  evaluated in a Jinja2 sandbox on the Markdown source, before conversion
  (see ``expressions.py``).
- Pages with a calculator get the metadata ``calculateurs`` (list of names),
  so templates load the JavaScript there only.
- The Pyodide runtime, its standard library compiled to bytecode and the
  calculators wheel are copied into the output under ``runtime/`` (see
  ``runtime.py``).

Any error (unknown calculator, bad preset, bad expression) is reported as
``path:line: message`` and fails the build.

- ``sw.js`` at the site's root: the service worker that keeps the calculators
  working offline after one visit (``service-worker.js``; network first).

Settings (all optional): ``CALC_PYODIDE_DIR`` (default
``node_modules/pyodide`` of the project), ``CALC_RUNTIME_DIR`` (``runtime``),
``CALC_CACHE_DIR`` (``.cache/calculateurs``), ``CALC_SERVICE_WORKER`` (True),
``CALC_STDLIB_MODE`` (``trimmed``; ``hybrid``) and ``CALC_STDLIB_STORED`` (False): see
runtime.assemble_stdlib; ``CALC_GARDER_RESULTATS`` (True: the calculators' results and the
expressions' texts kept between builds, see _kept_path).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:  # pelican's entry point does not put the project on the path
    sys.path.insert(0, str(PROJECT_ROOT))

from blinker import signal  # noqa: E402
from markdown.extensions import Extension  # noqa: E402
from markdown.preprocessors import Preprocessor  # noqa: E402
from markdown.treeprocessors import Treeprocessor  # noqa: E402
from pelican import signals  # noqa: E402

import calculators  # noqa: E402
from calculators import render  # noqa: E402

from . import expressions as _expressions  # noqa: E402
from . import parallele as _parallele  # noqa: E402
from . import runtime as _runtime  # noqa: E402
from .expressions import ExpressionError, clear_memo, evaluate  # noqa: E402

logger = logging.getLogger(__name__)

OPEN_RE = re.compile(r"^:::\s*calculateur\b\s*(?P<name>.*?)\s*$")
CLOSE_RE = re.compile(r"^:::\s*$")
PRESET_RE = re.compile(r"^\s*(?P<key>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<value>.*?)\s*$")
EXPR_RE = re.compile(r"\{\{(?P<expr>.*?)\}\}")
META_RE = re.compile(r"^[A-Za-z0-9_-]+\s*:")
FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


class CalculateurError(Exception):
    """Build errors of the plugin: ``path:line: message`` lines."""


# Errors of the whole build; reported and raised once all content is read.
_ERRORS: list[str] = []
_STATE: dict = {}


def _rel(path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _runtime_info(settings) -> dict:
    """Pyodide version, wheel (built once per build) and their URLs."""
    if "info" not in _STATE:
        pyodide_dir = Path(settings.get("CALC_PYODIDE_DIR") or PROJECT_ROOT / "node_modules" / "pyodide")
        cache = Path(settings.get("CALC_CACHE_DIR") or PROJECT_ROOT / ".cache" / "calculateurs")
        rt = settings.get("CALC_RUNTIME_DIR", "runtime")
        version = _runtime.pyodide_version(pyodide_dir)
        wheel = _runtime.build_wheel(PROJECT_ROOT, cache)
        stdlib = _runtime.assemble_stdlib(
            pyodide_dir, _runtime.compile_stdlib(pyodide_dir, cache), _runtime.wheel_stdlib_modules(wheel), cache,
            stored=bool(settings.get("CALC_STDLIB_STORED", _runtime.DEFAULT_STDLIB_STORED)),
            mode=settings.get("CALC_STDLIB_MODE", _runtime.DEFAULT_STDLIB_MODE),
            closure=_runtime.wheel_stdlib_closure(wheel),
        )
        _STATE["info"] = {
            "stdlib": stdlib,
            "stdlib_path": f"{rt}/pyodide-{version}/{_runtime.stdlib_name(stdlib)}",
            "pyodide_dir": pyodide_dir,
            "runtime_dir": rt,
            "version": version,
            "wheel": wheel,
            "pyodide_path": f"{rt}/pyodide-{version}/",
            "wheel_path": f"{rt}/{_runtime.wheel_name(wheel)}",
        }
    return _STATE["info"]


# Across the pages of one build: the result of each calculator for given presets, and the
# HTML of each block (the same block in many pages runs and renders once). Cleared by
# `initialized` (each rebuild of `make serve` reads the calculators' sources again).
_RESULTS: dict = {}
_BLOCKS: dict = {}


def _run_cached(name: str, raw: dict) -> dict:
    key = (name, json.dumps(raw, sort_keys=True))
    if key not in _RESULTS:
        _RESULTS[key] = calculators.run(name, dict(raw))
    return _RESULTS[key]


AFFICHER = "afficher"
CALC_START = "<!--calculateur-->"
CALC_END = "<!--/calculateur-->"


class Page:
    """What the plugin does to one Markdown source."""

    def __init__(self, source_path, settings):
        self.source_path = source_path
        self.settings = settings
        self.names: list[str] = []
        self.errors: list[str] = []
        self.count = 0

    def error(self, line: int, message: str):
        self.errors.append(f"{_rel(self.source_path)}:{line}: {message}")

    # -- expressions --------------------------------------------------------
    def expressions(self, text: str, lineno: int, md, wrap: bool) -> str:
        if "{{" not in text and "}}" not in text:
            return text

        def sub(m):
            expr = m.group("expr").strip()
            try:
                value = evaluate(expr)
            except ExpressionError as exc:
                self.error(lineno, f"expression {{{{ {expr} }}}} : {exc}")
                return ""
            if not wrap:
                return value
            html = (
                f'<span class="calc-expr" data-expr="{render._h(expr)}">{render._h(value)}</span>'
            )
            return md.htmlStash.store(html)

        out = EXPR_RE.sub(sub, text)
        leftover = EXPR_RE.sub("", text)
        if "{{" in leftover or "}}" in leftover:
            self.error(lineno, "accolades {{ … }} non appariées (une expression tient sur une ligne)")
        return out

    # -- the block directive ------------------------------------------------
    def block(self, name: str, open_line: int, presets: list, md) -> str:
        if name not in calculators.names():
            self.error(open_line, f"calculateur inconnu « {name} » (disponibles : {', '.join(calculators.names())})")
            return ""
        calc = calculators.get(name)
        by_name = {f.name: f for f in calc.FIELDS}
        raw: dict = {}
        lines: dict = {}
        bad = False
        visible = None  # « afficher: tjm, jours »: those fields first (the other ones one click away)
        for line, key, value in presets:
            if key == AFFICHER and key not in by_name:
                visible = [v for v in re.split(r"[\s,]+", value) if v]
                unknown = [v for v in visible if v not in by_name]
                if unknown or not visible:
                    self.error(line, f"{name} : afficher : champ inconnu « {', '.join(unknown) or value} » "
                                     f"(champs : {', '.join(by_name)})")
                    bad = True
                continue
            if key not in by_name:
                self.error(line, f"{name} : champ inconnu « {key} » (champs : {', '.join(by_name)})")
                bad = True
                continue
            if key in raw:
                self.error(line, f"{name} : champ « {key} » donné deux fois")
                bad = True
            raw[key] = value
            lines[key] = line
        try:
            out = _run_cached(name, raw)
        except Exception as exc:  # a crashing calculator fails the build, at the block's line
            self.error(open_line, f"{name} : le calculateur a échoué : {type(exc).__name__} : {exc}")
            return ""
        if bad and out["ok"]:
            return ""
        folded = False
        if visible is None and not self.on_calculator_page():
            # in an article, a calculator starts compact: its first two fields, the
            # whole form one click away (« Tous les paramètres »)
            first = [f.name for f in calc.FIELDS if not f.advanced and not f.output][:2]
            if len(first) < len([f for f in calc.FIELDS if not f.advanced]):
                visible, folded = first, True
        if not out["ok"]:
            for key, msg in out["errors"].items():
                self.error(lines.get(key, open_line), f"{name} : {key} = « {raw.get(key, '')} » : {msg}" if key in raw
                           else f"{name} : {msg}" if key == "_" else f"{name} : {key} : {msg}")
            return ""
        result = out["result"]
        self.count += 1
        uid = f"calc-{name}" if self.count == 1 else f"calc-{name}-{self.count}"
        if name not in self.names:
            self.names.append(name)
        # on a simulator page, « afficher: » only orders the form (the essential fields
        # first, the whole result); elsewhere (the home page, an article) the block is compact
        whole = visible is not None and self.on_simulator_page()
        key = (name, json.dumps(raw, sort_keys=True), uid, self.settings.get("SITEURL", ""), tuple(visible or ()),
               folded, whole)
        html = _BLOCKS.get(key)
        if html is None:
            html = _BLOCKS[key] = build_block_html(name, calc, raw, result, uid, self.settings, visible, folded,
                                                   whole=whole)
        if self.count == 1:
            # the page's first calculator, marked: a calculator page shows it first,
            # right under its title (theme/templates/article.html), the prose after
            html = CALC_START + html + CALC_END
        return html

    def on_simulator_page(self) -> bool:
        """A page of the Simulateurs section (content/simulateurs/…)."""
        return "simulateurs" in Path(self.source_path).parts

    def on_calculator_page(self) -> bool:
        """A page of the Simulateurs section (content/simulateurs/…) or the home page
        (content/rubriques/accueil.md, whose block says what it shows)."""
        parts = Path(self.source_path).parts
        return "simulateurs" in parts or "rubriques" in parts

    # -- the whole source ---------------------------------------------------
    def process(self, lines: list[str], md) -> list[str]:
        out: list[str] = []
        i = 0
        n = len(lines)
        # front matter: lines "Key: value" up to the first blank line
        if n and META_RE.match(lines[0]):
            while i < n and lines[i].strip():
                out.append(self.expressions(lines[i], i + 1, md, wrap=False))
                i += 1
        fence = None
        while i < n:
            line = lines[i]
            fm = FENCE_RE.match(line)
            if fence:
                if fm and fm.group(1)[0] == fence[0] and len(fm.group(1)) >= len(fence):
                    fence = None
                out.append(line)
                i += 1
                continue
            if fm:
                fence = fm.group(1)
                out.append(line)
                i += 1
                continue
            m = OPEN_RE.match(line)
            if m:
                open_line = i + 1
                name = m.group("name")
                presets = []
                i += 1
                closed = False
                while i < n:
                    if CLOSE_RE.match(lines[i]):
                        closed = True
                        i += 1
                        break
                    if lines[i].strip():
                        pm = PRESET_RE.match(lines[i])
                        if pm:
                            presets.append((i + 1, pm.group("key"), pm.group("value")))
                        else:
                            self.error(i + 1, f"ligne illisible dans le bloc calculateur (attendu « champ: valeur ») : {lines[i].strip()!r}")
                    i += 1
                if not closed:
                    self.error(open_line, "bloc « ::: calculateur » jamais fermé par une ligne « ::: »")
                if not name:
                    self.error(open_line, "nommez le calculateur : « ::: calculateur portage »")
                    continue
                html = self.block(name, open_line, presets, md)
                out.extend(["", md.htmlStash.store(html) if html else "", ""])
                continue
            if line.strip().startswith(":::"):
                self.error(i + 1, f"directive inconnue : {line.strip()!r} (seule « ::: calculateur NOM » existe)")
            out.append(self.expressions(line, i + 1, md, wrap=True))
            i += 1
        return out


# --- What the sources will compute, computed first, once for all the readers ------------------
_BLOCK_RE = re.compile(r"^:::\s*calculateur\b\s*(?P<name>.*?)\s*$(?P<body>.*?)^:::\s*$", re.M | re.S)


def a_calculer(text: str):
    """What reading this Markdown source will compute, as tasks for ``calculer``: each prose
    expression (``("expression", text)``) and each calculator block (``("bloc", name, ((field,
    value), …))``, the presets as the block passes them).

    Only a forecast, read as the preprocessor reads a source (``Page.process``) but without its
    rules (code fences, front matter): a task that is not really in the page is computed for
    nothing, one that is missed is computed while the page is read.  Nothing computed ahead
    changes a page: the calculators are pure, and the memos keep only what the page's own
    reading would have kept (parallele.py, ``_precalculer``)."""
    if "{{" in text:
        for m in EXPR_RE.finditer(text):
            yield ("expression", m.group("expr").strip())
    if ":::" in text:
        for m in _BLOCK_RE.finditer(text):
            name = m.group("name")
            if name not in calculators.names():
                continue
            fields = {f.name for f in calculators.get(name).FIELDS}
            raw = {}
            for line in m.group("body").splitlines():
                pm = PRESET_RE.match(line)
                if pm and pm.group("key") in fields:
                    raw[pm.group("key")] = pm.group("value")
            yield ("bloc", name, tuple(raw.items()))


def deja_calcule(task) -> bool:
    if task[0] == "expression":
        return (task[1], _expressions.dates.default_date()) in _expressions._MEMO
    return (task[1], json.dumps(dict(task[2]), sort_keys=True)) in _RESULTS


def calculer(task) -> None:
    """Compute one task of ``a_calculer`` into the memos; an error is left for the page's own
    reading to report, at its line."""
    try:
        if task[0] == "expression":
            evaluate(task[1])
        else:
            _run_cached(task[1], dict(task[2]))
    except Exception:  # noqa: BLE001, S110 - reported where the page is read
        pass


def _inputs_summary(calc, values: dict) -> str:
    items = []
    for f in calc.FIELDS:
        v = values.get(f.name)
        if v is None or v == "":
            continue
        if f.kind == "choice":
            v = dict((str(a), b) for a, b in f.choices).get(str(v), v)
        elif f.kind == "boolean":
            v = "oui" if v else "non"
        elif f.kind == "date":
            v = render.date_fr(v)
        elif isinstance(v, (int, float)) and f.unit == "taux":
            v = render.pourcent(v)  # a rate, a fraction for the engine, is read as a percentage
        elif isinstance(v, (int, float)):
            v = render.nombre(v) + (f"\u00a0{f.unit}" if f.unit else "")
        items.append(f"<li>{render._h(f.label)} : <span data-champ=\"{render._h(f.name)}\">{render._h(v)}</span></li>")
    return "<ul>" + "".join(items) + "</ul>"


def build_block_html(name, calc, presets: dict, result: dict, uid: str, settings, visible=None,
                     folded: bool = False, whole: bool = False) -> str:
    """The HTML of one embedded calculator.  ``visible``: the fields shown first;
    ``whole``: with the whole result (a simulator page), else a compact block."""
    info = _runtime_info(settings)
    siteurl = settings.get("SITEURL", "")
    fields = calc.FIELDS
    driving = render.driving_field(fields, presets)
    values, _errors = calculators.core.schema.validate(fields, presets)
    shown = {}
    for f in fields:
        if f.name in presets:
            shown[f.name] = values.get(f.name)
        elif f.output and f.name != driving:
            shown[f.name] = result.get(f.name)  # a result the visitor may edit to invert
        elif f.kind == "date":
            shown[f.name] = None  # blank: the visitor's today (the rules' dates are in the result)
        else:
            shown[f.name] = values.get(f.name)
    form = render.render_form(name, fields, shown, uid, driving, visible=visible,
                              summary="Plus d’options" if whole else None)
    compact = visible and not whole
    year = render.rules_year(result)
    data = {
        "calculateur": name,
        "runtime": f"{siteurl}/{info['pyodide_path']}",
        "wheel": f"{siteurl}/{info['wheel_path']}",
        "stdlib": f"{siteurl}/{info['stdlib_path']}",
        "sw": f"{siteurl}/{SERVICE_WORKER}" if settings.get("CALC_SERVICE_WORKER", True) else "",
        "presets": {k: v for k, v in presets.items()},
    }
    return render.typographie(
        # data-pagefind-ignore: the search index keeps the prose, not the form and figures
        f'<div class="calculateur{" calculateur--replie" if folded else " calculateur--compact" if compact else ""}" id="{uid}" '
        f'data-calculateur="{render._h(name)}" data-pagefind-ignore="all"{" data-compact" if compact else ""} '
        f'data-runtime="{render._h(data["runtime"])}" data-wheel="{render._h(data["wheel"])}" '
        f'data-stdlib="{render._h(data["stdlib"])}" data-sw="{render._h(data["sw"])}" '
        f"data-presets=\"{render._h(json.dumps(data['presets'], ensure_ascii=False))}\">"
        + f'<form class="calc-form" id="{uid}-form" aria-label="{render._h(calc.TITLE)} : vos données" novalidate>'
        + f'<p class="calc-nojs" id="{uid}-nojs">Sans JavaScript, la page montre le résultat pour les valeurs '
        "préremplies ci-dessous ; activez JavaScript pour le recalculer avec vos propres chiffres. "
        "Le calcul se fait sur votre appareil : rien n'est envoyé.</p>"
        + form
        + "</form>"
        # the result's side: its state first (the live region, then the pending or
        # not-current notice the script puts before the figures), on every width
        + f'<div class="calc-cote" id="{uid}-cote">'
        + f'<p class="calc-etat" id="{uid}-etat" role="status" aria-live="polite"></p>'
        + f'<div class="calc-impression" id="{uid}-impression"><p>Simulation établie avec les règles {render._h(year)}'
        f' (données ci-dessous) ; résultat indicatif.</p>{_inputs_summary(calc, values)}</div>'
        + f'<div class="calc-sortie" id="{uid}-resultat" data-regles="{render._h(year)}">'
        + render.render_result(name, result, uid)
        + "</div></div></div>"
    )


class _Pre(Preprocessor):
    def __init__(self, md, page):
        super().__init__(md)
        self.page = page

    def run(self, lines):
        return self.page.process(lines, self.md)


class _Tables(Treeprocessor):
    """A table of the prose scrolls sideways on a phone: it sits in a region that
    the keyboard reaches (tabindex 0), named after its caption or its headings
    (axe: scrollable-region-focusable).  The calculators' tables have their own."""

    _PLACEHOLDER = re.compile("\x02wzxhzdk:([0-9]+)\x03")

    def _text(self, element) -> str:
        """The plain text of a cell, for an attribute: raw HTML kept aside by Markdown (a
        computed figure's <span>) is replaced by its text, never written into the attribute."""
        from html import unescape

        def raw(m):
            html = str(self.md.htmlStash.rawHtmlBlocks[int(m.group(1))])
            return unescape(re.sub(r"<[^>]*>", "", html))

        return re.sub(r"\s+", " ", self._PLACEHOLDER.sub(raw, "".join(element.itertext()))).strip()

    def run(self, root):
        import xml.etree.ElementTree as ET

        for parent in list(root.iter()):
            for i, child in enumerate(list(parent)):
                if child.tag != "table":
                    continue
                caption = child.find("caption")
                if caption is not None and self._text(caption):
                    name = self._text(caption)
                else:
                    heads = [self._text(th) for th in child.iter("th")][:3]
                    name = "Tableau : " + ", ".join(h for h in heads if h) if any(heads) else "Tableau"
                wrap = ET.Element("div", {"class": "tableau-defilant", "tabindex": "0", "role": "region",
                                          "aria-label": name})
                wrap.tail, child.tail = child.tail, None
                parent.remove(child)
                wrap.append(child)
                parent.insert(i, wrap)
        return None


class CalculateurExtension(Extension):
    def __init__(self, page, **kwargs):
        self.page = page
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # after normalize_whitespace (30), before meta (27): line numbers are the file's
        md.preprocessors.register(_Pre(md, self.page), "calculateurs", 28)
        md.treeprocessors.register(_Tables(md), "calculateurs-tableaux", 5)


def _wrap_reader(base):
    class CalculateurReader(base):
        def read(self, source_path):
            # read by a worker of the pool (parallele.py) unless it must be read here
            got = _parallele.take(os.path.abspath(source_path), self.settings)
            if got is not None:
                return got
            return self._read_here(source_path)

        def _read_here(self, source_path):
            page = Page(source_path, self.settings)
            original = self.settings
            md = dict(original["MARKDOWN"])
            md["extensions"] = list(md.get("extensions", [])) + [CalculateurExtension(page)]
            self.settings = dict(original)
            self.settings["MARKDOWN"] = md
            try:
                content, metadata = super().read(source_path)
            except CalculateurError:
                raise
            except Exception as exc:  # a calculator that crashes must fail the build too
                if not page.errors:
                    page.error(1, f"erreur inattendue pendant la lecture : {type(exc).__name__} : {exc}")
            finally:
                self.settings = original
            if page.errors:
                _ERRORS.extend(page.errors)
                raise CalculateurError("\n".join(page.errors))
            if page.names:
                metadata["calculateurs"] = page.names
            return content, metadata

    CalculateurReader.__name__ = f"Calculateur{base.__name__}"
    return CalculateurReader


def readers_init(readers):
    from pelican.readers import MarkdownReader

    for ext, cls in list(readers.reader_classes.items()):
        if isinstance(cls, type) and issubclass(cls, MarkdownReader) and not getattr(cls, "_calculateurs", False):
            new = _wrap_reader(cls)
            new._calculateurs = True
            readers.reader_classes[ext] = new


# --- Results kept between builds -------------------------------------------------------
# The calculators are pure: their results, and the text of each prose expression, depend only
# on the calculators' sources and parameter files (the wheel's digest, which covers
# calculators/), this plugin's code, the inputs and today's date.  They are kept in
# .cache/calculateurs/resultats-<key>.json, <key> a hash of all of these but the inputs; any
# change of one starts a new file.  Only successes are kept: an error is computed, hence
# reported, at each build.  Values are plain JSON (tests/site/test_resultats_gardes.py checks that a build from the kept
# results writes the same pages).


def _kept_path(settings) -> Path:
    from calculators.core import dates

    cache = Path(settings.get("CALC_CACHE_DIR") or PROJECT_ROOT / ".cache" / "calculateurs")
    h = hashlib.sha256(_runtime.sources_digest(PROJECT_ROOT).encode())
    for own in (Path(__file__), Path(__file__).with_name("expressions.py")):
        h.update(b"\0" + own.read_bytes())
    h.update(b"\0" + dates.today().isoformat().encode())
    return cache / f"resultats-{h.hexdigest()[:16]}.json"


_KEPT: dict = {}


def _load_kept(settings) -> None:
    from calculators.core import dates

    _KEPT.clear()
    path = _kept_path(settings)
    _KEPT["path"] = path
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    day = dates.default_date()
    try:
        for expression, text in data.get("expressions", {}).items():
            _expressions._MEMO[(expression, day)] = text
        for name, inputs, out in data.get("blocs", []):
            _RESULTS[(name, inputs)] = out
        for name, inputs, result in data.get("appels", []):
            _expressions._CACHE[(name, inputs)] = result
    except (TypeError, ValueError):  # a file of another shape: start afresh
        _expressions._MEMO.clear()
        _RESULTS.clear()
        _expressions._CACHE.clear()
    _KEPT["size"] = len(_expressions._MEMO) + len(_RESULTS) + len(_expressions._CACHE)


def _save_kept() -> None:
    path = _KEPT.get("path")
    if path is None or len(_expressions._MEMO) + len(_RESULTS) + len(_expressions._CACHE) == _KEPT.get("size"):
        return
    data = {
        "expressions": {expression: text for (expression, _day), text in _expressions._MEMO.items()},
        "blocs": [[name, inputs, out] for (name, inputs), out in _RESULTS.items() if out.get("ok")],
        "appels": [[name, inputs, result] for (name, inputs), result in _expressions._CACHE.items()],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
    for old in path.parent.glob("resultats-*.json"):
        if old != path:
            old.unlink(missing_ok=True)
    _KEPT["size"] = len(data["expressions"]) + len(data["blocs"]) + len(data["appels"])


def initialized(pelican):
    # the runtime's files are known now: plugins/publication may compress them while the
    # content is read (their quality-11 brotli is the slowest part of a first build)
    pyodide_dir = Path(pelican.settings.get("CALC_PYODIDE_DIR") or PROJECT_ROOT / "node_modules" / "pyodide")
    signal("cadre-libre.fichiers-connus").send(
        pelican, pelican=pelican, files=[pyodide_dir / name for name in _runtime.PYODIDE_FILES])
    clear_memo()
    _expressions._CACHE.clear()
    _ERRORS.clear()
    _STATE.clear()
    _RESULTS.clear()
    _BLOCKS.clear()
    if pelican.settings.get("CALC_GARDER_RESULTATS", True):
        _load_kept(pelican.settings)


def all_generators_finalized(generators):
    errors = list(_ERRORS)
    _ERRORS.clear()  # `make serve` rebuilds in the same process
    if errors:
        _STATE.clear()
        raise CalculateurError("calculateurs : la construction échoue :\n" + "\n".join(errors))
    _expose_runtime(generators)


def runtime_files(settings) -> list[str]:
    """URLs of what a calculator page loads beyond the page itself (scripts, Pyodide, its
    standard library, the wheel): what the prefetch on intent and the service worker fetch."""
    info = _runtime_info(settings)
    siteurl = settings.get("SITEURL", "")
    base = f"{siteurl}/{info['pyodide_path']}"
    return [
        f"{siteurl}/theme/js/calculateur.js",
        f"{siteurl}/theme/js/calculateur-worker.js",
        base + "pyodide.mjs",
        base + "pyodide.asm.mjs",
        base + "pyodide.asm.wasm",
        base + "pyodide-lock.json",
        f"{siteurl}/{info['stdlib_path']}",
        f"{siteurl}/{info['wheel_path']}",
    ]


def _expose_runtime(generators) -> None:
    """``CALC_RUNTIME`` in the templates' context: the runtime files and the calculator pages
    (for the prefetch on intent of theme/static/js/prechargement.js)."""
    contexts = {id(g.context): g.context for g in generators if hasattr(g, "context")}
    if not contexts:
        return
    settings = generators[0].settings
    siteurl = settings.get("SITEURL", "")
    pages = []
    for g in generators:
        for item in list(getattr(g, "articles", [])) + list(getattr(g, "pages", [])):
            if getattr(item, "calculateurs", None):
                pages.append(f"{siteurl}/{item.url}")
    for ctx in contexts.values():  # the home page holds the calculator of content/rubriques/accueil.md
        accueil = ctx.get("accueil")
        if accueil is not None and getattr(accueil, "calculateurs", None):
            pages.append(f"{siteurl}/")
    value = {"fichiers": runtime_files(settings), "pages": sorted(set(pages)), "marque": PAGES_LIEES}
    for ctx in contexts.values():
        ctx["CALC_RUNTIME"] = value


# Where the template puts the prefetch's calculator pages; ``pages_liees`` (the filter around
# the whole document, theme/templates/base.html) puts there those of the page's own links.
PAGES_LIEES = "@@pages-des-calculateurs@@"
_ANCRE = re.compile(r"<a\b[^>]*?\shref=\"([^\"#?]*)")
_PRECHARGEMENT = re.compile(r"\n?<script\b[^>]*\bdata-prechargement\b[^>]*></script>")


def pages_liees(html, runtime=None) -> str:
    """The page as rendered, its prefetch tag listing only the calculator pages the page links
    to (``<a href>``), or without that tag when it links to none.  Every page used to list every
    calculator page of the site: 19 KB a page at 1 000 articles, bytes that grew as the square
    of the site's size; the script only looks for the page's own links in that list anyway."""
    html = str(html)
    if PAGES_LIEES not in html:
        return html
    cibles = set((runtime or {}).get("pages") or ())
    liees = sorted(cibles.intersection(_ANCRE.findall(html)))
    if not liees:
        return _PRECHARGEMENT.sub("", html, count=1)
    return html.replace(PAGES_LIEES, " ".join(liees), 1)


def _on_generator_init(generator) -> None:
    env = getattr(generator, "env", None)
    if env is not None:
        env.filters["pages_liees"] = pages_liees


SERVICE_WORKER = "sw.js"
SERVICE_WORKER_SOURCE = Path(__file__).with_name("service-worker.js")


def write_service_worker(output: Path, settings) -> Path | None:
    """``sw.js`` at the site's root (a service worker controls the pages below its own
    folder): the source with this build's runtime files and a version derived from them."""
    target = output / SERVICE_WORKER
    if not settings.get("CALC_SERVICE_WORKER", True):
        if target.exists():
            target.unlink()
        return None
    files = runtime_files(settings)
    source = SERVICE_WORKER_SOURCE.read_text(encoding="utf-8")
    h = hashlib.sha256(("\n".join(files) + "\0" + source).encode())
    # the scripts' names do not change with their content: their bytes go into the version
    for name in ("calculateur.js", "calculateur-worker.js"):
        script = output / "theme" / "js" / name
        if script.is_file():
            h.update(script.read_bytes())
    version = h.hexdigest()[:12]
    text = source.replace("%VERSION%", version).replace("%RUNTIME%", json.dumps(files))
    target.write_text(text, encoding="utf-8")
    return target


def finalized(pelican):
    info = _runtime_info(pelican.settings)
    _runtime.install(
        Path(pelican.output_path), info["pyodide_dir"], info["wheel"], info["runtime_dir"], info["stdlib"]
    )
    write_service_worker(Path(pelican.output_path), pelican.settings)
    _save_kept()  # only reached by a build whose calculators and expressions all succeeded
    _STATE.clear()  # the next rebuild checks the calculators' sources again


def _before_first_read(generator) -> None:
    """Before the first source is read: the runtime's information (the wheel, the standard
    library: every worker inherits them) and the pool that reads the sources on every core."""
    reader = getattr(generator, "readers", None) and generator.readers.readers.get("md")
    if reader is None or not hasattr(reader, "_read_here") or _parallele.workers(generator.settings) <= 1:
        return
    _runtime_info(generator.settings)
    _parallele.start(generator, reader)


def register():
    _parallele.register()  # first: its pool is reset even when a handler below raises
    signals.initialized.connect(initialized)
    signals.readers_init.connect(readers_init)
    signals.article_generator_preread.connect(_before_first_read)
    signals.page_generator_preread.connect(_before_first_read)
    signals.all_generators_finalized.connect(all_generators_finalized)
    signals.finalized.connect(finalized)
    signals.generator_init.connect(_on_generator_init)
