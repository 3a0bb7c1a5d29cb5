"""Prose expressions of the plugin: a Jinja2 sandbox with the calculators,
``param`` and the French filters; every mistake is a French error."""

from __future__ import annotations

import sys

import pytest
from _outils import ROOT, cli, euros, euros_cents

sys.path.insert(0, str(ROOT / "plugins"))
from calculateurs.expressions import ExpressionError, evaluate  # noqa: E402

from calculators.core import dates, parametres  # noqa: E402


def test_calculator_call_with_nested_attribute_and_filter():
    ref = cli("portage", {"tjm": 600, "jours": 18, "frais_gestion": 0.08})
    assert evaluate("portage(tjm=600, jours=18, frais_gestion=0.08).net_avant_impot | euros") == euros(ref["net_avant_impot"])
    assert evaluate("portage(tjm=600, jours=18).annuel.net_avant_impot | euros_cents") == euros_cents(
        cli("portage", {"tjm": 600, "jours": 18})["annuel"]["net_avant_impot"])


def test_param_at_default_date_and_given_date():
    pmss = parametres.valeur("securite_sociale.plafond_mensuel", dates.default_date())
    assert evaluate('param("securite_sociale.plafond_mensuel") | euros') == euros(pmss)
    import datetime as dt
    pmss25 = parametres.valeur("securite_sociale.plafond_mensuel", dt.date(2025, 3, 1))
    assert evaluate('param("securite_sociale.plafond_mensuel", date="2025-03-01") | euros') == euros(pmss25)


@pytest.mark.parametrize("expr,message", [
    ("inconnu(tjm=600).net | euros", "nom inconnu"),
    ("portage(tjm=600).net_inexistant | euros", "attribut inconnu « net_inexistant »"),
    ("portage(tjm='abc').net_avant_impot | euros", "Saisissez un nombre"),
    ("portage(zorglub=1).net_avant_impot | euros", "Champ inconnu"),
    ('param("nulle.part") | euros', "paramètre inconnu « nulle.part »"),
    ("portage(tjm=600).net_avant_impot", "filtre"),         # a raw float needs a filter
    ("portage(tjm=600)", "ensemble de valeurs"),              # a whole result is not a figure
    ("portage(tjm=600).net_avant_impot |", "mal écrite"),
    ("portage.__class__", "interdite"),                     # the sandbox refuses internals
    ("portage(tjm=600).chiffres_cles | euros", "attend un nombre"),
])
def test_mistakes_are_french_errors(expr, message):
    with pytest.raises(ExpressionError) as exc:
        evaluate(expr)
    assert message in str(exc.value)


def test_double_braces_can_be_written_literally_and_code_fences_are_left_alone(tmp_path):
    from calculateurs import Page

    class _Stash:
        def __init__(self):
            self.items = []

        def store(self, html):
            self.items.append(html)
            return f"@{len(self.items) - 1}@"

    class _Md:
        htmlStash = _Stash()

    page = Page(tmp_path / "x.md", {"SITEURL": ""})
    lines = ["Title: x", "", 'Écrire {{ "{{" }} ici.', "```", "{{ pas évalué }}", "::: calculateur rien", "```"]
    out = page.process(lines, _Md())
    assert page.errors == []
    assert out[4:] == ["{{ pas évalué }}", "::: calculateur rien", "```"]
    assert _Md.htmlStash.items[0].endswith(">{{</span>")
