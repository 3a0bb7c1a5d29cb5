"""Chômage: the ARE a salarié (or a salarié porté) would get at the end of a
contract, its start, duration and dégressivité; for a creator, ARCE versus the
maintained ARE; for an independent whose activity stops, the ATI.

The law is in :mod:`calculators.regles.assurance_chomage`; this module is its
configuration: the fields, the checks, and the result (key figures, lines,
rules that do not apply and why, unsure rules, sources).  The parameters are
read at the date of the end of the contract (the rules of the convention of
15 November 2024 apply to contracts ending from 1 April 2025).

Simplest reading of the reference period: the ``mois_travailles`` last months
before the end were worked and paid ``salaire_brut`` each (plus ``primes`` over
the period), preceded, inside the period, by ``jours_non_travailles`` days
without pay (between two contracts, or a portage CDI suspended between
missions).
"""

from __future__ import annotations

import datetime as _dt

from .core.arrondi import cents
from .core.dates import LAST_DAY, default_date
from .core.format import date_fr, euros_cents, nombre, quantite
from .core.parametres import At, parametre
from .core.resultat import Ligne
from .core.schema import Field
from .regles import assurance_chomage as ac

NAME = "chomage"
TITLE = "Simulateur d’allocation chômage (ARE)"
DESCRIPTION = (
    "L’allocation d’aide au retour à l’emploi (ARE) à la fin d’un contrat de travail, selon la convention "
    "d’assurance chômage du 15 novembre 2024 : salaire journalier de référence, allocation brute et nette par "
    "jour et par mois, différés et délai d’attente, durée, dégressivité ; pour un créateur d’entreprise, l’ARCE "
    "comparée au maintien de l’ARE ; pour un indépendant, l’allocation des travailleurs indépendants (ATI)."
)

# contracts ending from this day follow the rules encoded here (the main measures of the
# convention of 15 November 2024); the field's lower bound, like core.dates.FIRST_DAY
PREMIERE_FIN = _dt.date(2025, 4, 1)

CONTRATS = (
    ("cdi", "CDI"),
    ("cdd", "CDD"),
    ("portage_cdi", "Portage salarial en CDI"),
    ("portage_cdd", "Portage salarial en CDD"),
    ("independant", "Indépendant (micro-entrepreneur, gérant majoritaire, président de SASU)"),
)

MODES = (
    ("licenciement", "Licenciement"),
    ("licenciement_economique", "Licenciement pour motif économique"),
    ("rupture_conventionnelle", "Rupture conventionnelle"),
    ("fin_cdd", "Fin de CDD (terme du contrat)"),
    ("demission", "Démission"),
    ("demission_legitime", "Démission légitime ou démission-reconversion validée"),
    ("suspension", "Portage en CDI : fin de mission, contrat suspendu (pas de rupture)"),
    ("cessation", "Indépendant : liquidation, redressement ou cessation d’une activité non viable"),
)

_G_SAL = "Salaires de la période de référence"
_G_FIN = "Fin du contrat"
_G_IND = "Indemnités reçues"
_G_CRE = "Création d’entreprise"
_G_ATI = "Indépendant (ATI)"


def _fin_defaut() -> _dt.date:
    return max(default_date(), PREMIERE_FIN)


# the end of the contract sets the rules applied (calculators.run reads it)
DATE_FIELD = "fin_contrat"

