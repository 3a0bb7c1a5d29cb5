"""Contributions of a travailleur non salarié (TNS: gérant majoritaire of an
EURL or SARL at the IS, indépendant), on the 2025 reformed single base.

- :class:`Regles`: the parameters at a date (yearly amounts, PSS annual);
- :func:`assiette_unique`: income, abattement, base (CSS L131-6);
- :func:`cotisations_tns`: each contribution line, rounded to the euro;
- :func:`net_tns` and :func:`budget_depuis_net`: net pay for a budget, and the
  inverse to the cent.
"""

from __future__ import annotations

import datetime as _dt

from ..core import arrondi
from ..core import format as fmt
from ..core.bareme import progressif, tranche
from ..core.inversion import inverser
from ..core.parametres import At
from ..core.resultat import Ligne

_CENT = 1 / 100

G_SANTE = "Santé"
G_RETRAITE = "Retraite"
G_FAMILLE = "Famille"
G_CSG = "CSG-CRDS"
G_AUTRES = "Autres contributions"


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


def cotisations_tns(revenu: float, R: Regles, activite: str = "commerciale") -> dict:
    """The yearly contributions of an indépendant whose professional income
    before social contributions is ``revenu`` (at the IS: what the company pays
    for him, contributions included, plus the dividends above the capital
    threshold).  Returns ``{"revenu", "abattement", "assiette", "lignes":
    [Ligne (taux and montant in the salarial columns)], "cotisations",
    "csg_deductible", "csg_non_deductible", "cfp", "total"}``, each line rounded
    to the euro."""
    rnd = arrondi.euros
    pss = R.pss
    base = assiette_unique(revenu, R)
    a = base["assiette"]
    L = []
    # maladie-maternité (D621-1, D621-2): a rate from the base in PSS, rounded to the
    # hundredth of a point, up to 3 PSS; 6.5 % above; no floor
    taux = _arrondi_taux(progressif(a / pss, R.mal_prog), R.mal_arrondi)
    p_mal = R.mal_plafond * pss
    maladie = rnd(taux * min(a, p_mal) + R.mal_au_dela * tranche(a, p_mal))
    lib = "Maladie-maternité"
    if a > p_mal:
        lib += f" ({fmt.pourcent(taux)} jusqu’à {fmt.nombre(R.mal_plafond)} PSS, {fmt.pourcent(R.mal_au_dela)} au-delà)"
    L.append(Ligne("maladie", lib, G_SANTE, a, taux_salarial=taux if a <= p_mal else None,
                    montant_salarial=maladie, parametre="tns.cotisations.maladie.taux_progressif"))
    # indemnités journalières (D621-3): base within [40 % PSS, 5 PSS]
    base_ij = min(max(a, R.min_ij), R.ij_plafond * pss)
    ij = rnd(base_ij * R.ij)
    L.append(Ligne("indemnites_journalieres", "Indemnités journalières", G_SANTE, base_ij, taux_salarial=R.ij,
                    montant_salarial=ij, parametre="tns.cotisations.indemnites_journalieres.taux"))
    # retraite de base (D633-2, D633-3): base floored at 450 h of SMIC; T1 to 1 PSS, T2 above
    base_rb = max(a, R.min_ret)
    rb = rnd(R.rb1 * min(base_rb, pss) + R.rb2 * tranche(base_rb, pss))
    lib = "Retraite de base"
    if base_rb > pss:
        lib += f" ({fmt.pourcent(R.rb1)} jusqu’au PSS, {fmt.pourcent(R.rb2)} au-delà)"
    L.append(Ligne("retraite_base", lib, G_RETRAITE, base_rb, taux_salarial=R.rb1 if base_rb <= pss else None,
                    montant_salarial=rb, parametre="tns.cotisations.retraite_base.taux_plafonne"))
    # retraite complémentaire (D635-7): T1 to the first ceiling, T2 to 4 PSS; no floor
    p1, p2 = R.rc_plafond1 * pss, R.rc_plafond2 * pss
    rc = rnd(R.rc1 * min(a, p1) + R.rc2 * tranche(a, p1, p2))
    lib = "Retraite complémentaire"
    if a > p1:
        lib += (f" ({fmt.pourcent(R.rc1)} jusqu’à {fmt.euros(p1)}, {fmt.pourcent(R.rc2)} jusqu’à "
                f"{fmt.nombre(R.rc_plafond2)} PSS)")
    L.append(Ligne("retraite_complementaire", lib, G_RETRAITE, a, taux_salarial=R.rc1 if a <= p1 else None,
                    montant_salarial=rc, parametre="tns.cotisations.retraite_complementaire.taux_t1"))
    # invalidité-décès (D632-1): base within [11.5 % PSS, 1 PSS]
    base_id = min(max(a, R.min_id), R.id_plafond * pss)
    inv = rnd(base_id * R.id)
    L.append(Ligne("invalidite_deces", "Invalidité-décès", G_SANTE, base_id, taux_salarial=R.id,
                    montant_salarial=inv, parametre="tns.cotisations.invalidite_deces.taux"))
    # allocations familiales (D613-1): 0 to 110 % PSS, 3.1 % from 140 %, linear between
    taux_af = _arrondi_taux(progressif(a / pss, R.af_prog), R.af_arrondi)
    af = rnd(a * taux_af)
    L.append(Ligne("allocations_familiales", "Allocations familiales", G_FAMILLE, a, taux_salarial=taux_af,
                    montant_salarial=af, parametre="tns.cotisations.allocations_familiales.taux_progressif"))
    cot = maladie + ij + rb + rc + inv + af
    # CSG-CRDS (L136-3): on the same base a
    ded = rnd(a * R.csg_ded)
    nd = rnd(a * R.csg_nd)
    L.append(Ligne("csg_deductible", "CSG déductible", G_CSG, a, taux_salarial=R.csg_ded,
                    montant_salarial=ded, parametre="tns.contributions.csg_deductible"))
    L.append(Ligne("csg_crds_non_deductible", "CSG non déductible et CRDS", G_CSG, a, taux_salarial=R.csg_nd,
                    montant_salarial=nd, parametre="tns.contributions.csg_crds_non_deductible"))
    artisan = activite == "artisanale"
    t_cfp = R.cfp_artisan if artisan else R.cfp
    cfp = rnd(pss * t_cfp)
    L.append(Ligne("formation_professionnelle", "Contribution à la formation professionnelle", G_AUTRES, pss, taux_salarial=t_cfp,
                    montant_salarial=cfp, parametre="tns.contributions.formation_professionnelle" + ("_artisan" if artisan else "")))
    return dict(base, lignes=L, cotisations=cot, csg_deductible=ded, csg_non_deductible=nd, cfp=cfp,
                total=cot + ded + nd + cfp)


def net_tns(revenu: float, R: Regles, activite: str) -> float:
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
    f = lambda x: net_tns(x, R, activite)  # noqa: E731
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


__all__ = ["Regles", "assiette_unique", "cotisations_tns", "net_tns", "budget_depuis_net"]
