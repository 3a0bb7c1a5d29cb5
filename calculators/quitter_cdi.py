"""Quitter son CDI: the indemnity, the ARE the reader would get, then what the
ARE adds in the first year of a move to portage or to a company of one's own.

A composite: the ARE comes from the ``chomage`` calculator through
``calculators.run`` (its public entry point); the indemnité légale and the
ARCE / maintien rules from :mod:`calculators.regles.assurance_chomage`.

1. Indemnité légale (Code du travail L1234-9, R1234-1, R1234-2, R1234-4): from
   8 months of seniority, 1/4 month of the reference salary per year up to 10
   years, 1/3 beyond, incomplete years pro rata of the complete months; the
   reference salary is the best of the last 12 or 3 months' average (here the
   gross salary entered, constant).  A rupture conventionnelle pays at least
   that (L1237-13); what is above it is supra-legal (différé spécifique).
2. The ARE (``chomage``): months worked in the reference period = the
   seniority, at most the period's length (earlier jobs are not counted).
3. First year after the first paid day, month by month (30-day months):
   - portage: the ARE is cumulated with the portage salary: each month
     (30 × AJ − 70 % of the gross earned) ÷ AJ days are paid, rounded down,
     ARE + gross at most the former monthly gross; unpaid days are kept
     (the rights last longer);
   - own company (micro, EURL, SASU): ARCE (60 % of the rights left, less 3 %,
     two halves six months apart, ACRE required) versus the maintained ARE
     with the same monthly reduction on the activity's income, capped at 60 %
     of the rights left (since 1 April 2025).
"""

from __future__ import annotations

import math

from .core.arrondi import cents
from .core.dates import LAST_DAY
from .core.format import euros, euros_cents, nombre
from .core.parametres import At, fusion_sources
from .core.resultat import Ligne
from .core.schema import Field, InputError
from .regles import assurance_chomage as ac

NAME = "quitter_cdi"
TITLE = "Quitter son CDI : chômage, rupture et création"
DESCRIPTION = (
    "Ce que donne la fin d’un CDI : l’indemnité de rupture minimale, l’allocation chômage (montant, premier jour, "
    "durée, dégressivité), puis ce que l’ARE ajoute la première année d’une activité en portage salarial ou dans "
    "votre propre entreprise (ARCE ou maintien de l’ARE)."
)

MODES = (
    ("rupture_conventionnelle", "Rupture conventionnelle"),
    ("licenciement", "Licenciement"),
    ("demission", "Démission"),
)
PROJETS = (
    ("portage", "Portage salarial"),
    ("entreprise", "Ma propre entreprise (micro, EURL, SASU)"),
)

_G_CDI = "Votre CDI"
_G_DEP = "Le départ"
_G_PRO = "Après le CDI"


def _champ_chomage(name: str) -> Field:
    """A field of the ``chomage`` calculator (its public schema): the end date keeps its bounds and default."""
    from . import get
    return next(f for f in get("chomage").FIELDS if f.name == name)


# the end of the contract sets the rules applied (calculators.run reads it)
DATE_FIELD = "fin_contrat"

FIELDS = (
    Field("salaire_brut", "Salaire brut mensuel actuel", "number", unit="€/mois", minimum=0, maximum=1_000_000,
          default=5000, group=_G_CDI, help="Salaire de base brut, primes mensualisées comprises."),
    Field("anciennete_annees", "Ancienneté : années", "integer", unit="ans", minimum=0, maximum=50, default=5,
          group=_G_CDI),
    Field("anciennete_mois", "Ancienneté : mois en plus", "integer", unit="mois", minimum=0, maximum=11, default=0,
          group=_G_CDI),
    Field("age", "Âge à la fin du contrat", "integer", unit="ans", minimum=16, maximum=75, default=40, group=_G_CDI),
    Field("mode_depart", "Façon de partir", "choice", default="rupture_conventionnelle", choices=MODES, group=_G_DEP,
          reference="Code du travail, art. L1237-11 et L5422-1"),
    Field("indemnite_rupture", "Indemnité de rupture négociée", "number", unit="€", minimum=0,
          maximum=100_000_000, default=None, group=_G_DEP,
          help="Laissée vide : l’indemnité légale minimale. Au-delà de ce minimum, la part supra-légale retarde "
               "l’indemnisation.", reference="Code du travail, art. L1237-13 et R1234-2"),
    Field("indemnite_conges_payes", "Indemnité compensatrice de congés payés", "number", unit="€", minimum=0,
          maximum=10_000_000, default=0, group=_G_DEP, advanced=True,
          help="Les congés non pris payés au départ : ils retardent l’indemnisation."),
    Field("fin_contrat", "Date de fin du contrat", "date", minimum=_champ_chomage("fin_contrat").minimum,
          maximum=LAST_DAY, default=_champ_chomage("fin_contrat").default, group=_G_DEP, advanced=True,
          help="Dernier jour du contrat (fin du préavis)."),
    Field("projet", "Ensuite", "choice", default="entreprise", choices=PROJETS, group=_G_PRO),
    Field("revenu_mensuel", "Revenu mensuel de la nouvelle activité, la première année", "number", unit="€/mois",
          minimum=0, maximum=1_000_000, default=0, group=_G_PRO,
          help="Portage : salaire brut moyen. Entreprise : rémunération ou revenu retenu par France Travail "
               "(0 pendant le lancement)."),
)


