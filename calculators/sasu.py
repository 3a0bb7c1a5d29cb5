"""SASU: the président « assimilé salarié », his pay, and the company's profit
left for dividends.

The president's pay follows the URSSAF model (npm ``modele-social`` 11.1.0):
``dirigeant . assimilé salarié`` is the salaried computation (``cotisations_salariales.py``,
cadre, CDI) with some rules made non applicable (« rend non applicable »):
assurance chômage, AGS, APEC, contribution au dialogue social, the RGDU (and
the 2025 réduction générale) and the reduced maladie and allocations
familiales rates.  This module calls ``cotisations_salariales.montants`` and drops those
lines (:data:`NON_APPLICABLES`): no rate is repeated here.  The mutuelle and
the cadres' prévoyance stay, as in the model (its defaults: 40 €/mois, half
paid by the company; 1.5 % of T1).

Optionally, the company: its profit before the president's pay
(``resultat_avant_remuneration``, or ``chiffre_affaires`` − ``charges``),
minus the total cost of that pay, bears the corporate tax
(``impot_societes.*``: reduced rate up to the ceiling, normal rate above,
CGI art. 219), and a share ``part_distribuee`` of what is left is paid as
dividends under the flat tax (PFU: ``dirigeant.dividendes.pfu_impot_revenu``
+ the prélèvements sociaux ``dirigeant.dividendes.csg``, ``.crds``,
``.prelevement_solidarite``: 18.6 % from 2026 after the LFSS 2026, 17.2 %
before).

Inputs (every amount per ``periode``: ``"annee"`` (default) or ``"mois"``;
the result's amounts are in the same period, ``annuel`` always per year):

- ``remuneration_brute`` (the gross pay) or ``cout_total`` (what the company
  spends on it: gross + employer contributions); at most one.  With neither,
  the company data must be given and the president takes no pay;
- ``resultat_avant_remuneration``, or ``chiffre_affaires`` and ``charges``
  (optional, the company part); ``part_distribuee`` (0–1, default 1);
  ``taux_reduit_is`` (default true);
- ``impot``: ``"prelevement_source"`` (default: the withholding tax, neutral
  grid unless ``taux_pas``) or ``"bareme"`` (income tax by the barème for one
  part with no other income, after the 10 % deduction — what modele-social
  computes for a director: « impôt . méthode de calcul » = barème standard);
- ``taux_pas`` (withholding rate of the pay; default the neutral grid),
  ``mutuelle_montant``, ``mutuelle_part_employeur``, ``taux_atmp``, ``date``.

Result, top level (per period): ``remuneration_brute``, ``cout_total``,
``cotisations`` (employer + employee, CSG-CRDS included),
``cotisations_salariales``, ``cotisations_patronales``, ``net_avant_impot``,
``net_imposable``, ``impot_revenu`` (withholding tax on the pay),
``net_apres_impot``; the company part: ``resultat_avant_remuneration``,
``resultat_imposable``, ``impot_societes``, ``benefice_apres_impot``,
``dividendes_bruts``, ``prelevements_sociaux_dividendes``,
``impot_dividendes`` (PFU income-tax part), ``dividendes_nets``,
``mise_en_reserve`` (all 0 without company data); and
``revenu_net_total`` = ``net_apres_impot`` + ``dividendes_nets``.
Plus the usual ``chiffres_cles``, ``lignes`` and ``repartition`` (both per month, whatever the
period: the split of the pay's total cost), ``annuel``, ``hypotheses``, ``alertes``, ``sources``, ``date``.

Python API (for the status comparator)::

    from calculators import sasu
    r = sasu.calculer(cout_total=60000)                     # the result dict
    r = sasu.calculer(remuneration_brute=3000, periode="mois")
    r = sasu.calculer(resultat_avant_remuneration=90000, cout_total=50000)

Modelling choices (also in ``hypotheses``): the pay is the same every month
(12 identical payslips); income tax on the pay is the withholding tax (neutral
grid unless ``taux_pas``), modele-social uses the full barème for a director;
the dividends take the PFU (no option for the barème); no ACRE, no JEI.
"""

from __future__ import annotations

