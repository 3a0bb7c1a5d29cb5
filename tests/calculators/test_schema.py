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
    ("4\u00a0000,50\u00a0€", 4000.5), ("4000.25", 4000.25), ("4 000.25", 4000.25), (" 7,5 ", 7.5), ("7.5", 7.5),
    ("3 500", 3500.0), ("3500€", 3500.0), (0, 0.0),
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
    ("1e3", "Saisissez un nombre."),  # a string is a number as a French reader writes it
    ("1_000", "Saisissez un nombre."),
    ("35 00", "Saisissez un nombre."),  # groups of three digits only
    ("3,500.5", "Saisissez un nombre."),
    ("7,5 %", "Saisissez un nombre."),  # « % » only after a rate
    ("inf", "Saisissez un nombre."),
    ("1" * 41, "Saisissez un nombre."),
    ("-1", "La valeur doit être au moins 0 €/mois."),
    (-1, "La valeur doit être au moins 0 €/mois."),
    (10_000.01, "La valeur doit être au plus 10\u202f000 €/mois."),
])
def test_bad_numbers_get_a_french_message(raw, message):
    _values, errors = validate(FIELDS, {"montant": raw})
    assert errors == {"montant": message}


RATE = Field("taux", "Taux", "number", unit="taux", minimum=0, maximum=1)


@pytest.mark.parametrize("raw,value", [
    (0.075, 0.075), ("0,075", 0.075), ("7,5 %", 0.075), ("7,5%", 0.075), ("12\u202f%", 0.12), ("100 %", 1.0),
])
def test_rates_are_fractions_or_percentages_followed_by_the_sign(raw, value):
    assert validate((RATE,), {"taux": raw}) == ({"taux": value}, {})


def test_a_rate_written_without_the_sign_is_a_fraction():
    assert validate((RATE,), {"taux": "7,5"})[1] == {"taux": "La valeur doit être au plus 100\u00a0%."}
    assert validate((RATE,), {"taux": "7,5 €"})[1] == {"taux": "Saisissez un nombre."}


def test_integers():
    assert validate(FIELDS, {"jours": "20"})[0]["jours"] == 20
    assert validate(FIELDS, {"jours": 20.0})[0]["jours"] == 20
    assert validate(FIELDS, {"jours": "2,5"})[1] == {"jours": "Saisissez un nombre entier."}
    assert validate(FIELDS, {"jours": "20,0"})[1] == {"jours": "Saisissez un nombre entier."}
    assert validate(FIELDS, {"jours": 20.5})[1] == {"jours": "Saisissez un nombre entier."}
    assert validate(FIELDS, {"jours": 0})[1] == {"jours": "La valeur doit être au moins 1."}


@pytest.mark.parametrize("raw,value", [
    (True, True), (False, False), ("oui", True), ("non", False), ("on", True), ("off", False), ("1", True),
    ("0", False), ("true", True), ("false", False), (1, True), (0, False), (1.0, True),
    ("", True), (" ", True), (None, True),  # blank: the default
])
def test_booleans(raw, value):
    values, errors = validate(FIELDS, {"cadre": raw})
    assert errors == {} and values["cadre"] is value


@pytest.mark.parametrize("raw", ["peut-être", "Oui", " oui", "yes", "vrai", 2, [True]])
def test_boolean_error(raw):
    assert validate(FIELDS, {"cadre": raw})[1] == {"cadre": "Répondez par oui ou par non."}


def test_choices():
    assert validate(FIELDS, {"contrat": "cdd"})[0]["contrat"] == "cdd"
    message = "Valeur inconnue : « {} ». Choisissez cdi (CDI), cdd (CDD)."
    assert validate(FIELDS, {"contrat": "interim"})[1] == {"contrat": message.format("interim")}
    assert validate(FIELDS, {"contrat": "CDI"})[1] == {"contrat": message.format("CDI")}  # the code, as listed
    assert validate(FIELDS, {"contrat": " cdd"})[1] == {"contrat": message.format(" cdd")}
    assert validate(FIELDS, {"contrat": 3})[1] == {"contrat": message.format("3")}


def test_dates():
    assert validate(FIELDS, {"date": "2026-03-01"})[0]["date"] == dt.date(2026, 3, 1)
    assert validate(FIELDS, {})[0]["date"] == dt.date(2026, 7, 1)  # callable default
    assert validate(FIELDS, {"date": "2024-12-31"})[1] == {"date": "Les règles ne sont connues qu'à partir du 01/01/2025."}
    assert validate(FIELDS, {"date": "2027-01-01"})[1] == {"date": "Les règles ne sont connues que jusqu'au 31/12/2026."}
    for raw in ("1er juillet", "20260301", "2026-03-01T10:00", "2026-03-01 ", "2026-02-30", "2026-W10-1"):
        assert validate(FIELDS, {"date": raw})[1] == {"date": "Saisissez une date au format AAAA-MM-JJ."}, raw


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
    blank = {"type": ["null", "string"], "pattern": "^[ \\t\\n\\r\\u00a0\\u202f]*$"}
    assert p["montant"]["title"] == "Montant" and p["montant"]["x-unit"] == "€/mois"
    number, default = p["montant"]["anyOf"]
    assert default == blank
    assert {k: number[k] for k in ("type", "minimum", "maximum", "maxLength")} == {
        "type": ["number", "string"], "minimum": 0, "maximum": 10_000, "maxLength": 40}
    assert p["jours"]["anyOf"][0]["type"] == ["integer", "string"] and p["jours"]["default"] == 18
    assert p["cadre"]["anyOf"][0] == {"enum": [True, False, 1, 0, "true", "oui", "1", "on", "false", "non", "0", "off"]}
    assert p["cadre"]["default"] is True
    assert p["contrat"]["anyOf"][0] == {"enum": ["cdi", "cdd"]} and p["contrat"]["x-labels"] == {"cdi": "CDI", "cdd": "CDD"}
    assert p["date"]["anyOf"][0] == {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                                     "formatMinimum": "2025-01-01", "formatMaximum": "2026-12-31"}
    assert p["date"]["default"] == "2026-07-01"
