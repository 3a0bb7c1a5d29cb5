"""Portage salarial: from the consultant's daily rate to the pay, the réserve and the
taux de restitution.

The chain, per month (convention collective de branche des salariés en portage
salarial du 22 mars 2017, IDCC 3219, "CCN" below; Code du travail, "L"):

1. ``chiffre_affaires`` = ``tjm`` × ``jours`` (price of the service, HT, CCN art. 21.1).
2. ``montant_frais_gestion``: the portage firm's fee, a rate of the turnover, or a
   degressive schedule by *annual* turnover (the month's turnover × 12: the
   simulator assumes a steady activity), plus optional fixed monthly fees, with
   an optional monthly cap.  No text caps the fee; its calculation must be in the
   contract and its detail in the monthly compte d'activité (L1254-15, L1254-25).
3. ``frais_professionnels`` reimbursed on receipts (CCN art. 23): not salary, no
   contributions.
4. What is left is the *montant disponible* of CCN art. 21.2 ("prix de la
   prestation HT encaissée − frais de gestion"), here also net of the reimbursed
   expenses that art. 21.2 lists among its uses.  All of it is spent by the firm as
   employer: it is the ``cout_employeur`` of the month, **including what funds the
   réserve financière (CDI) or the indemnité de fin de contrat (CDD)**.  Those are
   salary paid later (CCN art. 21.3, 21.4, 22.2; L1243-8), with employer and employee
   contributions due when paid; their employer cost must therefore come out of the
   same budget as the month's pay.
5. The gross paid this month, ``salaire_brut``, is made of (CCN art. 21.2, 21.3, 28.3):
   - ``salaire_base``: the pay for the days reported;
   - ``indemnite_apport_affaires``: parameter ``portage.indemnite_apport_affaires``
     times the salaire de base (art. 21.2: the indemnity "portant sur la
     rémunération brute mensuelle"; L1254-9);
   - ``conges_payes``: ``portage.conges_payes`` (the tenth, art. 28.3 / L3141-24) of
     the gross made of salaire de base + apport d'affaires, acquired each month.  In a
     CDI, input ``conges_payes``: ``mensualises`` (default: what most firms do, paid
     with the month's pay) or ``a_la_prise`` (what art. 28.3 says since avenant n° 3,
     1 March 2021: paid for each day of leave taken; then it is left out of the
     month's ``salaire_brut``, funded by the month's budget and costed like the
     réserve, ``conges_payes_differes``).  In a CDD it is paid at the end of the
     contract: the monthly figure is its monthly equivalent, whatever the input.
6. On top, accrued on the compte d'activité and paid later:
   - CDI: ``reserve_financiere`` = ``portage.reserve_financiere.taux`` of the
     *salaire de base* (art. 21.3: "du salaire de base de la dernière mission"); the
     base is a parameter (``portage.reserve_financiere.base``) because some firms
     apply the rate to the conventional minimum instead;
   - CDD: ``indemnite_fin_contrat`` = ``salarie.cdd.indemnite_fin_contrat`` (the same
     parameter as the salaried CDD) of the total gross paid (L1243-8), paid with the
     last salary.  Simplification: the congés payés are not recomputed on
     the indemnité itself.
7. Budget equation.  The firm spends the whole budget on the gross G = salaire_brut +
   congés payés not yet paid + réserve, costed as **one payslip** with the salaried rules of ``salarie`` (same
   date, cadre status, headcount, and working time: the month's ``jours`` × 12 as
   ``salarie``'s forfait jours, at most a full one, ``smic.forfait_jours_plein``, so
   that the réduction générale compares the pay with the SMIC for the days worked and
   the PSS is prorated the same way): cout(G) = budget.  The réserve therefore bears the
   *marginal* contribution rate of the month, which is exactly the case of a CDD
   indemnity paid with the last salary, and a prudent estimate for a CDI réserve
   paid out as allocation de prospection.  Its employer cost is
   ``cout_reserve`` = budget − cout(salaire_brut) and its net value when paid is
   ``reserve_nette`` = net(G) − net(salaire_brut).
8. Contributions, ``net_avant_impot``, ``net_imposable`` and ``net_apres_impot`` come
   from ``salarie`` applied to ``salaire_brut``: a portage employee is an ordinary
   salaried employee for social security (the URSSAF model has no portage rule).
9. ``taux_restitution`` = (``net_avant_impot`` + ``reserve_nette`` +
   ``frais_professionnels``) / ``chiffre_affaires``: everything the consultant gets,
   before income tax (a personal matter), over what the client paid.
10. Conventional minimum (CCN art. 21.3, avenant n° 12): a monthly amount, the
    échelon's percentage of the frozen 2017 PSS, including salaire de base, apport
    d'affaires and congés payés (``remuneration_brute``); the réserve comes on top,
    and the total has its own floor (``portage.minimum_reserve_comprise``: 77 % in the
    2017 wording; avenant 12's figures from secondary sources).  Art. 21.3 defines it by
    the day when the working time is counted in days: the simulator takes
    minimum × 12 / ``smic.forfait_jours_plein`` per day (the days of a full forfait,
    art. 27.1.2 and L3121-64) times the days billed in the month, for both floors,
    and warns with the euros missing per month; when only the total misses, the
    alert gives both readings of avenant 12 (salary only, or réserve comprise).

All amounts are euros per month, rounded to the cent; ``annuel`` is twelve months of
the same activity.

Inputs of the fee.  ``frais_gestion`` is a single rate (a fraction of the turnover).
A degressive schedule is given by plain scalar fields, so that an HTML form, a URL
query string and the command line carry it without any parsing of a mini-language:
``frais_gestion_seuil_1`` (annual turnover where the first rate stops),
``frais_gestion_2``, then optionally ``frais_gestion_seuil_2`` and
``frais_gestion_3``; ``frais_gestion_mode`` says how the schedule applies: by
tranches (each rate on its slice of the annual turnover, like an income-tax
scale: the fee is continuous) or global (the rate of the slice reached applies to
the whole turnover, as some offers are written: the fee jumps at each threshold).
``frais_gestion_plafond`` caps the monthly fee; ``frais_fixes_mensuels`` adds a
fixed monthly amount.  Three slices cover the offers seen on the market.
"""

