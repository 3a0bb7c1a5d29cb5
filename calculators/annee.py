"""A year with and without missions: month by month, what each status leaves
to live on (issue 11; ../shared/reference/protection-2026.md § 4).

A composite: every payslip, every yearly contribution and the ARE come from
the status calculators through :func:`calculators.run` (their public entry
point); the rules that exist only over a year of uneven months (portage between
missions, the ARE month by month, the pension of an uneven year, savings) are in
:mod:`calculators.regles.annee`.

Each month m of the simulation's year has its days billed (``jours_01`` …
``jours_12``, else the preset: ``mois_mission`` months of ``jours`` days then
none), its turnover CA_m = TJM × days, and its rules (the month's first day).

- CDI (reference): the same gross every month (given, or the one of the same
  employer cost as a portage month of ``jours`` days), ``salarie`` each month;
  optionally a rupture conventionnelle at the end of ``mois_fin_cdi``: the
  legal indemnity that month, then the ARE (``chomage``).
- Portage, CDI: a mission month is the ``portage`` calculator's month for that
  month's days (the réserve accrues); a month without mission suspends the
  contract: the réserve pays an allocation de prospection (at most the months of
  the convention), costed as salary by ``salarie``; then, if the firm dismisses
  (after the months of art. 22.3), the réserve left is paid with the final pay,
  the legal indemnity is paid, and the ARE (``chomage``) starts after the
  différés and the délai d'attente.  No ARE while the contract is only suspended.
- Portage, CDD: each run of mission months is a CDD; the end-of-contract
  indemnity accrued is paid with its last month, then the ARE (the indemnity is
  not in the reference salary).  A later mission is a new contract; the ARE is
  then cumulated with its pay (``regles.annee.jours_are_cumul``).
- Micro: the ``micro`` calculator on the year's turnover; its contributions and
  income tax are shared over the months pro rata of each month's turnover
  (monthly declaration); the expenses are paid every month.
- EURL, SASU: the company spends the year's turnover less the year's expenses on
  the manager's pay (no profit, the status comparator's strategy); ``lissee``: 12
  equal pays from the yearly calculator; ``par_mission``: the budget shared over
  the mission months pro rata of their turnover — the SASU as one monthly payslip
  each (``sasu``, ``periode`` mois), the EURL's yearly contributions shared the
  same way (their provisional / regularised timing ignored).
- Income tax: each calculator's own (withholding at the neutral rate for pay;
  micro: its barème or versement libératoire; EURL: its figure), so that the
  cash is what reaches the account; the ARE's withholding is not modelled.
- Pension: quarters and Agirc-Arrco points of a salaried year from the months'
  gross (``regles.annee``); micro and EURL from ``protection`` on the year's
  turnover.

Statut ``tous``: every status over the same year, side by side, in one result
(one chart, one reading: which status carries the reader through the empty
months), so that the page shows one form and one chart.
"""

from __future__ import annotations

import json
import math

from .core.arrondi import cents
from .core.dates import date_field
from .core.format import date_fr, euros, nombre, quantite
from .core.parametres import At, fusion_sources
from .core.schema import Field, InputError, champ_de
from .regles import annee as ra
from .regles import assurance_chomage as ac

NAME = "annee"
TITLE = "Une année avec et sans missions"
DESCRIPTION = (
    "Mois par mois, sur une année où les missions ne remplissent pas les douze mois : le chiffre d’affaires, la "
    "rémunération, les cotisations, le net, l’allocation de prospection ou l’ARE, ce qui arrive sur le compte et "
    "l’épargne qui reste, pour chaque statut (CDI de référence, portage en CDI ou en CDD, micro-entreprise, EURL, "
    "SASU) côte à côte."
)

STATUTS = (
    ("cdi", "CDI (référence)"),
    ("portage_cdi", "Portage salarial en CDI"),
    ("portage_cdd", "Portage salarial en CDD"),
    ("micro", "Micro-entreprise"),
    ("eurl", "EURL"),
    ("sasu", "SASU"),
)
LIBELLES = dict(STATUTS)
CHOIX_STATUT = (("tous", "Tous les statuts, côte à côte"),) + STATUTS

_G = "Statut et missions"
_G_MOIS = "Jours facturés mois par mois"
_G_ARGENT = "Frais, épargne et budget"
_G_FIN = "Fin de mission, fin de contrat"
_G_OPT = "Options"


def _champ(calculateur: str, name: str, **over) -> Field:
    """A field of another calculator, the same here (its public schema)."""
    from . import get
    return champ_de(get(calculateur).FIELDS, name, **over)


def _prospection_max() -> int:
    """The convention's maximum months of prospection, at the default date (the field's bound)."""
    from .core.dates import default_date
    return ra.prospection_mois_maximum(At(default_date()))


MOIS_FIELDS = tuple(
    Field(f"jours_{m:02d}", f"Jours facturés en {ra.MOIS[m - 1]}", "number", unit="jours", minimum=0, maximum=31,
          step=0.5, default=None, group=_G_MOIS,
          help="Laissé vide : d’après le nombre de mois de mission ci-dessus. 0 : un mois sans mission.")
    for m in range(1, 13)
)

