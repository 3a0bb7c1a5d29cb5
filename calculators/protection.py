"""Social protection of one status for one income, per year: what a year of
this activity earns for the pension (quarters, income counted, complementary
points and the pension they buy) and what it pays when work stops (sick pay
with the employer's complement, AT/MP, maternity and paternity, invalidity,
death).

The income comes from the status's own calculator, called through
:func:`calculators.run` with the status comparator's inputs
(``comparateur_statuts.entrees``): the gross actually paid in portage (the
réserve is not counted until it is paid), the CDI of the same employer cost
(or the ``salaire_brut`` given), the micro turnover, the EURL gérant's
contributions (the 2025 reformed base: RCI points follow the reformed RCI
contribution), the SASU president's gross.  The rules are in
:mod:`calculators.regles.retraite` and :mod:`calculators.regles.prestations`.

Every figure is per year (``periode`` = "annee") except the daily allowances
(€/jour); the year's income is assumed steady (the three last pays are a
quarter of it; an independent's average income, RAAM, is this year's).
"""

from __future__ import annotations

from . import statuts
from .core.arrondi import cents
from .core.dates import date_field
from .core.format import NBSP, euros, euros_cents, nombre, pourcent
from .core.parametres import At
from .core.schema import Field, InputError, champ_de
from .regles import prestations as _pr
from .regles import retraite as _rt

NAME = "protection"
TITLE = "Protection sociale par statut"
DESCRIPTION = (
    "Pour un statut (CDI, portage salarial, micro-entreprise, EURL, SASU) et une mission : les trimestres et les "
    "points de retraite d’une année, la pension qu’ils achètent, les indemnités journalières maladie, accident du "
    "travail et maternité, la pension d’invalidité et le capital décès, chacun avec sa règle et sa référence."
)

STATUTS = (
    ("cdi", "CDI (même coût employeur que le portage, ou le salaire brut indiqué)"),
    ("portage", "Portage salarial (CDI)"),
    ("micro", "Micro-entreprise"),
    ("eurl", "EURL (gérant majoritaire, à l’IS)"),
    ("sasu", "SASU (président, assimilé salarié)"),
)
_ABATTEMENT = {"bnc_ssi": "bnc", "bnc_cipav": "bnc", "bic_services": "bic_services", "bic_ventes": "ventes"}
_SANS_IJ = "Pas d’indemnité journalière à ce revenu."

_G = "Statut et mission"
_G_OPT = "Options"

def _field(calculateur: str, name: str, **over) -> Field:
    """A field of a status calculator, the same for this one (as the status comparator does)."""
    from . import get
    return champ_de(get(calculateur).FIELDS, name, **over)


FIELDS = (
    Field("statut", "Statut", "choice", default="portage", choices=STATUTS, group=_G),
    _field("portage", "tjm", group=_G),
    _field("portage", "jours", group=_G),
    Field("chiffre_affaires_annuel", "Ou chiffre d’affaires annuel (hors taxes)", "number", unit="€/an",
          minimum=0, maximum=10_000_000, default=None, group=_G,
          help="S’il est indiqué, il remplace TJM × jours × 12."),
    Field("frais", "Frais professionnels", "number", unit="€/mois", minimum=0, maximum=1_000_000, default=0,
          group=_G, help="Payés pour l’activité, par mois (remboursés en portage, déduits du budget en EURL et SASU)."),
    _field("portage", "frais_gestion", group=_G_OPT, advanced=True),
    _field("micro", "activite", label="Activité en micro-entreprise", group=_G_OPT, advanced=True),
    Field("salaire_brut", "CDI : salaire brut mensuel", "number", unit="€/mois", minimum=0, maximum=1_000_000,
          default=None, group=_G_OPT, advanced=True,
          help="Pour le CDI seulement. Laissé vide : le salaire du même coût employeur que le portage."),
    Field("reserve_comprise", "Portage : compter la réserve financière dans le salaire de l’année", "boolean",
          default=False, group=_G_OPT, advanced=True,
          help="La réserve (art. 21.3 de la convention) est versée plus tard comme salaire : cochée, l’année compte "
               "le salaire et la réserve, comme si la réserve était versée dans l’année.",
          reference="Convention collective IDCC 3219, art. 21.3"),
    Field("anciennete", "Ancienneté dans l’entreprise (CDI, portage)", "number", unit="ans", minimum=0,
          maximum=60, default=1, group=_G_OPT, advanced=True,
          help="Le complément de salaire de l’employeur en arrêt maladie demande un an d’ancienneté.",
          reference="Code du travail, art. L1226-1"),
    date_field(),
)


