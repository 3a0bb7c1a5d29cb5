"""Portage offer comparator: two to five offers of portage firms for the same
mission, side by side.

Every offer is computed by the ``portage`` calculator itself, through
``calculators.run("portage", …)`` (validation, cross-field checks and chain: one
code path), with the same mission and situation and only its own fees.  The
comparator adds no rule of pay; it puts the figures in one table:

- frais retenus par mois and their cost per year (``annuel.montant_frais_gestion``
  of ``portage``: percentage, fixed monthly fees and per-mission fees);
- net avant impôt, net après impôt, réserve financière (or indemnité de fin de
  contrat in a CDD) as its net value when paid, taux de restitution, and what the
  consultant receives in a year (net avant impôt + réserve nette + frais
  professionnels remboursés, × 12);
- in each row, the offer(s) with the highest figure (lowest for fees) are marked,
  as a fact of that row and never as a verdict: the non-price criteria (financial
  guarantee, RC pro, payment delay, advances, PEPS membership, compte d'activité,
  extra fees) come as a checklist to fill for each offer.

Inputs (flat fields, so that an HTML form, a URL query string and the command
line carry them without any parsing).  Common to every offer: ``tjm``,
``jours``, ``duree_mission`` (months, to spread per-mission fees),
``frais_professionnels``, ``contrat``, ``taux_pas``, ``date`` (same meaning and
bounds as in ``portage``).  Offer *k* (1 to 5, shown as A to E) uses the
``portage`` fee fields under the prefix ``offre_k_``:

- ``offre_k_nom``: optional name (kind ``text``: one line, at most
  ``NOM_LONGUEUR_MAX`` characters, shown escaped; without it the offer is
  "Offre A"…);
- ``offre_k_frais_gestion``: the fee rate (the first rate of a schedule).  It
  says that offer *k* exists: offers 1 and 2 need it, offers 3 to 5 are
  compared when it is given (0 for an offer without percentage);
- ``offre_k_frais_gestion_seuil_1``, ``offre_k_frais_gestion_2``,
  ``offre_k_frais_gestion_seuil_2``, ``offre_k_frais_gestion_3``,
  ``offre_k_frais_gestion_mode``, ``offre_k_frais_gestion_plafond``: the
  degressive schedule, its mode and the monthly cap, as in ``portage``;
- ``offre_k_frais_fixes_mensuels``: fixed monthly fees;
- ``offre_k_frais_mission``: fees charged once per mission (opening, closing),
  spread over ``duree_mission``: ``frais_mission / duree_mission`` rounded to
  the cent, added to the fixed monthly fees passed to ``portage``
  (``frais_fixes_mensuels`` there).

Results: ``chiffre_affaires`` (the same for every offer), ``offres`` (one dict
per offer: ``code`` A–E, ``libelle``, the figures above, and
``entrees_portage``, the exact inputs given to ``portage``),
``comparaison_offres`` (the rows of the table: code, label, unit, which end is
marked), ``plus_favorable`` (row code -> offer codes marked),
``ecart_net_avant_impot`` (highest minus lowest monthly net before tax),
``criteres_hors_prix`` (the checklist), and the usual
``chiffres_cles``, ``annuel``, ``hypotheses``, ``alertes``, ``sources``, ``date``.
"""

from __future__ import annotations

import dataclasses

from . import portage as _portage
from .core import format as fmt
from .core.arrondi import cents
from .core.dates import date_field
from .core.parametres import fusion_sources
from .core.schema import Field, InputError
from .regles.portage_salarial import fee_schedule

NAME = "comparateur_offres"
TITLE = "Comparateur d'offres de portage salarial"
DESCRIPTION = (
    "Deux à cinq offres de sociétés de portage pour la même mission : frais retenus, salaire net avant "
    "et après impôt, réserve financière, coût des frais par an et taux de restitution, côte à côte, "
    "avec la liste des critères hors prix à vérifier (garantie financière, RC pro, délai de paiement, avances)."
)

NB_OFFRES = 5
LETTRES = "ABCDE"
NOM_LONGUEUR_MAX = 40
# offers shown in the form's main part; the others sit in "Paramètres avancés"
_OFFRES_VISIBLES = 3

# the fee inputs of ``portage`` that each offer carries under its prefix
FRAIS_PORTAGE = (
    "frais_gestion", "frais_gestion_seuil_1", "frais_gestion_2", "frais_gestion_seuil_2",
    "frais_gestion_3", "frais_gestion_mode", "frais_gestion_plafond", "frais_fixes_mensuels",
)
# inputs common to every offer, passed to ``portage`` under the same name
COMMUNS = ("tjm", "jours", "frais_professionnels", "contrat", "conges_payes", "taux_pas")

