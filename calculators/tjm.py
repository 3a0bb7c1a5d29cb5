"""TJM: the daily rate to bill to reach a target income.

Two modes:

- ``objectif``: a target income (``objectif``, per ``periode`` month or year, as net
  before or after income tax, ``base``) gives the daily rate;
- ``salaire_actuel`` ("garder mon salaire"): a CDI gross annual salary
  (``salaire_brut_annuel``) is run through the salaried rules (``salarie``), and its
  monthly net becomes the target.

The status (``statut``) is portage salarial (``calculators.portage``),
micro-entreprise (``calculators.micro``, with its ``activite`` and
``versement_liberatoire``), EURL à l'IS (``calculators.eurl``, gérant majoritaire) or
SASU (``calculators.sasu``, président assimilé salarié).  Each status is computed by
its own calculator.  EURL and SASU follow the status comparator's convention
(``statuts.entrees``, reused here): the company spends the whole yearly
turnover (TJM × billable days of the year, to the cent) less the expenses
(``frais_professionnels`` × 12) on the manager's pay (``cout_total``, per year): no
profit, no corporate tax, no dividends; the EURL's activity is ``liberale`` for a BNC
``activite``, ``commerciale`` otherwise.

Billable days (``jours_facturables``) follow from editable assumptions, for the
calendar year ``annee``:

    days of the year − Saturdays and Sundays − public holidays falling on a weekday
    − paid leave (weeks × 5) − prospection − administration − training − sickness
    buffer = billable days per year;  / 12 = billable days per month.

Public holidays are the list of Code du travail art. L3133-1 (and L3134-13 for
Alsace-Moselle) read in ``calendrier.toml``; those tied to Easter are placed with the
Gregorian computus (``easter``).  Holidays falling during the paid leave are not
counted twice: the leave is counted in working days, taken outside public holidays.

Inversion (portage).  The monthly net is an increasing function of the salaire de
base; a bracketed secant (Illinois variant) on the salaried forward evaluation finds
the smallest salaire de base, to the cent, whose net reaches the target.  The chain is
then run forward and backwards exactly: gross parts and réserve → employer cost of
the gross total (``salarie``) = budget → turnover such that turnover − management fee
= budget + fixed fees + expenses (piecewise-linear, solved by bisection) → TJM =
turnover / billable days per month, rounded up to the cent.  The portage calculator is
then run at that TJM to show the result actually obtained (the net can exceed the
target by a few cents because the TJM is rounded up).

Inversion (EURL, SASU).  The net as a function of the TJM is the status's calculator
run on the comparator's inputs (each of them inverts ``cout_total`` itself).  It
increases except where it drops: the SASU net when the gross passes the monthly social
security ceiling (the CET then applies to the whole gross).  (The withholding-grid
regimes are still searched, harmlessly: the net after tax is the status comparator's,
the net less what the income adds to the household's tax at the barème, which has no
such drop; the tax rounded to the euro leaves a saw-tooth of a few cents.)

Net after tax (``base`` = ``net_apres_impot``): in every status, the status comparator's
method (``statuts.colonne``): the net before tax less what the activity's taxable
income adds to the household's yearly tax at the barème (``situation_famille``,
``parts``, ``autres_revenus``), ÷ 12; the first year's withholding is shown apart
(``prelevement_source``).  A bisection on whole cents of TJM (``dirigeant_tjm``),
bracketed by doubling, ends on two neighbouring cents: the upper one reaches the
target, the lower one does not; if the top of the previous regime (just before the
drop) already reaches the target, the bisection is run again below it.  (EURL lines
rounded to the euro leave a saw-tooth of a few cents of net: not searched.)  The target is compared in its own period: with ``periode`` = ``annee``
the yearly net (the calculator's yearly figure) must reach ``objectif``; otherwise the
monthly net (yearly ÷ 12, to the cent, as the comparator shows it) must reach the
monthly target.  A turnover too small for the calculator (below the minimum
contributions) counts as not reaching the target.
"""

from __future__ import annotations

import datetime as _dt
import math

from . import comparateur_statuts, micro, portage, statuts
from .core import format as fmt
from .core.arrondi import cents
from .core.dates import date_field, default_date
from .core.inversion import plus_petit_atteignant, premier_vrai, resoudre_croissante
from .core.parametres import At, fusion_sources, valeur
from .core.schema import Field, InputError, validate
from .regles import cotisations_salariales, portage_salarial
from .regles.calendrier import billable_days, easter, public_holidays  # noqa: F401  (tjm.easter… for the tests)

NAME = "tjm"
TITLE = "Calculateur de TJM"
DESCRIPTION = (
    "Le taux journalier moyen à facturer pour atteindre un revenu net (ou garder son salaire actuel), "
    "en portage salarial, en micro-entreprise, en EURL ou en SASU, avec le calcul détaillé des jours facturables de l'année : week-ends, jours fériés, congés, "
    "prospection, gestion, formation et marge pour maladie."
)

_G_OBJ = "Objectif"
_G_JOURS = "Jours facturables"
_G_PORTAGE = "Portage salarial"


def _param_default(name):
    return lambda: valeur(name, default_date())


