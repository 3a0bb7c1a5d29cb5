"""The statuses side by side: the inputs of each status's calculator for one
mission, and the monthly nets read from each calculator's public result.

Shared by the composite calculators (``comparateur_statuts``, ``tjm``); not a
calculator and not a rule of law: only the configuration of a comparison.
"""

from __future__ import annotations

from .core.arrondi import cents


def chiffre_affaires_mensuel(values: dict) -> float:
    if values.get("chiffre_affaires_annuel"):
        return values["chiffre_affaires_annuel"] / 12
    return values["tjm"] * values["jours"]


def entrees(values: dict, tjm: float | None = None) -> dict:
    """The inputs of each status's calculator for the comparator's ``values``
    (at ``tjm`` instead of the mission's, for the chart).  The CDI reference
    depends on the portage result: see :func:`entree_cdi`."""
    jours = values["jours"]
    if tjm is None:
        ca_m = chiffre_affaires_mensuel(values)
        tjm = values["tjm"] if not values.get("chiffre_affaires_annuel") else round(ca_m / jours, 6)
    else:
        ca_m = tjm * jours
    ca_an = cents(ca_m * 12)
    frais_m = values.get("frais") or 0.0
    d = values["date"].isoformat()
    budget = max(0.0, cents(ca_an - frais_m * 12))
    act = values.get("activite") or "bnc_ssi"
    return {
        "portage": {"tjm": tjm, "jours": jours, "frais_gestion": values["frais_gestion"],
                    "frais_professionnels": frais_m, "date": d},
        "micro": {"chiffre_affaires": ca_an, "periode": "annee", "activite": act,
                  "versement_liberatoire": bool(values.get("versement_liberatoire")), "date": d},
        "eurl": {"cout_total": budget, "periode": "annee",
                 "activite": "liberale" if act.startswith("bnc") else "commerciale", "date": d},
        "sasu": {"cout_total": budget, "periode": "annee", "date": d},
    }


def entree_cdi(portage_result: dict, date_iso: str) -> dict:
    return {"cout_employeur": portage_result["cout_employeur"], "date": date_iso}


def nets(code: str, r: dict, frais_m: float) -> dict:
    """Monthly figures of one status's result, after the expenses, with the
    calculator's own tax (the withholding tax for portage, CDI, EURL and SASU; the
    micro calculator's tax): the TJM calculator's targets.  The comparator's own
    net after tax is :func:`colonne`'s."""
    if code == "micro":
        a = r["annuel"]
        return {"net_avant_impot": cents(a["revenu_net"] / 12 - frais_m),
                "impot_revenu": cents(a["impot_revenu"] / 12),
                "net_apres_impot": cents(a["revenu_net_apres_impot"] / 12 - frais_m)}
    if code in ("eurl", "sasu"):
        k = 12 if r["periode"] == "annee" else 1
        return {"net_avant_impot": cents(r["net_avant_impot"] / k),
                "impot_revenu": cents(r["impot_revenu"] / k),
                "net_apres_impot": cents(r["net_apres_impot"] / k)}
    # portage and salarie: monthly; the portage expenses are reimbursed on top of the net
    return {"net_avant_impot": r["net_avant_impot"],
            "prelevement_source": cents(r["net_avant_impot"] - r["net_apres_impot"]),
            "net_apres_impot": r["net_apres_impot"]}


__all__ = ["chiffre_affaires_mensuel", "entrees", "entree_cdi", "nets"]
