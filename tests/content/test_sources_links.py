"""Every article names its sources, and every internal link lands somewhere.

Contract (notes/contracts.md): each article ends with a ``## Sources``
section listing official sources; internal links use Pelican's
``{filename}`` syntax; glossary terms have stable anchors ``{#id}`` in
content/pages/glossaire.md.  These checks read content/ directly: no build.
"""

from __future__ import annotations

import re

import pytest
from _contenu import (
    CONTENT,
    GLOSSAIRE,
    ancres,
    articles,
    liens_internes,
    lire,
    section,
    titres,
    tous_les_documents,
)

ARTICLES = articles()
DOCUMENTS = tous_les_documents()

# Hosts of the official sources the guide relies on.
OFFICIELS = (
    "legifrance.gouv.fr", "urssaf.fr", "service-public.fr", "service-public.gouv.fr",
    "boss.gouv.fr", "apec.fr", "francetravail.fr", "impots.gouv.fr",
    "economie.gouv.fr", "entreprendre.service-public.fr", "travail-emploi.gouv.fr",
    "unedic.org", "agirc-arrco.fr", "info-retraite.fr", "bpifrance-creation.fr",
    "insee.fr", "securite-sociale.fr", "lassuranceretraite.fr", "ameli.fr",
    "code.travail.gouv.fr", "bofip.impots.gouv.fr", "autoentrepreneur.urssaf.fr",
)

_URL = re.compile(r"\]\((https?://[^)\s]+)")


@pytest.mark.parametrize("doc", ARTICLES, ids=[d.rel for d in ARTICLES])
def test_article_ends_with_a_sources_section_with_links(doc):
    h2 = [text for level, text, _ in titres(doc.body) if level == 2]
    assert "Sources" in h2, f"{doc.rel}: pas de section « ## Sources »"
    assert h2[-1] == "Sources", f"{doc.rel}: « Sources » doit être la dernière section"
    urls = _URL.findall(section(doc.body, "Sources"))
    assert urls, f"{doc.rel}: la section Sources ne contient aucun lien"


@pytest.mark.parametrize("doc", ARTICLES, ids=[d.rel for d in ARTICLES])
def test_sources_include_an_official_one_and_say_what_it_supports(doc):
    text = section(doc.body, "Sources") or ""
    items = [l for l in text.splitlines() if re.match(r"\s*[-*]\s", l)]
    assert items, f"{doc.rel}: les sources sont une liste"
    official = [l for l in items if any(h in l for h in OFFICIELS)]
    assert official, f"{doc.rel}: aucune source officielle"
    for item in items:
        # a link alone says nothing: each item also says what it supports
        without_links = re.sub(r"\[[^\]]*\]\([^)]*\)", "", item)
        assert len(re.sub(r"[\s\-*:,.;()]", "", without_links)) >= 10, f"{doc.rel}: {item.strip()}"


def _targets():
    for doc in DOCUMENTS:
        for line, target, anchor in liens_internes(doc):
            yield pytest.param(doc, line, target, anchor, id=f"{doc.rel}:{line}:{target}")


@pytest.mark.parametrize("doc,line,target,anchor", list(_targets()))
def test_internal_link_resolves(doc, line, target, anchor):
    path = CONTENT / target.lstrip("/")
    assert path.is_file(), f"{doc.rel}:{line}: {target} n'existe pas"
    if anchor:
        assert anchor in ancres(lire(path)), f"{doc.rel}:{line}: ancre #{anchor} absente de {target}"


def test_links_are_relative_to_content_root():
    # "{filename}statuts/x.md" (no slash) is relative to the current file in
    # Pelican and breaks when an article moves: the guide always starts at /.
    bad = []
    for doc in DOCUMENTS:
        for line, target, _ in liens_internes(doc):
            if not target.startswith("/"):
                bad.append(f"{doc.rel}:{line}: {target}")
    assert not bad


def test_no_internal_link_written_as_a_site_url():
    # a link typed as "/statuts/eurl/" escapes the build's check
    bad = []
    for doc in DOCUMENTS:
        for n, l in enumerate(doc.body.splitlines(), start=doc.body_start):
            for m in re.finditer(r"\]\((/(?:statuts|tjm|portage-salarial|simulateurs)/[^)]*)\)", l):
                bad.append(f"{doc.rel}:{n}: {m.group(1)}")
    assert not bad


# ---------------------------------------------------------------- glossary

GLOSSARY_TERMS = {
    # anchor: why it must exist (the articles link these terms)
    "tjm", "ca-ht", "pmss", "csg", "crds", "reserve-financiere", "frais-de-gestion",
    "taux-de-restitution", "cotisations", "net-avant-impot", "prelevement-a-la-source",
    "smic", "forfait-jours", "indemnite-apport-affaires", "are", "rgdu", "tns",
    "assimile-salarie", "versement-liberatoire",
}


def test_glossary_has_the_stable_anchors_the_articles_use():
    ids = [ident for _l, _t, ident in titres(lire(GLOSSAIRE).body) if ident]
    assert GLOSSARY_TERMS <= set(ids), GLOSSARY_TERMS - set(ids)
    assert len(ids) == len(set(ids)), "ancre en double dans le glossaire"


def test_every_glossary_term_heading_has_an_explicit_anchor():
    # an anchor generated from the heading text would change with a typo fix
    for level, text, ident in titres(lire(GLOSSAIRE).body):
        if level == 2 and text != "Sources":
            assert ident, f"glossaire : « {text} » sans ancre {{#…}}"


def test_the_link_checker_sees_a_broken_link(tmp_path, monkeypatch):
    # the checker itself: a link to a missing file and a missing anchor are caught
    import _contenu

    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "glossaire.md").write_text("Title: G\n\n## TJM {#tjm}\n", encoding="utf-8")
    a = tmp_path / "a.md"
    a.write_text(
        "Title: A\n\nVoir [x]({filename}/nulle-part.md) et "
        "[y]({filename}/pages/glossaire.md#absente), [z]({filename}/pages/glossaire.md#tjm).\n",
        encoding="utf-8",
    )
    doc = _contenu.lire(a)
    found = liens_internes(doc)
    assert [(t, an) for _, t, an in found] == [
        ("/nulle-part.md", None), ("/pages/glossaire.md", "absente"), ("/pages/glossaire.md", "tjm"),
    ]
    gl = _contenu.lire(tmp_path / "pages" / "glossaire.md")
    assert "tjm" in ancres(gl) and "absente" not in ancres(gl)
    assert not (tmp_path / "nulle-part.md").exists()


GUIDE = [d for d in ARTICLES if d.path.parent.name in ("statuts", "tjm")]


@pytest.mark.parametrize("doc", GUIDE, ids=[d.rel for d in GUIDE])
def test_guide_articles_link_their_terms_to_the_glossary(doc):
    # the Statuts and TJM articles explain their jargon through the glossary
    cibles = [t for _, t, _ in liens_internes(doc) if t == "/pages/glossaire.md"]
    assert cibles, f"{doc.rel}: aucun terme relié au glossaire"


@pytest.mark.parametrize("doc", GUIDE, ids=[d.rel for d in GUIDE])
def test_guide_articles_link_to_other_articles(doc):
    # no dead end: each article sends the reader somewhere else in the guide
    autres = {t for _, t, _ in liens_internes(doc)
              if not t.startswith("/pages/") and t.lstrip("/") != doc.rel}
    assert len(autres) >= 2, f"{doc.rel}: moins de deux liens vers d'autres articles"
