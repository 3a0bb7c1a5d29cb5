"""The SASU and EURL simulator pages: the prerendered result without
JavaScript equals the command line, a live recompute equals the command
line, no accessibility violation (one page for the live tests, so Pyodide
boots once for the module)."""

from __future__ import annotations

import pytest
from _outils import cli, figure
from _page import axe_clean, key_figures, presets, wait_result_for

PAGES = {  # calculator -> (page, preset inputs the page's prose announces)
    "sasu": ("/simulateurs/sasu/", {"cout_total": 60000, "resultat_avant_remuneration": 90000}),
    "eurl": ("/simulateurs/eurl/", {"cout_total": 60000, "resultat_avant_remuneration": 90000, "capital_social": 1000}),
}


def _same_as_cli(page, name, inputs):
    uid = f"calc-{name}"
    ref = cli(name, {**presets(page, uid), **inputs})
    shown = key_figures(page, uid)
    assert [(c, v) for c, v, _ in shown] == [(c["code"], c["valeur"]) for c in ref["chiffres_cles"]]
    assert [t for _, _, t in shown] == [figure(c["valeur"], c["unite"]) for c in ref["chiffres_cles"]]
    return ref


def _axe(page):
    axe_clean(page)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_without_javascript_the_preset_result_is_in_the_page(fresh, site_url, name):
    url, announced = PAGES[name]
    page, watch = fresh(java_script_enabled=False)
    page.goto(f"{site_url}{url}")
    uid = f"calc-{name}"
    assert {k: float(v) for k, v in presets(page, uid).items() if k in announced} == announced
    ref = _same_as_cli(page, name, {})
    # the dividends part is shown: the preset gives a profit
    codes = [c["code"] for c in ref["chiffres_cles"]]
    assert "dividendes_nets" in codes and "revenu_net_total" in codes
    assert page.locator(f"#{uid}-resultat .calc-lignes tbody tr[data-code]").count() == len(ref["lignes"])
    assert page.locator(f"#{uid} .calc-nojs").is_visible()
    assert watch.runtime() == [] and watch.foreign() == []


@pytest.mark.parametrize("name,field,value", [("sasu", "cout_total", "75000"), ("eurl", "cout_total", "45000")])
def test_live_recompute_equals_the_command_line(live, site_url, name, field, value):
    page, watch = live
    url, _ = PAGES[name]
    uid = f"calc-{name}"
    page.goto(f"{site_url}{url}")
    _axe(page)
    page.locator(f"#{uid}-{field}").fill(value)
    wait_result_for(page, uid, field, value)
    ref = _same_as_cli(page, name, {field: value})
    assert ref["annuel"]["cout_total"] == pytest.approx(float(value), abs=0.12)
    assert f"{field}={value}" in page.url
    page.locator(f"#{uid} .calc-detail summary").first.click()
    _axe(page)
    assert watch.foreign() == []
