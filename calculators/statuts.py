"""The statuses side by side: the inputs of each status's calculator for one
mission, and the monthly nets read from each calculator's public result.

Shared by the composite calculators (``comparateur_statuts``, ``tjm``); not a
calculator and not a rule of law: only the configuration of a comparison.
"""

from __future__ import annotations

from .core.arrondi import cents
from .core.parametres import At
from .regles.impot_revenu import impot_foyer, revenu_apres_deduction_frais


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


# The household's income tax, one method for the comparator and the TJM
# calculator (``comparateur_statuts``'s docstring): the barème of the household
# (situation_famille, parts, autres_revenus) with the activity's taxable income,
# less the same household's tax without it.

def erreurs_foyer(values: dict) -> dict:
    """French messages for a household that cannot be (parts)."""
    errors = {}
    parts = values.get("parts")
    if parts is not None:
        if abs(parts * 2 - round(parts * 2)) > 1e-9:
            errors["parts"] = "Le nombre de parts va par demi-part (1 ; 1,5 ; 2…)."
        elif values.get("situation_famille") == "couple" and parts < 2:
            errors["parts"] = "Un couple marié ou pacsé compte au moins 2 parts."
    return errors


def foyer(values: dict) -> dict:
    """The household of the tax: couple or not, parts, other taxable income per year."""
    couple = values.get("situation_famille") == "couple"
    return {"couple": couple, "parts": values.get("parts") or (2.0 if couple else 1.0),
            "autres_revenus": values.get("autres_revenus") or 0.0}


def revenu_imposable(code: str, r: dict, p: At) -> dict:
    """What one status's result adds to the household's tax, per year:
    ``revenu_imposable`` (the income added to the barème's base; None with the
    versement libératoire) and ``hors_bareme`` (a tax outside the barème: the
    versement libératoire)."""
    if code == "micro":
        if r["versement_liberatoire"]:
            return {"revenu_imposable": None, "hors_bareme": r["annuel"]["impot_revenu"]}
        k = 12 if r["periode"] == "mois" else 1
        return {"revenu_imposable": cents(r["revenu_imposable"] * k), "hors_bareme": 0.0}
    if code in ("eurl", "sasu"):
        net_imposable = r["annuel"]["net_imposable"]
    else:  # salarie, portage: monthly
        net_imposable = cents(r["net_imposable"] * 12)
    return {"revenu_imposable": cents(revenu_apres_deduction_frais(net_imposable, p)), "hors_bareme": 0.0}


def impot_sans_activite(values: dict, p: At) -> float:
    """The household's yearly tax on its other income alone (rounded to the euro)."""
    f = foyer(values)
    return impot_foyer(f["autres_revenus"], f["parts"], f["couple"], p)["impot"]


def prelevement_source(code: str, r: dict) -> float:
    """The first year's monthly advance on the tax (prélèvement à la source)."""
    if code in ("portage", "cdi"):
        return cents(r["net_avant_impot"] - r["net_apres_impot"])
    if code == "sasu":
        return cents(r["annuel"]["impot_revenu"] / 12)
    if code == "micro" and r["versement_liberatoire"]:
        return cents(r["annuel"]["impot_revenu"] / 12)
    return 0.0  # EURL, micro at the barème: acomptes, none the first year


def colonne(code: str, r: dict, frais_m: float, values: dict, p: At, sans: float | None = None) -> dict:
    """One column's monthly figures by the comparator's one method (the module's
    docstring): the net before tax (the calculator's), the taxable income, the
    household's tax with this income (``impot_foyer``), what the activity adds to it
    (``impot``), the net after that tax and the first year's withholding."""
    f = foyer(values)
    if sans is None:
        sans = impot_sans_activite(values, p)
    ri = revenu_imposable(code, r, p)
    base = f["autres_revenus"] + (ri["revenu_imposable"] or 0.0)
    total = impot_foyer(base, f["parts"], f["couple"], p)["impot"] + ri["hors_bareme"]
    impot_an = total - sans
    avant = nets(code, r, frais_m)["net_avant_impot"]
    impot_m = cents(impot_an / 12)
    return {
        "net_avant_impot": avant,
        "revenu_imposable": None if ri["revenu_imposable"] is None else cents(ri["revenu_imposable"] / 12),
        "impot_foyer": cents(total / 12),
        "impot_revenu": impot_m,
        "net_apres_impot": cents(avant - impot_m),
        "prelevement_source": prelevement_source(code, r),
        "annuel": {"revenu_imposable": ri["revenu_imposable"], "impot_foyer": total, "impot_revenu": impot_an},
    }


__all__ = ["chiffre_affaires_mensuel", "entrees", "entree_cdi", "nets", "erreurs_foyer", "foyer",
           "revenu_imposable", "impot_sans_activite", "prelevement_source", "colonne"]
