"""If Pyodide cannot load (offline, blocked, old browser), the visitor reads
a clear French message and the prerendered result stays."""

from __future__ import annotations

from _page import key_figures


def test_blocked_runtime_shows_a_message_and_keeps_the_prerendered_result(fresh, site_url):
    page, watch = fresh()
    page.route("**/runtime/**", lambda route: route.abort())
    page.goto(f"{site_url}/simulateurs/portage/")
    uid = "calc-portage"
    before = key_figures(page, uid)
    page.locator(f"#{uid}-tjm").fill("650")
    status = page.locator(f"#{uid}-etat")
    page.wait_for_selector(f"#{uid}.calc--echec")
    message = status.inner_text()
    assert "n'a pas pu démarrer" in message
    assert "valeurs préremplies" in message
    assert key_figures(page, uid) == before
    # the visitor's change is not reflected: the result says it is not current
    # (the engine may have failed at idle time, before the change: the note then
    # comes with the debounced recompute of the change)
    page.wait_for_selector(f"#{uid} .calc-perime", state="visible")
    assert "ne tient pas compte de vos modifications" in status.inner_text()


def test_browser_without_webassembly_reads_why_in_french(fresh, site_url):
    page, watch = fresh()
    page.add_init_script("delete window.WebAssembly;")
    page.goto(f"{site_url}/simulateurs/portage/")
    uid = "calc-portage"
    before = key_figures(page, uid)
    page.locator(f"#{uid}-tjm").focus()
    page.wait_for_selector(f"#{uid}.calc--echec")
    assert "ne prend pas en charge WebAssembly" in page.locator(f"#{uid}-etat").inner_text()
    assert key_figures(page, uid) == before
    assert watch.runtime() == []  # nothing downloaded for nothing


def test_a_change_after_the_engine_failed_at_idle_time_is_marked_not_current(fresh, site_url):
    # The engine starts when the browser is idle; blocked, it fails before any
    # change.  A later change must still say the result ignores it.
    page, watch = fresh()
    page.route("**/runtime/**", lambda route: route.abort())
    page.goto(f"{site_url}/simulateurs/portage/")
    uid = "calc-portage"
    page.wait_for_selector(f"#{uid}.calc--echec")
    before = key_figures(page, uid)
    assert page.locator(f"#{uid} .calc-perime").count() == 0
    page.locator(f"#{uid}-tjm").fill("650")
    page.wait_for_selector(f"#{uid} .calc-perime", state="visible")
    assert "ne tient pas compte de vos modifications" in page.locator(f"#{uid}-etat").inner_text()
    assert key_figures(page, uid) == before
