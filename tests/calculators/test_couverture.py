"""The days whose rules the guide holds (calculators/data/couverture.toml,
calculators/core/dates.py), and what a result says once today is past them.

When an editor adds a year (GUIDE-EDITEUR.md, « Ajouter une année de règles »)
and moves ``regles_jusqu_au``, the first tests here name each parameter that
has no value for the new year."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import calculators
from calculators import render
from calculators.core import dates, parametres

D = dt.date
ROOT = Path(__file__).resolve().parent.parent.parent
COVER = parametres.couverture()
ALL = parametres.load_all()


# -- the declaration, against the parameter files ------------------------------

def test_the_coverage_is_declared_once_and_drives_the_date_field():
    assert (dates.FIRST_DAY, dates.LAST_DAY) == (COVER["depuis"], COVER["jusqu_au"])
    for name in calculators.names():
        calc = calculators.get(name)
        quand = getattr(calc, "DATE_FIELD", "date")
        field = next(f for f in calc.FIELDS if f.name == quand)
        # a calculator may start later than the coverage (chomage: the 2024 convention applies to
        # contracts ending from 1 April 2025), never earlier, and always ends with it
        assert field.minimum >= dates.FIRST_DAY and field.maximum == dates.LAST_DAY, name
        date_schema = calculators.json_schema(name)["properties"][quand]["anyOf"][0]
        assert date_schema["formatMaximum"] == dates.LAST_DAY.isoformat(), name


def _missing_yearly_values(last_day: dt.date) -> list[str]:
    """« name: year » for each yearly parameter without a value dated 1 January
    of a year from the first covered one to ``last_day``'s."""
    out = []
    for name in COVER["annuels"]:
        days = {v.depuis for v in ALL[name].valeurs}
        out += [f"{name} : {y}" for y in range(COVER["depuis"].year, last_day.year + 1) if D(y, 1, 1) not in days]
    return out


def test_every_yearly_parameter_has_its_value_for_each_covered_year():
    assert set(COVER["annuels"]) <= set(ALL), set(COVER["annuels"]) - set(ALL)
    assert _missing_yearly_values(COVER["jusqu_au"]) == []


def test_a_year_added_without_its_values_is_named():
    # what an editor sees after moving regles_jusqu_au a year on without adding values
    nxt = D(COVER["jusqu_au"].year + 1, 12, 31)
    assert _missing_yearly_values(nxt) == [f"{n} : {nxt.year}" for n in COVER["annuels"]]


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_parameter_has_a_value_on_the_last_covered_day(name):
    p = ALL[name]
    assert p.entry(COVER["jusqu_au"]), name
    # a value announced after the coverage would be used by nobody: the coverage moves first
    assert all(v.depuis <= COVER["jusqu_au"] for v in p.valeurs), (name, [v.depuis for v in p.valeurs])


# -- today, the default date, and what a result says ---------------------------

def test_today_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv(dates.ENV_TODAY, "2027-01-15")
    assert dates.today() == D(2027, 1, 15)
    monkeypatch.setenv(dates.ENV_TODAY, "15/01/2027")
    with pytest.raises(ValueError, match="CADRE_LIBRE_AUJOURDHUI"):
        dates.today()
    monkeypatch.delenv(dates.ENV_TODAY)
    assert dates.today() == dt.date.today()


@pytest.mark.parametrize("today,default", [
    (COVER["depuis"] - dt.timedelta(days=1), COVER["depuis"]),
    (COVER["jusqu_au"], COVER["jusqu_au"]),
    (COVER["jusqu_au"] + dt.timedelta(days=15), COVER["jusqu_au"]),  # the last covered day, with the warning
])
def test_the_default_date_stays_within_the_covered_days(monkeypatch, today, default):
    monkeypatch.setenv(dates.ENV_TODAY, today.isoformat())
    assert dates.default_date() == default


def _in_2027(monkeypatch):
    monkeypatch.setenv(dates.ENV_TODAY, "2027-01-15")


