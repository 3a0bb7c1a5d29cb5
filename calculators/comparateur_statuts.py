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

Every net is per month, after the expenses are paid: « net avant impôt » (each
calculator's figure) and « net après impôt », by ONE method for every column:
the household's income tax by the barème (CGI art. 197: quotient familial with
its ceiling per extra half-part, décote; ``micro.impot_foyer``), for the
household given by ``situation_famille``, ``parts`` (empty: 1 part alone, 2 as a
couple) and ``autres_revenus`` (its other taxable income per year, net of its
own allowances, the same in every column).  The tax of a column is what the
activity adds to the household's tax: tax(other income + the column's taxable
income) − tax(other income), each rounded to the euro (CGI art. 1657).

The taxable income of each column (:func:`revenu_imposable`):

- CDI and portage: the yearly net imposable, less the flat 10 % deduction for
  expenses (CGI art. 83, 3°; ``micro.revenu_apres_deduction_frais``);
- SASU: the président's net imposable, less the same deduction (art. 80 ter, 83);
- EURL: the gérant's professional income (the eurl module's net imposable), less
  the same deduction (art. 62);
- micro: the turnover less the flat allowance (the micro calculator's
  ``revenu_imposable``); with the versement libératoire (when chosen; eligibility
  assumed, as the micro calculator does without a revenu fiscal de référence), the
  micro income leaves the barème and its tax is the versement (CGI art. 151-0);
  the household's other income stays at the barème, without it;
- dividends: none in this strategy (everything is paid as pay); their income tax
  would be the PFU's income-tax part (the barème option is not modelled).

The withholding (prélèvement à la source) is shown apart, as cash timing, not as
the tax: the first year's monthly advance.  CDI, portage and SASU: withheld by the
payer (CGI art. 204 A), each calculator's figure at the neutral rate (the
household's own rate is not known here).  EURL (art. 62 pay) and micro without
the versement libératoire: acomptes (CGI art. 204 C) set from the income already
declared, none the first year unless the taxpayer declares an estimate: 0.  Micro
with the versement libératoire: the versement itself, paid with the contributions.

