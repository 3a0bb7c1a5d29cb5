"""The glossary reads like a dictionary: its entries in French alphabetical order
(accents, case, spaces and punctuation ignored, as a French dictionary sorts: « Échelon »
between « Dividendes » and « Entreprise », « Indemnité d’apport » before « Indemnité de fin »)."""

from __future__ import annotations

import re
import unicodedata

from _contenu import GLOSSAIRE

_ENTRY = re.compile(r"^## (.+?)\s*\{#[^}]+\}\s*$", re.MULTILINE)


def collation_key(title: str) -> str:
    decomposed = unicodedata.normalize("NFD", title)
    return "".join(c for c in decomposed if c.isalnum()).casefold()


def test_collation_ignores_accents_and_case():
    assert sorted(["Entreprise", "Échelon", "dividendes"], key=collation_key) == ["dividendes", "Échelon", "Entreprise"]
    assert sorted(["de fin", "d’apport"], key=collation_key) == ["d’apport", "de fin"]


def test_glossary_entries_are_in_alphabetical_order():
    titles = _ENTRY.findall(GLOSSAIRE.read_text(encoding="utf-8"))
    assert len(titles) > 40
    misplaced = [(a, b) for a, b in zip(titles, titles[1:]) if collation_key(a) > collation_key(b)]
    assert not misplaced, "glossaire hors de l’ordre alphabétique : " + " ; ".join(f"« {a} » avant « {b} »" for a, b in misplaced)


def test_glossary_defines_the_polish_terms():
    text = GLOSSAIRE.read_text(encoding="utf-8")
    for anchor in ("assiette", "rci", "ssi", "ipr"):
        assert "{#" + anchor + "}" in text
