"""The Markdown sources read by a pool of worker processes (plugins/calculateurs/parallele.py):
a build that reads them in parallel writes the same pages, byte for byte, as a build that
reads them one after the other in its own process, and a content error fails it with the
same ``fichier:ligne`` messages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python")


def _build(content: Path, out: Path, workers: int) -> subprocess.CompletedProcess:
    cmd = [PY, "-m", "pelican", str(content), "-o", str(out), "-s", str(ROOT / "pelicanconf.py"), "-v",
           "-e", "PAGEFIND=false", "PRECOMPRESSION=false", "CALC_GARDER_RESULTATS=false",
           f"LECTURE_PARALLELE={workers}"]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, COLUMNS="250"), stdin=subprocess.DEVNULL)


def _pages(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.html"))}


def _sources(content: Path) -> int:
    return sum(1 for _ in content.rglob("*.md"))


def test_parallel_reading_writes_the_same_pages(tmp_path):
    serial = _build(ROOT / "content", tmp_path / "serial", 0)
    assert serial.returncode == 0, serial.stderr[-3000:]
    assert "Lecture en parallèle" not in serial.stdout + serial.stderr
    parallel = _build(ROOT / "content", tmp_path / "parallel", 2)
    assert parallel.returncode == 0, parallel.stderr[-3000:]
    log = re.sub(r"\s+", " ", parallel.stdout + parallel.stderr)
    m = re.search(r"Lecture en parallèle : (\d+) sources lues par 2 processus, dont (\d+) relues ici", log)
    assert m, log[-2000:]
    # every Markdown source of the site but the rubriques' (read by no generator) went to the pool
    assert int(m.group(1)) >= _sources(ROOT / "content") - _sources(ROOT / "content" / "rubriques")
    assert m.group(2) == "0"
    reference = _pages(tmp_path / "serial")
    pages = _pages(tmp_path / "parallel")
    assert pages.keys() == reference.keys() and len(pages) > 40
    assert [p for p in pages if pages[p] != reference[p]] == []


def _error_lines(result: subprocess.CompletedProcess) -> list[str]:
    text = result.stdout + result.stderr
    return sorted(set(re.findall(r"[\w/.-]+\.md:\d+: [^\n]*", text)))


def test_a_content_error_read_in_parallel_fails_with_its_file_and_line(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    broken = sorted((content / "tjm").glob("*.md"))[-1]
    lines = broken.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if i > 10 and not line.strip())
    lines.insert(at, "Un chiffre : {{ nom_inconnu_du_guide | euros }}.")
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = {n: _build(content, tmp_path / f"out-{n}", n) for n in (0, 2)}
    for result in results.values():
        assert result.returncode != 0
    serial, parallel = _error_lines(results[0]), _error_lines(results[2])
    assert serial == parallel
    assert any(f"{broken.name}:{at + 1}:" in line and "nom_inconnu_du_guide" in line for line in parallel), parallel


def test_categories_and_tags_come_back_with_the_builds_settings():
    import sys

    sys.path.insert(0, str(ROOT / "plugins"))
    try:
        from calculateurs import parallele
    finally:
        sys.path.pop(0)
    from pelican.urlwrappers import Category, Tag

    worker_settings = {"SLUGIFY_SOURCE": "title", "MARKDOWN": {"in": "the worker"}}
    build_settings = {"SLUGIFY_SOURCE": "title", "MARKDOWN": {"in": "the build"}}
    category = Category("Portage salarial", worker_settings)
    category.slug = "portage"  # an explicit slug travels too
    metadata = {"category": category, "tags": [Tag("TJM", worker_settings)], "title": "x"}
    data = parallele._dumps(("<p>x</p>", metadata))
    assert b"the worker" not in data  # the settings do not travel
    content, back = parallele._Unpickler(data, build_settings).load()
    assert content == "<p>x</p>" and back["title"] == "x"
    assert back["category"].settings is build_settings and back["tags"][0].settings is build_settings
    assert (back["category"].name, back["category"].slug) == ("Portage salarial", "portage")
    assert back["tags"][0].slug == "tjm"
    assert back["tags"][0] == Tag("TJM", build_settings)