FIELDS = (
    Field("statut", "Statut", "choice", default="tous", choices=CHOIX_STATUT, group=_G),
    _champ("portage", "tjm", group=_G),
    _champ("portage", "jours", label="Jours facturés par mois de mission", group=_G),
    Field("mois_mission", "Mois de mission, à partir de janvier", "integer", unit="mois", minimum=0, maximum=12,
          default=8, group=_G,
          help="Les premiers mois de l’année ont une mission, les suivants n’en ont pas. Chaque mois se corrige "
               "ci-dessous."),
) + MOIS_FIELDS + (
    _champ("protection", "frais", group=_G_ARGENT),
    Field("epargne_initiale", "Épargne au 1er janvier", "number", unit="€", minimum=0, maximum=10_000_000,
          default=0, group=_G_ARGENT, help="L’argent de côté pour traverser les mois sans revenu."),
    Field("budget_mensuel", "Budget de vie mensuel", "number", unit="€/mois", minimum=0, maximum=1_000_000,
          default=None, group=_G_ARGENT,
          help="Ce que vous dépensez chaque mois pour vivre. Laissé vide : l’épargne ne suit que ce qui arrive."),
    Field("remuneration", "EURL et SASU : rémunération du dirigeant", "choice", default="lissee",
          choices=(("lissee", "Lissée : douze paies égales sur l’année"),
                   ("par_mission", "Seulement les mois de mission")), group=_G_OPT),
    _champ("portage", "frais_gestion", group=_G_OPT),
    _champ("comparateur_statuts", "activite", group=_G_OPT, advanced=True),
    _champ("comparateur_statuts", "versement_liberatoire", group=_G_OPT, advanced=True),
    Field("mois_prospection", "Portage en CDI : mois d’allocation de prospection", "integer", unit="mois",
          minimum=0, maximum=_prospection_max(), default=_prospection_max(), group=_G_FIN,
          help="Payée par la réserve financière entre deux missions, au plus la durée de la convention collective.",
          reference="Convention collective IDCC 3219, art. 22.2"),
    Field("fin_portage", "Portage en CDI : sans nouvelle mission", "choice", default="licenciement",
          choices=(("licenciement", "Fin du contrat (licenciement) après la prospection, puis ARE"),
                   ("suspendu", "Le contrat reste suspendu (pas d’ARE)")), group=_G_FIN,
          reference="Convention collective IDCC 3219, art. 22.3 ; Code du travail, art. L5422-1"),
    Field("fin_cdi", "CDI : fin du contrat", "choice", default="aucune",
          choices=(("aucune", "Aucune"), ("rupture_conventionnelle", "Rupture conventionnelle"))
          , group=_G_FIN, advanced=True),
    Field("mois_fin_cdi", "CDI : dernier mois du contrat", "integer", unit="mois", minimum=1, maximum=12, default=8,
          group=_G_FIN, advanced=True, help="Numéro du mois (1 : janvier) au dernier jour duquel le CDI prend fin."),
    _champ("protection", "salaire_brut", group=_G_OPT, advanced=True),
    _champ("chomage", "age", group=_G_FIN, advanced=True),
    _champ("protection", "anciennete", group=_G_FIN, advanced=True,
           help="Au 1er janvier. Elle donne l’indemnité légale de licenciement ou de rupture."),
    date_field(help="L’année de cette date est simulée, de janvier à décembre, avec les règles de chaque mois."),
)


def check(values: dict) -> dict:
    p = At(values["date"])
    n = ra.prospection_mois_maximum(p)
    if values["mois_prospection"] > n:
        return {"mois_prospection": f"La convention collective limite l’allocation de prospection à {n} mois."}
    return {}


# --------------------------------------------------------------------------
# Calls of the other calculators (through their public entry point), cached
# within one computation: twelve identical months are one call.
# --------------------------------------------------------------------------

class _Appels:
    def __init__(self):
        self.cache: dict = {}
        self.sources: list = []
        self.lus: dict = {}  # calculator -> result keys read (for the report and the tests)

    def run(self, name: str, inputs: dict, champ: str = "tjm") -> dict:
        key = (name, json.dumps(inputs, sort_keys=True))
        if key not in self.cache:
            from . import run
            res = run(name, inputs)
            if not res["ok"]:
                errs = {}
                for k, msg in res["errors"].items():
                    # an amount refused by the called calculator is shown beside the field that drives it;
                    # another field of its own becomes a general error (calculators.run)
                    errs.setdefault(champ if k in ("jours", "chiffre_affaires", "cout_total", "tjm") else k, msg)
                raise InputError(errs)
            self.cache[key] = res["result"]
            self.sources = fusion_sources(self.sources, [s for s in res["result"].get("sources") or []
                                                         if isinstance(s, dict) and "parametre" in s])
        return self.cache[key]


def jours_des_mois(values: dict) -> list:
    """Days billed in each month: the explicit month, else the preset."""
    out = []
    for m in range(1, 13):
        v = values.get(f"jours_{m:02d}")
        if v is None:
            v = values["jours"] if m <= values["mois_mission"] else 0.0
        out.append(float(v))
    return out


def _champ_mois(values: dict, m: int) -> str:
    return f"jours_{m:02d}" if values.get(f"jours_{m:02d}") is not None else "jours"


def _repartir(total: float, poids: list) -> list:
    """``total`` shared pro rata of ``poids``, to the cent, the rounding on the last share."""
    s = sum(poids)
    if s <= 0:
        return [0.0] * len(poids)
    out = [cents(total * w / s) for w in poids]
    last = max(i for i, w in enumerate(poids) if w > 0)
    out[last] = cents(total - sum(out[:last]) - sum(out[last + 1:]))
    return out


_REGLES: dict = {}


