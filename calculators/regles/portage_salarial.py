"""Portage salarial (CCN IDCC 3219): from the turnover of a mission to the
salary, through the management fee, the financial reserve (CDI) or the
end-of-contract indemnity (CDD), the paid leave and the conventional minima.

- :func:`fee_schedule`, :func:`management_fee`, :func:`turnover_for_fee_base`: the fee;
- :class:`Salaire` (:data:`SALAIRE`): the salaried rules for the chain's searches;
- :class:`Rates`, :class:`Costing`, :func:`solve_base`, :func:`evaluate`: the
  budget -> gross chain;
- :func:`minimum_floors`: the two floors of CCN art. 21.3.
"""

from __future__ import annotations

from ..core.arrondi import cents
from ..core.inversion import plus_petit_x
from ..core.parametres import At
from ..core.schema import InputError
from . import cotisations_salariales

ECHELONS = (
    ("premier_niveau", "Premier niveau"),
    ("junior", "Junior"),
    ("senior", "Senior"),
    ("expert", "Expert"),
)
RESERVE_BASES = ("salaire_base", "salaire_brut", "minimum_conventionnel")
CONGES_PAYES = (
    ("mensualises", "10 % chaque mois (pratique courante)"),
    ("a_la_prise", "À chaque jour de congé pris (selon le texte)"),
)



_FEE_TIERS = (("frais_gestion_seuil_1", "frais_gestion_2"), ("frais_gestion_seuil_2", "frais_gestion_3"))



# ---------------------------------------------------------------------------
# Management fee
# ---------------------------------------------------------------------------

def fee_schedule(values: dict) -> list[tuple[float | None, float]]:
    """[(upper bound of annual turnover or None, rate), ...] from the inputs."""
    tiers = [[None, values["frais_gestion"]]]
    for seuil_key, taux_key in _FEE_TIERS:
        if values.get(seuil_key) is not None:
            tiers[-1][0] = values[seuil_key]
            tiers.append([None, values[taux_key]])
    return [tuple(t) for t in tiers]


def management_fee(ca_mensuel: float, values: dict) -> tuple[float, list[dict]]:
    """(monthly fee in €, detail lines).  A schedule applies to the annual turnover
    (monthly × 12, steady activity), then the fee is brought back to the month."""
    tiers = fee_schedule(values)
    ca_annuel = ca_mensuel * 12
    detail = []
    if len(tiers) == 1:
        fee = ca_mensuel * tiers[0][1]
        detail.append({"tranche": None, "taux": tiers[0][1], "assiette": cents(ca_mensuel), "montant": cents(fee)})
    elif values.get("frais_gestion_mode") == "global":
        rate = tiers[-1][1]
        for upper, r in tiers:
            if upper is None or ca_annuel <= upper:
                rate = r
                break
        fee = ca_mensuel * rate
        detail.append({"tranche": "global", "taux": rate, "assiette": cents(ca_mensuel), "montant": cents(fee)})
    else:
        fee_annual = 0.0
        lower = 0.0
        for upper, r in tiers:
            top = ca_annuel if upper is None else min(ca_annuel, upper)
            part = max(0.0, top - lower)
            fee_annual += part * r
            detail.append({"tranche": [lower, upper], "taux": r, "assiette": cents(part / 12),
                           "montant": cents(part * r / 12)})
            if upper is None or ca_annuel <= upper:
                break
            lower = upper
        fee = fee_annual / 12
    plafond = values.get("frais_gestion_plafond")
    if plafond is not None and fee > plafond:
        fee = plafond
        detail.append({"tranche": "plafond", "taux": None, "assiette": None, "montant": cents(plafond)})
    return cents(fee), detail


def turnover_for_fee_base(net_of_fee: float, values: dict) -> float:
    """Inverse of ``x − management_fee(x)``: the monthly turnover whose amount left after
    the percentage fee equals ``net_of_fee`` (used by the TJM calculator).  The
    function is increasing whenever every rate is below one; solved by bisection
    on a piecewise-linear function, exact to a tenth of a cent before rounding."""
    def left(x):
        return x - management_fee(x, values)[0]
    x = plus_petit_x(left, net_of_fee, 0.0, max(1.0, net_of_fee))
    if x is None:
        raise InputError({"frais_gestion": "Avec ces frais de gestion, aucun chiffre d'affaires n'atteint ce revenu."})
    return x


