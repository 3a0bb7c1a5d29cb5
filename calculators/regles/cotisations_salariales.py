"""Salaried contributions (rules of the ``salarie`` calculator and of every salaried
pay: portage, SASU president): from gross pay to employer cost, net and net after tax.

The rules follow the URSSAF model (npm ``modele-social`` 11.1.0, publicodes):
each line below names the rule it mirrors, every rate comes from the dated
parameter files of ``calculators/data`` (``salarie.toml``, ``csg_crds.toml``,
``rgdu.toml``, ``reduction_generale.toml``, ``securite_sociale.toml``,
``smic.toml``, ``impot.toml``).

Inputs: exactly one of ``salaire_brut``, ``cout_employeur``,
``net_avant_impot`` (€/mois); the two others are found by inversion.

Modelling choices (each also listed in the result's ``hypotheses``):

- Base of the contributions (``salarié . cotisations . assiette``): the gross
  pay, plus for a CDD the indemnité de fin de contrat (Code du travail
  L1243-8, ``salarie.cdd.indemnite_fin_contrat``) spread over the months, as modele-social does with a CDD (its
  default: the paid holidays are taken, so no indemnité compensatrice), plus
  the employer's prévoyance above the exclusion limit of CSS D242-1 (zero in
  ordinary cases).
- T1 = base up to 1 PSS, T2 = from 1 to 8 PSS; the PSS is prorated by the
  working-time ratio (``salarié . temps de travail . plafond sécurité
  sociale``).  The cadres' prévoyance (on T1) uses the full PSS, as the
  model does.
- Forfait annuel en jours (modele-social has no such option): the SMIC of
  reference of the general reduction is the full-time SMIC × jours / jours of
  a full forfait (``smic.forfait_jours_plein``; BOSS, réduction générale,
  salariés au forfait jours) and the PSS is prorated the same way (BOSS,
  assiette plafonnée, forfait jours réduit).  A full forfait therefore gives
  the same figures as full time; only a
  reduced forfait changes them.  Computed as the model's part time with the
  same ratio.
- 2026: the réduction générale dégressive unique (RGDU, CSS L241-13 and
  D241-7) on the base, coefficient rounded (``rgdu.decimales_coefficient``),
  nothing from ``rgdu.seuil_smic`` SMIC; the reduced maladie and allocations
  familiales rates are abolished (their ceilings are 0 in the files).
- 2025: the réduction générale « Fillon » (``reduction_generale.*``: T,
  divisor, ceiling in SMIC) and the reduced rates of maladie and allocations
  familiales up to their ceilings in SMIC, with the SMIC of reference of
  décret 2025-318 (``salarie.cotisations.maladie.*``,
  ``salarie.cotisations.allocations_familiales.*``).  modele-social 11.1.0
  applies its RGDU at every date and has no such reduced rates outside the
  overseas departments, so for 2025 it is not an oracle for the employer cost
  of low and middle pay (the net pay is unaffected).
- Defaults as the URSSAF simulator: headcount 4 (its « moins de 5 »), AT/MP
  at the national average rate of the year, mutuelle of
  ``salarie.prevoyance.mutuelle_montant`` half paid by the employer; but
  ``cadre`` defaults to true (the guide is for cadres).
- Monthly view: thresholds are compared to monthly amounts (the law's annual
  comparison gives the same result for a steady monthly pay).
- Each line is rounded to the cent, as on a payslip, and the totals are sums
  of the rounded lines (modele-social does not round them: differences of a
  few cents).  ``exact=True`` skips every rounding (lines and the RGDU
  coefficient), which makes the amounts continuous functions of the gross pay.
- Withholding tax: the personal rate ``taux_pas`` if given, else the neutral
  grid (CGI 204 H) on the monthly taxable net; a CDD is assumed to last more
  than two months (no abattement for short contracts).
- Not modelled: Alsace-Moselle, overseas (Lodeom), apprentices and interns,
  overtime, benefits in kind, meal vouchers, transport allowance, the
  collective agreement's own schemes beyond the cadres' prévoyance and the
  mutuelle.

Python API (used by the portage calculator and the plugin)::

    from calculators.regles import cotisations_salariales as salarie
    r = salarie.calculer(salaire_brut=4000, effectif=20)   # the result dict
    v = salarie.valeurs(cout_employeur=5000)                # validated inputs
    r = salarie.bulletin(v, exact=False)                    # same as the CLI
    inv = salarie.brut_depuis_cout_employeur(5000, v, exact=True)
    # -> {"salaire_brut": ..., "cout_employeur": 5000, "residu": ~1e-10, "atteint": True, "evaluations": n}

For searches that need many evaluations, ``montants(brut, Situation(values),
exact)`` gives the unrounded amounts without the result's presentation
(about 0.03 ms in CPython), keys: ``net``, ``cout``, ``net_imposable``,
``pas`` (withholding tax), ``sal`` and ``pat`` (contribution totals),
``brut_total`` (gross with a CDD's indemnity), ``assiette``, ``coef``
(reduction coefficient), ``lignes``.  Round them with ``core.arrondi.cents``
as :func:`calculer` does (once per total).

``exact=True`` returns an unrounded gross whose unrounded employer cost equals
the budget (to 1e-9 €): what a caller needs when the employer cost must match
a budget to the cent.  With ``exact=False`` (payslip rounding) the gross is a
whole number of cents and ``residu`` (budget − cost) is a few cents at most,
up to a ten-thousandth of the base in the RGDU range, where the rounded
coefficient makes the cost jump by steps.
"""

from __future__ import annotations

import datetime as _dt

from ..core import arrondi, schema
from ..core import format as fmt
from ..core.bareme import tranche
from ..core.dates import date_field, default_date
from ..core.inversion import centime_sous, inverser, polir
from ..core.parametres import At, parametre, valeur
from ..core.resultat import Ligne
from ..core.schema import Field, InputError
from .impot_revenu import taux_prelevement