def date_mois(annee: int, m: int) -> str:
    """The date a month's payslip is computed at: the first day of the first
    month with the same rules (``regles.annee.mois_de_regles``): the same figures
    as at the month's own first day, and one calculation for identical months."""
    if annee not in _REGLES:
        _REGLES[annee] = ra.mois_de_regles(annee)
    return ra.premier_jour(annee, _REGLES[annee][m - 1]).isoformat()


def _ligne(m: int, jours: float, ca: float) -> dict:
    return {"mois": m, "libelle": ra.MOIS[m - 1], "jours": jours, "chiffre_affaires": cents(ca),
            "salaire_brut": 0.0, "cotisations": 0.0, "net_avant_impot": 0.0, "net_apres_impot": 0.0,
            "revenu_remplacement": 0.0, "revenu_remplacement_net": 0.0, "indemnite": 0.0, "encaisse": 0.0,
            "epargne": 0.0, "etat": "", "drapeaux": []}


# --------------------------------------------------------------------------
# The ARE after a contract ends
# --------------------------------------------------------------------------

class _ARE:
    """Rights opened at the end of a contract, paid month by month afterwards."""

    def __init__(self, are: dict, fin, ancien_brut: float, p):
        self.are = are
        self.fin = fin
        self.premier = _date(are["date_premier_jour"]) if are.get("droits_ouverts") else None
        self.ancien_brut = ancien_brut
        self.payes = 0
        self.jour_deg = int(p("chomage.degressivite.jour"))

    def mois(self, p, annee: int, m: int, brut_activite: float) -> dict:
        out = {"brut": 0.0, "net": 0.0, "jours": 0, "differe": False, "degressivite": False}
        if self.premier is None:
            return out
        possibles = ra.jours_are_possibles(p, self.premier, annee, m)
        if possibles <= 0:
            out["differe"] = self.premier > ra.dernier_jour(annee, m)
            return out
        if self.premier > ra.premier_jour(annee, m):
            out["differe"] = True
        a = self.are
        jours = ra.jours_are_cumul(p, possibles, a["allocation_journaliere"], brut_activite, self.ancien_brut)
        jours = min(jours, max(a["duree_jours"] - self.payes, 0))
        pleins = jours
        if a.get("degressivite"):
            pleins = max(min(jours, self.jour_deg - 1 - self.payes), 0)
        reduits = jours - pleins
        brut = pleins * a["allocation_journaliere"] + reduits * (a["allocation_degressive"] or 0.0)
        net = pleins * a["allocation_journaliere_nette"] + reduits * (a.get("allocation_degressive_nette") or 0.0)
        self.payes += jours
        out.update(brut=cents(brut), net=cents(net), jours=jours, degressivite=reduits > 0)
        return out


def _date(s):
    import datetime as _dt
    return _dt.date.fromisoformat(s)


def _ouvrir_are(ap: _Appels, values: dict, contrat: str, mode: str, fin, brut_moyen: float, mois_sans_paie: int,
                jours_sans_paie: int, indemnite: float) -> dict:
    from . import get
    premiere = next(f for f in get("chomage").FIELDS if f.name == "fin_contrat").minimum
    if fin < premiere:
        return {"droits_ouverts": False, "raison": (
            f"Contrat terminé avant le {date_fr(premiere)} : le guide ne "
            "connaît que les règles d’assurance chômage applicables depuis cette date ; l’ARE n’est pas calculée.")}
    p = At(fin)
    prc = ac.mois_periode_reference(p, values["age"])
    travailles = max(prc - mois_sans_paie, 1)
    permis = (ac.debut_periode_reference(fin, travailles) - ac.debut_periode_reference(fin, prc)).days
    return ap.run("chomage", {
        "salaire_brut": cents(brut_moyen), "mois_travailles": travailles,
        "jours_non_travailles": min(jours_sans_paie, permis), "age": values["age"],
        "fin_contrat": fin.isoformat(), "contrat": contrat, "mode_rupture": mode,
        "indemnite_rupture": indemnite, "indemnite_legale": indemnite if indemnite else None,
    }, champ="age")


def _paie_salarie(ap: _Appels, brut_base: float, extra: float, date_iso: str, contrat: str = "cdi") -> dict:
    """Net, withholding and contributions of ``extra`` gross paid as salary on top
    of ``brut_base`` in the same month (``salarie``: the difference of the two payslips)."""
    if extra <= 0:
        return {"brut": 0.0, "net_avant_impot": 0.0, "net_apres_impot": 0.0, "cotisations": 0.0}

    def bulletin(b):
        if b <= 0:
            return {"net_avant_impot": 0.0, "net_apres_impot": 0.0, "cotisations": 0.0}
        r = ap.run("salarie", {"salaire_brut": cents(b), "contrat": "cdi", "date": date_iso})
        return {"net_avant_impot": r["net_avant_impot"], "net_apres_impot": r["net_apres_impot"],
                "cotisations": cents(r["cotisations_salariales"] + r["cotisations_patronales"])}

    a, b = bulletin(brut_base), bulletin(brut_base + extra)
    return {"brut": cents(extra), **{k: cents(b[k] - a[k]) for k in a}}


# --------------------------------------------------------------------------
# One status over the year
# --------------------------------------------------------------------------

def _salaire_cdi(ap: _Appels, values: dict, annee: int) -> float:
    if values.get("salaire_brut") is not None:
        return values["salaire_brut"]
    d = ra.premier_jour(annee, 1).isoformat()
    jours = values["jours"] or 1.0
    r = ap.run("portage", {"tjm": values["tjm"], "jours": jours, "frais_gestion": values["frais_gestion"],
                           "frais_professionnels": values["frais"], "date": d})
    return ap.run("salarie", {"cout_employeur": r["cout_employeur"], "date": d})["salaire_brut"]