# ---------------------------------------------------------------------------
# Salaried rules (the ``salarie`` calculator), through a thin adapter
# ---------------------------------------------------------------------------

def salarie_options(values: dict, contrat: str = "cdi", jours_forfait: float | None = None) -> dict:
    """The inputs passed to ``salarie`` besides the gross (same names there).

    The month's pay is always costed as a payslip without end-of-contract
    indemnity (``contrat="cdi"``); the CDD's indemnity is costed apart, with
    ``contrat="cdd"`` (see :class:`Salaire`).  ``jours_forfait``: the
    working time as ``salarie``'s forfait jours (days a year); without it, full time."""
    opts = {"cadre": values.get("cadre", True), "date": values["date"].isoformat(), "contrat": contrat}
    if jours_forfait is not None:
        opts["temps_travail"] = "forfait_jours"
        opts["jours_forfait"] = jours_forfait
    for key in ("effectif", "mutuelle_montant", "mutuelle_part_employeur", "taux_pas"):
        if values.get(key) is not None:
            opts[key] = values[key]
    return opts


class Salaire:
    """Thin adapter over the salaried rules (:mod:`calculators.regles.cotisations_salariales`).

    Uses its documented Python API (``valeurs``, ``calculer``,
    ``brut_depuis_cout_employeur``) and, inside the searches that need many
    evaluations, its ``Situation`` and ``montants`` (the amounts without the
    result's presentation, 0.03 ms instead of 0.2 ms).  Totals are rounded to the
    cent exactly as ``calculer`` rounds them, so the figures agree.
    """

    class Ctx:
        __slots__ = ("values", "situation")

        def __init__(self, opts: dict):
            self.values = cotisations_salariales.valeurs(**opts)
            self.situation = cotisations_salariales.Situation(self.values)

    def ctx(self, opts: dict) -> "Salaire.Ctx":
        return self.Ctx(opts)

    @staticmethod
    def amounts(brut: float, ctx) -> dict:
        m = cotisations_salariales.montants(brut, ctx.situation, False)
        net = cents(m["net"])
        return {"cout_employeur": cents(m["cout"]), "net_avant_impot": net,
                "net_imposable": cents(m["net_imposable"]), "net_apres_impot": cents(net - cents(m["pas"]))}

    def cost(self, brut: float, ctx) -> float:
        return self.amounts(brut, ctx)["cout_employeur"]

    @staticmethod
    def gross_for_cost(cout: float, ctx) -> float:
        """Unrounded gross whose unrounded employer cost is ``cout`` (a starting point)."""
        return cotisations_salariales.brut_depuis_cout_employeur(cout, ctx.values, exact=True)["salaire_brut"]

    @staticmethod
    def evaluate(brut: float, ctx) -> dict:
        """The full salaried result (lines, sources, hypotheses) for a gross."""
        return cotisations_salariales.calculer({**ctx.values, "salaire_brut": brut})


SALAIRE = Salaire()


def _jours_forfait_min() -> float:
    return next(f.minimum for f in cotisations_salariales.FIELDS if f.name == "jours_forfait")


# the smallest forfait ``salarie`` takes (days a year)
_JOURS_FORFAIT_MIN = _jours_forfait_min()


# ---------------------------------------------------------------------------
# Gross salary composition
# ---------------------------------------------------------------------------

