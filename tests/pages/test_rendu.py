"""calculators/render.py: French figures, the form from a schema, the result.

Expected strings are written out by hand: French typography puts a narrow
no-break space (U+202F) between thousands and a no-break space (U+00A0)
before the unit.
"""

from __future__ import annotations

import re

import pytest

from calculators import render
from calculators.core.schema import Field

N, S = "\u202f", "\u00a0"

FORMATS = [
    # (function, value, expected)
    (render.euros, 4005.4, f"4{N}005{S}€"),        # rounded down
    (render.euros, 4005.5, f"4{N}006{S}€"),        # half away from zero
    (render.euros, -1234.5, f"\u22121{N}235{S}€"),  # minus sign, half away from zero
    (render.euros, 0.4, f"0{S}€"),
    (render.euros_cents, 2712.335, f"2{N}712,34{S}€"),  # 2712.335 -> ,34 (half up)
    (render.euros_cents, 1234567.8, f"1{N}234{N}567,80{S}€"),
    (render.pourcent, 0.0855, f"8,55{S}%"),
    (render.pourcent, 0.2, f"20{S}%"),
    (render.pourcent, 0.00045, f"0,045{S}%"),       # a rate written with 3 decimals keeps them
    (render.pourcent, 0.491255, f"49,13{S}%"),      # 49.1255 -> 49.13
    (render.nombre, 218, "218"),
    (render.nombre, 1234.5, f"1{N}234,5"),
    (render.date_fr, "2026-07-01", "1er juillet 2026"),
    (render.date_fr, "2026-12-25", "25 décembre 2026"),
]


@pytest.mark.parametrize("fn,value,expected", FORMATS, ids=[f"{f.__name__}({v})" for f, v, _ in FORMATS])
def test_french_formats(fn, value, expected):
    assert fn(value) == expected


FIELDS = (
    Field("tjm", "TJM", "number", unit="€/jour", minimum=0, maximum=5000, step=10, default=500,
          help="Hors taxes."),
    Field("jours", "Jours", "integer", minimum=1, maximum=23, default=18),
    Field("cadre", "Cadre", "boolean", default=True),
    Field("contrat", "Contrat", "choice", default="cdi", choices=(("cdi", "CDI"), ("cdd", "CDD"))),
    Field("taux", "Taux", "number", unit="taux", minimum=0, maximum=1, advanced=True),
    Field("net", "Net visé", "number", unit="€/mois", output=True),
)


def test_form_fields_carry_schema_bounds_names_and_values():
    html = render.render_form("x", FIELDS, {"tjm": 650, "jours": 18, "cadre": True, "contrat": "cdd"}, "u")
    tjm = re.search(r"<input[^>]*name=\"tjm\"[^>]*>", html).group(0)
    # a text field read by the one parser (« 7,5 », « 3 500 »): no browser number field,
    # which reads « 7,5 » as 75 or drops it; the bounds are checked by the validator
    for attr in ('type="text"', 'inputmode="decimal"', 'value="650"', 'id="u-tjm"'):
        assert attr in tjm
    assert not re.search(r'\s(min|max|step)=', tjm)
    assert 'inputmode="numeric"' in re.search(r"<input[^>]*name=\"jours\"[^>]*>", html).group(0)  # integer
    assert re.search(r'<label for="u-tjm">TJM <span class="calc-unite">\(€/jour\)</span></label>', html)
    assert 'aria-describedby="u-tjm-aide"' in tjm and 'id="u-tjm-aide">Hors taxes.<' in html
    assert re.search(r'name="cadre"[^>]*type="checkbox"[^>]*checked', html)
    assert '<option value="cdd" selected>CDD</option>' in html


def test_advanced_fields_come_last_in_a_disclosure():
    html = render.render_form("x", FIELDS, {}, "u")
    details = html.index('<details class="calc-avance">')
    assert html.index('name="taux"') > details
    assert max(html.index(f'name="{n}"') for n in ("tjm", "jours", "cadre", "contrat")) < details


def test_fields_of_a_group_stay_together_in_one_fieldset():
    fields = (
        Field("a", "A", "number", group="Mission"),
        Field("b", "B", "number", group="Frais"),
        Field("c", "C", "number", group="Mission"),
    )
    html = render.render_form("x", fields, {}, "u")
    assert html.count("<legend>Mission</legend>") == 1
    mission = html[html.index("<legend>Mission</legend>"):html.index("</fieldset>")]
    assert 'name="a"' in mission and 'name="c"' in mission and 'name="b"' not in mission


