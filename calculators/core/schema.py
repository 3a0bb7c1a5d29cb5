"""Input schema of a calculator: one description drives the form, the
validation, the URL state and the documentation.

Validation accepts what a JSON object, an HTML form or a URL can carry,
and nothing else (the JSON Schema of ``to_json_schema`` says the same):
numbers as numbers or as strings written the French way (« 1 234,50 »,
« 3 500,50 € », « 7,5 », « 7.5 », « 12 % » for a rate: 0.12; see
``number_pattern``), booleans as true/false, 1/0, "oui"/"non", "true"/"false",
"1"/"0", "on"/"off" (a checked box), choices by their code, dates as
AAAA-MM-JJ, short texts (kind "text", e.g. the name of an offer) as strings;
null or a blank string is the field's default.  Every error is a short French sentence keyed by the field name;
an error that concerns no single field is keyed ``"_"``.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
import unicodedata
from dataclasses import dataclass, replace
from dataclasses import field as _field

from .format import nombre

KINDS = ("number", "integer", "boolean", "choice", "date", "text")

# kind "text": a short label on one line; ``maximum`` is its length in characters
TEXT_MAX_LENGTH = 80


class InputError(Exception):
    """An input the calculator cannot honour; ``errors`` maps field -> French message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(errors)
        self.errors = dict(errors)


@dataclass(frozen=True)
class Field:
    """One input of a calculator.

    ``kind``: number, integer, boolean, choice, date or text.  A text is a
    short label on one line (a name the visitor types, shown back as text,
    never as HTML): white space is collapsed, control characters refused, and
    ``maximum`` is its length in characters (``TEXT_MAX_LENGTH`` if unset).
    ``default``: a value, ``None`` (optional, no value) or a callable
    returning the value (evaluated at validation time, e.g. today's date).
    ``choices``: for kind "choice", ``((value, French label), ...)``.
    ``advanced``: shown in a disclosure, below the essential inputs.
    ``group``: a short French heading that groups fields in the form.
    ``output``: the field is also a result (the form may make it editable to
    invert the calculation).
    """

    name: str
    label: str
    kind: str
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    default: object = None
    help: str = ""
    reference: str = ""
    choices: tuple = ()
    advanced: bool = False
    group: str = ""
    output: bool = False
    extra: dict = _field(default_factory=dict)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r} for field {self.name!r}")
        if self.kind == "text" and self.maximum is not None and (self.maximum < 1 or self.maximum != int(self.maximum)):
            raise ValueError(f"text field {self.name!r} needs a whole maximum length")
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"choice field {self.name!r} has no choices")

    def default_value(self):
        return self.default() if callable(self.default) else self.default

    def choice_values(self) -> list:
        return [value for value, _label in self.choices]


def _bound(f: Field, x: float) -> str:
    """A bound with its unit; a rate (unit "taux", a fraction) as a percentage."""
    if f.unit == "taux":
        return f"{nombre(round(x * 100, 9))}\u00a0%"
    return nombre(x) + (f" {f.unit}" if f.unit else "")


# -- what a value may look like -------------------------------------------------
#
# One description, used twice: by the validator below and by the JSON Schema
# (``to_json_schema``), so that the schema says exactly what is accepted.

# Spaces a visitor, a form or a URL may leave around a value (the French
# narrow and ordinary no-break spaces included).  A value made of these only
# is blank: the field's default.
_WS = "[ \\t\\n\\r\\u00a0\\u202f]"
BLANK_PATTERN = f"^{_WS}*$"
# Between groups of three digits: « 3 500 », « 1 234 567,5 ».
_GROUP = "[ \\u00a0\\u202f]"
_DIGITS = f"(?:[0-9]{{1,3}}(?:{_GROUP}[0-9]{{3}})+|[0-9]+)"
NUMBER_MAX_LENGTH = 40  # characters of a number written as a string

# Booleans: JSON true/false, 0/1, and the words a form or a URL carries.
BOOLEAN_TRUE = ("true", "oui", "1", "on")
BOOLEAN_FALSE = ("false", "non", "0", "off")

# A date: AAAA-MM-JJ, as an HTML date field and a URL write it.
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _suffix(f: Field) -> str:
    """The unit a number may be followed by: « € » for an amount, « % » for a rate."""
    if f.unit == "taux":
        return "%"
    if f.unit.startswith("€"):
        return "€"
    return ""


