"""Offline after one visit (service worker sw.js, plugins/calculateurs/service-worker.js):
a calculator page visited once reloads and recomputes live with the network cut; the site
works the same without the service worker; no request leaves the origin."""

from __future__ import annotations

from _outils import cli, figure
from _page import key_figures, presets, wait_result_for

UID = "calc-portage"


def _same_as_cli(page, inputs):
    ref = cli("portage", {**presets(page, UID), **inputs})
    shown = key_figures(page, UID)
    assert [t for _, _, t in shown] == [figure(c["valeur"], c["unite"]) for c in ref["chiffres_cles"]]


def test_calculator_page_reloads_and_recomputes_offline_after_one_visit(fresh, site_url):
    page, watch = fresh()
    page.goto(f"{site_url}/simulateurs/portage/")
    page.locator(f"#{UID}-tjm").fill("640")
    wait_result_for(page, UID, "tjm", "640")
    page.wait_for_selector("html[data-hors-ligne='pret']", timeout=60_000)
    page.context.set_offline(True)
    try:
        page.reload()
        assert page.locator(f"#{UID}").count() == 1
        page.locator(f"#{UID}-tjm").fill("735")
        wait_result_for(page, UID, "tjm", "735")
        assert page.locator(f"#{UID}.calc--echec").count() == 0
        _same_as_cli(page, {"tjm": "735"})
    finally:
        page.context.set_offline(False)
    assert watch.foreign() == []
    assert [m for m in watch.console if "error" in m] == []


def test_without_the_service_worker_the_page_computes_and_none_is_left(fresh, site_url):
    page, watch = fresh()
    page.goto(f"{site_url}/simulateurs/portage/")
    page.locator(f"#{UID}-tjm").fill("650")
    wait_result_for(page, UID, "tjm", "650")
    page.wait_for_selector("html[data-hors-ligne='pret']", timeout=60_000)
    page.goto(f"{site_url}/simulateurs/portage/?moteur=sans-sw")
    page.locator(f"#{UID}-tjm").fill("660")
    wait_result_for(page, UID, "tjm", "660")
    _same_as_cli(page, {"tjm": "660"})
    for _ in range(40):  # (wait_for_function does not await an async predicate)
        if page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0:
            break
        page.wait_for_timeout(250)
    else:
        raise AssertionError("the service worker is still registered with ?moteur=sans-sw")
    assert watch.foreign() == []