def _indemnite_legale(p, values) -> float:
    anciennete = values["anciennete_annees"] + values["anciennete_mois"] / 12
    return ac.indemnite_legale_licenciement(p, values["salaire_brut"], anciennete)


def check(values: dict) -> dict:
    p = At(values["fin_contrat"])
    legale = _indemnite_legale(p, values)
    ind = values.get("indemnite_rupture")
    if values["mode_depart"] == "demission" and ind:
        return {"indemnite_rupture": "Une démission n’ouvre pas droit à une indemnité de rupture : laissez vide."}
    if ind is not None and values["mode_depart"] != "demission" and ind < legale:
        return {"indemnite_rupture": f"L’indemnité ne peut pas être inférieure au minimum légal, {euros_cents(legale)}."}
    return {}


def _annee_cumul(p, are: dict, revenu: float, plafond_mensuel: float | None, plafond_droits: float | None) -> dict:
    """ARE paid in the 12 months from the first paid day beside ``revenu`` a month: gross, net, days."""
    jpm = int(p("chomage.allocation.jours_par_mois"))
    part = p("chomage.cumul.part_revenu_deduite")
    phases = [(are["allocation_journaliere"], are["allocation_journaliere_nette"])]
    if are["degressivite"]:
        phases.append((are["allocation_degressive"], are["allocation_degressive_nette"]))
    jour_deg = int(p("chomage.degressivite.jour"))
    restant = are["duree_jours"]
    payes, total, total_net = 0, 0.0, 0.0
    for _m in range(12):
        aj, net = phases[1] if len(phases) > 1 and payes >= jour_deg - 1 else phases[0]
        if aj <= 0 or restant <= 0:
            break
        jours = max(math.floor(round((jpm * aj - part * revenu) / aj, 6)), 0)
        if plafond_mensuel is not None:  # ARE + pay at most the former gross pay
            jours = min(jours, max(math.floor(round((plafond_mensuel - revenu) / aj, 6)), 0))
        jours = min(jours, jpm, restant)
        montant, montant_net = cents(jours * aj), cents(jours * net)
        if plafond_droits is not None and total + montant > plafond_droits:
            reste = cents(max(plafond_droits - total, 0.0))
            montant_net = cents(montant_net * reste / montant) if montant else 0.0
            montant = reste
        total, total_net = cents(total + montant), cents(total_net + montant_net)
        payes += jours
        restant -= jours
    return {"total": total, "net": total_net, "jours": payes}


def _ligne(code, libelle, groupe, assiette, taux, montant, reference) -> dict:
    """A line of the calculation (its rate and amount in the salaried columns, as the allowance's lines)."""
    return Ligne(code, libelle, groupe, assiette, taux_salarial=taux).en_json(reference, assiette, montant)


