"""Portage salarial: from the consultant's daily rate to the pay, the réserve and the
taux de restitution.

The chain, per month (convention collective de branche des salariés en portage
salarial du 22 mars 2017, IDCC 3219, "CCN" below; Code du travail, "L"):

1. ``chiffre_affaires`` = ``tjm`` × ``jours`` (price of the service, HT, CCN art. 21.1).
2. ``montant_frais_gestion``: the portage firm's fee, a rate of the turnover, or a
   degressive schedule by *annual* turnover (the month's turnover × 12: the
   simulator assumes a steady activity), plus optional fixed monthly fees, with
   an optional monthly cap.  No text caps the fee; its calculation must be in the
   contract and its detail in the monthly compte d'activité (L1254-15, L1254-25).
3. ``frais_professionnels`` reimbursed on receipts (CCN art. 23): not salary, no
   contributions.
4. What is left is the *montant disponible* of CCN art. 21.2 ("prix de la
   prestation HT encaissée − frais de gestion"), here also net of the reimbursed
   expenses that art. 21.2 lists among its uses.  All of it is spent by the firm as
   employer: it is the ``cout_employeur`` of the month, **including what funds the
   réserve financière (CDI) or the indemnité de fin de contrat (CDD)**.  Those are
   salary paid later (CCN art. 21.3, 21.4, 22.2; L1243-8), with employer and employee
   contributions due when paid; their employer cost must therefore come out of the
   same budget as the month's pay.
5. The gross paid this month, ``salaire_brut``, is made of (CCN art. 21.2, 21.3, 28.3):
   - ``salaire_base``: the pay for the days reported;
   - ``indemnite_apport_affaires``: parameter ``portage.indemnite_apport_affaires``
     times the salaire de base (art. 21.2: the indemnity "portant sur la
     rémunération brute mensuelle"; L1254-9);
   - ``conges_payes``: ``portage.conges_payes`` (the tenth, art. 28.3 / L3141-24) of
     the gross made of salaire de base + apport d'affaires, acquired each month.  In a
     CDI, input ``conges_payes``: ``mensualises`` (default: what most firms do, paid
     with the month's pay) or ``a_la_prise`` (what art. 28.3 says since avenant n° 3,
     1 March 2021: paid for each day of leave taken; then it is left out of the
     month's ``salaire_brut``, funded by the month's budget and costed like the
     réserve, ``conges_payes_differes``).  In a CDD it is paid at the end of the
     contract: the monthly figure is its monthly equivalent, whatever the input.
6. On top, accrued on the compte d'activité and paid later:
   - CDI: ``reserve_financiere`` = ``portage.reserve_financiere.taux`` of the
     *salaire de base* (art. 21.3: "du salaire de base de la dernière mission"); the
     base is a parameter (``portage.reserve_financiere.base``) because some firms
     apply the rate to the conventional minimum instead;
   - CDD: ``indemnite_fin_contrat`` = ``salarie.cdd.indemnite_fin_contrat`` (the same
     parameter as the salaried CDD) of the total gross paid (L1243-8), paid with the
     last salary.  Simplification: the congés payés are not recomputed on
     the indemnité itself.
7. Budget equation.  The firm spends the whole budget on the gross G = salaire_brut +
   congés payés not yet paid + réserve, costed as **one payslip** with the salaried rules of ``salarie`` (same
   date, cadre status, headcount, and working time: the month's ``jours`` × 12 as
   ``salarie``'s forfait jours, at most a full one, ``smic.forfait_jours_plein``, so
   that the réduction générale compares the pay with the SMIC for the days worked and
   the PSS is prorated the same way): cout(G) = budget.  The réserve therefore bears the
   *marginal* contribution rate of the month, which is exactly the case of a CDD
   indemnity paid with the last salary, and a prudent estimate for a CDI réserve
   paid out as allocation de prospection.  Its employer cost is
   ``cout_reserve`` = budget − cout(salaire_brut) and its net value when paid is
   ``reserve_nette`` = net(G) − net(salaire_brut).
8. Contributions, ``net_avant_impot``, ``net_imposable`` and ``net_apres_impot`` come
   from ``salarie`` applied to ``salaire_brut``: a portage employee is an ordinary
   salaried employee for social security (the URSSAF model has no portage rule).
9. ``taux_restitution`` = (``net_avant_impot`` + ``reserve_nette`` +
   ``frais_professionnels``) / ``chiffre_affaires``: everything the consultant gets,
   before income tax (a personal matter), over what the client paid.
10. Conventional minimum (CCN art. 21.3, avenant n° 12): a monthly amount, the
    échelon's percentage of the frozen 2017 PSS, including salaire de base, apport
    d'affaires and congés payés (``remuneration_brute``); the réserve comes on top,
    and the total has its own floor (``portage.minimum_reserve_comprise``: 77 % in the
    2017 wording; avenant 12's figures from secondary sources).  Art. 21.3 defines it by
    the day when the working time is counted in days: the simulator takes
    minimum × 12 / ``smic.forfait_jours_plein`` per day (the days of a full forfait,
    art. 27.1.2 and L3121-64) times the days billed in the month, for both floors,
    and warns with the euros missing per month; when only the total misses, the
    alert gives both readings of avenant 12 (salary only, or réserve comprise).

All amounts are euros per month, rounded to the cent; ``annuel`` is twelve months of
the same activity.

Inputs of the fee.  ``frais_gestion`` is a single rate (a fraction of the turnover).
A degressive schedule is given by plain scalar fields, so that an HTML form, a URL
query string and the command line carry it without any parsing of a mini-language:
``frais_gestion_seuil_1`` (annual turnover where the first rate stops),
``frais_gestion_2``, then optionally ``frais_gestion_seuil_2`` and
``frais_gestion_3``; ``frais_gestion_mode`` says how the schedule applies: by
tranches (each rate on its slice of the annual turnover, like an income-tax
scale: the fee is continuous) or global (the rate of the slice reached applies to
the whole turnover, as some offers are written: the fee jumps at each threshold).
``frais_gestion_plafond`` caps the monthly fee; ``frais_fixes_mensuels`` adds a
fixed monthly amount.  Three slices cover the offers seen on the market.
"""