def _annee_cdi(ap, values, annee, jours, ps) -> dict:
    brut = _salaire_cdi(ap, values, annee)
    fin_mois = values["mois_fin_cdi"] if values["fin_cdi"] == "rupture_conventionnelle" else None
    rows, are = [], None
    for m in range(1, 13):
        p = ps[m - 1]
        row = _ligne(m, 0.0, 0.0)
        d = date_mois(annee, m)
        if fin_mois is None or m <= fin_mois:
            r = ap.run("salarie", {"salaire_brut": brut, "date": d}, champ="salaire_brut")
            row.update(salaire_brut=r["salaire_brut"], net_avant_impot=r["net_avant_impot"],
                       net_apres_impot=r["net_apres_impot"],
                       cotisations=cents(r["cotisations_salariales"] + r["cotisations_patronales"]), etat="salaire")
            if m == fin_mois:
                fin = ra.dernier_jour(annee, m)
                ind = ac.indemnite_legale_licenciement(p, brut, values["anciennete"] + m / 12)
                row["indemnite"] = ind
                row["drapeaux"].append("fin_contrat")
                a = _ouvrir_are(ap, values, "cdi", "rupture_conventionnelle", fin, brut, 0, 0, ind)
                are = _ARE(a, fin, brut, At(fin))
        else:
            x = are.mois(p, annee, m, 0.0)
            _are_dans(row, x)
        rows.append(row)
    return {"mois": rows, "are": are.are if are else None, "bruts": [r["salaire_brut"] for r in rows]}


def _are_dans(row: dict, x: dict):
    row["revenu_remplacement"] = cents(row["revenu_remplacement"] + x["brut"])
    row["revenu_remplacement_net"] = cents(row["revenu_remplacement_net"] + x["net"])
    row["_are_net"] = cents(row.get("_are_net", 0.0) + x["net"])
    if x["jours"]:
        row["drapeaux"].append("are")
        row["etat"] = row["etat"] or "ARE"
    if x["differe"]:
        row["drapeaux"].append("are_differee")
        row["etat"] = row["etat"] or "ARE différée"
    if x["degressivite"]:
        row["drapeaux"].append("degressivite")


def _annee_portage(ap, values, annee, jours, ps, cdd: bool) -> dict:
    frais = values["frais"]
    rows = []
    reserve = 0.0  # réserve (CDI) or end-of-contract indemnity (CDD) accrued, not yet paid
    acquis = verse_prospection = verse_fin = 0.0
    # a portage CDI is assumed in force on 1 January (réserve empty); a CDD starts with its mission
    actif, sans, base_jour, bruts_mission = not cdd, 0, 0.0, []
    are, mois_sans_paie, jours_sans_paie = None, 0, 0
    fin_apres = ra.mois_sans_prestation_avant_fin(ps[0], values["mois_prospection"])
    bruts = []
    for m in range(1, 13):
        p = ps[m - 1]
        d = date_mois(annee, m)
        j = jours[m - 1]
        ca = cents(values["tjm"] * j)
        row = _ligne(m, j, ca)
        brut_mois = 0.0
        if j > 0 and ca > 0:
            if not actif:
                actif = True  # a new contract
            sans = 0
            r = ap.run("portage", {"tjm": values["tjm"], "jours": j, "frais_gestion": values["frais_gestion"],
                                   "frais_professionnels": frais, "contrat": "cdd" if cdd else "cdi", "date": d},
                       champ=_champ_mois(values, m))
            brut_mois = r["salaire_brut"]
            bruts_mission.append(brut_mois)
            base_jour = ra.jour_de_paie(r["salaire_base"], r["jours_forfait_annuel"])
            reserve = cents(reserve + r["reserve_financiere"])
            acquis = cents(acquis + r["reserve_financiere"])
            row.update(salaire_brut=brut_mois, net_avant_impot=r["net_avant_impot"],
                       net_apres_impot=r["net_apres_impot"],
                       cotisations=cents(r["cout_employeur_salaire"] - r["net_avant_impot"]), etat="mission")
            row["drapeaux"].append("mission")
            fin_cdd = cdd and m < 12 and jours[m] <= 0
            if fin_cdd:
                x = _paie_salarie(ap, brut_mois, reserve, d)
                _ajouter_paie(row, x)
                verse_fin = cents(verse_fin + reserve)
                reserve = 0.0
                brut_mois = cents(brut_mois + x["brut"])
                row["drapeaux"].append("fin_contrat")
                fin = ra.dernier_jour(annee, m)
                actif = False
                if are is None:
                    moyen = sum(bruts_mission) / len(bruts_mission)
                    a = _ouvrir_are(ap, values, "portage_cdd", "fin_cdd", fin, moyen, mois_sans_paie,
                                    jours_sans_paie, 0.0)
                    are = _ARE(a, fin, moyen, At(fin))
            if are is not None and are.fin < ra.premier_jour(annee, m):
                _are_dans(row, are.mois(p, annee, m, brut_mois))
        else:
            mois_sans_paie += 1
            jours_sans_paie += (ra.dernier_jour(annee, m) - ra.premier_jour(annee, m)).days + 1
            if actif and not cdd:
                sans += 1
                row["drapeaux"].append("contrat_suspendu")
                row["etat"] = "contrat suspendu"
                paye = prospection = 0.0
                if sans <= values["mois_prospection"] and reserve > 0:
                    paye = prospection = ra.allocation_prospection(p, reserve, values["mois_prospection"] - sans + 1,
                                                                   base_jour)
                    reserve = cents(reserve - paye)
                    verse_prospection = cents(verse_prospection + paye)
                    row["drapeaux"].append("prospection")
                    row["etat"] = "prospection"
                if values["fin_portage"] == "licenciement" and sans == fin_apres:
                    fin = ra.dernier_jour(annee, m)
                    reste = reserve
                    verse_fin = cents(verse_fin + reste)
                    reserve = 0.0
                    paye = cents(paye + reste)
                    actif = False
                    row["drapeaux"].append("fin_contrat")
                    row["etat"] = "fin du contrat"
                    moyen = sum(bruts_mission) / len(bruts_mission) if bruts_mission else 0.0
                    ind = ac.indemnite_legale_licenciement(p, moyen, values["anciennete"] + m / 12)
                    row["indemnite"] = ind
                    if are is None and moyen > 0:
                        a = _ouvrir_are(ap, values, "portage_cdi", "licenciement", fin, moyen, mois_sans_paie,
                                        jours_sans_paie, ind)
                        are = _ARE(a, fin, moyen, At(fin))
                if paye > 0:
                    x = _paie_salarie(ap, 0.0, paye, d)
                    _ajouter_paie(row, x)
                    brut_mois = x["brut"]
                if prospection > 0:  # the allowance, net: its share of the month's net pay
                    row["revenu_remplacement"] = prospection
                    row["revenu_remplacement_net"] = cents(row["net_apres_impot"] * prospection / paye)
            elif are is not None:
                _are_dans(row, are.mois(p, annee, m, 0.0))
            elif not actif:
                row["etat"] = "sans contrat"
            # the month's expenses are not reimbursed without a mission
            row["frais_non_rembourses"] = frais
        bruts.append(brut_mois)
        rows.append(row)
    return {"mois": rows, "are": are.are if are else None, "bruts": bruts,
            "reserve": {"acquise": acquis, "prospection": verse_prospection, "fin_contrat": verse_fin,
                        "restante": reserve}}


