"""Result types shared by the calculators.

- :class:`Ligne`: one line of a payslip or of a contributions statement (the
  internal, unrounded form the rules compute), in place of positional tuples;
  :meth:`Ligne.en_json` gives the dict the renderer and the browser read
  (keys ``code``, ``libelle``, ``groupe``, ``assiette``, ``taux_salarial``,
  ``taux_patronal``, ``montant_salarial``, ``montant_patronal``, ``reference``).
- :data:`PERIODES`: the periods a result's amounts are expressed in; every
  result carries ``periode`` (``"mois"`` or ``"annee"``), so that no caller
  divides a monthly figure by twelve (tests/calculators/test_architecture.py
  runs every scenario and checks it).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

PERIODES = ("mois", "annee")


@dataclass(frozen=True)
class Ligne:
    code: str
    libelle: str
    groupe: str
    base: float | None                       # assiette (€)
    taux_salarial: float | None = None       # the salaried (or self-employed) share's rate
    taux_patronal: float | None = None
    montant_salarial: float | None = None
    montant_patronal: float | None = None
    parametre: str = ""                      # the parameter whose legal reference the line shows

    def remplace(self, **changes) -> "Ligne":
        return dataclasses.replace(self, **changes)

    def en_json(self, reference: str, assiette=None, montant_salarial=None, montant_patronal=None) -> dict:
        """The line as the result shows it, with its rounded amounts and legal reference."""
        return {
            "code": self.code, "libelle": self.libelle, "groupe": self.groupe,
            "assiette": assiette, "taux_salarial": self.taux_salarial, "taux_patronal": self.taux_patronal,
            "montant_salarial": montant_salarial, "montant_patronal": montant_patronal,
            "reference": reference,
        }


__all__ = ["Ligne", "PERIODES"]


def chiffres_cles(t: dict, unite: str, lignes: list[tuple[str, str, str]]) -> list[dict]:
    """Key figures of a result: one dict per (code, libelle, aide), its value read from ``t[code]``."""
    return [{"code": code, "libelle": libelle, "valeur": t[code], "unite": unite, "aide": aide}
            for code, libelle, aide in lignes]


def repartition(t: dict, lignes: list[tuple[str, str]]) -> list[dict]:
    """Where the money goes: one dict per (code, libelle), its amount read from ``t[code]``."""
    return [{"code": code, "libelle": libelle, "montant": t[code]} for code, libelle in lignes]