from __future__ import annotations

import re

from .core import format as fmt
from .core.arrondi import cents
from .core.dates import date_field, default_date
from .core.parametres import At, fusion_sources, valeur
from .core.schema import Field, InputError
from .regles.portage_salarial import (  # noqa: F401  (used by the composites' tests)
    CONGES_PAYES,
    ECHELONS,
    RESERVE_BASES,
    SALAIRE,
    Costing,
    Rates,
    evaluate,
    fee_schedule,
    management_fee,
    minimum_floors,
    salarie_options,
    solve_base,
    turnover_for_fee_base,
)

NAME = "portage"
TITLE = "Simulateur de portage salarial"
DESCRIPTION = (
    "Du taux journalier facturé au salaire net : frais de gestion, frais professionnels, "
    "coût employeur, salaire brut (base, indemnité d'apport d'affaires, congés payés), "
    "cotisations, réserve financière ou indemnité de fin de contrat, taux de restitution. "
    "Règles de la convention collective du portage salarial (IDCC 3219) et cotisations d'un salarié cadre."
)

def _default_frais_gestion():
    return valeur("portage.frais_gestion.defaut", default_date())


def _default_effectif():
    return valeur("portage.effectif_defaut", default_date())


_GROUP_MISSION = "Mission"
_GROUP_FRAIS = "Frais de gestion"
_GROUP_CONTRAT = "Contrat et situation"