def _ajouter_paie(row: dict, x: dict):
    row["salaire_brut"] = cents(row["salaire_brut"] + x["brut"])
    for k in ("net_avant_impot", "net_apres_impot", "cotisations"):
        row[k] = cents(row[k] + x[k])


def _annee_micro(ap, values, annee, jours, ps) -> dict:
    cas = [cents(values["tjm"] * j) for j in jours]
    total = cents(sum(cas))
    d = values["date"].isoformat()
    r = ap.run("micro", {"chiffre_affaires": total, "periode": "annee", "activite": values["activite"],
                         "versement_liberatoire": bool(values["versement_liberatoire"]), "date": d})
    cot = _repartir(r["cotisations"], cas)
    net = _repartir(r["revenu_net"], cas)
    apres = _repartir(r["revenu_net_apres_impot"], cas)
    rows = []
    for m in range(1, 13):
        row = _ligne(m, jours[m - 1], cas[m - 1])
        i = m - 1
        row.update(cotisations=cot[i], net_avant_impot=net[i], net_apres_impot=apres[i],
                   salaire_brut=cents(cas[i] - cot[i]), frais_non_rembourses=values["frais"],
                   etat="mission" if cas[i] > 0 else "sans revenu")
        rows.append(row)
    return {"mois": rows, "annuel": r, "chiffre_affaires": total}


def _budget_societe(values, jours) -> tuple:
    cas = [cents(values["tjm"] * j) for j in jours]
    total = cents(sum(cas))
    return cas, total, max(0.0, cents(total - values["frais"] * 12))


def _annee_eurl(ap, values, annee, jours, ps) -> dict:
    cas, total, budget = _budget_societe(values, jours)
    act = "liberale" if values["activite"].startswith("bnc") else "commerciale"
    r = ap.run("eurl", {"cout_total": budget, "periode": "annee", "activite": act,
                        "date": values["date"].isoformat()})
    poids = [1.0] * 12 if values["remuneration"] == "lissee" else cas
    parts = {k: _repartir(r[k], poids) for k in ("revenu_brut", "cotisations", "net_avant_impot", "net_apres_impot")}
    rows = []
    for m in range(1, 13):
        i = m - 1
        row = _ligne(m, jours[i], cas[i])
        row.update(salaire_brut=parts["revenu_brut"][i], cotisations=parts["cotisations"][i],
                   net_avant_impot=parts["net_avant_impot"][i], net_apres_impot=parts["net_apres_impot"][i],
                   etat="rémunération" if parts["revenu_brut"][i] > 0 else "sans rémunération")
        rows.append(row)
    return {"mois": rows, "annuel": r, "chiffre_affaires": total}


