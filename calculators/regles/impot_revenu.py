"""Income tax (impôt sur le revenu): the barème with the quotient familial and the
décote, the 10 % deduction for expenses, the withholding's neutral rate.

- :func:`impot_bareme`: a household's tax by the barème (CGI art. 197), unrounded;
- :func:`impot_foyer`: the same, rounded to the euro as the tax notice (CGI art. 1657);
- :func:`revenu_apres_deduction_frais`: pay taxed as salaries after the flat
  10 % deduction (CGI art. 83, 3° ; art. 62), with its minimum and ceiling;
- :func:`impot_personne_seule`: one person, one part, whose only income is a pay;
- :func:`taux_prelevement`: the withholding rate (prélèvement à la source) of a
  monthly taxable net: the personalised rate if given, else the neutral grid
  (CGI art. 204 H).
"""

from __future__ import annotations

import datetime as _dt

from ..core import bareme
from ..core.arrondi import euros
from ..core.parametres import At


def impot_bareme(revenu_imposable: float, parts: float, couple: bool, p: At) -> dict:
    """Household income tax by the barème (CGI art. 197): quotient familial with the
    ceiling per extra half-part, then the décote.  Not rounded."""
    tranches = p("impot.bareme_ir.tranches")
    principales = 2 if couple else 1
    r = max(0.0, revenu_imposable)
    brut_qf = bareme.marginal(r / parts, tranches) * parts
    brut_sans = bareme.marginal(r / principales, tranches) * principales
    avantage_max = p("impot.bareme_ir.plafond_demi_part") * (parts - principales) * 2
    brut = max(brut_qf, brut_sans - avantage_max)
    forfait = p("impot.bareme_ir.decote.couple" if couple else "impot.bareme_ir.decote.celibataire")
    decote = max(0.0, forfait - p("impot.bareme_ir.decote.taux") * brut)
    net = max(0.0, brut - decote)
    return {"impot_brut": brut, "decote": min(decote, brut), "impot": net,
            "plafonnement": brut > brut_qf + 1e-9}


def impot_foyer(revenu_imposable: float, parts: float, couple: bool, p: At) -> dict:
    """The household's income tax of the year by the barème (:func:`impot_bareme`),
    rounded to the euro as the tax notice does (CGI art. 1657): ``impot`` plus the
    unrounded details (``impot_brut``, ``decote``, ``plafonnement``)."""
    f = impot_bareme(revenu_imposable, parts, couple, p)
    return {**f, "impot_exact": f["impot"], "impot": euros(f["impot"])}


def revenu_apres_deduction_frais(revenu: float, p: At) -> float:
    """Yearly pay taxed as salaries (CGI art. 83, 3°; art. 62 for a gérant majoritaire)
    after the flat 10 % deduction for expenses, with its minimum and ceiling per
    person (``dirigeant.impot_revenu.abattement_frais.*``), never below 0."""
    A = "dirigeant.impot_revenu.abattement_frais."
    r = max(0.0, revenu)
    deduction = min(max(r * p(A + "taux"), p(A + "minimum")), p(A + "plafond"))
    return max(0.0, r - deduction)


def impot_personne_seule(revenu_activite: float, date: _dt.date) -> tuple[float, list]:
    """Yearly income tax of one person (one part) whose only income is
    ``revenu_activite`` (yearly taxable pay): 10 % deduction for expenses
    (minimum and ceiling), then the barème and the décote (CGI art. 197),
    rounded to the euro as modele-social (« impôt . montant »).  Returns the
    tax and the parameters used."""
    p = At(date)
    imposable = revenu_apres_deduction_frais(revenu_activite, p)
    return float(euros(impot_bareme(imposable, 1.0, False, p)["impot"])), p.sources()


def taux_prelevement(net_imposable_mensuel: float, grille_taux_neutre, taux_personnalise: float | None = None) -> float:
    """The withholding rate: ``taux_personnalise`` when given, else the rate of
    the neutral grid for the monthly taxable net (CGI art. 204 H)."""
    if taux_personnalise is not None:
        return taux_personnalise
    return bareme.grille(net_imposable_mensuel, grille_taux_neutre)


__all__ = ["impot_bareme", "impot_foyer", "revenu_apres_deduction_frais", "impot_personne_seule", "taux_prelevement"]
