"""Calculator results and expression texts kept between builds (plugins/calculateurs,
.cache/calculateurs/resultats-*.json): a build that reuses them writes the same pages, byte
for byte, as a build that computes everything; a wrong expression still fails the build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python")


def _build(content: Path, out: Path, cache: Path, *extra: str) -> subprocess.CompletedProcess:
    cmd = [PY, "-m", "pelican", str(content), "-o", str(out), "-s", str(ROOT / "pelicanconf.py"),
           "-e", "PAGEFIND=false", "PRECOMPRESSION=false", f"CALC_CACHE_DIR={json.dumps(str(cache))}", *extra]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, COLUMNS="250"), stdin=subprocess.DEVNULL)


def _pages(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.html"))}


def test_a_build_from_kept_results_writes_the_same_pages(tmp_path):
    cache = tmp_path / "cache"
    # the wheel and compiled standard library from the project's cache (slow to rebuild)
    if (ROOT / ".cache" / "calculateurs").is_dir():
        shutil.copytree(ROOT / ".cache" / "calculateurs", cache, ignore=shutil.ignore_patterns("resultats-*"),
                        dirs_exist_ok=True)
    computed = _build(ROOT / "content", tmp_path / "computed", cache, "CALC_GARDER_RESULTATS=false")
    assert computed.returncode == 0, computed.stderr[-3000:]
    assert not list(cache.glob("resultats-*.json"))
    first = _build(ROOT / "content", tmp_path / "first", cache)  # computes, then keeps
    assert first.returncode == 0, first.stderr[-3000:]
    kept = list(cache.glob("resultats-*.json"))
    assert len(kept) == 1
    data = json.loads(kept[0].read_text(encoding="utf-8"))
    assert len(data["expressions"]) > 100 and data["blocs"] and data["appels"]
    again = _build(ROOT / "content", tmp_path / "again", cache)  # reuses them
    assert again.returncode == 0, again.stderr[-3000:]
    reference = _pages(tmp_path / "computed")
    for name in ("first", "again"):
        pages = _pages(tmp_path / name)
        assert pages.keys() == reference.keys()
        assert [p for p in pages if pages[p] != reference[p]] == []


def test_a_wrong_expression_fails_even_with_kept_results(tmp_path):
    cache = tmp_path / "cache"
    if (ROOT / ".cache" / "calculateurs").is_dir():
        shutil.copytree(ROOT / ".cache" / "calculateurs", cache, dirs_exist_ok=True)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    assert _build(content, tmp_path / "ok", cache).returncode == 0
    article = next((content / "tjm").glob("*.md"))
    lines = article.read_text(encoding="utf-8").splitlines()
    lines.append("")
    lines.append("Un chiffre : {{ portage(tjm=600, jours=18).inconnu | euros }}.")
    article.write_text("\n".join(lines) + "\n", encoding="utf-8")
    broken = _build(content, tmp_path / "ko", cache)
    assert broken.returncode != 0
    log = broken.stdout + broken.stderr
    assert f"{article.name}:{len(lines)}" in log and "inconnu" in log


def test_a_kept_expression_text_is_not_computed_again(tmp_path):
    # the text kept for an expression is the one the page shows: a build whose kept file says
    # otherwise (here, a marker instead of the figure) shows the marker — it did not compute
    # the expression again (until 2026-12, the kept texts were dropped at the first expression)
    cache = tmp_path / "cache"
    if (ROOT / ".cache" / "calculateurs").is_dir():
        shutil.copytree(ROOT / ".cache" / "calculateurs", cache, ignore=shutil.ignore_patterns("resultats-*"),
                        dirs_exist_ok=True)
    first = _build(ROOT / "content", tmp_path / "first", cache)
    assert first.returncode == 0, first.stderr[-3000:]
    kept = next(cache.glob("resultats-*.json"))
    data = json.loads(kept.read_text(encoding="utf-8"))
    expression, text = next(iter(data["expressions"].items()))
    quoted = "data-expr=\"" + expression.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    shown = [p for p, html in _pages(tmp_path / "first").items() if quoted.encode() in html]
    assert shown, expression
    data["expressions"][expression] = "MARQUEUR-GARDE"
    kept.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = _build(ROOT / "content", tmp_path / "again", cache)
    assert again.returncode == 0, again.stderr[-3000:]
    assert b"MARQUEUR-GARDE</span>" in _pages(tmp_path / "again")[shown[0]]