_GROUP_MISSION = "Mission et situation"
_P = {f.name: f for f in _portage.FIELDS}


def _from_portage(source: str, **changes) -> Field:
    return dataclasses.replace(_P[source], **changes)


def prefix(k: int) -> str:
    return f"offre_{k}_"


def _offer_fields(k: int) -> list[Field]:
    lettre = LETTRES[k - 1]
    groupe = f"Offre {lettre}"
    hidden = k > _OFFRES_VISIBLES
    pre = prefix(k)
    de = f"de l'offre {lettre}"
    out = [
        Field(pre + "nom", f"Nom {de} (facultatif)", "text", maximum=NOM_LONGUEUR_MAX, group=groupe,
              advanced=hidden, help="Le nom de la société ou de l'offre, pour vous y retrouver." if k == 1 else ""),
        _from_portage("frais_gestion", name=pre + "frais_gestion", label=f"Frais de gestion {de}",
                      default=None, group=groupe, advanced=hidden,
                      help=("Part du chiffre d'affaires retenue ; 0 pour une offre au forfait. Avec un barème "
                            "dégressif, le taux de la première tranche. Obligatoire." if k == 1 else
                            "Obligatoire : il faut au moins deux offres." if k == 2 else
                            "Laisser vide pour ne pas comparer cette offre.")),
        _from_portage("frais_fixes_mensuels", name=pre + "frais_fixes_mensuels",
                      label=f"Frais fixes mensuels {de}", default=None, group=groupe, advanced=hidden,
                      help="Forfait mensuel éventuel (compte rendu d'activité, outils…)." if k == 1 else ""),
        Field(pre + "frais_mission", f"Frais par mission {de} (ouverture, clôture…)", "number", unit="€/mission",
              minimum=0, maximum=100_000, group=groupe, advanced=hidden,
              help="Frais facturés une fois par mission, répartis sur la durée de la mission." if k == 1 else ""),
        _from_portage("frais_gestion_seuil_1", name=pre + "frais_gestion_seuil_1",
                      label=f"Barème dégressif {de} : fin de la 1re tranche", group=groupe, advanced=True,
                      help="Chiffre d'affaires annuel au-delà duquel s'applique le 2e taux (vide sans barème)."
                      if k == 1 else ""),
        _from_portage("frais_gestion_2", name=pre + "frais_gestion_2", label=f"Barème dégressif {de} : 2e taux",
                      group=groupe, advanced=True),
        _from_portage("frais_gestion_seuil_2", name=pre + "frais_gestion_seuil_2",
                      label=f"Barème dégressif {de} : fin de la 2e tranche", group=groupe, advanced=True),
        _from_portage("frais_gestion_3", name=pre + "frais_gestion_3", label=f"Barème dégressif {de} : 3e taux",
                      group=groupe, advanced=True),
        # no default here (portage's applies): an offer left blank shows no mode in the printed summary
        _from_portage("frais_gestion_mode", name=pre + "frais_gestion_mode", default=None,
                      label=f"Application du barème {de}", group=groupe, advanced=True,
                      help=_P["frais_gestion_mode"].help if k == 1 else ""),
        _from_portage("frais_gestion_plafond", name=pre + "frais_gestion_plafond",
                      label=f"Plafond mensuel des frais de gestion {de}", group=groupe, advanced=True,
                      help="Laisser vide si l'offre n'a pas de plafond." if k == 1 else ""),
    ]
    return out


FIELDS = tuple(
    [
        _from_portage("tjm", group=_GROUP_MISSION),
        _from_portage("jours", group=_GROUP_MISSION),
        Field("duree_mission", "Durée de la mission", "number", unit="mois", minimum=1, maximum=120, step=1,
              default=12, group=_GROUP_MISSION,
              help="Sert à répartir les frais facturés une fois par mission (ouverture, clôture) sur chaque mois."),
        _from_portage("frais_professionnels", group=_GROUP_MISSION),
        _from_portage("contrat", group=_GROUP_MISSION),
        # no default here (portage's applies): passed on only when the visitor chooses
        _from_portage("conges_payes", group=_GROUP_MISSION, advanced=True, default=None),
    ]
    + [f for k in range(1, NB_OFFRES + 1) for f in _offer_fields(k)]
    + [
        _from_portage("taux_pas", group=_GROUP_MISSION),
        date_field(group=_GROUP_MISSION),
    ]
)

