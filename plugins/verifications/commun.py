"""What every check shares: the problems found, the state of one build, source lines."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Probleme:
    fichier: str
    ligne: int | None
    message: str

    def __str__(self) -> str:
        where = self.fichier if self.ligne is None else f"{self.fichier}:{self.ligne}"
        return f"{where}: {self.message}"


class _State:
    def __init__(self):
        self.problemes: list[Probleme] = []
        self.sources: dict[str, str] = {}  # output file (relative, posix) -> absolute source path
        self.content_root = ""
        self.cibles_cassees: set[str] = set()  # "{filename}x.md" links already reported from the sources


_state = _State()

def _display(path: str) -> str:
    """Path as the editor sees it: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def _lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _find_line(path: str, *needles: str) -> int | None:
    lines = _lines(path)
    for needle in needles:
        if not needle:
            continue
        for number, line in enumerate(lines, 1):
            if needle in line:
                return number
    return None


def _add(fichier: str, ligne: int | None, message: str) -> None:
    _state.problemes.append(Probleme(_display(fichier), ligne, message))
