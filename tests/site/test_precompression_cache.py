"""The precompression's cache (plugins/publication/precompression.py): a file whose content
did not change is never compressed again, its copies come from the cache (hard links), and
the copies always decompress to the file they sit beside.  On small made-up sites: no build."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _module():
    spec = importlib.util.spec_from_file_location("_cadre_libre_precompression",
                                                  ROOT / "plugins" / "publication" / "precompression.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pc = _module()


def _brotli_decompress(paths: list[Path]) -> list[bytes]:
    script = ("const z=require('zlib'),fs=require('fs');"
              "const f=JSON.parse(fs.readFileSync(0,'utf8'));"
              "process.stdout.write(JSON.stringify(f.map(p=>z.brotliDecompressSync(fs.readFileSync(p)).toString('base64'))))")
    proc = subprocess.run([shutil.which("node"), "-e", script], input=json.dumps([str(p) for p in paths]),
                          capture_output=True, text=True, timeout=120, check=True)
    import base64
    return [base64.b64decode(b) for b in json.loads(proc.stdout)]


def _page(words: int, seed: int) -> bytes:
    rng = random.Random(seed)
    vocab = ["cotisations", "salaire", "portage", "brut", "net", "société", "indépendant", "<p>", "</p>"]
    return ("<!doctype html><html lang=fr><body>" + " ".join(rng.choice(vocab) for _ in range(words))
            + "</body></html>").encode()


@pytest.fixture
def site(tmp_path):
    out = tmp_path / "output"
    (out / "articles" / "a").mkdir(parents=True)
    (out / "pagefind").mkdir()
    (out / "index.html").write_bytes(_page(3000, 1))
    (out / "articles" / "a" / "index.html").write_bytes(_page(20_000, 2))  # > 64 KB
    (out / "articles" / "copie.html").write_bytes(_page(3000, 1))  # same content as index.html
    (out / "feed.xml").write_bytes(b"<feed>" + b"<entry>x</entry>" * 500 + b"</feed>")
    (out / "image.png").write_bytes(os.urandom(4000))  # not a compressible type
    (out / "deja.zip").write_bytes(os.urandom(50_000))  # compressible type, incompressible content
    (out / "pagefind" / "pagefind.js").write_bytes(b"export const x = 1;\n" * 400)
    return out


def _copies(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.suffix in (".br", ".gz")}


def test_copies_decompress_to_the_file_beside_them(site, tmp_path):
    stats = pc.precompress(site, tmp_path / "cache")
    assert _copies(site) == {
        "index.html.gz", "index.html.br", "articles/a/index.html.gz", "articles/a/index.html.br",
        "articles/copie.html.gz", "articles/copie.html.br", "feed.xml.gz",  # feeds: gzip only
        "pagefind/pagefind.js.gz", "pagefind/pagefind.js.br",
    }
    brs = sorted(site.rglob("*.br"))
    for br, data in zip(brs, _brotli_decompress(brs), strict=True):
        assert data == br.with_name(br.name[: -len(".br")]).read_bytes(), br
    for gz in site.rglob("*.gz"):
        assert gzip.decompress(gz.read_bytes()) == gz.with_name(gz.name[: -len(".gz")]).read_bytes(), gz
    # two files of the same content are compressed once
    assert stats["brotli_computed"] == 3


def test_a_rebuild_compresses_only_what_changed_and_links_the_rest(site, tmp_path):
    cache = tmp_path / "cache"
    pc.precompress(site, cache)
    before = {name: (site / name).read_bytes() for name in _copies(site)}
    # a rebuild: the output is written again, one page changed
    for name in before:
        (site / name).unlink()
    (site / "index.html").write_bytes(_page(3000, 3))
    stats = pc.precompress(site, cache)
    assert stats["brotli_computed"] == 1 and stats["gzip_computed"] == 1
    after = {name: (site / name).read_bytes() for name in _copies(site)}
    assert after.keys() == before.keys()
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"index.html.gz", "index.html.br"}
    assert gzip.decompress(after["index.html.gz"]) == (site / "index.html").read_bytes()
    assert _brotli_decompress([site / "index.html.br"]) == [(site / "index.html").read_bytes()]
    # unchanged files: hard links to the cache, nothing compressed
    wasm_like = site / "articles" / "a" / "index.html.br"
    assert wasm_like.stat().st_nlink >= 2
    assert any(os.path.samefile(wasm_like, c) for c in cache.iterdir())


def test_a_copy_already_in_the_output_is_replaced_never_written_into(site, tmp_path):
    cache = tmp_path / "cache"
    pc.precompress(site, cache)
    snapshot = {c.name: c.read_bytes() for c in cache.iterdir()}
    # the output is not deleted between builds (DELETE_OUTPUT_DIRECTORY = False): the page
    # changes while its old .br, a link into the cache, is still there
    (site / "index.html").write_bytes(_page(3000, 4))
    pc.precompress(site, cache)
    for name, data in snapshot.items():
        assert (cache / name).read_bytes() == data, name  # the cache is untouched
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == (site / "index.html").read_bytes()


def test_the_background_pass_leaves_the_search_index_for_later(site, tmp_path):
    cache = tmp_path / "cache"
    pc.precompress(site, cache, skip_top=("pagefind",))
    assert not any(n.startswith("pagefind/") for n in _copies(site))
    pc.precompress(site, cache, only_top="pagefind")
    assert {"pagefind/pagefind.js.gz", "pagefind/pagefind.js.br"} <= _copies(site)


def test_command_line_reports_its_counts(site, tmp_path):
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "plugins" / "publication" / "precompression.py"),
                           str(site), str(tmp_path / "cache"), "--skip", "pagefind"],
                          capture_output=True, text=True, timeout=120, check=True)
    stats = json.loads(proc.stdout)
    assert stats["files"] == 4 and stats["written"] == 7


def test_files_primed_early_are_not_compressed_again_at_the_end(site, tmp_path):
    cache = tmp_path / "cache"
    runtime = tmp_path / "node_modules" / "pyodide.asm.mjs"  # copied into the output later in the build
    runtime.parent.mkdir()
    runtime.write_bytes(b"export function f() { return 42; }\n" * 3000)
    assert pc.prime([runtime], cache)["brotli_computed"] == 1
    shutil.copyfile(runtime, site / "pyodide.asm.mjs")
    stats = pc.precompress(site, cache)
    assert stats["brotli_computed"] == 3  # the pages only
    assert _brotli_decompress([site / "pyodide.asm.mjs.br"]) == [runtime.read_bytes()]


def test_entries_no_build_used_for_a_month_are_deleted(site, tmp_path):
    cache = tmp_path / "cache"
    pc.precompress(site, cache)
    old = cache / ("0" * 64 + ".gz")
    old.write_bytes(b"x")
    month_ago = os.stat(old).st_mtime - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    used = {c.name for c in cache.iterdir()} - {old.name}
    for c in used:  # used by the previous build a month ago, and again by this one
        os.utime(cache / c, (month_ago, month_ago))
    stats = pc.precompress(site, cache, prune_days=30)
    assert stats["pruned"] == 1 and not old.exists()
    assert {c.name for c in cache.iterdir()} == used


@pytest.mark.parametrize("name,size,expected", [
    ("pyodide.asm.wasm", 9_600_000, 11),   # the runtime: compressed once, kept in the cache
    ("calculateur.js", 70_000, 11),
    ("index.html", 144_000, 6),            # pages: all recompressed when the calculators change
    ("index.html", 30_000, 6),
    ("site.css", 20_000, 9),
])
def test_brotli_quality_by_kind_and_size(name, size, expected):
    assert pc.quality(Path(name), size) == expected
