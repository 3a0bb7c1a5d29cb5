"""Micro-entreprise (auto-entrepreneur): from the turnover to the net income,
before and after income tax.

Everything is computed on the year, as the URSSAF model does (modele-social
« dirigeant . auto-entrepreneur . * »), then shown per ``periode`` (month or year):

1. ``chiffre_affaires`` per year (× 12 when given per month), rounded to the euro
   (« entreprise . chiffre d'affaires . service BNC » etc. are ``arrondi: oui`` in €/an).
2. Social contributions: the global rate of the activity (CSS art. D613-4;
   ``micro_entreprise.cotisations.*``) × the monthly turnover, **rounded to the euro
   each month** (the model's contribution lines are ``arrondi: oui`` in €/mois).
   ACRE (CSS art. L131-6-4, D131-6-3): the rate × the share still due
   (``micro_entreprise.acre.part_due``, read at the *creation date*: 50 % for a
   business created before 1 July 2026, 75 % after), rounded to 1 or 2 decimals of
   a percent like the published rates; for the Cipav, a fixed rate
   (``micro_entreprise.acre.taux_cipav``).  As in the model, the ACRE applies when the
   business was created on or after 1 January of the year before the simulation.
3. Chamber taxes (TFC, BIC only: chambre de commerce for a commercial activity,
   chambre de métiers for a craft one), each rounded to the euro per month.
4. CFP (contribution à la formation professionnelle, Code du travail L6331-48):
   a rate of the turnover, not rounded.
5. ``cotisations`` = 2 + 3 + 4; ``revenu_net`` = turnover − cotisations, rounded to
   the euro per year (« … . revenu net », arrondi, €/an).
6. Income tax, per year:
   - versement libératoire (CGI art. 151-0): a rate of the turnover, if the
     household's revenu fiscal de référence of year N-2 does not exceed
     ``micro_entreprise.versement_liberatoire.plafond_rfr_par_part`` × parts (when
     the RFR is not given, eligibility is assumed and said);
   - otherwise the barème (CGI art. 197, ``impot.bareme_ir.*``) on the household's
     income: the turnover less the flat allowance (CGI art. 50-0 / 102 ter: 34 %,
     50 % or 71 %, at least 305 €) plus ``autres_revenus_imposables``; quotient
     familial with the ceiling per extra half-part, décote.  The part of the
     household's tax attributed to the micro-entreprise is the tax × its share of
     the taxable income (the model's « impôt . foyer fiscal . taux effectif » ×
     « dirigeant . rémunération . net . imposable »).  Rounded to the euro per year
     (« impôt . montant »).
   ``revenu_net_apres_impot`` = revenu net − that tax, rounded to the euro per year.
7. Ceilings (CGI art. 50-0, 102 ter): a warning when the yearly turnover exceeds the
   micro ceiling of the activity.

Not modelled: mixed activities, DROM rates, Alsace-Moselle chamber rates, the
CEHR, the parent isolé half-part, the ACRE overlapping two rates in one year.
"""

from __future__ import annotations

import datetime as _dt

from .core import format as fmt
from .core.arrondi import cents, euros
from .core.dates import date_field
from .core.parametres import At
from .core.schema import Field
from .regles.impot_revenu import impot_bareme, impot_foyer, revenu_apres_deduction_frais  # noqa: F401
from .regles.micro_entreprise import ACTIVITES, acre_applies, evaluate, taux_abattement  # noqa: F401

NAME = "micro"
TITLE = "Simulateur micro-entreprise"
DESCRIPTION = (
    "Cotisations sociales, contribution à la formation professionnelle, taxes pour frais de chambre "
    "et impôt sur le revenu (versement libératoire ou barème) d'un micro-entrepreneur, à partir de son "
    "chiffre d'affaires : revenu net avant et après impôt, par mois ou par an."
)

_G_ACT = "Activité"
_G_IMPOT = "Impôt sur le revenu"
_G_ACRE = "Début d'activité"

