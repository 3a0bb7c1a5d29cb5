"""The month/year switch (issue 12): only where a figure of the result has both
a monthly and a yearly value; pressing it never shrinks a key figure that has
no yearly value.  Prerendered results (the engine is blocked: not needed)."""

from __future__ import annotations

import pytest

SIZE = """(code) => parseFloat(getComputedStyle(document.querySelector(
  `.calc-chiffre[data-code="${code}"] .calc-periode--mois`)).fontSize)"""


@pytest.fixture
def page_(fresh):
    page, _ = fresh()
    page.route("**/runtime/**", lambda route: route.abort())
    return page


@pytest.mark.parametrize("path,uid,shown", [
    ("portage", "calc-portage", True),
    ("salarie", "calc-salarie", True),
    ("sasu", "calc-sasu", False),
    ("eurl", "calc-eurl", False),
    ("micro-entreprise", "calc-micro", False),
    ("protection-sociale", "calc-protection", False),
])
def test_the_switch_is_there_only_where_a_figure_has_both(page_, site_url, path, uid, shown):
    page_.goto(f"{site_url}/simulateurs/{path}/")
    both = page_.locator(f"#{uid}-resultat .calc-chiffre .calc-periode--an").count() > 0
    assert both == shown
    assert page_.get_by_role("button", name="Montants par an").is_visible() == shown


def test_the_yearly_view_never_shrinks_a_figure_without_a_yearly_value(page_, site_url):
    page_.goto(f"{site_url}/simulateurs/portage/")
    alone = page_.evaluate("""() => Array.from(document.querySelectorAll('#calc-portage-resultat .calc-chiffre'))
      .filter(c => !c.querySelector('.calc-periode--an')).map(c => c.dataset.code)""")
    paired = page_.evaluate("""() => Array.from(document.querySelectorAll('#calc-portage-resultat .calc-chiffre'))
      .filter(c => c.querySelector('.calc-periode--an')).map(c => c.dataset.code)""")
    assert alone and paired
    before = {c: page_.evaluate(SIZE, c) for c in alone}
    page_.get_by_role("button", name="Montants par an").click()
    assert {c: page_.evaluate(SIZE, c) for c in alone} == before
    # the paired ones swap: the yearly figure takes the large size
    big = page_.evaluate("""(code) => parseFloat(getComputedStyle(document.querySelector(
      `.calc-chiffre[data-code="${code}"] .calc-periode--an`)).fontSize)""", paired[0])
    assert big == max(before.values())