from __future__ import annotations

import math

from .core.arrondi import cents
from .core.dates import date_field, default_date
from .core.parametres import At, valeur
from .core.schema import Field, InputError

NAME = "portage"
TITLE = "Simulateur de portage salarial"
DESCRIPTION = (
    "Du taux journalier facturé au salaire net : frais de gestion, frais professionnels, "
    "coût employeur, salaire brut (base, indemnité d'apport d'affaires, congés payés), "
    "cotisations, réserve financière ou indemnité de fin de contrat, taux de restitution. "
    "Règles de la convention collective du portage salarial (IDCC 3219) et cotisations d'un salarié cadre."
)

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


def _default_frais_gestion():
    return valeur("portage.frais_gestion.defaut", default_date())


def _default_effectif():
    return valeur("portage.effectif_defaut", default_date())


_GROUP_MISSION = "Mission"
_GROUP_FRAIS = "Frais de gestion"
_GROUP_CONTRAT = "Contrat et situation"

FIELDS = (
    Field("tjm", "Taux journalier moyen (TJM) facturé, hors taxes", "number", unit="€/jour",
          minimum=0, maximum=100000, step=1, default=600, group=_GROUP_MISSION,
          help="Prix d'une journée de mission facturée au client, hors TVA."),
    Field("jours", "Jours facturés par mois", "number", unit="jours/mois",
          minimum=0, maximum=31, step=0.5, default=18, group=_GROUP_MISSION,
          help="Jours (ou demi-journées) déclarés dans le compte rendu d'activité du mois.",
          reference="Convention collective IDCC 3219, art. 20 et 26"),
    Field("frais_gestion", "Frais de gestion de l'entreprise de portage", "number", unit="taux",
          minimum=0, maximum=1, step=0.001, default=_default_frais_gestion, group=_GROUP_FRAIS,
          help="Part du chiffre d'affaires retenue par l'entreprise de portage. "
               "Avec un barème dégressif, c'est le taux de la première tranche.",
          reference="Code du travail, art. L1254-15 et L1254-25"),
    Field("frais_gestion_seuil_1", "Barème dégressif : fin de la 1re tranche", "number", unit="€/an",
          minimum=0, maximum=10_000_000, advanced=True, group=_GROUP_FRAIS,
          help="Chiffre d'affaires annuel au-delà duquel s'applique le 2e taux (laisser vide sans barème)."),
    Field("frais_gestion_2", "Barème dégressif : 2e taux", "number", unit="taux",
          minimum=0, maximum=1, step=0.001, advanced=True, group=_GROUP_FRAIS),
    Field("frais_gestion_seuil_2", "Barème dégressif : fin de la 2e tranche", "number", unit="€/an",
          minimum=0, maximum=10_000_000, advanced=True, group=_GROUP_FRAIS),
    Field("frais_gestion_3", "Barème dégressif : 3e taux", "number", unit="taux",
          minimum=0, maximum=1, step=0.001, advanced=True, group=_GROUP_FRAIS),
    Field("frais_gestion_mode", "Application du barème", "choice", default="tranches",
          choices=(("tranches", "Par tranches (chaque taux sur sa part du chiffre d'affaires)"),
                   ("global", "Global (le taux de la tranche atteinte s'applique à tout le chiffre d'affaires)")),
          advanced=True, group=_GROUP_FRAIS,
          help="Le contrat de portage précise le mode de calcul ; demandez-le."),
    Field("frais_gestion_plafond", "Plafond mensuel des frais de gestion", "number", unit="€/mois",
          minimum=0, maximum=1_000_000, advanced=True, group=_GROUP_FRAIS,
          help="Certaines offres plafonnent les frais de gestion (laisser vide sinon)."),
    Field("frais_fixes_mensuels", "Frais fixes mensuels de l'entreprise de portage", "number", unit="€/mois",
          minimum=0, maximum=100_000, default=0, advanced=True, group=_GROUP_FRAIS,
          help="Forfait mensuel éventuel (compte rendu d'activité, outils…), en plus du pourcentage."),
    Field("frais_professionnels", "Frais professionnels remboursés", "number", unit="€/mois",
          minimum=0, maximum=1_000_000, default=0, group=_GROUP_MISSION,
          help="Frais de mission remboursés sur justificatifs : ils sortent du budget sans cotisations.",
          reference="Convention collective IDCC 3219, art. 21.2 et 23"),
    Field("contrat", "Contrat de travail", "choice", default="cdi", group=_GROUP_CONTRAT,
          choices=(("cdi", "CDI"), ("cdd", "CDD")),
          reference="Code du travail, art. L1254-7 à L1254-13"),
    Field("cadre", "Statut cadre", "boolean", default=True, group=_GROUP_CONTRAT),
    Field("conges_payes", "Versement de l'indemnité de congés payés (CDI)", "choice", default="mensualises",
          choices=CONGES_PAYES, group=_GROUP_CONTRAT,
          help="La convention prévoit le paiement à chaque jour de congé pris ; la plupart des entreprises "
               "de portage versent 10 % chaque mois. En CDD, l'indemnité suit les règles du CDD.",
          reference="Convention collective IDCC 3219, art. 28.3 (avenant n° 3, depuis le 1er mars 2021)"),
    Field("echelon", "Échelon de classification", "choice", default="junior", group=_GROUP_CONTRAT,
          choices=ECHELONS,
          help="Classement conventionnel selon la complexité de la prestation ; il fixe la rémunération minimale.",
          reference="Convention collective IDCC 3219, art. 37 (avenant n° 12)"),
    Field("mutuelle_montant", "Complémentaire santé (cotisation totale)", "number", unit="€/mois",
          minimum=0, maximum=1000, advanced=True, group=_GROUP_CONTRAT,
          help="Laisser vide pour l'hypothèse du simulateur salarié."),
    Field("mutuelle_part_employeur", "Part employeur de la complémentaire santé", "number", unit="taux",
          minimum=0, maximum=1, advanced=True, group=_GROUP_CONTRAT),
    Field("effectif", "Effectif de l'entreprise de portage", "integer", unit="salariés",
          minimum=1, maximum=1_000_000, default=_default_effectif, advanced=True, group=_GROUP_CONTRAT,
          help="Salariés portés compris. Il change certaines contributions patronales (FNAL, formation, "
               "participation à l'effort de construction, réduction générale)."),
    Field("taux_pas", "Taux personnalisé de prélèvement à la source", "number", unit="taux",
          minimum=0, maximum=0.6, step=0.001, advanced=True, group=_GROUP_CONTRAT,
          help="Laisser vide pour appliquer la grille du taux neutre."),
    date_field(group=_GROUP_CONTRAT),
)

