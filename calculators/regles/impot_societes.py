"""Corporate tax (impôt sur les sociétés) and dividends at the PFU, for a
company's yearly profit before its director's pay (SASU, EURL at the IS).

- :class:`Societe`: the rates at a date, and the IS of a taxable profit
  (CGI art. 219: reduced rate up to a ceiling for an eligible SME);
- :func:`dividendes`: IS, profit after tax, dividends paid and kept;
- :func:`resultat_societe` / :func:`check_societe`: the yearly profit from the
  inputs (profit, or turnover minus expenses) and their cross-field checks;
- :func:`hypotheses_societe`, :func:`hypothese_impot`: what the result says of them.
"""

from __future__ import annotations

import datetime as _dt

from ..core import arrondi
from ..core import format as fmt
from ..core.bareme import marginal
from ..core.parametres import At
from ..core.schema import Field

PERIODES = (("annee", "Par an"), ("mois", "Par mois"))
G_SOCIETE = "Société et dividendes"
_MAX = 100_000_000
_CENT = 1 / 100


def champs_societe(groupe_remuneration: str) -> dict:
    """The inputs of the company part (profit, dividends, IS) and of the tax on
    the director's pay, by name; ``groupe_remuneration``: the form group of the
    pay's fields (« Rémunération du président », « … du gérant »)."""
    champs = (
        Field("resultat_avant_remuneration", "Résultat de la société avant rémunération du président", "number",
              unit="€", minimum=-_MAX, maximum=_MAX, step=_CENT,
              help="Chiffre d'affaires moins les charges, avant la rémunération du président et l'impôt sur les sociétés. "
                   "Facultatif : sans lui, pas de calcul d'impôt sur les sociétés ni de dividendes.", group=G_SOCIETE),
        Field("chiffre_affaires", "Chiffre d'affaires hors taxe", "number", unit="€", minimum=0, maximum=_MAX, step=_CENT,
              help="À la place du résultat : le chiffre d'affaires et les charges.", group=G_SOCIETE, advanced=True),
        Field("charges", "Charges de la société (hors rémunération du président)", "number", unit="€", minimum=0,
              maximum=_MAX, step=_CENT, default=None, group=G_SOCIETE, advanced=True),
        Field("part_distribuee", "Part du bénéfice distribuée en dividendes", "number", unit="taux", minimum=0, maximum=1,
              default=1.0, help="Part du bénéfice après impôt sur les sociétés versée en dividendes ; le reste est mis en réserve.",
              group=G_SOCIETE),
        Field("taux_reduit_is", "Taux réduit d'impôt sur les sociétés", "boolean", default=True,
              help="Pour les PME qui remplissent les conditions de chiffre d'affaires et de détention du capital "
                   "(par des personnes physiques) de la loi.",
              reference="Code général des impôts, art. 219, I-b", group=G_SOCIETE, advanced=True),
        Field("impot", "Calcul de l'impôt sur la rémunération", "choice", default="prelevement_source",
              choices=(("prelevement_source", "Prélèvement à la source (taux neutre ou personnalisé)"),
                       ("bareme", "Barème de l'impôt sur le revenu, une part, sans autre revenu")),
              help="Le prélèvement à la source est un acompte ; le barème donne l'impôt d'une personne seule dont "
                   "c'est le seul revenu, comme le simulateur de l'URSSAF pour un dirigeant.",
              reference="Code général des impôts, art. 197 et 204 H", advanced=True, group=groupe_remuneration),
        Field("taux_pas", "Taux personnalisé de prélèvement à la source", "number", unit="taux", minimum=0, maximum=1,
              default=None, help="Votre taux personnalisé. Par défaut : la grille de taux neutre.",
              reference="Code général des impôts, art. 204 H", advanced=True, group=groupe_remuneration),
    )
    return {f.name: f for f in champs}


class Societe:
    """Corporate tax and dividends at one date (annual amounts)."""

    def __init__(self, date: _dt.date):
        p = At(date)
        self.is_normal = p("impot_societes.taux_normal")
        self.is_reduit = p("impot_societes.taux_reduit")
        self.is_plafond = p("impot_societes.plafond_taux_reduit")
        self.pfu = p("dirigeant.dividendes.pfu_impot_revenu")
        self.csg = p("dirigeant.dividendes.csg")
        self.crds = p("dirigeant.dividendes.crds")
        self.solidarite = p("dirigeant.dividendes.prelevement_solidarite")
        self.ps = self.csg + self.crds + self.solidarite
        self.sources = p.sources()
        self.at = p

    def impot_societes(self, resultat: float, taux_reduit: bool) -> float:
        """CGI art. 219 on a yearly taxable profit (rounded to the euro, as modele-social)."""
        if resultat <= 0:
            return 0.0
        if taux_reduit:
            t = [{"plafond": self.is_plafond, "taux": self.is_reduit}, {"taux": self.is_normal}]
            return float(arrondi.euros(marginal(resultat, t)))
        return float(arrondi.euros(resultat * self.is_normal))


