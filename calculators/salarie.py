"""The ``salarie`` calculator: a private-sector employee's pay, line by line.

A configuration over :mod:`calculators.regles.cotisations_salariales` (the
rules, its inputs ``FIELDS`` and its result); see that module for the
modelling choices and the Python API.
"""

from __future__ import annotations

from .regles.cotisations_salariales import (  # noqa: F401  (the calculator's public API)
    EFFECTIF_DEFAUT,
    FIELDS,
    MONTANTS,
    Situation,
    brut_depuis_cout_employeur,
    brut_depuis_net,
    bulletin,
    calculer,
    check,
    montants,
    valeurs,
)

NAME = "salarie"
TITLE = "Salaire d'un salarié du privé"
DESCRIPTION = (
    "Du salaire brut au coût employeur, au net avant impôt et au net après prélèvement à la source, "
    "ligne par ligne, selon les règles du simulateur de l'URSSAF (cadre ou non cadre, CDI ou CDD, "
    "effectif de l'entreprise, réduction générale)."
)



def compute(values: dict) -> dict:
    """The result for validated ``values`` (as ``calculators.run`` passes them:
    every field present, defaults filled in)."""
    return bulletin(values, False)


__all__ = ["NAME", "TITLE", "DESCRIPTION", "FIELDS", "check", "compute", "calculer", "valeurs", "montants",
           "brut_depuis_cout_employeur", "brut_depuis_net", "Situation"]