FIELDS = (
    Field("chiffre_affaires", "Chiffre d'affaires (recettes encaissées, hors taxes)", "number", unit="€",
          minimum=0, maximum=10_000_000, default=60000, group=_G_ACT,
          help="Par mois ou par an selon la période choisie."),
    Field("periode", "Période des montants", "choice", default="annee", group=_G_ACT,
          choices=(("annee", "Par an"), ("mois", "Par mois")),
          help="Période du chiffre d'affaires saisi et des montants affichés."),
    Field("activite", "Activité", "choice", default="bnc_ssi", group=_G_ACT, choices=ACTIVITES,
          reference="Code de la sécurité sociale, art. D613-4"),
    Field("nature_bic", "Chambre consulaire (activités BIC)", "choice", default="commerciale", group=_G_ACT,
          choices=(("commerciale", "Commerçant (chambre de commerce et d'industrie)"),
                   ("artisanale", "Artisan (chambre de métiers et de l'artisanat)")),
          advanced=True, help="Détermine la taxe pour frais de chambre et le taux de la contribution à la formation "
                              "professionnelle. Sans effet pour une activité libérale.",
          reference="Code général des impôts, art. 1600 et 1601 B"),
    Field("versement_liberatoire", "Option pour le versement libératoire de l'impôt", "boolean", default=False,
          group=_G_IMPOT, reference="Code général des impôts, art. 151-0"),
    Field("revenu_fiscal_reference", "Revenu fiscal de référence de l'avant-dernière année (foyer)", "number",
          unit="€/an", minimum=0, maximum=100_000_000, default=None, group=_G_IMPOT,
          help="Sert à vérifier le droit au versement libératoire. Laissé vide, le droit est supposé acquis."),
    Field("situation_famille", "Situation de famille", "choice", default="celibataire", group=_G_IMPOT,
          choices=(("celibataire", "Personne seule"), ("couple", "Couple marié ou pacsé"))),
    Field("parts", "Nombre de parts de quotient familial", "number", unit="parts", minimum=1, maximum=20,
          step=0.5, default=None, group=_G_IMPOT,
          help="Par défaut 1 pour une personne seule, 2 pour un couple (sans enfant).",
          reference="Code général des impôts, art. 194"),
    Field("autres_revenus_imposables", "Autres revenus imposables du foyer", "number", unit="€", minimum=0,
          maximum=100_000_000, default=0, group=_G_IMPOT, advanced=True,
          help="Montant net imposable (après abattements), par mois ou par an selon la période choisie."),
    Field("acre", "ACRE (aide à la création d'entreprise)", "boolean", default=False, group=_G_ACRE,
          advanced=True, reference="Code de la sécurité sociale, art. L131-6-4"),
    Field("date_creation", "Date de création de l'entreprise", "date", default=None, group=_G_ACRE,
          advanced=True, minimum=_dt.date(2000, 1, 1), maximum=_dt.date(2026, 12, 31),
          help="Utilisée pour l'ACRE ; par défaut, la date de la simulation."),
    date_field(),
)


def check(values: dict) -> dict:
    errors = {}
    parts = values.get("parts")
    base = 2 if values.get("situation_famille") == "couple" else 1
    if parts is not None and parts < base:
        errors["parts"] = "Un couple compte au moins 2 parts." if base == 2 else "Au moins 1 part."
    if parts is not None and abs(parts * 2 - round(parts * 2)) > 1e-9:
        errors["parts"] = "Le nombre de parts va par demi-part (1 ; 1,5 ; 2…)."
    dc = values.get("date_creation")
    if values.get("acre") and dc is not None and dc > values["date"]:
        errors["date_creation"] = "La date de création doit précéder la date de la simulation."
    return errors


