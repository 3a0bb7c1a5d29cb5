"""Status comparator: for one mission (TJM × days per month, or a yearly
turnover) and monthly expenses, what each status leaves — portage salarial
(CDI), micro-entreprise, EURL and SASU — with a CDI salary of the same
employer cost as a reference, and the social protection of each.

One code path: every figure comes from the status's own calculator, called
through :func:`calculators.run` with the inputs built by :func:`entrees`
(tested: the comparator's figures equal what each calculator gives for those
inputs).  A calculator not registered (``calculators.names()``) is left out and
named in the hypotheses.

The inputs given to each calculator:

- ``portage``: the TJM and days (with a yearly turnover: TJM = turnover / 12 /
  days), the management fee, the expenses as ``frais_professionnels``
  (reimbursed on receipts out of the turnover);
- ``micro``: the yearly turnover, the activity (BNC SSI by default), the
  versement libératoire option; the expenses are not deductible: they are
  taken from its net;
- ``eurl`` and ``sasu``: the company spends the whole turnover less the
  expenses on the manager's pay (``cout_total`` = turnover − expenses, per
  year): no profit, no dividends, no corporate tax — the simplest strategy,
  said in the hypotheses; EURL activity ``liberale`` for a BNC activity,
  ``commerciale`` otherwise;
- ``salarie`` (reference): a CDI whose employer cost (``cout_employeur``)
  equals the portage firm's employer cost for the mission.

Every net is per month, after the expenses are paid: « net avant impôt » and
« net après impôt » (portage, CDI, EURL, SASU: the withholding tax as each
calculator computes it — neutral rate unless a personal rate is given; micro:
the barème for one part, or the versement libératoire).

The chart: the net after tax per month against the TJM (same days and
expenses), at :data:`POINTS` TJM values, one line per status; the micro line
stops above the turnover ceiling of its activity.  Where two lines cross is
computed (linear between points) and listed.
"""

from __future__ import annotations

import math

from . import micro as _micro, portage as _portage
from .core.arrondi import cents
from .core.dates import date_field
from .core.parametres import At
from .core.schema import Field

NAME = "comparateur_statuts"
TITLE = "Comparateur de statuts"
DESCRIPTION = (
    "Pour une même mission (TJM et jours facturés, ou chiffre d'affaires annuel) et les mêmes frais : le revenu "
    "net avant et après impôt en portage salarial, en micro-entreprise, en EURL et en SASU, à côté d'un salaire "
    "en CDI de même coût employeur, avec la protection sociale de chaque statut et la courbe du net selon le TJM."
)

# order of the columns; the reference first
STATUTS = (
    ("cdi", "salarie", "CDI (référence, même coût employeur)"),
    ("portage", "portage", "Portage salarial (CDI)"),
    ("micro", "micro", "Micro-entreprise"),
    ("eurl", "eurl", "EURL (gérant à l'IS)"),
    ("sasu", "sasu", "SASU (président)"),
)
POINTS = tuple(range(200, 1501, 100))  # TJM of the chart, €/jour

_G = "Mission"
_G_OPT = "Options des statuts"


def _portage_field(name, **over):
    f = next(f for f in _portage.FIELDS if f.name == name)
    return Field(**{**{k: getattr(f, k) for k in f.__dataclass_fields__}, **over})


def _micro_field(name, **over):
    f = next(f for f in _micro.FIELDS if f.name == name)
    return Field(**{**{k: getattr(f, k) for k in f.__dataclass_fields__}, **over})


FIELDS = (
    _portage_field("tjm", group=_G),
    _portage_field("jours", group=_G),
    Field("chiffre_affaires_annuel", "Ou chiffre d'affaires annuel (hors taxes)", "number", unit="€/an",
          minimum=0, maximum=10_000_000, default=None, group=_G,
          help="S'il est indiqué, il remplace TJM × jours × 12 ; le TJM devient chiffre d'affaires ÷ 12 ÷ jours."),
    Field("frais", "Frais professionnels", "number", unit="€/mois", minimum=0, maximum=1_000_000, default=0,
          group=_G, help="Matériel, déplacements, logiciels, comptable… payés pour l'activité, par mois."),
    _portage_field("frais_gestion", group=_G_OPT),
    _micro_field("activite", label="Activité en micro-entreprise", group=_G_OPT, advanced=True),
    _micro_field("versement_liberatoire", label="Micro-entreprise : versement libératoire", group=_G_OPT,
                 advanced=True),
    date_field(),
)


