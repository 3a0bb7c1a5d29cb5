"""Search (issue 12): excerpts without the heading-anchor text, links to the
matching section, the true number of pages found, a suggestion when nothing
matches; Pagefind's unused ready-made interfaces are not shipped (issue 13)."""

from __future__ import annotations

import re

TOTAL = """async (q) => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  return (await pf.search(q)).results.length;
}"""


def _search(page, site_url, q):
    page.goto(f"{site_url}/recherche/?q={q}")
    page.wait_for_selector("[data-recherche-statut]:not(:text('Recherche en cours'))")
    page.wait_for_function("() => !/en cours/.test(document.querySelector('[data-recherche-statut]').textContent)")
    return page.locator("[data-recherche-statut]").inner_text()


def test_excerpts_links_and_the_true_count(page, site_url):
    said = _search(page, site_url, "cotisations")
    total = page.evaluate(TOTAL, "cotisations")
    assert total > 0
    count = int(re.match(r"(\d+) pages? trouvées?", said).group(1))
    assert count == total
    items = page.locator("[data-recherche-liste] li")
    assert items.count() == min(total, 20)
    text = page.locator("[data-recherche-liste]").inner_text()
    assert "Lien direct vers cette section" not in text
    hrefs = [a.get_attribute("href") for a in page.locator("[data-recherche-liste] li > a").all()]
    assert any("#" in h for h in hrefs)  # the matching section, not only the page
    first = next(h for h in hrefs if "#" in h)
    page.goto(site_url + first if first.startswith("/") else first)
    anchor = first.split("#", 1)[1]
    assert page.locator(f"[id='{anchor}']").count() == 1


def test_a_suggestion_when_nothing_matches(page, site_url):
    said = _search(page, site_url, "xqzwvk")
    assert said.startswith("Aucune page ne contient")
    link = page.locator("[data-recherche-statut] a")
    assert link.count() == 1 and "Essayez" in link.inner_text()
    link.click()
    page.wait_for_function("() => /trouvée/.test(document.querySelector('[data-recherche-statut]').textContent)")
    assert page.locator("[data-recherche-liste] li").count() > 0
    assert "q=" in page.url


def test_pagefind_ui_bundles_are_not_shipped(site_dir):
    names = sorted(p.name for p in (site_dir / "pagefind").iterdir())
    assert "pagefind.js" in names
    assert not [n for n in names if re.match(r"pagefind-(ui|modular-ui|component-ui|highlight)\.", n)]


def test_on_a_phone_the_header_field_keeps_room_for_what_is_typed(fresh, site_url):
    # 375 px: the button is a magnifier (its name still « Rechercher »), the field
    # shows its whole placeholder « Rechercher… »
    page, _ = fresh(viewport={"width": 375, "height": 812})
    page.goto(f"{site_url}/simulateurs/portage/")
    field = page.locator("#q-entete")
    button = page.get_by_role("button", name="Rechercher", exact=True)
    assert button.count() == 1 and button.is_visible()
    fits = field.evaluate("""(el) => {
      const c = document.createElement('canvas').getContext('2d');
      const s = getComputedStyle(el);
      c.font = `${s.fontSize} ${s.fontFamily}`;
      const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      return c.measureText(el.placeholder).width <= room;
    }""")
    assert fits
    field.fill("portage")
    button.click()
    page.wait_for_url("**/recherche/?q=portage")
