"""Reads the editors' Markdown front matter, independently of the build's own plugins."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The content tree under test: content/, or another one named by $CADRE_LIBRE_CONTENT.
CONTENT = Path(os.environ.get("CADRE_LIBRE_CONTENT") or ROOT / "content").resolve()
SECTION_FOLDERS = {"statuts": "Statuts", "tjm": "TJM", "portage-salarial": "Portage salarial",
                   "simulateurs": "Simulateurs"}


@dataclass
class Source:
    path: Path
    meta: dict

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.meta["date"][:10])

    @property
    def modified(self) -> dt.date | None:
        return dt.date.fromisoformat(self.meta["modified"][:10]) if self.meta.get("modified") else None

    @property
    def order(self) -> int | None:
        return int(self.meta["order"]) if self.meta.get("order") else None

    @property
    def published(self) -> bool:
        return self.meta.get("status", "published").lower() == "published"


def front_matter(path: Path) -> dict:
    meta = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        match = re.match(r"^([A-Za-z0-9_-]+):\s*(.*)$", line)
        if not match:
            break
        meta[match.group(1).lower()] = match.group(2).strip()
    return meta


def articles(folder: str) -> list[Source]:
    found = [Source(p, front_matter(p)) for p in sorted((CONTENT / folder).glob("*.md"))]
    return [s for s in found if s.published]


def copy_with_filled_legal_notice(destination: Path) -> Path:
    """A copy of the content tree whose legal notice is filled, as an editor does before publishing."""
    import shutil

    shutil.copytree(CONTENT, destination)
    page = destination / "pages" / "mentions-legales.md"
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'^!!! attention "À compléter[^\n]*\n(?:    [^\n]*\n)+\n', "", text, flags=re.MULTILINE)
    text = (text.replace("[nom ou raison sociale, adresse postale]", "Association Exemple, 1 rue de la Paix, 75002 Paris")
                .replace("[nom]", "Camille Martin")
                .replace("[adresse électronique]", "contact@exemple.org"))
    page.write_text(text, encoding="utf-8")
    return destination
