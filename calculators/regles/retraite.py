"""Pension rights earned by one year of activity: quarters of the base
pension, the income they count, and complementary points (Agirc-Arrco for
salaried and assimilated, RCI for independents, Cipav for the regulated
liberal micro-entrepreneurs) with the yearly pension those points buy.

Every function takes yearly amounts (€/an) unless its name says otherwise, and
the parameters seen at one date (:class:`calculators.core.parametres.At`).
"""

from __future__ import annotations

import datetime as _dt
import math

from ..core.arrondi import cents, decimales
from ..core.parametres import At, valeur

_R = "protection.retraite."


def pass_annuel(p: At) -> float:
    """The yearly social-security ceiling (PASS = 12 × PMSS)."""
    return 12 * p("securite_sociale.plafond_mensuel")


def smic_horaire_1er_janvier(p: At) -> float:
    """The hourly SMIC in force on 1 January of the simulation's year (R351-9)."""
    p.ref("smic.horaire")
    return valeur("smic.horaire", _dt.date(p.date.year, 1, 1))


def seuil_trimestre(p: At) -> float:
    """The income that validates one quarter: 150 hours of SMIC at 1 January."""
    return cents(p(_R + "trimestre_heures_smic") * smic_horaire_1er_janvier(p))


def trimestres(revenu_cotise: float, p: At) -> int:
    """Quarters validated by a year's income counted (R351-9): one per 150 h of
    SMIC, at most four."""
    seuil = seuil_trimestre(p)
    n = math.floor(max(revenu_cotise, 0.0) / seuil + 1e-9) if seuil > 0 else 0
    return int(min(n, p(_R + "trimestres_maximum")))


def trimestres_micro_cipav(chiffre_affaires: float, p: At) -> int:
    """Quarters of a Cipav micro-entrepreneur: one per threshold of turnover."""
    seuil = p(_R + "micro_cipav_seuil_trimestre")
    n = math.floor(max(chiffre_affaires, 0.0) / seuil + 1e-9)
    return int(min(n, p(_R + "trimestres_maximum")))


def revenu_cotise_salarie(salaire_brut_annuel: float, p: At) -> float:
    """Income counted for the base pension of a salaried person: the gross the
    old-age contributions were paid on, up to one PASS."""
    return cents(min(max(salaire_brut_annuel, 0.0), pass_annuel(p)))


def revenu_cotise_tns(assiette_retraite_base: float, p: At) -> float:
    """Income counted for an independent (« revenu cotisé », R351-9 as applied by
    R634-1): the income the base-pension contribution was paid on at its capped
    rate — the contribution's base (at least 450 h of SMIC, D633-2), up to one
    PASS; the 0.72 % above the PASS earns no rights."""
    return cents(min(max(assiette_retraite_base, 0.0), pass_annuel(p)))


def revenu_cotise_micro(chiffre_affaires: float, taux_abattement: float, p: At) -> float:
    """Income counted for a micro-entrepreneur: turnover less the flat allowance
    (without its minimum), up to one PASS."""
    return cents(min(max(chiffre_affaires, 0.0) * (1 - taux_abattement), pass_annuel(p)))


def cotisations_agirc_arrco(salaire_brut_mensuel: float, p: At) -> dict:
    """The month's Agirc-Arrco contributions (employer + employee), by band:
    T1 up to one PMSS, T2 from one to eight PMSS."""
    pmss = p("securite_sociale.plafond_mensuel")
    b = max(salaire_brut_mensuel, 0.0)
    k = "salarie.cotisations.retraite_complementaire."
    t1 = min(b, pmss)
    t2 = min(max(b - pmss, 0.0), (p("salarie.cotisations.tranches.plafond_t2_pss") - 1) * pmss)
    taux_t1 = p(k + "t1.employeur") + p(k + "t1.salarie")
    taux_t2 = p(k + "t2.employeur") + p(k + "t2.salarie")
    return {"t1": t1, "t2": t2, "taux_t1": taux_t1, "taux_t2": taux_t2,
            "montant": t1 * taux_t1 + t2 * taux_t2}


def points_agirc_arrco(salaire_brut_mensuel: float, p: At) -> float:
    """Agirc-Arrco points of one year at this monthly gross: the contributions ÷
    the call rate (127 %) ÷ the purchase value of the point."""
    c = cotisations_agirc_arrco(salaire_brut_mensuel, p)["montant"] * 12
    return decimales(c / p(_R + "agirc_arrco.taux_appel") / p(_R + "agirc_arrco.valeur_achat"), 1)


def points_rci(cotisation_rci: float, p: At) -> float:
    """RCI points: the year's complementary contribution ÷ the purchase value."""
    return decimales(max(cotisation_rci, 0.0) / p(_R + "rci.valeur_achat"), 1)


def points_cipav(cotisation_cipav: float, p: At) -> float:
    """Cipav complementary points: the contribution ÷ the purchase value."""
    return decimales(max(cotisation_cipav, 0.0) / p(_R + "cipav.valeur_achat"), 1)


REGIMES = {
    # code: (name, service value parameter, short name)
    "agirc_arrco": ("Agirc-Arrco", _R + "agirc_arrco.valeur_service", "Agirc-Arrco"),
    "rci": ("Retraite complémentaire des indépendants (RCI)", _R + "rci.valeur_service", "RCI"),
    "cipav": ("Cipav", _R + "cipav.valeur_service", "Cipav"),
}


def valeur_service(regime: str, p: At) -> float:
    return p(REGIMES[regime][1])


def pension_points(points: float, regime: str, p: At) -> float:
    """The yearly pension (€/an) the points buy, at today's service value."""
    return cents(points * valeur_service(regime, p))


def part_complementaire_micro(activite: str, p: At) -> float:
    """Share of a micro-entrepreneur's contribution that goes to the complementary pension."""
    key = "bic" if activite.startswith("bic") else activite
    return p(_R + f"micro_part_complementaire.{key}")