MONTANTS = ("salaire_brut", "cout_employeur", "net_avant_impot")
# The URSSAF simulator's default headcount (« entreprise . salariés . effectif »
# for « moins de 5 »): with it our default figures are the simulator's.
EFFECTIF_DEFAUT = 4
_MAX = 1_000_000
_CENT = 1 / 100


def _param_default(name):
    return lambda: valeur(name, default_date())


FIELDS = (
    Field("salaire_brut", "Salaire brut", "number", unit="€/mois", minimum=0, maximum=_MAX, step=_CENT,
          help="Salaire brut mensuel prévu au contrat. Indiquez ce montant, le coût employeur ou le net avant impôt.",
          group="Rémunération", output=True),
    Field("cout_employeur", "Coût total employeur", "number", unit="€/mois", minimum=0, maximum=_MAX, step=_CENT,
          help="Salaire brut plus cotisations patronales, après réduction générale.",
          group="Rémunération", output=True),
    Field("net_avant_impot", "Salaire net avant impôt", "number", unit="€/mois", minimum=0, maximum=_MAX, step=_CENT,
          help="Net à payer avant le prélèvement à la source.", group="Rémunération", output=True),
    Field("cadre", "Statut cadre", "boolean", default=True,
          help="Un cadre cotise à l'APEC et bénéficie de la prévoyance obligatoire des cadres (sur la tranche 1).",
          group="Contrat"),
    Field("contrat", "Type de contrat", "choice", default="cdi",
          choices=(("cdi", "CDI"), ("cdd", "CDD")),
          help="Un CDD ouvre droit à l'indemnité de fin de contrat (prime de précarité) et donne lieu à la contribution CPF-CDD.",
          reference="Code du travail, art. L1243-8 et L6331-6", group="Contrat"),
    Field("temps_travail", "Temps de travail", "choice", default="temps_plein",
          choices=(("temps_plein", "Temps plein (35 h)"), ("forfait_jours", "Forfait annuel en jours")),
          help="Au forfait jours complet (218 jours), les calculs sont ceux du temps plein ; "
               "un forfait réduit proratise le plafond de la sécurité sociale et le SMIC de référence de la réduction générale.",
          reference="Code du travail, art. L3121-64", group="Contrat"),
    Field("jours_forfait", "Jours du forfait annuel", "number", unit="jours/an", minimum=1,
          maximum=218, default=_param_default("smic.forfait_jours_plein"),
          help="Nombre de jours travaillés prévus par la convention de forfait (218 pour un forfait complet).",
          reference="Code du travail, art. L3121-64", advanced=True, group="Contrat"),
    Field("effectif", "Effectif de l'entreprise", "integer", unit="salariés", minimum=1, maximum=1_000_000,
          default=EFFECTIF_DEFAUT,
          help="Change le FNAL, la formation professionnelle, la PEEC, la taxe d'apprentissage, le forfait social "
               "et le paramètre Tdelta de la réduction générale. Par défaut, comme le simulateur de l'URSSAF : "
               "une entreprise de moins de 5 salariés.",
          group="Entreprise"),
    Field("taux_atmp", "Taux accidents du travail (AT/MP)", "number", unit="taux", minimum=0, maximum=1,
          default=None, help="Taux notifié par la CARSAT. "
                             "Par défaut : le taux moyen national de l'année.",
          advanced=True, group="Entreprise"),
    Field("taux_versement_mobilite", "Taux du versement mobilité", "number", unit="taux", minimum=0, maximum=1,
          default=0, help="Taux de l'autorité organisatrice de la mobilité du lieu de travail (entreprises de 11 salariés "
                            "et plus). Par défaut : aucun.",
          reference="Code général des collectivités territoriales, art. L2333-64", advanced=True, group="Entreprise"),
    Field("mutuelle_montant", "Complémentaire santé (cotisation totale)", "number", unit="€/mois", minimum=0, maximum=2000,
          default=_param_default("salarie.prevoyance.mutuelle_montant"),
          help="Cotisation mensuelle totale de la mutuelle d'entreprise.", advanced=True, group="Protection sociale"),
    Field("mutuelle_part_employeur", "Part employeur de la complémentaire santé", "number", unit="taux", minimum=0,
          maximum=1, default=_param_default("salarie.prevoyance.mutuelle_part_employeur_minimum"),
          help="Part de la cotisation payée par l'employeur (la loi impose au moins la moitié).",
          reference="Code de la sécurité sociale, art. L911-7", advanced=True, group="Protection sociale"),
    Field("taux_pas", "Taux personnalisé de prélèvement à la source", "number", unit="taux", minimum=0, maximum=1,
          default=None, help="Votre taux personnalisé. Par défaut : la grille de taux neutre.",
          reference="Code général des impôts, art. 204 H", advanced=True, group="Impôt"),
    date_field(),
)

# Risk headings of the clarified payslip (arrêté du 25 février 2016).
G_SANTE = "Santé"
G_ATMP = "Accidents du travail - maladies professionnelles"
G_RETRAITE = "Retraite"
G_FAMILLE = "Famille"
G_CHOMAGE = "Assurance chômage"
G_CONV = "Cotisations statutaires ou prévues par la convention collective"
G_AUTRES = "Autres contributions dues par l'employeur"
G_CSG = "CSG-CRDS"
G_REDUCTIONS = "Réductions de cotisations"
G_REMUNERATION = "Rémunération"