_OBJECTIF_FIELDS = (
    Field("mode", "Ce que vous cherchez", "choice", default="objectif", group=_G_OBJ,
          choices=(("objectif", "Le TJM pour un revenu net visé"),
                   ("salaire_actuel", "Le TJM pour garder mon salaire actuel (CDI)"))),
    Field("objectif", "Revenu net visé", "number", unit="€", minimum=0, maximum=10_000_000,
          default=3500, group=_G_OBJ, help="Montant net, par mois ou par an selon la période choisie."),
    Field("periode", "Période du revenu visé", "choice", default="mois", group=_G_OBJ,
          choices=(("mois", "Par mois"), ("annee", "Par an"))),
    Field("base", "Revenu visé exprimé en", "choice", default="net_avant_impot", group=_G_OBJ,
          choices=(("net_avant_impot", "Net avant impôt"), ("net_apres_impot", "Net après impôt"))),
    Field("salaire_brut_annuel", "Salaire brut annuel actuel (CDI)", "number", unit="€/an",
          minimum=0, maximum=10_000_000, default=55000, group=_G_OBJ,
          help="Utilisé avec « garder mon salaire actuel » : le net de ce salaire devient l'objectif."),
    Field("statut", "Statut", "choice", default="portage", group=_G_OBJ,
          choices=(("portage", "Portage salarial"), ("micro", "Micro-entreprise"),
                   ("eurl", "EURL à l'IS (gérant majoritaire)"), ("sasu", "SASU (président)")),
          help="Chaque statut est calculé par son propre simulateur. En EURL et en SASU, la société consacre "
               "tout le chiffre d'affaires, moins les frais professionnels, à la rémunération du dirigeant "
               "(cotisations comprises) : ni bénéfice, ni dividendes, comme dans le comparateur de statuts."),
)

_JOURS_FIELDS = (
    Field("annee", "Année civile", "integer", minimum=2000, maximum=2100, group=_G_JOURS,
          help="Année des jours fériés ; par défaut celle de la date de simulation."),
    Field("semaines_conges", "Semaines de congés", "number", unit="semaines/an", minimum=0, maximum=52,
          step=0.5, default=_param_default("calendrier.conges_payes_semaines"), group=_G_JOURS,
          reference="Code du travail, art. L3141-3"),
    Field("jours_prospection", "Jours de prospection", "number", unit="jours/an", minimum=0, maximum=366,
          default=_param_default("calendrier.hypotheses.jours_prospection"), group=_G_JOURS),
    Field("jours_administratif", "Jours de gestion administrative", "number", unit="jours/an", minimum=0,
          maximum=366, default=_param_default("calendrier.hypotheses.jours_administratif"), group=_G_JOURS),
    Field("jours_formation", "Jours de formation", "number", unit="jours/an", minimum=0, maximum=366,
          default=_param_default("calendrier.hypotheses.jours_formation"), group=_G_JOURS),
    Field("jours_maladie", "Marge pour maladie et imprévus", "number", unit="jours/an", minimum=0,
          maximum=366, default=_param_default("calendrier.hypotheses.jours_maladie"), group=_G_JOURS),
    Field("alsace_moselle", "Alsace-Moselle (deux jours fériés de plus)", "boolean", default=False,
          advanced=True, group=_G_JOURS, reference="Code du travail, art. L3134-13"),
)

_PORTAGE_EXCLUDED = {"tjm", "jours", "date"}
# the expenses also feed the EURL and SASU budgets: said in the field's help
_OVERRIDES = {
    "frais_professionnels": {
        "label": "Frais professionnels",
        "help": "Par mois. Portage salarial : frais de mission remboursés sur justificatifs, ils sortent du budget "
                "sans cotisations. EURL et SASU : frais payés par la société, retirés du chiffre d'affaires avant "
                "la rémunération du dirigeant. Micro-entreprise : payés sur votre revenu (l'abattement forfaitaire en "
                "tient compte pour l'impôt, pas pour votre trésorerie) : le net visé s'entend après ces frais.",
    },
    "activite": {
        "help": "Micro-entreprise : l'activité déclarée. EURL : une activité libérale (BNC) donne une EURL "
                "libérale, les autres une EURL commerciale (seule la contribution à la formation "
                "professionnelle change).",
    },
}
_PORTAGE_FIELDS = tuple(
    Field(**{**{k: getattr(f, k) for k in f.__dataclass_fields__}, "group": _G_PORTAGE, **_OVERRIDES.get(f.name, {})})
    for f in portage.FIELDS if f.name not in _PORTAGE_EXCLUDED
)

_G_MICRO = "Micro-entreprise"
_MICRO_FIELDS = tuple(
    Field(**{**{k: getattr(f, k) for k in f.__dataclass_fields__}, "group": _G_MICRO, "advanced": True,
             **_OVERRIDES.get(f.name, {})})
    for f in micro.FIELDS if f.name in ("activite", "versement_liberatoire")
)

# the household of the income tax: the status comparator's own fields, so that a
# net after tax is the same in both (``statuts.colonne``)
_FOYER_FIELDS = tuple(f for f in comparateur_statuts.FIELDS if f.name in ("situation_famille", "parts", "autres_revenus"))

FIELDS = _OBJECTIF_FIELDS + _JOURS_FIELDS + _PORTAGE_FIELDS + _MICRO_FIELDS + _FOYER_FIELDS + (date_field(),)


