"""Every article of the guide carries the metadata the site needs.

Contract (notes/contracts.md): required Title, Date, Summary, Category;
optional Modified, Slug, Order (integer), Regles (year of the rules).
The category is the section, one folder each.  The summary is the page's
meta description: one sentence, short enough for a search result.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pytest
from _contenu import CONTENT, articles, lire

ARTICLES = articles()
IDS = [d.rel for d in ARTICLES]

# folder -> the category its articles must declare (contracts.md)
CATEGORIES = {
    "statuts": "Statuts",
    "tjm": "TJM",
    "portage-salarial": "Portage salarial",
    "simulateurs": "Simulateurs",
}

REQUIRED = ("title", "date", "summary", "category")


def _date(text: str) -> dt.date:
    # Pelican accepts "2026-11-23" or "2026-11-23 10:00"
    return dt.date.fromisoformat(text.strip()[:10])


def test_the_guide_has_articles_in_each_written_section():
    folders = {d.path.parent.name for d in ARTICLES}
    assert {"statuts", "tjm"} <= folders


@pytest.mark.parametrize("doc", ARTICLES, ids=IDS)
def test_required_metadata_present_and_not_empty(doc):
    missing = [k for k in REQUIRED if not doc.meta.get(k)]
    assert not missing, f"{doc.rel}: métadonnées manquantes {missing}"


@pytest.mark.parametrize("doc", ARTICLES, ids=IDS)
def test_dates_are_iso_and_modified_not_before_date(doc):
    published = _date(doc.meta["date"])
    assert dt.date(2024, 1, 1) <= published <= dt.date(2030, 12, 31)
    if "modified" in doc.meta:
        assert _date(doc.meta["modified"]) >= published, doc.rel


@pytest.mark.parametrize("doc", ARTICLES, ids=IDS)
def test_category_matches_its_folder(doc):
    folder = doc.path.parent.relative_to(CONTENT).parts[0]
    if folder in CATEGORIES:
        assert doc.meta["category"] == CATEGORIES[folder], doc.rel


@pytest.mark.parametrize("doc", ARTICLES, ids=IDS)
def test_summary_is_one_short_sentence(doc):
    summary = doc.meta["summary"]
    # a meta description: long enough to say something, short enough to show
    # (search engines cut around 160 characters; 240 leaves room for French)
    assert 40 <= len(summary) <= 240, f"{doc.rel}: résumé de {len(summary)} caractères"
    # one sentence: a single final stop, no Markdown, no computed figure
    assert summary[-1] in ".?!", doc.rel
    assert not re.search(r"[.?!]\s+[A-ZÀ-Ý]", summary[:-1]), f"{doc.rel}: plusieurs phrases"
    assert "{{" not in summary and "](" not in summary, doc.rel


@pytest.mark.parametrize("doc", ARTICLES, ids=IDS)
def test_optional_order_and_rules_year_are_well_formed(doc):
    if "order" in doc.meta:
        assert re.fullmatch(r"[1-9]\d*", doc.meta["order"]), doc.rel
    if "regles" in doc.meta:
        assert re.fullmatch(r"20\d\d", doc.meta["regles"]), doc.rel
    if "slug" in doc.meta:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", doc.meta["slug"]), doc.rel


def test_slugs_and_orders_are_unique_within_a_section():
    slugs, orders = defaultdict(list), defaultdict(list)
    for d in ARTICLES:
        cat = d.meta.get("category")
        slugs[(cat, d.meta.get("slug", d.path.stem))].append(d.rel)
        if "order" in d.meta:
            orders[(cat, d.meta["order"])].append(d.rel)
    assert not {k: v for k, v in slugs.items() if len(v) > 1}
    assert not {k: v for k, v in orders.items() if len(v) > 1}


@pytest.mark.parametrize("doc", ARTICLES, ids=IDS)
def test_the_body_has_a_title_free_start_and_no_second_h1(doc):
    # Pelican prints Title as the page's h1: a "# " heading in the body
    # would make a second one.
    assert not re.search(r"^#\s", doc.body, flags=re.M), doc.rel


# The sections this test's author writes (Statuts, TJM) follow a stricter
# house style: each declares all the optional metadata.
@pytest.mark.parametrize(
    "doc", [d for d in ARTICLES if d.path.parent.name in ("statuts", "tjm")],
    ids=[d.rel for d in ARTICLES if d.path.parent.name in ("statuts", "tjm")],
)
def test_guide_articles_declare_modified_slug_order_and_rules(doc):
    for key in ("modified", "slug", "order", "regles"):
        assert key in doc.meta, f"{doc.rel}: {key} manquant"


def test_the_reader_handles_continuation_lines(tmp_path):
    # a Summary folded on two lines is one value, as the meta extension reads it
    p = tmp_path / "x.md"
    p.write_text("Title: T\nSummary: une phrase\n    qui continue.\n\nCorps\n", encoding="utf-8")
    doc = lire(p)
    assert doc.meta["summary"] == "une phrase qui continue."
    assert doc.body.strip() == "Corps"
