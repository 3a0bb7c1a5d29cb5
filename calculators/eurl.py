"""EURL à l'impôt sur les sociétés: the gérant majoritaire (travailleur non
salarié), his pay, and the company's profit left for dividends.

The contributions follow the 2025 reform of the TNS base (« assiette
unique »: CSS L131-6, L136-3, D136-5 as rewritten by loi n° 2023-1250, art. 18,
and décret n° 2024-688), which applies to income earned from 1 January 2025,
so to every date the calculators cover; the URSSAF's own simulators apply it
(their model « modele-ti »; the npm package modele-social 11.1.0 does not).
Every rate and threshold is a dated parameter of ``tns.toml``:

- one base for the contributions and the CSG-CRDS: R = the professional
  income before social contributions (at the IS: what the company pays for
  the gérant, contributions included, i.e. the remuneration budget
  ``cout_total``, plus the dividends above the capital threshold);
  abattement A = 26 % of R, at least 1.76 % PSS, at most 130 % PSS; base
  a = R − A (CSS L136-3, D136-5);
- maladie-maternité: a rate rising linearly between the points of CSS D621-2
  (share of the PSS → rate), rounded to the hundredth of a point, up to 3 PSS,
  6.5 % above (D621-1), no floor; indemnités journalières 0.5 % of a within
  [40 % PSS, 5 PSS] (D621-3);
- retraite de base 17.87 % up to 1 PSS, 0.72 % above, base floored at 450 h of
  the SMIC of 1 January (D633-2, D633-3);
- retraite complémentaire 8.1 % up to the first band's ceiling (the PSS), 9.1 %
  up to 4 PSS (D635-7);
- invalidité-décès 1.3 % of a within [11.5 % PSS, 1 PSS]; allocations
  familiales 0 % up to 110 % PSS, 3.1 % from 140 %, linear in between (D613-1);
- CSG 9.2 % (6.8 % deductible) and CRDS 0.5 % on the same base a;
- CFP: 0.25 % of the PSS (0.29 % artisan).
Each line is rounded to the euro per year, as the URSSAF does.

A remuneration budget gives R directly; a net pay asked is inverted (the net
R − contributions(R) grows with R) by the one search of ``core.inversion``.
Not modelled: ACRE, first-year flat contributions, professions libérales
réglementées (CIPAV and other caisses), conjoint collaborateur, Madelin
contracts, overseas, an activity over part of the year.

Dividends: ``resultat_avant_remuneration`` (or ``chiffre_affaires`` −
``charges``) minus the pay budget bears the corporate tax (see ``py``);
a share ``part_distribuee`` of the profit after tax is distributed.  The part
of the dividends above ``tns.dividendes_seuil_capital`` (10 %) of capital +
share premiums + current account bears the TNS contributions (CSS L131-6:
added to the base of the gérant's contributions, the difference is due)
instead of the prélèvements sociaux; the whole dividend bears the PFU
income-tax part.  That part joins R (the same reformed base, the same
abattement): its contributions are those of R + the part, less those of R.

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
``revenu_professionnel`` (= net imposable: net + non-deductible CSG-CRDS;
the income tax's professional income, not the contributions' base),
``net_imposable``,
``impot_revenu``, ``net_apres_impot``; the company and dividend figures of
``sasu`` plus ``cotisations_dividendes`` (TNS contributions on the part above
10 %), ``dividendes_soumis_cotisations``, ``assiette_cotisations_avec_dividendes``
(the base a of R + that part); ``revenu_net_total``.

``revenu_brut`` (R), ``abattement`` (A) and ``assiette_cotisations`` (a) show
the base; ``cotisations_annuelles`` lists each line per year (code, base, rate,
amount in euros).  ``lignes`` (yearly lines rounded to the euro, shown per month, each
with its base, rate, amount and reference) and ``repartition`` (the split of
the budget) are per month whatever the period.

Python API::

    from calculators import eurl
    r = eurl.calculer(cout_total=60000)
    r = eurl.calculer(remuneration_nette=40000, resultat_avant_remuneration=90000, capital_social=1000)
    from calculators.regles import cotisations_tns as tns
    tns.cotisations_tns(revenu, tns.Regles(date))     # the yearly lines for an income R
"""

from __future__ import annotations

from .core import arrondi, schema
from .core import format as fmt
from .core.dates import date_field
from .core.parametres import fusion_sources
from .core.resultat import chiffres_cles, repartition
from .core.schema import Field, InputError
from .regles.cotisations_tns import Regles, budget_depuis_net, cotisations_tns, net_tns
from .regles.impot_revenu import impot_personne_seule, taux_prelevement
from .regles.impot_societes import (
    PERIODES,
    Societe,
    champs_societe,
    check_montants,
    dividendes,
    hypothese_impot,
    hypotheses_societe,
    resultat_societe,
)

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