_BY_NAME = {f.name: f for f in FIELDS}


def _touched(values: dict, k: int) -> bool:
    """Whether the visitor filled anything of offer ``k`` (its mode has a default: not counted)."""
    pre = prefix(k)
    return any(values.get(pre + n) is not None for n in
               ("nom", "frais_gestion", "frais_fixes_mensuels", "frais_mission", "frais_gestion_seuil_1",
                "frais_gestion_2", "frais_gestion_seuil_2", "frais_gestion_3", "frais_gestion_plafond"))


def offer_numbers(values: dict) -> list[int]:
    """The offers compared: 1 and 2, and each of 3 to 5 whose fee rate is given."""
    return [k for k in range(1, NB_OFFRES + 1) if k <= 2 or values.get(prefix(k) + "frais_gestion") is not None]


def check(values: dict) -> dict:
    errors = {}
    for k in range(1, NB_OFFRES + 1):
        key = prefix(k) + "frais_gestion"
        if values.get(key) is None and (k <= 2 or _touched(values, k)):
            errors[key] = (f"Indiquez les frais de gestion de l'offre {LETTRES[k - 1]} (0 pour une offre sans "
                           "pourcentage)" + (" : il faut au moins deux offres." if k <= 2 else "."))
    return errors


def frais_mission_mensuels(values: dict, k: int) -> float:
    """Per-mission fees of offer ``k`` spread over the mission, per month, to the cent."""
    return cents((values.get(prefix(k) + "frais_mission") or 0) / values["duree_mission"])


def portage_inputs(values: dict, k: int) -> dict:
    """The inputs of the ``portage`` calculator for offer ``k`` (JSON-like, as a visitor would type them)."""
    raw = {n: values[n] for n in COMMUNS if values.get(n) is not None}
    raw["date"] = values["date"].isoformat()
    pre = prefix(k)
    for n in FRAIS_PORTAGE:
        if values.get(pre + n) is not None:
            raw[n] = values[pre + n]
    mission = frais_mission_mensuels(values, k)
    if mission:
        raw["frais_fixes_mensuels"] = cents((values.get(pre + "frais_fixes_mensuels") or 0) + mission)
    return raw


def _libelle(values: dict, k: int) -> str:
    nom = values.get(prefix(k) + "nom")
    return nom if nom else f"Offre {LETTRES[k - 1]}"


# ---------------------------------------------------------------------------
# Descriptions of the fees, in French
# ---------------------------------------------------------------------------

def describe_fee(values: dict, k: int) -> str:
    """'8 %'; '10 % jusqu'à 75 000 € par an, puis 9 % (par tranches)'; with the cap."""
    pre = prefix(k)
    tiers = fee_schedule({n: values.get(pre + n) for n in FRAIS_PORTAGE})
    if len(tiers) == 1:
        text = fmt.pourcent(tiers[0][1])
    else:
        parts = []
        for upper, rate in tiers:
            if upper is not None:
                parts.append(f"{fmt.pourcent(rate)} jusqu'à {fmt.montant(upper)} par an")
            else:
                parts.append(f"{fmt.pourcent(rate)} au-delà")
        mode = values.get(pre + "frais_gestion_mode")
        text = ", puis ".join(parts) + (" (taux atteint sur tout le chiffre d'affaires)" if mode == "global"
                                         else " (par tranches)")
    if values.get(pre + "frais_gestion_plafond") is not None:
        text += f", plafonnés à {fmt.montant(values[pre + 'frais_gestion_plafond'])} par mois"
    return text


def describe_extras(values: dict, k: int) -> str:
    pre = prefix(k)
    fixes = values.get(pre + "frais_fixes_mensuels") or 0
    mission = values.get(pre + "frais_mission") or 0
    parts = []
    if fixes:
        parts.append(f"{fmt.montant(fixes)} par mois")
    if mission:
        duree = fmt.nombre(values["duree_mission"])
        parts.append(f"{fmt.montant(mission)} par mission ({fmt.montant(frais_mission_mensuels(values, k))} par mois sur {duree} mois)")
    return " + ".join(parts) if parts else "aucun"


# ---------------------------------------------------------------------------
# Rows of the comparison and the checklist
# ---------------------------------------------------------------------------

