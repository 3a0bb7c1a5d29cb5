"""Prose expressions: ``{{ portage(tjm=600, jours=18).net_avant_impot | euros }}``.

Each expression is a Jinja2 expression evaluated in a sandbox at build time.
The names it can use are the calculators (called with the same inputs as the
command line), ``param(name, date=...)``, ``calendrier(annee)`` (the day count of a
year) and the French number filters of ``calculators.core.format``.  Anything wrong (unknown calculator, bad input,
unknown attribute or parameter, syntax) raises :class:`ExpressionError`
with a French message; the caller adds the file and line.
"""

from __future__ import annotations

import datetime as _dt
import json

from jinja2 import StrictUndefined, TemplateSyntaxError, Undefined
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

import calculators
from calculators.core import dates, parametres
from calculators.core import format as fmt


class ExpressionError(Exception):
    """An expression that cannot be evaluated; the message is French."""


class Resultat:
    """Read-only view of a result dict: attributes by dot, nested; an unknown
    attribute is an error (never a silent blank in a published page)."""

    __slots__ = ("_data", "_chemin")

    def __init__(self, data, chemin):
        self._data = data
        self._chemin = chemin

    def __getattr__(self, key):
        if key.startswith("_"):
            raise AttributeError(key)
        data = object.__getattribute__(self, "_data")
        chemin = object.__getattribute__(self, "_chemin")
        if isinstance(data, dict) and key in data:
            return _wrap(data[key], f"{chemin}.{key}")
        known = ", ".join(sorted(k for k in data if isinstance(k, str))) if isinstance(data, dict) else ""
        raise ExpressionError(f"attribut inconnu « {key} » dans {chemin}" + (f" (disponibles : {known})" if known else ""))

    def __getitem__(self, key):
        data = object.__getattribute__(self, "_data")
        chemin = object.__getattribute__(self, "_chemin")
        try:
            return _wrap(data[key], f"{chemin}[{key!r}]")
        except (KeyError, IndexError, TypeError):
            raise ExpressionError(f"élément inconnu {key!r} dans {chemin}") from None

    def __str__(self):
        raise ExpressionError(
            f"{object.__getattribute__(self, '_chemin')} est un ensemble de valeurs : choisissez-en une (par ex. .net_avant_impot)"
        )


def _wrap(value, chemin):
    if isinstance(value, (dict, list)):
        return Resultat(value, chemin)
    return value


_CACHE: dict = {}


def run_calculator(name: str, inputs: dict) -> dict:
    """The result for ``inputs`` (cached: the same call in many pages runs once)."""
    key = (name, json.dumps(inputs, sort_keys=True, default=str))
    if key not in _CACHE:
        out = calculators.run(name, dict(inputs))
        if not out["ok"]:
            msgs = "; ".join(
                (f"{k} : {v}" if k != "_" else v) for k, v in out["errors"].items()
            )
            raise ExpressionError(f"entrées refusées par le calculateur « {name} » : {msgs}")
        _CACHE[key] = out["result"]
    return _CACHE[key]


def _calculator_function(name: str):
    def call(*args, **kwargs):
        if args:
            raise ExpressionError(f"{name}(…) : nommez chaque entrée, par ex. {name}(tjm=600)")
        return Resultat(run_calculator(name, kwargs), f"{name}(…)")
    call.__name__ = name
    return call


def param(name, date=None):
    """The value of a dated parameter at ``date`` (default: the default simulation date)."""
    if date is None:
        d = dates.default_date()
    elif isinstance(date, _dt.date):
        d = date
    else:
        try:
            d = _dt.date.fromisoformat(str(date))
        except ValueError:
            raise ExpressionError(f"date illisible « {date} » (format AAAA-MM-JJ)") from None
    try:
        return parametres.valeur(str(name), d)
    except KeyError:
        raise ExpressionError(f"paramètre inconnu « {name} »") from None
    except LookupError as exc:
        raise ExpressionError(str(exc)) from None


