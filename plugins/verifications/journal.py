"""Pelican's own errors (and the warnings that mean broken content) fail the build, with ours."""

from __future__ import annotations

import logging
import os
import sys

from . import avance
from .commun import _state
from .sortie import verifier_sortie


class _Collecteur(logging.Handler):
    """Keeps Pelican's errors and the warnings that mean broken content."""

    WARNINGS = ("Unable to find", "Empty alt attribute", "skipping url replacement")

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(__package__):
            return
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a badly formatted log must not hide the others
            message = str(record.msg)
        if record.levelno >= logging.ERROR or any(w in message for w in self.WARNINGS):
            self.messages.append(message)


_collecteur = _Collecteur()


def _autoreload() -> bool:
    return any(a in ("-r", "--autoreload") or (a.startswith("-") and not a.startswith("--") and "r" in a
                                                and len(a) <= 4) for a in sys.argv[1:])


class ContenuInvalide(Exception):
    exitcode = 1


def _on_finalized(pelican) -> None:
    try:
        verifier_sortie(pelican.settings["OUTPUT_PATH"], pelican.settings.get("SITEURL", ""))
        problemes = list(dict.fromkeys(_state.problemes))
        deja = {c.split("}", 1)[1].split("#")[0] for c in _state.cibles_cassees}
        pelican_messages = [m for m in dict.fromkeys(_collecteur.messages)
                            if not any(f"Unable to find '{d}" in m for d in deja)]
        if not problemes and not pelican_messages:
            return
        total = len(problemes) + len(pelican_messages)
        avertir = os.environ.get("CADRE_LIBRE_VERIFICATIONS", "").lower() == "avertir"
        # Printed as plain lines (one problem a line, never wrapped), whatever Pelican's log handler.
        lines = [str(p) for p in problemes] + [f"Pelican : {m}" for m in pelican_messages]
        head = (f"Problèmes dans le contenu : {total} (CADRE_LIBRE_VERIFICATIONS=avertir : construction poursuivie)"
                if avertir else f"Construction refusée : {total} problème(s) dans le contenu :")
        tail = "" if avertir else "Corrigez-les puis relancez la construction.\n"
        sys.stderr.write(f"\n{head}\n" + "".join(f"  {line}\n" for line in lines) + tail)
        sys.stderr.flush()
        if avertir:
            return
        if _autoreload():
            raise ContenuInvalide(f"construction refusée : {total} problème(s) dans le contenu (voir ci-dessus)")
        raise SystemExit(1)
    finally:
        avance.stop()
        _state.problemes.clear()
        _state.cibles_cassees.clear()
        _collecteur.messages.clear()