_FEE_TIERS = (("frais_gestion_seuil_1", "frais_gestion_2"), ("frais_gestion_seuil_2", "frais_gestion_3"))


def check(values: dict) -> dict:
    """Cross-field rules of the degressive schedule."""
    errors = {}
    s1, t2 = values.get("frais_gestion_seuil_1"), values.get("frais_gestion_2")
    s2, t3 = values.get("frais_gestion_seuil_2"), values.get("frais_gestion_3")
    if (s1 is None) != (t2 is None):
        key = "frais_gestion_2" if t2 is None else "frais_gestion_seuil_1"
        errors[key] = "Un barème dégressif demande à la fois le seuil de la 1re tranche et le 2e taux."
    if (s2 is None) != (t3 is None):
        key = "frais_gestion_3" if t3 is None else "frais_gestion_seuil_2"
        errors[key] = "La 3e tranche demande à la fois son seuil et son taux."
    if s2 is not None and s1 is None:
        errors["frais_gestion_seuil_2"] = "Renseignez d'abord la 1re tranche du barème."
    elif s2 is not None and s1 is not None and s2 <= s1:
        errors["frais_gestion_seuil_2"] = "Le seuil de la 2e tranche doit dépasser celui de la 1re."
    return errors


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
    lo, hi = 0.0, max(1.0, net_of_fee)
    while left(hi) < net_of_fee:
        hi *= 2
        if hi > 1e9:
            raise InputError({"frais_gestion": "Avec ces frais de gestion, aucun chiffre d'affaires n'atteint ce revenu."})
    for _ in range(200):
        mid = (lo + hi) / 2
        if left(mid) < net_of_fee:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-4:
            break
    return hi


# ---------------------------------------------------------------------------
# Salaried rules (the ``salarie`` calculator), through a thin adapter
# ---------------------------------------------------------------------------

def salarie_options(values: dict, contrat: str = "cdi", jours_forfait: float | None = None) -> dict:
    """The inputs passed to ``salarie`` besides the gross (same names there).

    The month's pay is always costed as a payslip without end-of-contract
    indemnity (``contrat="cdi"``); the CDD's indemnity is costed apart, with
    ``contrat="cdd"`` (see :class:`_SalarieAdapter`).  ``jours_forfait``: the
    working time as ``salarie``'s forfait jours (days a year); without it, full time."""
    opts = {"cadre": values.get("cadre", True), "date": values["date"].isoformat(), "contrat": contrat}
    if jours_forfait is not None:
        opts["temps_travail"] = "forfait_jours"
        opts["jours_forfait"] = jours_forfait
    for key in ("effectif", "mutuelle_montant", "mutuelle_part_employeur", "taux_pas"):
        if values.get(key) is not None:
            opts[key] = values[key]
    return opts


