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
``charges``) minus the pay budget bears the corporate tax (see ``sasu.py``);
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
    eurl.cotisations_tns(revenu, eurl.Regles(date))   # the yearly lines for an income R
"""

from __future__ import annotations

import datetime as _dt

from . import sasu
from .core import arrondi
from .core.bareme import grille, tranche
from .core.dates import date_field
from .core.inversion import inverser
from .core.parametres import At
from .core.schema import Field, InputError, validate
from .render import euros_cents, nombre

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
    """The TNS parameters at one date (yearly amounts, the PSS annual)."""

    def __init__(self, date: _dt.date):
        p = At(date)
        T = "tns.cotisations."
        U = "tns.assiette_unique."
        self.date = date
        self.pss = p("securite_sociale.plafond_mensuel") * 12
        self.abattement = p(U + "abattement")
        self.abattement_plancher = p(U + "abattement_plancher_pss")
        self.abattement_plafond = p(U + "abattement_plafond_pss")
        self.mal_prog = p(T + "maladie.taux_progressif")
        self.mal_arrondi = p(T + "maladie.arrondi_taux")
        self.mal_plafond = p(T + "maladie.plafond_taux_progressif_pss")
        self.mal_au_dela = p(T + "maladie.taux_au_dela")
        self.ij = p(T + "indemnites_journalieres.taux")
        self.ij_plancher = p(T + "indemnites_journalieres.plancher_pss")
        self.ij_plafond = p(T + "indemnites_journalieres.plafond_pss")
        self.rb1 = p(T + "retraite_base.taux_plafonne")
        self.rb2 = p(T + "retraite_base.taux_deplafonne")
        self.rc1 = p(T + "retraite_complementaire.taux_t1")
        self.rc2 = p(T + "retraite_complementaire.taux_t2")
        self.rc_plafond1 = p(T + "retraite_complementaire.plafond_t1_pss")
        self.rc_plafond2 = p(T + "retraite_complementaire.plafond_t2_pss")
        self.id = p(T + "invalidite_deces.taux")
        self.id_plancher = p(T + "invalidite_deces.plancher_pss")
        self.id_plafond = p(T + "invalidite_deces.plafond_pss")
        self.af_prog = p(T + "allocations_familiales.taux_progressif")
        self.af_arrondi = p(T + "allocations_familiales.arrondi_taux")
        self.csg_ded = p("tns.contributions.csg_deductible")
        self.csg_nd = p("tns.contributions.csg_crds_non_deductible")
        self.cfp = p("tns.contributions.formation_professionnelle")
        self.cfp_artisan = p("tns.contributions.formation_professionnelle_artisan")
        # the minimum bases, each rounded to the euro (as the URSSAF does)
        self.min_ij = arrondi.euros(self.ij_plancher * self.pss)
        self.min_id = arrondi.euros(self.id_plancher * self.pss)
        # SMIC . horaire . début d'année
        smic_janvier = At(_dt.date(date.year, 1, 1))("smic.horaire")
        self.min_ret = arrondi.euros(p(T + "retraite_base.plancher_heures_smic") * smic_janvier)
        self.seuil_capital = p("tns.dividendes_seuil_capital")
        self.taux_neutre = p("impot.taux_neutre")
        self.at = p
        self.sources = p.sources()


def _progressif(x: float, tranches) -> float:
    """publicodes « taux progressif »: the first rate below the first point,
    linear between points, the last rate above the last one (points in PSS)."""
    prev = None
    for t in tranches:
        if x <= t["seuil_pss"]:
            if prev is None:
                return t["taux"]
            a, b = prev["seuil_pss"], t["seuil_pss"]
            return prev["taux"] + (t["taux"] - prev["taux"]) * (x - a) / (b - a)
        prev = t
    return prev["taux"]


def _arrondi_taux(taux: float, pas: float) -> float:
    """A rate rounded to ``pas`` (0.0001: to the hundredth of a point), half up."""
    return arrondi.decimales(taux / pas, 0) * pas


def assiette_unique(revenu: float, R: Regles) -> dict:
    """The one base of the contributions and of the CSG-CRDS (CSS L131-6, L136-3,
    D136-5): ``revenu`` R, the abattement A = 26 % of R within [1.76 %, 130 %] of
    the PSS, the base a = R − A (each rounded to the euro; a never below 0)."""
    pss = R.pss
    A = arrondi.euros(min(max(R.abattement * revenu, R.abattement_plancher * pss), R.abattement_plafond * pss))
    return {"revenu": revenu, "abattement": A, "assiette": max(0.0, arrondi.euros(revenu - A))}


def _fr(taux: float) -> str:
    return sasu.pct_fr(taux)


def _n(x: float) -> str:
    return nombre(x)


def cotisations_tns(revenu: float, R: Regles, activite: str = "commerciale") -> dict:
    """The yearly contributions of an indépendant whose professional income
    before social contributions is ``revenu`` (at the IS: what the company pays
    for him, contributions included, plus the dividends above the capital
    threshold).  Returns ``{"revenu", "abattement", "assiette", "lignes":
    [(code, libellé, groupe, assiette, taux, montant, paramètre)], "cotisations",
    "csg_deductible", "csg_non_deductible", "cfp", "total"}``, each line rounded
    to the euro."""
    rnd = arrondi.euros
    pss = R.pss
    base = assiette_unique(revenu, R)
    a = base["assiette"]
    L = []
    # maladie-maternité (D621-1, D621-2): a rate from the base in PSS, rounded to the
    # hundredth of a point, up to 3 PSS; 6.5 % above; no floor
    taux = _arrondi_taux(_progressif(a / pss, R.mal_prog), R.mal_arrondi)
    p_mal = R.mal_plafond * pss
    maladie = rnd(taux * min(a, p_mal) + R.mal_au_dela * tranche(a, p_mal))
    lib = "Maladie-maternité"
    if a > p_mal:
        lib += f" ({_fr(taux)} jusqu’à {_n(R.mal_plafond)} PSS, {_fr(R.mal_au_dela)} au-delà)"
    L.append(("maladie", lib, G_SANTE, a, taux if a <= p_mal else None, maladie,
              "tns.cotisations.maladie.taux_progressif"))
    # indemnités journalières (D621-3): base within [40 % PSS, 5 PSS]
    base_ij = min(max(a, R.min_ij), R.ij_plafond * pss)
    ij = rnd(base_ij * R.ij)
    L.append(("indemnites_journalieres", "Indemnités journalières", G_SANTE, base_ij, R.ij, ij,
              "tns.cotisations.indemnites_journalieres.taux"))
    # retraite de base (D633-2, D633-3): base floored at 450 h of SMIC; T1 to 1 PSS, T2 above
    base_rb = max(a, R.min_ret)
    rb = rnd(R.rb1 * min(base_rb, pss) + R.rb2 * tranche(base_rb, pss))
    lib = "Retraite de base"
    if base_rb > pss:
        lib += f" ({_fr(R.rb1)} jusqu’au PSS, {_fr(R.rb2)} au-delà)"
    L.append(("retraite_base", lib, G_RETRAITE, base_rb, R.rb1 if base_rb <= pss else None, rb,
              "tns.cotisations.retraite_base.taux_plafonne"))
    # retraite complémentaire (D635-7): T1 to the first ceiling, T2 to 4 PSS; no floor
    p1, p2 = R.rc_plafond1 * pss, R.rc_plafond2 * pss
    rc = rnd(R.rc1 * min(a, p1) + R.rc2 * tranche(a, p1, p2))
    lib = "Retraite complémentaire"
    if a > p1:
        lib += (f" ({_fr(R.rc1)} jusqu’à {sasu.euros_fr(p1)}, {_fr(R.rc2)} jusqu’à "
                f"{_n(R.rc_plafond2)} PSS)")
    L.append(("retraite_complementaire", lib, G_RETRAITE, a, R.rc1 if a <= p1 else None, rc,
              "tns.cotisations.retraite_complementaire.taux_t1"))
    # invalidité-décès (D632-1): base within [11.5 % PSS, 1 PSS]
    base_id = min(max(a, R.min_id), R.id_plafond * pss)
    inv = rnd(base_id * R.id)
    L.append(("invalidite_deces", "Invalidité-décès", G_SANTE, base_id, R.id, inv,
              "tns.cotisations.invalidite_deces.taux"))
    # allocations familiales (D613-1): 0 to 110 % PSS, 3.1 % from 140 %, linear between
    taux_af = _arrondi_taux(_progressif(a / pss, R.af_prog), R.af_arrondi)
    af = rnd(a * taux_af)
    L.append(("allocations_familiales", "Allocations familiales", G_FAMILLE, a, taux_af, af,
              "tns.cotisations.allocations_familiales.taux_progressif"))
    cot = maladie + ij + rb + rc + inv + af
    # CSG-CRDS (L136-3): on the same base a
    ded = rnd(a * R.csg_ded)
    nd = rnd(a * R.csg_nd)
    L.append(("csg_deductible", "CSG déductible", G_CSG, a, R.csg_ded, ded, "tns.contributions.csg_deductible"))
    L.append(("csg_crds_non_deductible", "CSG non déductible et CRDS", G_CSG, a, R.csg_nd, nd,
              "tns.contributions.csg_crds_non_deductible"))
    artisan = activite == "artisanale"
    t_cfp = R.cfp_artisan if artisan else R.cfp
    cfp = rnd(pss * t_cfp)
    L.append(("formation_professionnelle", "Contribution à la formation professionnelle", G_AUTRES, pss, t_cfp, cfp,
              "tns.contributions.formation_professionnelle" + ("_artisan" if artisan else "")))
    return dict(base, lignes=L, cotisations=cot, csg_deductible=ded, csg_non_deductible=nd, cfp=cfp,
                total=cot + ded + nd + cfp)


def _net(revenu: float, R: Regles, activite: str) -> float:
    """Net pay at the IS for a remuneration budget ``revenu`` (= R): R − its contributions."""
    return revenu - cotisations_tns(revenu, R, activite)["total"]


def budget_depuis_net(net: float, R: Regles, activite: str) -> float:
    """The yearly remuneration budget R, to the cent, whose net pay
    R − contributions(R) is ``net``, the lines rounded to the euro as in the
    result.  Between the roundings the net grows with R (slope 1); the lines'
    roundings lower it by a euro here and there, and the abattement's rounding
    (the base falls by 1 € when A ticks up) raises it by a euro or so.  The
    smallest budget that reaches ``net``; if its net is above (``net`` lies in a
    gap there), a budget a little higher that gives ``net`` exactly if there is
    one, else that smallest budget (its net is then a little above ``net``)."""
    f = lambda x: _net(x, R, activite)  # noqa: E731
    hi = 3 * abs(net) + 2 * R.pss
    while f(hi) < net:
        hi *= 2
    c = arrondi.cents(inverser(f, net, 0.0, hi, ytol=1e-7).x)
    tol = 1e-6
    for _ in range(10_000):       # the search ends within a cent or two of the crossing
        if c <= 0 or f(arrondi.cents(c - _CENT)) < net - tol:
            break
        c = arrondi.cents(c - _CENT)
    for _ in range(10_000):
        if f(c) >= net - tol:
            break
        c = arrondi.cents(c + _CENT)
    if f(c) - net < _CENT / 2:
        return c
    # in a gap: a little above, after a line's rounding has lowered the net, it may meet
    # the net asked exactly; prefer that budget (looked for within 20 € of budget)
    x = c
    for _ in range(2_000):
        x = arrondi.cents(x + _CENT)
        v = f(x)
        if abs(v - net) < _CENT / 2:
            return x
        if v < net:
            y = arrondi.cents(x + (net - v))
            if abs(f(y) - net) < _CENT / 2:
                return y
    return c


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
    if v.get("cout_total") is not None:
        # at the IS the professional income R is what the company pays for the gérant
        budget = arrondi.cents(v["cout_total"] * k)
        if _net(budget, R, act) < 0:
            # the budget of a zero net pay: the minimum contributions (on the minimum bases)
            minimum = budget_depuis_net(0.0, R, act)
            raise InputError({"cout_total": (
                f"Budget trop faible : même sans rémunération, le gérant doit les cotisations minimales "
                f"({sasu.euros_fr(minimum / k)} sur la période).")})
    else:
        net = v["remuneration_nette"] * k if v.get("remuneration_nette") is not None else 0.0
        budget = budget_depuis_net(arrondi.cents(net), R, act)
        ecart = _net(budget, R, act) - arrondi.cents(net)
        if net > 0 and ecart >= _CENT / 2:
            alertes.append({"niveau": "info", "message": (
                f"Aucun budget ne donne exactement ce net (chaque cotisation est arrondie à l’euro) : le plus "
                f"petit budget qui l’atteint donne {euros_cents(_net(budget, R, act) / k)} "
                "sur la période.")})
        if net == 0:
            alertes.append({"niveau": "info", "message": (
                f"Sans rémunération, le gérant doit quand même les cotisations minimales "
                f"({sasu.euros_fr(budget / k)} sur la période), payées ici par la société.")})
    c = cotisations_tns(budget, R, act)
    net = budget - c["total"]
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
        "cout_total": arrondi.cents(budget), "revenu_brut": arrondi.cents(c["revenu"]),
        "abattement": c["abattement"], "assiette_cotisations": c["assiette"],
        "cotisations": cot, "net_avant_impot": net,
        "revenu_professionnel": revenu_pro, "net_imposable": revenu_pro, "impot_revenu": impot,
        "net_apres_impot": arrondi.cents(net - impot),
    }
    soc = sasu.Societe(R.date)
    societe = {"resultat_avant_remuneration": 0.0, "resultat_imposable": 0.0, "impot_societes": 0.0,
               "benefice_apres_impot": 0.0, "dividendes_bruts": 0.0, "seuil_dividendes": 0.0,
               "dividendes_soumis_cotisations": 0.0, "cotisations_dividendes": 0.0,
               "prelevements_sociaux_dividendes": 0.0, "impot_dividendes": 0.0, "dividendes_nets": 0.0,
               "mise_en_reserve": 0.0, "assiette_cotisations_avec_dividendes": c["assiette"]}
    if resultat is not None:
        d = sasu.dividendes(soc, resultat, annuel["cout_total"], v["part_distribuee"], v["taux_reduit_is"])
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
                f"({sasu.euros_fr(d['resultat_imposable'] / k)}), aucun dividende n'est possible.")})
        if exces > 0:
            alertes.append({"niveau": "info", "message": (
                f"{sasu.euros_fr(exces / k)} de dividendes dépassent {sasu.pct_fr(R.seuil_capital)} du capital, des "
                "primes d'émission et du compte courant : cette part supporte les cotisations sociales du gérant "
                "au lieu des prélèvements sociaux. Ajoutée à son revenu professionnel, elle porte l’assiette de ses "
                f"cotisations (après l’abattement) de {sasu.euros_fr(c['assiette'] / k)} à "
                f"{sasu.euros_fr(cd['assiette'] / k)}.")})
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
        "chiffres_cles": _chiffres(top, unite, resultat is not None, R),
        "lignes": lignes,
        # the same lines per year, as the URSSAF computes them (euros): what the pension
        # rights are bought with (retraite de base on its base, RCI points on its amount)
        "cotisations_annuelles": [{"code": code, "assiette": arrondi.cents(base), "taux": taux, "montant": mt}
                                  for code, _lib, _grp, base, taux, mt, _ref in c["lignes"]],
        "lignes_colonnes": {"resume": "Détail ligne à ligne (par mois)",
                            "titre": "Cotisations et contributions du gérant, par mois (chaque ligne arrondie à "
                                     "l'euro sur l'année, comme à l'Urssaf)",
                            "taux": "Taux", "montant": "Montant du mois"},
        "repartition": _repartition({key: arrondi.cents(annuel[key] / 12)
                                     for key in ("net_apres_impot", "impot_revenu", "cotisations")}),
        "annuel": annuel,
        "hypotheses": _hypotheses(R, soc, v, resultat is not None, taux_pas, c),
        "alertes": alertes,
        "sources": sasu._fusion(R.sources, soc.sources, bareme_sources),
        "date": R.date.isoformat(),
    })
    return result


def _chiffres(t: dict, unite: str, societe: bool, R: Regles) -> list:
    pct = sasu.pct_fr(R.abattement)
    plancher = sasu.euros_fr(R.abattement_plancher * R.pss)
    plafond = sasu.euros_fr(R.abattement_plafond * R.pss)
    out = [
        {"code": "cout_total", "libelle": "Budget de rémunération", "valeur": t["cout_total"], "unite": unite,
         "aide": "Rémunération nette plus cotisations et contributions sociales, payées par la société."},
        {"code": "abattement", "libelle": "Abattement forfaitaire", "valeur": t["abattement"], "unite": unite,
         "aide": f"{pct} du budget de rémunération (au moins {plancher}, au plus {plafond} par an)."},
        {"code": "assiette_cotisations", "libelle": "Assiette des cotisations et de la CSG-CRDS",
         "valeur": t["assiette_cotisations"], "unite": unite,
         "aide": "Budget de rémunération moins l’abattement : une seule assiette pour toutes les cotisations."},
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


def _hypotheses(R: Regles, soc, v: dict, societe: bool, taux_pas: float, c: dict) -> list:
    from .salarie import _date_fr, _pct
    pss = R.pss
    hyp = [
        "Gérant associé unique d’EURL à l’impôt sur les sociétés, travailleur non salarié (sécurité sociale des "
        "indépendants), France métropolitaine, activité " + dict(ACTIVITES)[v["activite"]].lower() + ".",
        f"Règles en vigueur le {_date_fr(R.date)} : cotisations de l’année calculées sur le revenu de la même "
        "année (pas d’acomptes provisionnels ni de régularisation), sans ACRE ni cotisations forfaitaires de "
        "début d’activité ; chaque cotisation est arrondie à l’euro sur l’année, comme à l’Urssaf.",
        "Réforme de l’assiette des indépendants (revenus perçus à partir de 2025), appliquée comme dans le "
        "simulateur de l’Urssaf : une seule assiette pour les cotisations et la CSG-CRDS, le revenu "
        "professionnel avant cotisations (à l’IS, ce que la société consacre au gérant, cotisations comprises) "
        f"moins un abattement de {sasu.pct_fr(R.abattement)} (au moins {sasu.euros_fr(R.abattement_plancher * pss)}, "
        f"au plus {sasu.euros_fr(R.abattement_plafond * pss)} par an) : {sasu.euros_fr(c['revenu'])} − "
        f"{sasu.euros_fr(c['abattement'])} = {sasu.euros_fr(c['assiette'])} par an.",
        "Retraite complémentaire : 1re tranche jusqu’au plafond de la sécurité sociale "
        f"({sasu.euros_fr(R.rc_plafond1 * pss)}), comme le prévoit la réforme ; quelques sources gardent "
        "l’ancien plafond propre au régime, un peu plus bas : l’écart est d’au plus quelques dizaines d’euros "
        "par an.",
        "Revenu imposable du gérant = rémunération nette + CSG non déductible et CRDS.",
        sasu.hypothese_impot(v, f"au taux {'neutre' if v.get('taux_pas') is None else 'personnalisé'} "
                                f"de {_pct(taux_pas)} du revenu imposable."),
    ]
    if societe:
        hyp += sasu.hypotheses_societe(soc, v)
        hyp.append(f"Dividendes au-delà de {sasu.pct_fr(R.seuil_capital)} du capital, des primes d’émission et du "
                   "compte courant : ajoutés au revenu professionnel du gérant (la même assiette, après "
                   "l’abattement), ils supportent ses cotisations et sa CSG-CRDS au lieu des prélèvements sociaux ; "
                   f"le prélèvement forfaitaire de {sasu.pct_fr(soc.pfu)} s’applique à tous les dividendes.")
    return hyp


__all__ = ["NAME", "TITLE", "DESCRIPTION", "FIELDS", "check", "compute", "calculer", "valeurs",
           "cotisations_tns", "assiette_unique", "Regles", "budget_depuis_net"]
