"""The JSON Schema of every calculator (``python -m calculators NAME --schema``)
says what the validator accepts, and every error names a field of the
calculator that gave it.

Checked with arbitrary JSON (Hypothesis) against a small checker of the
subset of JSON Schema 2020-12 the schemas use, written here from the
specification (type, enum, anyOf, minimum, maximum, pattern, maxLength,
format "date", and the date bounds formatMinimum / formatMaximum of
ajv-formats), independent of calculators/core/schema.py.

The two things JSON Schema cannot say are checked apart: a number written
as a string is accepted by its pattern and then bounded (the validator then
answers with a bound message, never another), and a text may not carry
control characters."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators
from calculators.core.schema import validate

NAMES = calculators.names()

# -- a checker of the subset of JSON Schema the schemas use -------------------------

_TYPES = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    # JSON Schema 2020-12: an integer is any number with a zero fractional part
    "integer": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer(),
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _json_equal(a, b) -> bool:
    """Equality of JSON values: true is not 1, 1 is 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if _TYPES["number"](a) and _TYPES["number"](b):
        return a == b
    return type(a) is type(b) and a == b


def conforms(schema: dict, v) -> bool:
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[t](v) for t in types):
            return False
    if "enum" in schema and not any(_json_equal(v, e) for e in schema["enum"]):
        return False
    if "anyOf" in schema and not any(conforms(s, v) for s in schema["anyOf"]):
        return False
    if _TYPES["number"](v):
        if "minimum" in schema and v < schema["minimum"]:
            return False
        if "maximum" in schema and v > schema["maximum"]:
            return False
    if isinstance(v, str):
        if "maxLength" in schema and len(v) > schema["maxLength"]:
            return False
        # ECMA-262 search semantics; the patterns are anchored with ^…$ and use no
        # construct where Python and ECMA differ (no \d, \s, \w), so fullmatch is exact
        if "pattern" in schema and re.fullmatch(schema["pattern"], v) is None:
            return False
        if schema.get("format") == "date":
            try:
                d = dt.date.fromisoformat(v)
            except ValueError:
                return False
            if len(v) != 10:
                return False
            if "formatMinimum" in schema and d < dt.date.fromisoformat(schema["formatMinimum"]):
                return False
            if "formatMaximum" in schema and d > dt.date.fromisoformat(schema["formatMaximum"]):
                return False
    return True


def conforms_object(schema: dict, raw) -> bool:
    if not isinstance(raw, dict):
        return False
    props = schema["properties"]
    if schema.get("additionalProperties") is False and any(k not in props for k in raw):
        return False
    return all(conforms(props[k], v) for k, v in raw.items())


def test_the_checker_itself():
    assert conforms({"type": "integer"}, 3.0) and not conforms({"type": "integer"}, True)
    assert not conforms({"enum": [1]}, True) and conforms({"enum": [1]}, 1.0)
    assert conforms({"anyOf": [{"type": "string", "pattern": "^a$"}, {"type": "null"}]}, None)
    assert not conforms({"type": "string", "pattern": "^a$"}, "a\n")
    assert not conforms({"type": "string", "format": "date"}, "2026-02-30")
    assert not conforms({"type": "string", "format": "date", "formatMaximum": "2026-12-31"}, "2027-01-01")


# -- values: arbitrary JSON, and strings close to what a field accepts -----------

_SPACES = st.sampled_from(["", " ", "\u00a0", "\u202f", "\t", "  ", "\u2009", "\n"])
_number_texts = st.builds(
    lambda a, sign, n, sep, dec, unit, b: f"{a}{sign}{n:,}".replace(",", sep) + dec + unit + b,
    _SPACES, st.sampled_from(["", "-", "+", "−"]), st.integers(0, 10**9),
    st.sampled_from(["", " ", "\u00a0", "\u202f", ".", ",", "_"]),
    st.sampled_from(["", ",5", ".25", ",", ".", ",005", "e3"]),
    st.sampled_from(["", "€", " €", "%", " %", "\u202f%", " €/mois", "€€"]), _SPACES)
_date_texts = st.builds(lambda y, m, d, tail: f"{y:04d}-{m:02d}-{d:02d}{tail}",
                        st.integers(2020, 2030), st.integers(0, 13), st.integers(0, 32),
                        st.sampled_from(["", " ", "T00:00", "Z"]))
_scalars = (st.none() | st.booleans() | st.integers(-10**12, 10**12)
            | st.floats(allow_nan=False) | st.text(max_size=12)  # NaN is not JSON
            | st.sampled_from(["oui", "non", "Oui", "on", "off", "true", "1", "0", "yes", "", " ", "cdi",
                               "bnc_ssi", "annee", "mois"]))
_json = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=5)


def _field_values(f):
    extra = []
    if f.kind in ("number", "integer"):
        extra = [_number_texts]
        if f.minimum is not None and f.maximum is not None:
            extra.append(st.floats(f.minimum - 10, f.maximum + 10))
    elif f.kind == "choice":
        extra = [st.sampled_from(f.choice_values()), st.sampled_from(f.choice_values()).map(lambda c: f" {c}")]
    elif f.kind == "date":
        extra = [_date_texts]
    elif f.kind == "text":
        extra = [st.text(max_size=90), st.text(st.characters(blacklist_categories=("C",)), max_size=90)]
    return st.one_of(_json, *extra)


FIELDS = [(name, f) for name in NAMES for f in calculators.get(name).FIELDS]


def _is_bound_message(msg: str) -> bool:
    return msg.startswith(("La valeur doit être au moins", "La valeur doit être au plus"))


