"""EURL à l'impôt sur les sociétés: the gérant majoritaire (travailleur non
salarié), his pay, and the company's profit left for dividends.

The contributions follow the URSSAF model (npm ``modele-social`` 11.1.0),
« dirigeant . indépendant . cotisations et contributions » as it computes
them at dates in 2025 and 2026 (every rate in ``tns.toml``):

- base (``assiette des cotisations``) = the gérant's professional income;
  at the IS that is his net pay plus the non-deductible CSG-CRDS
  (``dirigeant . indépendant . revenu professionnel``): a circular definition,
  solved here by inversion;
- maladie-maternité: the progressive rate of CSS D621-2 (0 % below 40 % of
  the PSS, rising to 4 % at 60 %, 6.7 % at 110 %; rounded to 2 decimals of a
  per cent) up to 5 PSS, 6.5 % above, on the base floored at 40 % PSS;
  the indemnités journalières (0.5 % of the base between 40 % PSS and 5 PSS)
  are part of that total (maladie 1 = total − maladie 2, never below 0);
- retraite de base: 17.75 % up to 1 PSS, 0.6 % above, base floored at 450 h
  of the SMIC of 1 January;
- retraite complémentaire: 7 % up to the PRCI, 8 % up to 4 PSS;
- invalidité-décès: 1.3 % of the base between 11.5 % PSS and 1 PSS;
- allocations familiales: 0 % up to 110 % PSS, 3.1 % from 140 %, progressive
  in between;
- CSG-CRDS: 6.8 % deductible + 2.9 % non-deductible on the base plus the
  compulsory contributions;
- CFP: 0.25 % of the PSS (0.29 % artisan).
Each line is rounded to the euro per year, as in the model.

modele-social 11.1.0 does not implement the « assiette unique » reform
(26 % allowance, from 2025 income): we follow the model and say so in the
result's ``hypotheses``.  Not modelled: ACRE, first-year flat contributions,
professions libérales réglementées (CIPAV and other caisses; the CURPS only
concerns health professions), conjoint collaborateur, Madelin contracts,
overseas.

Dividends: ``resultat_avant_remuneration`` (or ``chiffre_affaires`` −
``charges``) minus the pay budget bears the corporate tax (see ``sasu.py``);
a share ``part_distribuee`` of the profit after tax is distributed.  The part
of the dividends above ``tns.dividendes_seuil_capital`` (10 %) of capital +
share premiums + current account bears the TNS contributions (CSS L131-6:
added to the base of the gérant's contributions, the difference is due)
instead of the prélèvements sociaux; the whole dividend bears the PFU
income-tax part.  modele-social defines that base but does not compute its
contributions: here they are computed by the same TNS rules.

Inputs (amounts per ``periode``, ``"annee"`` by default, or ``"mois"``):
``cout_total`` (the remuneration budget: net pay + all contributions) or
``remuneration_nette`` (at most one; with neither, the company data must be
given and the gérant takes no pay but still owes the minimum contributions,
paid by the company), ``activite`` (``"commerciale"``, ``"liberale"``,
``"artisanale"``), the company part as in ``sasu`` plus ``capital_social``,
``primes_emission``, ``compte_courant``; ``impot`` and ``taux_pas`` as in
``sasu`` (with the barème, the taxable income is the professional income,
after the 10 % deduction: CGI art. 62); ``date``.

Result, top level (per period): ``cout_total``, ``cotisations`` (TNS
contributions and CSG-CRDS, CFP), ``net_avant_impot`` (= net pay),
``revenu_professionnel`` (= net imposable), ``net_imposable``,
``impot_revenu``, ``net_apres_impot``; the company and dividend figures of
``sasu`` plus ``cotisations_dividendes`` (TNS contributions on the part above
10 %), ``dividendes_soumis_cotisations``; ``revenu_net_total``.

``lignes`` (yearly lines rounded to the euro, shown per month) and
``repartition`` (the split of the budget) are per month whatever the period.

Python API::

    from calculators import eurl
    r = eurl.calculer(cout_total=60000)
    r = eurl.calculer(remuneration_nette=40000, resultat_avant_remuneration=90000, capital_social=1000)
    eurl.cotisations_tns(assiette, eurl.Regles(date))   # the yearly lines for a base
"""

