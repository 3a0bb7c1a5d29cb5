"""Validation of inputs (calculators/core/schema.py): what a JSON object, a
form or a URL can carry becomes typed values, or short French errors keyed by
field.  Tested on a small schema of our own, independent of any calculator."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators.core.schema import Field, InputError, to_json_schema, validate

FIELDS = (
    Field("montant", "Montant", "number", unit="€/mois", minimum=0, maximum=10_000),
    Field("jours", "Jours", "integer", minimum=1, maximum=31, default=18),
    Field("cadre", "Cadre", "boolean", default=True),
    Field("contrat", "Contrat", "choice", choices=(("cdi", "CDI"), ("cdd", "CDD")), default="cdi"),
    Field("date", "Date", "date", minimum=dt.date(2025, 1, 1), maximum=dt.date(2026, 12, 31),
          default=lambda: dt.date(2026, 7, 1)),
)


@pytest.mark.parametrize("raw,value", [
    (4000, 4000.0), (4000.5, 4000.5), ("4000", 4000.0), ("4 000,50", 4000.5), ("4\u202f000,50 €", 4000.5),
    ("4000.25", 4000.25), (0, 0.0),
])
def test_numbers_written_the_french_way(raw, value):
    values, errors = validate(FIELDS, {"montant": raw})
    assert errors == {}
    assert values["montant"] == value


@pytest.mark.parametrize("raw,message", [
    ("abc", "Saisissez un nombre."),
    (True, "Saisissez un nombre."),
    ([1], "Saisissez un nombre."),
    (float("nan"), "Saisissez un nombre."),
    ("1e400", "Saisissez un nombre."),
    (-1, "La valeur doit être au moins 0 €/mois."),
    (10_000.01, "La valeur doit être au plus 10\u202f000 €/mois."),
])
def test_bad_numbers_get_a_french_message(raw, message):
    _values, errors = validate(FIELDS, {"montant": raw})
    assert errors == {"montant": message}


def test_integers():
    assert validate(FIELDS, {"jours": "20"})[0]["jours"] == 20
    assert validate(FIELDS, {"jours": 20.5})[1] == {"jours": "Saisissez un nombre entier."}
    assert validate(FIELDS, {"jours": 0})[1] == {"jours": "La valeur doit être au moins 1."}


@pytest.mark.parametrize("raw,value", [
    (True, True), (False, False), ("oui", True), ("non", False), ("on", True), ("1", True), ("0", False),
    (1, True), (0, False), ("", True),  # blank: the default
])
def test_booleans(raw, value):
    values, errors = validate(FIELDS, {"cadre": raw})
    assert errors == {} and values["cadre"] is value


def test_boolean_error():
    assert validate(FIELDS, {"cadre": "peut-être"})[1] == {"cadre": "Répondez par oui ou par non."}


def test_choices():
    assert validate(FIELDS, {"contrat": "cdd"})[0]["contrat"] == "cdd"
    assert validate(FIELDS, {"contrat": "interim"})[1] == {"contrat": "Choisissez parmi : « CDI », « CDD »."}


def test_dates():
    assert validate(FIELDS, {"date": "2026-03-01"})[0]["date"] == dt.date(2026, 3, 1)
    assert validate(FIELDS, {})[0]["date"] == dt.date(2026, 7, 1)  # callable default
    assert validate(FIELDS, {"date": "2024-12-31"})[1] == {"date": "Les règles ne sont connues qu'à partir du 01/01/2025."}
    assert validate(FIELDS, {"date": "2027-01-01"})[1] == {"date": "Les règles ne sont connues que jusqu'au 31/12/2026."}
    assert validate(FIELDS, {"date": "1er juillet"})[1] == {"date": "Saisissez une date au format AAAA-MM-JJ."}


def test_defaults_and_blanks():
    values, errors = validate(FIELDS, {"montant": "", "jours": None})
    assert errors == {}
    assert values == {"montant": None, "jours": 18, "cadre": True, "contrat": "cdi", "date": dt.date(2026, 7, 1)}


def test_unknown_fields_and_non_objects():
    assert validate(FIELDS, {"montnat": 3})[1] == {"montnat": "Champ inconnu : « montnat »."}
    assert validate(FIELDS, [1, 2])[1] == {"_": "Les données doivent être un objet JSON (clé : valeur)."}
    # several errors at once, one per field
    assert set(validate(FIELDS, {"montant": -1, "jours": "x", "zzz": 1})[1]) == {"montant", "jours", "zzz"}


def test_field_definition_errors():
    with pytest.raises(ValueError):
        Field("x", "X", "texte")
    with pytest.raises(ValueError):
        Field("x", "X", "choice")


def test_input_error_carries_the_messages():
    err = InputError({"montant": "Trop élevé."})
    assert err.errors == {"montant": "Trop élevé."}


def test_json_schema():
    s = to_json_schema(FIELDS, title="Essai", description="Un essai.")
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert s["type"] == "object" and s["additionalProperties"] is False
    p = s["properties"]
    assert p["montant"] == {"title": "Montant", "type": "number", "minimum": 0, "maximum": 10_000, "x-unit": "€/mois"}
    assert p["jours"]["type"] == "integer" and p["jours"]["default"] == 18
    assert p["cadre"] == {"title": "Cadre", "type": "boolean", "default": True}
    assert p["contrat"]["enum"] == ["cdi", "cdd"] and p["contrat"]["x-labels"] == {"cdi": "CDI", "cdd": "CDD"}
    assert p["date"] == {"title": "Date", "type": "string", "format": "date", "default": "2026-07-01"}