def number_pattern(f: Field) -> str:
    """The regular expression (ECMA-262 and Python alike) of a number written as
    a string for field ``f``: « 3 500 », « 3 500,50 € », « 7,5 », « 7.5 »,
    « 12 % » (a rate followed by % is a percentage: 0.12).  A sign only where
    the field admits negative values; decimals only for kind "number"."""
    sign = "-?" if f.minimum is None or f.minimum < 0 else ""
    decimals = "(?:[.,][0-9]+)?" if f.kind == "number" else ""
    sfx = _suffix(f)
    unit = f"(?:{_WS}*{sfx})?" if sfx else ""
    return f"^{_WS}*{sign}{_DIGITS}{decimals}{unit}{_WS}*$"


_PATTERNS: dict = {}


def _matches(pattern: str, text: str) -> bool:
    rx = _PATTERNS.get(pattern)
    if rx is None:
        rx = _PATTERNS[pattern] = re.compile(pattern)
    return rx.fullmatch(text) is not None


def parse_number(f: Field, raw):
    """The one reader of numbers: a finite float from a JSON number or from a
    string as :func:`number_pattern` describes it, else None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        x = float(raw)
        return x if math.isfinite(x) else None
    if not isinstance(raw, str) or len(raw) > NUMBER_MAX_LENGTH or not _matches(number_pattern(f), raw):
        return None
    text = re.sub(_WS, "", raw)
    percent = text.endswith("%")
    text = text.rstrip("€%").replace(",", ".")
    # a percentage moves the decimal point: « 7,5 % » is exactly 0.075
    return float(text + "e-2") if percent else float(text)


def _choice_list(f: Field) -> str:
    return ", ".join(f"{v} ({label})" for v, label in f.choices)


def _shown(raw) -> str:
    """A value the visitor gave, quoted back in a message (shortened)."""
    text = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def _looks_decimal(f: Field, raw) -> bool:
    """A decimal number typed in a whole-number field (« 2,5 » jours): say so."""
    return isinstance(raw, str) and parse_number(replace(f, kind="number"), raw) is not None


def _convert(f: Field, raw):
    """(value, error) for one field's raw input."""
    if f.kind in ("number", "integer"):
        x = parse_number(f, raw)
        if x is None and f.minimum is not None and f.minimum >= 0 \
                and parse_number(replace(f, minimum=None), raw) is not None:
            # « -5 » (and « -0 »): a sign where the field takes none
            return None, f"La valeur doit être au moins {_bound(f, f.minimum)}."
        if x is None:
            decimal = f.kind == "integer" and _looks_decimal(f, raw)
            return None, "Saisissez un nombre entier." if decimal else "Saisissez un nombre."
        if f.kind == "integer":
            if not x.is_integer():
                return None, "Saisissez un nombre entier."
            x = int(x)
        if f.minimum is not None and x < f.minimum:
            return None, f"La valeur doit être au moins {_bound(f, f.minimum)}."
        if f.maximum is not None and x > f.maximum:
            return None, f"La valeur doit être au plus {_bound(f, f.maximum)}."
        return x, None
    if f.kind == "boolean":
        if isinstance(raw, bool):
            return raw, None
        if isinstance(raw, (int, float)) and raw in (0, 1):
            return bool(raw), None
        if isinstance(raw, str) and raw in BOOLEAN_TRUE + BOOLEAN_FALSE:
            return raw in BOOLEAN_TRUE, None
        return None, "Répondez par oui ou par non."
    if f.kind == "choice":
        if isinstance(raw, str) and raw in f.choice_values():
            return raw, None
        return None, f"Valeur inconnue : « {_shown(raw)} ». Choisissez {_choice_list(f)}."
    if f.kind == "date":
        if isinstance(raw, str) and _matches(DATE_PATTERN, raw):
            try:
                d = _dt.date.fromisoformat(raw)
            except ValueError:
                d = None
            if d is not None:
                lo, hi = f.minimum, f.maximum
                if lo is not None and d < lo:
                    return None, f"Les règles ne sont connues qu'à partir du {lo.strftime('%d/%m/%Y')}."
                if hi is not None and d > hi:
                    return None, f"Les règles ne sont connues que jusqu'au {hi.strftime('%d/%m/%Y')}."
                return d, None
        return None, "Saisissez une date au format AAAA-MM-JJ."
    if f.kind == "text":
        if not isinstance(raw, str):
            return None, "Saisissez un texte."
        longest = text_max_length(f)
        if len(raw) > longest:
            return None, f"Le texte doit tenir en {longest} caractères au plus."
        text = " ".join(raw.split())
        if any(unicodedata.category(ch).startswith("C") for ch in text):
            return None, "Ce texte contient des caractères non imprimables."
        return text, None
    raise AssertionError(f.kind)  # pragma: no cover - guarded by Field


def text_max_length(f: Field) -> int:
    """Length limit of a text field, in characters."""
    return int(f.maximum) if f.maximum is not None else TEXT_MAX_LENGTH


def _is_blank(raw) -> bool:
    return raw is None or (isinstance(raw, str) and _matches(BLANK_PATTERN, raw))


