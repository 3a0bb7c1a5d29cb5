"""Benefits when work stops: sick pay (IJ maladie) with the employer's
complement, IJ for work accidents (AT/MP), maternity and paternity, the
invalidity pension and the death capital — for a salaried person (or an
assimilated one: a SASU president) and for an independent (EURL gérant,
micro-entrepreneur).

Daily amounts are €/jour, others €/an unless the name says ``_mensuel``; the
income is the year's, assumed steady (the three last pays are a quarter of it;
the independent's yearly average income, RAAM, is this year's).  A rule that
does not apply returns ``None`` and the calculator says why.
"""

from __future__ import annotations

import math

from ..core.arrondi import cents
from .retraite import pass_annuel

_P = "protection."


def smic_mensuel(p) -> float:
    """The monthly SMIC: hourly SMIC × legal weekly hours × 52 / 12."""
    return p("smic.horaire") * p("smic.duree_legale_hebdomadaire") * p("smic.semaines_par_an") / 12


def salaire_journalier(salaire_brut_mensuel: float, p) -> float:
    """Salaire journalier de base: the three last monthly pays ÷ 91.25 (R323-4),
    i.e. a steady monthly pay × 12 / 365 (also the AT/MP daily salary, 1/30.42 of
    a month, and the daily pay the employer's complement keeps)."""
    return 3 * max(salaire_brut_mensuel, 0.0) / p(_P + "maladie.salarie.diviseur_jours")


# ------------------------------------------------------------------ maladie

def temps_plein(salaire_brut_mensuel: float, p) -> bool:
    """A full-time worker's pay (the calculators' assumption) is at least the monthly SMIC."""
    return salaire_brut_mensuel >= cents(smic_mensuel(p))


def droits_maladie_salarie(salaire_brut_mensuel: float, p, heures: bool = True) -> bool:
    """R313-3, 1°: contributions on at least 1 015 × SMIC horaire over six months,
    or 150 hours of work over three months — met by a full-time worker (pay at
    least the monthly SMIC) when ``heures`` (not for a SASU president, who has no
    working hours).  modele-social checks the contributions only."""
    if heures and temps_plein(salaire_brut_mensuel, p):
        return True
    return 6 * salaire_brut_mensuel >= p(_P + "maladie.salarie.heures_smic_six_mois") * p("smic.horaire")


def mois_affiliation_salarie(salaire_brut_mensuel: float, p, heures: bool = True) -> int | None:
    """Months of work before a stoppage is paid (R313-3, 1°): 150 hours of work
    over three months (one month at full time) or contributions on 1 015 × SMIC
    horaire over six months, whichever comes first.  ``heures=False`` for a
    corporate officer without working hours (SASU president) and for a pay under
    the full-time SMIC (hours unknown): the contributions only.  None when six
    months at this pay are not enough."""
    seuil = p(_P + "maladie.salarie.heures_smic_six_mois") * p("smic.horaire")
    par_salaire = math.ceil(seuil / salaire_brut_mensuel - 1e-9) if salaire_brut_mensuel > 0 else None
    if par_salaire is not None and par_salaire > 6:
        par_salaire = None
    if not heures or not temps_plein(salaire_brut_mensuel, p):
        return par_salaire
    heures_mois = p("smic.duree_legale_hebdomadaire") * p("smic.semaines_par_an") / 12
    par_heures = math.ceil(p(_P + "maladie.salarie.heures_trois_mois") / heures_mois - 1e-9)
    return int(min(par_heures, par_salaire or par_heures))


def ij_maladie_salarie(salaire_brut_mensuel: float, p, heures: bool = True) -> float:
    """IJ maladie (R323-4, R323-5): half the daily base, the pay capped at 1.4 SMIC."""
    if not droits_maladie_salarie(salaire_brut_mensuel, p, heures):
        return 0.0
    plafond = p(_P + "maladie.salarie.plafond_smic") * smic_mensuel(p)
    base = salaire_journalier(min(salaire_brut_mensuel, plafond), p)
    return cents(p(_P + "maladie.salarie.taux_ij") * base)


def plafond_raam(p, liberal_reglemente: bool = False) -> float:
    """The ceiling of the RAAM for the IJ: one PASS, three for a regulated liberal profession."""
    k = "plafond_pass_liberal_reglemente" if liberal_reglemente else "plafond_pass"
    return p(_P + "maladie.independant." + k) * pass_annuel(p)


def ij_maladie_independant(raam: float, p, liberal_reglemente: bool = False) -> float:
    """IJ maladie of an independent (D622-7, D622-8): RAAM (capped at one PASS,
    three for a regulated liberal profession) ÷ 730; nil below 10 % of the PASS."""
    pss = pass_annuel(p)
    if raam < p(_P + "maladie.independant.seuil_pass") * pss:
        return 0.0
    return cents(min(raam, plafond_raam(p, liberal_reglemente)) / p(_P + "maladie.independant.diviseur_raam"))