def check(values: dict) -> dict:
    return {**portage.check(values), **statuts.erreurs_foyer(values)}


def net_foyer(code: str, r: dict, frais_m: float, values: dict, p: At, base: str) -> float:
    """The monthly net ``base`` of one status's result as the status comparator
    computes it: before tax, the calculator's net; after tax, that net less what
    the activity adds to the household's tax at the barème (``statuts.colonne``:
    situation_famille, parts, autres_revenus), not the withholding."""
    col = statuts.colonne(code, r, frais_m, values, p)
    return col[base]


def _nombre(x: float, decimals: int | None = None) -> str:
    """A number the French way (core.format): 17,5 ; 204 ; 17,00 with ``decimals``."""
    return fmt.nombre(x) if decimals is None else fmt.decimales(x, decimals)


def _net(pay: dict, base: str) -> float:
    return pay[base]


def portage_tjm(target: float, base: str, jours_mois: float, values: dict, p: At) -> dict:
    """The smallest TJM (to the cent) whose portage pay reaches ``target`` (monthly
    ``base`` net).  The smallest base salary reaching the target gives the smallest
    budget (the employer cost only jumps up), hence the smallest TJM; that base is
    searched across the drops of the net (CET above 1 PSS, brackets of the neutral
    withholding grid), as :func:`dirigeant_tjm` does for SASU and EURL."""
    rates = portage_salarial.Rates(p, {**values, "jours": jours_mois})
    costing = portage_salarial.Costing(values, rates)
    sal = portage_salarial.SALAIRE

    def net_of_base(b: float) -> float:
        m = sal.amounts(rates.parts(b)["salaire_brut"], costing.ctx_pay)
        return net_foyer("portage", m, 0.0, values, p, base) if base == "net_apres_impot" else m[base]

    # The net drops where the whole pay starts bearing a charge: the CET above
    # 1 PSS (its first rupture) and, for a net after tax, each bracket of the
    # neutral withholding grid (CGI art. 204 H).  Between drops it increases.
    cet_from = cotisations_salariales.ruptures(costing.ctx_pay.situation)[0]

    def regime(b: float) -> tuple:
        brut = rates.parts(b)["salaire_brut"]
        key = [brut > cet_from + 1e-9]
        if base == "net_apres_impot":
            m = sal.amounts(brut, costing.ctx_pay)
            pas = m["net_avant_impot"] - m["net_apres_impot"]
            key.insert(0, round(pas / m["net_imposable"], 3) if m["net_imposable"] > 0 else 0.0)
        return tuple(key)

    def reaches(c: int) -> bool:
        return net_of_base(c / 100) >= target

    # bracket: the net is between a quarter and all of the gross
    b = resoudre_croissante(net_of_base, target, 0.0, max(1.0, target / rates.k * 2))
    if b is None:
        raise InputError({"objectif": "Objectif hors d'atteinte avec ces hypothèses."})
    c = round(cents(b) * 100)
    # smallest base to the cent whose net reaches the target, within its regime
    while c > 0 and reaches(c - 1):
        c -= 1
    while not reaches(c):
        c += 1
    # and below a drop, if the top of a previous regime already reaches it
    c = plus_petit_atteignant(c, reaches, lambda k: regime(k / 100))
    b = c / 100
    parts = rates.parts(b)
    budget = costing.total_cost(parts)
    fixes = cents(values.get("frais_fixes_mensuels") or 0)
    frais_pro = cents(values.get("frais_professionnels") or 0)
    ca = portage_salarial.turnover_for_fee_base(budget + fixes + frais_pro, values)
    tjm_exact = ca / jours_mois
    tjm = math.ceil(tjm_exact * 100 - 1e-7) / 100

    def enough(t: float) -> bool:
        ca_t = cents(t * jours_mois)
        return ca_t - portage_salarial.management_fee(ca_t, values)[0] - fixes - frais_pro >= budget - 1e-9

    # the turnover is rounded to the cent like the portage calculator does: the
    # smallest TJM (to the cent) whose rounded turnover still pays the budget
    while tjm > 0.01 and enough(round(tjm - 0.01, 2)):
        tjm = round(tjm - 0.01, 2)
    while not enough(tjm):
        tjm = round(tjm + 0.01, 2)
    return {"tjm_exact": tjm_exact, "tjm": tjm, "salaire_base": b, "parts": parts, "budget": budget}


_MICRO_NET = {"net_avant_impot": "revenu_net", "net_apres_impot": "revenu_net_apres_impot"}


def _micro_inputs(values: dict, ca_an: float) -> dict:
    return {"chiffre_affaires": ca_an, "periode": "annee", "activite": values.get("activite") or "bnc_ssi",
            "versement_liberatoire": bool(values.get("versement_liberatoire")), "date": values["date"].isoformat()}


def micro_result(values: dict, ca_an: float) -> dict:
    """The micro-entreprise calculator for a yearly turnover, with the TJM inputs."""
    vals, errors = validate(micro.FIELDS, _micro_inputs(values, ca_an))
    if errors:
        raise InputError(errors)
    return micro.compute(vals)