def resultat_societe(v: dict):
    """The yearly profit before the director's pay, or None (no company part).
    Raises InputError when ``charges`` comes without ``chiffre_affaires`` or both forms are given."""
    k = 12 if v["periode"] == "mois" else 1
    if v.get("resultat_avant_remuneration") is not None:
        return v["resultat_avant_remuneration"] * k
    if v.get("chiffre_affaires") is not None:
        return (v["chiffre_affaires"] - (v.get("charges") or 0.0)) * k
    return None


def check_societe(values: dict) -> dict:
    if values.get("resultat_avant_remuneration") is not None and values.get("chiffre_affaires") is not None:
        msg = "Indiquez soit le résultat avant rémunération, soit le chiffre d'affaires et les charges, pas les deux."
        return {"resultat_avant_remuneration": msg, "chiffre_affaires": msg}
    if values.get("charges") is not None and values.get("chiffre_affaires") is None \
            and values.get("resultat_avant_remuneration") is None:
        return {"chiffre_affaires": "Indiquez le chiffre d'affaires avec les charges."}
    return {}


def check_montants(values: dict, montants: tuple, plusieurs: str, aucun: str) -> dict:
    """The cross-field errors of a director's calculator: the company part's
    (:func:`check_societe`), then at most one of the pay ``montants`` (message
    ``plusieurs``), and at least one of them or the company's profit (message
    ``aucun``, beside the first amount)."""
    errors = check_societe(values)
    if errors:
        return errors
    given = [k for k in montants if values.get(k) is not None]
    if len(given) > 1:
        return {k: plusieurs for k in given}
    if not given and resultat_societe(values) is None:
        return {montants[0]: aucun}
    return {}


def dividendes(soc: Societe, resultat: float, cout_annuel: float, part: float, taux_reduit: bool) -> dict:
    """Corporate tax and PFU dividends for a yearly profit before the
    director's pay ``resultat`` and a yearly pay cost ``cout_annuel``."""
    imposable = resultat - cout_annuel
    is_ = soc.impot_societes(imposable, taux_reduit)
    apres = imposable - is_
    div = arrondi.cents(max(0.0, apres) * part)
    return {"resultat_imposable": arrondi.cents(imposable), "impot_societes": is_,
            "benefice_apres_impot": arrondi.cents(apres), "dividendes_bruts": div,
            "mise_en_reserve": arrondi.cents(apres - div)}


def hypotheses_societe(soc: Societe, v: dict) -> list:
    out = []
    if v["taux_reduit_is"]:
        out.append(f"Impôt sur les sociétés : {fmt.pourcent(soc.is_reduit)} jusqu'à {fmt.euros(soc.is_plafond)} de bénéfice "
                   f"annuel, {fmt.pourcent(soc.is_normal)} au-delà (exercice de douze mois, PME éligible au taux réduit).")
    else:
        out.append(f"Impôt sur les sociétés au taux normal de {fmt.pourcent(soc.is_normal)}.")
    out.append(f"Dividendes au prélèvement forfaitaire unique : {fmt.pourcent(soc.pfu)} d'impôt sur le revenu et "
               f"{fmt.pourcent(soc.ps)} de prélèvements sociaux (CSG {fmt.pourcent(soc.csg)}, CRDS {fmt.pourcent(soc.crds)}, "
               f"prélèvement de solidarité {fmt.pourcent(soc.solidarite)}) ; sans option pour le barème.")
    return out


def hypothese_impot(v: dict, pas: str) -> str:
    if v.get("impot") == "bareme":
        return ("Impôt sur la rémunération au barème de l'impôt sur le revenu, pour une personne seule (une part) "
                "sans autre revenu, après la déduction forfaitaire pour frais professionnels ; barème publié dans "
                "l'année, comme le simulateur de l'URSSAF.")
    return "Impôt sur la rémunération : prélèvement à la source " + pas