FIELDS = (
    Field("salaire_brut", "Salaire brut mensuel", "number", unit="€/mois", minimum=0, maximum=1_000_000,
          default=5000, group=_G_SAL,
          help="Salaire de base brut de chaque mois travaillé, sans les indemnités de rupture ni de congés payés.",
          reference="Règlement d’assurance chômage, art. 11"),
    Field("mois_travailles", "Mois travaillés et payés dans la période de référence", "integer", unit="mois",
          minimum=0, maximum=36, default=24, group=_G_SAL,
          help="Les derniers mois avant la fin du contrat, dans la période de référence (plus longue à partir "
               "d’un certain âge, voir le résultat)."),
    Field("primes", "Primes et part variable de la période", "number", unit="€", minimum=0, maximum=10_000_000,
          default=0, group=_G_SAL,
          help="Total brut sur la période (un 13e mois : la part des mois de la période). Sans l’indemnité de fin "
               "de contrat (précarité) ni l’indemnité compensatrice de congés payés."),
    Field("jours_non_travailles", "Jours sans contrat ni salaire dans la période", "integer", unit="jours",
          minimum=0, maximum=1100, default=0, group=_G_SAL, advanced=True,
          help="Entre deux contrats, ou mois de portage en CDI sans mission et sans salaire, avant les mois "
               "travaillés et dans la période de référence."),
    Field("age", "Âge à la fin du contrat", "integer", unit="ans", minimum=16, maximum=75, default=40, group=_G_FIN),
    Field("fin_contrat", "Date de fin du contrat", "date", minimum=PREMIERE_FIN, maximum=LAST_DAY,
          default=_fin_defaut, group=_G_FIN,
          help="Dernier jour du contrat (fin du préavis, effectué ou non). Les règles lues s’appliquent aux fins de "
               "contrat depuis le 1er avril 2025."),
    Field("contrat", "Contrat", "choice", default="cdi", choices=CONTRATS, group=_G_FIN),
    Field("mode_rupture", "Fin du contrat", "choice", default="licenciement", choices=MODES, group=_G_FIN,
          reference="Code du travail, art. L5422-1"),
    Field("indemnite_rupture", "Indemnité de rupture reçue (licenciement ou rupture conventionnelle)", "number",
          unit="€", minimum=0, maximum=100_000_000, default=0, group=_G_IND,
          help="Montant brut total de l’indemnité versée à la fin du contrat."),
    Field("indemnite_legale", "Dont part légale ou conventionnelle", "number", unit="€", minimum=0,
          maximum=100_000_000, default=None, group=_G_IND,
          help="Le minimum dû par la loi ou la convention collective. Le surplus (part supra-légale) retarde "
               "l’indemnisation. Laissé vide : toute l’indemnité est supposée légale (aucun différé spécifique).",
          reference="Règlement d’assurance chômage, art. 21"),
    Field("indemnite_conges_payes", "Indemnité compensatrice de congés payés", "number", unit="€", minimum=0,
          maximum=10_000_000, default=0, group=_G_IND,
          help="Les congés non pris payés avec le solde de tout compte : elle retarde l’indemnisation.",
          reference="Règlement d’assurance chômage, art. 21"),
    Field("jours_avant_creation", "Jours d’ARE déjà versés à la création de l’entreprise", "integer", unit="jours",
          minimum=0, maximum=900, default=0, group=_G_CRE, advanced=True,
          help="Pour comparer l’ARCE et le maintien de l’ARE : 0 si l’entreprise démarre au début de "
               "l’indemnisation."),
    Field("revenu_independant", "Revenu annuel de l’activité indépendante", "number", unit="€/an", minimum=0,
          maximum=100_000_000, default=0, group=_G_ATI, advanced=True,
          help="Pour l’ATI : revenus d’activité (micro : chiffre d’affaires après abattement).",
          reference="Code du travail, art. R5424-70 et R5424-71"),
    Field("annees_activite", "Années d’activité ininterrompue dans l’entreprise", "number", unit="ans", minimum=0,
          maximum=60, default=0, group=_G_ATI, advanced=True, reference="Code du travail, art. R5424-70"),
)

_MODES_CDI = ("licenciement", "licenciement_economique", "rupture_conventionnelle", "demission",
              "demission_legitime")


def check(values: dict) -> dict:
    errors = {}
    c, m = values["contrat"], values["mode_rupture"]
    if c == "independant" and m != "cessation":
        errors["mode_rupture"] = "Pour un indépendant, choisissez « liquidation, redressement ou cessation »."
    elif c != "independant" and m == "cessation":
        errors["mode_rupture"] = "Ce choix concerne un indépendant : choisissez « Indépendant » comme contrat."
    elif m == "suspension" and c != "portage_cdi":
        errors["mode_rupture"] = "La suspension entre deux missions ne concerne que le portage salarial en CDI."
    elif m == "fin_cdd" and c not in ("cdd", "portage_cdd"):
        errors["mode_rupture"] = "Un CDI ne prend pas fin à un terme : choisissez le mode de rupture."
    elif c in ("cdd", "portage_cdd") and m in ("licenciement", "licenciement_economique", "rupture_conventionnelle"):
        errors["mode_rupture"] = ("Un CDD prend fin à son terme (la rupture anticipée n’est pas représentée) : "
                                  "choisissez « Fin de CDD ».")
    legale = values.get("indemnite_legale")
    if legale is not None and legale > values["indemnite_rupture"]:
        errors["indemnite_legale"] = "La part légale ne peut pas dépasser l’indemnité reçue."
    if c != "independant":
        p = At(values["fin_contrat"])
        mois_prc = ac.mois_periode_reference(p, values["age"])
        if values["mois_travailles"] > mois_prc:
            errors["mois_travailles"] = (f"La période de référence compte {mois_prc} mois à cet âge : "
                                         f"saisissez au plus {mois_prc} mois.")
        else:
            fin = values["fin_contrat"]
            debut_prc = ac.debut_periode_reference(fin, mois_prc)
            debut_mois = ac.debut_periode_reference(fin, values["mois_travailles"])
            if (debut_mois - debut_prc).days < values["jours_non_travailles"]:
                errors["jours_non_travailles"] = (
                    f"Avec {values['mois_travailles']} mois travaillés, il reste au plus "
                    f"{(debut_mois - debut_prc).days} jours dans la période de référence de {mois_prc} mois.")
    return errors


def _date(d: _dt.date) -> str:
    return date_fr(d)


def _e(x: float) -> str:
    return euros_cents(x)


def _jours(n: int) -> str:
    return f"{n} jour" + ("s" if n > 1 else "")


def _ligne(code, libelle, groupe, montant=None, assiette=None, taux=None, reference=""):
    """A line of the calculation (the allowance's rate and amount in the salaried columns)."""
    return Ligne(code, libelle, groupe, assiette, taux_salarial=taux).en_json(reference, assiette, montant)