def micro_tjm(target: float, base: str, jours_an: float, values: dict) -> dict:
    """The TJM whose micro-entreprise net (monthly ``base``) reaches ``target``.

    The micro net is a step function of the yearly turnover (rounded to the euro,
    each monthly contribution rounded to the euro), increasing except for drops of
    at most 12 € a year per rounded line: bisection on whole euros of turnover
    finds a turnover whose net reaches the target, then the TJM is that turnover /
    billable days, rounded up to the cent, and lowered cent by cent while the
    turnover it gives still reaches the target."""
    key = _MICRO_NET[base]
    p = At(values["date"])
    # the expenses come out of the micro-entrepreneur's own income (as in the
    # status comparator): the target is a net after them
    frais_m = cents(values.get("frais_professionnels") or 0.0)

    def net(ca_an: float) -> float:
        r = micro_result(values, ca_an)
        if base == "net_apres_impot":
            return net_foyer("micro", r, frais_m, values, p, base)
        return r["annuel"][key] / 12 - frais_m

    lo, hi = 0, max(1000, int((target + frais_m) * 12 * 2))
    while net(hi) < target:
        lo, hi = hi, hi * 2
        if hi > 1e9:
            raise InputError({"objectif": "Objectif hors d'atteinte avec ces hypothèses."})
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if net(mid) >= target:
            hi = mid
        else:
            lo = mid
    tjm_exact = hi / jours_an
    tjm = math.ceil(tjm_exact * 100 - 1e-7) / 100

    def enough(t: float) -> bool:
        return net(cents(t * jours_an)) >= target - 1e-9

    while tjm > 0.01 and enough(round(tjm - 0.01, 2)):
        tjm = round(tjm - 0.01, 2)
    while not enough(tjm):
        tjm = round(tjm + 0.01, 2)
    return {"tjm_exact": tjm_exact, "tjm": tjm, "chiffre_affaires_annuel": cents(tjm * jours_an)}


_DIRIGEANTS = {
    "sasu": {"libelle": "de la SASU", "dirigeant": "président", "titre": "SASU (président assimilé salarié)"},
    "eurl": {"libelle": "de l'EURL", "dirigeant": "gérant", "titre": "EURL à l'IS (gérant majoritaire, travailleur non salarié)"},
}
_TJM_MAX = 1_000_000  # €/jour: beyond, the target is out of reach


def dirigeant_entrees(statut: str, values: dict, ca_an: float, jours_an: float) -> dict:
    """The inputs of the ``statut`` calculator (``"sasu"`` or ``"eurl"``) for a yearly
    turnover ``ca_an``: the status comparator's own convention
    (:func:`statuts.entrees`), with the TJM calculator's expenses."""
    cv = {"tjm": 0.0, "chiffre_affaires_annuel": ca_an, "jours": jours_an / 12,
          "frais": values.get("frais_professionnels") or 0.0, "frais_gestion": values.get("frais_gestion") or 0.0,
          "activite": values.get("activite") or "bnc_ssi",
          "versement_liberatoire": bool(values.get("versement_liberatoire")), "date": values["date"]}
    return statuts.entrees(cv)[statut]


def dirigeant_resultat(statut: str, values: dict, tjm: float, jours_an: float) -> tuple[dict, dict]:
    """(inputs, run output) of the ``statut`` calculator at ``tjm``; the yearly turnover
    is TJM × billable days of the year, to the cent."""
    from . import run
    ins = dirigeant_entrees(statut, values, cents(tjm * jours_an), jours_an)
    return ins, run(statut, ins)


def dirigeant_net(statut: str, r: dict, base: str, annuel: bool, values: dict, p: At) -> float:
    """The net of a SASU or EURL result (yearly inputs): yearly, or monthly as the
    status comparator shows it (:func:`statuts.nets`); after tax, by the
    comparator's household method (:func:`net_foyer`)."""
    if base == "net_apres_impot":
        col = statuts.colonne(statut, r, 0.0, values, p)
        if annuel:
            return cents(r["annuel"]["net_avant_impot"] - col["annuel"]["impot_revenu"])
        return col["net_apres_impot"]
    if annuel:
        return r["annuel"][base]
    return statuts.nets("sasu", r, 0.0)[base]


def _regime(statut: str, r: dict, base: str, pss: float) -> tuple:
    """Where the net of a SASU or EURL result sits among the rules that make it drop
    as the TJM grows (it is increasing between them): the withholding rate of the
    neutral grid (CGI art. 204 H: one bracket up, the whole pay bears the higher
    rate) for a net after tax, and for the SASU a gross above the monthly ceiling
    (the CET then applies to the whole pay).  Non-decreasing in the TJM."""
    key = []
    if base == "net_apres_impot":
        key.append(r.get("taux_prelevement_source") or 0.0)
    if statut == "sasu":
        key.append(r["annuel"]["remuneration_brute"] > 12 * pss + 1e-9)
    return tuple(key)