@pytest.mark.parametrize("name,f", FIELDS, ids=[f"{n}.{f.name}" for n, f in FIELDS])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_schema_accepts_exactly_what_the_validator_accepts(name, f, data):
    schema = calculators.json_schema(name)["properties"][f.name]
    v = data.draw(_field_values(f))
    _values, errors = validate((f,), {f.name: v})
    accepted = f.name not in errors
    if accepted:
        assert conforms(schema, v), (v, schema)
        return
    if conforms(schema, v):
        # what JSON Schema cannot say: the bounds of a number written as a
        # string, and control characters in a text
        if f.kind in ("number", "integer") and isinstance(v, str):
            assert _is_bound_message(errors[f.name]), (v, errors)
        elif f.kind == "text":
            assert any(unicodedata.category(c).startswith("C") for c in v), (v, errors)
            assert errors[f.name] == "Ce texte contient des caractères non imprimables."
        else:
            pytest.fail(f"the schema accepts {v!r}, the validator says {errors[f.name]!r}")


@pytest.mark.parametrize("name,f", [(n, f) for n, f in FIELDS if f.kind in ("number", "integer")],
                         ids=[f"{n}.{f.name}" for n, f in FIELDS if f.kind in ("number", "integer")])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_number_in_the_pattern_is_read_as_it_says(name, f, data):
    pattern = calculators.json_schema(name)["properties"][f.name]["anyOf"][0]["pattern"]
    text = data.draw(st.from_regex(pattern, fullmatch=True).filter(lambda t: len(t) <= 40))
    values, errors = validate((f,), {f.name: text})
    # read independently: spaces out, decimal comma to point, « % » divides by 100
    plain = re.sub("[ \t\n\r\u00a0\u202f]", "", text)
    expected = float(plain.rstrip("€%").replace(",", ".")) / (100 if plain.endswith("%") else 1)
    if f.name in errors:
        assert _is_bound_message(errors[f.name])
    else:
        assert math.isclose(values[f.name], expected, rel_tol=1e-12, abs_tol=1e-15), (text, values[f.name])


# -- every error names a field of the calculator ------------------------------

@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_errors_name_only_fields_of_the_calculator(name, data):
    calc = calculators.get(name)
    own = {f.name for f in calc.FIELDS}
    keys = data.draw(st.lists(st.sampled_from(sorted(own)), unique=True, max_size=6))
    raw = {k: data.draw(_field_values(next(f for f in calc.FIELDS if f.name == k))) for k in keys}
    if data.draw(st.booleans()):
        raw["champ_inexistant"] = 1
    out = calculators.run(name, raw)
    assert set(out) <= {"ok", "result", "errors"}
    if not out["ok"]:
        assert out["errors"] and all(isinstance(m, str) and m for m in out["errors"].values())
        assert set(out["errors"]) <= own | {"_"} | set(raw), (raw, out["errors"])
        # the safety net of calculators.run (an error for another calculator's field
        # made general) is not what a calculator relies on: never used
        assert calculators.FOREIGN_MARK not in out["errors"].get("_", ""), (raw, out["errors"])
        assert conforms_object(calculators.json_schema(name), raw) or set(out["errors"]) & set(raw)


@pytest.mark.parametrize("raw,message", [
    # portage would need a gross beyond the salaried calculator's bound (1 000 000 €/mois)
    ({"statut": "portage", "objectif": 1_000_000}, "Objectif hors d'atteinte avec ces hypothèses : pour le "
     "simulateur de portage salarial, « Taux journalier moyen (TJM) facturé, hors taxes » : chiffre d’affaires "
     "trop élevé pour ce simulateur (*) : le salaire brut dépasserait la limite du calcul des cotisations "
     "salariales, au plus 1\u202f000\u202f000 €/mois."),
    # micro would need a turnover beyond its bound (10 000 000 €)
    ({"statut": "micro", "objectif": 1_000_000}, "Objectif hors d'atteinte avec ces hypothèses : pour le "
     "simulateur micro-entreprise, « Chiffre d'affaires (recettes encaissées, hors taxes) » : la valeur doit "
     "être au plus 10\u202f000\u202f000 €."),
])
def test_tjm_says_its_own_field_when_the_calculator_it_calls_refuses(raw, message):
    # before: {"salaire_brut": …} and {"chiffre_affaires": …}, fields the TJM form does not have
    # (* : the turnover the search reached, not a figure of the texts)
    out = calculators.run("tjm", raw)
    assert not out["ok"] and set(out["errors"]) == {"objectif"}
    assert re.fullmatch(re.escape(message).replace(r"\*", r"[\d\u202f,]+\u00a0€ dans le mois"), out["errors"]["objectif"])


def test_beyond_the_salaried_bound_portage_says_it_at_the_tjm():
    # portage at 100 000 €/jour × 17 jours: the salaried calculator refuses the gross
    # (at most 1 000 000 €/mois); before, a general error named « Salaire brut »
    out = calculators.run("portage", {"tjm": 100_000, "jours": 17})
    assert not out["ok"] and set(out["errors"]) == {"tjm"}
    message = out["errors"]["tjm"].replace("\u202f", " ").replace("\u00a0", " ")
    assert f"({100_000 * 17:,} € dans le mois)".replace(",", " ") in message
    assert message.endswith("au plus 1 000 000 €/mois.")


def test_an_error_for_a_field_of_another_calculator_becomes_a_general_error():
    # the safety net of calculators.run: an error keyed by a field the form lacks is
    # shown as a general error naming that field by its label, never beside a ghost field
    portage = calculators.get("portage")
    out = calculators._own_fields(portage, {"salaire_brut": "La valeur doit être au plus 10 €/mois."})
    assert out == {"_": calculators.FOREIGN_MARK + "Salaire brut » : La valeur doit être au plus 10 €/mois."}