from __future__ import annotations

import datetime as _dt

from . import sasu
from .core import arrondi
from .core.bareme import grille, tranche
from .core.dates import date_field
from .core.inversion import inverser
from .core.parametres import At, valeur
from .core.schema import Field, InputError, validate

NAME = "eurl"
TITLE = "Gérant d'EURL à l'IS : rémunération et dividendes"
DESCRIPTION = (
    "Le gérant associé unique d'une EURL à l'impôt sur les sociétés est travailleur non salarié (TNS). "
    "Du budget de rémunération (ou du net voulu) aux cotisations sociales des indépendants et au net, puis, "
    "si vous indiquez le résultat de la société, impôt sur les sociétés et dividendes."
)

_MAX = 100_000_000
_CENT = 1 / 100
_G_REM = "Rémunération du gérant"
_G_SOC = "Société et dividendes"
_G_CAP = "Capital et compte courant"

G_SANTE = "Santé"
G_RETRAITE = "Retraite"
G_FAMILLE = "Famille"
G_CSG = "CSG-CRDS"
G_AUTRES = "Autres contributions"

ACTIVITES = (("commerciale", "Commerciale ou de services"), ("liberale", "Libérale non réglementée"),
             ("artisanale", "Artisanale"))


def _by_name(name):
    return next(f for f in sasu.FIELDS if f.name == name)


FIELDS = (
    Field("periode", "Période des montants", "choice", default="annee", choices=sasu.PERIODES,
          help="Les montants saisis et affichés sont annuels ou mensuels (douze mois identiques).", group=_G_REM),
    Field("cout_total", "Budget de rémunération (rémunération et cotisations)", "number", unit="€", minimum=0,
          maximum=_MAX, step=_CENT,
          help="Ce que la société consacre à la rémunération du gérant, cotisations sociales comprises. "
               "Indiquez ce montant ou la rémunération nette.", group=_G_REM, output=True),
    Field("remuneration_nette", "Rémunération nette du gérant", "number", unit="€", minimum=0, maximum=_MAX,
          step=_CENT, help="Ce que le gérant perçoit, cotisations et CSG-CRDS payées, avant impôt sur le revenu.",
          group=_G_REM, output=True),
    Field("activite", "Nature de l'activité", "choice", default="commerciale", choices=ACTIVITES,
          help="Change seulement la contribution à la formation professionnelle. Les professions libérales "
               "réglementées (CIPAV, caisses de santé ou juridiques) ne sont pas couvertes.",
          reference="Code du travail, art. L6331-48", group=_G_REM, advanced=True),
    _by_name("resultat_avant_remuneration"),
    _by_name("chiffre_affaires"),
    _by_name("charges"),
    _by_name("part_distribuee"),
    _by_name("taux_reduit_is"),
    Field("capital_social", "Capital social", "number", unit="€", minimum=0, maximum=_MAX, step=_CENT, default=1000.0,
          help="Au-delà d'une part du capital, des primes d'émission et du compte courant, les dividendes "
               "supportent les cotisations sociales du gérant (voir les hypothèses du résultat).", reference="Code de la sécurité sociale, art. L131-6",
          group=_G_CAP),
    Field("primes_emission", "Primes d'émission", "number", unit="€", minimum=0, maximum=_MAX, step=_CENT, default=0.0,
          group=_G_CAP, advanced=True),
    Field("compte_courant", "Compte courant d'associé (solde moyen de l'année)", "number", unit="€", minimum=0,
          maximum=_MAX, step=_CENT, default=0.0, group=_G_CAP, advanced=True),
    _by_name("impot"),
    _by_name("taux_pas"),
    date_field(),
)