def dirigeant_tjm(statut: str, target: float, base: str, annuel: bool, jours_an: float, values: dict) -> dict:
    """The smallest TJM, in whole cents, whose ``statut`` net (``base``, yearly when
    ``annuel`` else monthly) reaches ``target``.

    The net increases with the TJM except where it drops (:func:`_regime`).  A
    bisection on cents between a TJM that does not reach the target and one that does
    ends on a cent that reaches it while the cent below does not.  Then, if the net
    just before the start of that cent's regime (the top of the previous one, before
    the drop) already reaches the target, the bisection runs again below it; and so on
    until the regime before does not reach the target."""
    pss = valeur("securite_sociale.plafond_mensuel", values["date"])
    p = At(values["date"])
    seen: dict = {}

    def ev(c: int):
        if c not in seen:
            _ins, out = dirigeant_resultat(statut, values, c / 100, jours_an)
            if out["ok"]:
                r = out["result"]
                seen[c] = (dirigeant_net(statut, r, base, annuel, values, p), (1,) + _regime(statut, r, base, pss))
            else:
                seen[c] = (None, (0,))  # below the minimum contributions: before every regime
        return seen[c]

    def reaches(c: int) -> bool:
        n = ev(c)[0]
        return n is not None and n >= target - 1e-9

    lo = 0
    # a first guess: twice the target's yearly amount plus the expenses, over the days
    per_year = target if annuel else target * 12
    hi = max(100, math.ceil((per_year * 2 + (values.get("frais_professionnels") or 0) * 12) / jours_an * 100))
    while not reaches(hi):
        lo = hi
        hi *= 2
        if hi > _TJM_MAX * 100:
            raise InputError({"objectif": "Objectif hors d'atteinte avec ces hypothèses."})
    lo = 0
    if reaches(lo):  # a target of zero: excluded by compute
        return {"tjm": 0.0, "tjm_exact": 0.0}
    c = plus_petit_atteignant(premier_vrai(reaches, lo, hi), reaches, lambda k: ev(k)[1], lo)
    # between the two cents, the TJM where the net would meet the target (linear)
    n_hi, n_lo = ev(c)[0], ev(c - 1)[0]
    exact = c / 100
    if n_lo is not None and n_hi > n_lo:
        exact = (c - 1 + (target - n_lo) / (n_hi - n_lo)) / 100
    return {"tjm": c / 100, "tjm_exact": exact}


def _hypotheses_jours(days: dict) -> list:
    jf = days["jours_facturables"]
    feries_semaine = [h for h in days["jours_feries"] if h["en_semaine"]]
    detail = " − ".join(f"{_nombre(abs(e['jours']))} ({e['libelle'][0].lower() + e['libelle'][1:]})"
                        for e in days["etapes"][1:])
    return [
        f"Jours facturables {days['annee']} : {days['etapes'][0]['jours']} jours − {detail} = {_nombre(jf)} jours par an, "
        f"soit {_nombre(jf / 12, 2)} jours par mois.",
        "Jours fériés tombant en semaine : " + ", ".join(
            f"{h['libelle']} ({_dt.date.fromisoformat(h['date']).strftime('%d/%m')})" for h in feries_semaine) + ".",
    ]


def _lignes_jours(days: dict) -> list:
    """The days computation, step by step, for the result."""
    out = [{"code": e["code"], "libelle": e["libelle"], "jours": e["jours"]} for e in days["etapes"]]
    out.append({"code": "jours_facturables", "libelle": "Jours facturables", "jours": days["jours_facturables"]})
    return out


_AIDE_TJM_MOYEN = "Taux journalier moyen nécessaire, arrondi au centime supérieur."


def _chiffres_tjm(tjm: float, aide_tjm: str, jf: float) -> list:
    """The first two key figures of every status: the TJM and the billable days."""
    return [
        {"code": "tjm", "libelle": "TJM à facturer (hors taxes)", "valeur": tjm, "unite": "€/jour", "aide": aide_tjm},
        {"code": "jours_facturables", "libelle": "Jours facturables", "valeur": jf, "unite": "jours/an",
         "aide": f"Soit {_nombre(jf / 12, 2)} jours par mois."},
    ]


def _chiffres_objectif(code_objectif: str, target: float, base: str, obtenu: float, unite: str,
                       aide_obtenu: str = "") -> list:
    """The target net and the net reached at that TJM."""
    return [
        {"code": code_objectif, "libelle": "Revenu net visé", "valeur": target, "unite": unite, "aide": ""},
        {"code": base, "libelle": "Net obtenu à ce TJM", "valeur": obtenu, "unite": unite, "aide": aide_obtenu},
    ]


def _debut_resultat(inv: dict, days: dict, target_m: float) -> dict:
    """The first keys of every status's result (same order)."""
    jf = days["jours_facturables"]
    return {"tjm": inv["tjm"], "tjm_exact": round(inv["tjm_exact"], 6), "jours_facturables": jf,
            "jours_par_mois": round(jf / 12, 6), "objectif_mensuel": target_m}


def _calendrier(days: dict) -> dict:
    return {"annee": days["annee"], "jours": _lignes_jours(days), "jours_feries": days["jours_feries"]}


def _avec_salarie_reference(result: dict, reference_salarie: dict | None) -> dict:
    """The salaried reference the target came from, when there is one."""
    if reference_salarie is not None:
        result["salarie_reference"] = {k: reference_salarie[k] for k in (
            "salaire_brut", "cout_employeur", "net_avant_impot", "net_imposable", "net_apres_impot")}
    return result