class _SalarieAdapter:
    """Thin adapter over the ``salarie`` calculator.

    Uses its documented Python API (``valeurs``, ``calculer``,
    ``brut_depuis_cout_employeur``) and, inside the searches that need many
    evaluations, its ``Situation`` and ``montants`` (the amounts without the
    result's presentation, 0.03 ms instead of 0.2 ms).  Totals are rounded to the
    cent exactly as ``calculer`` rounds them, so the figures agree.
    """

    class Ctx:
        __slots__ = ("values", "situation")

        def __init__(self, opts: dict):
            from . import salarie

            self.values = salarie.valeurs(**opts)
            self.situation = salarie.Situation(self.values)

    def ctx(self, opts: dict) -> "_SalarieAdapter.Ctx":
        return self.Ctx(opts)

    @staticmethod
    def amounts(brut: float, ctx) -> dict:
        from . import salarie

        m = salarie.montants(brut, ctx.situation, False)
        net = cents(m["net"])
        return {"cout_employeur": cents(m["cout"]), "net_avant_impot": net,
                "net_imposable": cents(m["net_imposable"]), "net_apres_impot": cents(net - cents(m["pas"]))}

    def cost(self, brut: float, ctx) -> float:
        return self.amounts(brut, ctx)["cout_employeur"]

    @staticmethod
    def gross_for_cost(cout: float, ctx) -> float:
        """Unrounded gross whose unrounded employer cost is ``cout`` (a starting point)."""
        from . import salarie

        return salarie.brut_depuis_cout_employeur(cout, ctx.values, exact=True)["salaire_brut"]

    @staticmethod
    def evaluate(brut: float, ctx) -> dict:
        """The full salaried result (lines, sources, hypotheses) for a gross."""
        from . import salarie

        return salarie.calculer({**ctx.values, "salaire_brut": brut})


_sal = _SalarieAdapter()


def _jours_forfait_min() -> float:
    from . import salarie

    return next(f.minimum for f in salarie.FIELDS if f.name == "jours_forfait")


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
        self.ctx_pay = _sal.ctx(self.opts_pay)
        self.ctx_total = _sal.ctx(salarie_options(values, "cdd", rates.jours_forfait)) if rates.cdd else self.ctx_pay

    def total_amounts(self, parts: dict) -> dict:
        if self.rates.cdd:
            return _sal.amounts(parts["salaire_brut"], self.ctx_total)
        return _sal.amounts(parts["brut_total"], self.ctx_pay)

    def total_cost(self, parts: dict) -> float:
        return self.total_amounts(parts)["cout_employeur"]

    def base_guess(self, budget: float) -> float:
        g = _sal.gross_for_cost(budget, self.ctx_total)
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
    if cost > budget:
        while base > 0:
            base = max(0.0, cents(base - 0.01))
            parts = rates.parts(base)
            if costing.total_cost(parts) <= budget:
                break
    else:
        while True:
            nxt = rates.parts(cents(base + 0.01))
            if costing.total_cost(nxt) > budget:
                break
            base, parts = nxt["salaire_base"], nxt
    return parts


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
    pay = _sal.evaluate(parts["salaire_brut"], costing.ctx_pay)
    total = costing.total_amounts(parts)
    if parts["conges_payes_differes"]:
        # congés payés paid as leave is taken: funded by this month's budget, costed
        # like the réserve at the month's marginal rate, paid later
        with_cp = _sal.amounts(parts["remuneration_brute"], costing.ctx_pay)
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


def _fmt_eur(x: float) -> str:
    s = f"{x:,.2f}".replace(",", "\u202f").replace(".", ",")
    return s.replace(",00", "") + " €"