def check(values: dict) -> dict:
    errors = {}
    if values.get("statut") == "cdi" and values.get("salaire_brut"):
        return errors
    if not values.get("chiffre_affaires_annuel") and not (values.get("tjm") or 0) > 0:
        errors["tjm"] = "Indiquez un TJM supérieur à zéro (ou un chiffre d’affaires annuel)."
    if not (values.get("jours") or 0) > 0:
        errors["jours"] = "Indiquez un nombre de jours facturés supérieur à zéro."
    return errors


def _run(name: str, inputs: dict, champ: str = "tjm") -> dict:
    """Run a status calculator; its errors are shown beside our field of the same
    name, or beside ``champ`` (the input that drives the amount)."""
    from . import run
    res = run(name, inputs)
    if not res["ok"]:
        names = {f.name for f in FIELDS}
        errs = {}
        for k, msg in res["errors"].items():
            errs.setdefault(k if k in names else champ, msg)
        raise InputError(errs)
    return res["result"]


def _entrees(values: dict) -> dict:
    """The inputs of each calculator, exactly the status comparator's."""
    v = {"tjm": values.get("tjm") or 0.0, "jours": values.get("jours") or 1.0,
         "chiffre_affaires_annuel": values.get("chiffre_affaires_annuel"), "frais": values.get("frais") or 0.0,
         "frais_gestion": values["frais_gestion"], "activite": values["activite"],
         "versement_liberatoire": False, "date": values["date"]}
    return {"entrees": statuts.entrees(v), "entree_cdi": statuts.entree_cdi}


def revenus(values: dict) -> dict:
    """The income each rule needs, from the status's own calculator (with its
    warnings under ``alertes``)."""
    out = _revenus(values)
    out.setdefault("alertes", [])
    return out


def _attention(r: dict) -> list:
    return [a for a in r.get("alertes") or [] if a.get("niveau") == "attention"]


def _revenus(values: dict) -> dict:
    statut = values["statut"]
    d = values["date"].isoformat()
    if statut == "cdi" and values.get("salaire_brut"):
        r = _run("salarie", {"salaire_brut": values["salaire_brut"], "date": d}, "salaire_brut")
        return {"salarie": True, "brut_mensuel": r["salaire_brut"], "calculateur": "salarie",
                "base": ("Salaire brut", r["salaire_brut"], "€/mois")}
    e = _entrees(values)
    ins = e["entrees"]
    if statut in ("cdi", "portage"):
        rp = _run("portage", ins["portage"])
        if statut == "portage" and values.get("reserve_comprise"):
            brut = rp["total_reserve_comprise"]
            return {"salarie": True, "brut_mensuel": brut, "calculateur": "portage",
                    "base": ("Salaire brut et réserve financière", brut, "€/mois")}
        if statut == "portage":
            return {"salarie": True, "brut_mensuel": rp["salaire_brut"], "calculateur": "portage",
                    "base": ("Salaire brut versé (réserve non comprise)", rp["salaire_brut"], "€/mois")}
        r = _run("salarie", e["entree_cdi"](rp, d))
        return {"salarie": True, "brut_mensuel": r["salaire_brut"], "calculateur": "salarie",
                "base": ("Salaire brut du CDI de même coût employeur", r["salaire_brut"], "€/mois")}
    if statut == "sasu":
        r = _run("sasu", ins["sasu"])
        brut_an = r["annuel"]["remuneration_brute"]
        return {"salarie": True, "brut_mensuel": cents(brut_an / 12), "calculateur": "sasu",
                "base": ("Rémunération brute du président", brut_an, "€/an")}
    if statut == "micro":
        r = _run("micro", ins["micro"])
        ca = r["annuel"]["chiffre_affaires"]
        k = 12 if r.get("periode") == "mois" else 1
        return {"salarie": False, "calculateur": "micro", "chiffre_affaires": ca,
                "cotisations_sociales": cents(r["cotisations_sociales"] * k),
                "revenu_imposable": cents(r["revenu_imposable"] * k), "activite": ins["micro"]["activite"],
                "base": ("Chiffre d’affaires", ca, "€/an"), "alertes": _attention(r)}
    r = _run("eurl", ins["eurl"])
    lignes = {l["code"]: l for l in r["cotisations_annuelles"]}
    return {"salarie": False, "calculateur": "eurl",
            "retraite_base": lignes["retraite_base"]["montant"],
            "assiette_retraite_base": lignes["retraite_base"]["assiette"],
            "retraite_complementaire": lignes["retraite_complementaire"]["montant"],
            "raam": lignes["indemnites_journalieres"]["assiette"],
            "revenu_invalidite": lignes["invalidite_deces"]["assiette"],
            "base": ("Assiette des cotisations du gérant (réforme 2025)", r["annuel"]["assiette_cotisations"], "€/an"),
            "alertes": _attention(r)}


