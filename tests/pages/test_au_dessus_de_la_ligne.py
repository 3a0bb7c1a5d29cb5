"""A result above the fold (issue 12): on a calculator page the calculator comes
right under the title, before the explanations; on a 1 280 × 900 screen its first
field and its first key figure are within the first screen (the comparators,
whose fields sit side by side, within two)."""

from __future__ import annotations

import pytest

WHERE = """() => {
  const r = document.querySelector('.calculateur');
  const y = (e) => e ? e.getBoundingClientRect().top + scrollY : null;
  const prose = document.querySelector('.prose > p');
  return {
    field: y(r.querySelector('.calc-form input, .calc-form select')),
    result: y(r.querySelector('.calc-sortie .calc-chiffre, .calc-sortie table')),
    prose: y(prose),
  };
}"""


@pytest.mark.parametrize("path,screens", [
    ("portage", 1), ("salarie", 1), ("micro-entreprise", 1), ("sasu", 1), ("eurl", 1), ("tjm", 1),
    ("protection-sociale", 1), ("comparateur-statuts", 2), ("comparateur-offres", 2),
])
def test_first_field_and_first_result_within_the_first_screen(fresh, site_url, path, screens):
    page, _ = fresh(viewport={"width": 1280, "height": 900})
    page.route("**/runtime/**", lambda route: route.abort())  # the prerendered result
    page.goto(f"{site_url}/simulateurs/{path}/")
    at = page.evaluate(WHERE)
    assert at["field"] < 900
    assert at["result"] < 900 * screens
    # the explanations come after the calculator
    assert at["prose"] is None or at["prose"] > at["field"]