def check(values: dict) -> dict:
    if not values.get("chiffre_affaires_annuel") and not (values.get("tjm") or 0) > 0:
        return {"tjm": "Indiquez un TJM supérieur à zéro (ou un chiffre d'affaires annuel)."}
    if not (values.get("jours") or 0) > 0:
        return {"jours": "Indiquez un nombre de jours facturés supérieur à zéro."}
    return {}


def chiffre_affaires_mensuel(values: dict) -> float:
    if values.get("chiffre_affaires_annuel"):
        return values["chiffre_affaires_annuel"] / 12
    return values["tjm"] * values["jours"]


def entrees(values: dict, tjm: float | None = None) -> dict:
    """The inputs of each status's calculator for the comparator's ``values``
    (at ``tjm`` instead of the mission's, for the chart).  The CDI reference
    depends on the portage result: see :func:`entree_cdi`."""
    jours = values["jours"]
    if tjm is None:
        ca_m = chiffre_affaires_mensuel(values)
        tjm = values["tjm"] if not values.get("chiffre_affaires_annuel") else round(ca_m / jours, 6)
    else:
        ca_m = tjm * jours
    ca_an = cents(ca_m * 12)
    frais_m = values.get("frais") or 0.0
    d = values["date"].isoformat()
    budget = max(0.0, cents(ca_an - frais_m * 12))
    act = values.get("activite") or "bnc_ssi"
    return {
        "portage": {"tjm": tjm, "jours": jours, "frais_gestion": values["frais_gestion"],
                    "frais_professionnels": frais_m, "date": d},
        "micro": {"chiffre_affaires": ca_an, "periode": "annee", "activite": act,
                  "versement_liberatoire": bool(values.get("versement_liberatoire")), "date": d},
        "eurl": {"cout_total": budget, "periode": "annee",
                 "activite": "liberale" if act.startswith("bnc") else "commerciale", "date": d},
        "sasu": {"cout_total": budget, "periode": "annee", "date": d},
    }


def entree_cdi(portage_result: dict, date_iso: str) -> dict:
    return {"cout_employeur": portage_result["cout_employeur"], "date": date_iso}


def _registered() -> set:
    from . import names
    return set(names())


def _run(name: str, inputs: dict) -> dict:
    from . import run
    return run(name, inputs)


def nets(code: str, r: dict, frais_m: float) -> dict:
    """Monthly figures of one status's result, after the expenses."""
    if code == "micro":
        a = r["annuel"]
        return {"net_avant_impot": cents(a["revenu_net"] / 12 - frais_m),
                "impot": cents(a["impot"] / 12),
                "net_apres_impot": cents(a["revenu_net_apres_impot"] / 12 - frais_m)}
    if code in ("eurl", "sasu"):
        k = 12 if r.get("periode", "annee") == "annee" else 1
        return {"net_avant_impot": cents(r["net_avant_impot"] / k),
                "impot": cents(r["impot_revenu"] / k),
                "net_apres_impot": cents(r["net_apres_impot"] / k)}
    # portage and salarie: monthly; the portage expenses are reimbursed on top of the net
    return {"net_avant_impot": r["net_avant_impot"],
            "impot": cents(r["net_avant_impot"] - r["net_apres_impot"]),
            "net_apres_impot": r["net_apres_impot"]}