class _Regles:
    """Every parameter the calculation needs at one date, read once."""

    def __init__(self, date: _dt.date):
        p = At(date)
        self.date = date
        S = "salarie.cotisations."
        self.pss = p("securite_sociale.plafond_mensuel")
        self.smic_horaire = p("smic.horaire")
        self.heures_mois = p("smic.duree_legale_hebdomadaire") * p("smic.semaines_par_an") / 12
        self.jours_forfait_plein = p("smic.forfait_jours_plein")
        g = lambda k: p(S + k)  # noqa: E731
        self.maladie_pat = g("maladie.employeur")
        self.maladie_sal = g("maladie.salarie")
        self.maladie_reduit = g("maladie.employeur_taux_reduit")
        self.maladie_seuil = g("maladie.seuil_taux_reduit_smic")
        self.af_plein = g("allocations_familiales.taux_plein")
        self.af_reduit = g("allocations_familiales.taux_reduit")
        self.af_seuil = g("allocations_familiales.seuil_taux_reduit_smic")
        self.bandeaux = bool(self.maladie_seuil or self.af_seuil)
        self.smic_reference_bandeaux = g("maladie.smic_horaire_reference") if self.bandeaux else None
        self.vp_pat = g("vieillesse_plafonnee.employeur")
        self.vp_sal = g("vieillesse_plafonnee.salarie")
        self.vd_pat = g("vieillesse_deplafonnee.employeur")
        self.vd_sal = g("vieillesse_deplafonnee.salarie")
        self.atmp_moyen = g("atmp.taux_moyen")
        self.atmp_min = g("atmp.taux_minimum")
        self.rc1_pat = g("retraite_complementaire.t1.employeur")
        self.rc1_sal = g("retraite_complementaire.t1.salarie")
        self.rc2_pat = g("retraite_complementaire.t2.employeur")
        self.rc2_sal = g("retraite_complementaire.t2.salarie")
        self.ceg1_pat = g("ceg.t1.employeur")
        self.ceg1_sal = g("ceg.t1.salarie")
        self.ceg2_pat = g("ceg.t2.employeur")
        self.ceg2_sal = g("ceg.t2.salarie")
        self.t2_pss = g("tranches.plafond_t2_pss")
        self.cet_pat = g("cet.employeur")
        self.cet_sal = g("cet.salarie")
        self.apec_pat = g("apec.employeur")
        self.apec_sal = g("apec.salarie")
        self.apec_pss = g("apec.plafond_pss")
        self.chomage = g("chomage.employeur")
        self.chomage_pss = g("chomage.plafond_pss")
        self.ags = g("ags.employeur")
        self.fnal_reduit = g("fnal.taux_reduit")
        self.fnal_plein = g("fnal.taux_plein")
        self.csa = g("csa")
        self.dialogue = g("dialogue_social")
        self.formation_petit = g("formation_professionnelle.moins_de_11")
        self.formation = g("formation_professionnelle.onze_et_plus")
        self.ta = g("taxe_apprentissage.principale")
        self.ta_solde = g("taxe_apprentissage.solde")
        self.csta = g("taxe_apprentissage.contribution_supplementaire")
        self.csta_majoree = g("taxe_apprentissage.contribution_supplementaire_majoree")
        self.peec = g("peec")
        self.forfait_social = g("forfait_social_prevoyance")
        self.cpf_cdd = g("cpf_cdd")
        self.prev_cadres = g("prevoyance_cadres")
        P = "salarie.prevoyance."
        self.excl_pss = p(P + "exclusion_employeur_pss")
        self.excl_rem = p(P + "exclusion_employeur_remuneration")
        self.excl_plafond = p(P + "exclusion_employeur_plafond_pss")
        self.ded_pss = p(P + "deduction_salarie_pss")
        self.ded_rem = p(P + "deduction_salarie_remuneration")
        self.ded_plafond = p(P + "deduction_salarie_plafond_pss")
        self.mutuelle_min_employeur = p(P + "mutuelle_part_employeur_minimum")
        self.fin_contrat = p("salarie.cdd.indemnite_fin_contrat")
        E = "salarie.seuils_effectif."
        self.seuil_fnal = p(E + "fnal")
        self.seuil_formation = p(E + "formation_professionnelle")
        self.seuil_peec = p(E + "peec")
        self.seuil_forfait_social = p(E + "forfait_social_prevoyance")
        self.seuil_vm = p(E + "versement_mobilite")
        self.seuil_csta = p(E + "contribution_supplementaire_apprentissage")
        self.seuil_csta_majoree = p(E + "contribution_supplementaire_apprentissage_majoree")
        self.csg_ded = p("csg_crds.csg_deductible")
        self.csg_nd = p("csg_crds.csg_non_deductible")
        self.crds = p("csg_crds.crds")
        self.csg_taux_assiette = p("csg_crds.taux_assiette_abattue")
        self.csg_plafond_pss = p("csg_crds.plafond_abattement_pss")
        self.decimales = p("rgdu.decimales_coefficient")
        self.taux_neutre = p("impot.taux_neutre")
        # RGDU from 2026, the réduction générale before (data-driven: whichever has a value at the date)
        if parametre("rgdu.tmin").valeurs[0].depuis > date:
            self.rgdu = False
            self.rg_t_petit = p("reduction_generale.t.moins_de_50")
            self.rg_t_grand = p("reduction_generale.t.cinquante_et_plus")
            self.rg_seuil_effectif = p("reduction_generale.seuil_effectif")
            self.rg_seuil = p("reduction_generale.seuil_smic")
            self.rg_diviseur = p("reduction_generale.diviseur")
        else:
            self.rgdu = True
            self.tmin = p("rgdu.tmin")
            self.tdelta_petit = p("rgdu.tdelta.moins_de_50")
            self.tdelta_grand = p("rgdu.tdelta.cinquante_et_plus")
            self.rg_seuil_effectif = p("rgdu.seuil_effectif")
            self.exposant = p("rgdu.exposant")
            self.facteur = p("rgdu.facteur")
            self.rg_seuil = p("rgdu.seuil_smic")
        self.at = p
        self.refs = {}
        self.sources = p.sources()

    def ref(self, name: str) -> str:
        r = self.refs.get(name)
        if r is None:
            r = self.refs[name] = self.at.ref(name)
        return r


_REGLES: dict = {}


def _regles(date: _dt.date) -> _Regles:
    r = _REGLES.get(date)
    if r is None:
        if len(_REGLES) > 64:
            _REGLES.clear()
        r = _REGLES[date] = _Regles(date)
    return r