def _compute_dirigeant(statut: str, values: dict, p: At, days: dict, target_m: float, base: str,
                       hypotheses_objectif: list, reference_salarie: dict | None) -> dict:
    """The TJM in EURL or SASU (same billable days, same target)."""
    jf = days["jours_facturables"]
    d = _DIRIGEANTS[statut]
    annuel = reference_salarie is None and values["periode"] == "annee"
    target = cents(values["objectif"]) if annuel else target_m
    inv = dirigeant_tjm(statut, target, base, annuel, jf, values)
    ins, out = dirigeant_resultat(statut, values, inv["tjm"], jf)
    r = out["result"]
    col = statuts.colonne(statut, r, 0.0, values, p)
    # the net after tax by the comparator's household method (the calculator's own
    # withholding is shown apart, ``prelevement_source``)
    a = {**r["annuel"], "net_apres_impot": cents(r["annuel"]["net_avant_impot"] - col["annuel"]["impot_revenu"])}
    m = {**statuts.nets(statut, r, 0.0), "net_apres_impot": col["net_apres_impot"]}
    frais_m = cents(values.get("frais_professionnels") or 0.0)
    ca_an = cents(inv["tjm"] * jf)
    avant = "avant" if base == "net_avant_impot" else "après"
    hypotheses = _hypotheses_jours(days) + hypotheses_objectif + [
        f"Statut : {d['titre']}. Chiffre d'affaires annuel = TJM × jours facturables de l'année ; la société "
        f"consacre tout ce chiffre d'affaires, moins les frais professionnels ({fmt.montant(frais_m)} par mois), "
        f"à la rémunération du {d['dirigeant']}, cotisations comprises : ni bénéfice, ni impôt sur les sociétés, "
        "ni dividendes (la même règle que le comparateur de statuts). Les frais de tenue de la société "
        "(comptable, banque) sont à inclure dans les frais.",
        f"Le net visé est la rémunération nette {avant} impôt du {d['dirigeant']}, "
        + ("sur l'année." if annuel else "par mois (montant annuel ÷ 12, arrondi au centime)."),
    ]
    if statut == "eurl":
        hypotheses.append("Activité de l'EURL : " + ("libérale non réglementée" if ins["activite"] == "liberale"
                                                      else "commerciale ou de services")
                          + ", d'après l'activité choisie ; elle ne change que la contribution à la formation "
                          "professionnelle.")
    hypotheses.append(f"Le TJM est le plus petit, au centime, qui atteint l'objectif ; le résultat "
                      f"{d['libelle']} à ce TJM est affiché tel quel.")
    hypotheses += r["hypotheses"]
    chiffres = _chiffres_tjm(inv["tjm"], "Le plus petit taux journalier, au centime, qui atteint le revenu visé.", jf)
    if annuel:
        chiffres += _chiffres_objectif("objectif", target, base, a[base], "€/an")
    else:
        chiffres += _chiffres_objectif("objectif_mensuel", target, base, m[base], "€/mois")
    chiffres += [
        {"code": "chiffre_affaires", "libelle": "Chiffre d'affaires", "valeur": cents(ca_an / 12), "unite": "€/mois",
         "aide": ""},
        {"code": "cout_total", "libelle": f"Rémunération du {d['dirigeant']}, cotisations comprises",
         "valeur": cents(a["cout_total"] / 12), "unite": "€/mois",
         "aide": "Chiffre d'affaires moins les frais professionnels."},
    ]
    detail_keys = ("cout_total", "cotisations", "net_avant_impot", "net_imposable", "impot_revenu", "net_apres_impot")
    if statut == "sasu":
        detail_keys = ("remuneration_brute",) + detail_keys
    result = {
        **_debut_resultat(inv, days, target_m),
        "statut": statut,
        "chiffre_affaires": cents(ca_an / 12),
        "frais_professionnels": frais_m,
        "cout_total": cents(a["cout_total"] / 12),
        "cotisations": cents(a["cotisations"] / 12),
        "net_avant_impot": m["net_avant_impot"],
        "impot_revenu": col["impot_revenu"],
        "net_apres_impot": m["net_apres_impot"],
        "prelevement_source": col["prelevement_source"],
        "chiffres_cles": chiffres,
        "calendrier": _calendrier(days),
        "lignes": r["lignes"],
        "repartition": r["repartition"],
        "annuel": {"chiffre_affaires": ca_an, "frais_professionnels": cents(frais_m * 12),
                   "cout_total": a["cout_total"], "cotisations": a["cotisations"],
                   "net_avant_impot": a["net_avant_impot"], "net_apres_impot": a["net_apres_impot"],
                   "jours_facturables": jf},
        statut: {"entrees": ins, **{k: r["annuel"][k] for k in detail_keys}},
        "hypotheses": hypotheses,
        "alertes": list(r["alertes"]),
        "sources": fusion_sources(p.sources(), r["sources"]),
        "periode": "mois",  # the period of the amounts (core/resultat.py)
        "date": values["date"].isoformat(),
    }
    if annuel:
        result["objectif"] = target
    return _avec_salarie_reference(result, reference_salarie)


def compute(values: dict) -> dict:
    """The result; an error of a calculator it calls (portage, micro, SASU, EURL)
    that names a field of that calculator is given to this calculator's own
    field (the target, or the current salary), with the other field's label."""
    try:
        return _compute(values)
    except InputError as exc:
        own = {f.name for f in FIELDS}
        if all(k in own or k == "_" for k in exc.errors):
            raise
        target = "salaire_brut_annuel" if values.get("mode") == "salaire_actuel" else "objectif"
        errors = {k: m for k, m in exc.errors.items() if k in own or k == "_"}
        for key, msg in exc.errors.items():
            if key in own or key == "_":
                continue
            label = _foreign_label(values.get("statut") or "portage", key)
            errors.setdefault(target, f"Objectif hors d'atteinte avec ces hypothèses : {label} : "
                                      f"{msg[:1].lower()}{msg[1:]}")
        raise InputError(errors) from None


