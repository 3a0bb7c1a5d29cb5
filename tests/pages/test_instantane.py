"""Repeat visits from a memory snapshot of the engine (theme/static/js/calculateur-worker.js):
made after the first result, restored on the next visit and checked before use; a damaged
snapshot is thrown away; a new wheel (a deploy) is never served from an old snapshot or an
old cache; with ?moteur=sans-instantane none is used."""

from __future__ import annotations

import shutil

from _outils import ROOT, cli, figure
from _page import deploy_wheel, key_figures, presets, wait_result_for, wheel_with_render

UID = "calc-portage"
SNAPSHOT_STORED = """async () => {
  const c = await caches.open('cadre-libre-instantane');
  const keys = await c.keys();
  if (keys.length !== 2) return false;
  for (const k of keys) if (!(await c.match(k))) return false;
  const big = keys.find((k) => !k.url.endsWith('?reference'));
  return (await (await c.match(big)).arrayBuffer()).byteLength > 1000000;
}"""


def _wait_snapshot(page):
    # (wait_for_function does not await an async predicate: poll from here)
    for _ in range(120):
        if page.evaluate(SNAPSHOT_STORED):
            return
        page.wait_for_timeout(500)
    raise AssertionError("no snapshot stored within 60 s of the first result")


def _phases(page) -> dict:
    return page.evaluate("() => performance.getEntriesByName('calc-moteur-pret')[0].detail")


def _visit(page, site_url, tjm, query=""):
    page.goto(f"{site_url}/simulateurs/portage/{query}")
    page.locator(f"#{UID}-tjm").fill(tjm)
    wait_result_for(page, UID, "tjm", tjm)
    ref = cli("portage", {**presets(page, UID), "tjm": tjm})
    shown = key_figures(page, UID)
    assert [t for _, _, t in shown] == [figure(c["valeur"], c["unite"]) for c in ref["chiffres_cles"]]
    return _phases(page)


def test_second_visit_restores_the_snapshot_and_computes_the_same(fresh, site_url):
    page, watch = fresh()
    assert _visit(page, site_url, "640").get("snapshot") == "none"
    _wait_snapshot(page)
    phases = _visit(page, site_url, "655")
    assert phases.get("snapshot") == "restored", phases
    # switched off: booted normally, still right
    assert "snapshot" not in _visit(page, site_url, "661", "?moteur=sans-instantane")
    assert watch.foreign() == []


def test_a_damaged_snapshot_is_thrown_away_and_the_engine_boots_normally(fresh, site_url):
    page, _ = fresh()
    _visit(page, site_url, "640")
    _wait_snapshot(page)
    page.evaluate("""async () => {
      const c = await caches.open('cadre-libre-instantane');
      for (const req of await c.keys()) {
        if (!req.url.endsWith('?reference')) await c.put(req, new Response(new Uint8Array(4096).fill(7)));
      }
    }""")
    phases = _visit(page, site_url, "702")
    assert phases.get("snapshot", "").startswith("discarded"), phases
    # a new one is made from the normal boot, and used next time
    _wait_snapshot(page)
    assert _visit(page, site_url, "703").get("snapshot") == "restored"


def _new_rules_wheel(site_dir, marker: str) -> bytes:
    """The shipped wheel with one change of the rendering (a deploy of new code): render.py
    loses its bytecode and writes ``marker`` in every result."""
    return wheel_with_render(site_dir, (
        "def render_result(*args, **kwargs):\n"
        f"    return '<p id=\"{marker}\">{marker}</p>' + _render_result_before(*args, **kwargs)\n"
    ))


def test_after_a_deploy_of_a_new_wheel_the_next_visit_computes_with_the_new_code(fresh, site_dir, tmp_path):
    """A copy of the site, served apart, is visited (snapshot made, service worker installed);
    then a new wheel is deployed (new name, page updated): the next visit uses it."""
    import importlib.util
    import threading

    spec = importlib.util.spec_from_file_location("_serveur", ROOT / "plugins" / "publication" / "serveur.py")
    serveur = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serveur)
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    server = serveur.make_server(str(site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        page, watch = fresh()
        _visit(page, url, "640")
        page.wait_for_selector("html[data-hors-ligne='pret']", timeout=60_000)
        _wait_snapshot(page)
        assert _visit(page, url, "641").get("snapshot") == "restored"
        marker = "nouvelle-roue-deployee"
        deploy_wheel(site, _new_rules_wheel(site_dir, marker))
        page.goto(f"{url}/simulateurs/portage/")
        page.locator(f"#{UID}-tjm").fill("690")
        page.wait_for_selector(f"#{UID}[data-entrees*='\"tjm\":\"690\"']:not(.calc--chargement)")
        assert page.locator(f"#{marker}").count() == 1
        assert _phases(page).get("snapshot") == "none"
        assert [u for u in watch.requests if not u.startswith((url + "/", "data:", "blob:"))] == []
    finally:
        server.shutdown()
        server.server_close()
