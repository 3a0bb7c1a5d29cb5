"""« annee », portage between missions and the ARE after a contract.

- CCN IDCC 3219 art. 21.3: the réserve is 10 % of the base salary of each
  mission month; art. 22.2: between missions the contract is suspended and the
  réserve may pay an allocation de prospection, at most 3 months, at least one
  day of pay a month; art. 22.3: dismissal possible after 1 month without
  prestation; the réserve left is paid with the final pay.  So: réserve accrued
  = paid as prospection + paid at the end of the contract + still held, to the cent.
- ARE: first paid day = end of contract + 1 + différés + 7 days of délai
  d'attente (règlement, art. 21-23); 30 days a month; never before the end.
"""

from __future__ import annotations

import datetime as dt

import pytest

import calculators


def annee(**inputs):
    res = calculators.run("annee", inputs)
    assert res["ok"], res
    return res["result"]


YEARS = [
    # (inputs, months of the end of the contract (1-12) or None)
    ({"statut": "portage_cdi", "tjm": 600, "jours": 18, "mois_mission": 8}, 11),  # 3 months of prospection
    ({"statut": "portage_cdi", "tjm": 600, "jours": 18, "mois_mission": 8, "mois_prospection": 0}, 9),
    ({"statut": "portage_cdi", "tjm": 600, "jours": 18, "mois_mission": 8, "mois_prospection": 1}, 9),
    ({"statut": "portage_cdi", "tjm": 750, "jours": 15, "mois_mission": 10}, None),  # prospection runs past December
    ({"statut": "portage_cdi", "tjm": 600, "jours": 18, "mois_mission": 8, "fin_portage": "suspendu"}, None),
    ({"statut": "portage_cdi", "tjm": 520, "jours_01": 0, "jours_02": 0, "jours_03": 12, "jours_04": 20,
      "jours_05": 0, "jours_06": 16, "jours_07": 0, "jours_08": 0, "jours_09": 9.5, "jours_10": 0,
      "jours_11": 0, "jours_12": 0}, 12),  # 3 months without prestation from October: the end in December
    ({"statut": "portage_cdd", "tjm": 600, "jours": 18, "mois_mission": 8}, 8),
    ({"statut": "portage_cdd", "tjm": 480, "jours_01": 10, "jours_02": 0, "jours_03": 19, "jours_04": 19,
      "jours_05": 0, "jours_06": 0, "jours_07": 14, "jours_08": 0, "jours_09": 0, "jours_10": 0,
      "jours_11": 0, "jours_12": 7}, 1),
]


@pytest.mark.parametrize("inputs,fin", YEARS)
def test_the_reserve_accrued_is_paid_back_or_still_held_to_the_cent(inputs, fin):
    r = annee(date="2026-06-01", **inputs)
    res = r["colonnes"][0]["reserve"]
    # accrued = Σ of the portage calculator's réserve (or CDD indemnity) of each mission month
    contrat = "cdd" if inputs["statut"] == "portage_cdd" else "cdi"
    accrued = 0.0
    for row in r["mois"]:
        if row["jours"] > 0:
            ref = calculators.run("portage", {"tjm": inputs["tjm"], "jours": row["jours"], "contrat": contrat,
                                              "date": dt.date(2026, row["mois"], 1).isoformat()})["result"]
            accrued += ref["reserve_financiere"]
    assert res["acquise"] == pytest.approx(accrued, abs=0.005)
    assert round(res["prospection"] + res["fin_contrat"] + res["restante"], 2) == res["acquise"]
    # the gross paid out of the réserve is in the months' pay: prospection months pay exactly it
    # at most 3 months of prospection in a row (one period without prestation)
    run = 0
    for row in r["mois"]:
        run = run + 1 if "prospection" in row["drapeaux"] else 0
        assert run <= 3
    ends = [row["mois"] for row in r["mois"] if "fin_contrat" in row["drapeaux"]]
    assert (ends[:1] or [None])[0] == fin