def _foreign_label(statut: str, key: str) -> str:
    """« pour le simulateur de portage salarial, « Salaire brut » »: field ``key`` of the
    calculator behind ``statut``, named by its label."""
    from . import get
    names = [statut, "salarie"] if statut == "portage" else [statut]
    label = next((f.label for name in names for f in get(name).FIELDS if f.name == key), key.replace("_", " "))
    title = get(statut).TITLE
    return f"pour le {title[:1].lower()}{title[1:]}, « {label} »"


def _compute(values: dict) -> dict:
    p = At(values["date"])
    days = billable_days(values, p)
    jf = days["jours_facturables"]
    if jf <= 0:
        raise InputError({"jours_prospection": "Avec ces hypothèses, il ne reste aucun jour facturable dans l'année."})
    jours_mois = jf / 12
    base = values["base"]
    alertes = []
    hypotheses = []
    reference_salarie = None
    if values["mode"] == "salaire_actuel":
        brut_annuel = values["salaire_brut_annuel"] or 0
        if brut_annuel <= 0:
            raise InputError({"salaire_brut_annuel": "Indiquez votre salaire brut annuel actuel."})
        # the current employer: the salaried defaults, not the portage firm's headcount
        current = {k: v for k, v in values.items() if k != "effectif"}
        ctx = portage_salarial.SALAIRE.ctx(portage_salarial.salarie_options(current, "cdi"))
        reference_salarie = portage_salarial.SALAIRE.evaluate(cents(brut_annuel / 12), ctx)
        # after tax: the CDI's net less its tax at the household's barème (the comparator's method)
        reference_salarie = {**reference_salarie,
                             "net_apres_impot": statuts.colonne("cdi", reference_salarie, 0.0, values, p)["net_apres_impot"]}
        target = reference_salarie[base]
        hypotheses.append(
            f"Objectif : le net {'avant' if base == 'net_avant_impot' else 'après'} impôt d'un salarié en CDI "
            f"payé {fmt.montant(brut_annuel)} brut par an ({fmt.montant(cents(brut_annuel / 12))} par mois), "
            "avec les mêmes règles de cotisations.")
    else:
        objectif = values["objectif"] or 0
        if objectif <= 0:
            raise InputError({"objectif": "Indiquez un revenu net visé supérieur à zéro."})
        target = cents(objectif / 12) if values["periode"] == "annee" else cents(objectif)
    if target <= 0:
        raise InputError({"objectif": "Le revenu visé doit être supérieur à zéro."})

    if values.get("statut") == "micro":
        return _compute_micro(values, p, days, target, base, hypotheses, reference_salarie)
    if values.get("statut") in _DIRIGEANTS:
        return _compute_dirigeant(values["statut"], values, p, days, target, base, hypotheses, reference_salarie)
    inv = portage_tjm(target, base, jours_mois, values, p)
    pv = {**values, "tjm": inv["tjm"], "jours": jours_mois}
    pres = portage.compute(pv)
    col = statuts.colonne("portage", pres, 0.0, values, p)
    # the net after tax by the comparator's household method; the withholding apart
    pres = {**pres, "net_apres_impot": col["net_apres_impot"]}
    obtenu = pres[base]

    hypotheses = _hypotheses_jours(days) + hypotheses + [
        f"Statut : portage salarial, {'CDD' if values.get('contrat') == 'cdd' else 'CDI'}, frais de gestion "
        f"{fmt.pourcent(values['frais_gestion'])}" + (" (barème dégressif)" if values.get("frais_gestion_seuil_1") is not None else "") + ".",
        "Le TJM est arrondi au centime supérieur ; le résultat du portage à ce TJM est affiché tel quel.",
    ] + pres["hypotheses"]
    alertes = list(pres["alertes"])
    forfait = p("smic.forfait_jours_plein")
    maximum = p("portage.forfait_jours_maximum")
    if jf > maximum:
        alertes.append({"niveau": "attention", "message": (
            f"{_nombre(jf)} jours facturables dépassent le maximum de {maximum} jours travaillés par an "
            "de la convention collective du portage salarial (art. 27.1.3) : ajoutez des congés ou des "
            "jours non facturés.")})
    elif jf > forfait:
        alertes.append({"niveau": "info", "message": (
            f"{_nombre(jf)} jours facturables dépassent le forfait annuel de {forfait} jours : les jours "
            "au-delà demandent un avenant annuel avec une majoration de salaire (convention collective, art. 27.1.2).")})

    chiffres = _chiffres_tjm(inv["tjm"], _AIDE_TJM_MOYEN, jf) + _chiffres_objectif(
        "objectif_mensuel", target, base, obtenu, "€/mois") + [
        {"code": "chiffre_affaires", "libelle": "Chiffre d'affaires", "valeur": pres["chiffre_affaires"],
         "unite": "€/mois", "aide": ""},
    ]
    result = {
        **_debut_resultat(inv, days, target),
        "chiffre_affaires": pres["chiffre_affaires"],
        "montant_frais_gestion": pres["montant_frais_gestion"],
        "salaire_brut": pres["salaire_brut"],
        "cout_employeur": pres["cout_employeur"],
        "net_avant_impot": pres["net_avant_impot"],
        "net_imposable": pres["net_imposable"],
        "impot_revenu": col["impot_revenu"],
        "net_apres_impot": pres["net_apres_impot"],
        "prelevement_source": col["prelevement_source"],
        "reserve_financiere": pres["reserve_financiere"],
        "taux_restitution": pres["taux_restitution"],
        "chiffres_cles": chiffres,
        "calendrier": _calendrier(days),
        "lignes": pres["lignes"],
        "repartition": pres["repartition"],
        "annuel": {"chiffre_affaires": cents(pres["chiffre_affaires"] * 12),
                   "net_avant_impot": cents(pres["net_avant_impot"] * 12),
                   "net_apres_impot": cents(pres["net_apres_impot"] * 12),
                   "jours_facturables": jf},
        "portage": {k: pres[k] for k in ("chiffre_affaires", "montant_frais_gestion", "cout_employeur", "salaire_brut",
                                         "net_avant_impot", "net_apres_impot", "reserve_financiere", "reserve_nette",
                                         "taux_restitution")},
        "hypotheses": hypotheses,
        "alertes": alertes,
        "sources": fusion_sources(p.sources(), pres["sources"]),
        "periode": "mois",  # the period of the amounts (core/resultat.py)
        "date": values["date"].isoformat(),
    }
    return _avec_salarie_reference(result, reference_salarie)