def _incertitudes(names, p) -> list:
    """The unsure rules that bear on this result, in the order of ``PARAMETRES_INCERTAINS``."""
    return [{"parametre": name, "libelle": parametre(name).libelle, "message": _message_incertain(name, p)}
            for name in ac.PARAMETRES_INCERTAINS if name in names]


def _message_incertain(name: str, p) -> str:
    """The French text of an unsure rule (the `incertain` key of chomage.toml says the same)."""
    if name == "chomage.sjr.plafond_jours_non_travailles_au_diviseur":
        return ("Diviseur du salaire journalier de référence : les jours non travaillés y sont comptés dans la limite "
                f"de {nombre(p('chomage.duree.plafond_jours_non_travailles') * 100)} % des jours travaillés "
                "(lecture d’une page secondaire ; le résumé de l’Unédic ne cite ce plafond que pour la durée). Sans "
                "effet pour un emploi continu.")
    if name == "chomage.sjr.portage_jours_suspension":
        return ("Portage en CDI : aucun texte lu ne dit si les jours de suspension non payés entre deux missions "
                "restent au diviseur du salaire journalier de référence ; ils y sont gardés ici (le SJR le plus bas).")
    if name == "chomage.revalorisation.juillet_2026":
        return ("Revalorisation du 1er juillet 2026 non trouvée : la partie fixe, l’allocation minimale et le "
                "plancher de la dégressivité sont ceux du 1er juillet 2025.")
    if name == "chomage.reforme_rupture_conventionnelle.en_vigueur":
        return ("Rupture conventionnelle : l’accord du 25 février 2026 réduirait la durée maximale à "
                f"{nombre(p('chomage.reforme_rupture_conventionnelle.maximum_mois'))} mois ("
                f"{nombre(p('chomage.reforme_rupture_conventionnelle.maximum_mois_senior'))} mois à partir de "
                f"{nombre(p('chomage.duree.age_palier_1'))} ans) ; il attend une loi et n’est pas appliqué ici.")
    if name == "chomage.differe_specifique.diviseur":
        return (f"Différé spécifique : le diviseur de 2024 ({nombre(p('chomage.differe_specifique.diviseur'))}) "
                "est gardé, celui de 2025-2026 n’ayant pas été trouvé ; indexé sur le plafond de la sécurité "
                "sociale, il serait un peu plus élevé et le différé un peu plus court.")
    if name == "chomage.retenues.seuil_exoneration_heures":
        return ("Seuil d’exonération de CSG et de CRDS : SMIC horaire × "
                f"{nombre(p('chomage.retenues.seuil_exoneration_heures'))} heures, arrondi à l’euro supérieur "
                "(formule d’une circulaire de l’Unédic de 2012, lue sur une page secondaire) ; montant de 2026 non lu.")
    raise KeyError(name)


def calculer(values: dict) -> dict:
    """The ARE (or ATI) for validated ``values``: the result as :func:`compute` returns it."""
    return compute(values)


def _non_ouvert(values, p, raison, alertes, lignes, hypotheses, extra=None, incertains=()) -> dict:
    fin = values["fin_contrat"]
    res = {
        "droits_ouverts": False, "raison": raison, "periode": "mois",
        "salaire_reference": 0.0, "sjr": 0.0, "allocation_journaliere": 0.0, "allocation_journaliere_nette": 0.0,
        "allocation_mensuelle": 0.0, "allocation_mensuelle_nette": 0.0, "duree_jours": 0, "duree_mois": 0.0,
        "total_droits": 0.0, "total_droits_net": 0.0, "date_premier_jour": None, "date_fin_droits": None,
        "degressivite": False, "allocation_degressive": 0.0, "date_degressivite": None,
        "differe_specifique_jours": 0, "differe_conges_payes_jours": 0, "delai_attente_jours": 0,
        "droits_restants_creation": 0.0, "arce_brut": 0.0, "arce_net": 0.0, "maintien_plafond": 0.0,
        "ati_journaliere": 0.0, "ati_total": 0.0,
        "chiffres_cles": [{"code": "allocation_mensuelle", "libelle": "Allocation chômage par mois", "valeur": 0.0,
                           "unite": "€/mois", "aide": raison}],
        "lignes": lignes, "lignes_colonnes": _COLONNES, "regles_appliquees": [],
        "alertes": [{"niveau": "attention", "message": raison}] + alertes,
        "hypotheses": hypotheses, "incertitudes": _incertitudes(incertains, p), "sources": p.sources(),
        "date": fin.isoformat(),
    }
    if extra:
        res.update(extra)
    return res


_COLONNES = {"resume": "Détail du calcul, règle par règle", "titre": "Calcul de l’allocation, par jour sauf mention",
             "taux": "Taux", "montant": "Montant", "total": False}