MONTANTS = ("cout_total", "remuneration_nette")


class Regles:
    """The TNS parameters at one date (yearly amounts)."""

    def __init__(self, date: _dt.date):
        p = At(date)
        T = "tns.cotisations."
        self.date = date
        self.pss = p("securite_sociale.plafond_mensuel") * 12
        self.mal_prog = p(T + "maladie.taux_progressif")
        self.mal_au_dela = p(T + "maladie.taux_au_dela")
        self.mal_plafond = p(T + "maladie.plafond_taux_progressif_pss")
        self.ij = p(T + "indemnites_journalieres.taux")
        self.ij_plafond = p(T + "indemnites_journalieres.plafond_pss")
        self.rb1 = p(T + "retraite_base.taux_plafonne")
        self.rb2 = p(T + "retraite_base.taux_deplafonne")
        self.rc1 = p(T + "retraite_complementaire.taux_t1")
        self.rc2 = p(T + "retraite_complementaire.taux_t2")
        self.prci = p(T + "retraite_complementaire.plafond_t1")
        self.rc_plafond = p(T + "retraite_complementaire.plafond_t2_pss")
        self.id = p(T + "invalidite_deces.taux")
        self.af_prog = p(T + "allocations_familiales.taux_progressif")
        self.csg_ded = p("tns.contributions.csg_deductible")
        self.csg_nd = p("tns.contributions.csg_crds_non_deductible")
        self.cfp = p("tns.contributions.formation_professionnelle")
        self.cfp_artisan = p("tns.contributions.formation_professionnelle_artisan")
        self.min_mal = p("tns.assiette_minimale.maladie_pss")
        self.min_id = p("tns.assiette_minimale.invalidite_deces_pss")
        # SMIC . horaire . début d'année
        smic_janvier = At(_dt.date(date.year, 1, 1))("smic.horaire")
        self.min_ret = arrondi.euros(p("tns.assiette_minimale.retraite_heures_smic") * smic_janvier)
        self.seuil_capital = p("tns.dividendes_seuil_capital")
        self.taux_neutre = p("impot.taux_neutre")
        self.at = p
        self.sources = p.sources()


def _progressif(x: float, tranches) -> float:
    """publicodes « taux progressif »: the first rate below the first bound,
    linear between bounds, the last rate above the last one (bounds in PSS)."""
    prev = None
    for t in tranches:
        if x <= t["seuil_pss"]:
            if prev is None:
                return t["taux"]
            a, b = prev["seuil_pss"], t["seuil_pss"]
            return prev["taux"] + (t["taux"] - prev["taux"]) * (x - a) / (b - a)
        prev = t
    return prev["taux"]