FIELDS = (
    Field("tjm", "Taux journalier moyen (TJM) facturé, hors taxes", "number", unit="€/jour",
          minimum=0, maximum=100000, step=1, default=600, group=_GROUP_MISSION,
          help="Prix d'une journée de mission facturée au client, hors TVA."),
    Field("jours", "Jours facturés par mois", "number", unit="jours/mois",
          minimum=0, maximum=31, step=0.5, default=18, group=_GROUP_MISSION,
          help="Jours (ou demi-journées) déclarés dans le compte rendu d'activité du mois.",
          reference="Convention collective IDCC 3219, art. 20 et 26"),
    Field("frais_gestion", "Frais de gestion de l'entreprise de portage", "number", unit="taux",
          minimum=0, maximum=1, step=0.001, default=_default_frais_gestion, group=_GROUP_FRAIS,
          help="Part du chiffre d'affaires retenue par l'entreprise de portage. "
               "Avec un barème dégressif, c'est le taux de la première tranche.",
          reference="Code du travail, art. L1254-15 et L1254-25"),
    Field("frais_gestion_seuil_1", "Barème dégressif : fin de la 1re tranche", "number", unit="€/an",
          minimum=0, maximum=10_000_000, advanced=True, group=_GROUP_FRAIS,
          help="Chiffre d'affaires annuel au-delà duquel s'applique le 2e taux (laisser vide sans barème)."),
    Field("frais_gestion_2", "Barème dégressif : 2e taux", "number", unit="taux",
          minimum=0, maximum=1, step=0.001, advanced=True, group=_GROUP_FRAIS),
    Field("frais_gestion_seuil_2", "Barème dégressif : fin de la 2e tranche", "number", unit="€/an",
          minimum=0, maximum=10_000_000, advanced=True, group=_GROUP_FRAIS),
    Field("frais_gestion_3", "Barème dégressif : 3e taux", "number", unit="taux",
          minimum=0, maximum=1, step=0.001, advanced=True, group=_GROUP_FRAIS),
    Field("frais_gestion_mode", "Application du barème", "choice", default="tranches",
          choices=(("tranches", "Par tranches (chaque taux sur sa part du chiffre d'affaires)"),
                   ("global", "Global (le taux de la tranche atteinte s'applique à tout le chiffre d'affaires)")),
          advanced=True, group=_GROUP_FRAIS,
          help="Le contrat de portage précise le mode de calcul ; demandez-le."),
    Field("frais_gestion_plafond", "Plafond mensuel des frais de gestion", "number", unit="€/mois",
          minimum=0, maximum=1_000_000, advanced=True, group=_GROUP_FRAIS,
          help="Certaines offres plafonnent les frais de gestion (laisser vide sinon)."),
    Field("frais_fixes_mensuels", "Frais fixes mensuels de l'entreprise de portage", "number", unit="€/mois",
          minimum=0, maximum=100_000, default=0, advanced=True, group=_GROUP_FRAIS,
          help="Forfait mensuel éventuel (compte rendu d'activité, outils…), en plus du pourcentage."),
    Field("frais_professionnels", "Frais professionnels remboursés", "number", unit="€/mois",
          minimum=0, maximum=1_000_000, default=0, group=_GROUP_MISSION,
          help="Frais de mission remboursés sur justificatifs : ils sortent du budget sans cotisations.",
          reference="Convention collective IDCC 3219, art. 21.2 et 23"),
    Field("contrat", "Contrat de travail", "choice", default="cdi", group=_GROUP_CONTRAT,
          choices=(("cdi", "CDI"), ("cdd", "CDD")),
          reference="Code du travail, art. L1254-7 à L1254-13"),
    Field("cadre", "Statut cadre", "boolean", default=True, group=_GROUP_CONTRAT),
    Field("conges_payes", "Versement de l'indemnité de congés payés (CDI)", "choice", default="mensualises",
          choices=CONGES_PAYES, group=_GROUP_CONTRAT,
          help="La convention prévoit le paiement à chaque jour de congé pris ; la plupart des entreprises "
               "de portage versent 10 % chaque mois. En CDD, l'indemnité suit les règles du CDD.",
          reference="Convention collective IDCC 3219, art. 28.3 (avenant n° 3, depuis le 1er mars 2021)"),
    Field("echelon", "Échelon de classification", "choice", default="junior", group=_GROUP_CONTRAT,
          choices=ECHELONS,
          help="Classement conventionnel selon la complexité de la prestation ; il fixe la rémunération minimale.",
          reference="Convention collective IDCC 3219, art. 37 (avenant n° 12)"),
    Field("mutuelle_montant", "Complémentaire santé (cotisation totale)", "number", unit="€/mois",
          minimum=0, maximum=1000, advanced=True, group=_GROUP_CONTRAT,
          help="Laisser vide pour l'hypothèse du simulateur salarié."),
    Field("mutuelle_part_employeur", "Part employeur de la complémentaire santé", "number", unit="taux",
          minimum=0, maximum=1, advanced=True, group=_GROUP_CONTRAT),
    Field("effectif", "Effectif de l'entreprise de portage", "integer", unit="salariés",
          minimum=1, maximum=1_000_000, default=_default_effectif, advanced=True, group=_GROUP_CONTRAT,
          help="Salariés portés compris. Il change certaines contributions patronales (FNAL, formation, "
               "participation à l'effort de construction, réduction générale)."),
    Field("taux_pas", "Taux personnalisé de prélèvement à la source", "number", unit="taux",
          minimum=0, maximum=0.6, step=0.001, advanced=True, group=_GROUP_CONTRAT,
          help="Laisser vide pour appliquer la grille du taux neutre."),
    date_field(group=_GROUP_CONTRAT),
)

def check(values: dict) -> dict:
    """Cross-field rules of the degressive schedule."""
    errors = {}
    s1, t2 = values.get("frais_gestion_seuil_1"), values.get("frais_gestion_2")
    s2, t3 = values.get("frais_gestion_seuil_2"), values.get("frais_gestion_3")
    if (s1 is None) != (t2 is None):
        key = "frais_gestion_2" if t2 is None else "frais_gestion_seuil_1"
        errors[key] = "Un barème dégressif demande à la fois le seuil de la 1re tranche et le 2e taux."
    if (s2 is None) != (t3 is None):
        key = "frais_gestion_3" if t3 is None else "frais_gestion_seuil_2"
        errors[key] = "La 3e tranche demande à la fois son seuil et son taux."
    if s2 is not None and s1 is None:
        errors["frais_gestion_seuil_2"] = "Renseignez d'abord la 1re tranche du barème."
    elif s2 is not None and s1 is not None and s2 <= s1:
        errors["frais_gestion_seuil_2"] = "Le seuil de la 2e tranche doit dépasser celui de la 1re."
    return errors