def evaluate(values: dict) -> dict:
    """Each status at the mission's inputs: {code: {"entrees", "resultat" | "erreurs", nets}}."""
    reg = _registered()
    ins = entrees(values)
    frais_m = values.get("frais") or 0.0
    out = {}
    for code in ("portage", "micro", "eurl", "sasu"):
        if code not in reg:
            continue
        res = _run(code, ins[code])
        out[code] = {"entrees": ins[code], **({"resultat": res["result"]} if res["ok"] else {"erreurs": res["errors"]})}
    if "salarie" in reg and "resultat" in out.get("portage", {}):
        ein = entree_cdi(out["portage"]["resultat"], values["date"].isoformat())
        res = _run("salarie", ein)
        out["cdi"] = {"entrees": ein, **({"resultat": res["result"]} if res["ok"] else {"erreurs": res["errors"]})}
    for code, o in out.items():
        if "resultat" in o:
            o.update(nets(code, o["resultat"], 0.0 if code in ("portage", "cdi", "eurl", "sasu") else frais_m))
    return out


def courbes(values: dict) -> dict:
    """Net after tax per month at each TJM of :data:`POINTS` (and the mission's TJM)."""
    reg = _registered()
    frais_m = values.get("frais") or 0.0
    mission_tjm = round(chiffre_affaires_mensuel(values) / values["jours"], 2)
    extra = {mission_tjm}
    if "micro" in reg:
        # the last TJM (to the cent) whose yearly turnover stays within the micro ceiling
        m = _run("micro", entrees(values)["micro"])
        if m["ok"]:
            plafond = m["result"]["plafond_chiffre_affaires"]
            x = math.floor(plafond / 12 / values["jours"] * 100) / 100
            while x > 0 and cents(x * values["jours"] * 12) > plafond:
                x = round(x - 0.01, 2)
            if POINTS[0] < x < POINTS[-1]:
                extra.add(x)
    xs = sorted(set(POINTS) | extra)
    series = {code: [] for code, name, _ in STATUTS if name in reg}
    for x in xs:
        ins = entrees(values, tjm=x)
        pres = None
        for code in ("portage", "micro", "eurl", "sasu"):
            if code not in series:
                continue
            res = _run(code, ins[code])
            y = None
            if res["ok"]:
                r = res["result"]
                if code == "portage":
                    pres = r
                if code == "micro" and plafond_depasse(r):
                    y = None  # beyond the ceiling, the micro regime does not apply
                else:
                    y = nets(code, r, frais_m if code == "micro" else 0.0)["net_apres_impot"]
            series[code].append(y)
        if "cdi" in series:
            y = None
            if pres is not None:
                res = _run("salarie", entree_cdi(pres, values["date"].isoformat()))
                if res["ok"]:
                    y = res["result"]["net_apres_impot"]
            series["cdi"].append(y)
    return {"tjm": xs, "series": series, "tjm_mission": mission_tjm}


def croisements(c: dict, labels: dict) -> list[dict]:
    """Where two lines cross between two chart points (linear interpolation)."""
    out = []
    codes = list(c["series"])
    xs = c["tjm"]
    for i, a in enumerate(codes):
        for b in codes[i + 1:]:
            ya, yb = c["series"][a], c["series"][b]
            for k in range(len(xs) - 1):
                if None in (ya[k], yb[k], ya[k + 1], yb[k + 1]):
                    continue
                d0, d1 = ya[k] - yb[k], ya[k + 1] - yb[k + 1]
                if d0 == 0 or d0 * d1 >= 0:
                    continue
                x = xs[k] + (xs[k + 1] - xs[k]) * d0 / (d0 - d1)
                y = ya[k] + (ya[k + 1] - ya[k]) * (x - xs[k]) / (xs[k + 1] - xs[k])
                haut = a if d1 > 0 else b
                bas = b if haut == a else a
                out.append({"statuts": [a, b], "tjm": round(x), "net_apres_impot": cents(y),
                            "message": f"Vers {round(x)} €/jour, {labels[haut]} passe devant {labels[bas]}."})
    out.sort(key=lambda o: o["tjm"])
    return out


def _eur(x: float) -> str:
    s = f"{abs(x):,.0f}".replace(",", "\u202f")
    return ("\u2212" if x < -0.5 else "") + s + "\u00a0€"


