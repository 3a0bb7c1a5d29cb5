"""Micro-entreprise: social contributions on the turnover (with the ACRE),
the contribution to vocational training, the chamber tax, and the income tax
(versement libératoire, or the barème after the flat allowance).

:func:`evaluate` gives the yearly and monthly figures of validated inputs
(the ``micro`` calculator's fields); :data:`ACTIVITES` the activities.
"""

from __future__ import annotations

import datetime as _dt

from ..core.arrondi import decimales, euros
from ..core.parametres import At, parametre
from .impot_revenu import impot_bareme

ACTIVITES = (
    ("bnc_ssi", "Activité libérale non réglementée (BNC, Sécurité sociale des indépendants)"),
    ("bnc_cipav", "Activité libérale réglementée relevant de la Cipav (BNC)"),
    ("bic_services", "Prestations de services commerciales ou artisanales (BIC)"),
    ("bic_ventes", "Vente de marchandises, restauration, hébergement (BIC)"),
)

# activity -> (contribution rate, allowance, versement libératoire, ceiling, ACRE decimals)
_PARAMS = {
    "bnc_ssi": ("cotisations.bnc", "abattement.bnc", "versement_liberatoire.bnc", "plafond_ca.services", "bnc"),
    "bnc_cipav": ("cotisations.bnc_cipav", "abattement.bnc", "versement_liberatoire.bnc", "plafond_ca.services", None),
    "bic_services": ("cotisations.bic_services", "abattement.bic_services", "versement_liberatoire.bic_services",
                     "plafond_ca.services", "bic"),
    "bic_ventes": ("cotisations.ventes", "abattement.ventes", "versement_liberatoire.ventes", "plafond_ca.ventes", "bic"),
}


def taux_abattement(activite: str, p: At) -> float:
    """The flat allowance rate of the micro-fiscal regime for ``activite`` (CGI art. 50-0, 102 ter)."""
    return p(f"micro_entreprise.{_PARAMS[activite][1]}")


def taux_versement_liberatoire(activite: str, p: At) -> float:
    """The versement libératoire rate of the turnover for ``activite`` (CGI art. 151-0)."""
    return p(f"micro_entreprise.{_PARAMS[activite][2]}")


def acre_applies(values: dict) -> tuple[bool, _dt.date]:
    """Whether the ACRE reduces the rates (model: created on or after 1 January of the
    previous year), and the creation date used."""
    d = values["date"]
    dc = values.get("date_creation") or d
    return values.get("acre", False) and dc >= _dt.date(d.year - 1, 1, 1) and dc <= d, dc


