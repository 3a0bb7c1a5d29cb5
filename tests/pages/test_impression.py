"""The print summary of a calculator's inputs (written at build time): a rate,
a fraction for the engine, is printed as a reader writes it, in per cent."""

from __future__ import annotations

import re

import pytest

from calculators import get

NBSP = "\u00a0"


def test_the_printed_summary_shows_the_management_fee_as_a_percentage(site_dir):
    html = (site_dir / "simulateurs" / "portage" / "index.html").read_text(encoding="utf-8")
    summary = html.split('id="calc-portage-impression"', 1)[1].split("</div>", 1)[0]
    shown = re.search(r'data-champ="frais_gestion">([^<]*)<', summary).group(1)
    default = {f.name: f.default_value() for f in get("portage").FIELDS}["frais_gestion"]
    # e.g. a default of 0.1 is printed "10 %"
    expected = f"{default * 100:g}".replace(".", ",") + NBSP + "%"
    assert shown == expected


# One simulation prints on at most three A4 pages (issue 12): the inputs, the key
# figures, a compact breakdown, the sources as a short list; the page's prose does not.
PAGES = ["portage", "salarie", "micro-entreprise", "sasu", "eurl", "tjm",
         "comparateur-statuts", "comparateur-offres", "protection-sociale",
         "annee-avec-et-sans-missions", "quitter-son-cdi"]


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("path", PAGES)
def test_a_simulation_prints_on_at_most_three_a4_pages(page, site_url, path):
    page.route("**/runtime/**", lambda route: route.abort())  # the prerendered result
    page.goto(f"{site_url}/simulateurs/{path}/")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    pdf = page.pdf(format="A4")
    assert 1 <= _pdf_pages(pdf) <= 3
    page.emulate_media(media="print")
    # cards are never split across pages
    for selector in (".calc-chiffre", ".calc-alerte", ".calc-impression"):
        for box in page.locator(selector).all():
            if box.is_visible():
                assert box.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    # the explanations of the page are not printed
    assert not page.locator(".prose").first.is_visible()


def test_the_print_date_is_written_in_french(page, site_url):
    import datetime as dt

    from _outils import date_fr

    page.route("**/runtime/**", lambda route: route.abort())
    page.goto(f"{site_url}/simulateurs/portage/")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    text = page.locator("#calc-portage-impression").inner_text()
    today = page.evaluate("() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; }")
    assert f"Simulation imprimée le {date_fr(dt.date(*today).isoformat())}" in text  # « 1er décembre 2026 »