def compute(values: dict) -> dict:
    p = At(values["date"])
    reg = _registered()
    ev = evaluate(values)
    frais_m = values.get("frais") or 0.0
    ca_m = cents(chiffre_affaires_mensuel(values))
    labels = {code: lib for code, _, lib in STATUTS}
    present = [(code, name, lib) for code, name, lib in STATUTS if code in ev]
    manquants = [lib for code, name, lib in STATUTS if name not in reg]

    statuts = []
    alertes = []
    for code, name, lib in present:
        o = ev[code]
        row = {"code": code, "calculateur": name, "libelle": lib}
        if "resultat" not in o:
            row["erreur"] = " ".join(o["erreurs"].values())
            alertes.append({"niveau": "attention", "message": f"{lib} : {row['erreur']}"})
            statuts.append(row)
            continue
        r = o["resultat"]
        row.update({k: o[k] for k in ("net_avant_impot", "impot", "net_apres_impot")})
        if code == "cdi":
            row["chiffre_affaires"] = None
            row["cout"] = r["cout_employeur"]
            row["frais"] = 0.0
        else:
            row["chiffre_affaires"] = ca_m
            row["frais"] = frais_m
        row["prelevements"] = (cents(row["cout"] - row["net_avant_impot"]) if code == "cdi"
                               else cents(ca_m - frais_m - row["net_avant_impot"]))
        row["taux_restitution"] = (round(row["net_avant_impot"] / ca_m, 4) if ca_m and code != "cdi" else None)
        for k in ("chomage", "retraite", "maladie"):
            row[k] = p(f"comparateur_statuts.protection.{k}")[code]
        for a in r.get("alertes") or []:
            # the micro ceiling is said once, below, in the comparator's own words
            if a.get("niveau") == "attention" and not (code == "micro" and plafond_depasse(r)):
                alertes.append({"niveau": "attention", "message": f"{lib} : {a['message']}"})
        statuts.append(row)

    lignes_comparaison = [
        {"code": "chiffre_affaires", "libelle": "Chiffre d'affaires (hors taxes)", "unite": "€/mois"},
        {"code": "frais", "libelle": "Frais professionnels payés", "unite": "€/mois"},
        {"code": "prelevements", "libelle": "Cotisations et autres prélèvements (frais de gestion, réserve…)",
         "unite": "€/mois"},
        {"code": "net_avant_impot", "libelle": "Net avant impôt, après frais", "unite": "€/mois", "sens": "max"},
        {"code": "impot", "libelle": "Impôt sur le revenu", "unite": "€/mois"},
        {"code": "net_apres_impot", "libelle": "Net après impôt, après frais", "unite": "€/mois", "sens": "max"},
        {"code": "taux_restitution", "libelle": "Part du chiffre d'affaires gardée avant impôt", "unite": "taux"},
        {"code": "chomage", "libelle": parametre_libelle("comparateur_statuts.protection.chomage"), "unite": ""},
        {"code": "retraite", "libelle": parametre_libelle("comparateur_statuts.protection.retraite"), "unite": ""},
        {"code": "maladie", "libelle": parametre_libelle("comparateur_statuts.protection.maladie"), "unite": ""},
    ]

    c = courbes(values)
    crois = croisements(c, labels)
    nets_by = {s["code"]: {k: s.get(k) for k in ("net_avant_impot", "impot", "net_apres_impot")}
               for s in statuts if "erreur" not in s}
    best = max((s for s in statuts if s["code"] != "cdi" and "erreur" not in s),
               key=lambda s: s["net_apres_impot"], default=None)
    chiffres = [{"code": "chiffre_affaires", "libelle": "Chiffre d'affaires de la mission", "valeur": ca_m,
                 "unite": "€/mois", "aide": ""}]
    for s in statuts:
        if "erreur" in s:
            continue
        chiffres.append({"code": f"net_apres_impot_{s['code']}", "libelle": f"{s['libelle']} : net après impôt",
                         "valeur": s["net_apres_impot"], "unite": "€/mois",
                         "aide": "Après frais professionnels." if s["code"] != "cdi" else
                         f"Salaire d'un CDI coûtant {_eur(s['cout'])} par mois à l'employeur."})

    if "micro" in ev and "resultat" in ev["micro"]:
        mr = ev["micro"]["resultat"]
        if plafond_depasse(mr):
            alertes.insert(0, {"niveau": "attention", "message": (
                f"Micro-entreprise : {_eur(mr['annuel']['chiffre_affaires'])} par an dépasse le plafond de "
                f"{_eur(mr['plafond_chiffre_affaires'])} ; le régime ne s'applique pas durablement à cette mission "
                "(la colonne est donnée pour mémoire).")})

    hypotheses = [
        "Chaque colonne vient du simulateur du statut, avec les mêmes règles que sa page : portage salarial, "
        "micro-entreprise, EURL, SASU, et le simulateur de salaire pour le CDI de référence.",
        f"Portage salarial : CDI, frais de gestion de {_pct(values['frais_gestion'])} ; les frais professionnels "
        "sont remboursés sur le chiffre d'affaires, la réserve financière (versée plus tard) est comptée dans "
        "les prélèvements.",
        "Micro-entreprise : " + dict(_micro.ACTIVITES)[values.get("activite") or "bnc_ssi"].lower()
        + ("; versement libératoire" if values.get("versement_liberatoire") else
           " ; impôt au barème pour une personne seule (1 part), sans autres revenus")
        + " ; les frais ne sont pas déductibles et sont retirés du net.",
        "EURL et SASU : la société consacre tout le chiffre d'affaires, moins les frais, à la rémunération du "
        "dirigeant (cotisations comprises) : ni bénéfice, ni impôt sur les sociétés, ni dividendes. Les frais de "
        "tenue de la société (comptable, banque) sont à inclure dans les frais.",
        "CDI de référence : un salarié cadre dont le coût employeur égale celui du portage pour cette mission.",
        "Impôt : prélèvement à la source au taux neutre (personne seule) pour le CDI, le portage, l'EURL et la "
        "SASU, comme le calcule chaque simulateur ; le vrai impôt dépend de votre foyer.",
        f"Courbe : net après impôt par mois selon le TJM, pour {_num(values['jours'])} jours facturés par mois et "
        "les mêmes frais ; la ligne de la micro-entreprise s'arrête au plafond de chiffre d'affaires.",
    ]
    if manquants:
        hypotheses.append("Non disponibles pour l'instant : " + ", ".join(manquants) + ".")

    sources = list(p.sources())
    seen = {s["parametre"] for s in sources}
    for o in ev.values():
        for s in (o.get("resultat") or {}).get("sources") or []:
            if s.get("parametre") not in seen:
                seen.add(s.get("parametre"))
                sources.append(s)

    return {
        "chiffre_affaires": ca_m,
        "frais": frais_m,
        "tjm": c["tjm_mission"],
        "nets": nets_by,
        "meilleur_net_apres_impot": best["code"] if best else None,
        "chiffres_cles": chiffres,
        "statuts": statuts,
        "comparaison_statuts": lignes_comparaison,
        "courbes": c,
        "croisements": crois,
        "annuel": {"chiffre_affaires": cents(ca_m * 12)},
        "hypotheses": hypotheses,
        "alertes": alertes,
        "sources": sources,
        "date": values["date"].isoformat(),
    }


def plafond_depasse(micro_result: dict) -> bool:
    return micro_result["annuel"]["chiffre_affaires"] > micro_result["plafond_chiffre_affaires"]


def parametre_libelle(name: str) -> str:
    from .core.parametres import parametre
    return parametre(name).libelle


def _pct(x: float) -> str:
    return f"{x * 100:.2f}".rstrip("0").rstrip(".").replace(".", ",") + "\u00a0%"


def _num(x: float) -> str:
    return f"{x:g}".replace(".", ",")
