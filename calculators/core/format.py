"""The one French formatter for what visitors read: numbers, amounts, rates, dates, typography.

Used by the calculators' texts, the HTML renderer (``calculators/render.py``),
the Pelican plugin's expression filters (``plugins/calculateurs/expressions.py``)
and the page typography (``plugins/habillage``), so a figure reads the same
everywhere.

- Rounding: half away from zero (``1 234,5 € -> 1 235 €``, ``-0,5 -> -1``), the
  rule of :mod:`calculators.core.arrondi` (a payslip's), applied to the
  decimal digits the visitor sees.  Never Python's ``format``/``round``, which
  round half to even on the binary value (``f"{2.5:.0f}" == "2"``).
- Thousands separator: the narrow no-break space (U+202F); decimal comma;
  a no-break space (U+00A0) before « € » and « % »; the minus sign U+2212.
- Dates: « 1er décembre 2026 ».
- Typography: a narrow no-break space before « : ; ! ? » and after « « ».
"""

from __future__ import annotations

import datetime as _dt
import math
import re

NNBSP = "\u202f"  # narrow no-break space: thousands separator, French punctuation
NBSP = "\u00a0"  # no-break space: before a unit
MINUS = "\u2212"

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre",
)


def _group(int_part: str) -> str:
    out = []
    while len(int_part) > 3:
        out.insert(0, int_part[-3:])
        int_part = int_part[:-3]
    out.insert(0, int_part)
    return NNBSP.join(out)


def _decimal(x: float, decimals: int, strip: bool) -> str:
    """``x`` with ``decimals`` decimals (half away from zero), French separators."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "—"
    q = 10 ** decimals
    # the epsilon absorbs binary noise (2.675 is stored as 2.67499999…): the
    # half-up rule applies to the decimal value the calculation meant
    r = math.floor(abs(x) * q + 0.5 + 1e-9)
    int_part, frac = divmod(int(r), q)
    s = _group(str(int_part))
    if decimals:
        f = str(frac).rjust(decimals, "0")
        if strip:
            f = f.rstrip("0")
        if f:
            s += "," + f
    return (MINUS + s) if (r and x < 0) else s


def nombre(x, decimals: int = 2) -> str:
    """218 -> "218"; 1234.5 -> "1 234,5" (at most ``decimals`` decimals, trailing zeros dropped)."""
    return _decimal(float(x), decimals, strip=True)


def decimales(x, decimals: int) -> str:
    """17 -> "17,00" with ``decimals`` = 2: always that many decimals (half away from zero)."""
    return _decimal(float(x), decimals, strip=False)


def euros(x) -> str:
    """4005.4 -> "4 005 €" (rounded to the euro, half away from zero)."""
    return _decimal(float(x), 0, strip=False) + NBSP + "€"


def euros_cents(x) -> str:
    """2712.339 -> "2 712,34 €" (always two decimals)."""
    return _decimal(float(x), 2, strip=False) + NBSP + "€"


def montant(x) -> str:
    """An amount to the cent, the cents left out when there are none:
    2712.339 -> "2 712,34 €"; 1500 -> "1 500 €"."""
    s = _decimal(float(x), 2, strip=False)
    return (s[:-3] if s.endswith(",00") else s) + NBSP + "€"


def pourcent(x, decimals: int | None = None) -> str:
    """0.0855 -> "8,55 %"; 0.2 -> "20 %"; 0.00045 -> "0,045 %"; 0.491255 -> "49,13 %".

    Two decimals at most, three when a legal rate is exactly written so."""
    pct = float(x) * 100.0
    if decimals is None:
        decimals = 3 if abs(pct * 1000 - round(pct * 1000)) < 1e-6 else 2
    return _decimal(pct, decimals, strip=True) + NBSP + "%"


def parts(x: float) -> str:
    """1 part, 1,5 part, 2 parts (French: plural from 2)."""
    return quantite(x, "part", "parts")


def quantite(x, singulier: str, pluriel: str, en_lettres: bool = False, genre: str = "m") -> str:
    """« 1 jour facturé », « 1,5 jour facturé », « 3 jours facturés »: the noun
    agrees with the number (French: plural from 2); ``en_lettres``: the count as
    :func:`lettres` writes it, for running prose (« une journée », « trois mois »)."""
    compte = lettres(x, genre) if en_lettres else nombre(x)
    return f"{compte} {pluriel if abs(x) >= 2 else singulier}"


# The whole numbers French prose spells out: zero to sixteen, each a single word (« dix-sept »
# and beyond are compounds, written in figures in this guide).
_LETTRES = (
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize",
)


def lettres(x, genre: str = "m") -> str:
    """A count in running prose: a whole number from 0 to 16 in words, otherwise as
    :func:`nombre` writes it (never rounded to a word: 1.5 -> « 1,5 »).

    ``genre`` is the counted noun's: « un mois », « une semaine » (``genre="f"``); only
    « un » changes.  2 -> « deux », 16 -> « seize », 17 -> « 17 », 0 -> « zéro »."""
    if genre not in ("m", "f"):
        raise ValueError(f"genre « {genre} » : m (masculin) ou f (féminin)")
    v = float(x)
    if v.is_integer() and 0 <= v < len(_LETTRES):
        n = int(v)
        return "une" if n == 1 and genre == "f" else _LETTRES[n]
    return nombre(x)


def de_lettres(x, genre: str = "m") -> str:
    """« de » and the count, elided before « un » / « une » only: « d’un mois », « d’une
    semaine », « de deux ans », « de huit jours », « de onze mois », « de 36 mois »."""
    mot = lettres(x, genre)
    return ("d’" + mot) if mot in ("un", "une") else ("de " + mot)


def date_fr(d) -> str:
    """2026-07-01 -> "1er juillet 2026"."""
    if isinstance(d, str):
        d = _dt.date.fromisoformat(d[:10])
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS[d.month - 1]} {d.year}"


def valeur_unite(valeur, unite: str) -> str:
    """A calculator's figure with its unit, compact, as the key figures and tables of a result
    show it: « 4 877 €/mois », « 452,59 €/jour » (a daily rate to the cent), « 204 jours/an ».
    A dated parameter's value reads as a sentence instead: :func:`valeur_parametre`."""
    if valeur is None:
        return "—"
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if not isinstance(valeur, (int, float)):
        return str(valeur)
    u = (unite or "").strip()
    if u in ("taux", "%", "fraction"):
        return pourcent(valeur)
    if u.startswith("€"):
        rest = u[1:].strip()
        # a daily rate is quoted to the cent; monthly and yearly amounts to the euro
        amount = euros_cents(valeur) if rest == "/jour" else euros(valeur)
        return amount + (rest if rest.startswith("/") else (NBSP + rest if rest else ""))
    if u:
        return nombre(valeur) + NBSP + u
    return nombre(valeur)



