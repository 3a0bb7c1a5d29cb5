"""Cadre Libre's calculators: French pay rules as pure, standard-library Python.

Runs unchanged on CPython 3.11+ (build, tests, command line) and inside Pyodide
(browser).  Public API, used by the command line, the Pelican plugin and the
browser worker alike:

- ``names()``: the calculators' names, in display order;
- ``get(name)``: the calculator module (``FIELDS``, ``compute``, …);
- ``run(name, raw)``: validate a JSON-like mapping of inputs and compute:
  ``{"ok": True, "result": {...}}`` or ``{"ok": False, "errors": {field: message}}``;
  every result carries ``regles`` (:func:`calculators.core.dates.regles`): the
  year of the rules applied and, after the last day the parameter files cover,
  a French sentence saying that the following year's rules are missing;
- ``json_schema(name)``: the inputs as JSON Schema.

A calculator is a module of this package exposing:

- ``NAME`` (str), ``TITLE`` (French), ``DESCRIPTION`` (French, one paragraph);
- ``FIELDS``: a tuple of :class:`calculators.core.schema.Field`;
- ``check(values) -> dict[str, str]`` (optional): cross-field errors, in French;
- ``DATE_FIELD`` (optional, ``"date"`` by default): the date field whose day
  sets the rules applied (``chomage``: the end of the contract);
- ``compute(values) -> dict``: the result, JSON-serialisable, amounts in euros
  per month unless a key says otherwise.  It may raise
  :class:`calculators.core.schema.InputError` for an input it cannot honour.
"""

from __future__ import annotations

import datetime as _dt
import importlib

from .core import dates
from .core.schema import InputError, to_json_schema, validate

# name -> module; the order is the display order.
_MODULES = {
    "salarie": "calculators.salarie",
    "portage": "calculators.portage",
    "tjm": "calculators.tjm",
    "sasu": "calculators.sasu",
    "eurl": "calculators.eurl",
    "micro": "calculators.micro",
    "comparateur_statuts": "calculators.comparateur_statuts",
    "comparateur_offres": "calculators.comparateur_offres",
    "protection": "calculators.protection",
    "chomage": "calculators.chomage",
    "quitter_cdi": "calculators.quitter_cdi",
    "annee": "calculators.annee",
}

_loaded: dict = {}


def names() -> list[str]:
    """Names of the calculators whose module is present, in display order."""
    out = []
    for name in _MODULES:
        try:
            get(name)
        except ModuleNotFoundError:
            continue
        out.append(name)
    return out


def get(name: str):
    """The calculator module called ``name`` (KeyError if unknown)."""
    if name not in _MODULES:
        raise KeyError(name)
    if name not in _loaded:
        _loaded[name] = importlib.import_module(_MODULES[name])
    return _loaded[name]


def run(name: str, raw) -> dict:
    """Validate ``raw`` (a mapping from JSON) and compute; never raises for bad input."""
    try:
        calc = get(name)
    except KeyError:
        return {"ok": False, "errors": {"_": f"Calculateur inconnu : « {name} »."}}
    values, errors = validate(calc.FIELDS, raw)
    if not errors and hasattr(calc, "check"):
        errors = calc.check(values) or {}
    if errors:
        return {"ok": False, "errors": errors}
    try:
        result = calc.compute(values)
    except InputError as exc:
        return {"ok": False, "errors": _own_fields(calc, exc.errors)}
    quand = values.get(getattr(calc, "DATE_FIELD", "date"))
    if isinstance(quand, _dt.date) and "regles" not in result:
        # which year's rules, and whether the following year's are missing (core/dates.py)
        result["regles"] = dates.regles(quand)
    return {"ok": True, "result": result}


# The mark of an error that a calculator called by another one gave for a
# field of its own (tests/calculators/test_schema_proprietes.py looks for it).
FOREIGN_MARK = "Calcul impossible pour « "


def _own_fields(calc, errors: dict) -> dict:
    """Errors keyed by the calculator's own fields: an error a calculator it
    calls gave for a field of that other calculator (portage's « salaire_brut »)
    is never shown beside a field the form does not have; it becomes a general
    error (``"_"``) naming the other field by its label."""
    own = {f.name for f in calc.FIELDS}
    if all(k in own or k == "_" for k in errors):
        return errors
    labels: dict = {}
    for other in names():  # display order: the status calculators come before the composites
        for f in get(other).FIELDS:
            labels.setdefault(f.name, f.label)
    out = {k: m for k, m in errors.items() if k in own or k == "_"}
    for key, msg in errors.items():
        if key not in own and key != "_":
            general = f"{FOREIGN_MARK}{labels.get(key, key)} » : {msg}"
            out["_"] = f"{out['_']} {general}" if "_" in out else general
    return out


def json_schema(name: str) -> dict:
    calc = get(name)
    return to_json_schema(calc.FIELDS, title=calc.TITLE, description=calc.DESCRIPTION)


__all__ = ["names", "get", "run", "json_schema", "InputError"]