def cotisations_tns(assiette: float, R: Regles, activite: str = "commerciale", exact: bool = False) -> dict:
    """The yearly contributions of an indépendant for a yearly base
    ``assiette`` (his professional income).  Returns ``{"lignes": [(code,
    libellé, groupe, assiette, taux, montant, paramètre)], "cotisations",
    "csg_deductible", "csg_non_deductible", "cfp", "total"}``; each line rounded
    to the euro unless ``exact``."""
    rnd = (lambda x: x) if exact else (lambda x: float(arrondi.euros(x)))  # noqa: E731
    pss = R.pss
    A = assiette
    L = []
    # maladie . total (barème on the floored base; the rate from the unfloored one)
    base_mal = max(A, R.min_mal * pss)
    taux = _progressif(A / pss, R.mal_prog)
    if not exact:
        taux = round(taux * 100 + 1e-12, 2) / 100
    total_mal = taux * min(base_mal, R.mal_plafond * pss) + R.mal_au_dela * tranche(base_mal, R.mal_plafond * pss)
    base_ij = min(max(A, R.min_mal * pss), R.ij_plafond * pss)
    ij = rnd(base_ij * R.ij)
    maladie = max(0.0, rnd(total_mal - ij))
    L.append(("maladie", "Maladie-maternité", G_SANTE, base_mal, taux, maladie,
              "tns.cotisations.maladie.taux_progressif"))
    L.append(("indemnites_journalieres", "Indemnités journalières", G_SANTE, base_ij, R.ij, ij,
              "tns.cotisations.indemnites_journalieres.taux"))
    base_rb = max(A, R.min_ret)
    rb = rnd(R.rb1 * min(base_rb, pss) + R.rb2 * tranche(base_rb, pss))
    L.append(("retraite_base", "Retraite de base", G_RETRAITE, base_rb, None, rb,
              "tns.cotisations.retraite_base.taux_plafonne"))
    rc = rnd(R.rc1 * min(max(A, 0.0), R.prci) + R.rc2 * tranche(A, R.prci, R.rc_plafond * pss))
    L.append(("retraite_complementaire", "Retraite complémentaire", G_RETRAITE, max(A, 0.0), None, rc,
              "tns.cotisations.retraite_complementaire.taux_t1"))
    min_id = rnd(R.min_id * pss)
    base_id = min(max(A, min_id), pss)
    inv = rnd(base_id * R.id)
    L.append(("invalidite_deces", "Invalidité-décès", G_SANTE, base_id, R.id, inv, "tns.cotisations.invalidite_deces.taux"))
    taux_af = _progressif(A / pss, R.af_prog)
    af = rnd(max(A, 0.0) * taux_af)
    L.append(("allocations_familiales", "Allocations familiales", G_FAMILLE, max(A, 0.0), taux_af, af,
              "tns.cotisations.allocations_familiales.taux_progressif"))
    cot = maladie + ij + rb + rc + inv + af
    base_csg = max(0.0, A + cot)
    ded = rnd(base_csg * R.csg_ded)
    nd = rnd(base_csg * R.csg_nd)
    L.append(("csg_deductible", "CSG déductible", G_CSG, base_csg, R.csg_ded, ded, "tns.contributions.csg_deductible"))
    L.append(("csg_crds_non_deductible", "CSG non déductible et CRDS", G_CSG, base_csg, R.csg_nd, nd,
              "tns.contributions.csg_crds_non_deductible"))
    t_cfp = R.cfp_artisan if activite == "artisanale" else R.cfp
    cfp = rnd(pss * t_cfp)
    L.append(("formation_professionnelle", "Contribution à la formation professionnelle", G_AUTRES, pss, t_cfp, cfp,
              "tns.contributions.formation_professionnelle_artisan" if activite == "artisanale"
              else "tns.contributions.formation_professionnelle"))
    return {"lignes": L, "cotisations": cot, "csg_deductible": ded, "csg_non_deductible": nd, "cfp": cfp,
            "total": cot + ded + nd + cfp}


def _net(A: float, R: Regles, activite: str, exact: bool) -> float:
    """Net pay for a professional income A (IS: A = net + non-deductible CSG-CRDS)."""
    return A - cotisations_tns(A, R, activite, exact)["csg_non_deductible"]


def _budget(A: float, R: Regles, activite: str, exact: bool) -> float:
    c = cotisations_tns(A, R, activite, exact)
    return A - c["csg_non_deductible"] + c["total"]


def assiette_depuis(cible: float, R: Regles, activite: str, quoi: str) -> float:
    """The professional income whose net pay (``quoi="net"``) or budget
    (``quoi="budget"``) is ``cible`` (yearly), solved on the unrounded rules."""
    f = (lambda a: _net(a, R, activite, True)) if quoi == "net" else (lambda a: _budget(a, R, activite, True))  # noqa: E731
    lo = -10.0 * R.pss if quoi == "net" else -R.pss
    pss = R.pss
    ruptures = [R.min_mal * pss, R.min_id * pss, R.min_ret, pss, R.prci, 0.6 * pss, 1.1 * pss, 1.4 * pss,
                R.rc_plafond * pss, 5 * pss]
    inv = inverser(f, cible, lo, max(1.0, 2 * abs(cible) + pss), sorted(ruptures), ytol=1e-9)
    return inv.x