def _number_filter(fn, fname):
    def f(x, *args):
        if isinstance(x, bool) or not isinstance(x, (int, float)):
            raise ExpressionError(f"le filtre {fname} attend un nombre, pas {type(x).__name__}")
        return fn(x, *args)
    return f


def _count_filter(fn, fname):
    """``| lettres``, ``| lettres("f")``, ``| de_lettres``: a count spelled out in prose."""
    def f(x, genre="m"):
        if isinstance(x, bool) or not isinstance(x, (int, float)):
            raise ExpressionError(f"le filtre {fname} attend un nombre, pas {type(x).__name__}")
        if genre not in ("m", "f"):
            raise ExpressionError(
                f"le filtre {fname} prend le genre du nom compté : {fname}(\"f\") pour un nom féminin "
                f"(« une semaine »), rien pour un masculin, pas « {genre} »")
        return fn(x, genre)
    return f


_JOURS_SEMAINE = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def calendrier(annee=None, alsace_moselle=False):
    """The day count of a civil year, by the rules the TJM calculator uses
    (``calculators/regles/calendrier.py``): ``jours`` (365 or 366), ``week_ends``,
    ``jours_ouvres``, ``feries`` (how many public holidays), ``feries_en_semaine``,
    ``conges_semaines`` and ``conges`` (the paid-leave parameter × 5), ``jours_travaillables``
    (working days less holidays and leave), ``forfait_jours`` (the legal maximum of a forfait
    jours), ``jours_repos_forfait`` (the difference), ``premier_jour`` (« jeudi »), and
    ``jours_feries.<code>`` for each holiday: ``date`` (ISO), ``jour_mois`` (« 6 avril »),
    ``jour_semaine`` (« lundi »), ``en_semaine``.  ``annee``: the year of the default date if
    not given."""
    from calculators.core.parametres import At
    from calculators.regles.calendrier import billable_days

    defaut = dates.default_date()
    if annee is None:
        annee = defaut.year
    if isinstance(annee, bool) or not isinstance(annee, int) or not 1900 <= annee <= 2200:
        raise ExpressionError(f"calendrier(…) : année « {annee} » illisible (par ex. calendrier(2026))")
    if not isinstance(alsace_moselle, bool):
        raise ExpressionError("calendrier(…) : alsace_moselle vaut true ou false")
    p = At(defaut if defaut.year == annee else _dt.date(annee, 1, 1))
    try:
        semaines = p("calendrier.conges_payes_semaines")
        detail = billable_days({"annee": annee, "alsace_moselle": alsace_moselle, "semaines_conges": semaines,
                                "jours_prospection": 0, "jours_administratif": 0, "jours_formation": 0,
                                "jours_maladie": 0}, p)
        forfait = p("smic.forfait_jours_plein")
    except LookupError as exc:
        raise ExpressionError(str(exc)) from None
    etapes = {e["code"]: e["jours"] for e in detail["etapes"]}
    travaillables = etapes["jours_calendaires"] + etapes["week_ends"] + etapes["jours_feries"] + etapes["conges"]
    feries = {}
    for h in detail["jours_feries"]:
        d = _dt.date.fromisoformat(h["date"])
        feries[h["code"]] = {
            "libelle": h["libelle"], "date": h["date"], "en_semaine": h["en_semaine"],
            "jour_mois": f"{'1er' if d.day == 1 else d.day} {fmt.MONTHS[d.month - 1]}",
            "jour_semaine": _JOURS_SEMAINE[d.weekday()],
        }
    data = {
        "annee": annee,
        "jours": etapes["jours_calendaires"],
        "week_ends": -etapes["week_ends"],
        "jours_ouvres": detail["jours_ouvres"],
        "feries": len(feries),
        "feries_en_semaine": -etapes["jours_feries"],
        "conges_semaines": semaines,
        "conges": -etapes["conges"],
        "jours_travaillables": travaillables,
        "forfait_jours": forfait,
        "jours_repos_forfait": travaillables - forfait,
        "premier_jour": _JOURS_SEMAINE[_dt.date(annee, 1, 1).weekday()],
        "jours_feries": feries,
    }
    return Resultat(data, f"calendrier({annee})")