class Situation:
    """The inputs other than the amount, with what follows from them."""

    __slots__ = ("r", "cadre", "cdd", "effectif", "quotite", "pss", "pss_plein", "smic", "taux_atmp",
                 "atmp_defaut", "vm", "mutuelle", "part_employeur", "taux_pas", "forfait", "jours", "k_brut")

    def __init__(self, v: dict):
        self.r = r = _regles(v["date"])
        self.cadre = bool(v["cadre"])
        self.cdd = v["contrat"] == "cdd"
        self.effectif = int(v["effectif"])
        self.forfait = v["temps_travail"] == "forfait_jours"
        self.jours = float(v["jours_forfait"]) if v.get("jours_forfait") is not None else r.jours_forfait_plein
        self.quotite = min(1.0, self.jours / r.jours_forfait_plein) if self.forfait else 1.0
        # salarié . temps de travail . plafond sécurité sociale (plancher 1 €/mois)
        self.pss = max(1.0, r.pss * self.quotite)
        self.pss_plein = r.pss
        # salarié . temps de travail . SMIC
        self.smic = r.heures_mois * self.quotite * r.smic_horaire
        self.atmp_defaut = v.get("taux_atmp") is None
        t = r.atmp_moyen if self.atmp_defaut else v["taux_atmp"]
        self.taux_atmp = max(t, r.atmp_min)  # établissement . taux ATMP: plancher taux minimum
        self.vm = v.get("taux_versement_mobilite") or 0.0
        self.mutuelle = v["mutuelle_montant"]
        self.part_employeur = v["mutuelle_part_employeur"]
        self.taux_pas = v.get("taux_pas")
        self.k_brut = 1.0 + (r.fin_contrat if self.cdd else 0.0)


def _seuil_bandeau(n_smic: float, s: Situation) -> float:
    """The 2025 ceiling of a reduced rate: ``n_smic`` × the SMIC of reference
    (décret 2025-318) for the working time; a micro-euro of slack
    so that binary noise never puts the threshold itself outside ("n'excède pas")."""
    r = s.r
    return n_smic * r.smic_reference_bandeaux * r.heures_mois * s.quotite + 1e-6


