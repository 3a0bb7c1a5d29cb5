"""The portage offer comparator in its page: prerendered without JavaScript,
recomputed live exactly as the command line prints it, its inputs carried by
the URL, accessible (one page for the live tests, so Pyodide boots once; each
test brings the page to the state it needs)."""

from __future__ import annotations

from _outils import cli, figure
from _page import axe_clean, key_figures, presets, wait_result_for

UID = "calc-comparateur_offres"
PATH = "/simulateurs/comparateur-offres/"
TABLE = f"#{UID}-resultat table.calc-comparaison-offres"


def _table(page) -> dict:
    """{(row code, offer code): (exact value, shown text, marked)} of the figures' table."""
    out = {}
    for cell in page.locator(f"{TABLE} tbody td[data-valeur]").all():
        row = cell.locator("xpath=..").get_attribute("data-code")
        marked = cell.locator("strong").count() == 1
        out[(row, cell.get_attribute("data-offre"))] = (float(cell.get_attribute("data-valeur")),
                                                         cell.inner_text(), marked)
    return out


def _same_as_cli(page, inputs: dict) -> dict:
    """The page shows what `python -m calculators comparateur_offres` prints for the presets + ``inputs``."""
    ref = cli("comparateur_offres", {**presets(page, UID), **inputs})
    shown = key_figures(page, UID)
    assert [(c, v) for c, v, _ in shown] == [(c["code"], c["valeur"]) for c in ref["chiffres_cles"]]
    assert [t for _, _, t in shown] == [figure(c["valeur"], c["unite"]) for c in ref["chiffres_cles"]]
    heads = page.locator(f"{TABLE} thead th[data-offre]")
    assert heads.count() == len(ref["offres"])
    for i, o in enumerate(ref["offres"]):
        assert heads.nth(i).inner_text().startswith(o["libelle"])
    table = _table(page)
    expected = {}
    for row in ref["comparaison_offres"]:
        if not row["unite"]:
            continue
        for o in ref["offres"]:
            expected[(row["code"], o["code"])] = (o[row["code"]], row["unite"],
                                                  o["code"] in ref["plus_favorable"][row["code"]])
    assert set(table) == set(expected)
    for key, (value, unite, marked) in expected.items():
        got_value, text, got_marked = table[key]
        assert got_value == value, key
        assert text.startswith(figure(value, unite)), (key, text)
        assert got_marked == marked, key
    return ref


def _at(page, site_url, rate="4"):
    """The comparator page showing the live result with offer B's rate at ``rate`` %."""
    if PATH not in page.url:
        page.goto(site_url + PATH)
    sent = f"{rate} %"  # a rate field sends the percentage as typed (theme/static/js/calculateur.js)
    entrees = page.locator(f"#{UID}").get_attribute("data-entrees") or ""
    if f'"offre_2_frais_gestion":"{sent}"' not in entrees or page.locator(f"#{UID} .calc-perime").count():
        page.locator(f"#{UID}-offre_2_frais_gestion").fill(rate)
        wait_result_for(page, UID, "offre_2_frais_gestion", sent)


def _open_advanced(page):
    details = page.locator(f"#{UID} .calc-avance")
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()


def _axe(page):
    axe_clean(page)


def test_without_javascript_the_page_shows_the_three_preset_offers_and_the_checklist(fresh, site_url):
    page, watch = fresh(java_script_enabled=False)
    page.goto(site_url + PATH)
    ref = _same_as_cli(page, {})
    assert [o["libelle"] for o in ref["offres"]] == ["Alpha", "Bêta", "Gamma"]
    # rates are typed as percentages in the form, the engine takes fractions
    assert page.locator(f"#{UID}-offre_1_frais_gestion").input_value() == "8"
    assert page.locator(f"#{UID}-offre_1_nom").input_value() == "Alpha"
    checklist = page.locator(f"#{UID}-resultat table.calc-criteres tbody tr")
    assert checklist.count() == len(ref["criteres_hors_prix"])
    assert checklist.first.locator("td").count() == 1 + len(ref["offres"])
    assert "Garantie financière" in checklist.first.inner_text()
    assert page.locator(f"#{UID} .calc-nojs").is_visible()
    assert watch.runtime() == [] and watch.foreign() == []