class Rates:
    """The convention's rates at the simulation date, and the month's working time, read once."""

    def __init__(self, p: At, values: dict):
        self.iaa = p("portage.indemnite_apport_affaires")
        self.cp = p("portage.conges_payes")
        self.cp_jours_mois = p("portage.conges_payes_jours_par_mois")
        self.k = (1 + self.iaa) * (1 + self.cp)
        self.cdd = values.get("contrat") == "cdd"
        # CCN art. 28.3: in a CDD the indemnity follows the CDD's rule (paid at the end,
        # shown here as its monthly equivalent); the choice concerns a CDI only
        self.cp_a_la_prise = (not self.cdd) and values.get("conges_payes") == "a_la_prise"
        if self.cdd:
            # the same parameter as the salaried CDD (Code du travail L1243-8)
            self.reserve = p("salarie.cdd.indemnite_fin_contrat")
            self.reserve_base = "salaire_brut"
        else:
            self.reserve = p("portage.reserve_financiere.taux")
            self.reserve_base = p("portage.reserve_financiere.base")
            if self.reserve_base not in RESERVE_BASES:  # pragma: no cover - guarded by data tests
                raise ValueError(f"portage.reserve_financiere.base: {self.reserve_base!r}")
        # Working time: counted in days (compte rendu d'activité, CCN art. 20 and 26).
        # The month's days × 12 are the days a year of a forfait (smic.forfait_jours_plein
        # for a full one); the salaried rules prorate the SMIC of the réduction générale
        # and the PSS by it, capped at a full forfait (``salarie``'s forfait jours).
        self.forfait = p("smic.forfait_jours_plein")
        self.jours = values.get("jours") or 0
        self.jours_annuels = round(self.jours * 12, 9)
        self.jours_forfait = min(self.forfait, self.jours_annuels)
        self.echelon = values.get("echelon") or "junior"
        self.pss_reference = p("portage.pss_reference")
        # CCN art. 21.3: « Ce revenu brut minimal est défini en journée ou en demi-journée si
        # la durée du travail du salarié porté est exprimée en jours » — the daily amount is
        # the monthly one × 12 / the days of a full forfait, times the days billed.
        self.taux_minimum = p(f"portage.minimum.{self.echelon}")
        self.minimum_mensuel = cents(self.taux_minimum * self.pss_reference)
        self.minimum_journalier = self.minimum_mensuel * 12 / self.forfait
        self.minimum_du_mois = cents(self.minimum_journalier * self.jours)
        # second floor: the monthly minimum plus the réserve (or the CDD's indemnity)
        self.taux_minimum_total = p(f"portage.minimum_reserve_comprise.{self.echelon}")
        self.minimum_total_mensuel = cents(self.taux_minimum_total * self.pss_reference)
        self.minimum_total_du_mois = cents(self.minimum_total_mensuel * 12 / self.forfait * self.jours)

    def parts(self, base: float) -> dict:
        """The gross parts for a salaire de base, each rounded to the cent.

        ``remuneration_brute``: salaire de base + apport d'affaires + congés payés acquired
        in the month (what the conventional minimum includes, art. 21.3); ``salaire_brut``:
        what is paid this month — without the congés payés when they are paid as leave is
        taken (``conges_payes_differes``)."""
        base = cents(base)
        iaa = cents(base * self.iaa)
        cp = cents((base + iaa) * self.cp)
        remuneration = cents(base + iaa + cp)
        differes = cp if self.cp_a_la_prise else 0.0
        brut = cents(remuneration - differes)
        if self.reserve_base == "salaire_base":
            assiette = base
        elif self.reserve_base == "salaire_brut":
            assiette = remuneration
        else:
            assiette = self.minimum_du_mois
        reserve = cents(assiette * self.reserve)
        return {"salaire_base": base, "indemnite_apport_affaires": iaa, "conges_payes": cp,
                "conges_payes_differes": differes, "remuneration_brute": remuneration,
                "salaire_brut": brut, "reserve": reserve, "assiette_reserve": assiette,
                "brut_total": cents(remuneration + reserve)}

    def base_for_gross_total(self, g: float) -> float:
        """Approximate salaire de base whose gross total (pay + réserve) is ``g``."""
        if self.reserve_base == "salaire_base":
            return g / (self.k + self.reserve)
        if self.reserve_base == "salaire_brut":
            return g / (self.k * (1 + self.reserve))
        return (g - self.minimum_du_mois * self.reserve) / self.k