from .core import arrondi, schema
from .core import format as fmt
from .core.dates import date_field
from .core.inversion import centime_sous, inverser, polir
from .core.parametres import fusion_sources
from .core.resultat import chiffres_cles, repartition
from .core.schema import Field, InputError
from .regles import cotisations_salariales
from .regles.impot_revenu import impot_personne_seule, taux_prelevement
from .regles.impot_societes import (
    PERIODES,
    Societe,
    champs_societe,
    check_montants,
    dividendes,
    hypothese_impot,
    hypotheses_societe,
    resultat_societe,
)

NAME = "sasu"
TITLE = "Président de SASU : rémunération et dividendes"
DESCRIPTION = (
    "Le président de SASU est assimilé salarié : cotisations du régime général sans assurance chômage. "
    "De la rémunération brute (ou du budget de la société) au net avant et après impôt, puis, si vous "
    "indiquez le résultat de la société, impôt sur les sociétés et dividendes au prélèvement forfaitaire unique."
)

# modele-social 11.1.0, « dirigeant . assimilé salarié », « rend non applicable »:
# the lines of cotisations_salariales.montants a président does not pay.
NON_APPLICABLES = ("chomage", "ags", "apec", "dialogue_social", "reduction_generale")

_MAX = 100_000_000
_CENT = 1 / 100
_G_REM = "Rémunération du président"
_G_SOC = "Société et dividendes"

CHAMPS = champs_societe(_G_REM)


def _salarie_default(name):
    f = next(f for f in cotisations_salariales.FIELDS if f.name == name)
    return f.default


FIELDS = (
    Field("periode", "Période des montants", "choice", default="annee", choices=PERIODES,
          help="Les montants saisis et affichés sont annuels ou mensuels (douze mois identiques).", group=_G_REM),
    Field("remuneration_brute", "Rémunération brute du président", "number", unit="€", minimum=0, maximum=_MAX,
          step=_CENT, help="Salaire brut, sur la période choisie. Indiquez ce montant ou le coût total.",
          group=_G_REM, output=True),
    Field("cout_total", "Coût total de la rémunération pour la société", "number", unit="€", minimum=0,
          maximum=_MAX, step=_CENT,
          help="Ce que la société dépense : rémunération brute plus cotisations patronales.", group=_G_REM,
          output=True),
    *(CHAMPS[n] for n in ("resultat_avant_remuneration", "chiffre_affaires", "charges", "part_distribuee",
                          "taux_reduit_is")),
    CHAMPS["impot"],
    CHAMPS["taux_pas"],
    Field("mutuelle_montant", "Complémentaire santé (cotisation totale)", "number", unit="€/mois", minimum=0,
          maximum=2000, default=_salarie_default("mutuelle_montant"), advanced=True, group=_G_REM,
          help="Cotisation mensuelle totale de la complémentaire santé, comme dans le simulateur de l'URSSAF."),
    Field("mutuelle_part_employeur", "Part de la complémentaire santé payée par la société", "number", unit="taux",
          minimum=0, maximum=1, default=_salarie_default("mutuelle_part_employeur"), advanced=True, group=_G_REM),
    Field("taux_atmp", "Taux accidents du travail (AT/MP)", "number", unit="taux", minimum=0, maximum=1, default=None,
          help="Par défaut : le taux moyen national de l'année.", advanced=True, group=_G_REM),
    date_field(),
)

MONTANTS = ("remuneration_brute", "cout_total")


# ---------------------------------------------------------------- the president's pay


def situation(v: dict) -> cotisations_salariales.Situation:
    """The salaried situation of the président: cadre, CDI, full time."""
    sv = cotisations_salariales.valeurs(date=v["date"], cadre=True, contrat="cdi", taux_atmp=v.get("taux_atmp"),
                         mutuelle_montant=v["mutuelle_montant"],
                         mutuelle_part_employeur=v["mutuelle_part_employeur"], taux_pas=v.get("taux_pas"))
    return cotisations_salariales.Situation(sv)


