"""Assurance chômage: the ARE of the convention of 15 November 2024 as in force
in 2026, the ARCE, the maintien of the ARE beside a new business, the ATI.

Small functions of dated parameters (``calculators/data/chomage.toml``, read
through :class:`calculators.core.parametres.At`) and amounts; sources and
worked examples in ../shared/reference/protection-2026.md § 2.

- reference salary (SR): gross pay of the reference period (24 months, 36 from
  ``periode_reference.age_senior``), capped at ``salaire_reference.plafond_pmss``
  PMSS a month; the rupture indemnities, the indemnité compensatrice de congés
  payés and the précarité indemnity are excluded (the caller passes pay only);
- SJR = SR ÷ the calendar days from the first day of employment in the period
  to its end (non-worked days capped, see ``sjr.*``), shown to the cent, kept
  unrounded in the formulas;
- AJ = max(40.4 % SJR + partie fixe, 57 % SJR), at least the minimum, at most
  75 % of the SJR; to the cent (the amount paid per day: a month is 30 × it);
- duration = (worked days + non-worked days capped at 70 % of them) × 0.75,
  rounded up to the day, between 182 days and the maximum for the age;
- dégressivité: AJ × 0.7 from the 183rd day under 55, not below the plancher;
- différés from the day after the end of the contract: spécifique (supra-legal
  indemnity ÷ divisor, capped), congés payés (ICCP ÷ SJR, capped), then the
  7 days of délai d'attente;
- net: 3 % of the SJR (not below the minimum AJ), CSG and CRDS on 98.25 % of
  the rest, none under the exemption threshold and never bringing the AJ under it.
"""

from __future__ import annotations

import datetime as _dt
import math

from ..core.arrondi import cents

# Parameters holding a rule the guide could not read in a primary text
# (`incertain` in chomage.toml): the calculators list them in « Règles incertaines ».
PARAMETRES_INCERTAINS = (
    "chomage.sjr.plafond_jours_non_travailles_au_diviseur",
    "chomage.sjr.portage_jours_suspension",
    "chomage.revalorisation.juillet_2026",
    "chomage.reforme_rupture_conventionnelle.en_vigueur",
    "chomage.differe_specifique.diviseur",
    "chomage.retenues.seuil_exoneration_heures",
)

def ajouter_mois(d: _dt.date, mois: int) -> _dt.date:
    """``d`` moved by ``mois`` months (negative: back), the day clipped to the month's end."""
    m = d.month - 1 + mois
    y, m = d.year + m // 12, m % 12 + 1
    last = (_dt.date(y + (m == 12), m % 12 + 1, 1) - _dt.timedelta(days=1)).day
    return _dt.date(y, m, min(d.day, last))


def debut_periode_reference(fin: _dt.date, mois: int) -> _dt.date:
    """First day of the reference period of ``mois`` months ending on ``fin``."""
    return ajouter_mois(fin, -mois) + _dt.timedelta(days=1)


def mois_periode_reference(p, age: float) -> int:
    """24 months, or 36 from the senior age at the end of the contract."""
    if age >= p("chomage.periode_reference.age_senior"):
        return int(p("chomage.periode_reference.mois_senior"))
    return int(p("chomage.periode_reference.mois"))


def plafond_salaire_reference_mensuel(p) -> float:
    """4 PMSS a month (16 020 € in 2026)."""
    return p("chomage.salaire_reference.plafond_pmss") * p("securite_sociale.plafond_mensuel")


def jours_non_travailles_retenus(p, jours_travailles: int, jours_non_travailles: int) -> float:
    """Non-worked days counted, at most 70 % of the worked days."""
    return min(jours_non_travailles, p("chomage.duree.plafond_jours_non_travailles") * jours_travailles)


def diviseur_sjr(p, jours_travailles: int, jours_non_travailles: int, portage_cdi: bool = False) -> float:
    """Calendar days dividing the reference salary (see the ``sjr.*`` parameters, unsure)."""
    if portage_cdi and p("chomage.sjr.portage_jours_suspension") == "calendaires":
        return jours_travailles + jours_non_travailles
    if p("chomage.sjr.plafond_jours_non_travailles_au_diviseur"):
        return jours_travailles + jours_non_travailles_retenus(p, jours_travailles, jours_non_travailles)
    return jours_travailles + jours_non_travailles


