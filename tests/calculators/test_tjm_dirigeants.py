"""The TJM calculator with ``statut`` = SASU or EURL: the smallest TJM (to the cent)
whose net reaches the target, over the same billable days as in portage.

Checked against each status's own calculator, run forward by hand on the status
comparator's convention: yearly turnover = TJM × billable days of the year (to the
cent); the company spends all of it, less the expenses (12 × the monthly
``frais_professionnels``), on the manager's pay: ``cout_total`` per year, no profit,
no dividends.  The target is compared in its period: a yearly target against the
yearly net, a monthly one against the yearly net ÷ 12 rounded to the cent."""

from __future__ import annotations

import datetime

import pytest

import calculators
from calculators.core.arrondi import cents  # half away from zero, as the comparator rounds
from calculators.core.parametres import At
from calculators.statuts import colonne

DATE = "2026-07-01"


def run(name, inputs):
    out = calculators.run(name, inputs)
    assert out["ok"], out
    return out["result"]


def status_net(statut, tjm, jours_an, base, annuel, frais_mois=0.0, activite="bnc_ssi"):
    """The status's own calculator at ``tjm``, the comparator's way, written out."""
    ca = cents(tjm * jours_an)                   # e.g. 419.62 × 204 = 85 602.48 €
    cout_total = max(0.0, cents(ca - 12 * frais_mois))  # e.g. 85 602.48 − 12 × 0 €
    inputs = {"cout_total": cout_total, "periode": "annee", "date": DATE}
    if statut == "eurl":
        inputs["activite"] = "liberale" if activite.startswith("bnc") else "commerciale"
    out = calculators.run(statut, inputs)
    if not out["ok"]:
        return None  # turnover below the minimum contributions: no pay at all
    if base == "net_apres_impot":
        # after tax, the status comparator's figure on the same inputs (its household
        # tax at the barème, tested against the law in test_comparateur_statuts_impot.py):
        # the TJM calculator and the comparator never disagree
        col = colonne(statut, out["result"], 0.0, {}, At(datetime.date.fromisoformat(DATE)))
        if annuel:
            return cents(out["result"]["annuel"]["net_avant_impot"] - col["annuel"]["impot_revenu"])
        return col["net_apres_impot"]
    yearly = out["result"]["annuel"][base]
    return yearly if annuel else cents(yearly / 12)


CASES = [
    # objectif (per periode), periode, base, frais professionnels (€/mois), activité
    dict(objectif=4000),
    dict(objectif=2500, base="net_apres_impot"),
    dict(objectif=48000, periode="annee", base="net_apres_impot"),
    dict(objectif=30000, periode="annee"),
    dict(objectif=3000, frais_professionnels=300),
    dict(objectif=7000, base="net_apres_impot", activite="bic_services"),
    dict(objectif=12000, periode="annee", frais_professionnels=150),
]


@pytest.mark.parametrize("statut", ["sasu", "eurl"])
@pytest.mark.parametrize("case", CASES, ids=[str(i) for i in range(len(CASES))])
def test_smallest_tjm_whose_net_reaches_the_target(statut, case):
    r = run("tjm", {"statut": statut, "date": DATE, **case})
    base = case.get("base", "net_avant_impot")
    annuel = case.get("periode") == "annee"
    frais = case.get("frais_professionnels", 0.0)
    act = case.get("activite", "bnc_ssi")
    jf = r["jours_facturables"]
    # 2026, default assumptions: 365 − 104 − 9 − 25 − 10 − 3 − 5 − 5 = 204 days
    assert jf == 204
    target = case["objectif"]
    # monthly target: the objective itself; yearly: shown per month too (48 000 / 12 = 4 000,
    # 30 000 / 12 = 2 500, 12 000 / 12 = 1 000) but compared with the yearly net
    assert r["objectif_mensuel"] == (round(target / 12, 2) if annuel else target)
    at = status_net(statut, r["tjm"], jf, base, annuel, frais, act)
    below = status_net(statut, round(r["tjm"] - 0.01, 2), jf, base, annuel, frais, act)
    assert at is not None and at >= target
    assert below is None or below < target
    # the result shown is the status's result at that TJM
    assert r["statut"] == statut
    if annuel:
        assert r["annuel"][base] == at
    else:
        assert r[base] == at
    # turnover: TJM × 204 / 12 per month; the pay budget: turnover − expenses
    assert r["annuel"]["chiffre_affaires"] == cents(r["tjm"] * 204)
    assert r[statut]["entrees"]["cout_total"] == cents(r["annuel"]["chiffre_affaires"] - 12 * frais)
    # the SASU pays 12 equal payslips whose gross is solved to the cent: the yearly cost is
    # the budget within 12 × a cent of gross with its employer contributions (< 1 €)
    assert abs(r["annuel"]["cout_total"] - r[statut]["entrees"]["cout_total"]) < 1
    # one cent of TJM is 2.04 € of turnover a year: the overshoot is at most that much net (plus rounding)
    overshoot = at - target
    assert 0 <= overshoot <= (2.04 if annuel else 2.04 / 12 + 0.01) + 0.02