def montants(brut: float, s: cotisations_salariales.Situation, exact: bool = False) -> dict:
    """The président's monthly amounts for a monthly gross ``brut``: salarie's
    amounts without the non-applicable lines, the full maladie and family
    rates.  Keys: ``lignes``, ``sal``, ``pat``, ``net``, ``cout``,
    ``net_imposable``, ``taux_pas``, ``pas``, ``csg``."""
    if brut <= 0:
        return {"lignes": [], "sal": 0.0, "pat": 0.0, "net": 0.0, "cout": 0.0, "net_imposable": 0.0,
                "taux_pas": 0.0, "pas": 0.0, "csg": 0.0, "brut": 0.0}
    m = cotisations_salariales.montants(brut, s, exact)
    r = s.r
    plein = {"maladie": r.maladie_pat, "allocations_familiales": r.af_plein}
    lignes = []
    for ln in m["lignes"]:
        code = ln.code
        if code in NON_APPLICABLES:
            continue
        if code in plein and ln.taux_patronal != plein[code]:
            tp = plein[code]
            ln = ln.remplace(taux_patronal=tp, montant_patronal=ln.base * tp)
        lignes.append(ln)
    sal = sum(ln.montant_salarial for ln in lignes if ln.montant_salarial is not None)
    pat = sum(ln.montant_patronal for ln in lignes if ln.montant_patronal is not None)
    net = m["brut_total"] - sal
    # net imposable = net + CSG non déductible + CRDS + prévoyance patronale (+ ...): only the net changed
    net_imposable = m["net_imposable"] - m["net"] + net
    taux_pas = taux_prelevement(net_imposable, r.taux_neutre, s.taux_pas)
    return {"lignes": lignes, "sal": sal, "pat": pat, "net": net, "cout": m["brut_total"] + pat,
            "net_imposable": net_imposable, "taux_pas": taux_pas, "pas": max(0.0, net_imposable) * taux_pas,
            "csg": sum(ln.montant_salarial for ln in lignes if ln.groupe == cotisations_salariales.G_CSG), "brut": brut}


def brut_depuis_cout(cout: float, s: cotisations_salariales.Situation) -> tuple[float, bool]:
    """The monthly gross (in cents) whose monthly cost is closest to ``cout``,
    and whether it is reached: inside the jump of the cost at 1 PSS (the CET
    then applies to the whole base) no gross gives that cost, and the gross
    returned is the highest one whose cost stays below it."""
    if cout <= 0:
        return 0.0, True
    f = lambda b: montants(b, s, True)["cout"]  # noqa: E731
    inv = inverser(f, cout, 0.0, max(1.0, cout), [s.pss], ytol=1e-10)
    fr = lambda b: arrondi.cents(montants(b, s, False)["cout"])  # noqa: E731
    if inv.atteint:
        x, _fx = polir(fr, cout, inv.x)
        return x, True
    x, _fx = centime_sous(fr, cout, inv.x)
    return x, False


def valeurs(**inputs) -> dict:
    return schema.valeurs(FIELDS, inputs, check)


def check(values: dict) -> dict:
    return check_montants(values, MONTANTS, "Indiquez un seul montant : la rémunération brute ou le coût total.",
                          "Indiquez la rémunération brute, le coût total ou le résultat de la société.")


def compute(values: dict) -> dict:
    return _calculer(values)


def calculer(values: dict | None = None, **inputs) -> dict:
    """The result from raw or validated inputs (raises InputError)."""
    return _calculer(valeurs(**dict(values or {}, **inputs)))