def _compute_micro(values: dict, p: At, days: dict, target: float, base: str, hypotheses_objectif: list,
                   reference_salarie: dict | None) -> dict:
    """The TJM in micro-entreprise (same billable days, same target)."""
    jf = days["jours_facturables"]
    inv = micro_tjm(target, base, jf, values)
    mres = micro_result(values, inv["chiffre_affaires_annuel"])
    a = mres["annuel"]
    frais_m = cents(values.get("frais_professionnels") or 0.0)
    col = statuts.colonne("micro", mres, frais_m, values, p)
    # the net after tax by the comparator's household method
    a = {**a, "revenu_net_apres_impot": cents(a["revenu_net"] - col["annuel"]["impot_revenu"])}
    obtenu = col["net_apres_impot"] if base == "net_apres_impot" else cents(cents(a["revenu_net"] / 12) - frais_m)
    hypotheses = _hypotheses_jours(days) + hypotheses_objectif + [
        "Statut : micro-entreprise ; chiffre d'affaires annuel = TJM × jours facturables de l'année ; le net "
        "visé est le revenu " + ("avant" if base == "net_avant_impot" else "après") + " impôt de la "
        "micro-entreprise, par mois (annuel ÷ 12)"
        + (f", moins vos frais professionnels ({_nombre(frais_m, 2)} € par mois), payés sur ce revenu." if frais_m else "."),
        "Le TJM est arrondi au centime supérieur ; le résultat de la micro-entreprise à ce TJM est affiché tel quel.",
    ] + mres["hypotheses"]
    chiffres = _chiffres_tjm(inv["tjm"], _AIDE_TJM_MOYEN, jf) + _chiffres_objectif(
        "objectif_mensuel", target, base, obtenu, "€/mois", "Après vos frais professionnels." if frais_m else "") + [
        {"code": "chiffre_affaires", "libelle": "Chiffre d'affaires", "valeur": cents(a["chiffre_affaires"] / 12),
         "unite": "€/mois", "aide": ""},
    ]
    result = {
        **_debut_resultat(inv, days, target),
        "statut": "micro",
        "chiffre_affaires": cents(a["chiffre_affaires"] / 12),
        "cotisations": cents(a["cotisations"] / 12),
        "frais_professionnels": frais_m,
        "net_avant_impot": cents(cents(a["revenu_net"] / 12) - frais_m),
        "impot_revenu": col["impot_revenu"],
        "net_apres_impot": col["net_apres_impot"],
        "prelevement_source": col["prelevement_source"],
        "chiffres_cles": chiffres,
        "calendrier": _calendrier(days),
        "lignes": mres["lignes"],
        "lignes_colonnes": mres["lignes_colonnes"],
        "repartition": mres["repartition"],
        "annuel": {"chiffre_affaires": a["chiffre_affaires"], "frais_professionnels": cents(frais_m * 12),
                   "net_avant_impot": cents(a["revenu_net"] - frais_m * 12),
                   "net_apres_impot": cents(a["revenu_net_apres_impot"] - frais_m * 12), "jours_facturables": jf},
        "micro": {k: mres["annuel"][k] for k in ("chiffre_affaires", "cotisations", "revenu_net", "impot_revenu",
                                                 "revenu_net_apres_impot")},
        "hypotheses": hypotheses,
        "alertes": list(mres["alertes"]),
        "sources": fusion_sources(p.sources(), mres["sources"]),
        "periode": "mois",  # the period of the amounts (core/resultat.py)
        "date": values["date"].isoformat(),
    }
    return _avec_salarie_reference(result, reference_salarie)
