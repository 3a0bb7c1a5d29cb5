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
    return f"{nombre(x)} part" + ("s" if x >= 2 else "")


def date_fr(d) -> str:
    """2026-07-01 -> "1er juillet 2026"."""
    if isinstance(d, str):
        d = _dt.date.fromisoformat(d[:10])
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS[d.month - 1]} {d.year}"


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
           "date_fr", "espaces_fines", "typographie"]