# ---------------------------------------------------------------- API


def valeurs(**inputs) -> dict:
    raw = dict(inputs)
    if isinstance(raw.get("date"), _dt.date):
        raw["date"] = raw["date"].isoformat()
    vals, errors = validate(FIELDS, raw)
    if not errors:
        errors = check(vals)
    if errors:
        raise InputError(errors)
    return vals


def check(values: dict) -> dict:
    errors = sasu.check_societe(values)
    if errors:
        return errors
    given = [k for k in MONTANTS if values.get(k) is not None]
    if len(given) > 1:
        msg = "Indiquez un seul montant : le budget de rémunération ou la rémunération nette."
        return {k: msg for k in given}
    if not given and sasu.resultat_societe(values) is None:
        return {"cout_total": "Indiquez le budget de rémunération, la rémunération nette ou le résultat de la société."}
    return {}


def compute(values: dict) -> dict:
    return _calculer(values)


def calculer(values: dict | None = None, **inputs) -> dict:
    return _calculer(valeurs(**dict(values or {}, **inputs)))


def _calculer(v: dict) -> dict:
    errors = check(v)
    if errors:
        raise InputError(errors)
    k = 12 if v["periode"] == "mois" else 1
    R = Regles(v["date"])
    act = v["activite"]
    alertes = []
    resultat = sasu.resultat_societe(v)
    # the budget of a zero net pay: the minimum contributions (on the minimum bases)
    A0 = assiette_depuis(0.0, R, act, "net")
    minimum = arrondi.cents(cotisations_tns(A0, R, act)["total"])
    if v.get("cout_total") is not None:
        budget = v["cout_total"] * k
        if budget < minimum:
            raise InputError({"cout_total": (
                f"Budget trop faible : même sans rémunération, le gérant doit les cotisations minimales "
                f"({sasu.euros_fr(minimum / k)} sur la période).")})
        A = assiette_depuis(budget, R, act, "budget")
        c = cotisations_tns(A, R, act)
        net = budget - c["total"]
    else:
        net = v["remuneration_nette"] * k if v.get("remuneration_nette") is not None else 0.0
        A = assiette_depuis(net, R, act, "net") if net > 0 else A0
        c = cotisations_tns(A, R, act)
        budget = net + c["total"]
        if net == 0:
            alertes.append({"niveau": "info", "message": (
                f"Sans rémunération, le gérant doit quand même les cotisations minimales "
                f"({sasu.euros_fr(minimum / k)} sur la période), payées ici par la société.")})
    net = arrondi.cents(net)
    cot = arrondi.cents(c["total"])
    revenu_pro = arrondi.cents(net + c["csg_non_deductible"])
    nimp_m = revenu_pro / 12
    taux_pas = v["taux_pas"] if v.get("taux_pas") is not None else grille(nimp_m, R.taux_neutre)
    impot = arrondi.cents(max(0.0, revenu_pro) * taux_pas)
    bareme_sources = []
    if v.get("impot") == "bareme":
        impot, bareme_sources = sasu.impot_bareme(revenu_pro, R.date)
    annuel = {
        "cout_total": arrondi.cents(budget), "cotisations": cot, "net_avant_impot": net,
        "revenu_professionnel": revenu_pro, "net_imposable": revenu_pro, "impot_revenu": impot,
        "net_apres_impot": arrondi.cents(net - impot),
    }
    soc = sasu.Societe(R.date)
    societe = {"resultat_avant_remuneration": 0.0, "resultat_imposable": 0.0, "impot_societes": 0.0,
               "benefice_apres_impot": 0.0, "dividendes_bruts": 0.0, "seuil_dividendes": 0.0,
               "dividendes_soumis_cotisations": 0.0, "cotisations_dividendes": 0.0,
               "prelevements_sociaux_dividendes": 0.0, "impot_dividendes": 0.0, "dividendes_nets": 0.0,
               "mise_en_reserve": 0.0}
    if resultat is not None:
        d = sasu.dividendes(soc, resultat, annuel["cout_total"], v["part_distribuee"], v["taux_reduit_is"])
        div = d["dividendes_bruts"]
        seuil = arrondi.cents(R.seuil_capital * (v["capital_social"] + v["primes_emission"] + v["compte_courant"]))
        exces = arrondi.cents(max(0.0, div - seuil))
        cot_div = 0.0
        if exces > 0:
            cot_div = arrondi.cents(cotisations_tns(A + exces, R, act)["total"] - c["total"])
        ps = arrondi.cents((div - exces) * soc.ps)
        ir = arrondi.cents(div * soc.pfu)
        societe.update(d, resultat_avant_remuneration=arrondi.cents(resultat), seuil_dividendes=seuil,
                       dividendes_soumis_cotisations=exces, cotisations_dividendes=cot_div,
                       prelevements_sociaux_dividendes=ps, impot_dividendes=ir,
                       dividendes_nets=arrondi.cents(div - cot_div - ps - ir))
        if d["resultat_imposable"] < 0:
            alertes.append({"niveau": "attention", "message": (
                "La rémunération coûte plus que le résultat de la société : l'exercice est en perte "
                f"({sasu.euros_fr(d['resultat_imposable'] / k)}), aucun dividende n'est possible.")})
        if exces > 0:
            alertes.append({"niveau": "info", "message": (
                f"{sasu.euros_fr(exces / k)} de dividendes dépassent {sasu.pct_fr(R.seuil_capital)} du capital, des "
                "primes d'émission et du compte courant : cette part supporte les cotisations sociales du gérant "
                "au lieu des prélèvements sociaux.")})
    annuel.update(societe)
    annuel["revenu_net_total"] = arrondi.cents(annuel["net_apres_impot"] + annuel["dividendes_nets"])
    top = {key: arrondi.cents(x / k) for key, x in annuel.items()}
    unite = "€/an" if k == 1 else "€/mois"
    # lines and chart per month whatever the period (the renderer's table and chart are monthly)
    lignes = [{
        "code": code, "libelle": lib, "groupe": grp, "assiette": arrondi.cents(base / 12),
        "taux_salarial": taux, "taux_patronal": None, "montant_salarial": arrondi.cents(mt / 12),
        "montant_patronal": None, "reference": R.at.ref(ref),
    } for code, lib, grp, base, taux, mt, ref in c["lignes"]]
    result = dict(top)
    result.update({
        "taux_prelevement_source": None if bareme_sources else taux_pas,
        "chiffres_cles": _chiffres(top, unite, resultat is not None),
        "lignes": lignes,
        "repartition": _repartition({key: arrondi.cents(annuel[key] / 12)
                                     for key in ("net_apres_impot", "impot_revenu", "cotisations")}),
        "annuel": annuel,
        "hypotheses": _hypotheses(R, soc, v, resultat is not None, taux_pas),
        "alertes": alertes,
        "sources": sasu._fusion(R.sources, soc.sources, bareme_sources),
        "date": R.date.isoformat(),
    })
    return result


