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
import json
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

# The browser wheel carries the TOML files already parsed, as JSON (parsed in C,
# where tomllib is pure Python: about 100 ms saved at each start of the engine
# in Pyodide).  Written by the site build from the TOML files of the same wheel
# (plugins/calculateurs/runtime.py); never present in the source tree.
SNAPSHOT = "_snapshot.json"


def _toml_documents() -> dict[str, dict]:
    """{file name: parsed TOML document} of every parameter file."""
    import tomllib  # here, not at the top: the browser reads the JSON snapshot instead

    docs = {}
    data = resources.files("calculators").joinpath("data")
    for entry in sorted(data.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            with entry.open("rb") as fh:
                docs[entry.name] = tomllib.load(fh)
    return docs


def _tag_dates(obj):
    if isinstance(obj, dict):
        return {k: _tag_dates(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_tag_dates(v) for v in obj]
    if isinstance(obj, _dt.datetime):
        raise ParameterFileError("une date avec heure n'est pas attendue dans un fichier de paramètres")
    if isinstance(obj, _dt.date):
        return {"$date": obj.isoformat()}
    return obj


def _untag_dates(obj: dict):
    if len(obj) == 1 and "$date" in obj:
        return _dt.date.fromisoformat(obj["$date"])
    return obj


def snapshot_json() -> str:
    """The parameter files as one JSON text (dates tagged ``{"$date": ...}``)."""
    return json.dumps(_tag_dates(_toml_documents()), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _documents() -> dict[str, dict]:
    snap = resources.files("calculators").joinpath("data", SNAPSHOT)
    if snap.is_file():
        return json.loads(snap.read_text(encoding="utf-8"), object_hook=_untag_dates)
    return _toml_documents()


# The documents read once for the two readers at an engine's start, couverture() (when
# calculators.core.dates is imported) and load_all() (at the first computation), which
# drops them: in Pyodide, parsing the snapshot is about half of that first computation.
_DOCS: dict | None = None


def _documents_once() -> dict[str, dict]:
    global _DOCS
    if _DOCS is None:
        _DOCS = _documents()
    return _DOCS


# Not a parameter file: the dates the parameter files cover, and the
# parameters fixed again each calendar year (see the file itself).
COUVERTURE = "couverture.toml"
_COUVERTURE_CACHE: dict | None = None


def couverture() -> dict:
    """``{"depuis": date, "jusqu_au": date, "annuels": [names]}``: the first and
    the last day whose rules every parameter file holds (read once)."""
    global _COUVERTURE_CACHE
    if _COUVERTURE_CACHE is None:
        try:
            table = _documents_once()[COUVERTURE]["couverture"]
            depuis, jusqu_au = table["regles_depuis"], table["regles_jusqu_au"]
        except KeyError as exc:
            raise ParameterFileError(f"{COUVERTURE}: [couverture] sans {exc}") from None
        for d in (depuis, jusqu_au):
            if not isinstance(d, _dt.date) or isinstance(d, _dt.datetime) or depuis > jusqu_au:
                raise ParameterFileError(f"{COUVERTURE}: regles_depuis et regles_jusqu_au : deux dates AAAA-MM-JJ dans l'ordre")
        _COUVERTURE_CACHE = {"depuis": depuis, "jusqu_au": jusqu_au, "annuels": list(table.get("annuels", []))}
    return _COUVERTURE_CACHE


def load_all() -> dict[str, Parametre]:
    """All parameters, by name (read once, then cached)."""
    global _CACHE, _DOCS
    if _CACHE is None:
        out: dict = {}
        docs = _documents_once()
        _DOCS = None
        for file_name, doc in sorted(docs.items()):
            if file_name == COUVERTURE:
                continue
            stem = file_name[: -len(".toml")]
            for key, table in doc.items():
                if not isinstance(table, dict):
                    raise ParameterFileError(f"{file_name}: {key}: une table est attendue")
                _walk(f"{stem}.{key}", table, out, file_name)
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


def fusion_sources(*listes) -> list:
    """The parameters used (result ``sources``), each once, in the order met."""
    out, seen = [], set()
    for lst in listes:
        for x in lst:
            if x["parametre"] not in seen:
                seen.add(x["parametre"])
                out.append(x)
    return out
