"""A year with and without missions: the rules that only exist over a year of
uneven months (../shared/reference/protection-2026.md § 4).

Small functions of dated parameters (:class:`calculators.core.parametres.At`)
and amounts; the payslips themselves come from the status calculators.

- calendar: the twelve months of the simulation's year, each seen at its
  first day (the month's rules: SMIC, ceilings);
- portage between missions (convention collective IDCC 3219, art. 22.2 and
  22.3): the contract is suspended; the réserve may pay an allocation de
  prospection for at most ``portage.reserve_financiere.allocation_prospection_mois``
  months, at least ``…allocation_prospection_minimum_jours`` day(s) of pay a
  month; the firm may dismiss after ``portage.licenciement_sans_prestation_mois``
  month(s) without prestation; the réserve left is paid with the final pay;
- ARE month by month: ``chomage.allocation.jours_par_mois`` days a month
  whatever its length, the first month from the first paid day; in a month with
  a resumed salaried activity, (30 × AJ − ``chomage.cumul.part_revenu_deduite`` ×
  gross) ÷ AJ days, rounded down, ARE + gross at most the former gross; unpaid
  days stay due (the rights last longer);
- pension of an uneven year (§ 4.4): quarters from the sum over the months of
  the gross up to each month's PMSS, against 150 hours of SMIC at 1 January
  (R351-9); Agirc-Arrco points from the sum of each month's contributions;
- savings: the balance month by month, and the starting savings that keep it
  at or above zero.
"""

from __future__ import annotations

import datetime as _dt
import math

from ..core.arrondi import cents, decimales
from ..core.format import MONTHS
from ..core.parametres import At
from . import retraite as _rt

MOIS = MONTHS  # the months' names, the French formatter's
MOIS_COURTS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")


def premier_jour(annee: int, mois: int) -> _dt.date:
    return _dt.date(annee, mois, 1)


def dernier_jour(annee: int, mois: int) -> _dt.date:
    if mois == 12:
        return _dt.date(annee, 12, 31)
    return _dt.date(annee, mois + 1, 1) - _dt.timedelta(days=1)


def parametres_mois(annee: int) -> list:
    """The parameters of each month of the year, seen at its first day."""
    return [At(premier_jour(annee, m)) for m in range(1, 13)]


# --------------------------------------------------------------------------
# Portage between missions
# --------------------------------------------------------------------------

def prospection_mois_maximum(p) -> int:
    return int(p("portage.reserve_financiere.allocation_prospection_mois"))


def mois_sans_prestation_avant_fin(p, mois_prospection: int) -> int:
    """Months without prestation after which the contract ends (dismissal):
    after the prospection months, and not before the delay of art. 22.3."""
    return max(int(mois_prospection), int(p("portage.licenciement_sans_prestation_mois")))


def jour_de_paie(salaire_base: float, jours_forfait_annuel: float) -> float:
    """One day of pay: the monthly base salary × 12 ÷ the days of the yearly forfait."""
    if jours_forfait_annuel <= 0:
        return 0.0
    return cents(salaire_base * 12 / jours_forfait_annuel)


def allocation_prospection(p, reserve_restante: float, mois_restants: int, jour: float) -> float:
    """The month's allocation de prospection (gross): the réserve left shared
    evenly over the prospection months left, at least the minimum days of pay,
    never more than the réserve left."""
    if reserve_restante <= 0 or mois_restants <= 0:
        return 0.0
    part = reserve_restante / mois_restants
    minimum = jour * p("portage.reserve_financiere.allocation_prospection_minimum_jours")
    return cents(min(max(part, minimum), reserve_restante))


# --------------------------------------------------------------------------
# ARE month by month
# --------------------------------------------------------------------------

def jours_are_possibles(p, premier: _dt.date, annee: int, mois: int) -> int:
    """Days of ARE a month can pay (30-day months): none before the month of the
    first paid day, 30 − (its day − 1) that month, then 30."""
    jpm = int(p("chomage.allocation.jours_par_mois"))
    debut = premier_jour(annee, mois)
    if premier > dernier_jour(annee, mois):
        return 0
    if premier < debut:
        return jpm
    return max(min(jpm - (premier.day - 1), jpm), 0)


def jours_are_cumul(p, jours: int, aj: float, brut_activite: float, ancien_brut: float) -> int:
    """Days paid in a month with a resumed salaried activity earning
    ``brut_activite``: (days × AJ − part × gross) ÷ AJ rounded down, and ARE +
    gross at most the former monthly gross."""
    if aj <= 0 or jours <= 0:
        return 0
    if brut_activite <= 0:
        return jours
    part = p("chomage.cumul.part_revenu_deduite")
    n = max(math.floor(round((jours * aj - part * brut_activite) / aj, 6)), 0)
    n = min(n, max(math.floor(round((ancien_brut - brut_activite) / aj, 6)), 0))
    return int(min(n, jours))


# --------------------------------------------------------------------------
# Pension rights of an uneven year
# --------------------------------------------------------------------------

def revenu_cotise_mois(bruts: list, ps: list) -> float:
    """Base-pension income of a salaried year: Σ min(gross of the month, PMSS of the month)."""
    return cents(sum(min(max(b, 0.0), p("securite_sociale.plafond_mensuel")) for b, p in zip(bruts, ps)))


def trimestres_salarie(bruts: list, ps: list) -> int:
    """Quarters of a salaried year of uneven months (R351-9, § 4.4 of the reference)."""
    return _rt.trimestres(revenu_cotise_mois(bruts, ps), ps[0])


def cotisations_agirc_arrco_annee(bruts: list, ps: list) -> float:
    return sum(_rt.cotisations_agirc_arrco(b, p)["montant"] for b, p in zip(bruts, ps) if b > 0)


def points_agirc_arrco(bruts: list, ps: list) -> float:
    """Agirc-Arrco points of the year: Σ of the months' contributions ÷ the call
    rate ÷ the purchase value (the values of 1 January)."""
    p = ps[0]
    c = cotisations_agirc_arrco_annee(bruts, ps)
    return decimales(c / p("protection.retraite.agirc_arrco.taux_appel")
                     / p("protection.retraite.agirc_arrco.valeur_achat"), 1)


# --------------------------------------------------------------------------
# Savings
# --------------------------------------------------------------------------

def soldes(epargne_initiale: float, encaisse: list, budget: float) -> list:
    """The savings balance at the end of each month: previous + cash − budget."""
    out, s = [], epargne_initiale
    for e in encaisse:
        s = cents(s + e - budget)
        out.append(s)
    return out


def epargne_necessaire(encaisse: list, budget: float) -> float:
    """The smallest starting savings that keep every month's balance at or above zero."""
    bas = min(soldes(0.0, encaisse, budget) + [0.0])
    return cents(-bas)


def mois_de_regles(annee: int) -> list:
    """For each month, the first month of the year whose rules are the same: no
    parameter takes a new value between their first days (so a calculation at
    one gives the same figures as at the other)."""
    from ..core.parametres import load_all
    changements = {v.depuis for prm in load_all().values() for v in prm.valeurs}
    out, debut = [], 1
    for m in range(1, 13):
        d0, d1 = premier_jour(annee, debut), premier_jour(annee, m)
        if any(d0 < c <= d1 for c in changements):
            debut = m
        out.append(debut)
    return out