class Costing:
    """Employer cost and net of the month's pay and of the gross total (pay +
    congés payés not yet paid + réserve or indemnité de fin de contrat), through ``salarie``,
    with the month's working time (see :class:`Rates`).

    CDI: the gross total G = rémunération brute + réserve is costed as one payslip of a
    CDI.  CDD: ``salarie`` with ``contrat="cdd"`` on the salaire brut, which adds
    the indemnité de fin de contrat (L1243-8) to the base and the CPF-CDD
    contribution (L6331-6) — the URSSAF model's own CDD.  The month's pay alone is
    a payslip without that indemnity (``contrat="cdi"``: the employee's side is the
    same in a CDD; the CPF-CDD contribution thus falls in the provision's cost).
    """

    def __init__(self, values: dict, rates: Rates):
        if rates.jours_forfait < _JOURS_FORFAIT_MIN:
            raise InputError({"jours": "Indiquez au moins un douzième de journée facturée dans le mois : le temps de "
                                       "travail se compte en jours sur l'année (jours du mois × 12)."})
        self.rates = rates
        self.opts_pay = salarie_options(values, "cdi", rates.jours_forfait)
        self.ctx_pay = SALAIRE.ctx(self.opts_pay)
        self.ctx_total = SALAIRE.ctx(salarie_options(values, "cdd", rates.jours_forfait)) if rates.cdd else self.ctx_pay

    def total_amounts(self, parts: dict) -> dict:
        if self.rates.cdd:
            return SALAIRE.amounts(parts["salaire_brut"], self.ctx_total)
        return SALAIRE.amounts(parts["brut_total"], self.ctx_pay)

    def total_cost(self, parts: dict) -> float:
        return self.total_amounts(parts)["cout_employeur"]

    def base_guess(self, budget: float) -> float:
        g = SALAIRE.gross_for_cost(budget, self.ctx_total)
        return g / self.rates.k if self.rates.cdd else self.rates.base_for_gross_total(g)


def solve_base(budget: float, costing: Costing) -> dict:
    """The parts of the largest salaire de base (to the cent) whose gross total
    costs the employer at most ``budget``.  One exact inversion of the employer
    cost by ``salarie`` gives the starting point; the cent rounding of the parts
    and of the payslip is then settled by a few forward evaluations."""
    rates = costing.rates
    base = max(0.0, cents(costing.base_guess(budget)))
    parts = rates.parts(base)
    # The exact inversion ignores the rounding of the reduction's coefficient (4
    # decimals): below 3 SMIC the payslip cost may differ by a few tens of cents.
    # Secant steps on the payslip cost bring the base within a cent or two first.
    cost = costing.total_cost(parts)
    for _ in range(3):
        gap = budget - cost
        if abs(gap) < 0.05 or base <= 0:
            break
        b1 = cents(base + 1.0)
        slope = costing.total_cost(rates.parts(b1)) - cost
        slope = slope if slope > 0.5 else 1.5
        base = max(0.0, cents(base + gap / slope))
        parts = rates.parts(base)
        cost = costing.total_cost(parts)
    # The employer cost grows with the base, by steps where a rate changes at a threshold (the
    # reduced family-allowance rate ends at 3.5 SMIC: some 110 EUR in one cent).  A budget
    # that falls within such a step is met by no base: the answer is the last base below it.
    # From the start, steps of 1, 2, 4… cents find a base that costs too much and one that
    # does not, and halving the interval between them finds the last cent that fits: a few
    # evaluations where walking a cent at a time took up to 6 000 (2026-12).
    k = round(base * 100)
    fits = cost <= budget
    step = 1
    if fits:
        good, good_parts, bad = k, parts, None
        while bad is None:
            trial = rates.parts((k + step) / 100)
            if costing.total_cost(trial) > budget:
                bad = k + step
            else:
                good, good_parts = k + step, trial
                step *= 2
    else:
        bad, good, good_parts = k, None, None
        while good is None:
            low = max(0, k - step)
            trial = rates.parts(low / 100)
            if low == 0 or costing.total_cost(trial) <= budget:
                good, good_parts = low, trial
            else:
                bad = low
                step *= 2
        if good == 0 and costing.total_cost(good_parts) > budget:
            return good_parts  # nothing fits: the base is nil
    while bad - good > 1:
        mid = (good + bad) // 2
        trial = rates.parts(mid / 100)
        if costing.total_cost(trial) <= budget:
            good, good_parts = mid, trial
        else:
            bad = mid
    return good_parts


