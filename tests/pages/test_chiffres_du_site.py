"""Every figure the build computed, in the built site, equals the
calculators' output: prose expressions (each marked with the expression it
came from) are evaluated again here with an independent sandbox and
hand-written French formatting, and each prerendered calculator shows what
the command line prints for its presets.  The runtime is shipped, and only
pages with a calculator load it."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from _outils import ROOT, calendrier, cli, date_fr, de_lettres, euros, euros_cents, figure, lettres, nombre, pourcent
from jinja2.sandbox import ImmutableSandboxedEnvironment

import calculators
from calculators.core import dates, parametres

EXPR = re.compile(r'<span class="calc-expr" data-expr="([^"]*)">([^<]*)</span>')
BLOCK = re.compile(r'<div class="calculateur" id="([^"]+)" data-calculateur="([^"]+)"[^>]*data-presets="([^"]*)"')


class _Obj:
    def __init__(self, data):
        self._d = data

    def __getattr__(self, k):
        v = self._d[k]  # KeyError: the site shows an attribute the result does not have
        return _Obj(v) if isinstance(v, dict) else v


def _env():
    env = ImmutableSandboxedEnvironment()
    cache = {}

    def calc(name):
        def call(**kw):
            key = json.dumps([name, kw], sort_keys=True)  # the same inputs may go to several calculators
            if key not in cache:
                out = calculators.run(name, kw)
                assert out["ok"], out
                cache[key] = out["result"]
            return _Obj(cache[key])
        return call

    for n in calculators.names():
        env.globals[n] = calc(n)
    env.globals["param"] = lambda name, date=None: parametres.valeur(
        name, dates.default_date() if date is None else __import__("datetime").date.fromisoformat(date))
    env.globals["calendrier"] = lambda annee=None, alsace_moselle=False: _Obj(
        calendrier(dates.default_date().year if annee is None else annee, alsace_moselle))
    env.filters.update(euros=euros, euros_cents=euros_cents, pourcent=pourcent, nombre=nombre, date_fr=date_fr,
                       lettres=lettres, de_lettres=de_lettres)
    return env


def _pages(site_dir: Path):
    return sorted(p for p in site_dir.rglob("*.html") if "/runtime/" not in str(p) and "pagefind" not in p.parts)


def test_every_prose_figure_equals_its_expression(site_dir):
    env = _env()
    seen = 0
    wrong = []
    for page in _pages(site_dir):
        for expr, shown in EXPR.findall(page.read_text(encoding="utf-8")):
            expr = html.unescape(expr)
            expected = str(env.compile_expression(expr)())
            seen += 1
            if html.unescape(shown) != expected:
                wrong.append(f"{page.relative_to(site_dir)}: {{{{ {expr} }}}} shows {shown!r}, expected {expected!r}")
    assert seen > 0, "no computed figure found in the site"
    assert not wrong, "\n".join(wrong[:20])


def test_every_prerendered_calculator_equals_the_command_line(site_dir):
    blocks = 0
    for page in _pages(site_dir):
        text = page.read_text(encoding="utf-8")
        for uid, name, presets in BLOCK.findall(text):
            blocks += 1
            ref = cli(name, json.loads(html.unescape(presets)))
            start = text.index(f'id="{uid}-resultat"')
            end = text.index("</dl>", start)
            shown = re.findall(r'data-code="([^"]+)"><dt>[^<]*</dt><dd><span class="[^"]*calc-valeur" '
                               r'data-valeur="([^"]+)">([^<]*)</span>', text[start:end])
            assert [c for c, _, _ in shown] == [c["code"] for c in ref["chiffres_cles"]], page
            for (code, valeur, txt), c in zip(shown, ref["chiffres_cles"]):
                assert float(valeur) == c["valeur"], (page, code)
                assert txt == figure(c["valeur"], c["unite"]), (page, code)
    assert blocks >= 3  # the three simulator pages at least


def test_runtime_is_shipped_under_versioned_paths(site_dir):
    version = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())["version"]
    base = site_dir / "runtime" / f"pyodide-{version}"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (base / name).read_bytes() == (ROOT / "node_modules" / "pyodide" / name).read_bytes(), name
    wheels = list((site_dir / "runtime").glob("calculators-*.whl"))
    assert len(wheels) == 1
    page = (site_dir / "simulateurs" / "portage" / "index.html").read_text(encoding="utf-8")
    assert f'data-runtime="/runtime/pyodide-{version}/"' in page
    assert f'data-wheel="/runtime/{wheels[0].name}"' in page


# What makes a browser fetch a file at load time: a script, a stylesheet or preload link, an image,
# a frame.  The prefetch-on-intent script's data-fichiers attribute lists the runtime's files without
# loading them (they are fetched only when the reader points at a link to a calculator:
# tests/site/test_site_runtime.py checks it in Chromium), so attributes named data-* are not loads.
CHARGE = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?\s(?:src|href)="([^"]*)"', re.I)


def test_pages_without_calculator_do_not_load_the_calculator_code(site_dir):
    plain = [p for p in _pages(site_dir) if not re.search(r'class="calculateur[ "]', p.read_text(encoding="utf-8"))]
    assert plain
    for p in plain:
        loads = CHARGE.findall(p.read_text(encoding="utf-8"))
        assert loads, p  # the pattern sees the page's own stylesheet and scripts
        assert not [u for u in loads if "calculateur.js" in u or "calculateur-worker" in u or "/runtime/" in u], p