def complement_employeur(salaire_brut_mensuel: float, ij: float, anciennete_annees: float, p) -> dict | None:
    """The employer's complement (L1226-1, D1226-1 to D1226-3): from the 8th day
    of absence, 90 % of the gross pay then two thirds, IJ deducted, each period
    30 days plus 10 per five years of seniority beyond the first, at most 90.
    None without the year of seniority."""
    k = _P + "complement_employeur."
    if anciennete_annees < p(k + "anciennete_annees"):
        return None
    jours = min(p(k + "jours_periode")
                + p(k + "jours_par_cinq_ans") * math.floor((anciennete_annees - p(k + "anciennete_annees")) / 5),
                p(k + "jours_maximum"))
    brut_jour = salaire_journalier(salaire_brut_mensuel, p)
    t1, t2 = p(k + "taux_1"), p(k + "taux_2")
    return {
        "a_partir_du_jour": int(p(k + "carence")) + 1,
        "jours_par_periode": int(jours),
        "taux_1": t1, "taux_2": t2,
        "complement_jour_1": cents(max(t1 * brut_jour - ij, 0.0)),
        "complement_jour_2": cents(max(t2 * brut_jour - ij, 0.0)),
        "maintien_jour_1": cents(t1 * brut_jour),
        "maintien_jour_2": cents(t2 * brut_jour),
    }


# --------------------------------------------------------------------- AT/MP

def ij_at_mp(salaire_brut_mensuel: float, p) -> dict:
    """IJ AT/MP of a salaried person: 60 % of the daily reference salary from the
    first day, 80 % from the 29th; the daily salary (monthly gross × 12 / 365) is
    taken less the flat 21 % and capped at 0.834 % of the PASS."""
    sj = salaire_journalier(salaire_brut_mensuel, p)
    sjr = min(p(_P + "at_mp.plafond_pass") * pass_annuel(p), sj * (1 - p(_P + "abattement_forfaitaire_salarie")))
    sjr = cents(sjr)
    return {"salaire_journalier_reference": sjr,
            "ij_jour": cents(sjr * p(_P + "at_mp.taux_1")),
            "ij_jour_majoree": cents(sjr * p(_P + "at_mp.taux_2")),
            "jour_majoration": int(p(_P + "at_mp.jour_taux_2"))}


# --------------------------------------------------------- maternité, paternité

def ij_maternite_salarie(salaire_brut_mensuel: float, p, heures: bool = True) -> float:
    """IJ maternité / paternité of a salaried person (R331-5): the three last
    pays, each capped at the PMSS, ÷ 91.25, less the flat 21 %; at least the
    minimum.  The cap comes BEFORE the 21 % (modele-social 11.1.0 caps after)."""
    if not droits_maladie_salarie(salaire_brut_mensuel, p, heures):
        return 0.0
    plafond = p(_P + "maternite.salarie.plafond_pmss") * p("securite_sociale.plafond_mensuel")
    base = salaire_journalier(min(salaire_brut_mensuel, plafond), p)
    ij = base * (1 - p(_P + "abattement_forfaitaire_salarie"))
    plancher = salaire_journalier(p(_P + "maternite.salarie.plancher"), p)
    return cents(max(ij, plancher))


def maternite_independant(raam: float, p) -> dict:
    """An independent's maternity: flat IJ = PASS ÷ 730 (D623-2) and the allocation
    forfaitaire de repos maternel = one PMSS (D623-1), a tenth of each when the
    RAAM is under 10 % of the PASS."""
    pss = pass_annuel(p)
    k = 1
    if raam < p(_P + "maladie.independant.seuil_pass") * pss:
        k = p(_P + "maternite.independant.reduction_revenu_faible")
    return {"ij_jour": cents(k * pss / p(_P + "maternite.independant.diviseur_pass")),
            "allocation_repos_maternel": cents(k * p(_P + "maternite.independant.allocation_pmss")
                                               * p("securite_sociale.plafond_mensuel"))}


# ------------------------------------------------------- invalidité, décès

def invalidite_salarie(salaire_brut_annuel: float, p) -> dict:
    """Invalidity pension of a salaried person (R341-4, R341-5): 30 % (1st category)
    or 50 % (2nd) of the yearly average income capped at the PASS; at least the
    minimum when the year's pay reaches 2 030 × SMIC horaire.  €/an."""
    revenu = min(max(salaire_brut_annuel, 0.0), pass_annuel(p))
    mini = 0.0
    if salaire_brut_annuel >= p(_P + "invalidite.heures_smic_minimum") * p("smic.horaire"):
        mini = 12 * p(_P + "invalidite.minimum_salarie")
    return {"revenu_annuel_moyen": cents(revenu),
            "totale": cents(max(revenu * p(_P + "invalidite.taux_totale"), mini)),
            "partielle": cents(max(revenu * p(_P + "invalidite.taux_partielle"), mini))}


def invalidite_independant(revenu: float, raam: float, p) -> dict:
    """Invalidity pension of an independent: the same 30 % / 50 % of the income
    capped at the PASS, with the independents' minima when the RAAM reaches 10 %
    of the PASS.  €/an."""
    pss = pass_annuel(p)
    if raam < p(_P + "maladie.independant.seuil_pass") * pss:
        return {"revenu_annuel_moyen": 0.0, "totale": 0.0, "partielle": 0.0}
    r = min(max(revenu, 0.0), pss)
    return {"revenu_annuel_moyen": cents(r),
            "totale": cents(max(r * p(_P + "invalidite.taux_totale"),
                                12 * p(_P + "invalidite.minimum_independant_totale"))),
            "partielle": cents(max(r * p(_P + "invalidite.taux_partielle"),
                                   12 * p(_P + "invalidite.minimum_independant_partielle")))}


def capital_deces_salarie(p) -> float:
    return float(p(_P + "deces.capital_salarie"))


def capital_deces_independant(raam: float, p) -> float | None:
    """20 % of the PASS, when the RAAM reaches 10 % of the PASS (None otherwise)."""
    pss = pass_annuel(p)
    if raam < p(_P + "maladie.independant.seuil_pass") * pss:
        return None
    return cents(p(_P + "deces.capital_independant_pass") * pss)
