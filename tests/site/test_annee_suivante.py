"""The site built as on 15 January 2027, after the last day the parameter files
cover (calculators/data/couverture.toml): the build passes, and every
prerendered result and every article stamp says that the 2027 rules are not yet
in the guide.  One extra build (``make build`` with CADRE_LIBRE_AUJOURDHUI, the
variable read by calculators/core/dates.py)."""

from __future__ import annotations

import re

import pytest
from site_html import html_pages, parse, url_of

from calculators.core import dates

LATER = "2027-01-15"
WARNING = "Les règles de 2027 ne sont pas encore dans le guide"


@pytest.fixture(scope="module")
def site_2027(tmp_path_factory, build_site):
    assert dates.LAST_DAY.isoformat() < LATER, "move LATER past calculators/data/couverture.toml"
    output = tmp_path_factory.mktemp("site-2027")
    mp = pytest.MonkeyPatch()
    mp.setenv(dates.ENV_TODAY, LATER)
    try:
        result = build_site(output)
    finally:
        mp.undo()
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]
    return output


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("\u202f", " ")


def test_every_prerendered_result_says_the_2027_rules_are_missing(site_2027):
    pages = 0
    for path in html_pages(site_2027):
        html = path.read_text(encoding="utf-8")
        results = html.split('class="calc-sortie"')[1:]
        if not results:
            continue
        pages += 1
        for block in results:
            head = block[: block.find('class="calc-chiffres"')] if 'class="calc-chiffres"' in block else block
            assert 'class="calc-regles-manquantes' in head, url_of(site_2027, path)
            assert WARNING.replace("\u202f", " ") in _text(head), url_of(site_2027, path)
            # the default date is the last covered day; a page may preset another covered day
            # (« Quitter son CDI »: a contract ending on 30 September 2026)
            assert re.search(r"Règles en vigueur au (?:1er|\d{1,2}) \w+ 2026 \(règles 2026\)\.", _text(head)), \
                url_of(site_2027, path)
            if "calc-quitter_cdi" not in head:
                assert "Règles en vigueur au 31 décembre 2026 (règles 2026)." in _text(head), url_of(site_2027, path)
    assert pages >= 8  # a page for each calculator at least


def test_every_article_stamp_says_the_2027_rules_are_missing(site_2027):
    stamps = 0
    for path in html_pages(site_2027):
        doc = parse(path)
        if doc.meta("og:type") != "article":
            continue
        stamp = [p.text for p in doc.all("p", **{"class": "tampon"})]
        assert len(stamp) == 1, url_of(site_2027, path)
        assert re.fullmatch(r"Mis à jour le .+ · règles 20\d\d · les règles de 2027 ne sont pas encore dans le guide",
                            stamp[0]), (url_of(site_2027, path), stamp)
        stamps += 1
    assert stamps > 10


@pytest.mark.parametrize("today,year", [
    (LATER, dates.LAST_DAY.year),                      # after the covered days: the last covered year
    (dates.LAST_DAY.isoformat(), dates.LAST_DAY.year),
    (dates.FIRST_DAY.isoformat(), dates.FIRST_DAY.year),
    ("2020-06-01", dates.FIRST_DAY.year),              # before them: the first covered year
])
def test_the_stamp_year_of_an_article_without_regles_is_the_default_simulation_year(monkeypatch, today, year):
    # an article that sets no `Regles` is stamped with the year the calculators simulate by default
    from plugins import habillage

    monkeypatch.setenv(dates.ENV_TODAY, today)
    assert habillage.regles_defaut() == year