@pytest.mark.parametrize("statut", ["sasu", "eurl"])
def test_the_comparator_gives_the_same_net_at_that_tjm(statut):
    """One code path: the status comparator, fed the yearly turnover of the TJM found
    (TJM × 204), the same expenses and the same household, shows the same nets for
    that status, before and after tax (the household's tax at the barème), and the
    same withholding apart (the EURL gérant pays acomptes, none the first year)."""
    foyer = {"situation_famille": "couple", "parts": 2.5, "autres_revenus": 24_000}
    for base, objectif in (("net_avant_impot", 3800), ("net_apres_impot", 3400)):
        r = run("tjm", {"statut": statut, "objectif": objectif, "base": base, "frais_professionnels": 250,
                        "date": DATE, **foyer})
        c = run("comparateur_statuts", {"chiffre_affaires_annuel": cents(r["tjm"] * 204), "jours": 17,
                                        "frais": 250, "date": DATE, **foyer})["nets"][statut]
        assert c["net_avant_impot"] == r["net_avant_impot"]
        assert c["net_apres_impot"] == r["net_apres_impot"]
        assert c[base] >= objectif
        assert c["prelevement_source"] == r["prelevement_source"]
        if statut == "eurl":
            assert r["prelevement_source"] == 0


def test_keep_my_salary_in_a_company():
    common = {"mode": "salaire_actuel", "salaire_brut_annuel": 60000, "date": DATE}
    p = run("tjm", {**common, "statut": "portage"})
    for statut in ("sasu", "eurl"):
        r = run("tjm", {**common, "statut": statut})
        # same target: the CDI net of 60 000 / 12 = 5 000 € gross a month
        assert r["objectif_mensuel"] == p["objectif_mensuel"]
        assert r["salarie_reference"]["salaire_brut"] == 5000
        assert status_net(statut, r["tjm"], 204, "net_avant_impot", False) >= r["objectif_mensuel"]
        assert status_net(statut, round(r["tjm"] - 0.01, 2), 204, "net_avant_impot", False) < r["objectif_mensuel"]
    # no management fee and no réserve: a company needs less turnover than portage for the same net
    assert run("tjm", {**common, "statut": "eurl"})["tjm"] < p["tjm"]


def test_more_days_off_means_a_higher_tjm():
    a = run("tjm", {"statut": "sasu", "objectif": 3500, "date": DATE})
    b = run("tjm", {"statut": "sasu", "objectif": 3500, "semaines_conges": 7, "date": DATE})
    # 204 − 2 × 5 = 194 days; the same yearly turnover to a few euros: TJM × 194 ≈ TJM' × 204
    assert b["jours_facturables"] == 194
    assert b["tjm"] > a["tjm"]
    assert abs(b["annuel"]["chiffre_affaires"] - a["annuel"]["chiffre_affaires"]) < 2.04 + 1.94