# ---------------------------------------------------------------------------
# The calculation
# ---------------------------------------------------------------------------

def evaluate(values: dict, p: At | None = None) -> dict:
    """Figures of the portage chain (no presentation), for ``compute`` and ``tjm``."""
    p = p or At(values["date"])
    rates = Rates(p, values)
    ca = cents(values["tjm"] * values["jours"])
    fee_pct, fee_detail = management_fee(ca, values)
    fixes = cents(values.get("frais_fixes_mensuels") or 0)
    frais_gestion = cents(fee_pct + fixes)
    frais_pro = cents(values.get("frais_professionnels") or 0)
    budget = cents(ca - frais_gestion - frais_pro)
    if ca <= 0:
        key = "jours" if not values["jours"] else "tjm"
        raise InputError({key: "Sans chiffre d'affaires (TJM ou jours facturés à zéro), aucun salaire ne peut être versé."})
    if budget <= 0:
        raise InputError({"tjm": "Le chiffre d'affaires ne couvre pas les frais de gestion et les frais "
                                 "professionnels : aucun salaire ne peut être versé."})
    costing = Costing(values, rates)
    parts = solve_base(budget, costing)
    if parts["salaire_base"] <= 0:
        raise InputError({"tjm": "Le chiffre d'affaires est trop faible pour verser un salaire."})
    pay = SALAIRE.evaluate(parts["salaire_brut"], costing.ctx_pay)
    total = costing.total_amounts(parts)
    if parts["conges_payes_differes"]:
        # congés payés paid as leave is taken: funded by this month's budget, costed
        # like the réserve at the month's marginal rate, paid later
        with_cp = SALAIRE.amounts(parts["remuneration_brute"], costing.ctx_pay)
    else:
        with_cp = pay
    cout_conges = cents(with_cp["cout_employeur"] - pay["cout_employeur"])
    conges_nets = cents(with_cp["net_avant_impot"] - pay["net_avant_impot"])
    cout_reserve = cents(budget - with_cp["cout_employeur"])
    reserve_nette = cents(total["net_avant_impot"] - with_cp["net_avant_impot"])
    restitution = (pay["net_avant_impot"] + conges_nets + reserve_nette + frais_pro) / ca
    return {
        "rates": rates, "costing": costing, "pay": pay, "total": total, "parts": parts,
        "chiffre_affaires": ca, "frais_gestion_pourcentage": fee_pct, "frais_fixes": fixes,
        "montant_frais_gestion": frais_gestion, "frais_gestion_detail": fee_detail,
        "frais_professionnels": frais_pro, "budget": budget, "cout_reserve": cout_reserve,
        "reserve_nette": reserve_nette, "cout_conges_differes": cout_conges,
        "conges_payes_nets_differes": conges_nets, "taux_restitution": restitution,
    }


def minimum_floors(rates: Rates, parts: dict) -> dict:
    """The two floors of CCN art. 21.3 for the month, and what is missing (€/mois, 0 when met):
    the monthly minimum (salaire de base + apport d'affaires + congés payés, the
    rémunération brute) and the total with the réserve (or the CDD's indemnity)."""
    remuneration = parts["remuneration_brute"]
    total = cents(remuneration + parts["reserve"])
    return {
        "remuneration_brute": remuneration, "total_reserve_comprise": total,
        "minimum_conventionnel": rates.minimum_du_mois,
        "minimum_reserve_comprise": rates.minimum_total_du_mois,
        "manque_minimum_conventionnel": max(0.0, cents(rates.minimum_du_mois - remuneration)),
        "manque_minimum_reserve_comprise": max(0.0, cents(rates.minimum_total_du_mois - total)),
    }