def _minimum_alerts(values: dict, rates: Rates, parts: dict, echelon_label: str) -> list[dict]:
    f = minimum_floors(rates, parts)
    m1, m2 = f["manque_minimum_conventionnel"], f["manque_minimum_reserve_comprise"]
    if not (m1 or m2):
        return []
    jours = fmt.quantite(values["jours"], "jour facturé", "jours facturés")
    reserve_nom = "l’indemnité de fin de contrat" if rates.cdd else "la réserve financière"
    pss = fmt.montant(rates.pss_reference)
    floor1 = (f"{fmt.montant(f['minimum_conventionnel'])} ({fmt.pourcent(rates.taux_minimum)} du plafond de la sécurité "
              f"sociale de 2017, {pss}, soit {fmt.montant(rates.minimum_mensuel)} par mois complet, ramené à la journée)")
    floor2 = (f"{fmt.montant(f['minimum_reserve_comprise'])} ({fmt.pourcent(rates.taux_minimum_total)} du même plafond, "
              "ramené à la journée)")
    rem = (f"La rémunération brute du mois (salaire de base, apport d’affaires et congés payés) est de "
           f"{fmt.montant(f['remuneration_brute'])}")
    with_res = (f"avec {reserve_nom} ({fmt.montant(parts['reserve'])}), le total est de "
                f"{fmt.montant(f['total_reserve_comprise'])}")
    lecture = ("La rédaction de 2017 de l’art. 21.3 impose les deux planchers ; le texte de l’avenant n° 12, "
               "qui fixe les pourcentages actuels, n’a pas pu être lu : ")
    refus = ("L’entreprise de portage peut refuser la mission à ce tarif (convention collective, art. 18.1) : "
             "augmentez le TJM ou le nombre de jours.")
    if m1 and m2:
        msg = (f"{rem}, sous le minimum conventionnel de l’échelon {echelon_label.lower()} pour {jours} : "
               f"{floor1} ; il manque {fmt.montant(m1)} par mois. Réserve comprise, le minimum n’est pas atteint non "
               f"plus : {with_res}, pour un minimum de {floor2} ; il manque {fmt.montant(m2)} par mois. " + refus)
    elif m2:
        msg = (f"{rem} : elle atteint, lu comme un salaire seul, le minimum conventionnel de l’échelon "
               f"{echelon_label.lower()} pour {jours}, {floor1}. Mais {with_res}, sous le minimum réserve comprise de "
               f"{floor2} : il manque {fmt.montant(m2)} par mois. " + lecture +
               "s’il retient le salaire seul, la mission le respecte ; s’il retient la réserve comprise, "
               "elle ne le respecte pas. " + refus)
    else:
        msg = (f"{rem}, sous le minimum conventionnel de l’échelon {echelon_label.lower()} pour {jours} lu comme "
               f"un salaire seul : {floor1} ; il manque {fmt.montant(m1)} par mois. Réserve comprise, le minimum de "
               f"{floor2} est atteint ({with_res}). " + lecture +
               "s’il retient le salaire seul, la mission ne le respecte pas ; s’il retient la réserve "
               "comprise, elle le respecte. " + refus)
    return [{"niveau": "attention", "message": msg}]