def valeurs(fields, inputs: dict, check=None) -> dict:
    """Validated values of raw ``inputs`` (already validated values accepted: a
    ``datetime.date`` for ``date``), defaults filled in; then ``check`` (cross-field
    errors) if given.  Raises :class:`InputError`."""
    raw = dict(inputs)
    if isinstance(raw.get("date"), _dt.date):
        raw["date"] = raw["date"].isoformat()
    vals, errors = validate(fields, raw)
    if not errors and check is not None:
        errors = check(vals)
    if errors:
        raise InputError(errors)
    return vals


def validate(fields, raw) -> tuple[dict, dict]:
    """(values, errors): values for every field (defaults filled in), or errors.

    A blank input takes the field's default; a field without default stays
    ``None`` (the calculator's ``check`` decides whether that is allowed).
    Unknown keys are errors: a typo must not be silently ignored.
    """
    if not isinstance(raw, dict):
        return {}, {"_": "Les données doivent être un objet JSON (clé : valeur)."}
    by_name = {f.name: f for f in fields}
    values: dict = {}
    errors: dict = {}
    for key in raw:
        if key not in by_name:
            errors[str(key)] = f"Champ inconnu : « {key} »."
    for f in fields:
        r = raw.get(f.name)
        if _is_blank(r):
            values[f.name] = f.default_value()
            continue
        v, err = _convert(f, r)
        if err:
            errors[f.name] = err
        else:
            values[f.name] = v
    return values, errors


def _kind_schema(f: Field) -> dict:
    """What a non-blank value of ``f`` may be, as JSON Schema keywords."""
    if f.kind in ("number", "integer"):
        p: dict = {"type": [f.kind, "string"]}
        if f.minimum is not None:
            p["minimum"] = f.minimum
        if f.maximum is not None:
            p["maximum"] = f.maximum
        # a string is read as a number written the French way; the bounds
        # above apply to it once read (JSON Schema cannot say so)
        p["pattern"] = number_pattern(f)
        p["maxLength"] = NUMBER_MAX_LENGTH
        return p
    if f.kind == "boolean":
        return {"enum": [True, False, 1, 0, *BOOLEAN_TRUE, *BOOLEAN_FALSE]}
    if f.kind == "choice":
        return {"enum": f.choice_values()}
    if f.kind == "date":
        p = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        # bounds of a date (keywords of ajv-formats; an annotation elsewhere)
        if f.minimum is not None:
            p["formatMinimum"] = f.minimum.isoformat()
        if f.maximum is not None:
            p["formatMaximum"] = f.maximum.isoformat()
        return p
    if f.kind == "text":
        return {"type": "string", "maxLength": text_max_length(f)}
    raise AssertionError(f.kind)  # pragma: no cover - guarded by Field


# null, or a string of spaces only: the field's default
BLANK_SCHEMA = {"type": ["null", "string"], "pattern": BLANK_PATTERN}


def to_json_schema(fields, title: str = "", description: str = "") -> dict:
    """The inputs as a JSON Schema (draft 2020-12) object.

    Each property accepts exactly what :func:`validate` reads for that field:
    its kind's values (numbers also as strings written the French way,
    booleans also as the words of a form or a URL), or null / a blank string
    for the default.  Two limits of JSON Schema, said in each property: the
    bounds of a number written as a string, and of a date, are checked once
    read; a text may not contain control characters."""
    props = {}
    for f in fields:
        p: dict = {"title": f.label}
        if f.help:
            p["description"] = f.help
        p["anyOf"] = [_kind_schema(f), BLANK_SCHEMA]
        if f.kind == "choice":
            p["x-labels"] = {str(v): label for v, label in f.choices}
        d = f.default_value()
        if d is not None:
            p["default"] = d.isoformat() if isinstance(d, _dt.date) else d
        if f.unit:
            p["x-unit"] = f.unit
        if f.unit == "taux":
            # the forms show a percentage; JSON carries the fraction
            p["description"] = (p.get("description", "") + " Taux en fraction : 0.08 pour 8 % ; "
                                "une chaîne suivie de « % » est un pourcentage (« 8 % »).").strip()
        if f.reference:
            p["x-reference"] = f.reference
        if f.advanced:
            p["x-advanced"] = True
        if f.output:
            p["x-output"] = True
        props[f.name] = p
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": description,
        "type": "object",
        "properties": props,
        "additionalProperties": False,
    }


def champ_de(fields, name: str, **over) -> Field:
    """The field ``name`` of another calculator's FIELDS, the same but for ``over``."""
    f = next(f for f in fields if f.name == name)
    return Field(**{**{k: getattr(f, k) for k in f.__dataclass_fields__}, **over})