def sjr(salaire_reference: float, diviseur: float) -> float:
    """Salaire journalier de référence, unrounded: the allowance and the 3 % are computed on it and
    rounded to the cent themselves (the SJR is shown to the cent)."""
    return salaire_reference / diviseur


def _revalorise(p, montant: float) -> float:
    return montant * (1 + p("chomage.revalorisation.juillet_2026"))


def partie_fixe(p) -> float:
    return cents(_revalorise(p, p("chomage.allocation.partie_fixe")))


def allocation_minimale(p) -> float:
    return cents(_revalorise(p, p("chomage.allocation.minimum")))


def plancher_degressivite(p) -> float:
    return cents(_revalorise(p, p("chomage.degressivite.plancher")))


def allocation_journaliere(p, s: float) -> dict:
    """The gross daily allowance for an SJR ``s``, with the formula that gives it."""
    f1 = s * p("chomage.allocation.taux_partie_proportionnelle") + partie_fixe(p)
    f2 = s * p("chomage.allocation.taux_seconde_formule")
    formule = "partie_fixe" if f1 >= f2 else "proportionnelle"
    aj = max(f1, f2)
    minimum = allocation_minimale(p)
    if aj < minimum:
        aj, formule = minimum, "minimum"
    plafond = s * p("chomage.allocation.plafond_sjr")
    if aj > plafond:
        aj, formule = plafond, "plafond"
    return {"aj": cents(aj), "formule": formule, "formule_1": cents(f1), "formule_2": cents(f2),
            "minimum": minimum, "plafond": cents(plafond)}


def duree_maximum(p, age: float) -> int:
    if age >= p("chomage.duree.age_palier_2"):
        return int(p("chomage.duree.maximum_jours_palier_2"))
    if age >= p("chomage.duree.age_palier_1"):
        return int(p("chomage.duree.maximum_jours_palier_1"))
    return int(p("chomage.duree.maximum_jours"))


def duree_indemnisation(p, jours_travailles: int, jours_non_travailles: int, age: float) -> dict:
    """Days of rights: (worked + capped non-worked days) × coefficient, rounded up, within the bounds."""
    retenus = jours_non_travailles_retenus(p, jours_travailles, jours_non_travailles)
    brute = (jours_travailles + retenus) * p("chomage.duree.coefficient")
    jours = math.ceil(round(brute, 6))
    minimum, maximum = int(p("chomage.duree.minimum_jours")), duree_maximum(p, age)
    borne = None
    if jours < minimum:
        jours, borne = minimum, "minimum"
    if jours > maximum:
        jours, borne = maximum, "maximum"
    return {"jours": jours, "jours_non_travailles_retenus": retenus, "avant_bornes": brute,
            "minimum": minimum, "maximum": maximum, "borne": borne}


def degressivite(p, aj: float, age: float) -> dict:
    """The reduced AJ from the 183rd day, or why it does not apply."""
    plancher = plancher_degressivite(p)
    jour = int(p("chomage.degressivite.jour"))
    if age >= p("chomage.degressivite.age_exemption"):
        return {"applique": False, "raison": "age", "aj": aj, "jour": jour, "plancher": plancher}
    if aj <= plancher:
        return {"applique": False, "raison": "montant", "aj": aj, "jour": jour, "plancher": plancher}
    return {"applique": True, "raison": "", "aj": max(cents(aj * p("chomage.degressivite.coefficient")), plancher),
            "jour": jour, "plancher": plancher}


def differe_specifique(p, indemnite_supra_legale: float, economique: bool = False) -> dict:
    """Days of différé spécifique: the supra-legal indemnity ÷ the divisor, rounded down, capped."""
    brut = max(indemnite_supra_legale, 0.0) / p("chomage.differe_specifique.diviseur")
    maximum = int(p("chomage.differe_specifique.maximum_jours_economique" if economique
                    else "chomage.differe_specifique.maximum_jours"))
    return {"jours": min(math.floor(round(brut, 6)), maximum), "avant_plafond": brut, "maximum": maximum}