def _calculer(v: dict) -> dict:
    errors = check(v)
    if errors:
        raise InputError(errors)
    k = 12 if v["periode"] == "mois" else 1
    s = situation(v)
    r = s.r
    alertes = []
    resultat = resultat_societe(v)
    if v.get("remuneration_brute") is not None:
        brut = arrondi.cents(v["remuneration_brute"] * k / 12)
    elif v.get("cout_total") is not None:
        brut, atteint = brut_depuis_cout(v["cout_total"] * k / 12, s)
        if not atteint and brut == 0:
            raise InputError({"cout_total": "Coût total trop faible : il ne couvre même pas les cotisations "
                                            "forfaitaires (complémentaire santé) d'une rémunération."})
        if not atteint:
            alertes.append({"niveau": "attention", "message": (
                "Aucune rémunération ne donne exactement ce coût total : juste au-dessus du plafond de la sécurité "
                "sociale, la contribution d'équilibre technique s'applique à toute la rémunération et le coût "
                "fait un saut. Le résultat affiché est le plus proche en dessous.")})
    else:
        brut = 0.0
    m = montants(brut, s)
    if m["brut"] > 0 and m["net"] < 0:
        raise InputError({"remuneration_brute" if v.get("remuneration_brute") is not None else "cout_total":
                          "Rémunération trop faible : les cotisations forfaitaires (complémentaire santé) dépassent "
                          "le salaire."})
    # monthly totals rounded once, then the period's figures
    net_m = arrondi.cents(m["net"])
    cout_m = arrondi.cents(m["cout"])
    sal_m = arrondi.cents(brut - net_m)
    pat_m = arrondi.cents(cout_m - brut)
    nimp_m = arrondi.cents(m["net_imposable"])
    pas_m = arrondi.cents(m["pas"])
    per = lambda x: arrondi.cents(x * 12 / k)  # noqa: E731  monthly -> period
    an = lambda x: arrondi.cents(x * 12)  # noqa: E731
    rem = {
        "remuneration_brute": brut, "cout_total": cout_m, "cotisations": arrondi.cents(sal_m + pat_m),
        "cotisations_salariales": sal_m, "cotisations_patronales": pat_m, "net_avant_impot": net_m,
        "net_imposable": nimp_m, "impot_revenu": pas_m, "net_apres_impot": arrondi.cents(net_m - pas_m),
    }
    bareme_sources = []
    if v.get("impot") == "bareme":
        tax, bareme_sources = impot_personne_seule(an(nimp_m), r.date)
        rem["impot_revenu"] = arrondi.cents(tax / 12)
        rem["net_apres_impot"] = arrondi.cents(net_m - rem["impot_revenu"])
    annuel = {key: an(x) for key, x in rem.items()}
    if bareme_sources:
        annuel["impot_revenu"] = tax
        annuel["net_apres_impot"] = arrondi.cents(annuel["net_avant_impot"] - tax)
    soc = Societe(r.date)
    societe = {"resultat_avant_remuneration": 0.0, "resultat_imposable": 0.0, "impot_societes": 0.0,
               "benefice_apres_impot": 0.0, "dividendes_bruts": 0.0, "prelevements_sociaux_dividendes": 0.0,
               "impot_dividendes": 0.0, "dividendes_nets": 0.0, "mise_en_reserve": 0.0}
    if resultat is not None:
        d = dividendes(soc, resultat, annuel["cout_total"], v["part_distribuee"], v["taux_reduit_is"])
        div = d["dividendes_bruts"]
        ps = arrondi.cents(div * soc.ps)
        ir = arrondi.cents(div * soc.pfu)
        societe.update(d, resultat_avant_remuneration=arrondi.cents(resultat), prelevements_sociaux_dividendes=ps,
                       impot_dividendes=ir, dividendes_nets=arrondi.cents(div - ps - ir))
        if d["resultat_imposable"] < 0:
            alertes.append({"niveau": "attention", "message": (
                "La rémunération coûte plus que le résultat de la société : l'exercice est en perte "
                f"({fmt.euros(d['resultat_imposable'] / k)}), aucun dividende n'est possible.")})
    annuel.update(societe)
    annuel["revenu_net_total"] = arrondi.cents(annuel["net_apres_impot"] + annuel["dividendes_nets"])
    top = {key: (x if key in rem else arrondi.cents(x / k)) for key, x in annuel.items()}
    for key in rem:
        top[key] = per(rem[key])
    if bareme_sources:
        top["impot_revenu"] = arrondi.cents(tax / k)
        top["net_apres_impot"] = arrondi.cents(top["net_avant_impot"] - top["impot_revenu"])
    top["revenu_net_total"] = arrondi.cents(top["net_apres_impot"] + top["dividendes_nets"])

    unite = "€/an" if k == 1 else "€/mois"
    lignes = _lignes(m, sal_m, pat_m, k, r)
    if brut and brut < s.smic:
        alertes.append({"niveau": "info", "message": (
            "Rémunération inférieure au SMIC : c'est possible pour un président de SASU (il n'a pas de contrat de "
            "travail), mais la validation des trimestres de retraite demande un minimum de salaire.")})
    result = dict(top)
    result.update({
        "taux_prelevement_source": None if bareme_sources else m["taux_pas"],
        "chiffres_cles": _chiffres(top, unite, resultat is not None),
        "lignes": lignes,
        "repartition": _repartition({key: rem[key] for key in ("net_apres_impot", "impot_revenu", "cotisations")}),
        "annuel": annuel,
        "hypotheses": _hypotheses(s, soc, v, resultat is not None),
        "alertes": alertes,
        "sources": fusion_sources(r.sources, soc.sources, bareme_sources),
        "periode": v["periode"],  # the period of the amounts (core/resultat.py)
        "date": r.date.isoformat(),
    })
    return result