def _montants(brut: float, s: Situation, exact: bool) -> dict:
    """Every amount for a contractual gross ``brut``: lines and totals, unrounded.

    ``lignes``: :class:`calculators.core.resultat.Ligne` (code, libellé, groupe,
    assiette, taux and montant salarial and patronal, paramètre de référence).
    Only the reduction coefficient is rounded (to 4 decimals, CSS D241-7),
    unless ``exact``.  Totals are sums of unrounded lines, as in modele-social;
    the result rounds them to the cent once (so a one-cent change of the gross
    never moves the net by more than a cent).
    """
    r = s.r
    L = []

    def ligne(code, libelle, groupe, base, ts, tp, ref, ms=None, mp=None):
        if ms is None:
            ms = base * ts if ts is not None else None
        if mp is None:
            mp = base * tp if tp is not None else None
        L.append(Ligne(code, libelle, groupe, base, ts, tp, ms, mp, ref))

    # Gross pay (salarié . rémunération . brut): for a CDD, the indemnité de fin de contrat.
    fin = brut * r.fin_contrat if s.cdd else 0.0
    brut_total = brut + fin
    pss, pssp = s.pss, s.pss_plein
    # Prévoyance (salarié . cotisations . prévoyances)
    mut_pat = s.mutuelle * s.part_employeur
    mut_sal = s.mutuelle - mut_pat
    prev_cadre = min(brut_total, pssp) * r.prev_cadres if s.cadre else 0.0
    prev_pat = mut_pat + prev_cadre
    limite = min(r.excl_pss * pssp + r.excl_rem * brut_total, r.excl_plafond * pssp)
    prev_nd = max(0.0, prev_pat - limite)
    assiette = brut_total + prev_nd  # salarié . cotisations . assiette
    t1 = min(assiette, pss)
    t2 = tranche(assiette, pss, r.t2_pss * pss)
    t4 = min(assiette, r.chomage_pss * pss)
    eff = s.effectif

    # Santé
    taux_maladie = r.maladie_pat
    if r.maladie_seuil and assiette <= _seuil_bandeau(r.maladie_seuil, s):
        taux_maladie = r.maladie_reduit
    ligne("maladie", "Sécurité sociale - maladie, maternité, invalidité, décès", G_SANTE, assiette,
          r.maladie_sal or None, taux_maladie, "salarie.cotisations.maladie.employeur")
    ligne("complementaire_sante", "Complémentaire santé (mutuelle)", G_SANTE, None, None, None,
          "salarie.prevoyance.mutuelle_montant", ms=mut_sal, mp=mut_pat)
    if s.cadre:
        ligne("prevoyance_cadres", "Prévoyance obligatoire des cadres (tranche 1)", G_SANTE, min(brut_total, pssp),
              None, r.prev_cadres, "salarie.cotisations.prevoyance_cadres", mp=prev_cadre)
    # AT/MP
    ligne("atmp", "Accidents du travail - maladies professionnelles", G_ATMP, assiette, None, s.taux_atmp,
          "salarie.cotisations.atmp.taux_moyen")
    # Retraite
    ligne("vieillesse_plafonnee", "Sécurité sociale plafonnée (vieillesse)", G_RETRAITE, t1, r.vp_sal, r.vp_pat,
          "salarie.cotisations.vieillesse_plafonnee.employeur")
    ligne("vieillesse_deplafonnee", "Sécurité sociale déplafonnée (vieillesse)", G_RETRAITE, assiette, r.vd_sal,
          r.vd_pat, "salarie.cotisations.vieillesse_deplafonnee.employeur")
    ligne("retraite_complementaire_t1", "Retraite complémentaire Agirc-Arrco tranche 1", G_RETRAITE, t1,
          r.rc1_sal, r.rc1_pat, "salarie.cotisations.retraite_complementaire.t1.employeur")
    ligne("ceg_t1", "Contribution d'équilibre général (CEG) tranche 1", G_RETRAITE, t1, r.ceg1_sal, r.ceg1_pat,
          "salarie.cotisations.ceg.t1.employeur")
    if t2 > 0:
        ligne("retraite_complementaire_t2", "Retraite complémentaire Agirc-Arrco tranche 2", G_RETRAITE, t2,
              r.rc2_sal, r.rc2_pat, "salarie.cotisations.retraite_complementaire.t2.employeur")
        ligne("ceg_t2", "Contribution d'équilibre général (CEG) tranche 2", G_RETRAITE, t2, r.ceg2_sal,
              r.ceg2_pat, "salarie.cotisations.ceg.t2.employeur")
    if assiette > pss:  # salarié . cotisations . CET: applicable si assiette > PSS
        ligne("cet", "Contribution d'équilibre technique (CET)", G_RETRAITE, min(assiette, r.t2_pss * pss),
              r.cet_sal, r.cet_pat, "salarie.cotisations.cet.employeur")
    # Famille
    taux_af = r.af_plein
    if r.af_seuil and assiette <= _seuil_bandeau(r.af_seuil, s):
        taux_af = r.af_reduit
    ligne("allocations_familiales", "Famille - allocations familiales", G_FAMILLE, assiette, None, taux_af,
          "salarie.cotisations.allocations_familiales.taux_plein")
    # Assurance chômage
    ligne("chomage", "Assurance chômage", G_CHOMAGE, t4, None, r.chomage, "salarie.cotisations.chomage.employeur")
    ligne("ags", "Garantie des salaires (AGS)", G_CHOMAGE, t4, None, r.ags, "salarie.cotisations.ags.employeur")
    # Cadres
    if s.cadre:
        ligne("apec", "APEC", G_CONV, min(assiette, r.apec_pss * pss), r.apec_sal, r.apec_pat,
              "salarie.cotisations.apec.employeur")
    # Autres contributions dues par l'employeur (salarié . cotisations . autres employeur)
    if eff < r.seuil_fnal:
        ligne("fnal", "FNAL (aide au logement)", G_AUTRES, t1, None, r.fnal_reduit, "salarie.cotisations.fnal.taux_reduit")
    else:
        ligne("fnal", "FNAL (aide au logement)", G_AUTRES, assiette, None, r.fnal_plein, "salarie.cotisations.fnal.taux_plein")
    ligne("csa", "Contribution solidarité autonomie", G_AUTRES, assiette, None, r.csa, "salarie.cotisations.csa")
    ligne("dialogue_social", "Contribution au dialogue social", G_AUTRES, assiette, None, r.dialogue,
          "salarie.cotisations.dialogue_social")
    if eff < r.seuil_formation:
        ligne("formation_professionnelle", "Contribution à la formation professionnelle", G_AUTRES, assiette, None,
              r.formation_petit, "salarie.cotisations.formation_professionnelle.moins_de_11")
    else:
        ligne("formation_professionnelle", "Contribution à la formation professionnelle", G_AUTRES, assiette, None,
              r.formation, "salarie.cotisations.formation_professionnelle.onze_et_plus")
    ligne("taxe_apprentissage", "Taxe d'apprentissage", G_AUTRES, assiette, None, r.ta,
          "salarie.cotisations.taxe_apprentissage.principale")
    ligne("taxe_apprentissage_solde", "Taxe d'apprentissage - solde", G_AUTRES, assiette, None, r.ta_solde,
          "salarie.cotisations.taxe_apprentissage.solde")
    if eff >= r.seuil_csta:
        if eff >= r.seuil_csta_majoree:
            ligne("contribution_supplementaire_apprentissage", "Contribution supplémentaire à l'apprentissage",
                  G_AUTRES, assiette, None, r.csta_majoree,
                  "salarie.cotisations.taxe_apprentissage.contribution_supplementaire_majoree")
        else:
            ligne("contribution_supplementaire_apprentissage", "Contribution supplémentaire à l'apprentissage",
                  G_AUTRES, assiette, None, r.csta, "salarie.cotisations.taxe_apprentissage.contribution_supplementaire")
    if eff >= r.seuil_peec:
        ligne("peec", "Participation à l'effort de construction (PEEC)", G_AUTRES, assiette, None, r.peec,
              "salarie.cotisations.peec")
    if eff >= r.seuil_vm and s.vm:
        ligne("versement_mobilite", "Versement mobilité", G_AUTRES, assiette, None, s.vm,
              "salarie.seuils_effectif.versement_mobilite")
    if eff >= r.seuil_forfait_social and prev_pat > 0:
        ligne("forfait_social", "Forfait social sur la prévoyance", G_AUTRES, prev_pat, None, r.forfait_social,
              "salarie.cotisations.forfait_social_prevoyance")
    if s.cdd:
        ligne("cpf_cdd", "Contribution CPF-CDD", G_AUTRES, assiette, None, r.cpf_cdd, "salarie.cotisations.cpf_cdd")
    # CSG-CRDS (salarié . cotisations . CSG-CRDS . assiette de base)
    base_csg = (r.csg_taux_assiette * min(brut_total, r.csg_plafond_pss * pss)
                + tranche(brut_total, r.csg_plafond_pss * pss) + prev_pat)
    ligne("csg_deductible", "CSG déductible de l'impôt sur le revenu", G_CSG, base_csg, r.csg_ded, None,
          "csg_crds.csg_deductible")
    ligne("csg_non_deductible", "CSG non déductible de l'impôt sur le revenu", G_CSG, base_csg, r.csg_nd, None,
          "csg_crds.csg_non_deductible")
    ligne("crds", "CRDS non déductible de l'impôt sur le revenu", G_CSG, base_csg, r.crds, None, "csg_crds.crds")

    # Reduction (salarié . cotisations . exonérations . RGDU, or the 2025 réduction générale)
    coef = 0.0
    if assiette > 0:
        if r.rgdu:
            if assiette < r.rg_seuil * s.smic:
                tdelta = r.tdelta_petit if eff < r.rg_seuil_effectif else r.tdelta_grand
                x = r.facteur * (r.rg_seuil * s.smic / assiette - 1)
                coef = min(r.tmin + tdelta * x ** r.exposant, r.tmin + tdelta)
                ref, libelle = "rgdu.tdelta.moins_de_50" if eff < r.rg_seuil_effectif else "rgdu.tdelta.cinquante_et_plus", \
                    "Réduction générale dégressive unique (RGDU)"
        else:
            if assiette < r.rg_seuil * s.smic:
                t = r.rg_t_petit if eff < r.rg_seuil_effectif else r.rg_t_grand
                coef = min(t / r.rg_diviseur * (r.rg_seuil * s.smic / assiette - 1.0), t)
                ref, libelle = ("reduction_generale.t.moins_de_50" if eff < r.rg_seuil_effectif
                                else "reduction_generale.t.cinquante_et_plus"), "Réduction générale des cotisations patronales"
        if coef and not exact:
            coef = arrondi.decimales(coef, r.decimales)
        if coef:
            ligne("reduction_generale", libelle, G_REDUCTIONS, assiette, None, -coef, ref)

    sal = 0.0
    pat = 0.0
    csg_nd_crds = 0.0
    for ln in L:
        if ln.montant_salarial is not None:
            sal += ln.montant_salarial
            if ln.code in ("csg_non_deductible", "crds"):
                csg_nd_crds += ln.montant_salarial
        if ln.montant_patronal is not None:
            pat += ln.montant_patronal
    net = brut_total - sal
    # salarié . cotisations . prévoyances . salarié . non déductible (CGI art. 83 1° quater)
    ded = min(r.ded_pss * pssp + r.ded_rem * brut_total, r.ded_plafond * pssp)
    prev_sal_nd = max(0.0, mut_sal - ded)
    net_imposable = net + csg_nd_crds + prev_pat + prev_sal_nd
    taux_pas = taux_prelevement(net_imposable, r.taux_neutre, s.taux_pas)
    pas = max(0.0, net_imposable) * taux_pas
    return {
        "brut": brut, "fin_contrat": fin, "brut_total": brut_total, "assiette": assiette, "lignes": L,
        "sal": sal, "pat": pat, "net": net, "net_imposable": net_imposable, "taux_pas": taux_pas, "pas": pas,
        "cout": brut_total + pat, "coef": coef, "prev_pat": prev_pat, "base_csg": base_csg,
    }