def _eur(x: float, dec: int = 0) -> str:
    """An amount the French way (« 1 803 € », « 20,1877 € » for a point's price)."""
    if dec == 0:
        return euros(x)
    if dec == 2:
        return euros_cents(x)
    return nombre(x, dec) + NBSP + "€"


def _pct(x: float) -> str:
    """A rate the French way: « 8,1 % », « 0,834 % »."""
    return pourcent(x, 4)


def _n(x: float) -> str:
    """A count the French way: « 1 015 », « 91,25 »."""
    return nombre(x)


def _ligne(code, libelle, valeur, unite, regle, reference, raison=None):
    return {"code": code, "libelle": libelle, "valeur": valeur, "unite": unite, "regle": regle,
            "reference": reference, "applicable": raison is None, "raison": raison}


def compute(values: dict) -> dict:
    p = At(values["date"])
    statut = values["statut"]
    rv = revenus(values)
    lignes = []
    hyp = [
        "Une année d’activité régulière : les trois derniers salaires valent un quart de l’année ; pour un "
        "indépendant, le revenu d’activité annuel moyen (RAAM) est celui de l’année.",
        "Les points de retraite complémentaire d’une année, multipliés par la valeur de service du point "
        "d’aujourd’hui, donnent la pension annuelle que cette année achète (à vie, à partir de la retraite).",
    ]

    # ------------------------------------------------------------ retraite
    if rv["salarie"]:
        bm = rv["brut_mensuel"]
        revenu = _rt.revenu_cotise_salarie(12 * bm, p)
        trim = _rt.trimestres(revenu, p)
        regime = "agirc_arrco"
        points = _rt.points_agirc_arrco(bm, p)
        regle_pts = ("Cotisations Agirc-Arrco de l’année (tranches 1 et 2) ÷ taux d’appel "
                     f"{nombre(p('protection.retraite.agirc_arrco.taux_appel'))} ÷ valeur d’achat du point "
                     f"{_eur(p('protection.retraite.agirc_arrco.valeur_achat'), 4)}")
        ref_pts = "ANI Agirc-Arrco du 17 novembre 2017"
        regle_rev = "Salaire brut de l’année, dans la limite du plafond annuel de la sécurité sociale"
    elif statut == "micro":
        act = rv["activite"]
        abat = p(f"micro_entreprise.abattement.{_ABATTEMENT[act]}")
        revenu = _rt.revenu_cotise_micro(rv["chiffre_affaires"], abat, p)
        part = _rt.part_complementaire_micro(act, p)
        cot = rv["cotisations_sociales"] * part
        if act == "bnc_cipav":
            trim = _rt.trimestres_micro_cipav(rv["chiffre_affaires"], p)
            regime = "cipav"
            points = _rt.points_cipav(cot, p)
            ref_pts = "Statuts du régime complémentaire de la Cipav"
        else:
            trim = _rt.trimestres(revenu, p)
            regime = "rci"
            points = _rt.points_rci(cot, p)
            ref_pts = "Règlement du régime complémentaire des indépendants"
        regle_pts = (f"Part retraite complémentaire ({_pct(part)}) des cotisations sociales de l’année "
                     f"({_eur(rv['cotisations_sociales'])}) ÷ valeur d’achat du point")
        regle_rev = "Chiffre d’affaires moins l’abattement forfaitaire, dans la limite du plafond annuel"
    else:  # eurl
        revenu = _rt.revenu_cotise_tns(rv["assiette_retraite_base"], p)
        trim = _rt.trimestres(revenu, p)
        regime = "rci"
        points = _rt.points_rci(rv["retraite_complementaire"], p)
        regle_pts = (f"Cotisation RCI de l’année ({_eur(rv['retraite_complementaire'])}, taux réformés 2025) ÷ "
                     f"valeur d’achat du point {_eur(p('protection.retraite.rci.valeur_achat'), 3)}")
        ref_pts = "CSS art. D635-7 ; règlement du régime complémentaire des indépendants"
        regle_rev = (f"Assiette de la cotisation de retraite de base (au moins "
                     f"{_n(p('tns.cotisations.retraite_base.plancher_heures_smic'))} heures de SMIC), dans la limite du "
                     "plafond annuel de la sécurité sociale")
    vs = _rt.valeur_service(regime, p)
    pension = _rt.pension_points(points, regime, p)
    nom_regime = _rt.REGIMES[regime][0]
    seuil = _rt.seuil_trimestre(p)

    lignes += [
        _ligne("trimestres", "Trimestres de retraite validés", trim, "",
               (f"Un trimestre par tranche de {_eur(p('protection.retraite.micro_cipav_seuil_trimestre'))} de chiffre d’affaires, "
                f"{_n(p('protection.retraite.trimestres_maximum'))} au plus"
                if regime == "cipav" else
                f"Un trimestre par {_eur(seuil)} de revenu ({_n(p('protection.retraite.trimestre_heures_smic'))} heures "
                f"de SMIC au 1er janvier), {_n(p('protection.retraite.trimestres_maximum'))} au plus"),
               "Code de la sécurité sociale, art. R351-9"),
        _ligne("revenu_retraite_base", "Revenu retenu pour la retraite de base", revenu, "€/an", regle_rev,
               "Code de la sécurité sociale, art. R351-9 et L351-2"),
        _ligne("points_complementaires", f"Points de retraite complémentaire ({_rt.REGIMES[regime][2]})", points, "points",
               regle_pts, ref_pts),
        _ligne("valeur_service_point", "Valeur de service du point", vs, "€/an/point",
               f"Pension annuelle versée pour un point ({nom_regime})", ref_pts),
        _ligne("pension_complementaire_annuelle", "Pension complémentaire achetée par l’année", pension, "€/an",
               "Points de l’année × valeur de service du point", ref_pts),
    ]

    # ------------------------------------------------------------ maladie
    anc = values.get("anciennete")
    anc = 1.0 if anc is None else anc
    M = "protection.maladie."
    sans_droit = (f"Salaire trop faible : moins de {_n(p(M + 'salarie.heures_smic_six_mois'))} heures de SMIC "
                  "cotisées sur six mois (et, sous le SMIC à temps plein, les heures de travail ne sont pas connues).")
    if rv["salarie"]:
        bm = rv["brut_mensuel"]
        heures = statut != "sasu"
        ij = _pr.ij_maladie_salarie(bm, p, heures)
        carence = int(p("protection.maladie.salarie.carence"))
        mois = _pr.mois_affiliation_salarie(bm, p, heures)
        lignes.append(_ligne(
            "ij_maladie_jour", "Indemnité journalière maladie (Sécurité sociale)", ij, "€/jour",
            f"{_pct(p(M + 'salarie.taux_ij'))} du salaire journalier (3 derniers salaires ÷ "
            f"{_n(p(M + 'salarie.diviseur_jours'))}), salaire plafonné à {_n(p(M + 'salarie.plafond_smic'))} SMIC",
            "Code de la sécurité sociale, art. R323-4 et R323-5", None if ij > 0 else sans_droit))
        lignes.append(_ligne("jours_de_carence", "Jours de carence (non indemnisés)", carence if ij > 0 else None,
                             "jours", f"Indemnités versées à partir du {carence + 1}e jour d’arrêt",
                             "Code de la sécurité sociale, art. R323-1", None if ij > 0 else _SANS_IJ))
        six_mois = f"un salaire cotisé de {_n(p(M + 'salarie.heures_smic_six_mois'))} heures de SMIC sur 6 mois"
        lignes.append(_ligne(
            "mois_affiliation", "Durée de travail avant d’être indemnisé", mois, "mois",
            (six_mois[0].upper() + six_mois[1:] + " (un président de SASU n’a pas d’horaire de travail)"
             if statut == "sasu" else
             f"{_n(p(M + 'salarie.heures_trois_mois'))} heures de travail sur 3 mois, ou {six_mois}"),
            "Code de la sécurité sociale, art. R313-3", None if mois is not None else sans_droit))
        if statut == "sasu":
            comp = None
            raison = "Le président de SASU n’a pas de contrat de travail : pas de maintien de salaire légal."
        else:
            comp = _pr.complement_employeur(bm, ij, anc, p)
            raison = None if comp else "Il faut un an d’ancienneté dans l’entreprise."
        if comp:
            regle_c = (f"Du {comp['a_partir_du_jour']}e jour : {_pct(comp['taux_1'])} du salaire brut pendant "
                       f"{comp['jours_par_periode']} jours ({_eur(comp['maintien_jour_1'], 2)} par jour), puis deux tiers "
                       f"pendant {comp['jours_par_periode']} jours ({_eur(comp['maintien_jour_2'], 2)} par jour), "
                       "indemnités de la Sécurité sociale déduites")
            val_c = comp["complement_jour_1"]
        else:
            regle_c, val_c = "Maintien de salaire par l’employeur", None
        lignes.append(_ligne("complement_employeur", "Complément de l’employeur (première période)",
                             val_c, "€/jour", regle_c, "Code du travail, art. L1226-1 et D1226-1 à D1226-3", raison))
    else:
        raam = rv["raam"] if statut == "eurl" else rv["revenu_imposable"]
        lib_regl = statut == "micro" and rv["activite"] == "bnc_cipav"
        ij = _pr.ij_maladie_independant(raam, p, lib_regl)
        comp = None
        seuil_txt = (f"Revenu sous {_pct(p(M + 'independant.seuil_pass'))} du plafond annuel de la sécurité sociale")
        lignes.append(_ligne(
            "ij_maladie_jour", "Indemnité journalière maladie", ij, "€/jour",
            f"Revenu d’activité annuel moyen ({_eur(min(raam, _pr.plafond_raam(p, lib_regl)))}, dans la limite "
            f"{'de trois plafonds annuels' if lib_regl else 'du plafond annuel'} de la sécurité sociale) ÷ "
            f"{_n(p(M + 'independant.diviseur_raam'))}",
            "Code de la sécurité sociale, art. D622-7 et D622-8", None if ij > 0 else seuil_txt + " : pas d’indemnité."))
        lignes.append(_ligne("jours_de_carence", "Jours de carence (non indemnisés)",
                             int(p("protection.maladie.independant.carence")) if ij > 0 else None, "jours",
                             f"Indemnités versées à partir du {int(p(M + 'independant.carence')) + 1}e jour d’arrêt", "ameli.fr ; CSS art. L622-1",
                             None if ij > 0 else _SANS_IJ))
        lignes.append(_ligne("mois_affiliation", "Durée d’affiliation avant d’être indemnisé",
                             int(p("protection.maladie.independant.affiliation_mois")), "mois",
                             f"{_n(p(M + 'independant.affiliation_mois'))} mois d’affiliation à la Sécurité sociale "
                             "des indépendants",
                             "Code de la sécurité sociale, art. D622-1"))
        lignes.append(_ligne("complement_employeur", "Complément de l’employeur", None, "€/jour",
                             "Maintien de salaire par l’employeur", "Code du travail, art. L1226-1",
                             "Pas d’employeur ni de contrat de travail."))

    # ------------------------------------------------------------ AT/MP
    if rv["salarie"]:
        at = _pr.ij_at_mp(rv["brut_mensuel"], p)
        A = "protection.at_mp."
        abat = _pct(p("protection.abattement_forfaitaire_salarie"))
        lignes.append(_ligne("ij_at_mp_jour", f"Indemnité journalière accident du travail (jours 1 à {at['jour_majoration'] - 1})", at["ij_jour"],
                             "€/jour", f"{_pct(p(A + 'taux_1'))} du salaire journalier de référence "
                             f"({_eur(at['salaire_journalier_reference'], 2)} : salaire moins {abat}, plafonné à "
                             f"{_pct(p(A + 'plafond_pass'))} du plafond annuel de la sécurité sociale), dès le lendemain "
                             "de l’accident",
                             "Code de la sécurité sociale, art. L433-2, R433-1 et R433-4"))
        lignes.append(_ligne("ij_at_mp_jour_29", f"Indemnité journalière accident du travail (à partir du {at['jour_majoration']}e jour)",
                             at["ij_jour_majoree"], "€/jour", f"{_pct(p(A + 'taux_2'))} du même salaire journalier de référence",
                             "Code de la sécurité sociale, art. R433-1"))
    else:
        raison = ("Un travailleur indépendant n’est pas couvert par l’assurance accidents du travail (sauf assurance "
                  "volontaire) : un accident est indemnisé comme une maladie.")
        lignes.append(_ligne("ij_at_mp_jour", "Indemnité journalière accident du travail", None, "€/jour",
                             "Assurance AT/MP du régime général", "Code de la sécurité sociale, art. L411-1 et L743-1", raison))
        lignes.append(_ligne("ij_at_mp_jour_29", "Indemnité journalière accident du travail (à partir du "
                             f"{int(p('protection.at_mp.jour_taux_2'))}e jour)", None, "€/jour", "Assurance AT/MP du régime général",
                             "Code de la sécurité sociale, art. L411-1",
                             raison))

    # ------------------------------------------------------------ maternité, paternité
    if rv["salarie"]:
        ijm = _pr.ij_maternite_salarie(rv["brut_mensuel"], p, statut != "sasu")
        lignes.append(_ligne(
            "ij_maternite_jour", "Indemnité journalière maternité ou paternité", ijm, "€/jour",
            f"Trois derniers salaires, chacun plafonné au plafond mensuel de la sécurité sociale, ÷ "
            f"{_n(p(M + 'salarie.diviseur_jours'))}, moins {_pct(p('protection.abattement_forfaitaire_salarie'))} "
            f"(le plafond s’applique avant la déduction) ; {_n(p('protection.maternite.affiliation_mois'))} mois "
            "d’affiliation à la date de l’accouchement",
            "Code de la sécurité sociale, art. R331-5", None if ijm > 0 else sans_droit))
        lignes.append(_ligne("allocation_repos_maternel", "Allocation forfaitaire de repos maternel", None, "€",
                             "Allocation des travailleuses indépendantes", "Code de la sécurité sociale, art. D623-1",
                             "Réservée aux travailleuses indépendantes ; la salariée reçoit les indemnités journalières."))
    else:
        mat = _pr.maternite_independant(raam, p)
        dixieme = (f"{_pct(p('protection.maternite.independant.reduction_revenu_faible'))} de ce montant si le revenu "
                   f"est sous {_pct(p(M + 'independant.seuil_pass'))} du plafond annuel")
        lignes.append(_ligne("ij_maternite_jour", "Indemnité journalière forfaitaire maternité ou paternité", mat["ij_jour"],
                             "€/jour", f"Plafond annuel de la sécurité sociale ÷ "
                             f"{_n(p('protection.maternite.independant.diviseur_pass'))} ({dixieme}) ; "
                             f"{_n(p('protection.maternite.affiliation_mois'))} mois d’affiliation",
                             "Code de la sécurité sociale, art. D623-2"))
        lignes.append(_ligne("allocation_repos_maternel", "Allocation forfaitaire de repos maternel",
                             mat["allocation_repos_maternel"], "€", f"{_n(p('protection.maternite.independant.allocation_pmss'))} plafond mensuel de la "
                             f"sécurité sociale ({dixieme})", "Code de la sécurité sociale, art. D623-1"))

    # ------------------------------------------------------------ invalidité, décès
    if rv["salarie"]:
        inv = _pr.invalidite_salarie(12 * rv["brut_mensuel"], p)
        cap = _pr.capital_deces_salarie(p)
        raison_cap = None
        regle_cap = "Montant forfaitaire du régime général"
        ref_cap = "Code de la sécurité sociale, art. L361-1 et D361-1"
    else:
        rinv = rv["revenu_invalidite"] if statut == "eurl" else rv["revenu_imposable"]
        inv = _pr.invalidite_independant(rinv, raam, p)
        cap = _pr.capital_deces_independant(raam, p)
        raison_cap = None if cap is not None else (
            f"Revenu sous {_pct(p(M + 'independant.seuil_pass'))} du plafond annuel de la sécurité sociale.")
        regle_cap = f"{_pct(p('protection.deces.capital_independant_pass'))} du plafond annuel de la sécurité sociale"
        ref_cap = "Code de la sécurité sociale, art. L637-1"
    lignes.append(_ligne(
        "pension_invalidite", "Pension d’invalidité (incapacité totale de travailler)", inv["totale"], "€/an",
        f"{_pct(p('protection.invalidite.taux_totale'))} du revenu annuel moyen ({_eur(inv['revenu_annuel_moyen'])}, "
        f"dans la limite du plafond annuel), soit {_eur(cents(inv['totale'] / 12))} par mois ; "
        f"{_pct(p('protection.invalidite.taux_partielle'))} en invalidité partielle ({_eur(inv['partielle'])} par an)",
        "Code de la sécurité sociale, art. R341-4 et R341-5",
        None if inv["totale"] > 0 else "Revenu trop faible pour ouvrir le droit."))
    lignes.append(_ligne("capital_deces", "Capital décès versé aux proches", cap, "€", regle_cap, ref_cap, raison_cap))

    # ------------------------------------------------------------ result
    by = {l["code"]: l["valeur"] for l in lignes}
    alertes = list(rv["alertes"])
    if values.get("salaire_brut") and statut != "cdi":
        alertes.append({"niveau": "info", "message": "Le salaire brut indiqué ne sert que pour le CDI : ce statut part "
                                                    "de la mission (TJM et jours facturés)."})
    if regime == "cipav" or statut == "micro":
        hyp.append("Micro-entreprise : la part des cotisations affectée à la retraite complémentaire est un taux de "
                   "répartition lu dans le modèle de l’Urssaf (modele-social), non dans un texte.")
    if statut == "portage" and values.get("reserve_comprise"):
        hyp.append("Portage : le salaire du mois et la réserve financière comptent ensemble, comme si la réserve "
                   "était versée dans l’année (elle est versée comme salaire).")
    elif statut == "portage":
        hyp.append("Portage : seul le salaire versé chaque mois compte ; la réserve financière compte l’année où elle "
                   "est versée (comme salaire).")
    if statut == "eurl":
        hyp.append(f"EURL : cotisations du gérant selon l’assiette réformée de 2025 (revenu moins "
                   f"{_pct(p('tns.assiette_unique.abattement'))}) ; les points RCI suivent la cotisation RCI réformée "
                   f"({_pct(p('tns.cotisations.retraite_complementaire.taux_t1'))} jusqu’au plafond annuel, "
                   f"{_pct(p('tns.cotisations.retraite_complementaire.taux_t2'))} au-delà).")
    unsure = sorted({par.libelle for name, par in p.used.items() if par.note.startswith("Incertain")})
    if unsure:
        hyp.append("Valeurs incertaines (lues dans le modèle de l’Urssaf ou non revalorisées) : " + " ; ".join(unsure) + ".")
    chiffres = [
        {"code": l["code"], "libelle": l["libelle"], "valeur": l["valeur"], "unite": l["unite"],
         "aide": f"{l['regle']} ({l['reference']})."}
        for l in lignes if l["applicable"] and l["code"] != "valeur_service_point"
    ]
    sans_objet = [{"code": l["code"], "libelle": l["libelle"],
                   "raison": f"{l['raison'].rstrip('.')} ({l['reference']})."}
                  for l in lignes if not l["applicable"]]
    base_lib, base_val, base_unit = rv["base"]
    return {
        "statut": statut,
        "periode": "annee",
        "calculateur_source": rv["calculateur"],
        "revenu_de_base": {"libelle": base_lib, "montant": base_val, "unite": base_unit},
        "regime_complementaire": nom_regime,
        **by,
        "pension_invalidite_partielle": inv["partielle"],
        "complement_employeur_detail": comp,
        "non_applicable": {l["code"]: l["raison"] for l in lignes if not l["applicable"]},
        "regles_appliquees": lignes,
        "chiffres_cles": chiffres,
        "ne_s_applique_pas": sans_objet,
        "hypotheses": hyp,
        "alertes": alertes,
        "sources": p.sources(),
        "date": values["date"].isoformat(),
    }