def test_page_has_no_accessibility_violation_before_any_recompute(live, site_url):
    page, _ = live
    page.goto(site_url + PATH)
    _axe(page)


def test_changing_a_fee_gives_exactly_what_the_command_line_prints(live, site_url):
    page, _ = live
    _at(page, site_url, "4.5")
    page.locator(f"#{UID}-offre_2_frais_gestion").fill("4")
    wait_result_for(page, UID, "offre_2_frais_gestion", "4 %")
    ref = _same_as_cli(page, {"offre_2_frais_gestion": "0.04"})
    assert "offre_2_frais_gestion=4" in page.url
    # announced politely: the difference between the offers comes first
    status = page.locator(f"#{UID}-etat")
    assert status.get_attribute("aria-live") == "polite"
    first = ref["chiffres_cles"][0]
    assert first["code"] == "ecart_net_avant_impot"
    assert status.inner_text() == f"Résultat mis à jour\u202f: {first['libelle']} {figure(first['valeur'], first['unite'])}."


def test_a_name_typed_is_shown_as_text_and_a_fourth_offer_adds_a_column(live, site_url):
    page, _ = live
    _at(page, site_url)
    _open_advanced(page)
    page.locator(f"#{UID}-offre_4_nom").fill("Delta <b>&</b>")
    page.locator(f"#{UID}-offre_4_frais_gestion").fill("6")
    wait_result_for(page, UID, "offre_4_frais_gestion", "6 %")
    _same_as_cli(page, {"offre_2_frais_gestion": "0.04", "offre_4_nom": "Delta <b>&</b>",
                        "offre_4_frais_gestion": "0.06"})
    head = page.locator(f"{TABLE} thead th[data-offre=D]")
    assert head.inner_text().startswith("Delta <b>&</b>")
    assert head.locator("b").count() == 0
    _axe(page)
    page.locator(f"#{UID}-offre_4_frais_gestion").fill("")
    page.locator(f"#{UID}-offre_4_nom").fill("")
    page.wait_for_selector(f"{TABLE} thead th[data-offre=D]", state="detached")


def test_an_offer_started_without_its_rate_gets_a_french_message_beside_the_field(live, site_url):
    page, _ = live
    _at(page, site_url)
    _open_advanced(page)
    page.locator(f"#{UID}-offre_5_nom").fill("Epsilon")
    error = page.locator(f"#{UID}-offre_5_frais_gestion-erreur")
    error.wait_for(state="visible")
    assert error.inner_text().startswith("Indiquez les frais de gestion de l'offre E")
    assert page.locator(f"#{UID}-offre_5_frais_gestion").get_attribute("aria-invalid") == "true"
    assert page.locator(f"#{UID} .calc-perime").is_visible()
    page.locator(f"#{UID}-offre_5_nom").fill("")
    page.wait_for_selector(f"#{UID} .calc-perime", state="detached")
    assert not error.is_visible()


def test_the_url_restores_the_inputs_and_their_result(fresh, site_url):
    page, watch = fresh()
    page.goto(f"{site_url}{PATH}?offre_2_frais_gestion=3.5&offre_1_nom=Zeta&jours=15")
    assert page.locator(f"#{UID}-offre_2_frais_gestion").input_value() == "3.5"
    assert page.locator(f"#{UID}-offre_1_nom").input_value() == "Zeta"
    wait_result_for(page, UID, "offre_1_nom", "Zeta")
    _same_as_cli(page, {"offre_2_frais_gestion": "0.035", "offre_1_nom": "Zeta", "jours": "15"})
    # the URL written back after the recompute opens the same simulation
    again = page.url
    assert "offre_1_nom=Zeta" in again and "offre_2_frais_gestion=3.5" in again
    page.goto(site_url + "/")
    page.goto(again)
    wait_result_for(page, UID, "offre_1_nom", "Zeta")
    _same_as_cli(page, {"offre_2_frais_gestion": "0.035", "offre_1_nom": "Zeta", "jours": "15"})
    assert watch.foreign() == []


def test_nothing_left_the_origin_and_the_console_stayed_clean(live, site_url):
    page, watch = live
    _at(page, site_url)
    assert watch.runtime(), "the Pyodide runtime was never requested"
    assert watch.foreign() == []
    assert watch.console == []
