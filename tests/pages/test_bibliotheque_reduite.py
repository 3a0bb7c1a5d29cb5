"""The trimmed standard library and its safety net (plugins/calculateurs/runtime.py, the
Python glue of theme/static/js/calculateur-worker.js): a normal visit never fetches Pyodide's
full archive; an import of a standard-library module the trimmed archive leaves out (here
``colorsys`` and ``wave``, as a future calculator might) still succeeds in the browser,
through one synchronous download of the full archive, and such an engine is not snapshotted."""

from __future__ import annotations

import importlib.util
import re
import shutil
import threading
import time
import zipfile

from _outils import ROOT, cli, figure
from _page import deploy_wheel, key_figures, presets, wait_result_for, wheel_with_render

UID = "calc-portage"
FULL = re.compile(r"/runtime/pyodide-[^/]+/python_stdlib\.zip$")
TRIMMED = re.compile(r"/runtime/pyodide-[^/]+/python_stdlib-[0-9a-f]{12}\.zip$")
SNAPSHOTS = "async () => (await (await caches.open('cadre-libre-instantane')).keys()).length"


def _shipped_stdlib(site_dir):
    return next((site_dir / "runtime").glob("pyodide-*/python_stdlib-*.zip"))


def test_the_absent_modules_really_are_absent(site_dir):
    with zipfile.ZipFile(_shipped_stdlib(site_dir)) as z:
        names = set(z.namelist())
    assert not {"colorsys.pyc", "colorsys.py", "wave.pyc", "wave.py"} & names
    with zipfile.ZipFile(next((site_dir / "runtime").glob("pyodide-*/python_stdlib.zip"))) as z:
        assert {"colorsys.py", "wave.py"} <= set(z.namelist())


def test_a_normal_visit_never_fetches_the_full_archive(fresh, site_url):
    page, watch = fresh()
    page.goto(f"{site_url}/simulateurs/portage/")
    page.locator(f"#{UID}-tjm").fill("640")
    wait_result_for(page, UID, "tjm", "640")
    page.wait_for_timeout(2500)  # the snapshot, made once idle, imports nothing more either
    assert [u for u in watch.requests if TRIMMED.search(u)], watch.runtime()
    assert [u for u in watch.requests if FULL.search(u)] == []
    assert watch.foreign() == []


def _wheel_importing_absent_modules(site_dir, marker: str) -> bytes:
    """The shipped wheel whose renderer imports two modules the trimmed archive leaves out,
    inside a function (what the build's closure follows for the calculators: this one is
    added after the build, so the closure cannot know it)."""
    return wheel_with_render(site_dir, (
        "def render_result(*args, **kwargs):\n"
        "    import colorsys, wave\n"
        "    h, l, s = colorsys.rgb_to_hls(0.2, 0.4, 0.4)\n"
        f"    return ('<p id=\"{marker}\">' + wave.__name__ + ' ' + format(l, '.1f') + '</p>'\n"
        "            + _render_result_before(*args, **kwargs))\n"
    ))


def test_an_absent_module_is_imported_through_the_full_archive_once(fresh, site_dir, tmp_path):
    spec = importlib.util.spec_from_file_location("_serveur", ROOT / "plugins" / "publication" / "serveur.py")
    serveur = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serveur)
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    marker = "module-absent-importe"
    deploy_wheel(site, _wheel_importing_absent_modules(site_dir, marker))
    server = serveur.make_server(str(site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        page, watch = fresh()
        page.goto(f"{url}/simulateurs/portage/?moteur=sans-sw")
        page.locator(f"#{UID}-tjm").fill("640")
        wait_result_for(page, UID, "tjm", "640")
        # both modules imported, the computation right
        assert page.locator(f"#{marker}").inner_text() == "wave 0.3"
        assert page.locator(f"#{UID}.calc--echec").count() == 0
        ref = cli("portage", {**presets(page, UID), "tjm": "640"})
        assert [t for _, _, t in key_figures(page, UID)] == [figure(c["valeur"], c["unite"])
                                                             for c in ref["chiffres_cles"]]
        # one download of the full archive for the two modules, and for the next results
        page.locator(f"#{UID}-tjm").fill("655")
        wait_result_for(page, UID, "tjm", "655")
        assert len([u for u in watch.requests if FULL.search(u)]) == 1
        # no snapshot of an engine that depends on a downloaded file
        time.sleep(3)
        assert page.evaluate(SNAPSHOTS) == 0
        assert [u for u in watch.requests if not u.startswith((url + "/", "data:", "blob:"))] == []
    finally:
        server.shutdown()
        server.server_close()
