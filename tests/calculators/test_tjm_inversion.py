"""The TJM calculator inverts the portage chain exactly: the TJM it gives is the
smallest (to the cent) whose portage pay reaches the target net; "garder mon
salaire" takes its target from the salaried rules, checked against the URSSAF model."""

from __future__ import annotations

import datetime

import oracle  # tests/calculators/oracle.py (this directory is on sys.path)
import pytest

import calculators
from calculators.core.arrondi import cents
from calculators.core.parametres import At
from calculators.statuts import colonne


def tjm(**raw):
    raw.setdefault("date", "2026-07-01")
    out = calculators.run("tjm", raw)
    assert out["ok"], out
    return out["result"]


def portage_net(r, raw, tjm_value, base):
    keep = {k: v for k, v in raw.items() if k in {f.name for f in calculators.get("portage").FIELDS}}
    out = calculators.run("portage", {**keep, "tjm": tjm_value, "jours": r["jours_par_mois"]})
    assert out["ok"], out
    if base == "net_apres_impot":  # the comparator's household method, not the withholding
        return apres_impot_foyer("portage", out["result"], date=raw.get("date", "2026-07-01"))
    return out["result"][base]


def apres_impot_foyer(code, result, frais_m=0.0, date="2026-07-01", annuel=False):
    """The status comparator's net after tax for one status's result: its net less
    what the income adds to the household's tax at the barème (one person, one part,
    no other income), ``statuts.colonne``, tested against the law in
    test_comparateur_statuts_impot.py."""
    col = colonne(code, result, frais_m, {}, At(datetime.date.fromisoformat(date)))
    if annuel:
        return cents(result["annuel"]["net_avant_impot"] - col["annuel"]["impot_revenu"])
    return col["net_apres_impot"]


CASES = [
    # objectif, periode, base, extra inputs
    dict(objectif=3500),
    dict(objectif=4000, frais_gestion=0.08),
    dict(objectif=2800, base="net_apres_impot", cadre=False),
    dict(objectif=42000, periode="annee", base="net_apres_impot", date="2026-01-01"),
    dict(objectif=6000, contrat="cdd", frais_gestion=0.1, frais_gestion_seuil_1=75000, frais_gestion_2=0.08,
         frais_professionnels=200),
    dict(objectif=9000, frais_fixes_mensuels=120, frais_gestion=0.05, taux_pas=0.12, base="net_apres_impot"),
    dict(objectif=3000, annee=2025, alsace_moselle=True, semaines_conges=6, date="2025-09-01"),
]


@pytest.mark.parametrize("raw", CASES, ids=[str(i) for i in range(len(CASES))])
def test_tjm_is_the_smallest_that_reaches_the_target(raw):
    r = tjm(**raw)
    base = raw.get("base", "net_avant_impot")
    target = r["objectif_mensuel"]
    if raw.get("periode") == "annee":
        assert target == round(raw["objectif"] / 12, 2)       # 42 000 / 12 = 3 500
    else:
        assert target == raw["objectif"]
    # the TJM reaches the target, one cent less does not
    assert portage_net(r, raw, r["tjm"], base) >= target
    assert portage_net(r, raw, round(r["tjm"] - 0.01, 2), base) < target
    # and the result shown is the portage result at that TJM
    assert r[base] == portage_net(r, raw, r["tjm"], base)
    # the net overshoots the target by less than one cent of TJM's worth of turnover
    assert r[base] - target <= r["jours_par_mois"] * 0.01 + 0.02


def test_billable_days_per_month():
    r = tjm(objectif=3500)
    # 2026: 365 − 104 − 9 − 25 − 10 − 3 − 5 − 5 = 204 days (see test_tjm_calendrier.py)
    assert r["jours_facturables"] == 204
    assert r["jours_par_mois"] == 17                       # 204 / 12
    assert r["chiffre_affaires"] == round(r["tjm"] * 17, 2)
    assert r["calendrier"]["jours"][-1] == {"code": "jours_facturables", "libelle": "Jours facturables", "jours": 204}
    assert "365 jours − 104 (samedis et dimanches) − 9 (jours fériés tombant en semaine)" in r["hypotheses"][0]


def test_more_days_off_means_a_higher_tjm():
    a = tjm(objectif=3500)
    b = tjm(objectif=3500, semaines_conges=7)               # 10 fewer days: 194
    assert b["jours_facturables"] == 194
    assert b["tjm"] > a["tjm"]
    # same monthly net, fewer days: about the same turnover per month.  Fewer days are
    # also a shorter working time (portage counts it in days: 194 / 218 instead of
    # 204 / 218 of a full forfait), so a lower prorated PSS: a little more of the pay
    # bears the tranche 2 rates, and the turnover needed is a little higher, never lower
    assert 0 <= b["chiffre_affaires"] - a["chiffre_affaires"] < 0.001 * a["chiffre_affaires"]


