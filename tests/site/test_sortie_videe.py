"""The previous build's output is emptied without the build waiting for it (plugins/publication,
``vider_la_sortie``): renamed aside, deleted by a process of its own, while Pelican writes the
new one.  The output then holds exactly what the new build wrote (and what OUTPUT_RETENTION
keeps); an output Pelican would not delete is left to Pelican."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python")
sys.path.insert(0, str(ROOT / "plugins"))
from publication import vider_la_sortie  # noqa: E402


def _generator(output: Path, content: Path, **settings):
    return SimpleNamespace(context={}, settings={"DELETE_OUTPUT_DIRECTORY": True, "OUTPUT_PATH": str(output),
                                                 "PATH": str(content), "OUTPUT_RETENTION": [], **settings})


def _trash(parent: Path) -> list[str]:
    return sorted(n for n in os.listdir(parent) if ".a-supprimer-" in n)


def _gone(parent: Path, timeout: float = 30.0) -> bool:
    end = time.monotonic() + timeout
    while _trash(parent) and time.monotonic() < end:
        time.sleep(0.1)
    return not _trash(parent)


def test_the_old_output_goes_aside_and_is_deleted_in_the_background(tmp_path):
    out = tmp_path / "output"
    (out / "vieux" / "dossier").mkdir(parents=True)
    (out / "vieux" / "dossier" / "page.html").write_text("ancienne page", encoding="utf-8")
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    g = _generator(out, tmp_path / "content", OUTPUT_RETENTION=[".git"])
    vider_la_sortie(g)
    assert sorted(os.listdir(out)) == [".git"]
    assert (out / ".git" / "HEAD").read_text(encoding="utf-8") == "ref"
    assert _gone(tmp_path)
    vider_la_sortie(g)  # once per build: the same build's other generators leave it alone
    assert sorted(os.listdir(out)) == [".git"]


@pytest.mark.parametrize("case", ["output holds the content", "setting off", "link", "absent"])
def test_an_output_pelican_would_not_delete_is_left_alone(tmp_path, case):
    out = tmp_path / "output"
    out.mkdir()
    (out / "page.html").write_text("x", encoding="utf-8")
    content, settings, given = tmp_path / "content", {}, out
    if case == "output holds the content":
        content = out / "content"
        content.mkdir()
    elif case == "setting off":
        settings["DELETE_OUTPUT_DIRECTORY"] = False
    elif case == "link":
        given = tmp_path / "lien"
        given.symlink_to(out)
    else:
        given = tmp_path / "absente"
    vider_la_sortie(_generator(given, content, **settings))
    assert (out / "page.html").is_file()
    assert _trash(tmp_path) == []


def test_a_build_over_an_old_output_writes_only_its_own_files(tmp_path):
    out = tmp_path / "output"
    (out / "perime").mkdir(parents=True)
    (out / "perime" / "index.html").write_text("page supprimée du site", encoding="utf-8")
    cmd = [PY, "-m", "pelican", str(ROOT / "content"), "-o", str(out), "-s", str(ROOT / "pelicanconf.py"),
           "-e", "PAGEFIND=false", "PRECOMPRESSION=false", f"OUTPUT_RETENTION={json.dumps(['CNAME'])}"]
    (out / "CNAME").write_text("cadre-libre.fr", encoding="utf-8")
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-3000:]
    assert not (out / "perime").exists()
    assert (out / "CNAME").read_text(encoding="utf-8") == "cadre-libre.fr"
    assert (out / "index.html").is_file()
    assert _gone(tmp_path)
