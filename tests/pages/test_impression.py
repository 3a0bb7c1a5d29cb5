"""The print summary of a calculator's inputs (written at build time): a rate,
a fraction for the engine, is printed as a reader writes it, in per cent."""

from __future__ import annotations

import re

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
