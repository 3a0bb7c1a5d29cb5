"""The source pass (all generators finalized): each Markdown file's front matter and
{filename}/{static} links, and which source produced which output file."""

from __future__ import annotations

import os

from pelican.generators import ArticlesGenerator, PagesGenerator

from .commun import _state
from .front_matter import verifier_entete
from .liens import verifier_liens_source


def _on_all_generators(generators) -> None:
    _state.problemes.clear()
    _state.cibles_cassees.clear()
    _state.sources.clear()
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            kind, paths, excludes = "article", "ARTICLE_PATHS", "ARTICLE_EXCLUDES"
        elif isinstance(generator, PagesGenerator):
            kind, paths, excludes = "page", "PAGE_PATHS", "PAGE_EXCLUDES"
        else:
            continue
        settings = generator.settings
        root = generator.path
        _state.content_root = root
        files = sorted(generator.get_files(settings[paths], exclude=settings[excludes]))
        for rel in files:
            full = os.path.join(root, rel)
            if not rel.endswith((".md", ".markdown", ".mkd", ".mdown")):
                continue
            verifier_entete(full, kind, settings)
            verifier_liens_source(full, root, generator.context)
        contents = []
        if kind == "article":
            contents = list(generator.articles) + list(generator.translations) + list(generator.drafts) \
                + list(getattr(generator, "drafts_translations", []))
        else:
            contents = list(generator.pages) + list(generator.hidden_pages) \
                + list(getattr(generator, "draft_pages", [])) + list(generator.translations)
        for content in contents:
            if getattr(content, "save_as", None):
                _state.sources[content.save_as.replace(os.sep, "/")] = content.source_path
        if kind == "article":
            rubriques_dir = os.path.join(root, settings.get("RUBRIQUES_PATH", "rubriques"))
            if os.path.isdir(rubriques_dir):
                for name in sorted(os.listdir(rubriques_dir)):
                    if name.endswith(".md"):
                        full = os.path.join(rubriques_dir, name)
                        verifier_entete(full, "page", settings)
                        verifier_liens_source(full, root, generator.context)
                        slug = name[:-3]
                        save_as = settings["INDEX_SAVE_AS"] if slug == "accueil" \
                            else settings["CATEGORY_SAVE_AS"].format(slug=slug)
                        _state.sources[save_as] = full