def _chiffres(t: dict, unite: str, societe: bool) -> list:
    out = [
        {"code": "cout_total", "libelle": "Budget de rémunération", "valeur": t["cout_total"], "unite": unite,
         "aide": "Rémunération nette plus cotisations et contributions sociales, payées par la société."},
        {"code": "cotisations", "libelle": "Cotisations et contributions sociales", "valeur": t["cotisations"],
         "unite": unite, "aide": "Cotisations du travailleur indépendant, CSG-CRDS et formation professionnelle."},
        {"code": "net_avant_impot", "libelle": "Rémunération nette avant impôt", "valeur": t["net_avant_impot"],
         "unite": unite, "aide": "Ce que le gérant perçoit avant l'impôt sur le revenu."},
        {"code": "net_apres_impot", "libelle": "Rémunération nette après impôt", "valeur": t["net_apres_impot"],
         "unite": unite, "aide": "Après l'impôt sur le revenu (prélèvement à la source)."},
    ]
    if societe:
        out += [
            {"code": "impot_societes", "libelle": "Impôt sur les sociétés", "valeur": t["impot_societes"],
             "unite": unite, "aide": "Sur le résultat après rémunération du gérant."},
            {"code": "dividendes_bruts", "libelle": "Dividendes bruts", "valeur": t["dividendes_bruts"], "unite": unite,
             "aide": "Part du bénéfice après impôt sur les sociétés versée à l'associé."},
            {"code": "dividendes_nets", "libelle": "Dividendes nets", "valeur": t["dividendes_nets"], "unite": unite,
             "aide": "Après cotisations ou prélèvements sociaux et prélèvement forfaitaire unique."},
            {"code": "revenu_net_total", "libelle": "Revenu net total", "valeur": t["revenu_net_total"],
             "unite": unite, "aide": "Rémunération nette après impôt plus dividendes nets."},
        ]
    return out


