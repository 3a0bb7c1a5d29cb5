"""Refuses the production build while the legal notice still holds placeholders.

Active only when the setting VERIFIER_MENTIONS_LEGALES is true (publishconf.py sets it, so
`make publish` checks and `make build` does not). It reads the page MENTIONS_LEGALES
(relative to the content folder; default pages/mentions-legales.md) before anything is
written and stops the build, naming the file and line of each placeholder: the « À compléter »
box, a bracketed blank such as « [nom] » or « [adresse électronique] » (not a Markdown link),
or the words « à compléter » / « à renseigner ».
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pelican import signals

PAGE = "pages/mentions-legales.md"

# A bracketed blank is « [...] » not followed by « ( » or « [ » (that would be a link).
_PLACEHOLDER = re.compile(
    r"à compléter|à renseigner|\[(?:nom|adresse|raison sociale|à )[^\]]*\](?![(\[])",
    re.IGNORECASE,
)


def placeholders(path: Path) -> list[tuple[int, str]]:
    """(line number, line) of each line of the page that still holds a placeholder."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if _PLACEHOLDER.search(line):
            found.append((number, line.strip()))
    return found


def message(path: Path, found: list[tuple[int, str]]) -> str:
    lines = [f"  {path}:{number}: {text}" for number, text in found]
    return (
        "Publication refusée : les mentions légales ne sont pas complètes.\n"
        + "\n".join(lines) + "\n"
        "Renseignez l'identité de l'éditeur (nom ou raison sociale, adresse postale), le nom du "
        "directeur de la publication et une adresse de contact dans ce fichier, puis supprimez "
        "l'encadré « À compléter avant la mise en ligne » (article 6 de la loi n° 2004-575 "
        "du 21 juin 2004).\n"
    )


def _on_initialized(pelican) -> None:
    settings = pelican.settings
    if not settings.get("VERIFIER_MENTIONS_LEGALES"):
        return
    path = Path(settings["PATH"]) / settings.get("MENTIONS_LEGALES", PAGE)
    if not path.is_file():
        sys.stderr.write(f"Publication refusée : la page des mentions légales manque ({path}).\n")
        raise SystemExit(1)
    found = placeholders(path)
    if found:
        sys.stderr.write(message(path, found))
        sys.stderr.flush()
        raise SystemExit(1)


def register():
    signals.initialized.connect(_on_initialized)