def _conges_message(rates: Rates, parts: dict, pay: dict, costing: Costing) -> str:
    """What the way of paying the congés payés changes, month by month (CDI)."""
    cp = parts["conges_payes"]
    sans_cp = cents(parts["remuneration_brute"] - cp)
    if rates.cp_a_la_prise:
        net_prise, net_mens = pay["net_avant_impot"], SALAIRE.amounts(parts["remuneration_brute"], costing.ctx_pay)["net_avant_impot"]
    else:
        net_mens, net_prise = pay["net_avant_impot"], SALAIRE.amounts(sans_cp, costing.ctx_pay)["net_avant_impot"]
    par_jour = fmt.montant(cents(cp / rates.cp_jours_mois))
    jours_cp = fmt.nombre(rates.cp_jours_mois)
    texte = ("La convention collective (art. 28.3, rédaction de l’avenant n° 3 en vigueur depuis le 1er mars 2021) "
             "prévoit le versement de l’indemnité de congés payés pour chaque jour de congé pris. ")
    mens = (f"versée chaque mois (pratique de la plupart des entreprises), un mois travaillé sans congé paie "
            f"{fmt.montant(parts['remuneration_brute'])} brut ({fmt.montant(net_mens)} net avant impôt) et un mois de "
            "congés ne paie rien : l’indemnité a déjà été versée")
    prise = (f"versée à la prise (selon le texte), un mois travaillé sans congé paie {fmt.montant(sans_cp)} brut "
             f"({fmt.montant(net_prise)} net avant impôt) et met de côté {fmt.montant(cp)} brut pour "
             f"{jours_cp} jours ouvrables de congés acquis ; un mois de congés paie alors l’indemnité acquise, "
             f"environ {par_jour} brut par jour ouvrable de congé (le dixième, ou le maintien de salaire s’il est "
             "plus favorable)")
    if rates.cp_a_la_prise:
        return (texte + f"Calcul selon le texte : {prise}. Avec l’indemnité {mens}. Sur l’année, le brut total "
                "est le même.")
    return (texte + f"Calcul selon la pratique courante : avec l’indemnité {mens}. Avec l’indemnité {prise}. "
            "Sur l’année, le brut total est le même.")


def _evaluate(values: dict, p) -> dict:
    """The chain, with the salaried rules' limit on the gross said at the TJM field:
    the form has no « salaire brut » field, the visitor's lever is the TJM or the days."""
    try:
        return evaluate(values, p)
    except InputError as exc:
        limite = exc.errors.get("salaire_brut")
        if limite is None:
            raise
        borne = re.search(r"au plus (.+?)\.?$", limite)
        ca = fmt.montant(values["tjm"] * values["jours"])
        raise InputError({"tjm": (
            f"Chiffre d’affaires trop élevé pour ce simulateur ({ca} dans le mois) : le salaire brut dépasserait "
            f"la limite du calcul des cotisations salariales, {'au plus ' + borne.group(1) if borne else limite}.")}) from None