# ---------------------------------------------------------------- inversion


def ruptures(s: Situation) -> list:
    """Gross pays where the amounts jump (a contribution starts or a reduction stops)."""
    r = s.r
    k = s.k_brut
    out = [s.pss / k]  # CET applies to the whole base above 1 PSS
    if r.rgdu:
        out.append(r.rg_seuil * s.smic / k)  # the RGDU stops at 3 SMIC (it is still Tmin there)
    if r.maladie_seuil:
        out.append(_seuil_bandeau(r.maladie_seuil, s) / k)
    if r.af_seuil:
        out.append(_seuil_bandeau(r.af_seuil, s) / k)
    return out


def _inverser(cible: float, s: Situation, key: str, exact: bool) -> dict:
    f_exact = lambda b: _montants(b, s, True)[key]  # noqa: E731
    hi = max(1.0, cible * 4 + 1000)  # a gross is below 4 × its net and below its cost
    inv = inverser(f_exact, cible, 0.0, hi, ruptures(s), ytol=1e-10)
    x = inv.x
    if exact:
        fx = inv.fx
    else:
        f = lambda b: arrondi.cents(_montants(b, s, False)[key])  # noqa: E731
        if inv.atteint:
            x, fx = polir(f, cible, x)
        else:
            x, fx = centime_sous(f, cible, x)  # below the jump: the last cent before it
    return {"salaire_brut": x, key: fx, "residu": cible - fx,
            "atteint": inv.atteint, "evaluations": inv.evaluations}


def brut_depuis_cout_employeur(cout: float, values: dict | None = None, exact: bool = False) -> dict:
    """The contractual gross whose employer cost is ``cout`` (€/mois).

    Returns ``{"salaire_brut", "cout_employeur", "residu", "atteint", "evaluations"}``;
    ``residu`` = ``cout`` − cost of the gross found.  ``exact=True``: no
    rounding anywhere, the residual is below 1e-9 €.  ``atteint`` is False
    when no gross gives that cost (below the cost of a zero gross, or inside
    the jump of the cost at the RGDU's exit, 3 SMIC): the gross returned is
    then the highest one whose cost stays below the target.
    """
    return _inverser(float(cout), Situation(valeurs(**(values or {}))), "cout", exact)


def brut_depuis_net(net: float, values: dict | None = None, exact: bool = False) -> dict:
    """The contractual gross whose net before tax is ``net`` (€/mois); same keys
    as :func:`brut_depuis_cout_employeur` (``net_avant_impot`` for the amount)."""
    out = _inverser(float(net), Situation(valeurs(**(values or {}))), "net", exact)
    out["net_avant_impot"] = out.pop("net")
    return out


# ---------------------------------------------------------------- API


def valeurs(**inputs) -> dict:
    """Validated inputs with defaults filled in (raises InputError).

    Already validated values (a ``datetime.date`` for ``date``) are accepted.
    Unlike :func:`check`, no amount is required here (helpers pass the amount
    separately to the inversion functions)."""
    return schema.valeurs(FIELDS, inputs)


def check(values: dict) -> dict:
    given = [k for k in MONTANTS if values.get(k) is not None]
    if not given:
        return {"salaire_brut": "Indiquez le salaire brut, le coût employeur ou le net avant impôt."}
    if len(given) > 1:
        msg = "Indiquez un seul montant parmi le salaire brut, le coût employeur et le net avant impôt."
        return {k: msg for k in given}
    return {}


def calculer(values: dict | None = None, exact: bool = False, **inputs) -> dict:
    """The full result object from ``values`` and/or keyword inputs (raw or
    already validated: they are validated here, missing keys take their
    default; raises InputError).  ``exact``: no rounding at all."""
    v = valeurs(**dict(values or {}, **inputs))
    return bulletin(v, exact)