:func:`nets` (the monthly figures of one calculator's result, with the
calculator's own tax) is kept for the TJM calculator, whose targets are the
status calculators' own nets.

The chart: the net after tax per month against the TJM (same days and
expenses), at :data:`POINTS` TJM values, one line per status; the micro line
stops above the turnover ceiling of its activity.  Where two lines cross is
computed (linear between points) and listed.
"""

from __future__ import annotations

import math

from . import micro as _micro
from . import portage as _portage
from .core import format as fmt
from .core.arrondi import cents
from .core.dates import date_field
from .core.parametres import At, fusion_sources
from .core.schema import Field, champ_de
from .regles.micro_entreprise import ACTIVITES, taux_abattement, taux_versement_liberatoire
from .statuts import (  # noqa: F401
    chiffre_affaires_mensuel,
    colonne,
    entree_cdi,
    entrees,
    erreurs_foyer,
    foyer,
    impot_sans_activite,
    nets,
    prelevement_source,
    revenu_imposable,
)

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
# the tax figures of each column (monthly)
_CHIFFRES_IMPOT = ("net_avant_impot", "revenu_imposable", "impot_foyer", "impot_revenu", "net_apres_impot",
                   "prelevement_source")

_G = "Mission"
_G_OPT = "Options des statuts"
_G_FOYER = "Impôt sur le revenu du foyer"


def _portage_field(name, **over):
    return champ_de(_portage.FIELDS, name, **over)


def _micro_field(name, **over):
    return champ_de(_micro.FIELDS, name, **over)


FIELDS = (
    _portage_field("tjm", group=_G),
    _portage_field("jours", group=_G),
    Field("chiffre_affaires_annuel", "Ou chiffre d'affaires annuel (hors taxes)", "number", unit="€/an",
          minimum=0, maximum=10_000_000, default=None, group=_G,
          help="S'il est indiqué, il remplace TJM × jours × 12 ; le TJM devient chiffre d'affaires ÷ 12 ÷ jours."),
    Field("frais", "Frais professionnels", "number", unit="€/mois", minimum=0, maximum=1_000_000, default=0,
          group=_G, help="Matériel, déplacements, logiciels… payés pour l'activité, par mois (le comptable, la banque, "
               "l'assurance et la CFE sont comptés à part, dans les coûts de fonctionnement du statut)."),
    _portage_field("frais_gestion", group=_G_OPT),
    _micro_field("activite", label="Activité en micro-entreprise", group=_G_OPT, advanced=True),
    _micro_field("versement_liberatoire", label="Micro-entreprise : versement libératoire", group=_G_OPT,
                 advanced=True,
                 help="Remplace le barème sur le revenu de la micro-entreprise : un pourcentage du chiffre "
                      "d'affaires, payé avec les cotisations ; les autres revenus du foyer restent au barème."),
    Field("couts_structure", "Coûts de fonctionnement du statut", "choice", default="bas", group=_G_OPT, advanced=True,
          choices=(("bas", "Bas de la fourchette du guide"), ("haut", "Haut de la fourchette du guide"),
                   ("aucun", "Ne pas les compter")),
          help="Une année courante, hors création : expert-comptable, compte bancaire, assurance responsabilité "
               "civile professionnelle et CFE pour une société ; banque, assurance et CFE pour une "
               "micro-entreprise ; les frais fixes éventuels de la société de portage (pas de CFE en portage). "
               "Montants datés et sourcés du guide (voir la méthodologie). Ils sont retirés du net après impôt."),
    _micro_field("situation_famille", group=_G_FOYER, advanced=True,
                 help="Un couple marié ou pacsé déclare ses revenus ensemble (imposition commune)."),
    _micro_field("parts", group=_G_FOYER, advanced=True,
                 help="Par demi-part (1 ; 1,5 ; 2…). Laissé vide : 1 part pour une personne seule, 2 pour un "
                      "couple. Les enfants à charge ajoutent des demi-parts (une demi-part pour chacun des deux "
                      "premiers, une part à partir du troisième)."),
    Field("autres_revenus", "Autres revenus imposables du foyer", "number", unit="€/an", minimum=0,
          maximum=100_000_000, default=0, group=_G_FOYER, advanced=True,
          help="Par an, après leurs propres abattements : salaire du conjoint après sa déduction pour frais, "
               "revenus fonciers nets… Ils sont les mêmes dans toutes les colonnes.",
          reference="Code général des impôts, art. 156"),
    date_field(),
)


def check(values: dict) -> dict:
    errors = {}
    if not values.get("chiffre_affaires_annuel") and not (values.get("tjm") or 0) > 0:
        errors["tjm"] = "Indiquez un TJM supérieur à zéro (ou un chiffre d'affaires annuel)."
    if not (values.get("jours") or 0) > 0:
        errors["jours"] = "Indiquez un nombre de jours facturés supérieur à zéro."
    errors.update(erreurs_foyer(values))
    return errors


_COUTS = "couts_statuts."


def couts_statut(code: str, values: dict, p: At, ca_an: float) -> list:
    """The running costs of one status for a current year (not its creation), per
    year: [{"libelle", "montant"}], from ``couts_statuts.toml`` at the low or high
    end of its ranges (``couts_structure``; ``aucun``: none).  Portage has no CFE
    (the portage firm is the employer) and, at the low end, no fixed fee; the CFE
    is the guide's estimate for a consultant working from home, nothing when the
    turnover stays within the exemption of the minimum contribution (CGI art.
    1647 D); the CDI costs nothing."""
    niveau = values.get("couts_structure") or "bas"
    if niveau == "aucun" or code == "cdi":
        return []
    k = "min" if niveau == "bas" else "max"
    if code == "portage":
        if niveau == "bas":
            return []
        return [{"libelle": "frais fixes par compte rendu d'activité (12 mois)",
                 "montant": 12 * p(_COUTS + "portage.frais_par_compte_rendu.max")}]
    banque = "micro" if code == "micro" else "societe"
    out = [{"libelle": "compte bancaire (12 mois)", "montant": 12 * p(f"{_COUTS}gestion.banque.{banque}.{k}")},
           {"libelle": "assurance responsabilité civile professionnelle", "montant": p(f"{_COUTS}gestion.rc_pro.{k}")}]
    if code != "micro":
        out.append({"libelle": "expert-comptable", "montant": p(f"{_COUTS}gestion.expert_comptable.{k}")})
    cfe = 0.0 if ca_an <= p(_COUTS + "cfe.exoneration_ca_max") else p(f"{_COUTS}cfe.estimation.{k}")
    out.append({"libelle": "CFE", "montant": cfe})
    return out


def _registered() -> set:
    from . import names
    return set(names())


def _run(name: str, inputs: dict) -> dict:
    from . import run
    return run(name, inputs)


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
    p = At(values["date"])
    sans = impot_sans_activite(values, p)
    for code, o in out.items():
        if "resultat" in o:
            o.update(colonne(code, o["resultat"], frais_m if code == "micro" else 0.0, values, p, sans))
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
    p = At(values["date"])
    sans = impot_sans_activite(values, p)
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
                    y = colonne(code, r, frais_m if code == "micro" else 0.0, values, p, sans)["net_apres_impot"]
            series[code].append(y)
        if "cdi" in series:
            y = None
            if pres is not None:
                res = _run("salarie", entree_cdi(pres, values["date"].isoformat()))
                if res["ok"]:
                    y = colonne("cdi", res["result"], 0.0, values, p, sans)["net_apres_impot"]
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
        row.update({k: o[k] for k in _CHIFFRES_IMPOT})
        row["paiement_impot"] = p("comparateur_statuts.paiement_impot")[
            "micro_vl" if code == "micro" and r["versement_liberatoire"] else code]
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
        row["couts_detail"] = couts_statut(code, values, p, cents(ca_m * 12))
        row["couts_statut"] = cents(sum(c["montant"] for c in row["couts_detail"]) / 12)
        row["net_apres_couts"] = cents(row["net_apres_impot"] - row["couts_statut"])
        for k in ("chomage", "retraite", "maladie"):
            row[k] = p(f"comparateur_statuts.protection.{k}")[code]
        for a in r.get("alertes") or []:
            # the micro ceiling is said once, below, in the comparator's own words
            if a.get("niveau") == "attention" and not (code == "micro" and plafond_depasse(r)):
                alertes.append({"niveau": "attention", "message": f"{lib} : {a['message']}"})
        statuts.append(row)

    lignes_protection = protection_lignes(values, statuts, p, alertes)

    f = foyer(values)
    sans = impot_sans_activite(values, p)
    vl = bool(values.get("versement_liberatoire"))
    ded = fmt.pourcent(p("dirigeant.impot_revenu.abattement_frais.taux"))
    impot_rows = [{"code": "revenu_imposable", "unite": "€/mois",
                   "libelle": f"Revenu imposable de l'activité (après l'abattement micro ou la déduction de {ded})"}]
    if sans:
        # with other taxable income, the household's whole tax and the activity's share differ
        impot_rows += [
            {"code": "impot_foyer", "unite": "€/mois",
             "libelle": "Impôt sur le revenu du foyer, au total (barème" + (" ; micro : versement libératoire en plus"
                                                                           if vl else "") + ")"},
            {"code": "impot_revenu", "unite": "€/mois",
             "libelle": "Impôt sur le revenu dû à l'activité (impôt du foyer avec elle, moins sans elle)"},
        ]
    else:
        impot_rows.append({"code": "impot_revenu", "unite": "€/mois",
                           "libelle": "Impôt sur le revenu (foyer, barème" + (" ; micro : versement libératoire"
                                                                              if vl else "") + ")"})
    lignes_comparaison = [
        {"code": "chiffre_affaires", "libelle": "Chiffre d'affaires (hors taxes)", "unite": "€/mois"},
        {"code": "frais", "libelle": "Frais professionnels payés", "unite": "€/mois"},
        {"code": "prelevements", "libelle": "Cotisations et autres prélèvements (frais de gestion, réserve…)",
         "unite": "€/mois"},
        {"code": "net_avant_impot", "libelle": "Net avant impôt, après frais", "unite": "€/mois", "sens": "max"},
        *impot_rows,
        {"code": "net_apres_impot", "libelle": "Net après impôt sur le revenu, après frais", "unite": "€/mois",
         "sens": "max"},
        *([] if (values.get("couts_structure") or "bas") == "aucun" else [
            {"code": "couts_statut", "unite": "€/mois",
             "libelle": "Coûts de fonctionnement du statut (comptable, banque, assurance, CFE), une année courante"},
            {"code": "net_apres_couts", "libelle": "Net après les coûts du statut", "unite": "€/mois", "sens": "max"},
        ]),
        {"code": "prelevement_source", "unite": "€/mois",
         "libelle": "Prélèvement à la source la première année (avance sur l'impôt, pas un impôt de plus)"},
        {"code": "paiement_impot", "libelle": parametre_libelle("comparateur_statuts.paiement_impot"), "unite": ""},
        {"code": "taux_restitution", "libelle": "Part du chiffre d'affaires gardée avant impôt", "unite": "taux"},
        *lignes_protection,
        {"code": "chomage", "libelle": parametre_libelle("comparateur_statuts.protection.chomage"), "unite": ""},
        {"code": "retraite", "libelle": parametre_libelle("comparateur_statuts.protection.retraite"), "unite": ""},
        {"code": "maladie", "libelle": parametre_libelle("comparateur_statuts.protection.maladie"), "unite": ""},
    ]

    c = courbes(values)
    crois = croisements(c, labels)
    nets_by = {s["code"]: {**{k: s.get(k) for k in _CHIFFRES_IMPOT},
                           "impot_revenu_annuel": ev[s["code"]]["annuel"]["impot_revenu"]}
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
                         "aide": ("Après frais professionnels et impôt sur le revenu du foyer." if s["code"] != "cdi"
                                  else f"Salaire d'un CDI coûtant {fmt.euros(s['cout'])} par mois à l'employeur, "
                                       "après impôt sur le revenu du foyer.")})

    if "micro" in ev and "resultat" in ev["micro"]:
        mr = ev["micro"]["resultat"]
        if plafond_depasse(mr):
            alertes.insert(0, {"niveau": "attention", "message": (
                f"Micro-entreprise : {fmt.euros(mr['annuel']['chiffre_affaires'])} par an dépasse le plafond de "
                f"{fmt.euros(mr['plafond_chiffre_affaires'])} ; le régime ne s'applique pas durablement à cette mission "
                "(la colonne est donnée pour mémoire).")})

    hypotheses = [
        "Chaque colonne vient du simulateur du statut, avec les mêmes règles que sa page : portage salarial, "
        "micro-entreprise, EURL, SASU, et le simulateur de salaire pour le CDI de référence.",
        f"Portage salarial : CDI, frais de gestion de {fmt.pourcent(values['frais_gestion'])} ; les frais professionnels "
        "sont remboursés sur le chiffre d'affaires, la réserve financière (versée plus tard) est comptée dans "
        "les prélèvements.",
        "Micro-entreprise : " + dict(ACTIVITES)[values.get("activite") or "bnc_ssi"].lower()
        + (" ; versement libératoire" if vl else "")
        + " ; les frais ne sont pas déductibles et sont retirés du net.",
        "EURL et SASU : la société consacre tout le chiffre d'affaires, moins les frais, à la rémunération du "
        "dirigeant (cotisations comprises) : ni bénéfice, ni impôt sur les sociétés, ni dividendes.",
        "CDI de référence : un salarié cadre dont le coût employeur égale celui du portage pour cette mission.",
        *hypotheses_couts(values, statuts),
        *hypotheses_impot(values, f, sans, p),
        f"Courbe : net après impôt par mois selon le TJM, pour {fmt.nombre(values['jours'])} jours facturés par mois et "
        "les mêmes frais ; la ligne de la micro-entreprise s'arrête au plafond de chiffre d'affaires.",
    ]
    if manquants:
        hypotheses.append("Non disponibles pour l'instant : " + ", ".join(manquants) + ".")

    sources = fusion_sources(p.sources(), *((o.get("resultat") or {}).get("sources") or [] for o in ev.values()))

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
        "annuel": {"chiffre_affaires": cents(ca_m * 12), "impot_sans_activite": sans},
        "foyer": f,
        "hypotheses": hypotheses,
        "alertes": alertes,
        "sources": sources,
        "periode": "mois",  # the period of the amounts (core/resultat.py)
        "date": values["date"].isoformat(),
    }


# the protection calculator's figures shown as rows: (code, label, unit)
PROTECTION_LIGNES = (
    ("trimestres", "Trimestres de retraite validés (par an)", "trimestres"),
    ("pension_complementaire_annuelle", "Pension complémentaire achetée par l’année", "€/an"),
    ("ij_maladie_jour", "Indemnité maladie par jour", "€/jour"),
    ("capital_deces", "Capital décès", "€"),
)
SANS_OBJET = "ne s’applique pas"


def entree_protection(code: str, values: dict) -> dict:
    """The protection calculator's inputs for one column: the comparator's own
    mission inputs (its CDI is the protection calculator's default, the same
    employer cost as the portage)."""
    return {"statut": code, "tjm": values.get("tjm"), "jours": values["jours"],
            "chiffre_affaires_annuel": values.get("chiffre_affaires_annuel"), "frais": values.get("frais") or 0.0,
            "frais_gestion": values["frais_gestion"], "activite": values.get("activite") or "bnc_ssi",
            "date": values["date"].isoformat()}


def _liste(noms: list) -> str:
    return noms[0] if len(noms) == 1 else ", ".join(noms[:-1]) + " et " + noms[-1]


def _egaux(groupes: dict) -> str:
    """Which columns share a value (said in words: the table does not merge cells)."""
    parts = [_liste(noms) for v, noms in groupes.items() if len(noms) > 1]
    if len(groupes) == 1 and parts:
        return " Même valeur pour tous les statuts."
    return (" Valeurs égales : " + " ; ".join(parts) + ".") if parts else ""


def protection_lignes(values: dict, statuts: list, p: At, alertes: list) -> list:
    """The protection rows: each column's figures from the protection calculator
    (through :func:`calculators.run`, at the comparator's inputs), put in the
    status rows; each row with its sentence, which names the columns of equal value.
    None (a rule that does not apply) stays None and is shown « ne s’applique pas »."""
    if "protection" not in _registered():
        return []
    courts = {"cdi": "CDI", "portage": "portage", "micro": "micro-entreprise", "eurl": "EURL", "sasu": "SASU"}
    shown = []
    carences = {}
    sans_ij = []
    for s in statuts:
        if "erreur" in s:
            continue
        res = _run("protection", entree_protection(s["code"], values))
        if not res["ok"]:
            # left out of the column (shown « — »), and said: never « ne s’applique pas » for a failure
            alertes.append({"niveau": "attention", "message": f"{s['libelle']} : protection sociale non calculée ("
                            + " ".join(res["errors"].values()) + ")."})
            continue
        r = res["result"]
        for code, _, _ in PROTECTION_LIGNES:
            s[code] = r.get(code)
        if r.get("ij_maladie_jour"):
            carences.setdefault(r.get("jours_de_carence"), []).append(courts[s["code"]])
        elif r.get("ij_maladie_jour") == 0:
            sans_ij.append(courts[s["code"]])
        shown.append(s)
    if not shown:
        return []
    textes = p("comparateur_statuts.protection.lignes")
    out = []
    for code, libelle, unite in PROTECTION_LIGNES:
        groupes = {}
        for s in shown:
            groupes.setdefault(s[code], []).append(courts[s["code"]])
        phrase = textes[code]
        if code == "ij_maladie_jour" and carences:
            phrase += " Jours de carence, non indemnisés, au début de chaque arrêt : " + " ; ".join(
                (f"{fmt.nombre(n)} jour{'s' if n > 1 else ''}" if n is not None else "non connus") + f" ({_liste(noms)})"
                for n, noms in carences.items()) + "."
        if code == "ij_maladie_jour" and sans_ij:
            phrase += f" Aucune indemnité à ce revenu : {_liste(sans_ij)}."
        out.append({"code": code, "libelle": libelle, "unite": unite, "phrase": phrase + _egaux(groupes),
                    "sans_objet": SANS_OBJET})
    return out


def hypotheses_couts(values: dict, statuts: list) -> list:
    """The running costs counted in each column, with their amounts."""
    niveau = values.get("couts_structure") or "bas"
    if niveau == "aucun":
        return ["Coûts de fonctionnement du statut (comptable, banque, assurance, CFE) : non comptés."]
    parts = []
    for s in statuts:
        if "erreur" in s or s["code"] == "cdi":
            continue
        detail = [c for c in s["couts_detail"] if c["montant"]]
        what = (", ".join(f"{c['libelle']} {fmt.euros(c['montant'])}" for c in detail) if detail else "aucun")
        parts.append(f"{s['libelle']} : {what}")
    return [
        f"Coûts de fonctionnement du statut, {'bas' if niveau == 'bas' else 'haut'} de la fourchette du guide, "
        "par an, une année courante (la création et la première année, sans CFE, ne sont pas comptées) : "
        + " ; ".join(parts) + ". Leur total ÷ 12 est retiré du net après impôt, comme s'ils étaient payés sur "
        "votre revenu : en société, ils sont en réalité déductibles et pèsent un peu moins. Ce sont des "
        "estimations datées, modifiables dans calculators/data/couts_statuts.toml."
    ]


def hypotheses_impot(values: dict, f: dict, sans: float, p: At) -> list:
    """The tax method, said once for every column, with its inputs."""
    B = "impot.bareme_ir."
    principales = 2 if f["couple"] else 1
    act = values.get("activite") or "bnc_ssi"
    A = "dirigeant.impot_revenu.abattement_frais."
    ded = (f"{fmt.pourcent(p(A + 'taux'))} (au moins {fmt.euros(p(A + 'minimum'))}, au plus {fmt.euros(p(A + 'plafond'))} "
           "par an)")
    foyer_txt = (("couple marié ou pacsé" if f["couple"] else "personne seule") + f", {fmt.parts(f['parts'])}, "
                 + (f"{fmt.euros(f['autres_revenus'])} d'autres revenus imposables par an" if f["autres_revenus"]
                    else "sans autres revenus imposables"))
    regles = []
    if f["parts"] > principales:
        regles.append(f"quotient familial de {fmt.parts(f['parts'])}")
        regles.append(f"avantage plafonné à {fmt.euros(p(B + 'plafond_demi_part'))} par demi-part au-delà de "
                      f"{fmt.parts(principales)}")
    regles.append("décote")
    out = [
        "Impôt sur le revenu : une seule méthode pour toutes les colonnes, l'impôt du foyer au barème progressif "
        f"({foyer_txt} ; {', '.join(regles)} ; arrondi à l'euro). L'impôt d'une colonne est ce que l'activité "
        "ajoute à l'impôt du foyer : impôt avec son revenu imposable, moins impôt sans lui"
        + (f" ({fmt.euros(sans)} par an sur les autres revenus seuls)." if f["autres_revenus"] else "."),
        f"Revenu imposable de chaque colonne : CDI, portage et SASU, le salaire net imposable moins la déduction "
        f"forfaitaire pour frais de {ded} ; EURL, le revenu professionnel du gérant (rémunération nette, CSG non "
        "déductible et CRDS) moins la même déduction ; micro-entreprise, le chiffre d'affaires moins l'abattement "
        f"forfaitaire de {fmt.pourcent(taux_abattement(act, p))} (au moins "
        f"{fmt.euros(p('micro_entreprise.abattement.minimum'))})"
        + (f", sauf avec le versement libératoire : {fmt.pourcent(taux_versement_liberatoire(act, p))} du chiffre "
           "d'affaires, définitif, à la place du barème sur ce revenu (les autres revenus du foyer restent au barème, "
           "sans lui)." if values.get("versement_liberatoire") else "."),
        "Dividendes : aucun ici (la société verse tout en rémunération) ; s'il y en avait, leur impôt sur le revenu "
        f"serait le prélèvement forfaitaire unique de {fmt.pourcent(p('dirigeant.dividendes.pfu_impot_revenu'))} (l'option "
        "pour le barème n'est pas calculée).",
        "Prélèvement à la source : une avance sur cet impôt, pas un impôt de plus, régularisée l'année suivante "
        "après la déclaration. Le CDI, le portage et la SASU la retiennent chaque mois (montant affiché au taux "
        "neutre, faute de connaître le taux de votre foyer) ; en EURL et en micro-entreprise sans versement "
        "libératoire, des acomptes sont calculés d'après les revenus déjà déclarés : aucun la première année, sauf si "
        "vous déclarez une estimation.",
        "Barème : le dernier voté, appliqué aux revenus de l'année comme le fait le simulateur de l'Urssaf ; ni la "
        "contribution exceptionnelle sur les hauts revenus, ni la demi-part et le plafond propres au parent isolé, "
        "ni les réductions et crédits d'impôt ne sont calculés.",
    ]
    if values.get("versement_liberatoire"):
        plafond = p("micro_entreprise.versement_liberatoire.plafond_rfr_par_part")
        out.append(f"Versement libératoire : droit supposé (revenu fiscal de référence de l'avant-dernière année au "
                   f"plus {fmt.euros(plafond)} par part, soit {fmt.euros(plafond * f['parts'])} pour {fmt.parts(f['parts'])}).")
    return out


def plafond_depasse(micro_result: dict) -> bool:
    return micro_result["annuel"]["chiffre_affaires"] > micro_result["plafond_chiffre_affaires"]


def parametre_libelle(name: str) -> str:
    from .core.parametres import parametre
    return parametre(name).libelle