ACTIVITES = (("commerciale", "Commerciale ou de services"), ("liberale", "Libérale non réglementée"),
             ("artisanale", "Artisanale"))


CHAMPS = champs_societe(_G_REM)


FIELDS = (
    Field("periode", "Période des montants", "choice", default="annee", choices=PERIODES,
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
    CHAMPS["resultat_avant_remuneration"],
    CHAMPS["chiffre_affaires"],
    CHAMPS["charges"],
    CHAMPS["part_distribuee"],
    CHAMPS["taux_reduit_is"],
    Field("capital_social", "Capital social", "number", unit="€", minimum=0, maximum=_MAX, step=_CENT, default=1000.0,
          help="Au-delà d'une part du capital, des primes d'émission et du compte courant, les dividendes "
               "supportent les cotisations sociales du gérant (voir les hypothèses du résultat).", reference="Code de la sécurité sociale, art. L131-6",
          group=_G_CAP),
    Field("primes_emission", "Primes d'émission", "number", unit="€", minimum=0, maximum=_MAX, step=_CENT, default=0.0,
          group=_G_CAP, advanced=True),
    Field("compte_courant", "Compte courant d'associé (solde moyen de l'année)", "number", unit="€", minimum=0,
          maximum=_MAX, step=_CENT, default=0.0, group=_G_CAP, advanced=True),
    CHAMPS["impot"],
    CHAMPS["taux_pas"],
    date_field(),
)

MONTANTS = ("cout_total", "remuneration_nette")


# ---------------------------------------------------------------- API


def valeurs(**inputs) -> dict:
    return schema.valeurs(FIELDS, inputs, check)


def check(values: dict) -> dict:
    return check_montants(values, MONTANTS, "Indiquez un seul montant : le budget de rémunération ou la rémunération nette.",
                          "Indiquez le budget de rémunération, la rémunération nette ou le résultat de la société.")


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
    resultat = resultat_societe(v)
    if v.get("cout_total") is not None:
        # at the IS the professional income R is what the company pays for the gérant
        budget = arrondi.cents(v["cout_total"] * k)
        if net_tns(budget, R, act) < 0:
            # the budget of a zero net pay: the minimum contributions (on the minimum bases)
            minimum = budget_depuis_net(0.0, R, act)
            raise InputError({"cout_total": (
                f"Budget trop faible : même sans rémunération, le gérant doit les cotisations minimales "
                f"({fmt.euros(minimum / k)} sur la période).")})
    else:
        net = v["remuneration_nette"] * k if v.get("remuneration_nette") is not None else 0.0
        budget = budget_depuis_net(arrondi.cents(net), R, act)
        ecart = net_tns(budget, R, act) - arrondi.cents(net)
        if net > 0 and ecart >= _CENT / 2:
            alertes.append({"niveau": "info", "message": (
                f"Aucun budget ne donne exactement ce net (chaque cotisation est arrondie à l’euro) : le plus "
                f"petit budget qui l’atteint donne {fmt.euros_cents(net_tns(budget, R, act) / k)} "
                "sur la période.")})
        if net == 0:
            alertes.append({"niveau": "info", "message": (
                f"Sans rémunération, le gérant doit quand même les cotisations minimales "
                f"({fmt.euros(budget / k)} sur la période), payées ici par la société.")})
    c = cotisations_tns(budget, R, act)
    net = budget - c["total"]
    net = arrondi.cents(net)
    cot = arrondi.cents(c["total"])
    revenu_pro = arrondi.cents(net + c["csg_non_deductible"])
    nimp_m = revenu_pro / 12
    taux_pas = taux_prelevement(nimp_m, R.taux_neutre, v.get("taux_pas"))
    impot = arrondi.cents(max(0.0, revenu_pro) * taux_pas)
    bareme_sources = []
    if v.get("impot") == "bareme":
        impot, bareme_sources = impot_personne_seule(revenu_pro, R.date)
    annuel = {
        "cout_total": arrondi.cents(budget), "revenu_brut": arrondi.cents(c["revenu"]),
        "abattement": c["abattement"], "assiette_cotisations": c["assiette"],
        "cotisations": cot, "net_avant_impot": net,
        "revenu_professionnel": revenu_pro, "net_imposable": revenu_pro, "impot_revenu": impot,
        "net_apres_impot": arrondi.cents(net - impot),
    }
    soc = Societe(R.date)
    societe = {"resultat_avant_remuneration": 0.0, "resultat_imposable": 0.0, "impot_societes": 0.0,
               "benefice_apres_impot": 0.0, "dividendes_bruts": 0.0, "seuil_dividendes": 0.0,
               "dividendes_soumis_cotisations": 0.0, "cotisations_dividendes": 0.0,
               "prelevements_sociaux_dividendes": 0.0, "impot_dividendes": 0.0, "dividendes_nets": 0.0,
               "mise_en_reserve": 0.0, "assiette_cotisations_avec_dividendes": c["assiette"]}
    if resultat is not None:
        d = dividendes(soc, resultat, annuel["cout_total"], v["part_distribuee"], v["taux_reduit_is"])
        div = d["dividendes_bruts"]
        seuil = arrondi.cents(R.seuil_capital * (v["capital_social"] + v["primes_emission"] + v["compte_courant"]))
        exces = arrondi.cents(max(0.0, div - seuil))
        cot_div = 0.0
        cd = c
        if exces > 0:
            # the part joins R: the same base, the abattement on the sum (CSS L131-6)
            cd = cotisations_tns(budget + exces, R, act)
            cot_div = arrondi.cents(cd["total"] - c["total"])
        ps = arrondi.cents((div - exces) * soc.ps)
        ir = arrondi.cents(div * soc.pfu)
        societe.update(d, resultat_avant_remuneration=arrondi.cents(resultat), seuil_dividendes=seuil,
                       dividendes_soumis_cotisations=exces, cotisations_dividendes=cot_div,
                       prelevements_sociaux_dividendes=ps, impot_dividendes=ir,
                       dividendes_nets=arrondi.cents(div - cot_div - ps - ir),
                       assiette_cotisations_avec_dividendes=cd["assiette"])
        if d["resultat_imposable"] < 0:
            alertes.append({"niveau": "attention", "message": (
                "La rémunération coûte plus que le résultat de la société : l'exercice est en perte "
                f"({fmt.euros(d['resultat_imposable'] / k)}), aucun dividende n'est possible.")})
        if exces > 0:
            alertes.append({"niveau": "info", "message": (
                f"{fmt.euros(exces / k)} de dividendes dépassent {fmt.pourcent(R.seuil_capital)} du capital, des "
                "primes d'émission et du compte courant : cette part supporte les cotisations sociales du gérant "
                "au lieu des prélèvements sociaux. Ajoutée à son revenu professionnel, elle porte l’assiette de ses "
                f"cotisations (après l’abattement) de {fmt.euros(c['assiette'] / k)} à "
                f"{fmt.euros(cd['assiette'] / k)}.")})
    annuel.update(societe)
    annuel["revenu_net_total"] = arrondi.cents(annuel["net_apres_impot"] + annuel["dividendes_nets"])
    top = {key: arrondi.cents(x / k) for key, x in annuel.items()}
    unite = "€/an" if k == 1 else "€/mois"
    # lines and chart per month whatever the period (the renderer's table and chart are monthly)
    lignes = [ln.en_json(R.at.ref(ln.parametre), arrondi.cents(ln.base / 12), arrondi.cents(ln.montant_salarial / 12))
              for ln in c["lignes"]]
    result = dict(top)
    result.update({
        "taux_prelevement_source": None if bareme_sources else taux_pas,
        "chiffres_cles": _chiffres(top, unite, resultat is not None, R),
        "lignes": lignes,
        # the same lines per year, as the URSSAF computes them (euros): what the pension
        # rights are bought with (retraite de base on its base, RCI points on its amount)
        "cotisations_annuelles": [{"code": ln.code, "assiette": arrondi.cents(ln.base), "taux": ln.taux_salarial,
                                   "montant": ln.montant_salarial} for ln in c["lignes"]],
        "lignes_colonnes": {"resume": "Détail ligne à ligne (par mois)",
                            "titre": "Cotisations et contributions du gérant, par mois (chaque ligne arrondie à "
                                     "l'euro sur l'année, comme à l'Urssaf)",
                            "taux": "Taux", "montant": "Montant du mois"},
        "repartition": _repartition({key: arrondi.cents(annuel[key] / 12)
                                     for key in ("net_apres_impot", "impot_revenu", "cotisations")}),
        "annuel": annuel,
        "hypotheses": _hypotheses(R, soc, v, resultat is not None, taux_pas, c),
        "alertes": alertes,
        "sources": fusion_sources(R.sources, soc.sources, bareme_sources),
        "periode": v["periode"],  # the period of the amounts (core/resultat.py)
        "date": R.date.isoformat(),
    })
    return result


def _chiffres(t: dict, unite: str, societe: bool, R: Regles) -> list:
    pct = fmt.pourcent(R.abattement)
    plancher = fmt.euros(R.abattement_plancher * R.pss)
    plafond = fmt.euros(R.abattement_plafond * R.pss)
    out = [
        ("cout_total", "Budget de rémunération",
         "Rémunération nette plus cotisations et contributions sociales, payées par la société."),
        ("abattement", "Abattement forfaitaire",
         f"{pct} du budget de rémunération (au moins {plancher}, au plus {plafond} par an)."),
        ("assiette_cotisations", "Assiette des cotisations et de la CSG-CRDS",
         "Budget de rémunération moins l’abattement : une seule assiette pour toutes les cotisations."),
        ("cotisations", "Cotisations et contributions sociales",
         "Cotisations du travailleur indépendant, CSG-CRDS et formation professionnelle."),
        ("net_avant_impot", "Rémunération nette avant impôt",
         "Ce que le gérant perçoit avant l'impôt sur le revenu."),
        ("net_apres_impot", "Rémunération nette après impôt",
         "Après l'impôt sur le revenu (prélèvement à la source)."),
    ]
    if societe:
        out += [
            ("impot_societes", "Impôt sur les sociétés",
             "Sur le résultat après rémunération du gérant."),
            ("dividendes_bruts", "Dividendes bruts",
             "Part du bénéfice après impôt sur les sociétés versée à l'associé."),
            ("dividendes_nets", "Dividendes nets",
             "Après cotisations ou prélèvements sociaux et prélèvement forfaitaire unique."),
            ("revenu_net_total", "Revenu net total",
             "Rémunération nette après impôt plus dividendes nets."),
        ]
    return chiffres_cles(t, unite, out)


def _repartition(t: dict) -> list:
    """Where each euro of the remuneration budget goes, per month."""
    return repartition(t, [
        ("net_apres_impot", "Rémunération nette après impôt"),
        ("impot_revenu", "Impôt sur la rémunération"),
        ("cotisations", "Cotisations et contributions sociales"),
    ])


def _hypotheses(R: Regles, soc, v: dict, societe: bool, taux_pas: float, c: dict) -> list:
    pss = R.pss
    hyp = [
        "Gérant associé unique d’EURL à l’impôt sur les sociétés, travailleur non salarié (sécurité sociale des "
        "indépendants), France métropolitaine, activité " + dict(ACTIVITES)[v["activite"]].lower() + ".",
        f"Règles en vigueur le {fmt.date_fr(R.date)} : cotisations de l’année calculées sur le revenu de la même "
        "année (pas d’acomptes provisionnels ni de régularisation), sans ACRE ni cotisations forfaitaires de "
        "début d’activité ; chaque cotisation est arrondie à l’euro sur l’année, comme à l’Urssaf.",
        "Réforme de l’assiette des indépendants (revenus perçus à partir de 2025), appliquée comme dans le "
        "simulateur de l’Urssaf : une seule assiette pour les cotisations et la CSG-CRDS, le revenu "
        "professionnel avant cotisations (à l’IS, ce que la société consacre au gérant, cotisations comprises) "
        f"moins un abattement de {fmt.pourcent(R.abattement)} (au moins {fmt.euros(R.abattement_plancher * pss)}, "
        f"au plus {fmt.euros(R.abattement_plafond * pss)} par an) : {fmt.euros(c['revenu'])} − "
        f"{fmt.euros(c['abattement'])} = {fmt.euros(c['assiette'])} par an.",
        "Retraite complémentaire : 1re tranche jusqu’au plafond de la sécurité sociale "
        f"({fmt.euros(R.rc_plafond1 * pss)}), comme le prévoit la réforme ; quelques sources gardent "
        "l’ancien plafond propre au régime, un peu plus bas : l’écart est d’au plus quelques dizaines d’euros "
        "par an.",
        "Revenu imposable du gérant = rémunération nette + CSG non déductible et CRDS.",
        hypothese_impot(v, f"au taux {'neutre' if v.get('taux_pas') is None else 'personnalisé'} "
                                f"de {fmt.pourcent(taux_pas)} du revenu imposable."),
    ]
    if societe:
        hyp += hypotheses_societe(soc, v)
        hyp.append(f"Dividendes au-delà de {fmt.pourcent(R.seuil_capital)} du capital, des primes d’émission et du "
                   "compte courant : ajoutés au revenu professionnel du gérant (la même assiette, après "
                   "l’abattement), ils supportent ses cotisations et sa CSG-CRDS au lieu des prélèvements sociaux ; "
                   f"le prélèvement forfaitaire de {fmt.pourcent(soc.pfu)} s’applique à tous les dividendes.")
    return hyp


__all__ = ["NAME", "TITLE", "DESCRIPTION", "FIELDS", "check", "compute", "calculer", "valeurs"]