def compute(values: dict) -> dict:
    fin = values["fin_contrat"]
    p = At(fin)
    legale = _indemnite_legale(p, values)
    mode = values["mode_depart"]
    ind = 0.0 if mode == "demission" else (values["indemnite_rupture"] if values["indemnite_rupture"] is not None
                                            else legale)
    anciennete_mois = values["anciennete_annees"] * 12 + values["anciennete_mois"]
    mois_prc = ac.mois_periode_reference(p, values["age"])
    from . import run
    res = run("chomage", {
        "salaire_brut": values["salaire_brut"], "mois_travailles": min(anciennete_mois, mois_prc),
        "age": values["age"], "fin_contrat": fin.isoformat(), "contrat": "cdi", "mode_rupture": mode,
        "indemnite_rupture": ind, "indemnite_legale": min(legale, ind) if mode != "demission" else None,
        "indemnite_conges_payes": values["indemnite_conges_payes"],
    })
    if not res["ok"]:
        raise InputError({("anciennete_annees" if k in ("mois_travailles", "jours_non_travailles") else
                           k if k in {f.name for f in FIELDS} else "_"): v for k, v in res["errors"].items()})
    are = res["result"]
    projet, revenu = values["projet"], values["revenu_mensuel"]
    G = "Rupture et allocation chômage"
    ref_ind = "Code du travail, art. L1234-9, R1234-1, R1234-2 et R1234-4 ; art. L1237-13 (rupture conventionnelle)"
    lignes = [
        _ligne("indemnite_legale", "Indemnité légale minimale", G, values["salaire_brut"], None, legale, ref_ind),
        _ligne("indemnite_rupture", "Indemnité de rupture retenue", G, None, None, ind, ref_ind),
        _ligne("indemnite_supra_legale", "Dont part supra-légale (différé spécifique)", G, None, None,
               cents(max(ind - legale, 0.0)), "Règlement d’assurance chômage, art. 21"),
    ]
    alertes = list(are["alertes"])
    hypotheses = [
        "Indemnité légale : salaire de référence = le salaire brut saisi (le meilleur des moyennes des 12 ou des 3 "
        "derniers mois, supposées égales) ; années incomplètes au prorata des mois (art. R1234-1).",
        f"ARE : seuls les mois de ce CDI comptent ({min(anciennete_mois, mois_prc)} mois dans la période de "
        f"référence de {mois_prc} mois) ; un emploi antérieur dans la période allongerait les droits.",
    ] + are["hypotheses"]
    an = {"are_annee": 0.0, "are_annee_net": 0.0, "arce_net": 0.0, "maintien_annee": 0.0, "maintien_annee_net": 0.0,
          "ajout_annee": 0.0, "option": ""}
    if are["droits_ouverts"]:
        jpm = int(p("chomage.allocation.jours_par_mois"))
        G2 = "La première année après le CDI (12 mois à partir du premier jour indemnisé)"
        if projet == "portage":
            cumul = _annee_cumul(p, are, revenu, values["salaire_brut"], None)
            an.update(are_annee=cumul["total"], are_annee_net=cumul["net"], ajout_annee=cumul["net"], option="cumul")
            lignes += [
                _ligne("are_cumul_annee", f"ARE brute versée à côté du salaire de portage "
                       f"({cumul['jours']} jours payés ; nette : {euros_cents(cumul['net'])})", G2, revenu,
                       p("chomage.cumul.part_revenu_deduite"), cumul["total"],
                       "Règlement d’assurance chômage, art. 30 à 34 (cumul avec une activité salariée)"),
            ]
            hypotheses.append(
                f"Portage : chaque mois, ({jpm} × allocation journalière − "
                f"{nombre(p('chomage.cumul.part_revenu_deduite') * 100)} % du salaire brut) ÷ allocation journalière "
                "jours sont payés (arrondi au jour inférieur), salaire + ARE au plus l’ancien salaire brut ; les jours "
                "non payés restent dus plus tard. Le CDI de portage suspendu entre deux missions n’ouvre pas de "
                "nouveaux droits.")
        else:
            droits = are["droits_restants_creation"]
            arce_net = are["arce_net"]
            maintien = _annee_cumul(p, are, revenu, None, are["maintien_plafond"])
            meilleur = "arce" if arce_net >= maintien["net"] else "maintien"
            an.update(arce_net=arce_net, maintien_annee=maintien["total"], maintien_annee_net=maintien["net"],
                      ajout_annee=max(arce_net, maintien["net"]), option=meilleur)
            lignes += [
                _ligne("droits_restants", "Droits restants à la création", G2, None, None, droits,
                       "Règlement d’assurance chômage"),
                _ligne("arce_net", f"ARCE versée la première année (deux moitiés de "
                       f"{euros_cents(are['arce_versement'])})", G2, droits, p("chomage.arce.part_droits_restants"),
                       arce_net, "Règlement d’assurance chômage (ARCE) ; retenue de retraite complémentaire déduite"),
                _ligne("maintien_annee", f"Ou ARE maintenue la première année, brute ({maintien['jours']} "
                       f"jours payés ; nette : {euros_cents(maintien['net'])})", G2, revenu, None, maintien["total"],
                       "Circulaire Unédic n° 2025-03 (plafond du maintien)"),
                _ligne("maintien_plafond", "Plafond du maintien (part des droits restants)", G2, droits,
                       p("chomage.maintien_are.plafond_droits_restants"), are["maintien_plafond"],
                       "Circulaire Unédic n° 2025-03"),
            ]
            hypotheses.append(
                "Entreprise créée au premier jour indemnisé. Maintien de l’ARE : chaque mois, la même réduction que pour "
                f"un salaire ({nombre(p('chomage.cumul.part_revenu_deduite') * 100)} % du revenu de l’activité), "
                "jusqu’au plafond ; quel revenu d’une activité non salariée France Travail retient n’a été lu que sur "
                "des pages secondaires. L’ARCE suppose l’ACRE ; la seconde moitié suppose que l’activité continue.")
    chiffres = [c for c in are["chiffres_cles"] if c["code"] in (
        "allocation_mensuelle", "differes_jours", "duree_jours", "allocation_degressive")]
    chiffres.insert(0, {"code": "indemnite_legale", "libelle": "Indemnité légale minimale", "valeur": legale,
                        "unite": "€", "aide": "" if mode != "demission" else "Non due en cas de démission."})
    if are["droits_ouverts"]:
        if projet == "portage":
            chiffres.append({"code": "ajout_annee", "libelle": "ARE nette la première année, à côté du portage",
                             "valeur": an["ajout_annee"], "unite": "€",
                             "aide": f"Avec {euros(revenu)} brut par mois de portage ; brute : "
                                     f"{euros(an['are_annee'])}."})
        else:
            chiffres.append({"code": "arce_net", "libelle": "ARCE (capital, en deux fois)", "valeur": an["arce_net"],
                             "unite": "€", "aide": "Après la retenue de retraite complémentaire."})
            chiffres.append({"code": "maintien_annee_net", "libelle": "Ou ARE maintenue, nette, la première année",
                             "valeur": an["maintien_annee_net"], "unite": "€",
                             "aide": f"Avec {euros(revenu)} de revenu par mois ; brute : {euros(an['maintien_annee'])}, "
                                     f"plafond du maintien : {euros(are['maintien_plafond'])} brut."})
    return {
        "periode": "mois",
        "indemnite_legale": legale, "indemnite_rupture": ind, "indemnite_supra_legale": cents(max(ind - legale, 0.0)),
        "droits_ouverts": are["droits_ouverts"], "sjr": are["sjr"],
        "allocation_journaliere": are["allocation_journaliere"],
        "allocation_journaliere_nette": are["allocation_journaliere_nette"],
        "allocation_mensuelle": are["allocation_mensuelle"], "allocation_mensuelle_nette": are["allocation_mensuelle_nette"],
        "date_premier_jour": are["date_premier_jour"], "duree_jours": are["duree_jours"],
        "duree_mois": are["duree_mois"], "date_fin_droits": are["date_fin_droits"],
        "degressivite": are["degressivite"], "allocation_degressive": are["allocation_degressive"],
        "date_degressivite": are["date_degressivite"], "total_droits": are["total_droits"],
        "arce_net": an["arce_net"], "maintien_annee": an["maintien_annee"], "maintien_annee_net": an["maintien_annee_net"],
        "are_annee": an["are_annee"], "are_annee_net": an["are_annee_net"],
        "ajout_annee": an["ajout_annee"], "option_favorable": an["option"],
        "chiffres_cles": chiffres, "lignes": lignes + [l for l in are["lignes"] if l["groupe"] != (
            "Création d’entreprise : ARCE ou maintien de l’ARE")],
        "lignes_colonnes": are["lignes_colonnes"], "regles_appliquees": are["regles_appliquees"], "alertes": alertes,
        "hypotheses": hypotheses, "incertitudes": are["incertitudes"],
        "sources": sorted(fusion_sources(p.sources(), are["sources"]), key=lambda s: s["parametre"]),
        "date": are["date"],
    }