def test_prospection_shares_the_reserve_over_its_months():
    # 8 mission months then 3 months of prospection: each pays a third of the réserve
    r = annee(statut="portage_cdi", tjm=600, jours=18, mois_mission=8, date="2026-06-01")
    res = r["colonnes"][0]["reserve"]
    rows = r["mois"]
    thirds = [rows[m]["revenu_remplacement"] for m in (8, 9, 10)]
    assert thirds[0] == round(res["acquise"] / 3, 2)
    assert sum(thirds) == pytest.approx(res["acquise"], abs=0.005) and res["restante"] == 0
    assert all("contrat_suspendu" in rows[m]["drapeaux"] for m in (8, 9, 10))
    # no ARE while the contract is only suspended
    assert all(rows[m]["revenu_remplacement_net"] == rows[m]["net_apres_impot"] for m in (8, 9, 10))


@pytest.mark.parametrize("inputs,fin", [y for y in YEARS if y[1]] + [
    ({"statut": "cdi", "salaire_brut": 5500, "fin_cdi": "rupture_conventionnelle", "mois_fin_cdi": 6}, 6),
    ({"statut": "cdi", "salaire_brut": 5500, "fin_cdi": "rupture_conventionnelle", "mois_fin_cdi": 2,
      "age": 58}, 2),
])
def test_the_are_starts_after_the_differes_and_the_seven_days_never_before_the_end(inputs, fin):
    r = annee(date="2026-06-01", **inputs)
    col = r["colonnes"][0]
    are = col["are"]
    end = (dt.date(2026, fin + 1, 1) - dt.timedelta(days=1)) if fin < 12 else dt.date(2026, 12, 31)
    first = dt.date.fromisoformat(are["date_premier_jour"])
    # no indemnity above the legal one, no ICCP: 0 + 0 days, then 7
    assert are["differe_specifique_jours"] == 0 and are["differe_conges_payes_jours"] == 0
    assert first == end + dt.timedelta(days=1 + 0 + 0 + 7)
    for row in r["mois"]:
        last_day = (dt.date(2026, row["mois"] + 1, 1) - dt.timedelta(days=1)) if row["mois"] < 12 else dt.date(2026, 12, 31)
        if last_day < first:
            assert "are" not in row["drapeaux"]
            if row["mois"] <= fin:
                assert row["revenu_remplacement"] == 0 or "prospection" in row["drapeaux"]
    # the month of the first paid day pays 30 − (day − 1) days, then 30 days a month (no mission after)
    fm = first.month if first.year == 2026 else None
    if fm:
        row = r["mois"][fm - 1]
        if row["jours"] == 0:
            assert row["revenu_remplacement"] == pytest.approx((30 - (first.day - 1)) * are["allocation_journaliere"],
                                                               abs=0.005)
        for row in r["mois"][fm:]:
            if row["jours"] == 0 and "degressivite" not in row["drapeaux"]:
                assert row["revenu_remplacement"] == pytest.approx(30 * are["allocation_journaliere"], abs=0.005)


def test_the_are_is_the_chomage_calculator_for_that_contract():
    # CDD ended on 31 August 2026 after 8 months at the portage gross; the 24 months before were paid the same
    r = annee(statut="portage_cdd", tjm=600, jours=18, mois_mission=8, date="2026-06-01")
    brut = r["mois"][0]["salaire_brut"]
    ref = calculators.run("chomage", {"salaire_brut": brut, "mois_travailles": 24, "contrat": "portage_cdd",
                                      "mode_rupture": "fin_cdd", "fin_contrat": "2026-08-31", "age": 40})["result"]
    are = r["colonnes"][0]["are"]
    assert (are["allocation_journaliere"], are["date_premier_jour"]) == (ref["allocation_journaliere"],
                                                                        ref["date_premier_jour"])
    # September from the 8th: 23 days; October to December: 30 days
    assert [row["revenu_remplacement"] for row in r["mois"][8:]] == pytest.approx(
        [23 * ref["allocation_journaliere"]] + [30 * ref["allocation_journaliere"]] * 3, abs=0.005)


def test_a_mission_after_the_end_reduces_the_are_by_seventy_percent_of_its_gross():
    # CDD 8 months, then a 5-day mission in November: (30 × AJ − 0,7 × gross) ÷ AJ days, rounded down
    r = annee(statut="portage_cdd", tjm=600, jours=18, mois_mission=8, jours_11=5, date="2026-06-01")
    are = r["colonnes"][0]["are"]
    nov = r["mois"][10]
    aj = are["allocation_journaliere"]
    import math
    days = math.floor((30 * aj - 0.7 * nov["salaire_brut"]) / aj)
    assert nov["revenu_remplacement"] == pytest.approx(days * aj, abs=0.005)