SALARIES = [45000, 60000, 90000]


@pytest.fixture(scope="module")
def urssaf_salaries():
    sits = [oracle.situation_salarie("2026-07-01", salaire_brut=round(s / 12, 2)) for s in SALARIES]
    return oracle.evaluer_salarie(sits)


@pytest.mark.parametrize("i", range(len(SALARIES)), ids=[str(s) for s in SALARIES])
def test_keep_my_salary(urssaf_salaries, i):
    r = tjm(mode="salaire_actuel", salaire_brut_annuel=SALARIES[i])
    model = urssaf_salaries[i]
    # the target is the net of the CDI salary (gross / 12) in the URSSAF model
    assert r["salarie_reference"]["salaire_brut"] == round(SALARIES[i] / 12, 2)
    assert r["objectif_mensuel"] == pytest.approx(model["net_avant_impot"], abs=0.01)
    assert r["net_avant_impot"] >= r["objectif_mensuel"]
    # in portage the same net needs a larger gross (the réserve and the fee come on top)
    assert r["chiffre_affaires"] > r["salarie_reference"]["cout_employeur"]


def test_errors():
    out = calculators.run("tjm", {"jours_prospection": 300, "date": "2026-07-01"})
    assert not out["ok"] and "jours_prospection" in out["errors"]
    out = calculators.run("tjm", {"objectif": 0, "date": "2026-07-01"})
    assert not out["ok"] and "objectif" in out["errors"]
    # SASU and EURL are statuses of the TJM calculator now (test_tjm_dirigeants.py);
    # a status it does not know is still a per-field error
    out = calculators.run("tjm", {"statut": "sasu", "date": "2026-07-01"})
    assert out["ok"] and out["result"]["statut"] == "sasu"
    out = calculators.run("tjm", {"statut": "sarl", "date": "2026-07-01"})
    assert not out["ok"] and "statut" in out["errors"]


def test_days_beyond_the_forfait_are_flagged():
    none_off = dict(jours_prospection=0, jours_administratif=0, jours_formation=0, jours_maladie=0)
    # 2026: 365 − 104 − 9 = 252 working days; 5 weeks off → 227 > 218 (forfait, art. 27.1.2)
    r = tjm(objectif=3500, semaines_conges=5, **none_off)
    assert r["jours_facturables"] == 227
    assert [a["niveau"] for a in r["alertes"] if "forfait annuel de 218 jours" in a["message"]] == ["info"]
    # 1 week off → 247 > 229, the convention's maximum (art. 27.1.3)
    r = tjm(objectif=3500, semaines_conges=1, **none_off)
    assert r["jours_facturables"] == 247
    assert [a["niveau"] for a in r["alertes"] if "maximum de 229 jours" in a["message"]] == ["attention"]
    # the default assumptions (204 days) raise neither
    assert not [a for a in tjm(objectif=3500)["alertes"] if "jours facturables" in a["message"]]


# Where the portage net drops as the TJM grows: one bracket up in the neutral
# withholding grid, the whole taxable pay bears the higher rate (CGI art. 204 H);
# above 1 PSS, the CET applies to the whole gross.  Just above such a drop a
# lower TJM, at the top of the previous bracket, may already reach the target.
DROP_TARGETS = [
    # (objectif €/mois, base): after-tax targets (once around the brackets of the
    # withholding grid; the net after the household tax has no such drop),
    # before-tax targets around the net of a gross of 1 PSS (about 3 140 €)
    (2040, "net_apres_impot"), (2076.60, "net_apres_impot"), (2100, "net_apres_impot"),
    (2680, "net_apres_impot"), (3120, "net_avant_impot"), (3140, "net_avant_impot"),
    (3160, "net_avant_impot"),
]


@pytest.mark.parametrize("objectif,base", DROP_TARGETS)
def test_no_lower_tjm_reaches_the_target_even_below_a_drop(objectif, base):
    raw = dict(objectif=objectif, base=base)
    r = tjm(**raw)
    assert portage_net(r, raw, r["tjm"], base) >= objectif
    # every TJM up to 12 € below (a drop of the net is worth a few euros of TJM)
    lower = [round(r["tjm"] - c / 100, 2) for c in range(1, 1201)]
    reaching = [t for t in lower if portage_net(r, raw, t, base) >= objectif]
    assert reaching == []