def test_output_field_is_marked_and_driving_field_chosen_from_presets():
    assert render.driving_field(FIELDS, {"net": "3000"}) == "net"
    html = render.render_form("x", FIELDS, {}, "u", driving="net")
    assert re.search(r'name="net"[^>]*data-sortie=""[^>]*data-pilote=""', html)


RESULT = {
    "date": "2026-07-01",
    "chiffre_affaires": 10000.0,
    "chiffres_cles": [
        {"code": "net_avant_impot", "libelle": "Net avant impôt", "valeur": 4876.78, "unite": "€/mois", "aide": ""},
        {"code": "tjm", "libelle": "TJM", "valeur": 452.585, "unite": "€/jour", "aide": ""},
    ],
    "annuel": {"net_avant_impot": 58521.36},
    "lignes": [
        {"code": "vieillesse", "libelle": "Vieillesse plafonnée", "groupe": "Retraite", "assiette": 4005.0,
         "taux_salarial": 0.069, "taux_patronal": 0.0855, "montant_salarial": 276.35,
         "montant_patronal": 342.43, "reference": "CSS art. D242-4"},
        {"code": "csg", "libelle": "CSG déductible", "groupe": "CSG-CRDS", "assiette": 4000.0,
         "taux_salarial": 0.068, "taux_patronal": None, "montant_salarial": 272.0,
         "montant_patronal": None, "reference": "CSS art. L136-8"},
    ],
    "repartition": [
        {"code": "net", "libelle": "Net", "montant": 7500.0},
        {"code": "cotisations", "libelle": "Cotisations", "montant": 2500.0},
    ],
    "alertes": [{"niveau": "attention", "message": "Salaire sous le minimum."}],
    "hypotheses": ["Mois ordinaire."],
    "sources": [],
}


def test_result_shows_key_figures_per_month_and_year():
    html = render.render_result("x", RESULT, "u")
    assert f">4{N}877{S}€/mois<" in html   # 4876.78 -> 4 877
    assert f">58{N}521{S}€/an<" in html    # 58521.36 -> 58 521
    assert f">452,59{S}€/jour<" in html    # a daily rate to the cent: 452.585 -> 452,59
    assert "1er juillet 2026" in html and "règles 2026" in html


def test_breakdown_grouped_by_risk_with_base_rate_amount_reference_in_a_disclosure():
    html = render.render_result("x", RESULT, "u")
    detail = html[html.index('<details class="calc-detail">'):]
    assert detail.index(">Retraite<") < detail.index(">Vieillesse plafonnée<") < detail.index(">CSG-CRDS<")
    row = re.search(r'<tr data-code="vieillesse">.*?</tr>', detail).group(0)
    for cell in (f"4{N}005,00{S}€", f"6,9{S}%", f"276,35{S}€", f"8,55{S}%", f"342,43{S}€", "CSS art. D242-4"):
        assert f">{cell}<" in row
    # total of the employee column: 276.35 + 272.00 = 548.35
    assert f">548,35{S}€<" in detail


def test_chart_is_svg_with_text_alternative_and_no_inline_style():
    html = render.render_result("x", RESULT, "u")
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="u-rep-titre u-rep-desc"' in svg
    # the parts as text: 7500 / 10000 = 75 %, 2500 / 10000 = 25 %
    assert f"Net{N}: 7{N}500{S}€ (75{S}%)" in svg and f"Cotisations{N}: 2{N}500{S}€ (25{S}%)" in svg
    assert "style=" not in html
    # bar widths proportional: 260 px for the whole, 7500/10000 -> 195, 2500/10000 -> 65
    assert 'width="195.0"' in svg and 'width="65.0"' in svg


def test_alerts_and_hypotheses_are_shown():
    html = render.render_result("x", RESULT, "u")
    assert "Salaire sous le minimum." in html and "calc-alerte--attention" in html
    assert "<li>Mois ordinaire.</li>" in html


def test_french_typography_is_applied_by_the_renderer_itself():
    # the worker's HTML must equal the build's: no later pass may change the text
    html = render.render_result("x", RESULT, "u")
    assert " :" not in re.sub(r"<[^>]*>", "", html)
    assert f"Attention{N}: " in html


def test_text_is_escaped():
    r = dict(RESULT, hypotheses=["<script>x</script>"])
    assert "<script>" not in render.render_result("x", r, "u")