def _annee_sasu(ap, values, annee, jours, ps) -> dict:
    cas, total, budget = _budget_societe(values, jours)
    rows, bruts = [], []
    if values["remuneration"] == "lissee" or budget <= 0:
        r = ap.run("sasu", {"cout_total": budget, "periode": "annee", "date": values["date"].isoformat()})
        parts = {k: _repartir(r[k], [1.0] * 12) for k in
                 ("remuneration_brute", "cotisations", "net_avant_impot", "net_apres_impot")}
        for m in range(1, 13):
            i = m - 1
            row = _ligne(m, jours[i], cas[i])
            row.update(salaire_brut=parts["remuneration_brute"][i], cotisations=parts["cotisations"][i],
                       net_avant_impot=parts["net_avant_impot"][i], net_apres_impot=parts["net_apres_impot"][i],
                       etat="rémunération")
            rows.append(row)
            bruts.append(row["salaire_brut"])
        return {"mois": rows, "bruts": bruts, "chiffre_affaires": total}
    budgets = _repartir(budget, cas)
    for m in range(1, 13):
        i = m - 1
        row = _ligne(m, jours[i], cas[i])
        if budgets[i] > 0:
            r = ap.run("sasu", {"cout_total": budgets[i], "periode": "mois",
                                "date": date_mois(annee, m)}, champ=_champ_mois(values, m))
            row.update(salaire_brut=r["remuneration_brute"], cotisations=r["cotisations"],
                       net_avant_impot=r["net_avant_impot"], net_apres_impot=r["net_apres_impot"],
                       etat="rémunération")
        else:
            row["etat"] = "sans rémunération"
        rows.append(row)
        bruts.append(row["salaire_brut"])
    return {"mois": rows, "bruts": bruts, "chiffre_affaires": total}


_ANNEES = {"cdi": _annee_cdi, "portage_cdi": lambda *a: _annee_portage(*a, cdd=False),
           "portage_cdd": lambda *a: _annee_portage(*a, cdd=True), "micro": _annee_micro, "eurl": _annee_eurl,
           "sasu": _annee_sasu}

_TOTAUX = ("chiffre_affaires", "salaire_brut", "cotisations", "net_avant_impot", "net_apres_impot",
           "revenu_remplacement", "revenu_remplacement_net", "indemnite", "encaisse")


def _retraite(ap, values, code: str, y: dict, ps) -> dict:
    if code in ("micro", "eurl"):
        r = ap.run("protection", {"statut": code, "chiffre_affaires_annuel": y["chiffre_affaires"],
                                  "frais": values["frais"], "activite": values["activite"],
                                  "date": values["date"].isoformat()})
        return {"trimestres": r["trimestres"], "points": r["points_complementaires"],
                "regime": r["regime_complementaire"]}
    return {"trimestres": ra.trimestres_salarie(y["bruts"], ps), "points": ra.points_agirc_arrco(y["bruts"], ps),
            "regime": "Agirc-Arrco"}


def annee_statut(ap: _Appels, values: dict, code: str, jours: list | None = None) -> dict:
    """One status over the year: the twelve months, the totals, the savings, the pension rights."""
    annee = values["date"].year
    ps = ra.parametres_mois(annee)
    jours = jours_des_mois(values) if jours is None else jours
    y = _ANNEES[code](ap, values, annee, jours, ps)
    budget = values.get("budget_mensuel") or 0.0
    for row in y["mois"]:
        row["encaisse"] = cents(row["net_apres_impot"] + row.pop("_are_net", 0.0) + row["indemnite"]
                                - row.pop("frais_non_rembourses", 0.0))
    soldes = ra.soldes(values["epargne_initiale"], [r["encaisse"] for r in y["mois"]], budget)
    for row, s in zip(y["mois"], soldes):
        row["epargne"] = s
    tot = {k: cents(sum(r[k] for r in y["mois"])) for k in _TOTAUX}
    col = {"code": code, "libelle": LIBELLES[code], "mois": y["mois"], "totaux": tot,
           "epargne_fin": soldes[-1], "epargne_minimum": min(soldes),
           "epargne_necessaire": ra.epargne_necessaire([r["encaisse"] for r in y["mois"]], budget),
           "mois_sans_revenu": sum(1 for r in y["mois"] if r["encaisse"] <= 0)}
    col.update(_retraite(ap, values, code, y, ps))
    if "reserve" in y:
        col["reserve"] = y["reserve"]
    if y.get("are"):
        a = y["are"]
        col["are"] = {k: a.get(k) for k in ("droits_ouverts", "raison", "date_premier_jour", "allocation_journaliere",
                                             "allocation_journaliere_nette", "allocation_mensuelle",
                                             "allocation_mensuelle_nette", "duree_jours", "degressivite",
                                             "differe_specifique_jours", "differe_conges_payes_jours",
                                             "delai_attente_jours")}
    if code == "micro":
        col["plafond_micro_depasse"] = y["chiffre_affaires"] > y["annuel"]["plafond_chiffre_affaires"]
        col["plafond_chiffre_affaires"] = y["annuel"]["plafond_chiffre_affaires"]
    return col


# --------------------------------------------------------------------------
# The TJM that makes a status hold the budget
# --------------------------------------------------------------------------

def tjm_necessaire(ap: _Appels, values: dict, code: str, jours: list, minimum: float) -> float | None:
    """The lowest TJM (to the euro) at which, with the same months and savings,
    the balance never falls below zero (``minimum``: the lowest balance at the
    TJM entered); ``None`` if no TJM up to the field's maximum does it.  The
    lowest balance grows with the TJM, piecewise linearly: a secant from the TJM
    entered, then the euro checked on both sides."""
    haut = next(f.maximum for f in FIELDS if f.name == "tjm")
    total_jours = sum(jours)
    if total_jours <= 0 or values["tjm"] <= 0:
        return None

    def f(t):
        try:
            return annee_statut(ap, {**values, "tjm": t}, code, jours)["epargne_minimum"]
        except InputError:
            return None
    t0, f0 = values["tjm"], minimum
    t1 = min(t0 + (-f0) / (0.4 * total_jours), haut)
    f1 = f(t1)
    for _ in range(8):
        if f1 is None:
            return None
        if abs(f1) < 1.0 or f1 == f0:
            break
        t2 = t1 - f1 * (t1 - t0) / (f1 - f0)
        t2 = min(max(t2, 1.0), haut)
        if abs(t2 - t1) < 0.25:
            t1 = t2
            break
        t0, f0, t1 = t1, f1, t2
        f1 = f(t1)
    t = float(math.ceil(t1 - 1e-9))
    for _ in range(4):
        v = f(t)
        if v is None:
            return None
        if v >= 0:
            break
        if t >= haut:
            return None
        t += 1.0
    else:
        return None
    for _ in range(3):
        v = f(t - 1.0) if t > 1 else None
        if v is None or v < 0:
            break
        t -= 1.0
    return t


