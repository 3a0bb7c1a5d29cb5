"""Front matter: required fields, dates, Order/Regles, an article's category against its folder."""

from __future__ import annotations

import os
import re

from pelican.utils import get_date, slugify

from .commun import _add, _lines

_META_LINE = re.compile(r"^([A-Za-z0-9_-]+):\s*(.*)$")
_LABELS = {"title": "Title", "date": "Date", "summary": "Summary", "category": "Category",
           "modified": "Modified", "order": "Order", "regles": "Regles"}


def lire_entete(path: str) -> tuple[dict[str, tuple[int, str]], int]:
    """Markdown front matter: {key (lower case): (line, value)} and the number of header lines."""
    lines = _lines(path)
    meta: dict[str, tuple[int, str]] = {}
    start = 1 if lines and lines[0].strip() == "---" else 0
    last_key = None
    end = start
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip() or line.strip() in ("---", "..."):
            break
        match = _META_LINE.match(line)
        if match:
            last_key = match.group(1).lower()
            meta[last_key] = (index + 1, match.group(2).strip())
        elif last_key and line.startswith((" ", "\t")):
            number, value = meta[last_key]
            meta[last_key] = (number, f"{value} {line.strip()}".strip())
        else:
            break
        end = index + 1
    return meta, end


def verifier_entete(path: str, kind: str, settings) -> None:
    required = settings.get("METADONNEES_REQUISES", {}).get(kind, [])
    meta, end = lire_entete(path)
    for key in required:
        if key not in meta:
            _add(path, 1, f"en-tête : le champ « {_LABELS.get(key, key.title())} » manque "
                          f"(obligatoires : {', '.join(_LABELS.get(k, k) for k in required)})")
        elif not meta[key][1]:
            _add(path, meta[key][0], f"en-tête : le champ « {_LABELS.get(key, key.title())} » est vide")
    for key in ("date", "modified"):
        if key in meta and meta[key][1]:
            try:
                get_date(meta[key][1])
            except (ValueError, TypeError, OverflowError):
                _add(path, meta[key][0], f"en-tête : date illisible « {meta[key][1]} » "
                                         "(format attendu : AAAA-MM-JJ)")
    for key in ("order", "regles"):
        if key in meta and not re.fullmatch(r"-?\d+", meta[key][1]):
            _add(path, meta[key][0], f"en-tête : « {_LABELS[key]} » doit être un nombre entier "
                                     f"(trouvé « {meta[key][1]} »)")
    if kind == "article" and "category" in meta and meta["category"][1]:
        rubriques = settings.get("RUBRIQUES") or []
        category = meta["category"][1]
        if rubriques and category not in rubriques:
            _add(path, meta["category"][0], f"en-tête : rubrique inconnue « {category} » "
                                            f"(rubriques : {', '.join(rubriques)})")
        elif rubriques:
            # the folder of an article is its section: content/tjm/ holds the articles of « TJM »
            folders = {slugify(name, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", [])): name
                       for name in rubriques}
            folder = os.path.relpath(path, settings["PATH"]).replace(os.sep, "/").split("/")[0]
            if folder in folders and folders[folder] != category:
                _add(path, meta["category"][0], f"en-tête : rubrique « {category} », mais le fichier est "
                                                f"dans content/{folder}/, le dossier de « {folders[folder]} »")