def compute(values: dict) -> dict:
    p = At(values["date"])
    ev = evaluate(values, p)
    mensuel = ev["mensuel"]
    div = 12 if mensuel else 1
    unite = "€/mois" if mensuel else "€/an"

    def out(x_an: float) -> float:
        return cents(x_an / div)

    ca = out(ev["ca_an"])
    cotisations = out(ev["cotisations_an"])
    revenu_net = out(ev["revenu_net_an"])
    impot = out(ev["impot_an"])
    net_apres = out(ev["revenu_net_apres_impot_an"])
    cot_soc = out(ev["cotisations_sociales_m"] * 12)
    act_label = dict(ACTIVITES)[values["activite"]]

    # lines per month, whatever the period: the law and the model round each month
    lignes = []
    for l in ev["lignes"]:
        l = dict(l)
        l["assiette"] = cents(l["assiette"])
        l["montant_salarial"] = cents(l["montant_salarial"])
        lignes.append(l)

    alertes = []
    plafond = ev["plafond_ca"]
    if ev["ca_an"] > plafond:
        alertes.append({"niveau": "attention", "message": (
            f"Le chiffre d'affaires annuel ({fmt.montant(ev['ca_an'])}) dépasse le plafond du régime micro pour cette "
            f"activité ({fmt.montant(plafond)} par an). Un dépassement deux années de suite fait sortir du régime "
            "au 1er janvier suivant : l'entreprise passe au régime réel (bénéfice réel, cotisations des "
            "travailleurs indépendants de droit commun). Ce calcul reste celui du régime micro.")})
    if ev["vl_demande"] and not ev["vl_eligible"]:
        alertes.append({"niveau": "attention", "message": (
            f"Versement libératoire impossible : le revenu fiscal de référence indiqué "
            f"({fmt.montant(values['revenu_fiscal_reference'])}) dépasse {fmt.montant(ev['plafond_vl'])} par part × "
            f"{fmt.parts(ev['parts'])} = {fmt.montant(ev['plafond_vl'] * ev['parts'])}. "
            "L'impôt est calculé au barème progressif.")})
    if ev["acre"] and not ev["acre"]["applique"]:
        alertes.append({"niveau": "info", "message": (
            "ACRE non appliquée : l'entreprise a été créée avant le 1er janvier de l'année précédant la "
            "simulation (l'exonération dure au plus douze mois).")})

    hypotheses = [
        f"Activité : {act_label[0].lower() + act_label[1:]}. Taux global de cotisations {fmt.pourcent(ev['taux_plein'])} du chiffre d'affaires"
        + (f", réduit à {fmt.pourcent(ev['taux'])} par l'ACRE" if ev["acre"] and ev["acre"]["applique"] else "") + ".",
        "Comme le simulateur de l'Urssaf, le calcul se fait sur l'année : chiffre d'affaires annuel arrondi à l'euro, "
        "cotisations de chaque mois arrondies à l'euro (chiffre d'affaires annuel ÷ 12 × taux), revenu net "
        "annuel arrondi à l'euro ; les montants mensuels affichés sont les montants annuels ÷ 12. "
        "Le détail ligne à ligne et la répartition sont mensuels.",
        "Les frais réels de l'activité ne sont pas déduits : en micro-entreprise, ils ne réduisent ni les "
        "cotisations ni l'impôt, mais ils réduisent ce qui vous reste.",
    ]
    if ev["acre"] and ev["acre"]["applique"]:
        hypotheses.append(
            "ACRE : taux réduit appliqué à toute l'année simulée, selon la date de création "
            f"({_dt.date.fromisoformat(ev['acre']['date_creation']).strftime('%d/%m/%Y')}) ; comme le simulateur de "
            "l'Urssaf, le calcul ne coupe pas l'année à la fin de l'exonération.")
    if ev["vl"]:
        hypotheses.append(
            "Impôt : versement libératoire, un pourcentage du chiffre d'affaires payé avec les cotisations ; "
            "il est définitif (pas de barème)."
            + ("" if values.get("revenu_fiscal_reference") is not None else
               f" Droit à l'option supposé : revenu fiscal de référence de l'avant-dernière année au plus "
               f"{fmt.montant(ev['plafond_vl'])} par part."))
    else:
        f = ev["foyer"]
        hypotheses.append(
            f"Impôt au barème : {fmt.montant(ev['ca_an'])} de chiffre d'affaires − abattement forfaitaire de {fmt.pourcent(ev['abattement_taux'])} "
            f"(au moins {fmt.montant(p('micro_entreprise.abattement.minimum'))}) = {fmt.montant(ev['revenu_abattu'])} "
            f"imposables par an ; foyer de {fmt.parts(ev['parts'])}"
            + (f", avec {fmt.montant(ev['autres_an'])} d'autres revenus imposables" if ev["autres_an"] else "")
            + f". Impôt du foyer {fmt.montant(euros(f['impot']))} par an, dont la part de la micro-entreprise "
              f"(au prorata de son revenu imposable) est retenue ici.")
        hypotheses.append(
            "Barème de l'impôt : le dernier voté (revenus de l'année précédente), comme le simulateur de l'Urssaf ; "
            "ni la contribution exceptionnelle sur les hauts revenus ni la demi-part de parent isolé ne sont calculées.")

    chiffres = [
        {"code": "chiffre_affaires", "libelle": "Chiffre d'affaires", "valeur": ca, "unite": unite, "aide": ""},
        {"code": "cotisations", "libelle": "Cotisations et contributions", "valeur": cotisations, "unite": unite,
         "aide": "Cotisations sociales, formation professionnelle" + (" et taxe pour frais de chambre" if values["activite"].startswith("bic") else "") + "."},
        {"code": "revenu_net", "libelle": "Revenu net avant impôt", "valeur": revenu_net, "unite": unite,
         "aide": "Chiffre d'affaires − cotisations et contributions, avant vos frais professionnels."},
        {"code": "impot_revenu", "libelle": "Versement libératoire" if ev["vl"] else "Impôt sur le revenu (part de l'activité)",
         "valeur": impot, "unite": unite, "aide": ""},
        {"code": "revenu_net_apres_impot", "libelle": "Revenu net après impôt", "valeur": net_apres, "unite": unite,
         "aide": ""},
    ]
    # where each euro goes, per month (like the lines)
    m_cot_soc = cents(ev["cotisations_sociales_m"])
    m_autres = cents(ev["cotisations_m"] - ev["cotisations_sociales_m"])
    repartition = [
        {"code": "revenu_net_apres_impot", "libelle": "Revenu net après impôt",
         "montant": cents(ev["revenu_net_apres_impot_an"] / 12)},
        {"code": "impot_revenu", "libelle": "Impôt sur le revenu", "montant": cents(ev["impot_an"] / 12)},
        {"code": "cotisations_sociales", "libelle": "Cotisations sociales", "montant": m_cot_soc},
        {"code": "autres_contributions", "libelle": "Formation professionnelle" + (" et taxe de chambre" if values["activite"].startswith("bic") else ""),
         "montant": m_autres},
    ]
    # parts sum to the monthly turnover exactly (the cent left by rounding goes to the net)
    ecart = cents(cents(ev["ca_m"]) - sum(r["montant"] for r in repartition))
    repartition[0]["montant"] = cents(repartition[0]["montant"] + ecart)

    return {
        "chiffre_affaires": ca,
        "cotisations": cotisations,
        "cotisations_sociales": cot_soc,
        "revenu_net": revenu_net,
        "impot_revenu": impot,
        "revenu_net_apres_impot": net_apres,
        "periode": values["periode"],
        "versement_liberatoire": ev["vl"],
        "versement_liberatoire_possible": ev["vl_eligible"],
        "taux_cotisations": ev["taux"],
        "plafond_chiffre_affaires": plafond,
        "revenu_imposable": out(ev["revenu_abattu"]),
        "chiffres_cles": chiffres,
        "lignes": lignes,
        "lignes_colonnes": {"resume": "Détail ligne à ligne (par mois)",
                            "titre": "Cotisations et contributions" + (" et versement libératoire" if ev["vl"] else "")
                                     + ", par mois (chaque ligne arrondie comme à l'Urssaf)",
                            "taux": "Taux", "montant": "Montant du mois"},
        "repartition": repartition,
        "annuel": {
            "chiffre_affaires": ev["ca_an"],
            "cotisations": cents(ev["cotisations_an"]),
            "revenu_net": ev["revenu_net_an"],
            "impot_revenu": ev["impot_an"],
            "revenu_net_apres_impot": ev["revenu_net_apres_impot_an"],
        },
        "mensuel": {
            "chiffre_affaires": cents(ev["ca_m"]),
            "cotisations": cents(ev["cotisations_m"]),
            "revenu_net": cents(ev["revenu_net_an"] / 12),
            "impot_revenu": cents(ev["impot_an"] / 12),
            "revenu_net_apres_impot": cents(ev["revenu_net_apres_impot_an"] / 12),
        },
        "acre": ev["acre"],
        "hypotheses": hypotheses,
        "alertes": alertes,
        "sources": p.sources(),
        "date": values["date"].isoformat(),
    }