def _lignes(m: dict, sal_m: float, pat_m: float, k: int, r) -> list:
    """Payslip lines, monthly whatever the period (the renderer's table is monthly)."""
    col_s = cotisations_salariales.repartir([ln.montant_salarial for ln in m["lignes"]], sal_m)
    col_p = cotisations_salariales.repartir([ln.montant_patronal for ln in m["lignes"]], pat_m)
    c = arrondi.cents
    return [ln.en_json(r.ref(ln.parametre), None if ln.base is None else c(ln.base),
                       None if ms is None else c(ms), None if mp is None else c(mp))
            for ln, ms, mp in zip(m["lignes"], col_s, col_p)]


def _chiffres(t: dict, unite: str, societe: bool) -> list:
    out = [
        ("cout_total", "Coût total pour la société",
         "Rémunération brute plus cotisations patronales."),
        ("remuneration_brute", "Rémunération brute",
         "Le salaire du président, avant cotisations salariales."),
        ("cotisations", "Cotisations et contributions sociales",
         "Part patronale et part salariale, CSG-CRDS comprise."),
        ("net_avant_impot", "Rémunération nette avant impôt",
         "Ce que le président reçoit, avant le prélèvement à la source."),
        ("net_apres_impot", "Rémunération nette après impôt",
         "Après le prélèvement à la source."),
    ]
    if societe:
        out += [
            ("impot_societes", "Impôt sur les sociétés",
             "Sur le résultat après rémunération du président."),
            ("dividendes_bruts", "Dividendes bruts",
             "Part du bénéfice après impôt sur les sociétés versée à l'associé."),
            ("dividendes_nets", "Dividendes nets",
             "Après prélèvements sociaux et prélèvement forfaitaire unique."),
            ("revenu_net_total", "Revenu net total",
             "Rémunération nette après impôt plus dividendes nets."),
        ]
    return chiffres_cles(t, unite, out)


def _repartition(t: dict) -> list:
    """Where each euro of the pay's total cost goes, per month (the renderer's
    chart is monthly); the company's figures are in the key figures."""
    return repartition(t, [
        ("net_apres_impot", "Rémunération nette après impôt"),
        ("impot_revenu", "Impôt sur la rémunération"),
        ("cotisations", "Cotisations et contributions sociales"),
    ])


def _hypotheses(s: cotisations_salariales.Situation, soc: Societe, v: dict, societe: bool) -> list:
    r = s.r
    hyp = [
        "Président de SASU assimilé salarié, rémunéré au titre de son mandat, France métropolitaine.",
        "Cotisations du régime général selon le simulateur de l'URSSAF (modèle « modele-social »), règles en vigueur "
        f"le {fmt.date_fr(r.date)}, sans assurance chômage, AGS, APEC, contribution au dialogue social ni "
        "réduction générale, que le président ne paie pas.",
        "Statut cadre : prévoyance obligatoire des cadres sur la tranche 1 ; complémentaire santé de "
        f"{fmt.montant(s.mutuelle)} par mois, dont {fmt.pourcent(s.part_employeur)} payés par la société.",
        "Douze mois de rémunération identiques ; pas d'ACRE ni d'exonération « jeune entreprise innovante ».",
        hypothese_impot(v, "au taux neutre (grille par défaut)." if s.taux_pas is None
                        else f"au taux personnalisé de {fmt.pourcent(s.taux_pas)}."),
    ]
    if societe:
        hyp += hypotheses_societe(soc, v)
    return hyp


__all__ = ["NAME", "TITLE", "DESCRIPTION", "FIELDS", "check", "compute", "calculer", "valeurs", "montants",
           "situation", "brut_depuis_cout", "NON_APPLICABLES"]
