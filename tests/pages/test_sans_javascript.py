"""Without JavaScript the page is complete: the form with its preset values,
the result for those values (what the command line prints), a note saying
so, and not one byte of the Pyodide runtime."""

from __future__ import annotations

from _outils import cli, figure
from _page import key_figures, presets


def test_portage_page_without_javascript_shows_the_preset_result(fresh, site_url):
    page, watch = fresh(java_script_enabled=False)
    page.goto(f"{site_url}/simulateurs/portage/")
    uid = "calc-portage"
    ref = cli("portage", presets(page, uid))
    shown = key_figures(page, uid)
    assert [c for c, _, _ in shown] == [c["code"] for c in ref["chiffres_cles"]]
    for (code, value, text), c in zip(shown, ref["chiffres_cles"]):
        assert value == c["valeur"], code
        assert text == figure(c["valeur"], c["unite"]), code
    assert page.locator(f"#{uid}-tjm").input_value() == "600"
    assert page.locator(f"#{uid} .calc-nojs").is_visible()
    assert "Sans JavaScript" in page.locator(f"#{uid} .calc-nojs").inner_text()
    # the chart and its text alternative are in the page
    assert page.locator(f"#{uid} svg[role=img] desc").count() == 1
    assert watch.runtime() == [] and watch.foreign() == []