# (code, label, unit, which value is marked: "max" or "min"; None: a description)
LIGNES = (
    ("frais_gestion_description", "Frais de gestion", "", None),
    ("frais_fixes_description", "Frais fixes et frais par mission", "", None),
    ("montant_frais_gestion", "Frais retenus par mois", "€/mois", "min"),
    ("frais_gestion_annuels", "Coût des frais par an", "€/an", "min"),
    ("net_avant_impot", "Salaire net avant impôt", "€/mois", "max"),
    ("net_apres_impot", "Salaire net après impôt", "€/mois", "max"),
    ("reserve_nette", "Réserve financière (net, versé plus tard)", "€/mois", "max"),
    ("taux_restitution", "Taux de restitution", "taux", "max"),
    ("total_percu_annuel", "Total perçu par an (net, réserve, frais remboursés)", "€/an", "max"),
)

CRITERES = (
    {"code": "garantie_financiere", "libelle": "Garantie financière",
     "question": "Montant et organisme garant (banque ou assurance) ; attestation de l'année en cours.",
     "reference": "Code du travail, art. L1254-26"},
    {"code": "rc_pro", "libelle": "Assurance responsabilité civile professionnelle",
     "question": "Assureur, montants garantis, votre activité bien couverte.", "reference": ""},
    {"code": "delai_paiement", "libelle": "Délai de paiement après le compte rendu d'activité",
     "question": "Date de versement du salaire ; versé avant ou seulement après le paiement du client.",
     "reference": ""},
    {"code": "avances", "libelle": "Avances sur salaire",
     "question": "Possibles quand le client tarde à payer ? Gratuites ou facturées ?", "reference": ""},
    {"code": "peps", "libelle": "Adhésion au PEPS (organisation professionnelle du portage salarial)",
     "question": "L'entreprise est-elle membre ?", "reference": ""},
    {"code": "compte_activite", "libelle": "Compte d'activité mensuel détaillé",
     "question": "Chaque mois : sommes versées par le client, frais de gestion, cotisations, salaire, réserve.",
     "reference": "Code du travail, art. L1254-25"},
    {"code": "frais_annexes", "libelle": "Autres frais",
     "question": "Liste écrite des frais hors pourcentage : ouverture ou clôture de mission, virement urgent, "
                 "avance, outils.", "reference": "Code du travail, art. L1254-15"},
)


def _marked(offres: list, code: str, sens: str) -> list:
    vals = [o[code] for o in offres]
    if max(vals) - min(vals) < 1e-9:  # every offer gives the same: nothing to point at
        return []
    best = max(vals) if sens == "max" else min(vals)
    return [o["code"] for o in offres if abs(o[code] - best) < 1e-9]


# ---------------------------------------------------------------------------
# The calculation
# ---------------------------------------------------------------------------

def _run_portage(raw: dict) -> dict:
    from . import run  # the package's entry point: the same validation and chain as `python -m calculators portage`

    return run("portage", raw)


def _map_errors(values: dict, failures: dict) -> dict:
    """Errors of ``portage`` for each offer -> errors of the comparator's fields."""
    errors: dict = {}
    common_messages: dict = {}
    for k, errs in failures.items():
        for key, msg in errs.items():
            if key in FRAIS_PORTAGE:
                errors.setdefault(prefix(k) + key, msg)
            else:
                common_messages.setdefault(key, {})[k] = msg
    compared = offer_numbers(values)
    for key, by_offer in common_messages.items():
        if len(by_offer) == len(compared) and len(set(by_offer.values())) == 1:
            target = key if key in _BY_NAME else "_"
            errors.setdefault(target, next(iter(by_offer.values())))
        else:  # only some offers fail: it is theirs (their fees are too high for this turnover)
            for k, msg in by_offer.items():
                errors.setdefault(prefix(k) + "frais_gestion", f"Offre {LETTRES[k - 1]} : {msg}")
    return errors