def _repartition(t: dict) -> list:
    """Where each euro of the remuneration budget goes, per month."""
    return [
        {"code": "net_apres_impot", "libelle": "Rémunération nette après impôt", "montant": t["net_apres_impot"]},
        {"code": "impot_revenu", "libelle": "Impôt sur la rémunération", "montant": t["impot_revenu"]},
        {"code": "cotisations", "libelle": "Cotisations et contributions sociales", "montant": t["cotisations"]},
    ]


def _hypotheses(R: Regles, soc, v: dict, societe: bool, taux_pas: float) -> list:
    from .salarie import _date_fr, _pct
    hyp = [
        "Gérant associé unique d'EURL à l'impôt sur les sociétés, travailleur non salarié (sécurité sociale des "
        "indépendants), France métropolitaine, activité " + dict(ACTIVITES)[v["activite"]].lower() + ".",
        "Cotisations selon le simulateur de l'URSSAF (modèle « modele-social »), règles en vigueur le "
        f"{_date_fr(R.date)} : cotisations de l'année calculées sur le revenu de la même année (pas d'acomptes "
        "provisionnels ni de régularisation), sans ACRE ni cotisations forfaitaires de début d'activité.",
        "Le modèle de l'URSSAF n'applique pas encore la réforme de l'assiette des indépendants (assiette unique "
        f"avec abattement de {sasu.pct_fr(valeur('tns.assiette_unique.abattement', R.date))}, sur les revenus à "
        "partir de 2025) : la CSG-CRDS porte sur le revenu "
        "professionnel augmenté des cotisations obligatoires, et les cotisations sur le revenu professionnel.",
        "Revenu professionnel (base des cotisations) = rémunération nette + CSG non déductible et CRDS.",
        sasu.hypothese_impot(v, f"au taux {'neutre' if v.get('taux_pas') is None else 'personnalisé'} "
                                f"de {_pct(taux_pas)} du revenu professionnel."),
    ]
    if societe:
        hyp += sasu.hypotheses_societe(soc, v)
        hyp.append(f"Dividendes au-delà de {sasu.pct_fr(R.seuil_capital)} du capital, des primes d'émission et du "
                   "compte courant : cotisations et CSG-CRDS du travailleur indépendant (ajoutés à son revenu "
                   "professionnel) au lieu des prélèvements sociaux ; le prélèvement forfaitaire de "
                   f"{sasu.pct_fr(soc.pfu)} s'applique à tous les dividendes.")
    return hyp


__all__ = ["NAME", "TITLE", "DESCRIPTION", "FIELDS", "check", "compute", "calculer", "valeurs",
           "cotisations_tns", "Regles", "assiette_depuis"]
