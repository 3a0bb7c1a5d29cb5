"""Never a stale result shown as current (issue 12): from the first keystroke
until the new result is in, the result is marked pending (dimmed, a short label
at the top of the result, said politely in the live region), while the engine
loads the first time too; when the engine stops answering (a worker that dies),
the result says it is not current and why, and the next edit tries again.
The state sits at the top of the result and a field's error beside its field,
on a phone and on a desktop."""

from __future__ import annotations

import pytest
from _outils import cli
from _page import key_figures, presets, wait_result_for

UID = "calc-portage"
PATH = "/simulateurs/portage/"
WIDTHS = [(375, 812), (1280, 900)]

# every text the live region held, in order (the page's own MutationObserver)
RECORD = """() => {
  const s = document.getElementById('%s-etat');
  window.__etats = [s.textContent];
  new MutationObserver(() => window.__etats.push(s.textContent))
    .observe(s, {childList: true, characterData: true, subtree: true});
}""" % UID


def _same_as_cli(page, inputs):
    ref = cli("portage", {**presets(page, UID), **inputs})
    assert [(c, v) for c, v, _ in key_figures(page, UID)] == [(c["code"], c["valeur"]) for c in ref["chiffres_cles"]]


def _top(page, selector):
    return page.locator(selector).first.bounding_box()["y"]


def _pending(page):
    return page.evaluate(f"""() => {{
      const o = document.getElementById('{UID}-resultat');
      const l = document.querySelector('#{UID} .calc-attente');
      const f = o.querySelector('.calc-chiffre');
      return {{dimmed: o.classList.contains('calc-sortie--attente'), busy: o.getAttribute('aria-busy'),
               label: l ? l.textContent : null, label_y: l ? l.getBoundingClientRect().top : null,
               figure_y: f ? f.getBoundingClientRect().top : null}};
    }}""")


@pytest.mark.parametrize("width,height", WIDTHS)
def test_a_recompute_is_marked_pending_until_its_result_is_in(live, site_url, width, height):
    page, _ = live
    page.set_viewport_size({"width": width, "height": height})
    if PATH not in page.url:
        page.goto(site_url + PATH)
    field = page.locator(f"#{UID}-tjm")
    field.fill("700")
    wait_result_for(page, UID, "tjm", "700")
    page.evaluate(RECORD)
    tjm = "701" if width == 375 else "702"
    field.fill(tjm)  # the input event has run when fill returns
    state = _pending(page)
    assert {k: state[k] for k in ("dimmed", "busy", "label")} == {"dimmed": True, "busy": "true", "label": "Recalcul en cours…"}
    # the label is at the top of the result, above the key figures
    assert state["label_y"] < state["figure_y"]
    wait_result_for(page, UID, "tjm", tjm)
    state = _pending(page)
    assert (state["dimmed"], state["busy"], state["label"]) == (False, None, None)
    _same_as_cli(page, {"tjm": tjm})
    said = page.evaluate("window.__etats")
    assert "Recalcul en cours…" in said
    assert said[-1].startswith("Résultat mis à jour")


def test_the_live_region_says_the_net_not_the_turnover(live, site_url):
    page, _ = live
    if PATH not in page.url:
        page.goto(site_url + PATH)
    page.locator(f"#{UID}-tjm").fill("640")
    wait_result_for(page, UID, "tjm", "640")
    said = page.locator(f"#{UID}-etat").inner_text()
    ref = cli("portage", {**presets(page, UID), "tjm": "640"})
    label = {c["code"]: c["libelle"] for c in ref["chiffres_cles"]}
    assert label["net_apres_impot"] in said
    assert label["chiffre_affaires"] not in said


@pytest.mark.parametrize("width,height", WIDTHS)
def test_an_error_sits_beside_its_field_and_the_state_at_the_top_of_the_result(live, site_url, width, height):
    page, _ = live
    page.set_viewport_size({"width": width, "height": height})
    if PATH not in page.url:
        page.goto(site_url + PATH)
    field = page.locator(f"#{UID}-tjm")
    field.fill("douze")
    error = page.locator(f"#{UID}-tjm-erreur")
    error.wait_for(state="visible")
    box, err = field.bounding_box(), error.bounding_box()
    assert 0 <= err["y"] - (box["y"] + box["height"]) < 40  # right under the field
    note = page.locator(f"#{UID} .calc-perime")
    note.wait_for(state="visible")
    # the note and the live region are above the first key figure, not after the chart
    figure = _top(page, f"#{UID}-resultat .calc-chiffre")
    assert _top(page, f"#{UID} .calc-perime") < figure
    assert _top(page, f"#{UID}-etat") < figure
    if width >= 1280:  # beside the form, in the first screen
        assert _top(page, f"#{UID}-etat") < _top(page, f"#{UID}-tjm") + height
    field.fill("700")
    wait_result_for(page, UID, "tjm", "700")


def test_pending_while_the_engine_loads_the_first_time(fresh, site_url):
    page, _ = fresh()
    page.goto(site_url + PATH)
    page.evaluate(RECORD)
    page.locator(f"#{UID}-tjm").fill("655")
    state = _pending(page)
    assert state["dimmed"] and state["label"] == "Chargement du moteur de calcul…"
    wait_result_for(page, UID, "tjm", "655")
    assert _pending(page)["label"] is None
    _same_as_cli(page, {"tjm": "655"})
    assert "Chargement du moteur de calcul…" in page.evaluate("window.__etats")


def test_a_worker_that_dies_leaves_a_result_marked_not_current_and_the_next_edit_retries(fresh, site_url):
    page, _ = fresh()
    page.goto(site_url + PATH)
    page.locator(f"#{UID}-tjm").fill("660")
    wait_result_for(page, UID, "tjm", "660")
    before = key_figures(page, UID)
    assert len(page.workers) == 1
    page.workers[0].evaluate("setTimeout(() => self.close(), 0)")  # the worker dies silently
    page.wait_for_timeout(200)
    page.locator(f"#{UID}-tjm").fill("670")
    assert _pending(page)["label"] == "Recalcul en cours…"
    note = page.locator(f"#{UID} .calc-perime")
    note.wait_for(state="visible", timeout=40_000)  # the computation's timeout
    assert "ne répond plus" in note.inner_text()
    assert "pas à votre saisie actuelle" in note.inner_text()
    assert _pending(page)["label"] is None
    assert "ne répond plus" in page.locator(f"#{UID}-etat").inner_text()
    assert key_figures(page, UID) == before
    # the next edit starts a new engine and computes
    page.locator(f"#{UID}-tjm").fill("680")
    wait_result_for(page, UID, "tjm", "680")
    _same_as_cli(page, {"tjm": "680"})
    assert page.locator(f"#{UID}.calc--echec").count() == 0


def test_a_blocked_engine_is_tried_again_on_the_next_edit(fresh, site_url):
    page, watch = fresh()
    blocked = {"on": True}

    def route(r):
        if blocked["on"]:
            r.abort()
        else:
            r.continue_()

    page.route("**/runtime/**", route)
    page.goto(site_url + PATH)
    page.locator(f"#{UID}-tjm").fill("690")
    page.wait_for_selector(f"#{UID}.calc--echec")
    page.wait_for_selector(f"#{UID} .calc-perime", state="visible")
    assert _pending(page)["label"] is None
    blocked["on"] = False
    page.locator(f"#{UID}-tjm").fill("695")
    wait_result_for(page, UID, "tjm", "695")
    _same_as_cli(page, {"tjm": "695"})