def compute(values: dict) -> dict:
    p = At(values["date"])
    ev = _evaluate(values, p)
    rates, pay, parts = ev["rates"], ev["pay"], ev["parts"]
    cdd = rates.cdd
    ca = ev["chiffre_affaires"]
    reserve_code = "indemnite_fin_contrat" if cdd else "reserve_financiere"
    reserve_libelle = "Indemnité de fin de contrat (versée en fin de CDD)" if cdd else "Réserve financière (versée plus tard)"
    reserve_ref = p.ref("salarie.cdd.indemnite_fin_contrat") if cdd else p.ref("portage.reserve_financiere.taux")

    cot_pat = cents(pay["cout_employeur"] - parts["salaire_brut"])
    cot_sal = cents(parts["salaire_brut"] - pay["net_avant_impot"])
    impot = cents(pay["net_avant_impot"] - pay["net_apres_impot"])

    compte = [
        {"code": "chiffre_affaires", "libelle": "Chiffre d'affaires facturé (TJM × jours)", "montant": ca,
         "reference": "Convention collective IDCC 3219, art. 21.1"},
        {"code": "frais_gestion", "libelle": "Frais de gestion", "montant": -ev["frais_gestion_pourcentage"],
         "reference": "Code du travail, art. L1254-25 ; convention collective IDCC 3219, art. 21.2"},
    ]
    if ev["frais_fixes"]:
        compte.append({"code": "frais_fixes", "libelle": "Frais fixes mensuels", "montant": -ev["frais_fixes"],
                       "reference": "Contrat de portage"})
    if ev["frais_professionnels"]:
        compte.append({"code": "frais_professionnels", "libelle": "Frais professionnels remboursés",
                       "montant": -ev["frais_professionnels"],
                       "reference": "Convention collective IDCC 3219, art. 21.2 et 23"})
    compte += [
        {"code": "budget", "libelle": "Montant disponible = coût employeur total", "montant": ev["budget"],
         "reference": "Convention collective IDCC 3219, art. 21.2"},
        {"code": "cout_salaire", "libelle": "Coût employeur du salaire du mois", "montant": -pay["cout_employeur"],
         "reference": "Cotisations du salarié du secteur privé"},
    ]
    if parts["conges_payes_differes"]:
        compte.append({"code": "cout_conges_payes", "libelle": "Provision : congés payés acquis (versés pendant les "
                       "congés), cotisations comprises", "montant": -ev["cout_conges_differes"],
                       "reference": p.ref("portage.conges_payes")})
    compte += [
        {"code": "cout_" + reserve_code, "libelle": f"Provision : {reserve_libelle.lower()}, cotisations comprises",
         "montant": -ev["cout_reserve"], "reference": reserve_ref},
    ]
    composition = [
        {"code": "salaire_base", "libelle": "Salaire de base", "assiette": None, "taux": None,
         "montant": parts["salaire_base"], "reference": "Convention collective IDCC 3219, art. 21.2"},
        {"code": "indemnite_apport_affaires", "libelle": "Indemnité d'apport d'affaires",
         "assiette": parts["salaire_base"], "taux": rates.iaa, "montant": parts["indemnite_apport_affaires"],
         "reference": p.ref("portage.indemnite_apport_affaires")},
        {"code": "conges_payes", "libelle": "Indemnité de congés payés" + (
            " (équivalent mensuel, versée en fin de CDD)" if cdd else
            " acquise (versée pendant les congés, hors salaire du mois)" if rates.cp_a_la_prise else " (versée chaque mois)"),
         "assiette": cents(parts["salaire_base"] + parts["indemnite_apport_affaires"]), "taux": rates.cp,
         "montant": parts["conges_payes"], "reference": p.ref("portage.conges_payes")},
        {"code": "salaire_brut", "libelle": "Salaire brut du mois", "assiette": None, "taux": None,
         "montant": parts["salaire_brut"], "reference": ""},
        {"code": reserve_code, "libelle": reserve_libelle, "assiette": parts["assiette_reserve"],
         "taux": rates.reserve, "montant": parts["reserve"], "reference": reserve_ref},
    ]

    repartition = [
        {"code": "frais_gestion", "libelle": "Frais de gestion", "montant": ev["montant_frais_gestion"]},
        {"code": "frais_professionnels", "libelle": "Frais professionnels remboursés", "montant": ev["frais_professionnels"]},
        {"code": "cotisations_patronales", "libelle": "Cotisations patronales", "montant": cot_pat},
        {"code": "cotisations_salariales", "libelle": "Cotisations et contributions salariales", "montant": cot_sal},
        {"code": "prelevement_source", "libelle": "Prélèvement à la source", "montant": impot},
        {"code": "net_apres_impot", "libelle": "Salaire net après impôt", "montant": pay["net_apres_impot"]},
        {"code": reserve_code, "libelle": f"{reserve_libelle}, cotisations comprises", "montant": ev["cout_reserve"]},
    ]
    if parts["conges_payes_differes"]:
        repartition.append({"code": "conges_payes", "libelle": "Congés payés acquis (versés pendant les congés), "
                            "cotisations comprises", "montant": ev["cout_conges_differes"]})

    echelon = rates.echelon
    echelon_label = dict(ECHELONS)[echelon]
    alertes = []
    alertes += _minimum_alerts(values, rates, parts, echelon_label)
    plafond_usage = p("portage.frais_professionnels_plafond_usage")
    if ev["frais_professionnels"] > plafond_usage * ca:
        alertes.append({"niveau": "info", "message": (
            f"Les frais professionnels dépassent {fmt.pourcent(plafond_usage)} du chiffre d'affaires : certaines "
            "entreprises de portage plafonnent ce montant (règle maison, non légale). Ils doivent être justifiés.")})
    if cdd:
        alertes.append({"niveau": "info", "message": (
            f"En CDD, l'indemnité de fin de contrat et les congés payés sont versés à la fin du contrat ; "
            f"un CDD de portage dure au plus {p('portage.cdd_duree_max_mois')} mois, renouvellements compris."
            + (" Le choix du versement des congés payés concerne le CDI : en CDD, la convention (art. 28.3) "
               "prévoit leur versement à la fin du contrat." if values.get("conges_payes") == "a_la_prise" else ""))})
    else:
        alertes.append({"niveau": "info", "message": _conges_message(rates, parts, pay, ev["costing"])})

    hypotheses = [
        "Le chiffre d'affaires est le TJM multiplié par les jours facturés du mois ; l'activité est supposée "
        "constante sur l'année (barème dégressif appliqué au chiffre d'affaires mensuel × 12).",
        "Tout le montant disponible (chiffre d'affaires − frais de gestion − frais professionnels) est dépensé "
        "en salaire et cotisations, y compris la " + ("provision de l'indemnité de fin de contrat" if cdd else "réserve financière") +
        ", chiffrée comme un complément de salaire du même mois (taux marginal des cotisations).",
        ("Le salaire brut du mois comprend le salaire de base et l’indemnité d’apport d’affaires "
         f"({fmt.pourcent(rates.iaa)} du salaire de base) ; l’indemnité de congés payés ({fmt.pourcent(rates.cp)}) est acquise "
         "chaque mois et versée pour chaque jour de congé pris (convention collective, art. 28.3), chiffrée comme "
         "un complément de salaire du même mois.") if rates.cp_a_la_prise else
        ("Le salaire brut comprend le salaire de base, l'indemnité d'apport d'affaires "
         f"({fmt.pourcent(rates.iaa)} du salaire de base) et l'indemnité de congés payés ({fmt.pourcent(rates.cp)})"
         + (", versée chaque mois (pratique courante ; la convention prévoit son versement à chaque jour de congé "
            "pris, art. 28.3)." if not cdd else ".")),
        ("L'indemnité de fin de contrat vaut " + fmt.pourcent(rates.reserve) + " du salaire brut versé (art. L1243-8) ; "
         "les congés payés ne sont pas recalculés sur cette indemnité.") if cdd else
        ("La réserve financière vaut " + fmt.pourcent(rates.reserve) + " " + {
            "salaire_base": "du salaire de base",
            "salaire_brut": "du salaire brut",
            "minimum_conventionnel": "du minimum conventionnel",
        }[rates.reserve_base] + " (convention collective, art. 21.3) ; elle finance l'allocation de prospection "
         f"(au plus {p('portage.reserve_financiere.allocation_prospection_mois')} mois, art. 22.2) ou est versée en fin de contrat."),
        f"Le minimum conventionnel ({fmt.pourcent(p(f'portage.minimum.{echelon}'))} du plafond de la sécurité sociale "
        f"de 2017, {fmt.montant(p('portage.pss_reference'))}) est ramené à la journée (art. 21.3) : "
        f"{fmt.montant(rates.minimum_mensuel)} × 12 / {rates.forfait} jours, multiplié par les jours facturés, et comparé à "
        "la rémunération brute du mois, congés payés compris. Second plancher : avec la "
        + ("l’indemnité de fin de contrat" if cdd else "réserve financière").replace("la l’", "l’") +
        f", au moins {fmt.pourcent(rates.taux_minimum_total)} du même plafond ({fmt.montant(rates.minimum_total_mensuel)} par "
        "mois complet), ramené de même à la journée ; le texte de l’avenant n° 12 qui fixe ces pourcentages n’a pas "
        "été lu (sources secondaires).",
        "Taux de restitution = (net avant impôt + " + ("congés payés acquis nets + " if rates.cp_a_la_prise else "")
        + "réserve nette + frais remboursés) / chiffre d'affaires.",
        "Cotisations : celles d'un salarié " + ("cadre" if values.get("cadre", True) else "non cadre") +
        " du secteur privé (mêmes règles que le simulateur salarié), dans une entreprise de portage de "
        f"{values.get('effectif') or _default_effectif()} salariés, salariés portés compris.",
        "Temps de travail compté en jours (compte rendu d’activité, convention collective, art. 20 et 26) : "
        f"{fmt.nombre(values['jours'])} jours dans le mois, soit l’équivalent d’un forfait de "
        f"{fmt.nombre(rates.jours_annuels)} jours par an (jours du mois × 12) pour un forfait complet de "
        f"{rates.forfait} jours. Le SMIC de référence de la réduction générale et le plafond de la sécurité sociale "
        "suivent ce temps de travail, comme pour un salarié au forfait jours réduit"
        + (f" (au-delà de {fmt.nombre(round(rates.forfait / 12, 2))} jours par mois, ceux d’un temps plein)."
           if rates.jours_annuels >= rates.forfait else
           f" ({fmt.nombre(rates.jours_annuels)}/{rates.forfait})."),
    ] + [h for h in pay.get("hypotheses", []) if h]

    annuel = {k: cents(12 * v) for k, v in (
        ("chiffre_affaires", ca), ("montant_frais_gestion", ev["montant_frais_gestion"]),
        ("frais_professionnels", ev["frais_professionnels"]), ("cout_employeur", ev["budget"]),
        ("salaire_brut", parts["salaire_brut"]), ("net_avant_impot", pay["net_avant_impot"]),
        ("net_imposable", pay["net_imposable"]), ("net_apres_impot", pay["net_apres_impot"]),
        ("reserve_financiere", parts["reserve"]), ("reserve_nette", ev["reserve_nette"]),
        ("conges_payes_nets_differes", ev["conges_payes_nets_differes"]))}

    reserve_nom = "Indemnité de fin de contrat" if cdd else "Réserve financière"
    chiffres = [
        {"code": "chiffre_affaires", "libelle": "Chiffre d'affaires", "valeur": ca, "unite": "€/mois",
         "aide": f"TJM × jours facturés ({fmt.montant(values['tjm'])} × {fmt.nombre(values['jours'])})."},
        {"code": "montant_frais_gestion", "libelle": "Frais de gestion", "valeur": ev["montant_frais_gestion"],
         "unite": "€/mois", "aide": "Retenus par l'entreprise de portage."},
        {"code": "net_avant_impot", "libelle": "Salaire net avant impôt", "valeur": pay["net_avant_impot"],
         "unite": "€/mois", "aide": "Versé chaque mois."},
        {"code": "net_apres_impot", "libelle": "Salaire net après impôt", "valeur": pay["net_apres_impot"],
         "unite": "€/mois", "aide": "Après prélèvement à la source."},
        {"code": "reserve_nette", "libelle": f"{reserve_nom} (net, versé plus tard)", "valeur": ev["reserve_nette"],
         "unite": "€/mois", "aide": f"{fmt.montant(parts['reserve'])} brut acquis chaque mois, versé "
                                   + ("avec le dernier salaire." if cdd else "en période sans mission ou en fin de contrat.")},
    ] + ([
        {"code": "conges_payes_nets_differes", "libelle": "Congés payés acquis (net, versés pendant les congés)",
         "valeur": ev["conges_payes_nets_differes"], "unite": "€/mois",
         "aide": f"{fmt.montant(parts['conges_payes'])} brut acquis chaque mois travaillé "
                 f"({fmt.nombre(rates.cp_jours_mois)} jours ouvrables de congés), versés pour chaque jour de congé pris."},
    ] if rates.cp_a_la_prise else []) + [
        {"code": "taux_restitution", "libelle": "Taux de restitution", "valeur": round(ev["taux_restitution"], 4),
         "unite": "taux", "aide": "Net avant impôt, réserve nette et frais remboursés, rapportés au chiffre d'affaires."},
        {"code": "salaire_brut", "libelle": "Salaire brut", "valeur": parts["salaire_brut"], "unite": "€/mois",
         "aide": f"Dont salaire de base {fmt.montant(parts['salaire_base'])}, indemnité d'apport d'affaires "
                 f"{fmt.montant(parts['indemnite_apport_affaires'])}"
                 + (f" ; congés payés acquis ({fmt.montant(parts['conges_payes'])}) versés pendant les congés."
                    if rates.cp_a_la_prise else f", congés payés {fmt.montant(parts['conges_payes'])}.")},
        {"code": "cout_employeur", "libelle": "Coût employeur total", "valeur": ev["budget"], "unite": "€/mois",
         "aide": f"Chiffre d'affaires moins frais de gestion et frais professionnels ; dont "
                 f"{fmt.montant(ev['cout_reserve'])} pour la {reserve_nom.lower()} et ses cotisations."},
    ]

    return {
        "chiffre_affaires": ca,
        "montant_frais_gestion": ev["montant_frais_gestion"],
        "frais_professionnels": ev["frais_professionnels"],
        "cout_employeur": ev["budget"],
        "cout_employeur_salaire": pay["cout_employeur"],
        "salaire_brut": parts["salaire_brut"],
        "salaire_base": parts["salaire_base"],
        "indemnite_apport_affaires": parts["indemnite_apport_affaires"],
        "conges_payes": parts["conges_payes"],
        "reserve_financiere": parts["reserve"],
        "cout_reserve": ev["cout_reserve"],
        "reserve_nette": ev["reserve_nette"],
        "net_avant_impot": pay["net_avant_impot"],
        "net_imposable": pay["net_imposable"],
        "net_apres_impot": pay["net_apres_impot"],
        "taux_restitution": round(ev["taux_restitution"], 6),
        "reduction_generale": pay["reduction_generale"],
        **minimum_floors(rates, parts),
        "conges_payes_mode": "mensualises" if cdd else ("a_la_prise" if rates.cp_a_la_prise else "mensualises"),
        "conges_payes_differes": parts["conges_payes_differes"],
        "cout_conges_payes_differes": ev["cout_conges_differes"],
        "conges_payes_nets_differes": ev["conges_payes_nets_differes"],
        "jours_forfait_annuel": rates.jours_forfait,
        "chiffres_cles": chiffres,
        "compte_activite": compte,
        "composition_brut": composition,
        "frais_gestion_detail": ev["frais_gestion_detail"],
        "lignes": pay.get("lignes", []),
        "repartition": repartition,
        "annuel": annuel,
        "hypotheses": hypotheses,
        "alertes": alertes,
        "sources": fusion_sources(p.sources(), pay.get("sources", [])),
        "periode": "mois",  # the period of the amounts (core/resultat.py)
        "date": values["date"].isoformat(),
    }