def _ati(values, p) -> dict:
    ref = "Code du travail, art. L5424-24 à L5424-25, R5424-70, D5424-74 et D5424-75"
    montant = p("chomage.ati.montant_journalier")
    duree = int(p("chomage.ati.duree_jours"))
    conditions = []
    if values["annees_activite"] < p("chomage.ati.duree_activite_ans"):
        conditions.append(f"{nombre(p('chomage.ati.duree_activite_ans'))} ans d’activité ininterrompue dans la "
                          "même entreprise sont exigés")
    if values["revenu_independant"] < p("chomage.ati.revenu_minimum"):
        conditions.append(f"des revenus d’activité d’au moins {_e(p('chomage.ati.revenu_minimum'))} par an sont "
                          "exigés")
    hyp = [
        "L’ATI est ouverte aux travailleurs indépendants (micro-entrepreneur, gérant majoritaire d’EURL ou de SARL) "
        "et aux présidents de SAS et de SASU (Code du travail, art. L5424-24 ; Code de la sécurité sociale, "
        "art. L311-3, 23°), après une liquidation ou un redressement judiciaire avec remplacement du dirigeant, ou "
        "la cessation d’une activité non viable attestée par un tiers de confiance (art. L5424-25).",
        "Autres ressources inférieures au RSA d’une personne seule : supposé (R5424-70).",
        "Le montant est réduit quand le revenu antérieur de l’activité est plus faible (D5424-74) : cette "
        "réduction n’est pas calculée ici.",
    ]
    if conditions:
        raison = "Pas d’ATI : " + " et ".join(conditions) + " (Code du travail, art. R5424-70)."
        return _non_ouvert(values, p, raison, [], [], hyp)
    total = cents(montant * duree)
    lignes = [
        _ligne("ati_journaliere", "ATI, par jour", "Allocation des travailleurs indépendants", montant, reference=ref),
        _ligne("ati_total", f"ATI sur {duree} jours", "Allocation des travailleurs indépendants", total,
               assiette=montant, reference=ref),
    ]
    res = _non_ouvert(values, p, "Un indépendant ne cotise pas à l’assurance chômage : pas d’ARE au titre de "
                      "cette activité (seulement d’éventuels droits salariés antérieurs non consommés).", [],
                      lignes, hyp, extra={"ati_journaliere": montant, "ati_total": total})
    res["alertes"] = [{"niveau": "info", "message": res["raison"]}]
    res["chiffres_cles"] = [
        {"code": "ati_journaliere", "libelle": "Allocation des travailleurs indépendants", "valeur": montant,
         "unite": "€/jour", "aide": f"Pendant {duree} jours."},
        {"code": "ati_total", "libelle": "ATI au total", "valeur": total, "unite": "€", "aide": ""},
    ]
    return res