def test_sasu_target_just_below_the_cet_jump():
    """At a gross above the monthly ceiling (PSS, 4 005 € in 2026) the CET applies to the
    whole gross and the SASU net before tax drops by a few euros; a target between the
    net just above and the net at the ceiling is reached first below the ceiling."""
    pss = 4005
    def net(c):  # monthly net before tax at c cents of TJM, 204 days, no expenses
        return status_net("sasu", c / 100, 204, "net_avant_impot", False)

    def gross(c):
        return run("sasu", {"cout_total": cents(c / 100 * 204), "periode": "annee",
                            "date": DATE})["annuel"]["remuneration_brute"] / 12

    # the last cent of TJM whose gross stays at or below the ceiling, by bisection
    lo, hi = 30000, 40000                  # 300 €/jour: gross < 4 005; 400 €/jour: above
    assert gross(lo) <= pss < gross(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if gross(mid) <= pss else (lo, mid)
    top, after = net(lo), net(hi)
    assert after < top                     # the drop
    target = cents((top + after) / 2)
    r = run("tjm", {"statut": "sasu", "objectif": target, "date": DATE})
    assert r["sasu"]["remuneration_brute"] / 12 <= pss
    assert net(round(r["tjm"] * 100)) >= target > net(round(r["tjm"] * 100) - 1)


def test_hypotheses_say_the_convention():
    r = run("tjm", {"statut": "eurl", "objectif": 3000, "frais_professionnels": 200, "date": DATE})
    text = " ".join(r["hypotheses"])
    assert "ni bénéfice, ni impôt sur les sociétés, ni dividendes" in text
    assert "frais professionnels (200 € par mois)" in text.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Activité de l'EURL : libérale non réglementée" in text
    assert r["eurl"]["entrees"] == {"cout_total": cents(r["tjm"] * 204 - 2400), "periode": "annee",
                                    "activite": "liberale", "date": DATE}


def test_errors_are_french_and_per_field():
    out = calculators.run("tjm", {"statut": "sarl", "date": DATE})
    assert not out["ok"] and "statut" in out["errors"]
    out = calculators.run("tjm", {"statut": "sasu", "objectif": 0, "date": DATE})
    assert not out["ok"] and "objectif" in out["errors"]
    out = calculators.run("tjm", {"statut": "eurl", "jours_prospection": 300, "date": DATE})
    assert not out["ok"] and "jours_prospection" in out["errors"]
    # 10 million a month: the TJM would exceed the company calculators' limits
    out = calculators.run("tjm", {"statut": "sasu", "objectif": 10_000_000, "date": DATE})
    assert not out["ok"] and out["errors"] == {"objectif": "Objectif hors d'atteinte avec ces hypothèses."}


def test_eurl_target_uses_the_reformed_contributions():
    """The worked column R = 60 000 € of ../shared/reference/tns-2026.md (2026, after the
    2025 reform of the TNS base): contributions 19 251 €, net 40 749 €.  That yearly net
    needs 60 000 € of turnover over 204 days: TJM 60 000 / 204 = 294.1176 -> 294.12 €.
    At 294.12: turnover 294.12 × 204 = 60 000.48; A = round(26 % × 60 000.48) = 15 600,
    a = round(44 400.48) = 44 400, the same lines: net 60 000.48 − 19 251 = 40 749.48.
    At 294.11: turnover 59 998.44, a = 44 398; the lines round to the same 19 251:
    net 40 747.44 < 40 749.  (The pre-reform rules gave 40 978 € at 60 000 €.)"""
    r = run("tjm", {"statut": "eurl", "objectif": 40_749, "periode": "annee", "date": DATE})
    assert r["jours_facturables"] == 204
    assert r["tjm"] == 294.12
    assert r["annuel"]["chiffre_affaires"] == 60_000.48
    assert r["annuel"]["cotisations"] == 19_251
    assert r["annuel"]["net_avant_impot"] == cents(60_000.48 - 19_251)
    lignes = {ln["code"]: round(ln["montant_salarial"] * 12) for ln in r["lignes"]}
    assert lignes["retraite_base"] == 7_934 and lignes["retraite_complementaire"] == 3_596   # 17.87 %, 8.1 % × 44 400
    assert lignes["csg_deductible"] + lignes["csg_crds_non_deductible"] == 3_019 + 1_288   # 9.7 % × 44 400