def test_within_the_covered_days_nothing_is_said(monkeypatch):
    monkeypatch.setenv(dates.ENV_TODAY, "2026-07-01")
    r = calculators.run("salarie", {"salaire_brut": 4000})["result"]
    assert r["date"] == "2026-07-01"
    assert r["regles"] == {"annee": 2026, "jusqu_au": "2026-12-31", "a_jour": True}
    assert "calc-regles-manquantes" not in render.render_result("salarie", r)


MESSAGE = ("Les règles de 2027 ne sont pas encore dans le guide\u202f: ce résultat applique celles de 2026, "
           "en vigueur à la date de la simulation.")


@pytest.mark.parametrize("name", calculators.names())
def test_with_the_clock_in_2027_every_result_says_which_rules_it_applies(monkeypatch, name):
    _in_2027(monkeypatch)
    presets = {"salarie": {"salaire_brut": 4000}, "sasu": {"cout_total": 60000}, "eurl": {"cout_total": 60000},
               "comparateur_offres": {"offre_1_frais_gestion": 0.08, "offre_2_frais_gestion": 0.05}}.get(name, {})
    out = calculators.run(name, presets)
    assert out["ok"], out
    r = out["result"]
    assert r["regles"] == {"annee": 2026, "jusqu_au": "2026-12-31", "a_jour": False, "manquantes": "de 2027",
                           "message": MESSAGE}
    html = render.render_result(name, r)
    # at the top of the result: after the date of the rules, before the key figures
    warning = html.index('class="calc-regles-manquantes')
    assert html.index('class="calc-date"') < warning
    for later in ('class="calc-chiffres"', "<table", "<figure"):
        assert later not in html or warning < html.index(later), later
    assert render._h(MESSAGE) in html


def test_with_the_clock_in_2027_the_default_is_the_last_covered_day_and_2027_is_refused(monkeypatch):
    _in_2027(monkeypatch)
    r = calculators.run("salarie", {"salaire_brut": 4000})["result"]
    assert r["date"] == "2026-12-31"
    # the rules of 31 December 2026: the PMSS of 2026 (4 005 €), as the sources list says
    pmss = next(s for s in r["sources"] if s["parametre"] == "securite_sociale.plafond_mensuel")
    assert (pmss["valeur"], pmss["depuis"]) == (4005, "2026-01-01")
    assert calculators.run("salarie", {"salaire_brut": 4000, "date": "2027-01-15"}) == {
        "ok": False, "errors": {"date": "Les règles ne sont connues que jusqu'au 31/12/2026."}}
    # a date the visitor chose within the covered days: computed for it, the warning still given
    r = calculators.run("salarie", {"salaire_brut": 4000, "date": "2026-03-01"})["result"]
    assert r["date"] == "2026-03-01" and r["regles"]["message"] == MESSAGE


def test_a_real_clock_in_2027_without_the_variable(monkeypatch):
    # the system clock, not the variable: the same answer (faketime is not installed here)
    monkeypatch.delenv(dates.ENV_TODAY, raising=False)
    monkeypatch.setattr(dates, "_system_today", lambda: D(2027, 1, 15))
    r = calculators.run("micro", {"chiffre_affaires": 60000})["result"]
    assert r["date"] == "2026-12-31" and r["regles"]["manquantes"] == "de 2027"


def test_the_command_line_with_the_clock_in_2027():
    env = {**os.environ, dates.ENV_TODAY: "2027-01-15", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "calculators", "salarie"], input=b'{"salaire_brut": 4000}',
                          capture_output=True, cwd=ROOT, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    r = json.loads(proc.stdout)["result"]
    assert r["date"] == "2026-12-31" and r["regles"]["message"] == MESSAGE
    schema = subprocess.run([sys.executable, "-m", "calculators", "salarie", "--schema"], capture_output=True,
                            cwd=ROOT, env=env, timeout=60)
    assert json.loads(schema.stdout)["properties"]["date"]["default"] == "2026-12-31"