# ------------------------------------------------------- a parameter's value

# The unit codes of calculators/data/*.toml (``unite``), as a French sentence says them:
# the counted noun (singular, plural) before any « / », each « /x » read « par x ».
_NOMS = {
    "an": ("an", "ans"), "ans": ("an", "ans"),
    "mois": ("mois", "mois"),
    "semaine": ("semaine", "semaines"), "semaines": ("semaine", "semaines"),
    "jour": ("jour", "jours"), "jours": ("jour", "jours"),
    "jours ouvrables": ("jour ouvrable", "jours ouvrables"),
    "heure": ("heure", "heures"), "heures": ("heure", "heures"),
    "trimestre": ("trimestre", "trimestres"), "trimestres": ("trimestre", "trimestres"),
    "salariés": ("salarié", "salariés"),
    "décimales": ("décimale", "décimales"),
    "point": ("point", "points"), "part": ("part", "parts"),
}
# Multiples of a legal reference amount: the code is the word (« 1,4 SMIC », « 4 PSS »).
_REFERENCES = {"PASS", "PSS", "PMSS", "SMIC", "PSS annuels"}
# A bare number: the label says what it counts.
_SANS_UNITE = {"", "nombre", "coefficient"}
_DIVISEURS = {"an": "an", "mois": "mois", "semaine": "semaine", "jour": "jour", "heure": "heure",
              "point": "point", "part": "part", "demi-part": "demi-part"}


def _par(rest: str) -> str | None:
    """``/an/point`` -> « par an et par point »; ``/an par demi-part`` -> « par an et par demi-part »."""
    words = [w.strip() for w in rest.replace(" par ", "/").split("/") if w.strip()]
    if any(w not in _DIVISEURS for w in words):
        return None
    return " et ".join("par " + _DIVISEURS[w] for w in words)


def _exact(x: float) -> str:
    """A parameter's number as written in its text, never rounded away: up to four decimals."""
    return nombre(x, decimals=4)


def _lire_unite(unite: str):
    """How a unit code reads: (kind, singular, plural, « par … » or "") or None if unknown."""
    u = (unite or "").strip()
    if u in ("taux", "%", "fraction"):
        return ("taux", "", "", "")
    if u in _SANS_UNITE or u in ("booléen", "date", "texte", "liste") or u.startswith("barème"):
        return ("nu", "", "", "")
    if u in _REFERENCES:
        return ("nom", u, u, "")
    if u.startswith("€"):
        head, _, rest = u[1:].strip().partition("/")
        tax = head.strip()  # « HT », « TTC » or nothing
        if tax not in ("", "HT", "TTC"):
            rest, tax = tax + ("/" + rest if rest else ""), ""
        par = _par(rest) if rest else ""
        return None if par is None else ("euros", "€" + (NBSP + tax if tax else ""), "", par)
    head, _, rest = u.partition("/")
    head = head.strip()
    par = _par(rest) if rest else ""
    if par is None:
        return None
    if head in _REFERENCES:
        return ("nom", head, head, par)
    if head in _NOMS:
        return ("nom", *_NOMS[head], par)
    return None


