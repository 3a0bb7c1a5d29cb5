"""Sections of the guide (Pelican categories) as the theme shows them.

Settings: RUBRIQUES (category names in menu order) and RUBRIQUES_PATH (folder of
content/ holding one Markdown file per section: `<category-slug>.md`, whose
Title, Summary and body introduce the section on its index page and on the home
page; `accueil.md` in the same folder introduces the home page).

Adds to the template context:
- `rubriques`: the sections that have at least one article, in menu order, each a
  `Rubrique` (name, slug, url, titre, resume, intro HTML, articles sorted by Order then date);
- `rubriques_par_slug`: the same, keyed by category slug;
- `accueil`: the home page introduction (a Page) or None.
Each article gets `rubrique`, `precedent` and `suivant` (neighbours inside its section, same order).
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
from dataclasses import dataclass, field

from pelican import signals
from pelican.contents import Page

logger = logging.getLogger(__name__)


@dataclass
class Rubrique:
    name: str
    slug: str
    url: str
    category: object
    titre: str
    resume: str = ""
    intro: str = ""
    source: Page | None = None
    articles: list = field(default_factory=list)

    def __str__(self) -> str:
        return self.name


def ordre(article) -> tuple:
    """Order within a section: `Order` metadata first (missing = last), then date, then title."""
    raw = article.metadata.get("order")
    try:
        rang = int(raw)
    except (TypeError, ValueError):
        rang = 10**6
    date = getattr(article, "date", None) or _dt.datetime.min
    if getattr(date, "tzinfo", None) is not None:
        date = date.replace(tzinfo=None)
    return (rang, date, article.title)


def _read_intro(generator, filename: str) -> Page | None:
    base = generator.settings["PATH"]
    rel = os.path.join(generator.settings.get("RUBRIQUES_PATH", "rubriques"), filename)
    if not os.path.isfile(os.path.join(base, rel)):
        return None
    return generator.readers.read_file(
        base_path=base, path=rel, content_class=Page, context=generator.context
    )


def _on_articles(generator) -> None:
    noms = list(generator.settings.get("RUBRIQUES", []))
    par_nom = {cat.name: (cat, arts) for cat, arts in generator.categories}
    # Sections not declared in RUBRIQUES still show (after the declared ones); verifications flags them.
    noms += sorted(n for n in par_nom if n not in noms)
    rubriques = []
    for nom in noms:
        if nom not in par_nom:
            continue
        cat, arts = par_nom[nom]
        arts = sorted(arts, key=ordre)
        source = _read_intro(generator, f"{cat.slug}.md")
        rub = Rubrique(
            name=nom,
            slug=cat.slug,
            url=cat.url,
            category=cat,
            titre=source.title if source else nom,
            resume=source.metadata.get("summary", "") if source else "",
            source=source,
            articles=arts,
        )
        rubriques.append(rub)
        for i, art in enumerate(arts):
            art.rubrique = rub
            art.precedent = arts[i - 1] if i > 0 else None
            art.suivant = arts[i + 1] if i + 1 < len(arts) else None
    generator.context["rubriques"] = rubriques
    generator.context["rubriques_par_slug"] = {r.slug: r for r in rubriques}
    generator.context["accueil"] = _read_intro(generator, "accueil.md")


def register():
    signals.article_generator_finalized.connect(_on_articles)