def evaluate(values: dict, p: At | None = None) -> dict:
    """The yearly and monthly figures (the shared forward evaluation)."""
    d = values["date"]
    p = p or At(d)
    act = values["activite"]
    k_taux, k_abatt, k_vl, k_plafond, k_dec = _PARAMS[act]
    mensuel = values["periode"] == "mois"
    ca_saisi = values["chiffre_affaires"] or 0.0
    ca_an = euros(ca_saisi * 12 if mensuel else ca_saisi)
    ca_m = ca_an / 12
    bic = act.startswith("bic")
    artisan = bic and values.get("nature_bic") == "artisanale"

    taux_plein = p(f"micro_entreprise.{k_taux}")
    taux = taux_plein
    acre_ok, dc = acre_applies(values)
    acre_info = None
    if values.get("acre"):
        if acre_ok:
            if act == "bnc_cipav":
                taux = p("micro_entreprise.acre.taux_cipav")
            else:
                par = parametre("micro_entreprise.acre.part_due")
                part_due = par.at(dc)
                p.used["micro_entreprise.acre.part_due"] = par
                n = p(f"micro_entreprise.acre.decimales_taux.{k_dec}")
                taux = decimales(taux_plein * 100 * part_due, int(n)) / 100
                acre_info = part_due
        acre_info = {"applique": acre_ok, "date_creation": dc.isoformat(), "part_due": acre_info, "taux": taux}

    lignes = []

    def ligne(code, libelle, groupe, assiette, t, montant_m, ref):
        lignes.append({"code": code, "libelle": libelle, "groupe": groupe, "assiette": assiette,
                       "taux_salarial": t, "taux_patronal": None, "montant_salarial": montant_m,
                       "montant_patronal": None, "reference": ref})
        return montant_m

    cot_m = ligne("cotisations_sociales", "Cotisations et contributions sociales"
                  + (" (taux réduit ACRE)" if acre_info and acre_ok else ""), "Cotisations sociales",
                  ca_m, taux, euros(ca_m * taux), p.ref(f"micro_entreprise.{k_taux}"))
    tfc_m = 0.0
    if bic:
        chambre = "metiers" if artisan else "commerce"
        k_tfc = f"micro_entreprise.tfc.{chambre}.{'ventes' if act == 'bic_ventes' else 'services'}"
        t_tfc = p(k_tfc)
        tfc_m = ligne("tfc", "Taxe pour frais de chambre de " + ("métiers" if artisan else "commerce et d'industrie"),
                      "Autres contributions", ca_m, t_tfc, euros(ca_m * t_tfc), p.ref(k_tfc))
    k_cfp = "micro_entreprise.cfp." + ("bnc" if not bic else ("bic_artisan" if artisan else "bic_commerce"))
    t_cfp = p(k_cfp)
    cfp_m = ligne("cfp", "Contribution à la formation professionnelle", "Autres contributions", ca_m, t_cfp,
                  ca_m * t_cfp, p.ref(k_cfp))

    cotisations_m = cot_m + tfc_m + cfp_m
    cotisations_an = cotisations_m * 12
    revenu_net_an = euros(ca_an - cotisations_an)

    # income tax
    couple = values.get("situation_famille") == "couple"
    parts = values.get("parts") or (2 if couple else 1)
    autres_an = (values.get("autres_revenus_imposables") or 0) * (12 if mensuel else 1)
    abatt_taux = p(f"micro_entreprise.{k_abatt}")
    abatt_min = p("micro_entreprise.abattement.minimum")
    abattement = min(ca_an, max(ca_an * abatt_taux, abatt_min))
    revenu_abattu = ca_an - abattement
    plafond_vl = p("micro_entreprise.versement_liberatoire.plafond_rfr_par_part")
    rfr = values.get("revenu_fiscal_reference")
    vl_demande = bool(values.get("versement_liberatoire"))
    vl_eligible = rfr is None or rfr <= plafond_vl * parts
    vl = vl_demande and vl_eligible
    foyer = None
    if vl:
        t_vl = p(f"micro_entreprise.{k_vl}")
        impot_an = euros(ca_an * t_vl)
        lignes.append({"code": "versement_liberatoire", "libelle": "Versement libératoire de l'impôt sur le revenu",
                       "groupe": "Impôt sur le revenu", "assiette": ca_m, "taux_salarial": t_vl,
                       "taux_patronal": None, "montant_salarial": ca_m * t_vl, "montant_patronal": None,
                       "reference": p.ref(f"micro_entreprise.{k_vl}")})
    else:
        revenu_foyer = revenu_abattu + autres_an
        foyer = impot_bareme(revenu_foyer, parts, couple, p)
        part_activite = revenu_abattu / revenu_foyer if revenu_foyer > 0 else 0.0
        impot_an = euros(foyer["impot"] * part_activite)
        foyer.update({"revenu_imposable": revenu_foyer, "part_activite": part_activite})
    revenu_net_apres_impot_an = euros(revenu_net_an - impot_an)

    return {
        "ca_an": ca_an, "ca_m": ca_m, "taux": taux, "taux_plein": taux_plein, "acre": acre_info,
        "cotisations_sociales_m": cot_m, "tfc_m": tfc_m, "cfp_m": cfp_m,
        "cotisations_m": cotisations_m, "cotisations_an": cotisations_an,
        "revenu_net_an": revenu_net_an, "impot_an": impot_an,
        "revenu_net_apres_impot_an": revenu_net_apres_impot_an,
        "abattement": abattement, "abattement_taux": abatt_taux, "revenu_abattu": revenu_abattu,
        "autres_an": autres_an, "parts": parts, "couple": couple,
        "vl_demande": vl_demande, "vl_eligible": vl_eligible, "vl": vl, "plafond_vl": plafond_vl,
        "foyer": foyer, "plafond_ca": p(f"micro_entreprise.{k_plafond}"), "k_plafond": k_plafond,
        "lignes": lignes, "mensuel": mensuel, "artisan": artisan,
    }


__all__ = ["ACTIVITES", "taux_abattement", "taux_versement_liberatoire", "acre_applies", "evaluate"]