def bulletin(v: dict, exact: bool) -> dict:
    errors = check(v)
    if errors:
        raise InputError(errors)
    s = Situation(v)
    alertes = []
    inversion = None
    if v.get("salaire_brut") is not None:
        brut = float(v["salaire_brut"])
    else:
        key, cible = ("cout", v["cout_employeur"]) if v.get("cout_employeur") is not None else ("net", v["net_avant_impot"])
        inv = _inverser(float(cible), s, key, exact)
        brut = inv["salaire_brut"]
        nom = "cout_employeur" if key == "cout" else "net_avant_impot"
        inversion = {"donnee": nom, "cible": cible, "residu": inv["residu"], "atteint": inv["atteint"]}
        if not inv["atteint"]:
            quoi = "coût employeur" if key == "cout" else "net avant impôt"
            alertes.append({"niveau": "attention", "message": (
                f"Aucun salaire brut ne donne exactement ce {quoi} : le montant franchit ici un seuil légal "
                f"(fin de la réduction générale, contribution d'équilibre technique au-delà du plafond de la "
                f"sécurité sociale) ou est trop bas. Le résultat affiché est le plus proche en dessous.")})
    m = _montants(brut, s, exact)
    return _resultat(v, s, m, alertes, inversion, exact)


def _resultat(v, s: Situation, m: dict, alertes: list, inversion, exact: bool) -> dict:
    r = s.r
    rnd = (lambda x: x) if exact else arrondi.cents
    # Totals are rounded once, from unrounded sums; the identities
    # brut = net + cotisations salariales and coût = brut + cotisations patronales
    # hold exactly on the rounded figures.
    brut = rnd(m["brut"])
    brut_total = rnd(m["brut_total"])
    net = rnd(m["net"])
    cout = rnd(m["cout"])
    sal = rnd(brut_total - net)
    pat = rnd(cout - brut_total)
    net_imp = rnd(m["net_imposable"])
    pas = rnd(m["pas"])
    if net < 0:
        # The contributions exceed the gross (the complémentaire santé is a flat
        # amount): the net to pay is floored at 0, as in the URSSAF's model
        # ("net . à payer avant impôt"), and the taxable net follows from the
        # floored net as there (the model gives 20.58 € at a gross of 0).  No
        # withholding is taken from a net of 0 (the model, with a personal
        # rate, shows a negative net after tax instead): the tax on that
        # taxable net is settled with the yearly return.
        net_imp = rnd(m["net_imposable"] - net)
        net = 0.0
        pas = 0.0
        alertes.append({"niveau": "attention", "message": (
            f"Ce salaire brut ne couvre pas les cotisations salariales ({fmt.montant(sal)}, dont la part salariale de "
            "la complémentaire santé, qui est un montant fixe) : le net à payer est ramené à 0 €, comme dans le "
            "simulateur de l'URSSAF, et aucun prélèvement à la source n'est retenu ; l'impôt éventuel sur le net "
            "imposable se règle avec la déclaration de revenus.")})
    net_apres = rnd(net - pas)
    reduction = m["assiette"] * m["coef"]
    csg = rnd(sum(ln.montant_salarial for ln in m["lignes"] if ln.groupe == G_CSG))
    # where the employer's euros go: with a floored net, the gross covers only
    # part of the salaried contributions (CSG-CRDS and the others pro rata)
    sal_couverte = rnd(brut_total - net)
    csg_couverte = csg if sal_couverte == sal or not sal else rnd(csg * sal_couverte / sal)
    # Lines rounded to the cent so that each column adds up to its total
    # (largest remainders: no line moves by more than a cent from its own
    # value, and most are its plain rounding).
    if exact:
        col_s = [ln.montant_salarial for ln in m["lignes"]]
        col_p = [ln.montant_patronal for ln in m["lignes"]]
    else:
        col_s = repartir([ln.montant_salarial for ln in m["lignes"]], sal)
        col_p = repartir([ln.montant_patronal for ln in m["lignes"]], pat)
    lignes = [ln.en_json(r.ref(ln.parametre), None if ln.base is None else rnd(ln.base), ms, mp)
              for ln, ms, mp in zip(m["lignes"], col_s, col_p)]
    if s.cdd:
        lignes.insert(0, {
            "code": "indemnite_fin_contrat", "libelle": "Indemnité de fin de contrat (CDD), lissée sur les mois",
            "groupe": G_REMUNERATION, "assiette": rnd(m["brut"]), "taux_salarial": None, "taux_patronal": None,
            "montant_salarial": None, "montant_patronal": None, "reference": r.ref("salarie.cdd.indemnite_fin_contrat"),
            "montant": rnd(m["fin_contrat"]),
        })

    if brut_total < s.smic - _CENT / 2:
        alertes.append({"niveau": "attention", "message": (
            "Ce salaire est inférieur au SMIC pour ce temps de travail "
            f"({fmt.montant(s.smic)} par mois) : un salarié ne peut pas être payé moins.")})
    if s.part_employeur < r.mutuelle_min_employeur:
        alertes.append({"niveau": "attention", "message":
                        "L'employeur doit financer au moins la moitié de la complémentaire santé (CSS, art. L911-7)."})

    hyp = [
        "Salarié du secteur privé en France métropolitaine (hors Alsace-Moselle), régime général.",
        "Cotisations calculées selon les règles du simulateur de l'URSSAF (modèle « modele-social ») "
        f"en vigueur le {fmt.date_fr(r.date)}.",
        f"Entreprise de {s.effectif} salarié{'s' if s.effectif > 1 else ''} ; taux AT/MP "
        + ("moyen national" if s.atmp_defaut else "indiqué") + f" de {fmt.pourcent(s.taux_atmp)}.",
        f"Complémentaire santé de {fmt.montant(s.mutuelle)} par mois, dont {fmt.pourcent(s.part_employeur)} à la charge de l'employeur.",
        "Chaque ligne est arrondie au centime, comme sur un bulletin de paie ; les totaux sont arrondis une fois, "
        "sur les montants exacts, comme dans le simulateur de l'URSSAF." if not exact
        else "Montants non arrondis (calcul exact).",
    ]
    if s.cadre:
        hyp.append(f"Statut cadre : cotisation APEC et prévoyance obligatoire des cadres ({fmt.pourcent(r.prev_cadres)} "
                   "de la tranche 1), sans autre prévoyance conventionnelle.")
    else:
        hyp.append("Non-cadre : pas de prévoyance conventionnelle modélisée.")
    if r.rgdu:
        hyp.append(f"Réduction générale dégressive unique (RGDU) : elle s'annule à partir de {fmt.nombre(r.rg_seuil)} SMIC.")
    else:
        hyp.append(f"Réduction générale des cotisations patronales de 2025 (nulle à partir de {fmt.nombre(r.rg_seuil)} SMIC) "
                   f"et taux réduits des cotisations maladie (jusqu'à {fmt.nombre(r.maladie_seuil)} SMIC) et allocations "
                   f"familiales (jusqu'à {fmt.nombre(r.af_seuil)} SMIC).")
    if s.cdd:
        hyp.append(f"CDD de plus de deux mois : indemnité de fin de contrat de {fmt.pourcent(r.fin_contrat)} répartie sur chaque "
                   f"mois, congés payés pris pendant le contrat, contribution CPF-CDD de {fmt.pourcent(r.cpf_cdd)}.")
    if s.forfait:
        if s.quotite < 1:
            hyp.append(f"Forfait annuel de {fmt.nombre(s.jours)} jours : le plafond de la sécurité sociale et le SMIC de référence "
                       f"de la réduction générale sont proratisés ({fmt.nombre(s.jours)}/{r.jours_forfait_plein}).")
        else:
            hyp.append("Forfait annuel en jours complet : mêmes plafond de la sécurité sociale et SMIC de référence "
                       "qu'un temps plein.")
    if s.taux_pas is None:
        hyp.append("Prélèvement à la source au taux neutre (grille par défaut), sans taux personnalisé.")
    else:
        hyp.append(f"Prélèvement à la source au taux personnalisé de {fmt.pourcent(s.taux_pas)}.")

    result = {
        "salaire_brut": brut,
        "remuneration_brute": brut_total,
        "cout_employeur": cout,
        "net_avant_impot": net,
        "net_imposable": net_imp,
        "prelevement_source": pas,
        "taux_prelevement_source": m["taux_pas"],
        "net_apres_impot": net_apres,
        "cotisations_salariales": sal,
        "cotisations_patronales": pat,
        "reduction_generale": next((-ln["montant_patronal"] for ln in lignes if ln["code"] == "reduction_generale"),
                                   rnd(reduction)),
        "coefficient_reduction": m["coef"],
        "assiette_cotisations": rnd(m["assiette"]),
        "assiette_csg": rnd(m["base_csg"]),
        "plafond_securite_sociale": s.pss,
        "smic": rnd(s.smic),
        "chiffres_cles": [
            {"code": "cout_employeur", "libelle": "Coût total employeur", "valeur": cout, "unite": "€/mois",
             "aide": "Ce que l'entreprise dépense chaque mois pour ce salaire, réduction générale déduite."},
            {"code": "salaire_brut", "libelle": "Salaire brut", "valeur": brut, "unite": "€/mois",
             "aide": "Le salaire du contrat, avant cotisations salariales."},
            {"code": "net_avant_impot", "libelle": "Net avant impôt", "valeur": net, "unite": "€/mois",
             "aide": "Le salaire net à payer, avant le prélèvement à la source."},
            {"code": "net_apres_impot", "libelle": "Net après impôt", "valeur": net_apres, "unite": "€/mois",
             "aide": "Ce qui arrive sur le compte bancaire, prélèvement à la source déduit."},
            {"code": "net_imposable", "libelle": "Net imposable", "valeur": net_imp, "unite": "€/mois",
             "aide": "La base du prélèvement à la source et de l'impôt sur le revenu."},
        ],
        "lignes": lignes,
        "repartition": [
            {"code": "net_apres_impot", "libelle": "Salaire net après impôt", "montant": net_apres},
            {"code": "prelevement_source", "libelle": "Prélèvement à la source", "montant": pas},
            {"code": "csg_crds", "libelle": "CSG et CRDS", "montant": csg_couverte},
            {"code": "cotisations_salariales", "libelle": "Cotisations salariales (hors CSG-CRDS)",
             "montant": rnd(sal_couverte - csg_couverte)},
            {"code": "cotisations_patronales", "libelle": "Cotisations patronales (après réduction)",
             "montant": pat},
        ],
        "annuel": {k: rnd(x * 12) for k, x in (
            ("salaire_brut", brut), ("cout_employeur", cout), ("net_avant_impot", net),
            ("net_imposable", net_imp), ("prelevement_source", pas), ("net_apres_impot", net_apres),
            ("cotisations_salariales", sal), ("cotisations_patronales", pat))},
        "hypotheses": hyp,
        "alertes": alertes,
        "sources": list(r.sources),  # shared dicts: read-only
        "periode": "mois",  # the period of the amounts (core/resultat.py)
        "date": r.date.isoformat(),
    }
    if inversion is not None:
        result["inversion"] = inversion
    return result


def repartir(exacts: list, total: float) -> list:
    """Round each amount (None stays None) to the cent so that they sum to
    ``total``: plain rounding, then the missing cents go to the amounts whose
    rounding went furthest the other way."""
    out = [None if x is None else arrondi.cents(x) for x in exacts]
    diff = round((total - sum(x for x in out if x is not None)) * 100)
    if diff:
        idx = [i for i, x in enumerate(exacts) if x is not None]
        sign = 1 if diff > 0 else -1
        idx.sort(key=lambda i: sign * (out[i] - exacts[i]))
        for i in idx[:abs(diff)]:
            out[i] = round(out[i] + sign * _CENT, 2)
    return out


montants = _montants

__all__ = ["montants", "FIELDS", "MONTANTS", "G_CSG", "bulletin", "repartir", "ruptures", "check", "calculer", "valeurs",
           "brut_depuis_cout_employeur", "brut_depuis_net", "Situation"]
