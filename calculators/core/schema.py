"""Input schema of a calculator: one description drives the form, the
validation, the URL state and the documentation.

Validation accepts what a JSON object, an HTML form or a URL can carry:
numbers as numbers or as strings written the French way ("1 234,50"),
booleans as true/false, "oui"/"non", "1"/"0", "on" (a checked box), dates as
ISO strings, short texts (kind "text", e.g. the name of an offer) as
strings.  Every error is a short French sentence keyed by the field name;
an error that concerns no single field is keyed ``"_"``.
"""

from __future__ import annotations

import datetime as _dt
import math
import unicodedata
from dataclasses import dataclass, field as _field

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


_TRUE = {"true", "oui", "1", "on", "yes", "vrai"}
_FALSE = {"false", "non", "0", "off", "no", "faux", ""}


def _fmt(x: float) -> str:
    """A bound as a French reader writes it: 1 234,5."""
    if float(x).is_integer():
        s = f"{int(x):,}".replace(",", "\u202f")
    else:
        s = f"{x:,.2f}".rstrip("0").replace(",", "\u202f").replace(".", ",")
    return s


def _bound(f: Field, x: float) -> str:
    """A bound with its unit; a rate (unit "taux", a fraction) as a percentage."""
    if f.unit == "taux":
        return f"{_fmt(round(x * 100, 9))}\u00a0%"
    return _fmt(x) + (f" {f.unit}" if f.unit else "")


def _parse_number(raw):
    """A finite float from a JSON number or a French/English decimal string, else None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        x = float(raw)
    elif isinstance(raw, str):
        s = raw.strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
        s = s.replace("€", "").replace("%", "")
        if s.count(",") == 1 and "." not in s:
            s = s.replace(",", ".")
        if not s or len(s) > 40:
            return None
        try:
            x = float(s)
        except ValueError:
            return None
    else:
        return None
    return x if math.isfinite(x) else None


def _convert(f: Field, raw):
    """(value, error) for one field's raw input."""
    if f.kind in ("number", "integer"):
        x = _parse_number(raw)
        if x is None:
            return None, "Saisissez un nombre."
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
        if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
            return raw.strip().lower() in _TRUE, None
        return None, "Répondez par oui ou par non."
    if f.kind == "choice":
        values = f.choice_values()
        if raw in values and not isinstance(raw, bool):
            return raw, None
        if isinstance(raw, str):
            for v in values:
                if str(v) == raw.strip():
                    return v, None
        labels = ", ".join(f"« {label} »" for _v, label in f.choices)
        return None, f"Choisissez parmi : {labels}."
    if f.kind == "date":
        if isinstance(raw, str):
            try:
                d = _dt.date.fromisoformat(raw.strip()[:10])
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
        text = " ".join(raw.split())
        if any(unicodedata.category(ch).startswith("C") for ch in text):
            return None, "Ce texte contient des caractères non imprimables."
        longest = text_max_length(f)
        if len(text) > longest:
            return None, f"Le texte doit tenir en {longest} caractères au plus."
        return text, None
    raise AssertionError(f.kind)  # pragma: no cover - guarded by Field


def text_max_length(f: Field) -> int:
    """Length limit of a text field, in characters."""
    return int(f.maximum) if f.maximum is not None else TEXT_MAX_LENGTH


def _is_blank(raw) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


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
        if _is_blank(r) and not (f.kind == "boolean" and r == ""):
            values[f.name] = f.default_value()
            continue
        if f.kind == "boolean" and r == "":
            values[f.name] = f.default_value()
            continue
        v, err = _convert(f, r)
        if err:
            errors[f.name] = err
        else:
            values[f.name] = v
    return values, errors


def to_json_schema(fields, title: str = "", description: str = "") -> dict:
    """The inputs as a JSON Schema (draft 2020-12) object."""
    props = {}
    for f in fields:
        p: dict = {"title": f.label}
        if f.help:
            p["description"] = f.help
        if f.kind == "number":
            p["type"] = "number"
        elif f.kind == "integer":
            p["type"] = "integer"
        elif f.kind == "boolean":
            p["type"] = "boolean"
        elif f.kind == "choice":
            p["enum"] = f.choice_values()
            p["x-labels"] = {str(v): label for v, label in f.choices}
        elif f.kind == "date":
            p["type"] = "string"
            p["format"] = "date"
        elif f.kind == "text":
            p["type"] = "string"
            p["maxLength"] = text_max_length(f)
        if f.kind in ("number", "integer"):
            if f.minimum is not None:
                p["minimum"] = f.minimum
            if f.maximum is not None:
                p["maximum"] = f.maximum
        d = f.default_value()
        if d is not None:
            p["default"] = d.isoformat() if isinstance(d, _dt.date) else d
        if f.unit:
            p["x-unit"] = f.unit
        if f.unit == "taux":
            # the forms show a percentage; JSON carries the fraction
            p["description"] = (p.get("description", "") + " Taux en fraction : 0.08 pour 8 %.").strip()
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