# --------------------------------------------------------------------------
# The result
# --------------------------------------------------------------------------

_COLONNES_MOIS = (
    ("jours", "Jours facturés", "jours"), ("chiffre_affaires", "Chiffre d’affaires", "€"),
    ("salaire_brut", "Brut (ou rémunération)", "€"), ("cotisations", "Cotisations", "€"),
    ("net_avant_impot", "Net avant impôt", "€"), ("net_apres_impot", "Net après impôt", "€"),
    ("revenu_remplacement_net", "Prospection ou ARE, net", "€"), ("encaisse", "Encaissé", "€"),
    ("epargne", "Épargne en fin de mois", "€"), ("etat", "Situation", ""),
)


def _hypotheses(values: dict, p: At) -> list:
    jpm = nombre(p("chomage.allocation.jours_par_mois"), 0)
    return [
        "Chaque mois est calculé avec les règles en vigueur le 1er du mois, par le simulateur du statut (bulletin de "
        "portage, de salarié ou de président de SASU pour ce mois) ; micro-entreprise et EURL : l’année entière, "
        "puis les cotisations et l’impôt répartis selon le chiffre d’affaires (micro) ou les paies (EURL) de chaque mois.",
        "Impôt : celui que chaque simulateur calcule (prélèvement à la source au taux neutre pour un salaire, barème "
        "ou versement libératoire en micro-entreprise) ; celui de l’ARE n’est pas déduit.",
        "Frais : remboursés avec le salaire les mois de mission en portage, payés de votre poche les autres mois ; "
        "payés par la société en EURL et SASU, qui consacre le reste du chiffre d’affaires de l’année à la "
        "rémunération (ni bénéfice ni dividende).",
        "Portage en CDI : la réserve financière est vide au 1er janvier ; entre deux missions le contrat est suspendu "
        "et non payé ; l’allocation de prospection partage la réserve restante sur les mois de prospection, au moins "
        f"{quantite(p('portage.reserve_financiere.allocation_prospection_minimum_jours'), 'journée', 'journées', True, 'f')}"
        " de salaire par "
        f"mois ; le licenciement intervient après {quantite(p('portage.licenciement_sans_prestation_mois'), 'mois', 'mois', True)} "
        "sans prestation au plus tôt, à la fin de la prospection ; le préavis n’est pas représenté ; l’indemnité "
        "légale est versée à la fin du contrat, sans impôt ni cotisations.",
        f"ARE : {jpm} jours payés par mois, à partir du premier jour indemnisé ; la période de référence avant l’année "
        "est supposée travaillée au salaire moyen des mois de mission ; les mois sans salaire de l’année comptent "
        "comme jours non travaillés ; un mois de mission après la fin du contrat réduit l’ARE du mois (cumul avec un "
        "salaire) et les jours non payés restent dus.",
        "Pas d’ARE ni d’ATI en micro-entreprise, en EURL ou en SASU dans l’année : l’ATI suppose la fermeture de "
        "l’entreprise dans des conditions précises.",
        "Trimestres et points d’un salarié : la somme des salaires bruts des mois, chacun plafonné au plafond mensuel "
        "de la Sécurité sociale, et la somme des cotisations Agirc-Arrco des mois ; micro-entreprise et EURL : les "
        "règles de l’année sur le chiffre d’affaires de l’année.",
    ]


def _lecture(cols: list, values: dict) -> list:
    budget = values.get("budget_mensuel")
    out = []
    independants = [c for c in cols if c["code"] != "cdi"]
    if len(independants) > 1:
        if budget:  # the balance at its lowest, with the budget spent every month
            best = max(independants, key=lambda c: (c["epargne_minimum"], c["epargne_fin"]))
            why = f"au plus bas, avec le budget de {euros(budget)} par mois, l’épargne est de {euros(best['epargne_minimum'])}"
        else:
            best = max(independants, key=lambda c: (c["epargne_fin"], c["epargne_minimum"]))
            why = f"{euros(best['totaux']['encaisse'])} encaissés sur l’année"
        vides = [i for i, j in enumerate(values.get("_jours") or []) if j <= 0]
        if vides:
            sans = cents(sum(best["mois"][i]["encaisse"] for i in vides))
            why += f", dont {euros(sans)} pendant les mois sans mission"
        out.append(f"Hors CDI, le statut qui vous porte le mieux à travers les mois sans mission : "
                   f"{best['libelle']} ({why}).")
        if vides:
            def pendant(c):
                return cents(sum(c["mois"][i]["encaisse"] for i in vides))
            top = max(independants, key=pendant)
            if top is not best and pendant(top) > 0:
                out.append(f"Pendant les {len(vides)} mois sans mission, c’est {top['libelle']} qui verse le plus : "
                           f"{euros(pendant(top))} en tout.")
    for c in cols:
        s = (f"{c['libelle']} : {euros(c['totaux']['encaisse'])} encaissés dans l’année, "
             f"{euros(c['epargne_fin'])} d’épargne au 31 décembre")
        if budget:
            if c["epargne_minimum"] >= 0:
                s += f" ; avec un budget de {euros(budget)} par mois, l’épargne ne passe jamais sous zéro"
            else:
                manque = cents(c["epargne_necessaire"] - values["epargne_initiale"])
                s += (f" ; avec un budget de {euros(budget)} par mois, il faudrait {euros(c['epargne_necessaire'])} "
                      f"d’épargne au départ ({euros(manque)} de plus)")
                if c.get("tjm_necessaire"):
                    s += f", ou un TJM de {euros(c['tjm_necessaire'])}"
        out.append(s + ".")
    return out


