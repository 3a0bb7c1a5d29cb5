"""What the sources compute, computed once before the reading (plugins/calculateurs,
``a_calculer``; parallele.py, ``_precalculer``): the forecast read from a source names every
figure its reading computes, so that no worker of the reading pool computes a figure another
one has already computed.  (That the pages are the same, byte for byte, as a build read in
one process is tests/site/test_lecture_parallele.py's.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python")
sys.path.insert(0, str(ROOT / "plugins"))
from calculateurs import a_calculer  # noqa: E402


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Un net de {{ portage(tjm=600).net_avant_impot | euros }} et {{param('smic.horaire')|euros_cents}}.",
         [("expression", "portage(tjm=600).net_avant_impot | euros"), ("expression", "param('smic.horaire')|euros_cents")]),
        # the presets as the block passes them: an unknown field and « afficher » left out, the last of two kept
        ("Texte.\n\n::: calculateur portage\ntjm: 600\nafficher: tjm, jours\ninconnu: 3\njours: 18\ntjm: 650\n:::\n",
         [("bloc", "portage", (("tjm", "650"), ("jours", "18")))]),
        # an unknown calculator is left to the reading, which reports it
        ("::: calculateur introuvable\ntjm: 600\n:::\n", []),
        ("Pas de calcul ici : { accolades } et ::: seules.", []),
    ],
)
def test_the_forecast_of_a_source(source, expected):
    assert list(a_calculer(source)) == expected


def _serial_build_keeping_results(tmp_path: Path) -> dict:
    cache = tmp_path / "calculateurs"
    shutil.copytree(ROOT / ".cache" / "calculateurs", cache, ignore=shutil.ignore_patterns("resultats-*"))
    cmd = [PY, "-m", "pelican", str(ROOT / "content"), "-o", str(tmp_path / "out"), "-s", str(ROOT / "pelicanconf.py"),
           "-e", "PAGEFIND=false", "PRECOMPRESSION=false", "LECTURE_PARALLELE=0", f"CALC_CACHE_DIR={json.dumps(str(cache))}"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-3000:]
    (kept,) = cache.glob("resultats-*.json")
    return json.loads(kept.read_text(encoding="utf-8"))


def test_the_forecast_names_every_figure_the_sites_reading_computes(tmp_path):
    kept = _serial_build_keeping_results(tmp_path)  # what reading the site, alone, computed
    forecast = set()
    for path in (ROOT / "content").rglob("*.md"):
        forecast.update(a_calculer(path.read_text(encoding="utf-8")))
    expressions = {t[1] for t in forecast if t[0] == "expression"}
    blocks = {(t[1], json.dumps(dict(t[2]), sort_keys=True)) for t in forecast if t[0] == "bloc"}
    assert len(kept["expressions"]) > 100 and len(kept["blocs"]) > 10
    assert sorted(set(kept["expressions"]) - expressions) == []
    assert sorted({(name, inputs) for name, inputs, _out in kept["blocs"]} - blocks) == []


def test_a_parallel_build_computes_the_forecast_first(tmp_path):
    cmd = [PY, "-m", "pelican", str(ROOT / "content"), "-o", str(tmp_path / "out"), "-s", str(ROOT / "pelicanconf.py"), "-v",
           "-e", "PAGEFIND=false", "PRECOMPRESSION=false", "CALC_GARDER_RESULTATS=false", "LECTURE_PARALLELE=2"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
                          env=dict(os.environ, COLUMNS="250"))
    assert done.returncode == 0, done.stderr[-3000:]
    log = re.sub(r"\s+", " ", done.stdout + done.stderr)
    m = re.search(r"\((\d+) calculs faits d'avance\)", log)
    assert m, log[-2000:]
    forecast = set()
    for path in (ROOT / "content").rglob("*.md"):  # the articles, the pages and the sections' introductions
        forecast.update(a_calculer(path.read_text(encoding="utf-8")))
    assert int(m.group(1)) == len(forecast)  # nothing kept from an earlier build: all of it