def differe_conges_payes(p, iccp: float, s: float) -> dict:
    """Days of différé congés payés: the ICCP ÷ SJR, rounded down, capped."""
    brut = max(iccp, 0.0) / s if s > 0 else 0.0
    maximum = int(p("chomage.differe_conges_payes.maximum_jours"))
    return {"jours": min(math.floor(round(brut, 6)), maximum), "avant_plafond": brut, "maximum": maximum}


def premier_jour_indemnise(p, fin_contrat: _dt.date, jours_specifique: int, jours_cp: int) -> _dt.date:
    """The day after the end, then the différés, then the délai d'attente: the first paid day."""
    attente = int(p("chomage.delai_attente.jours"))
    return fin_contrat + _dt.timedelta(days=1 + jours_specifique + jours_cp + attente)


def seuil_exoneration_csg(p) -> float:
    """SMIC horaire × 5 hours (35 h ÷ 7 days), rounded up to the euro (unsure, see the parameter)."""
    return float(math.ceil(round(p("smic.horaire") * p("chomage.retenues.seuil_exoneration_heures"), 6)))


def retenues(p, aj: float, s: float) -> dict:
    """Deductions from one day's gross allowance ``aj`` for an SJR ``s``, and the net."""
    minimum = allocation_minimale(p)
    retraite = min(cents(s * p("chomage.retenues.retraite_complementaire")), max(cents(aj - minimum), 0.0))
    seuil = seuil_exoneration_csg(p)
    base = (aj - retraite) * p("chomage.retenues.assiette_csg")
    if aj < seuil:
        csg = crds = 0.0
        exoneration = "totale"
    else:
        csg = cents(base * p("chomage.retenues.csg"))
        crds = cents(base * p("chomage.retenues.crds"))
        exoneration = ""
        marge = cents(aj - seuil)
        if csg + crds > marge:  # they never bring the allowance under the threshold
            csg = min(csg, marge)
            crds = cents(marge - csg)
            exoneration = "partielle"
    return {"retraite_complementaire": retraite, "assiette_csg": cents(base), "csg": csg, "crds": crds,
            "seuil_exoneration": seuil, "exoneration": exoneration,
            "net": cents(aj - retraite - csg - crds)}


def droits_restants(aj: float, aj_degressive: float | None, jour_degressivite: int,
                    duree: int, jours_consommes: int) -> float:
    """Euros of rights left after ``jours_consommes`` paid days (the reduced AJ after the dégressivité day)."""
    restants = max(duree - jours_consommes, 0)
    if aj_degressive is None:
        return cents(aj * restants)
    pleins = max(min(jour_degressivite - 1, duree) - jours_consommes, 0)
    pleins = min(pleins, restants)
    return cents(aj * pleins + aj_degressive * (restants - pleins))


def arce(p, droits: float) -> dict:
    """ARCE: 60 % of the rights left, less 3 % for the retraite complémentaire, in instalments."""
    brut = cents(droits * p("chomage.arce.part_droits_restants"))
    net = cents(brut * (1 - p("chomage.arce.retenue_retraite_complementaire")))
    n = int(p("chomage.arce.nombre_versements"))
    return {"brut": brut, "retenue": cents(brut - net), "net": net, "versements": n,
            "versement": cents(net / n), "delai_mois": int(p("chomage.arce.delai_second_versement"))}


def plafond_maintien(p, droits: float) -> float:
    """Maintained ARE beside a non-salaried activity: at most 60 % of the rights left."""
    return cents(droits * p("chomage.maintien_are.plafond_droits_restants"))


def indemnite_legale_licenciement(p, salaire_reference: float, anciennete_annees: float) -> float:
    """R1234-2: 1/4 month per year up to 10 years, 1/3 beyond (0 under the minimum seniority)."""
    if anciennete_annees * 12 < p("chomage.rupture.anciennete_minimum_mois") - 1e-9:
        return 0.0
    seuil = p("chomage.rupture.indemnite_legale_seuil_ans")
    f = p("chomage.rupture.indemnite_legale_fraction_au_dela")
    au_dela = f["numerateur"] / f["denominateur"]
    return cents(salaire_reference * (p("chomage.rupture.indemnite_legale_fraction") * min(anciennete_annees, seuil)
                                      + au_dela * max(anciennete_annees - seuil, 0.0)))