def compute(values: dict) -> dict:
    numbers = offer_numbers(values)
    results, failures = {}, {}
    for k in numbers:
        out = _run_portage(portage_inputs(values, k))
        if out["ok"]:
            results[k] = out["result"]
        else:
            failures[k] = out["errors"]
    if failures:
        raise InputError(_map_errors(values, failures))

    first = results[numbers[0]]
    ca = first["chiffre_affaires"]
    frais_pro = first["frais_professionnels"]
    cdd = values.get("contrat") == "cdd"
    offres = []
    for k in numbers:
        r = results[k]
        offres.append({
            "code": LETTRES[k - 1],
            "libelle": _libelle(values, k),
            "nom": values.get(prefix(k) + "nom"),
            "frais_gestion_description": describe_fee(values, k),
            "frais_fixes_description": describe_extras(values, k),
            "frais_mission_mensuels": frais_mission_mensuels(values, k),
            "montant_frais_gestion": r["montant_frais_gestion"],
            "frais_gestion_annuels": r["annuel"]["montant_frais_gestion"],
            "net_avant_impot": r["net_avant_impot"],
            "net_apres_impot": r["net_apres_impot"],
            "reserve_financiere": r["reserve_financiere"],
            "reserve_nette": r["reserve_nette"],
            "taux_restitution": r["taux_restitution"],
            "total_percu_annuel": cents(12 * (r["net_avant_impot"] + r["reserve_nette"] + r["frais_professionnels"])),
            "salaire_brut": r["salaire_brut"],
            "cout_employeur": r["cout_employeur"],
            "entrees_portage": portage_inputs(values, k),
        })

    lignes = []
    for code, libelle, unite, sens in LIGNES:
        if code == "reserve_nette" and cdd:
            libelle = "Indemnité de fin de contrat (net, versé en fin de CDD)"
        lignes.append({"code": code, "libelle": libelle, "unite": unite, "sens": sens})
    plus_favorable = {code: _marked(offres, code, sens) for code, _l, _u, sens in LIGNES if sens}

    nets = [o["net_avant_impot"] for o in offres]
    ecart = cents(max(nets) - min(nets))
    haut = [o["libelle"] for o in offres if o["net_avant_impot"] == max(nets)]
    bas = [o["libelle"] for o in offres if o["net_avant_impot"] == min(nets)]

    # the difference first: it is what the live result announces after each change
    chiffres = [
        {"code": "ecart_net_avant_impot", "libelle": "Écart de salaire net avant impôt entre les offres",
         "valeur": ecart, "unite": "€/mois",
         "aide": ("Aucun écart : les offres laissent le même salaire net." if not ecart else
                  f"Entre {', '.join(haut)} (net le plus élevé) et {', '.join(bas)} (net le plus bas).")},
        {"code": "chiffre_affaires", "libelle": "Chiffre d'affaires (le même pour chaque offre)", "valeur": ca,
         "unite": "€/mois", "aide": f"TJM × jours facturés ({fmt.montant(values['tjm'])} × {fmt.nombre(values['jours'])})."},
    ]

    # alerts of portage: once when every offer has it, else with the offer's letter
    alertes, seen = [], set()
    for k in numbers:
        for a in results[k]["alertes"]:
            everywhere = all(a in results[j]["alertes"] for j in numbers)
            msg = a["message"] if everywhere else f"{_libelle(values, k)} : {a['message']}"
            if msg not in seen:
                seen.add(msg)
                alertes.append({"niveau": a["niveau"], "message": msg})

    duree = fmt.nombre(values["duree_mission"])
    hypotheses = [
        "Chaque offre est calculée par le simulateur de portage salarial, avec la même mission et la même "
        "situation : seuls les frais de l'entreprise de portage changent d'une colonne à l'autre.",
        f"Les frais facturés une fois par mission sont répartis sur la durée de la mission ({duree} mois) et "
        "ajoutés aux frais fixes mensuels.",
        "Le coût des frais par an et le total perçu par an valent douze mois de la même activité.",
        "Dans chaque ligne, le chiffre le plus élevé (le plus bas pour les frais) est mis en évidence ; c'est "
        "un constat ligne par ligne, pas un classement des offres, qui dépend aussi des critères hors prix.",
    ]
    common_hyp = [h for h in first["hypotheses"] if all(h in results[j]["hypotheses"] for j in numbers)]
    hypotheses += common_hyp

    sources = fusion_sources(*(results[k]["sources"] for k in numbers))

    return {
        "chiffre_affaires": ca,
        "frais_professionnels": frais_pro,
        "nombre_offres": len(offres),
        "ecart_net_avant_impot": ecart,
        "offres": offres,
        "comparaison_offres": lignes,
        "plus_favorable": plus_favorable,
        "criteres_hors_prix": [dict(c) for c in CRITERES],
        "chiffres_cles": chiffres,
        "annuel": {"chiffre_affaires": cents(12 * ca), "ecart_net_avant_impot": cents(12 * ecart)},
        "hypotheses": hypotheses,
        "alertes": alertes,
        "sources": sources,
        "periode": "mois",  # the period of the amounts (core/resultat.py)
        "date": values["date"].isoformat(),
    }