def _date_filter(x):
    try:
        return fmt.date_fr(x)
    except (ValueError, TypeError, AttributeError):
        raise ExpressionError(f"le filtre date_fr attend une date, pas « {x} »") from None


def make_environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
    env.filters.update({
        "euros": _number_filter(fmt.euros, "euros"),
        "euros_cents": _number_filter(fmt.euros_cents, "euros_cents"),
        "pourcent": _number_filter(fmt.pourcent, "pourcent"),
        "nombre": _number_filter(fmt.nombre, "nombre"),
        "lettres": _count_filter(fmt.lettres, "lettres"),
        "de_lettres": _count_filter(fmt.de_lettres, "de_lettres"),
        "date_fr": _date_filter,
    })
    env.globals.clear()
    for name in calculators.names():
        env.globals[name] = _calculator_function(name)
    env.globals["param"] = param
    env.globals["calendrier"] = calendrier
    return env


_ENV = None


def _compile(env, expression: str):
    """Each distinct expression is compiled once per environment (the site quotes the same
    figure in many pages; compiling was most of the cost of an expression)."""
    cache = env.__dict__.setdefault("_cadre_libre_compiled", {})
    compiled = cache.get(expression)
    if compiled is None:
        if len(cache) > 50_000:
            cache.clear()
        compiled = cache[expression] = env.compile_expression(expression, undefined_to_none=False)
    return compiled


# The text of each expression already evaluated with the default environment, by expression
# and default date (the site quotes the same figures in many pages; an expression depends on
# nothing else: calculators and parameters are pure).  Only successes are kept: a wrong
# expression is evaluated, hence reported, at each place it is written.  Cleared by
# clear_memo() (plugins/calculateurs, at the start of a build).
_MEMO: dict = {}


def clear_memo() -> None:
    _MEMO.clear()


def evaluate(expression: str, env=None) -> str:
    """The text of one expression (raises ExpressionError)."""
    global _ENV
    if env is not None:
        return _evaluate(expression, env)
    key = (expression, dates.default_date())
    text = _MEMO.get(key)
    if text is not None:
        return text
    if _ENV is None or set(calculators.names()) - set(_ENV.globals):
        # a calculator registered since: the texts already known stay right (only successes
        # are kept, and a calculator added changes none of them). Until 2026-12 the memo was
        # cleared here, at the first expression of each build: the texts kept from the last
        # build (plugins/calculateurs, _load_kept) were all computed again.
        _ENV = make_environment()
    text = _MEMO[key] = _evaluate(expression, _ENV)
    return text


def _evaluate(expression: str, env) -> str:
    try:
        value = _compile(env, expression)()
    except ExpressionError:
        raise
    except TemplateSyntaxError as exc:
        raise ExpressionError(f"expression mal écrite : {exc.message}") from None
    except UndefinedError as exc:
        raise ExpressionError(f"nom inconnu : {exc.message}") from None
    except SecurityError as exc:
        raise ExpressionError(f"opération interdite : {exc}") from None
    except Exception as exc:  # arithmetic on a wrong type, division by zero…
        raise ExpressionError(f"{type(exc).__name__} : {exc}") from None
    if isinstance(value, Resultat):
        str(value)  # raises the French message
    if isinstance(value, Undefined):
        hint = getattr(value, "_undefined_hint", None) or ""
        if "unsafe" in hint:
            raise ExpressionError(f"opération interdite : {hint}")
        raise ExpressionError(f"nom inconnu : {hint or 'valeur indéfinie'}")
    if value is None:
        raise ExpressionError("l'expression ne donne aucune valeur")
    if isinstance(value, float):
        raise ExpressionError(
            "un nombre brut s'affiche avec un filtre : | euros, | euros_cents, | pourcent, | nombre ou | lettres"
        )
    return str(value)