def compute(values: dict) -> dict:
    fin = values["fin_contrat"]
    p = At(fin)
    if values["contrat"] == "independant":
        return _ati(values, p)
    age = values["age"]
    contrat, mode = values["contrat"], values["mode_rupture"]
    hypotheses = [
        "Les mois travaillés sont les derniers avant la fin du contrat, payés chacun le salaire saisi ; les primes "
        "s’ajoutent au total de la période. Le salaire de référence exclut les indemnités de rupture, l’indemnité "
        "compensatrice de congés payés et l’indemnité de fin de contrat (service-public.fr, F2064).",
        "Indemnisation continue à partir du premier jour indemnisé (aucune reprise d’emploi) ; l’allocation est "
        f"versée sur {nombre(p('chomage.allocation.jours_par_mois'))} jours chaque mois. "
        "Taux normal de CSG (revenu fiscal de référence au-dessus des seuils du "
        "taux réduit).",
        "Durée : jours arrondis au jour supérieur ; différés : jours arrondis au jour inférieur (lecture du guide).",
        "Montants aux règles en vigueur à la fin du contrat : les revalorisations de chaque 1er juillet pendant "
        "l’indemnisation ne sont pas ajoutées.",
    ]
    alertes = []
    lignes = []
    G = "Salaire journalier de référence"

    if mode == "demission":
        raison = ("Pas d’ARE après une démission (Code du travail, art. L5422-1), sauf démission reconnue "
                  "légitime (suivre son conjoint, non-paiement du salaire…) ou démission-reconversion validée avant "
                  "le départ (art. L5422-1 II).")
        return _non_ouvert(values, p, raison, alertes, lignes, hypotheses)
    if mode == "suspension":
        mois = p("portage.reserve_financiere.allocation_prospection_mois")
        jours = p("portage.reserve_financiere.allocation_prospection_minimum_jours")
        raison = ("Pas d’ARE : entre deux missions, le CDI de portage est suspendu, sans salaire (Code du travail, "
                  "art. L1254-21 II ; convention collective, art. 22.2), mais le salarié porté n’est pas privé "
                  "d’emploi (déduit de l’art. L5422-1, aucun texte ne le dit en toutes lettres). Les droits "
                  "s’ouvrent au licenciement ou à la rupture conventionnelle.")
        alertes.append({"niveau": "info", "message": (
            f"Pendant la suspension, la réserve financière peut payer une allocation de prospection, au plus "
            f"{quantite(mois, 'mois', 'mois', True)}, d’au moins {quantite(jours, 'journée', 'journées', True, 'f')} "
            "de rémunération par mois (convention "
            f"collective, art. 22.2) ; elle est soumise aux cotisations comme un salaire.")})
        return _non_ouvert(values, p, raison, alertes, lignes, hypotheses)

    mois_prc = ac.mois_periode_reference(p, age)
    debut_prc = ac.debut_periode_reference(fin, mois_prc)
    debut_mois = ac.debut_periode_reference(fin, values["mois_travailles"])
    travailles = (fin - debut_mois).days + 1 if values["mois_travailles"] else 0
    non_travailles = values["jours_non_travailles"]
    debut_emploi = debut_mois - _dt.timedelta(days=non_travailles)
    minimum_affiliation = int(p("chomage.affiliation.jours_minimum"))
    if travailles < minimum_affiliation:
        raison = (f"Pas d’ARE : {travailles} jours travaillés dans les {mois_prc} derniers mois, il en faut au "
                  f"moins {minimum_affiliation} (ou {nombre(p('chomage.affiliation.heures_minimum'))} heures).")
        return _non_ouvert(values, p, raison, alertes, lignes, hypotheses)

    # reference salary and SJR
    plafond_mois = ac.plafond_salaire_reference_mensuel(p)
    brut_total = values["salaire_brut"] * values["mois_travailles"] + values["primes"]
    plafond = plafond_mois * values["mois_travailles"]
    sr = cents(min(brut_total, plafond))
    if brut_total > plafond:
        alertes.append({"niveau": "info", "message": (
            f"Le salaire de référence est plafonné à {_e(plafond_mois)} par mois "
            f"({nombre(p('chomage.salaire_reference.plafond_pmss'))} fois le plafond mensuel de la sécurité "
            "sociale).")})
    portage_cdi = contrat == "portage_cdi"
    diviseur = ac.diviseur_sjr(p, travailles, non_travailles, portage_cdi)
    s_exact = ac.sjr(sr, diviseur)
    s = cents(s_exact)
    ref_sjr = "Règlement d’assurance chômage, art. 11 à 13 ; service-public.fr, F2064"
    lignes.append(_ligne("salaire_reference", f"Salaire de référence ({values['mois_travailles']} mois"
                         + (" et primes" if values["primes"] else "") + ", période du " + _date(debut_prc) + " au "
                         + _date(fin) + ")", G, sr, assiette=cents(brut_total), reference=ref_sjr))
    lignes.append(_ligne("sjr", f"Salaire journalier de référence (÷ {nombre(diviseur)} jours)", G, s,
                         assiette=sr, reference=ref_sjr))

    # daily allowance
    G2 = "Allocation journalière brute"
    aj = ac.allocation_journaliere(p, s_exact)
    ref_aj = "Règlement d’assurance chômage, art. 14 à 16"
    lignes.append(_ligne("formule_partie_fixe", f"Formule 1 : part du SJR + partie fixe de {_e(ac.partie_fixe(p))}",
                         G2, aj["formule_1"], assiette=s, taux=p("chomage.allocation.taux_partie_proportionnelle"),
                         reference=ref_aj))
    lignes.append(_ligne("formule_proportionnelle", "Formule 2 : part du SJR", G2, aj["formule_2"], assiette=s,
                         taux=p("chomage.allocation.taux_seconde_formule"), reference=ref_aj))
    lignes.append(_ligne("allocation_minimale", "Allocation minimale" + (" (appliquée)" if aj["formule"] == "minimum"
                                                                        else " (ne s’applique pas : dépassée)"),
                         G2, aj["minimum"], reference=ref_aj))
    lignes.append(_ligne("plafond_sjr", "Plafond : part du SJR" + (" (appliqué)" if aj["formule"] == "plafond"
                                                                   else " (ne s’applique pas : non atteint)"),
                         G2, aj["plafond"], assiette=s, taux=p("chomage.allocation.plafond_sjr"), reference=ref_aj))
    a = aj["aj"]
    lignes.append(_ligne("allocation_journaliere", "Allocation journalière brute", G2, a, reference=ref_aj))

    # deductions
    G3 = "Retenues et allocation nette (par jour)"
    r = ac.retenues(p, a, s_exact)
    ref_ret = "Fiche de l’Unédic « Retenues sociales sur les allocations » ; Code de la sécurité sociale, art. L136-8"
    lignes.append(_ligne("retraite_complementaire", "Participation au financement des retraites complémentaires", G3,
                         r["retraite_complementaire"], assiette=s,
                         taux=p("chomage.retenues.retraite_complementaire"), reference=ref_ret))
    exo = {"totale": f" (exonérée : allocation sous {_e(r['seuil_exoneration'])})",
           "partielle": f" (réduite : l’allocation ne descend pas sous {_e(r['seuil_exoneration'])})", "": ""}[
        r["exoneration"]]
    lignes.append(_ligne("csg", "CSG" + exo, G3, r["csg"], assiette=r["assiette_csg"],
                         taux=p("chomage.retenues.csg"), reference=ref_ret))
    lignes.append(_ligne("crds", "CRDS" + exo, G3, r["crds"], assiette=r["assiette_csg"],
                         taux=p("chomage.retenues.crds"), reference=ref_ret))
    lignes.append(_ligne("allocation_journaliere_nette", "Allocation journalière nette", G3, r["net"],
                         reference=ref_ret))

    # duration
    regles = []
    duree = ac.duree_indemnisation(p, travailles, non_travailles, age)
    jours = duree["jours"]
    ref_duree = "Règlement d’assurance chômage, art. 9 ; décret n° 2023-33 (coefficient de conjoncture)"
    regles.append({"code": "duree", "libelle": "Durée d’indemnisation", "applique": True, "valeur": jours,
                   "raison": (f"({travailles} jours travaillés + {nombre(duree['jours_non_travailles_retenus'])} "
                              f"jours non travaillés retenus) × {nombre(p('chomage.duree.coefficient'))}"
                              + {"minimum": ", relevée au minimum", "maximum": ", ramenée au maximum pour l’âge",
                                 None: ""}[duree["borne"]]), "reference": ref_duree})
    if non_travailles > duree["jours_non_travailles_retenus"]:
        regles.append({"code": "plafond_non_travailles", "libelle": "Plafond des jours non travaillés",
                       "applique": True, "valeur": duree["jours_non_travailles_retenus"],
                       "raison": f"{non_travailles} jours non travaillés, comptés dans la limite de "
                                 f"{nombre(p('chomage.duree.plafond_jours_non_travailles') * 100)} % des jours "
                                 "travaillés", "reference": ref_duree})

    # différés
    economique = mode == "licenciement_economique"
    legale = values["indemnite_legale"] if values["indemnite_legale"] is not None else values["indemnite_rupture"]
    supra = cents(values["indemnite_rupture"] - legale)
    ds = ac.differe_specifique(p, supra, economique) if supra > 0 else {"jours": 0, "avant_plafond": 0.0, "maximum": 0}
    dcp = ac.differe_conges_payes(p, values["indemnite_conges_payes"], s_exact)
    attente = int(p("chomage.delai_attente.jours"))
    premier = ac.premier_jour_indemnise(p, fin, ds["jours"], dcp["jours"])
    dernier = premier + _dt.timedelta(days=jours - 1)
    ref_diff = "Règlement d’assurance chômage, art. 21 et 22 ; fiches de l’Unédic sur les différés (27 novembre 2024)"
    regles.append({"code": "differe_specifique", "libelle": "Différé spécifique", "applique": ds["jours"] > 0,
                   "valeur": ds["jours"],
                   "raison": (f"part supra-légale de {_e(supra)} ÷ {nombre(p('chomage.differe_specifique.diviseur'))}"
                              + (f", plafonné à {ds['maximum']} jours" if ds["avant_plafond"] > ds["maximum"] else "")
                              if supra > 0 else "Ne s’applique pas : aucune indemnité au-delà de la part légale"),
                   "reference": ref_diff})
    regles.append({"code": "differe_conges_payes", "libelle": "Différé congés payés", "applique": dcp["jours"] > 0,
                   "valeur": dcp["jours"],
                   "raison": (f"indemnité de {_e(values['indemnite_conges_payes'])} ÷ SJR de {_e(s)}"
                              + (f", plafonné à {dcp['maximum']} jours" if dcp["avant_plafond"] > dcp["maximum"] else "")
                              if values["indemnite_conges_payes"] > 0
                              else "Ne s’applique pas : aucune indemnité compensatrice de congés payés"),
                   "reference": ref_diff})
    regles.append({"code": "delai_attente", "libelle": "Délai d’attente", "applique": True, "valeur": attente,
                   "raison": "après les différés", "reference": ref_diff})

    # dégressivité
    dg = ac.degressivite(p, a, age)
    jours_pleins = min(jours, dg["jour"] - 1) if dg["applique"] else jours
    jours_reduits = jours - jours_pleins
    date_degr = premier + _dt.timedelta(days=dg["jour"] - 1) if dg["applique"] and jours_reduits > 0 else None
    r_dg = ac.retenues(p, dg["aj"], s_exact) if dg["applique"] else r
    ref_dg = "Règlement d’assurance chômage, art. 17 bis § 1"
    if dg["applique"]:
        regles.append({"code": "degressivite", "libelle": "Dégressivité", "applique": True, "valeur": dg["aj"],
                       "raison": f"{_e(a)} × {nombre(p('chomage.degressivite.coefficient'))}, au moins "
                                 f"{_e(dg['plancher'])}, à partir du {dg['jour']}e jour indemnisé", "reference": ref_dg})
        lignes.append(_ligne("allocation_degressive", f"Allocation brute à partir du {dg['jour']}e jour "
                             f"(au moins {_e(dg['plancher'])})", "Dégressivité", dg["aj"], assiette=a,
                             taux=p("chomage.degressivite.coefficient"), reference=ref_dg))
        lignes.append(_ligne("allocation_degressive_nette", "Allocation nette à partir de ce jour", "Dégressivité",
                             r_dg["net"], reference=ref_ret))
    else:
        why = (f"Ne s’applique pas : {age} ans à la fin du contrat, elle ne touche que les moins de "
               f"{nombre(p('chomage.degressivite.age_exemption'))} ans" if dg["raison"] == "age" else
               f"Ne s’applique pas : l’allocation ({_e(a)}) ne dépasse pas {_e(dg['plancher'])}")
        regles.append({"code": "degressivite", "libelle": "Dégressivité", "applique": False, "valeur": None,
                       "raison": why, "reference": ref_dg})
        lignes.append(_ligne("degressivite", "Dégressivité — " + why, "Dégressivité", None, reference=ref_dg))

    # amounts per month and in total
    jpm = int(p("chomage.allocation.jours_par_mois"))
    mensuel, mensuel_net = cents(a * jpm), cents(r["net"] * jpm)
    total = cents(a * jours_pleins + dg["aj"] * jours_reduits)
    total_net = cents(r["net"] * jours_pleins + r_dg["net"] * jours_reduits)
    G5 = "Par mois et au total"
    lignes.append(_ligne("allocation_mensuelle", f"Allocation brute d’un mois ({jpm} jours)", G5, mensuel,
                         assiette=a, reference="Circulaire Unédic n° 2025-03"))
    lignes.append(_ligne("allocation_mensuelle_nette", f"Allocation nette d’un mois ({jpm} jours)", G5, mensuel_net,
                         assiette=r["net"], reference="Circulaire Unédic n° 2025-03"))
    if dg["applique"] and jours_reduits:
        lignes.append(_ligne("allocation_mensuelle_degressive", "Allocation brute d’un mois après la dégressivité",
                             G5, cents(dg["aj"] * jpm), assiette=dg["aj"], reference=ref_dg))
    lignes.append(_ligne("total_droits", f"Total brut des droits ({jours} jours)", G5, total, reference=ref_duree))
    lignes.append(_ligne("total_droits_net", "Total net des droits", G5, total_net, reference=ref_ret))

    # creator: ARCE versus maintained ARE
    G6 = "Création d’entreprise : ARCE ou maintien de l’ARE"
    avant = min(values["jours_avant_creation"], jours)
    droits = ac.droits_restants(a, dg["aj"] if dg["applique"] else None, dg["jour"], jours, avant)
    ar = ac.arce(p, droits)
    maintien = ac.plafond_maintien(p, droits)
    ref_arce = "Règlement d’assurance chômage (aide à la reprise ou à la création d’entreprise) ; circulaire Unédic n° 2025-03"
    lignes += [
        _ligne("droits_restants_creation", f"Droits restants à la création ({jours - avant} jours)", G6, droits,
               reference=ref_arce),
        _ligne("arce_brut", "ARCE : part des droits restants", G6, ar["brut"], assiette=droits,
               taux=p("chomage.arce.part_droits_restants"), reference=ref_arce),
        _ligne("arce_retenue", "Retenue pour la retraite complémentaire", G6, ar["retenue"], assiette=ar["brut"],
               taux=p("chomage.arce.retenue_retraite_complementaire"), reference=ref_arce),
        _ligne("arce_net", f"ARCE versée, en {ar['versements']} fois ({_e(ar['versement'])} chacune, à "
               f"{ar['delai_mois']} mois d’écart)", G6, ar["net"], reference=ref_arce),
        _ligne("maintien_plafond", "Ou maintien de l’ARE à côté de l’activité : au plus cette part des droits "
               "restants, brute", G6, maintien, assiette=droits, taux=p("chomage.maintien_are.plafond_droits_restants"),
               reference=ref_arce),
    ]
    hypotheses.append(
        "ARCE et maintien : droits restants = allocation journalière (réduite après la dégressivité) × jours "
        "restants à la création (lecture du guide) ; l’ARCE suppose l’ACRE. Le maintien de l’ARE à côté d’une "
        f"activité non salariée s’arrête quand {nombre(p('chomage.maintien_are.plafond_droits_restants') * 100)} % "
        "des droits restants ont été versés (depuis le 1er avril 2025) ; "
        "chaque mois, les revenus de l’activité réduisent l’allocation.")

    # rupture specifics
    if mode == "rupture_conventionnelle":
        regles.append({"code": "reforme_rupture_conventionnelle", "libelle": "Réforme de la rupture conventionnelle",
                       "applique": bool(p("chomage.reforme_rupture_conventionnelle.en_vigueur")), "valeur": None,
                       "raison": "Ne s’applique pas : l’accord du 25 février 2026 attend une loi",
                       "reference": parametre("chomage.reforme_rupture_conventionnelle.en_vigueur").reference})
    if mode == "demission_legitime":
        alertes.append({"niveau": "info", "message": (
            "Démission : l’ARE suppose qu’elle soit reconnue légitime (liste de l’accord d’application n° 14) ou "
            "qu’un projet de reconversion ait été validé avant le départ (Code du travail, art. L5422-1 II).")})
    if contrat == "portage_cdd":
        alertes.append({"niveau": "info", "message": (
            "Fin d’une mission en CDD de portage : l’indemnité de fin de contrat (précarité) est versée mais n’entre pas "
            "dans le salaire de référence.")})
    if portage_cdi and non_travailles:
        alertes.append({"niveau": "attention", "message": (
            "Portage en CDI : les jours sans mission et sans salaire sont gardés au diviseur du salaire journalier de "
            "référence, ce qui le réduit (règle non lue dans un texte, voir « Règles incertaines »).")})
    if not values["mois_travailles"] == mois_prc and debut_emploi > debut_prc:
        hypotheses.append(f"Premier jour d’emploi dans la période de référence : {_date(debut_emploi)}.")

    incertains = set()
    if non_travailles and portage_cdi:
        incertains.add("chomage.sjr.portage_jours_suspension")
    elif non_travailles:
        incertains.add("chomage.sjr.plafond_jours_non_travailles_au_diviseur")
    # payments from the date of the unknown revaluation would carry it
    if dernier >= parametre("chomage.revalorisation.juillet_2026").valeurs[-1].depuis:
        incertains.add("chomage.revalorisation.juillet_2026")
    if mode == "rupture_conventionnelle":
        incertains.add("chomage.reforme_rupture_conventionnelle.en_vigueur")
    if supra > 0:
        incertains.add("chomage.differe_specifique.diviseur")
    if r["exoneration"] or r_dg["exoneration"]:
        incertains.add("chomage.retenues.seuil_exoneration_heures")

    dg_raison = next(x for x in regles if x["code"] == "degressivite")["raison"]
    chiffres = [
        {"code": "sjr", "libelle": "Salaire journalier de référence", "valeur": s, "unite": "€/jour", "aide": ""},
        {"code": "allocation_journaliere", "libelle": "Allocation brute par jour", "valeur": a, "unite": "€/jour",
         "aide": f"Nette : {_e(r['net'])} par jour."},
        {"code": "allocation_mensuelle", "libelle": f"Allocation brute par mois ({jpm} jours)", "valeur": mensuel,
         "unite": "€/mois", "aide": f"Nette : {_e(mensuel_net)} par mois, à partir du {_date(premier)}."},
        {"code": "differes_jours", "libelle": "Différés et délai d’attente",
         "valeur": ds["jours"] + dcp["jours"] + attente, "unite": "jours",
         "aide": f"Premier jour indemnisé : le {_date(premier)}, après {_jours(ds['jours'])} de différé spécifique, "
                 f"{_jours(dcp['jours'])} de différé congés payés et {_jours(attente)} d’attente."},
        {"code": "duree_jours", "libelle": "Durée des droits", "valeur": jours, "unite": "jours",
         "aide": f"Environ {nombre(round(jours * 12 / 365, 1), 1)} mois, jusqu’au {_date(dernier)}."},
    ]
    if date_degr:
        chiffres.append({"code": "allocation_degressive", "libelle": "Allocation brute après la dégressivité",
                         "valeur": dg["aj"], "unite": "€/jour",
                         "aide": f"À partir du {_date(date_degr)} ; nette : {_e(r_dg['net'])} par jour."})
    chiffres += [
        {"code": "total_droits", "libelle": "Total brut des droits", "valeur": total, "unite": "€",
         "aide": f"Net : {_e(total_net)}." + ("" if date_degr else " Dégressivité : " + dg_raison[0].lower()
                                               + dg_raison[1:] + ".")},
        {"code": "arce_net", "libelle": "Ou ARCE en capital (si création)", "valeur": ar["net"], "unite": "€",
         "aide": f"Maintien de l’ARE plafonné à {_e(maintien)} brut."},
    ]
    for rg in regles:
        hypotheses.append(f"{rg['libelle']} : " + (f"{nombre(rg['valeur'])}"
                                                      + (" jours" if rg["code"] != "degressivite" else " €")
                                                      + f" ({rg['raison']})" if rg["applique"] else rg["raison"])
                          + f". {rg['reference']}.")
    return {
        "droits_ouverts": True, "raison": "", "periode": "mois",
        "salaire_reference": sr, "sjr": s, "diviseur_sjr": diviseur,
        "allocation_journaliere": a, "formule": aj["formule"], "allocation_journaliere_nette": r["net"],
        "retenues": r, "allocation_mensuelle": mensuel, "allocation_mensuelle_nette": mensuel_net,
        "duree_jours": jours, "duree_mois": round(jours * 12 / 365, 1),
        "total_droits": total, "total_droits_net": total_net,
        "date_premier_jour": premier.isoformat(), "date_fin_droits": dernier.isoformat(),
        "degressivite": bool(dg["applique"] and jours_reduits), "allocation_degressive": dg["aj"],
        "allocation_degressive_nette": r_dg["net"],
        "date_degressivite": date_degr.isoformat() if date_degr else None,
        "differe_specifique_jours": ds["jours"], "differe_conges_payes_jours": dcp["jours"],
        "delai_attente_jours": attente, "jours_travailles": travailles,
        "droits_restants_creation": droits, "arce_brut": ar["brut"], "arce_net": ar["net"],
        "arce_versement": ar["versement"], "maintien_plafond": maintien,
        "ati_journaliere": 0.0, "ati_total": 0.0,
        "chiffres_cles": chiffres, "lignes": lignes, "lignes_colonnes": _COLONNES, "regles_appliquees": regles,
        "alertes": alertes, "hypotheses": hypotheses, "incertitudes": _incertitudes(incertains, p),
        "sources": p.sources(), "date": fin.isoformat(),
    }