def _fmt_num(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def _fmt_pct(x: float) -> str:
    s = f"{x * 100:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return s + " %"


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


def _minimum_alerts(values: dict, rates: Rates, parts: dict, echelon_label: str) -> list[dict]:
    f = minimum_floors(rates, parts)
    m1, m2 = f["manque_minimum_conventionnel"], f["manque_minimum_reserve_comprise"]
    if not (m1 or m2):
        return []
    jours = f"{_fmt_num(values['jours'])} jours facturés"
    reserve_nom = "l’indemnité de fin de contrat" if rates.cdd else "la réserve financière"
    pss = _fmt_eur(rates.pss_reference)
    floor1 = (f"{_fmt_eur(f['minimum_conventionnel'])} ({_fmt_pct(rates.taux_minimum)} du plafond de la sécurité "
              f"sociale de 2017, {pss}, soit {_fmt_eur(rates.minimum_mensuel)} par mois complet, ramené à la journée)")
    floor2 = (f"{_fmt_eur(f['minimum_reserve_comprise'])} ({_fmt_pct(rates.taux_minimum_total)} du même plafond, "
              "ramené à la journée)")
    rem = (f"La rémunération brute du mois (salaire de base, apport d’affaires et congés payés) est de "
           f"{_fmt_eur(f['remuneration_brute'])}")
    with_res = (f"avec {reserve_nom} ({_fmt_eur(parts['reserve'])}), le total est de "
                f"{_fmt_eur(f['total_reserve_comprise'])}")
    lecture = ("La rédaction de 2017 de l’art. 21.3 impose les deux planchers ; le texte de l’avenant n° 12, "
               "qui fixe les pourcentages actuels, n’a pas pu être lu : ")
    refus = ("L’entreprise de portage peut refuser la mission à ce tarif (convention collective, art. 18.1) : "
             "augmentez le TJM ou le nombre de jours.")
    if m1 and m2:
        msg = (f"{rem}, sous le minimum conventionnel de l’échelon {echelon_label.lower()} pour {jours} : "
               f"{floor1} ; il manque {_fmt_eur(m1)} par mois. Réserve comprise, le minimum n’est pas atteint non "
               f"plus : {with_res}, pour un minimum de {floor2} ; il manque {_fmt_eur(m2)} par mois. " + refus)
    elif m2:
        msg = (f"{rem} : elle atteint, lu comme un salaire seul, le minimum conventionnel de l’échelon "
               f"{echelon_label.lower()} pour {jours}, {floor1}. Mais {with_res}, sous le minimum réserve comprise de "
               f"{floor2} : il manque {_fmt_eur(m2)} par mois. " + lecture +
               "s’il retient le salaire seul, la mission le respecte ; s’il retient la réserve comprise, "
               "elle ne le respecte pas. " + refus)
    else:
        msg = (f"{rem}, sous le minimum conventionnel de l’échelon {echelon_label.lower()} pour {jours} lu comme "
               f"un salaire seul : {floor1} ; il manque {_fmt_eur(m1)} par mois. Réserve comprise, le minimum de "
               f"{floor2} est atteint ({with_res}). " + lecture +
               "s’il retient le salaire seul, la mission ne le respecte pas ; s’il retient la réserve "
               "comprise, elle le respecte. " + refus)
    return [{"niveau": "attention", "message": msg}]


def _conges_message(rates: Rates, parts: dict, pay: dict, costing: Costing) -> str:
    """What the way of paying the congés payés changes, month by month (CDI)."""
    cp = parts["conges_payes"]
    sans_cp = cents(parts["remuneration_brute"] - cp)
    if rates.cp_a_la_prise:
        net_prise, net_mens = pay["net_avant_impot"], _sal.amounts(parts["remuneration_brute"], costing.ctx_pay)["net_avant_impot"]
    else:
        net_mens, net_prise = pay["net_avant_impot"], _sal.amounts(sans_cp, costing.ctx_pay)["net_avant_impot"]
    par_jour = _fmt_eur(cents(cp / rates.cp_jours_mois))
    jours_cp = _fmt_num(rates.cp_jours_mois)
    texte = ("La convention collective (art. 28.3, rédaction de l’avenant n° 3 en vigueur depuis le 1er mars 2021) "
             "prévoit le versement de l’indemnité de congés payés pour chaque jour de congé pris. ")
    mens = (f"versée chaque mois (pratique de la plupart des entreprises), un mois travaillé sans congé paie "
            f"{_fmt_eur(parts['remuneration_brute'])} brut ({_fmt_eur(net_mens)} net avant impôt) et un mois de "
            "congés ne paie rien : l’indemnité a déjà été versée")
    prise = (f"versée à la prise (selon le texte), un mois travaillé sans congé paie {_fmt_eur(sans_cp)} brut "
             f"({_fmt_eur(net_prise)} net avant impôt) et met de côté {_fmt_eur(cp)} brut pour "
             f"{jours_cp} jours ouvrables de congés acquis ; un mois de congés paie alors l’indemnité acquise, "
             f"environ {par_jour} brut par jour ouvrable de congé (le dixième, ou le maintien de salaire s’il est "
             "plus favorable)")
    if rates.cp_a_la_prise:
        return (texte + f"Calcul selon le texte : {prise}. Avec l’indemnité {mens}. Sur l’année, le brut total "
                "est le même.")
    return (texte + f"Calcul selon la pratique courante : avec l’indemnité {mens}. Avec l’indemnité {prise}. "
            "Sur l’année, le brut total est le même.")


def compute(values: dict) -> dict:
    p = At(values["date"])
    ev = evaluate(values, p)
    rates, pay, parts = ev["rates"], ev["pay"], ev["parts"]
    cdd = rates.cdd
    ca = ev["chiffre_affaires"]
    reserve_code = "indemnite_fin_contrat" if cdd else "reserve_financiere"
    reserve_libelle = "Indemnité de fin de contrat (versée en fin de CDD)" if cdd else "Réserve financière (versée plus tard)"
    reserve_ref = p.ref("salarie.cdd.indemnite_fin_contrat") if cdd else p.ref("portage.reserve_financiere.taux")

    cot_pat = cents(pay["cout_employeur"] - parts["salaire_brut"])
    cot_sal = cents(parts["salaire_brut"] - pay["net_avant_impot"])
    impot = cents(pay["net_avant_impot"] - pay["net_apres_impot"])

    compte = [
        {"code": "chiffre_affaires", "libelle": "Chiffre d'affaires facturé (TJM × jours)", "montant": ca,
         "reference": "Convention collective IDCC 3219, art. 21.1"},
        {"code": "frais_gestion", "libelle": "Frais de gestion", "montant": -ev["frais_gestion_pourcentage"],
         "reference": "Code du travail, art. L1254-25 ; convention collective IDCC 3219, art. 21.2"},
    ]
    if ev["frais_fixes"]:
        compte.append({"code": "frais_fixes", "libelle": "Frais fixes mensuels", "montant": -ev["frais_fixes"],
                       "reference": "Contrat de portage"})
    if ev["frais_professionnels"]:
        compte.append({"code": "frais_professionnels", "libelle": "Frais professionnels remboursés",
                       "montant": -ev["frais_professionnels"],
                       "reference": "Convention collective IDCC 3219, art. 21.2 et 23"})
    compte += [
        {"code": "budget", "libelle": "Montant disponible = coût employeur total", "montant": ev["budget"],
         "reference": "Convention collective IDCC 3219, art. 21.2"},
        {"code": "cout_salaire", "libelle": "Coût employeur du salaire du mois", "montant": -pay["cout_employeur"],
         "reference": "Cotisations du salarié du secteur privé"},
    ]
    if parts["conges_payes_differes"]:
        compte.append({"code": "cout_conges_payes", "libelle": "Provision : congés payés acquis (versés pendant les "
                       "congés), cotisations comprises", "montant": -ev["cout_conges_differes"],
                       "reference": p.ref("portage.conges_payes")})
    compte += [
        {"code": "cout_" + reserve_code, "libelle": f"Provision : {reserve_libelle.lower()}, cotisations comprises",
         "montant": -ev["cout_reserve"], "reference": reserve_ref},
    ]
    composition = [
        {"code": "salaire_base", "libelle": "Salaire de base", "assiette": None, "taux": None,
         "montant": parts["salaire_base"], "reference": "Convention collective IDCC 3219, art. 21.2"},
        {"code": "indemnite_apport_affaires", "libelle": "Indemnité d'apport d'affaires",
         "assiette": parts["salaire_base"], "taux": rates.iaa, "montant": parts["indemnite_apport_affaires"],
         "reference": p.ref("portage.indemnite_apport_affaires")},
        {"code": "conges_payes", "libelle": "Indemnité de congés payés" + (
            " (équivalent mensuel, versée en fin de CDD)" if cdd else
            " acquise (versée pendant les congés, hors salaire du mois)" if rates.cp_a_la_prise else " (versée chaque mois)"),
         "assiette": cents(parts["salaire_base"] + parts["indemnite_apport_affaires"]), "taux": rates.cp,
         "montant": parts["conges_payes"], "reference": p.ref("portage.conges_payes")},
        {"code": "salaire_brut", "libelle": "Salaire brut du mois", "assiette": None, "taux": None,
         "montant": parts["salaire_brut"], "reference": ""},
        {"code": reserve_code, "libelle": reserve_libelle, "assiette": parts["assiette_reserve"],
         "taux": rates.reserve, "montant": parts["reserve"], "reference": reserve_ref},
    ]

    repartition = [
        {"code": "frais_gestion", "libelle": "Frais de gestion", "montant": ev["montant_frais_gestion"]},
        {"code": "frais_professionnels", "libelle": "Frais professionnels remboursés", "montant": ev["frais_professionnels"]},
        {"code": "cotisations_patronales", "libelle": "Cotisations patronales", "montant": cot_pat},
        {"code": "cotisations_salariales", "libelle": "Cotisations et contributions salariales", "montant": cot_sal},
        {"code": "impot", "libelle": "Prélèvement à la source", "montant": impot},
        {"code": "net_apres_impot", "libelle": "Salaire net après impôt", "montant": pay["net_apres_impot"]},
        {"code": reserve_code, "libelle": f"{reserve_libelle}, cotisations comprises", "montant": ev["cout_reserve"]},
    ]
    if parts["conges_payes_differes"]:
        repartition.append({"code": "conges_payes", "libelle": "Congés payés acquis (versés pendant les congés), "
                            "cotisations comprises", "montant": ev["cout_conges_differes"]})

    echelon = rates.echelon
    echelon_label = dict(ECHELONS)[echelon]
    alertes = []
    alertes += _minimum_alerts(values, rates, parts, echelon_label)
    plafond_usage = p("portage.frais_professionnels_plafond_usage")
    if ev["frais_professionnels"] > plafond_usage * ca:
        alertes.append({"niveau": "info", "message": (
            f"Les frais professionnels dépassent {_fmt_pct(plafond_usage)} du chiffre d'affaires : certaines "
            "entreprises de portage plafonnent ce montant (règle maison, non légale). Ils doivent être justifiés.")})
    if cdd:
        alertes.append({"niveau": "info", "message": (
            f"En CDD, l'indemnité de fin de contrat et les congés payés sont versés à la fin du contrat ; "
            f"un CDD de portage dure au plus {p('portage.cdd_duree_max_mois')} mois, renouvellements compris."
            + (" Le choix du versement des congés payés concerne le CDI : en CDD, la convention (art. 28.3) "
               "prévoit leur versement à la fin du contrat." if values.get("conges_payes") == "a_la_prise" else ""))})
    else:
        alertes.append({"niveau": "info", "message": _conges_message(rates, parts, pay, ev["costing"])})

    hypotheses = [
        "Le chiffre d'affaires est le TJM multiplié par les jours facturés du mois ; l'activité est supposée "
        "constante sur l'année (barème dégressif appliqué au chiffre d'affaires mensuel × 12).",
        "Tout le montant disponible (chiffre d'affaires − frais de gestion − frais professionnels) est dépensé "
        "en salaire et cotisations, y compris la " + ("provision de l'indemnité de fin de contrat" if cdd else "réserve financière") +
        ", chiffrée comme un complément de salaire du même mois (taux marginal des cotisations).",
        ("Le salaire brut du mois comprend le salaire de base et l’indemnité d’apport d’affaires "
         f"({_fmt_pct(rates.iaa)} du salaire de base) ; l’indemnité de congés payés ({_fmt_pct(rates.cp)}) est acquise "
         "chaque mois et versée pour chaque jour de congé pris (convention collective, art. 28.3), chiffrée comme "
         "un complément de salaire du même mois.") if rates.cp_a_la_prise else
        ("Le salaire brut comprend le salaire de base, l'indemnité d'apport d'affaires "
         f"({_fmt_pct(rates.iaa)} du salaire de base) et l'indemnité de congés payés ({_fmt_pct(rates.cp)})"
         + (", versée chaque mois (pratique courante ; la convention prévoit son versement à chaque jour de congé "
            "pris, art. 28.3)." if not cdd else ".")),
        ("L'indemnité de fin de contrat vaut " + _fmt_pct(rates.reserve) + " du salaire brut versé (art. L1243-8) ; "
         "les congés payés ne sont pas recalculés sur cette indemnité.") if cdd else
        ("La réserve financière vaut " + _fmt_pct(rates.reserve) + " " + {
            "salaire_base": "du salaire de base",
            "salaire_brut": "du salaire brut",
            "minimum_conventionnel": "du minimum conventionnel",
        }[rates.reserve_base] + " (convention collective, art. 21.3) ; elle finance l'allocation de prospection "
         f"(au plus {p('portage.reserve_financiere.allocation_prospection_mois')} mois, art. 22.2) ou est versée en fin de contrat."),
        f"Le minimum conventionnel ({_fmt_pct(p(f'portage.minimum.{echelon}'))} du plafond de la sécurité sociale "
        f"de 2017, {_fmt_eur(p('portage.pss_reference'))}) est ramené à la journée (art. 21.3) : "
        f"{_fmt_eur(rates.minimum_mensuel)} × 12 / {rates.forfait} jours, multiplié par les jours facturés, et comparé à "
        "la rémunération brute du mois, congés payés compris. Second plancher : avec la "
        + ("l’indemnité de fin de contrat" if cdd else "réserve financière").replace("la l’", "l’") +
        f", au moins {_fmt_pct(rates.taux_minimum_total)} du même plafond ({_fmt_eur(rates.minimum_total_mensuel)} par "
        "mois complet), ramené de même à la journée ; le texte de l’avenant n° 12 qui fixe ces pourcentages n’a pas "
        "été lu (sources secondaires).",
        "Taux de restitution = (net avant impôt + " + ("congés payés acquis nets + " if rates.cp_a_la_prise else "")
        + "réserve nette + frais remboursés) / chiffre d'affaires.",
        "Cotisations : celles d'un salarié " + ("cadre" if values.get("cadre", True) else "non cadre") +
        " du secteur privé (mêmes règles que le simulateur salarié), dans une entreprise de portage de "
        f"{values.get('effectif') or _default_effectif()} salariés, salariés portés compris.",
        "Temps de travail compté en jours (compte rendu d’activité, convention collective, art. 20 et 26) : "
        f"{_fmt_num(values['jours'])} jours dans le mois, soit l’équivalent d’un forfait de "
        f"{_fmt_num(rates.jours_annuels)} jours par an (jours du mois × 12) pour un forfait complet de "
        f"{rates.forfait} jours. Le SMIC de référence de la réduction générale et le plafond de la sécurité sociale "
        "suivent ce temps de travail, comme pour un salarié au forfait jours réduit"
        + (f" (au-delà de {_fmt_num(round(rates.forfait / 12, 2))} jours par mois, ceux d’un temps plein)."
           if rates.jours_annuels >= rates.forfait else
           f" ({_fmt_num(rates.jours_annuels)}/{rates.forfait})."),
    ] + [h for h in pay.get("hypotheses", []) if h]

    annuel = {k: cents(12 * v) for k, v in (
        ("chiffre_affaires", ca), ("montant_frais_gestion", ev["montant_frais_gestion"]),
        ("frais_professionnels", ev["frais_professionnels"]), ("cout_employeur", ev["budget"]),
        ("salaire_brut", parts["salaire_brut"]), ("net_avant_impot", pay["net_avant_impot"]),
        ("net_imposable", pay["net_imposable"]), ("net_apres_impot", pay["net_apres_impot"]),
        ("reserve_financiere", parts["reserve"]), ("reserve_nette", ev["reserve_nette"]),
        ("conges_payes_nets_differes", ev["conges_payes_nets_differes"]))}

    reserve_nom = "Indemnité de fin de contrat" if cdd else "Réserve financière"
    chiffres = [
        {"code": "chiffre_affaires", "libelle": "Chiffre d'affaires", "valeur": ca, "unite": "€/mois",
         "aide": f"TJM × jours facturés ({_fmt_eur(values['tjm'])} × {_fmt_num(values['jours'])})."},
        {"code": "montant_frais_gestion", "libelle": "Frais de gestion", "valeur": ev["montant_frais_gestion"],
         "unite": "€/mois", "aide": "Retenus par l'entreprise de portage."},
        {"code": "net_avant_impot", "libelle": "Salaire net avant impôt", "valeur": pay["net_avant_impot"],
         "unite": "€/mois", "aide": "Versé chaque mois."},
        {"code": "net_apres_impot", "libelle": "Salaire net après impôt", "valeur": pay["net_apres_impot"],
         "unite": "€/mois", "aide": "Après prélèvement à la source."},
        {"code": "reserve_nette", "libelle": f"{reserve_nom} (net, versé plus tard)", "valeur": ev["reserve_nette"],
         "unite": "€/mois", "aide": f"{_fmt_eur(parts['reserve'])} brut acquis chaque mois, versé "
                                   + ("avec le dernier salaire." if cdd else "en période sans mission ou en fin de contrat.")},
    ] + ([
        {"code": "conges_payes_nets_differes", "libelle": "Congés payés acquis (net, versés pendant les congés)",
         "valeur": ev["conges_payes_nets_differes"], "unite": "€/mois",
         "aide": f"{_fmt_eur(parts['conges_payes'])} brut acquis chaque mois travaillé "
                 f"({_fmt_num(rates.cp_jours_mois)} jours ouvrables de congés), versés pour chaque jour de congé pris."},
    ] if rates.cp_a_la_prise else []) + [
        {"code": "taux_restitution", "libelle": "Taux de restitution", "valeur": round(ev["taux_restitution"], 4),
         "unite": "taux", "aide": "Net avant impôt, réserve nette et frais remboursés, rapportés au chiffre d'affaires."},
        {"code": "salaire_brut", "libelle": "Salaire brut", "valeur": parts["salaire_brut"], "unite": "€/mois",
         "aide": f"Dont salaire de base {_fmt_eur(parts['salaire_base'])}, indemnité d'apport d'affaires "
                 f"{_fmt_eur(parts['indemnite_apport_affaires'])}"
                 + (f" ; congés payés acquis ({_fmt_eur(parts['conges_payes'])}) versés pendant les congés."
                    if rates.cp_a_la_prise else f", congés payés {_fmt_eur(parts['conges_payes'])}.")},
        {"code": "cout_employeur", "libelle": "Coût employeur total", "valeur": ev["budget"], "unite": "€/mois",
         "aide": f"Chiffre d'affaires moins frais de gestion et frais professionnels ; dont "
                 f"{_fmt_eur(ev['cout_reserve'])} pour la {reserve_nom.lower()} et ses cotisations."},
    ]

    return {
        "chiffre_affaires": ca,
        "montant_frais_gestion": ev["montant_frais_gestion"],
        "frais_professionnels": ev["frais_professionnels"],
        "cout_employeur": ev["budget"],
        "cout_employeur_salaire": pay["cout_employeur"],
        "salaire_brut": parts["salaire_brut"],
        "salaire_base": parts["salaire_base"],
        "indemnite_apport_affaires": parts["indemnite_apport_affaires"],
        "conges_payes": parts["conges_payes"],
        "reserve_financiere": parts["reserve"],
        "cout_reserve": ev["cout_reserve"],
        "reserve_nette": ev["reserve_nette"],
        "net_avant_impot": pay["net_avant_impot"],
        "net_imposable": pay["net_imposable"],
        "net_apres_impot": pay["net_apres_impot"],
        "taux_restitution": round(ev["taux_restitution"], 6),
        "reduction_generale": pay["reduction_generale"],
        **minimum_floors(rates, parts),
        "conges_payes_mode": "mensualises" if cdd else ("a_la_prise" if rates.cp_a_la_prise else "mensualises"),
        "conges_payes_differes": parts["conges_payes_differes"],
        "cout_conges_payes_differes": ev["cout_conges_differes"],
        "conges_payes_nets_differes": ev["conges_payes_nets_differes"],
        "jours_forfait_annuel": rates.jours_forfait,
        "chiffres_cles": chiffres,
        "compte_activite": compte,
        "composition_brut": composition,
        "frais_gestion_detail": ev["frais_gestion_detail"],
        "lignes": pay.get("lignes", []),
        "repartition": repartition,
        "annuel": annuel,
        "hypotheses": hypotheses,
        "alertes": alertes,
        "sources": _merge_sources(p.sources(), pay.get("sources", [])),
        "date": values["date"].isoformat(),
    }


def _merge_sources(a: list, b: list) -> list:
    seen = {s["parametre"] for s in a}
    return a + [s for s in b if s.get("parametre") not in seen]