def unite_connue(unite: str) -> bool:
    """Whether :func:`valeur_parametre` reads ``unite`` as French (a test asks it of every
    unit of the data files; an unknown one is shown as written, never an error for a visitor)."""
    return _lire_unite(unite) is not None


def valeur_parametre(valeur, unite: str) -> str:
    """A dated parameter's value with its unit, as a French sentence reads it (the lists of
    parameters used under each result):

    ``0.12, "taux"`` -> « 12 % »; ``47100, "€"`` -> « 47 100 € »; ``35, "heure/semaine"`` ->
    « 35 heures par semaine »; ``1.75, "coefficient"`` -> « 1,75 »; ``1.4386, "€/an/point"`` ->
    « 1,4386 € par an et par point »; ``141, "€ HT"`` -> « 141 € HT ».  The value is the text's,
    never rounded to the euro."""
    if valeur is None:
        return "—"
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    u = (unite or "").strip()
    if isinstance(valeur, _dt.date):
        return date_fr(valeur)
    if isinstance(valeur, str):
        if u == "date":
            try:
                return date_fr(valeur)
            except ValueError:
                return valeur
        return valeur
    if isinstance(valeur, dict) and set(valeur) == {"numerateur", "denominateur"}:
        return f"{valeur['numerateur']}/{valeur['denominateur']}"
    if not isinstance(valeur, (int, float)):
        return "barème"
    lecture = _lire_unite(u)
    if lecture is None:  # a unit code no one taught the formatter: as written
        return _exact(valeur) + (NBSP + u if u else "")
    kind, singular, plural, par = lecture
    if kind == "taux":
        return pourcent(valeur)
    if kind == "nu":
        return _exact(valeur)
    if kind == "euros":
        amount = _exact(valeur)
        if "," in amount and len(amount.split(",")[1]) == 1:  # cents: 26,3 -> 26,30
            amount += "0"
        out = amount + NBSP + singular
    else:
        out = _exact(valeur) + NBSP + (singular if abs(valeur) < 2 else plural)  # plural from two
    return out + (" " + par if par else "")


# ---------------------------------------------------------------- typography

_TAG = re.compile(r"(<[^>]*>)")
_RAW = ("code", "pre", "script", "style", "kbd", "samp", "textarea")
_BEFORE = re.compile(r"(?:(?<=\S)|^)[ \u00a0]+(?=[:;!?»](?:\s|$|[).,]))")
_AFTER = re.compile(r"«[ \u00a0]+")
_PUNCT = re.compile(r"[ \u00a0][:;!?»]|«[ \u00a0]")


def espaces_fines(text: str) -> str:
    """Narrow no-break spaces of French typography in a piece of plain text:
    before : ; ! ? » and after «."""
    if not _PUNCT.search(text):
        return text
    return _AFTER.sub("«" + NNBSP, _BEFORE.sub(NNBSP, text))


_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
# a tag whose name (as _NAME reads it) is one of _RAW: where no such tag is, every text node is prose
_RAW_TAG = re.compile(r"</?\s*(?:" + "|".join(_RAW) + r")(?![a-zA-Z0-9])", re.I)


def typographie(html: str) -> str:
    """:func:`espaces_fines` on the text nodes of an HTML fragment, outside
    code, preformatted text and scripts.  The one rule of the site: the build,
    the browser worker (same Python) and the pages' Markdown (plugins/habillage)."""
    if not _PUNCT.search(html):
        return html
    parts_ = _TAG.split(html)
    if not _RAW_TAG.search(html):
        # no code, pre, script…: every text node (even indexes) is prose
        parts_[0::2] = [espaces_fines(part) for part in parts_[0::2]]
        return "".join(parts_)
    raw_depth = 0
    for index, part in enumerate(parts_):
        if index % 2:  # a tag
            name = _NAME.match(part)
            if name and name.group(1).lower() in _RAW and not part.endswith("/>"):
                raw_depth += -1 if part.startswith("</") else 1
                raw_depth = max(raw_depth, 0)
        elif part and not raw_depth:
            parts_[index] = espaces_fines(part)
    return "".join(parts_)


__all__ = ["NNBSP", "NBSP", "MINUS", "MONTHS", "nombre", "euros", "euros_cents", "montant", "pourcent", "parts",
           "lettres", "de_lettres",
           "date_fr", "valeur_unite", "valeur_parametre", "unite_connue", "espaces_fines", "typographie"]
