"""Congés payés in a portage CDI (convention collective IDCC 3219, art. 28.3, wording of
avenant n° 3 in force since 1 March 2021): the indemnity is the better of the tenth of
the gross of the reference period and the salary maintained; « Chaque jour de congé pris
[...] donne lieu au versement de cette indemnité ».  In a CDD it is paid at the end of the
contract.  Most firms pay the tenth every month in a CDI: the calculator models both
(``conges_payes``: ``mensualises`` by default, ``a_la_prise``).

The budget is the same either way: paid later, the tenth is funded by the month's budget
like the réserve, so the salaire de base and the employer cost do not change; the month's
pay and net do.
"""

from __future__ import annotations

import math

import pytest

import calculators

DATE = "2026-07-01"
EFFECTIF = next(f for f in calculators.get("portage").FIELDS if f.name == "effectif").default_value()


def c(x):
    return math.floor(abs(x) * 100 + 0.5 + 1e-9) / 100 * (1 if x >= 0 else -1)


def run(**raw):
    raw.setdefault("date", DATE)
    out = calculators.run("portage", raw)
    assert out["ok"], out
    return out["result"]


def salarie_net(brut, jours):
    return calculators.run("salarie", {"salaire_brut": brut, "effectif": EFFECTIF, "date": DATE,
                                       "temps_travail": "forfait_jours",
                                       "jours_forfait": min(218, jours * 12)})["result"]["net_avant_impot"]


def test_default_is_the_firms_practice():
    field = next(f for f in calculators.get("portage").FIELDS if f.name == "conges_payes")
    assert field.default_value() == "mensualises"
    assert dict(field.choices).keys() == {"mensualises", "a_la_prise"}


MISSIONS = [(600, 18), (300, 7), (1200, 20)]


@pytest.mark.parametrize("tjm,jours", MISSIONS)
def test_paid_as_leave_is_taken(tjm, jours):
    m = run(tjm=tjm, jours=jours)
    p = run(tjm=tjm, jours=jours, conges_payes="a_la_prise")
    base, iaa = p["salaire_base"], p["indemnite_apport_affaires"]
    # same budget, same salaire de base, same tenth acquired: (base + apport) × 10 %
    assert p["cout_employeur"] == m["cout_employeur"]
    assert base == m["salaire_base"] and p["reserve_financiere"] == m["reserve_financiere"]
    assert p["conges_payes"] == m["conges_payes"] == c((base + iaa) * 0.10)
    # monthly practice: the month's gross includes it
    assert m["salaire_brut"] == c(base + iaa + m["conges_payes"]) and m["conges_payes_differes"] == 0
    # the text: a month worked without leave pays base + apport; the tenth waits for the leave
    assert p["salaire_brut"] == c(base + iaa)
    assert p["conges_payes_differes"] == p["conges_payes"]
    assert p["net_avant_impot"] == salarie_net(p["salaire_brut"], jours)
    assert p["net_avant_impot"] < m["net_avant_impot"]
    # what it will be worth when paid: the net it adds to the month's pay
    assert p["conges_payes_nets_differes"] == pytest.approx(
        salarie_net(p["remuneration_brute"], jours) - p["net_avant_impot"], abs=0.01)
    # the floors compare the same rémunération brute (the minimum includes the congés payés)
    assert p["remuneration_brute"] == m["remuneration_brute"]
    assert p["manque_minimum_conventionnel"] == m["manque_minimum_conventionnel"]
    # where each euro goes still adds up to the turnover
    assert c(sum(x["montant"] for x in p["repartition"])) == p["chiffre_affaires"]
    assert abs(p["taux_restitution"] - m["taux_restitution"]) < 0.0005


@pytest.mark.parametrize("mode", ["mensualises", "a_la_prise"])
def test_the_result_says_what_the_text_requires_and_what_changes(mode):
    r = run(tjm=600, jours=18, conges_payes=mode)
    [msg] = [a["message"] for a in r["alertes"] if "congé pris" in a["message"]]
    assert "art. 28.3" in msg and "1er mars 2021" in msg
    # month worked without leave, under both ways, and a month of leave
    fr = lambda x: f"{x:,.2f}".replace(",", "\u202f").replace(".", ",")  # noqa: E731
    assert fr(r["remuneration_brute"]) + "\u00a0€ brut" in msg
    assert fr(c(r["remuneration_brute"] - r["conges_payes"])) + "\u00a0€ brut" in msg
    # 2.5 jours ouvrables acquired per month of work (art. 28.1): the tenth / 2.5 per day
    assert fr(c(r["conges_payes"] / 2.5)) + "\u00a0€ brut par jour ouvrable" in msg
    assert "un mois de congés" in msg


def test_cdd_is_unaffected():
    m = run(tjm=450, jours=15, contrat="cdd")
    p = run(tjm=450, jours=15, contrat="cdd", conges_payes="a_la_prise")
    for key in ("salaire_brut", "net_avant_impot", "reserve_financiere", "cout_employeur", "conges_payes"):
        assert p[key] == m[key]
    assert p["conges_payes_differes"] == 0
    # and the result says the choice concerns a CDI
    assert any("concerne le CDI" in a["message"] for a in p["alertes"])
    assert not any("concerne le CDI" in a["message"] for a in m["alertes"])