def compute(values: dict) -> dict:
    ap = _Appels()
    annee = values["date"].year
    p = At(values["date"])
    jours = jours_des_mois(values)
    codes = [c for c, _ in STATUTS] if values["statut"] == "tous" else [values["statut"]]
    cols = []
    for code in codes:
        col = annee_statut(ap, values, code, jours)
        col["tjm_necessaire"] = None
        if values.get("budget_mensuel") and col["epargne_minimum"] < 0 and code != "cdi":
            col["tjm_necessaire"] = tjm_necessaire(ap, values, code, jours, col["epargne_minimum"])
        cols.append(col)
    alertes = []
    for c in cols:
        if c.get("plafond_micro_depasse"):
            alertes.append({"niveau": "attention", "message": (
                f"Micro-entreprise : le chiffre d’affaires de l’année, {euros(c['totaux']['chiffre_affaires'])}, dépasse "
                f"le plafond de {euros(c['plafond_chiffre_affaires'])} ; deux années de suite, le régime prend fin.")})
        if c.get("are") and not c["are"]["droits_ouverts"] and c["are"].get("raison"):
            alertes.append({"niveau": "info", "message": f"{c['libelle']} : {c['are']['raison']}"})
        if c["epargne_minimum"] < 0:
            alertes.append({"niveau": "attention", "message": (
                f"{c['libelle']} : l’épargne passe sous zéro ({euros(c['epargne_minimum'])} au plus bas).")})
    chart = {
        "titre": "Ce qui arrive sur le compte chaque mois, par statut",
        "unite": "€", "mois": list(ra.MOIS_COURTS), "mois_longs": list(ra.MOIS),
        "series": [{"code": c["code"], "libelle": c["libelle"], "valeurs": [r["encaisse"] for r in c["mois"]]}
                   for c in cols],
        "repere": values.get("budget_mensuel"), "repere_libelle": "Budget de vie",
        "tableaux": [{"code": c["code"], "titre": f"{c['libelle']} : l’année mois par mois",
                      "colonnes": [{"code": k, "libelle": lib, "unite": u} for k, lib, u in _COLONNES_MOIS],
                      "lignes": [{"libelle": r["libelle"], **{k: r[k] for k, _l, _u in _COLONNES_MOIS}}
                                 for r in c["mois"]],
                      "total": {k: c["totaux"].get(k) for k, _l, u in _COLONNES_MOIS if u == "€" and k != "epargne"}}
                     for c in cols],
    }
    if len(cols) == 1:
        c = cols[0]
        chiffres = [
            {"code": "net_apres_impot", "libelle": "Net après impôt sur l’année", "valeur": c["totaux"]["net_apres_impot"],
             "unite": "€", "aide": "Salaire ou rémunération, sans la prospection ni l’ARE."},
            {"code": "encaisse", "libelle": "Encaissé sur l’année", "valeur": c["totaux"]["encaisse"], "unite": "€",
             "aide": "Net après impôt, ARE nette et indemnités, moins les frais non remboursés."},
            {"code": "epargne_fin", "libelle": "Épargne au 31 décembre", "valeur": c["epargne_fin"], "unite": "€",
             "aide": ""},
            {"code": "epargne_necessaire", "libelle": "Épargne de départ nécessaire", "valeur": c["epargne_necessaire"],
             "unite": "€", "aide": "Pour que l’épargne ne passe jamais sous zéro avec le budget indiqué."},
            {"code": "trimestres", "libelle": "Trimestres de retraite", "valeur": c["trimestres"], "unite": "", "aide": ""},
            {"code": "points", "libelle": f"Points de retraite complémentaire ({c['regime']})", "valeur": c["points"],
             "unite": "points", "aide": ""},
        ]
    else:
        chiffres = [{"code": f"epargne_fin_{c['code']}", "libelle": f"Épargne au 31 décembre : {c['libelle']}",
                     "valeur": c["epargne_fin"], "unite": "€",
                     "aide": f"Net après impôt sur l’année : {euros(c['totaux']['net_apres_impot'])}."} for c in cols]
    out = {
        "periode": "annee", "annee": annee, "statut": values["statut"], "jours_mois": jours,
        "colonnes": cols, "graphique_mois": chart, "lecture": _lecture(cols, {**values, "_jours": jours}),
        "chiffres_cles": chiffres, "alertes": alertes, "hypotheses": _hypotheses(values, p),
        "sources": sorted(ap.sources, key=lambda s: s["parametre"]),
        "date": values["date"].isoformat(),
    }
    if len(cols) == 1:
        c = cols[0]
        out.update({"mois": c["mois"], **c["totaux"], "epargne_fin": c["epargne_fin"],
                    "epargne_minimum": c["epargne_minimum"], "epargne_necessaire": c["epargne_necessaire"],
                    "trimestres": c["trimestres"], "points": c["points"], "tjm_necessaire": c["tjm_necessaire"]})
    return out
