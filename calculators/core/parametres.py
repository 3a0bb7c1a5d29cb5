"""Dated parameters: every rate and amount of the law, read once from the
TOML files of ``calculators/data/``.

A file is a tree of tables; a table holding ``valeurs`` is one parameter,
named by the file's stem and the table path: ``[plafond_mensuel]`` in
``securite_sociale.toml`` is ``securite_sociale.plafond_mensuel``.

    [plafond_mensuel]
    libelle = "Plafond mensuel de la sécurité sociale (PMSS)"
    unite = "€/mois"
    reference = "Code de la sécurité sociale, art. D242-17"
    url = "https://www.legifrance.gouv.fr/..."
    revise_le = 2026-11-23
    valeurs = [
      { depuis = 2025-01-01, valeur = 3925, source = "Arrêté du 19 décembre 2024" },
      { depuis = 2026-01-01, valeur = 4005, source = "Arrêté du 22 décembre 2025" },
    ]

``valeur`` may be a number, a boolean, a string, or a structure (a barème:
a list of tables).  Rates are fractions (``0.0855``) with ``unite = "taux"``.
A value holds from its ``depuis`` date until the next one.
"""

from __future__ import annotations

import datetime as _dt
import tomllib
from dataclasses import dataclass
from importlib import resources

REQUIRED = ("libelle", "unite", "reference", "valeurs")


@dataclass(frozen=True)
class Value:
    depuis: _dt.date
    valeur: object
    source: str = ""
    url: str = ""


@dataclass(frozen=True)
class Parametre:
    name: str
    libelle: str
    unite: str
    reference: str
    url: str
    revise_le: _dt.date | None
    valeurs: tuple  # of Value, sorted by date
    note: str = ""

    def entry(self, date: _dt.date) -> Value:
        """The value in force on ``date``."""
        current = None
        for v in self.valeurs:
            if v.depuis <= date:
                current = v
            else:
                break
        if current is None:
            raise LookupError(
                f"paramètre {self.name} : aucune valeur en vigueur le {date.isoformat()}"
            )
        return current

    def at(self, date: _dt.date):
        return self.entry(date).valeur


class ParameterFileError(ValueError):
    pass


def _walk(prefix: str, table: dict, out: dict, source: str):
    if "valeurs" in table:
        missing = [k for k in REQUIRED if k not in table]
        if missing:
            raise ParameterFileError(f"{source}: {prefix}: champs manquants {missing}")
        vals = []
        for i, v in enumerate(table["valeurs"]):
            if not isinstance(v, dict) or "depuis" not in v or "valeur" not in v:
                raise ParameterFileError(f"{source}: {prefix}: valeur n°{i + 1} sans 'depuis' ou 'valeur'")
            d = v["depuis"]
            if not isinstance(d, _dt.date) or isinstance(d, _dt.datetime):
                raise ParameterFileError(f"{source}: {prefix}: 'depuis' doit être une date AAAA-MM-JJ")
            vals.append(Value(d, v["valeur"], v.get("source", ""), v.get("url", "")))
        vals.sort(key=lambda v: v.depuis)
        if len({v.depuis for v in vals}) != len(vals):
            raise ParameterFileError(f"{source}: {prefix}: deux valeurs à la même date")
        out[prefix] = Parametre(
            name=prefix,
            libelle=table["libelle"],
            unite=table["unite"],
            reference=table["reference"],
            url=table.get("url", ""),
            revise_le=table.get("revise_le"),
            valeurs=tuple(vals),
            note=table.get("note", ""),
        )
        return
    for key, sub in table.items():
        if isinstance(sub, dict):
            _walk(f"{prefix}.{key}", sub, out, source)
        else:
            raise ParameterFileError(f"{source}: {prefix}.{key}: une table de paramètre doit contenir 'valeurs'")


_CACHE: dict | None = None


def load_all() -> dict[str, Parametre]:
    """All parameters, by name (read once, then cached)."""
    global _CACHE
    if _CACHE is None:
        out: dict = {}
        data = resources.files("calculators").joinpath("data")
        for entry in sorted(data.iterdir(), key=lambda p: p.name):
            if not entry.name.endswith(".toml"):
                continue
            stem = entry.name[: -len(".toml")]
            with entry.open("rb") as fh:
                doc = tomllib.load(fh)
            for key, table in doc.items():
                if not isinstance(table, dict):
                    raise ParameterFileError(f"{entry.name}: {key}: une table est attendue")
                _walk(f"{stem}.{key}", table, out, entry.name)
        _CACHE = out
    return _CACHE


def parametre(name: str) -> Parametre:
    try:
        return load_all()[name]
    except KeyError:
        raise KeyError(f"paramètre inconnu : {name}") from None


def valeur(name: str, date: _dt.date):
    """The value of parameter ``name`` in force on ``date``."""
    return parametre(name).at(date)


class At:
    """Parameters seen at one date: ``p = At(date); p("securite_sociale.plafond_mensuel")``.

    Records every parameter read, so that a result can list its sources.
    """

    def __init__(self, date: _dt.date):
        self.date = date
        self.used: dict[str, Parametre] = {}

    def __call__(self, name: str):
        par = parametre(name)
        self.used[name] = par
        return par.at(self.date)

    def ref(self, name: str) -> str:
        """The legal reference of a parameter, for a result line."""
        par = parametre(name)
        self.used[name] = par
        src = par.entry(self.date).source
        return f"{par.reference}" + (f" ; {src}" if src else "")

    def sources(self) -> list[dict]:
        """Every parameter read, with its value and reference, for the result."""
        out = []
        for name, par in sorted(self.used.items()):
            e = par.entry(self.date)
            out.append({
                "parametre": name,
                "libelle": par.libelle,
                "valeur": e.valeur,
                "unite": par.unite,
                "depuis": e.depuis.isoformat(),
                "reference": par.reference,
                "source": e.source,
                "url": e.url or par.url,
            })
        return out
