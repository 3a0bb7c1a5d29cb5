"""The one HTML renderer of a calculator: the form from its ``FIELDS`` and the
result from its ``compute``.

Used at build time (the Pelican plugin prerenders the preset result into the
page) and in the browser worker (Pyodide renders each live result), so a
visitor sees the same markup with or without JavaScript.  Standard library
only; no inline style (the site's Content-Security-Policy forbids it): the
look comes from ``theme/static/css/calculateur.css`` through classes.

Formatting follows French usage: narrow no-break space between thousands,
decimal comma, no-break space before the unit ("4 005 €", "8,55 %").
"""

from __future__ import annotations

import datetime as _dt
import math

from .core.format import (  # noqa: F401
    MINUS,
    MONTHS,
    NBSP,
    NNBSP,
    date_fr,
    espaces_fines,
    euros,
    euros_cents,
    montant,
    nombre,
    pourcent,
    typographie,
    valeur_parametre,
    valeur_unite,
)
from .core.schema import text_max_length as _text_max_length


def escape(s: str, quote: bool = True) -> str:
    """``html.escape`` (same output), without importing ``html``: in the browser that import
    (its table of 2 000 entities) is on the path of the first live figure."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;").replace("'", "&#x27;")
    return s


def _per_year_unit(unite: str) -> str:
    u = unite or ""
    return u.replace("/mois", "/an") if "/mois" in u else u


def _h(x) -> str:
    """Text for HTML (escaped), with French typography applied."""
    return escape(espaces_fines("" if x is None else str(x)), quote=True)


def _num_attr(x) -> str:
    """A number for a data attribute: repr is exact and round-trips."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return _h(x)
    return repr(float(x)) if isinstance(x, float) else str(x)


# --------------------------------------------------------------------------
# The result
# --------------------------------------------------------------------------

def _chiffres(result: dict) -> str:
    annuel = result.get("annuel") or {}
    items = []
    for c in result.get("chiffres_cles") or []:
        code = c.get("code", "")
        unite = c.get("unite", "")
        val = c.get("valeur")
        main = valeur_unite(val, unite)
        year = ""
        if code in annuel and "/mois" in (unite or ""):
            year = (
                f'<span class="calc-periode calc-periode--an" data-valeur="{_num_attr(annuel[code])}">'
                f'{_h(valeur_unite(annuel[code], _per_year_unit(unite)))}</span>'
            )
        aide = f'<span class="calc-chiffre-aide">{_h(c.get("aide"))}</span>' if c.get("aide") else ""
        items.append(
            f'<div class="calc-chiffre" data-code="{_h(code)}">'
            f'<dt>{_h(c.get("libelle", code))}</dt>'
            f'<dd><span class="calc-periode calc-periode--mois calc-valeur" data-valeur="{_num_attr(val)}">{_h(main)}</span>'
            f'{year}{aide}</dd></div>'
        )
    if not items:
        return ""
    return '<dl class="calc-chiffres">' + "".join(items) + "</dl>"


def _sans_objet(result: dict) -> str:
    """The rules that do not apply to this case, each with its reason (a result's
    ``ne_s_applique_pas``: [{"code", "libelle", "raison"}]), shown after the key figures."""
    items = [
        f'<div class="calc-chiffre calc-chiffre--sans-objet" data-code="{_h(x.get("code"))}">'
        f'<dt>{_h(x.get("libelle"))}</dt><dd><span class="calc-sans-objet">Ne s’applique pas</span>'
        f'<span class="calc-chiffre-aide">{_h(x.get("raison"))}</span></dd></div>'
        for x in result.get("ne_s_applique_pas") or []
    ]
    return '<dl class="calc-chiffres calc-chiffres--sans-objet">' + "".join(items) + "</dl>" if items else ""


def _taux(x) -> str:
    return pourcent(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else ""


def _montant(x) -> str:
    return euros_cents(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else ""


def _lignes(result: dict, uid: str) -> str:
    lignes = result.get("lignes") or []
    if not lignes:
        return ""
    if result.get("lignes_colonnes"):
        return _lignes_simples(result, uid)
    groups: dict = {}
    for ln in lignes:
        groups.setdefault(ln.get("groupe") or "Autres", []).append(ln)
    body = []
    tot_s = tot_p = 0.0
    for g, rows in groups.items():
        sub_s = sum(float(r.get("montant_salarial") or 0) for r in rows)
        sub_p = sum(float(r.get("montant_patronal") or 0) for r in rows)
        tot_s += sub_s
        tot_p += sub_p
        trs = [
            f'<tr class="calc-groupe"><th scope="rowgroup" colspan="7">{_h(g)}</th></tr>'
        ]
        for r in rows:
            trs.append(
                f'<tr data-code="{_h(r.get("code"))}">'
                f'<th scope="row">{_h(r.get("libelle"))}</th>'
                f'<td class="calc-num" data-col="Base">{_h(_montant(r.get("assiette")))}</td>'
                f'<td class="calc-num" data-col="Taux salarial">{_h(_taux(r.get("taux_salarial")))}</td>'
                f'<td class="calc-num" data-col="Part salariale">{_h(_montant(r.get("montant_salarial")))}</td>'
                f'<td class="calc-num" data-col="Taux patronal">{_h(_taux(r.get("taux_patronal")))}</td>'
                f'<td class="calc-num" data-col="Part patronale">{_h(_montant(r.get("montant_patronal")))}</td>'
                f'<td class="calc-ref" data-col="Référence">{_h(r.get("reference"))}</td></tr>'
            )
        body.append("<tbody>" + "".join(trs) + "</tbody>")
    foot = (
        '<tfoot><tr><th scope="row">Total</th><td></td><td></td>'
        f'<td class="calc-num" data-col="Part salariale">{_h(euros_cents(tot_s))}</td><td></td>'
        f'<td class="calc-num" data-col="Part patronale">{_h(euros_cents(tot_p))}</td><td></td></tr></tfoot>'
    )
    return (
        '<details class="calc-detail"><summary>Détail ligne à ligne (comme un bulletin de paie)</summary>'
        f'<div class="calc-table-scroll" tabindex="0" role="region" aria-labelledby="{uid}-lignes-titre">'
        '<table class="calc-lignes calc-lignes--bulletin">'
        f'<caption id="{uid}-lignes-titre">Cotisations et contributions, par risque (montants mensuels)</caption>'
        '<thead><tr><th scope="col">Ligne</th><th scope="col">Base</th>'
        '<th scope="col">Taux salarial</th><th scope="col">Part salariale</th>'
        '<th scope="col">Taux patronal</th><th scope="col">Part patronale</th>'
        '<th scope="col">Référence</th></tr></thead>'
        + "".join(body) + foot + "</table></div></details>"
    )


def _lignes_simples(result: dict, uid: str) -> str:
    """The breakdown of a calculator whose lines have a single payer (micro-entreprise):
    base, rate and amount, with the headings the result gives in ``lignes_colonnes``
    ({"resume", "titre", "taux", "montant"}).  Used only when that key is present;
    ``"total": False`` drops the total row (steps of one calculation, not parts of a sum)."""
    col = result["lignes_colonnes"]
    groups: dict = {}
    for ln in result.get("lignes") or []:
        groups.setdefault(ln.get("groupe") or "Autres", []).append(ln)
    body = []
    total = 0.0
    for g, rows in groups.items():
        trs = [f'<tr class="calc-groupe"><th scope="rowgroup" colspan="5">{_h(g)}</th></tr>']
        for r in rows:
            total += float(r.get("montant_salarial") or 0)
            trs.append(
                f'<tr data-code="{_h(r.get("code"))}">'
                f'<th scope="row">{_h(r.get("libelle"))}</th>'
                f'<td class="calc-num" data-col="Base">{_h(_montant(r.get("assiette")))}</td>'
                f'<td class="calc-num" data-col="{_h(col.get("taux", "Taux"))}">{_h(_taux(r.get("taux_salarial")))}</td>'
                f'<td class="calc-num" data-col="{_h(col.get("montant", "Montant"))}">{_h(_montant(r.get("montant_salarial")))}</td>'
                f'<td class="calc-ref" data-col="Référence">{_h(r.get("reference"))}</td></tr>'
            )
        body.append("<tbody>" + "".join(trs) + "</tbody>")
    foot = (f'<tfoot><tr><th scope="row">Total</th><td></td><td></td>'
            f'<td class="calc-num" data-col="{_h(col.get("montant", "Montant"))}">{_h(euros_cents(total))}</td><td></td></tr></tfoot>'
            if col.get("total", True) else "")
    return (
        f'<details class="calc-detail"><summary>{_h(col.get("resume", "Détail ligne à ligne"))}</summary>'
        f'<div class="calc-table-scroll" tabindex="0" role="region" aria-labelledby="{uid}-lignes-titre">'
        '<table class="calc-lignes calc-lignes--bulletin">'
        f'<caption id="{uid}-lignes-titre">{_h(col.get("titre", ""))}</caption>'
        '<thead><tr><th scope="col">Ligne</th><th scope="col">Base</th>'
        f'<th scope="col">{_h(col.get("taux", "Taux"))}</th><th scope="col">{_h(col.get("montant", "Montant"))}</th>'
        '<th scope="col">Référence</th></tr></thead>'
        + "".join(body) + foot + "</table></div></details>"
    )


def _repartition(result: dict, uid: str) -> str:
    parts = [p for p in (result.get("repartition") or []) if isinstance(p.get("montant"), (int, float))]
    if not parts:
        return ""
    total = sum(p["montant"] for p in parts)
    positive = sum(max(p["montant"], 0.0) for p in parts) or 1.0
    # one row per part: its label on a line, then the bar and the amount
    row_h, bar_h, bar_w, width = 46, 18, 260, 400  # a narrow viewBox keeps the text readable at 320 px
    height = len(parts) * row_h + 4
    rows = []
    desc = []
    for i, p in enumerate(parts):
        m = float(p["montant"])
        share = m / total if total else 0.0
        y = i * row_h
        w = max(m, 0.0) / positive * bar_w
        lib = p.get("libelle", p.get("code", ""))
        text = f"{euros(m)} ({pourcent(share, 1)})"
        desc.append(f"{lib}{NNBSP}: {text}")
        rows.append(
            f'<g class="calc-barre calc-barre--{i % 8}" data-code="{_h(p.get("code"))}">'
            f'<text class="calc-barre-libelle" x="0" y="{y + 14}">{_h(lib)}</text>'
            f'<rect x="0" y="{y + 20}" width="{w:.1f}" height="{bar_h}" rx="3"></rect>'
            f'<text class="calc-barre-montant" x="{w + 6:.1f}" y="{y + 34}">{_h(text)}</text></g>'
        )
    whole = "du chiffre d'affaires" if "chiffre_affaires" in result else "du coût total"
    title = f"Où va chaque euro {whole} ({euros(total)} par mois)"
    return (
        f'<figure class="calc-repartition"><figcaption id="{uid}-rep-titre">{_h(title)}</figcaption>'
        f'<svg class="calc-graphique" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{uid}-rep-titre {uid}-rep-desc" focusable="false" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<desc id="{uid}-rep-desc">{_h(f"{NNBSP}; ".join(desc))}.</desc>'
        + "".join(rows) + "</svg></figure>"
    )


def _alertes(result: dict) -> str:
    al = result.get("alertes") or []
    if not al:
        return ""
    items = []
    for a in al:
        niveau = "attention" if a.get("niveau") == "attention" else "info"
        prefix = f"Attention{NNBSP}: " if niveau == "attention" else f"À savoir{NNBSP}: "
        items.append(
            f'<li class="calc-alerte calc-alerte--{niveau}"><strong>{prefix}</strong>{_h(a.get("message"))}</li>'
        )
    return '<ul class="calc-alertes">' + "".join(items) + "</ul>"


def _liste_depliable(classes: str, titre: str, textes: list) -> str:
    """A folded list under the result (nothing when it is empty)."""
    if not textes:
        return ""
    return (
        f'<details class="{classes}"><summary>{titre}</summary><ul>'
        + "".join(f"<li>{_h(t)}</li>" for t in textes) + "</ul></details>"
    )


def _incertitudes(result: dict) -> str:
    """The rules the result rests on that the guide could not read in a primary text."""
    items = result.get("incertitudes") or []
    return _liste_depliable("calc-hypotheses calc-incertitudes", "Règles incertaines", [i.get("message") for i in items])


def _hypotheses(result: dict) -> str:
    return _liste_depliable("calc-hypotheses", "Hypothèses de calcul", result.get("hypotheses") or [])


_SOURCES_CACHE: dict = {}


def _sources(result: dict) -> str:
    src = result.get("sources") or []
    if not src:
        return ""
    # the parameters used hardly change from one recompute to the next: render them once
    key = tuple((s.get("parametre"), s.get("depuis"), repr(s.get("valeur"))) for s in src)
    if key not in _SOURCES_CACHE:
        if len(_SOURCES_CACHE) > 16:
            _SOURCES_CACHE.clear()
        _SOURCES_CACHE[key] = _render_sources(src)
    return _SOURCES_CACHE[key]


def _render_sources(src: list) -> str:
    items = []
    for s in src:
        lib = _h(s.get("libelle") or s.get("parametre"))
        v = valeur_parametre(s.get("valeur"), s.get("unite", ""))
        ref = _h(s.get("reference"))
        if s.get("url"):
            ref = f'<a href="{_h(s["url"])}">{ref}</a>'
        since = f", depuis le {date_fr(s['depuis'])}" if s.get("depuis") else ""
        extra = f" ({_h(s['source'])})" if s.get("source") else ""
        items.append(f"<li>{lib}{NNBSP}: {_h(v)}{_h(since)}. {ref}{extra}</li>")
    # printed instead of the list: each text once (a simulation fits three pages)
    refs = list(dict.fromkeys(str(s.get("reference")).strip() for s in src if s.get("reference")))
    short = (f'<p class="calc-sources-court"><strong>Sources{NNBSP}:</strong> {_h(" ; ".join(refs))}.</p>'
             if refs else "")
    return (
        '<details class="calc-sources"><summary>Sources et paramètres utilisés</summary><ul>'
        + "".join(items) + "</ul></details>" + short
    )


def _regles_manquantes(result: dict) -> str:
    """Past the last day the parameter files cover: the rules of the following
    year are not in the guide (``result["regles"]``, calculators/core/dates.py),
    said at the top of the result, next to its date."""
    regles = result.get("regles") or {}
    message = regles.get("message")
    if not message:
        return ""
    return (f'<p class="calc-regles-manquantes calc-alerte calc-alerte--attention" role="note">'
            f'<strong>Attention{NNBSP}: </strong>{_h(message)}</p>')


def _pas_rond(span: float, intervalles: int) -> float:
    """A round step (1, 2 or 5 × a power of ten) giving at most ``intervalles`` intervals over ``span``."""
    step = 10.0 ** math.floor(math.log10(span))
    for k in (0.1, 0.2, 0.5, 1, 2, 5, 10):
        if span / (step * k) <= intervalles:
            return step * k
    return step


def rules_year(result: dict) -> str:
    d = result.get("date")
    return str(d)[:4] if d else ""


# --------------------------------------------------------------------------
# Portage offers side by side (calculator ``comparateur_offres``)
# --------------------------------------------------------------------------

_MENTION_OFFRES = {"max": "le plus élevé", "min": "le plus bas"}


def render_comparaison_offres(result: dict, uid: str) -> str:
    """The offers' table (one column per offer, one row per figure; in each row
    the highest figure, or the lowest for fees, in bold with a mention) and the
    checklist of the non-price criteria, a table to fill for each offer.  Empty
    for a result without ``comparaison_offres``."""
    rows = result.get("comparaison_offres")
    offres = result.get("offres") or []
    if not rows or not offres:
        return ""
    marked = result.get("plus_favorable") or {}
    head = "".join(
        f'<th scope="col" data-offre="{_h(o.get("code"))}">{_h(o.get("libelle"))}'
        + (f' <span class="calc-offre-code">(offre {_h(o.get("code"))})</span>' if o.get("nom") else "")
        + "</th>"
        for o in offres
    )
    body = []
    for row in rows:
        code, unite, sens = row.get("code"), row.get("unite", ""), row.get("sens")
        cells = []
        for o in offres:
            v = o.get(code)
            if not unite:
                cells.append(f'<td data-offre="{_h(o.get("code"))}">{_h(v)}</td>')
                continue
            text = _h(valeur_unite(v, unite))
            if sens and o.get("code") in (marked.get(code) or []):
                text = (f"<strong>{text}</strong>"
                        f' <span class="calc-mention">({_h(_MENTION_OFFRES[sens])})</span>')
            cls = "calc-num calc-marque" if "<strong>" in text else "calc-num"
            cells.append(f'<td class="{cls}" data-offre="{_h(o.get("code"))}" data-valeur="{_num_attr(v)}">{text}</td>')
        body.append(f'<tr data-code="{_h(code)}"><th scope="row">{_h(row.get("libelle"))}</th>{"".join(cells)}</tr>')
    table = (
        f'<div class="calc-table-scroll" tabindex="0" role="region" aria-labelledby="{uid}-offres-titre">'
        '<table class="calc-lignes calc-comparaison-offres">'
        f'<caption id="{uid}-offres-titre">Les offres côte à côte, pour la même mission</caption>'
        f'<thead><tr><th scope="col">Chiffre</th>{head}</tr></thead>'
        f'<tbody>{"".join(body)}</tbody></table></div>'
        '<p class="calc-aide">En gras, dans chaque ligne, le chiffre le plus élevé (le plus bas pour les frais)'
        " : un constat ligne par ligne, pas un classement des offres.</p>"
    )
    criteres = result.get("criteres_hors_prix") or []
    if not criteres:
        return table
    todo = "".join(f'<td data-offre="{_h(o.get("code"))}">à vérifier</td>' for o in offres)
    lines = []
    for c in criteres:
        ref = f' <span class="calc-ref">({_h(c["reference"])})</span>' if c.get("reference") else ""
        lines.append(
            f'<tr data-code="{_h(c.get("code"))}"><th scope="row">{_h(c.get("libelle"))}</th>'
            f'<td>{_h(c.get("question"))}{ref}</td>{todo}</tr>'
        )
    checklist = (
        '<p class="calc-aide">Ces critères ne se chiffrent pas mais comptent autant que les frais'
        " : demandez les réponses par écrit à chaque société et notez-les (le tableau s'imprime).</p>"
        f'<div class="calc-table-scroll" tabindex="0" role="region" aria-labelledby="{uid}-criteres-titre">'
        '<table class="calc-lignes calc-criteres">'
        f'<caption id="{uid}-criteres-titre">Critères hors prix à vérifier pour chaque offre</caption>'
        f'<thead><tr><th scope="col">Critère</th><th scope="col">Ce qu\'il faut demander</th>{head}</tr></thead>'
        f'<tbody>{"".join(lines)}</tbody></table></div>'
    )
    return table + checklist


# --------------------------------------------------------------------------
# Statuses side by side (calculator ``comparateur_statuts``)
# --------------------------------------------------------------------------

# dash patterns so that the lines differ without colour too
_DASHES = ("", "8 4", "2 4", "12 4 2 4", "4 4", "1 3", "10 2", "6 3 1 3")


def _courbes_svg(result: dict, uid: str) -> str:
    """A line chart of the net after tax against the TJM, one line per status."""
    c = result.get("courbes") or {}
    xs = c.get("tjm") or []
    statuts = [s for s in (result.get("statuts") or []) if s.get("code") in (c.get("series") or {})]
    if len(xs) < 2 or not statuts:
        return ""
    series = c["series"]
    ys = [y for s in statuts for y in series[s["code"]] if isinstance(y, (int, float))]
    if not ys:
        return ""
    # a narrow viewBox keeps the axis labels readable on a 320 px screen
    width, height = 480, 330
    left, right, top, bottom = 76, 12, 12, 52
    x0, x1 = min(xs), max(xs)
    ymax, ymin = max(max(ys), 0.0), min(min(ys), 0.0)
    span = (ymax - ymin) or 1.0
    step = _pas_rond(span, 8)
    ybas = math.floor(ymin / step) * step
    ytop = math.ceil(ymax / step) * step
    if ytop <= ybas:
        ytop = ybas + step
    pw, ph = width - left - right, height - top - bottom

    def X(x):
        return left + (x - x0) / (x1 - x0) * pw

    def Y(y):
        return top + ph - (y - ybas) / (ytop - ybas) * ph

    parts = []
    # grid and y ticks
    v = ybas
    while v <= ytop + 1e-9:
        yy = Y(v)
        parts.append(f'<line class="calc-grille" x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}"></line>'
                     f'<text class="calc-axe" x="{left - 6}" y="{yy + 5:.1f}" text-anchor="end">{_h(euros(v))}</text>')
        v += step
    # x ticks: every chart point that is a multiple of 100, at most 8 labels
    ticks = [x for x in xs if float(x).is_integer() and int(x) % 100 == 0]
    every = max(1, math.ceil(len(ticks) / 6))
    for i, x in enumerate(ticks):
        if i % every:
            continue
        parts.append(f'<text class="calc-axe" x="{X(x):.1f}" y="{height - bottom + 20}" text-anchor="middle">'
                     f'{_h(nombre(x, 0))}</text>')
    parts.append(f'<text class="calc-axe" x="{left + pw / 2:.1f}" y="{height - 8}" text-anchor="middle">'
                 f'TJM (€ par jour)</text>')
    mission = c.get("tjm_mission")
    if isinstance(mission, (int, float)) and x0 <= mission <= x1:
        parts.append(f'<line class="calc-repere" x1="{X(mission):.1f}" x2="{X(mission):.1f}" y1="{top}" '
                     f'y2="{top + ph}"></line>')
    # one polyline per continuous run of points
    for i, s in enumerate(statuts):
        pts = series[s["code"]]
        runs, cur = [], []
        for x, y in zip(xs, pts):
            if isinstance(y, (int, float)):
                cur.append(f"{X(x):.1f},{Y(y):.1f}")
            elif cur:
                runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        dash = _DASHES[i % len(_DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        lines = "".join(
            (f'<polyline points="{" ".join(r)}" fill="none"{dash_attr}></polyline>' if len(r) > 1
             else f'<circle cx="{r[0].split(",")[0]}" cy="{r[0].split(",")[1]}" r="3"></circle>')
            for r in runs)
        parts.append(f'<g class="calc-courbe calc-courbe--{i % 8}" data-code="{_h(s["code"])}">{lines}</g>')
    # text alternative: each line's net at the ends of its range, then the crossings
    desc = []
    for s in statuts:
        pts = [(x, y) for x, y in zip(xs, series[s["code"]]) if isinstance(y, (int, float))]
        if pts:
            desc.append(f"{s['libelle']}{NNBSP}: {euros(pts[0][1])} par mois à {nombre(pts[0][0], 0)}{NBSP}€ par jour, "
                        f"{euros(pts[-1][1])} à {nombre(pts[-1][0], 0)}{NBSP}€")
    for cr in result.get("croisements") or []:
        desc.append(cr.get("message", "").rstrip("."))
    legend = "".join(
        f'<li class="calc-legende-item calc-courbe--{i % 8}" data-code="{_h(s["code"])}">'
        f'<svg class="calc-legende-trait" viewBox="0 0 40 10" aria-hidden="true" focusable="false">'
        f'<line x1="0" x2="40" y1="5" y2="5"'
        + (f' stroke-dasharray="{_DASHES[i % len(_DASHES)]}"' if _DASHES[i % len(_DASHES)] else "")
        + f'></line></svg>{_h(s["libelle"])}</li>'
        for i, s in enumerate(statuts))
    title = "Net après impôt par mois selon le TJM, pour chaque statut"
    svg = (
        f'<figure class="calc-repartition calc-courbes"><figcaption id="{uid}-courbes-titre">{_h(title)}</figcaption>'
        f'<svg class="calc-graphique calc-graphique--courbes" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{uid}-courbes-titre {uid}-courbes-desc" focusable="false" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<desc id="{uid}-courbes-desc">{_h(f"{NNBSP}; ".join(desc))}.</desc>'
        + "".join(parts) + "</svg>"
        f'<ul class="calc-legende">{legend}</ul>'
    )
    crois = result.get("croisements") or []
    if crois:
        svg += ('<p class="calc-aide">Où les lignes se croisent' + NNBSP + ":</p><ul class=\"calc-croisements\">"
                + "".join(f"<li>{_h(cr.get('message'))}</li>" for cr in crois) + "</ul>")
    else:
        svg += '<p class="calc-aide">Aucune ligne ne croise une autre entre ces TJM.</p>'
    # the chart's values as a table
    head = "".join(f'<th scope="col">{_h(s["libelle"])}</th>' for s in statuts)
    rows = []
    for k, x in enumerate(xs):
        cells = "".join(f'<td class="calc-num" data-col="{_h(s["libelle"])}">{_h(valeur_unite(series[s["code"]][k], "€"))}</td>'
                        for s in statuts)
        rows.append(f'<tr><th scope="row">TJM {_h(nombre(x, 2))}{NBSP}€</th>{cells}</tr>')
    svg += (
        '<details class="calc-detail"><summary>Les valeurs du graphique</summary>'
        f'<div class="calc-table-scroll" tabindex="0" role="region" aria-labelledby="{uid}-courbes-table">'
        '<table class="calc-lignes calc-lignes--bulletin calc-courbes-valeurs">'
        f'<caption id="{uid}-courbes-table">Net après impôt par mois selon le TJM</caption>'
        f'<thead><tr><th scope="col">TJM</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></details>'
        "</figure>"
    )
    return svg


def render_comparaison_statuts(result: dict, uid: str) -> str:
    """The statuses side by side (one column per status, figures then the social
    protection as text, all visible) and the chart of the net against the TJM.
    Empty for a result without ``comparaison_statuts``."""
    rows = result.get("comparaison_statuts")
    statuts = result.get("statuts") or []
    if not rows or not statuts:
        return ""
    head = "".join(f'<th scope="col" data-statut="{_h(s.get("code"))}">{_h(s.get("libelle"))}</th>' for s in statuts)
    body = []
    for row in rows:
        code, unite = row.get("code"), row.get("unite", "")
        cells = []
        for s in statuts:
            if "erreur" in s:
                cells.append(f'<td data-statut="{_h(s.get("code"))}">{_h(s["erreur"]) if code == "net_avant_impot" else "—"}</td>')
                continue
            v = s.get(code)
            if not unite:
                cells.append(f'<td class="calc-texte" data-statut="{_h(s.get("code"))}">{_h(v if v is not None else "—")}</td>')
            elif v is None and row.get("sans_objet") and code in s:
                cells.append(f'<td class="calc-texte" data-statut="{_h(s.get("code"))}">{_h(row["sans_objet"])}</td>')
            else:
                cells.append(f'<td class="calc-num" data-statut="{_h(s.get("code"))}" data-valeur="{_num_attr(v)}">'
                             f'{_h(valeur_unite(v, unite))}</td>')
        body.append(f'<tr data-code="{_h(code)}"><th scope="row">{_h(row.get("libelle"))}</th>{"".join(cells)}</tr>')
        if row.get("phrase"):
            # what the row means, under it, across the columns
            body.append(f'<tr class="calc-ligne-phrase" data-phrase="{_h(code)}">'
                        f'<td colspan="{len(statuts) + 1}">{_h(row["phrase"])}</td></tr>')
    table = (
        f'<div class="calc-table-scroll" tabindex="0" role="region" aria-labelledby="{uid}-statuts-titre">'
        '<table class="calc-lignes calc-comparaison-statuts">'
        f'<caption id="{uid}-statuts-titre">Les statuts côte à côte, pour la même mission (montants par mois)</caption>'
        f'<thead><tr><th scope="col">Chiffre</th>{head}</tr></thead>'
        f'<tbody>{"".join(body)}</tbody></table></div>'
    )
    return table + _cartes_statuts(rows, statuts, uid) + _courbes_svg(result, uid)


def _cartes_statuts(rows, statuts, uid: str) -> str:
    """The same figures as the table, one card per status, for a phone (the CSS
    shows the cards or the table, never both: one is out of the accessibility tree)."""
    cards = []
    for i, s in enumerate(statuts):
        items = []
        for row in rows:
            code, unite = row.get("code"), row.get("unite", "")
            if "erreur" in s:
                if code != "net_avant_impot":
                    continue
                shown = s["erreur"]
            else:
                v = s.get(code)
                shown = ((v if v is not None else "—") if not unite
                         else row["sans_objet"] if v is None and row.get("sans_objet") and code in s else valeur_unite(v, unite))
            phrase = (f'<p class="calc-ligne-phrase">{_h(row["phrase"])}</p>'
                      if row.get("phrase") and "erreur" not in s else "")
            items.append(f'<div class="calc-carte-ligne" data-code="{_h(code)}"><dt>{_h(row.get("libelle"))}</dt>'
                         f'<dd>{_h(shown)}{phrase}</dd></div>')
        title = f"{uid}-carte-{i}"
        cards.append(
            f'<section class="calc-statut-carte" data-carte-statut="{_h(s.get("code"))}" aria-labelledby="{title}">'
            f'<p class="calc-statut-nom" id="{title}">{_h(s.get("libelle"))}</p><dl>{"".join(items)}</dl></section>'
        )
    return ('<div class="calc-statuts-cartes">'
            '<p class="calc-statuts-cartes-titre">Les statuts l’un après l’autre, pour la même mission (montants par mois)</p>'
            + "".join(cards) + "</div>")


def render_result(name: str, result: dict, uid: str = "calc") -> str:
    """The HTML of one result: date of the rules, key figures, alerts, the
    chart of where each euro goes, the payslip-like breakdown, hypotheses
    and sources.  ``uid`` prefixes the ids (several calculators on a page)."""
    d = result.get("date")
    when = (
        f'<p class="calc-date">Règles en vigueur au {_h(date_fr(d))} (règles {_h(rules_year(result))}).</p>'
        if d else ""
    )
    return (
        f'<div class="calc-resultat" data-calculateur="{_h(name)}" data-date="{_h(d or "")}">'
        + when + _regles_manquantes(result) + _chiffres(result) + _sans_objet(result) + render_comparaison_offres(result, uid)
        + render_comparaison_statuts(result, uid) + render_barres_mois(result, uid) + _alertes(result) + _repartition(result, uid)
        + _lignes(result, uid) + _hypotheses(result) + _incertitudes(result) + _sources(result) + "</div>"
    )


def render_errors(errors: dict) -> str:
    """Errors that concern no single field, as a list."""
    return (
        '<ul class="calc-erreurs-generales">'
        + "".join(f"<li>{_h(m)}</li>" for m in errors.values()) + "</ul>"
    )


# --------------------------------------------------------------------------
# The form
# --------------------------------------------------------------------------

def _input_value(f, v) -> str:
    if v is None:
        return ""
    if f.kind == "date" and isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, float):
        return repr(round(v, 6))
    return str(v)


def _scaled(x, scale: int):
    """``x`` times ``scale``, without binary noise (0.07 * 100 -> 7.0, not 7.000000000000001)."""
    return float(round(x * scale, 9)) if scale != 1 else x


def _field(f, value, uid: str, driving: bool) -> str:
    fid = f"{uid}-{f.name}"
    help_id = f"{fid}-aide"
    err_id = f"{fid}-erreur"
    described = help_id if f.help else ""
    # A rate is a fraction for the engine (0.08) but a percentage for a reader
    # (8 %): the form shows and takes percentages, the script divides by 100.
    percent = f.unit == "taux"
    unit_text = "%" if percent else f.unit
    unit = f' <span class="calc-unite">({_h(unit_text)})</span>' if f.unit else ""
    attrs = [f'id="{fid}"', f'name="{_h(f.name)}"']
    if described:
        attrs.append(f'aria-describedby="{described}"')
    if f.output:
        attrs.append('data-sortie=""')
        if driving:
            attrs.append('data-pilote=""')
    if percent:
        attrs.append('data-echelle="100"')
    if f.kind in ("number", "integer"):
        # a text field: the visitor types « 7,5 », « 3 500,50 € » or « 12 % » as
        # a French reader writes them, and the one parser (core/schema.py) reads
        # the string as typed, or says why not beside the field (a number field
        # of the browser would read « 7,5 » as 75 or drop it); the bounds are the
        # schema's, checked there
        attrs.append('type="text"')
        attrs.append('inputmode="decimal"' if f.kind == "number" or (f.minimum is not None and f.minimum < 0)
                     else 'inputmode="numeric"')
        attrs.append('autocomplete="off"')
        attrs.append('spellcheck="false"')
        scale = 100 if percent else 1
        shown = _scaled(value, scale) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
        attrs.append(f'value="{_h(_input_value(f, shown))}"')
        control = f'<input {" ".join(attrs)}>'
    elif f.kind == "date":
        attrs.append('type="date"')
        if f.minimum is not None:
            attrs.append(f'min="{f.minimum.isoformat()}"')
        if f.maximum is not None:
            attrs.append(f'max="{f.maximum.isoformat()}"')
        attrs.append(f'value="{_h(_input_value(f, value))}"')
        control = f'<input {" ".join(attrs)}>'
    elif f.kind == "text":
        attrs.append('type="text"')
        attrs.append(f'maxlength="{_text_max_length(f)}"')
        attrs.append('autocomplete="off"')
        # the visitor's own text, escaped as typed (no typography: the value round-trips)
        attrs.append(f'value="{escape(_input_value(f, value), quote=True)}"')
        control = f'<input {" ".join(attrs)}>'
    elif f.kind == "boolean":
        attrs.append('type="checkbox"')
        attrs.append('value="true"')
        if value:
            attrs.append("checked")
        control = f'<input {" ".join(attrs)}>'
    else:  # choice
        opts = []
        for v, label in f.choices:
            sel = " selected" if value is not None and str(v) == str(value) else ""
            opts.append(f'<option value="{_h(v)}"{sel}>{_h(label)}</option>')
        control = f'<select {" ".join(attrs)}>' + "".join(opts) + "</select>"
    label = f'<label for="{fid}">{_h(f.label)}{unit}</label>'
    help_ = f'<p class="calc-aide" id="{help_id}">{_h(f.help)}</p>' if f.help else ""
    if f.output:
        help_ += (
            '<p class="calc-aide calc-inversion">Ce montant est aussi un résultat : '
            "saisissez celui que vous visez, les autres valeurs s'ajustent.</p>"
        )
    err = f'<p class="calc-erreur" id="{err_id}" hidden></p>'
    kind_cls = f" calc-champ--{f.kind}" + (" calc-champ--sortie" if f.output else "")
    # the error right under the control, where the eye is, before the help
    if f.kind == "boolean":
        inner = f'<div class="calc-case">{control}{label}</div>{err}{help_}'
    else:
        inner = f"{label}{control}{err}{help_}"
    return f'<div class="calc-champ{kind_cls}" data-champ="{_h(f.name)}">{inner}</div>'


def _fields_block(fields, values, uid, driving) -> str:
    """Fields grouped under their ``group`` heading (a fieldset), the groups in
    order of first appearance, the fields in schema order within a group."""
    order: list = []
    groups: dict = {}
    for f in fields:
        g = f.group or ""
        if g not in groups:
            groups[g] = []
            order.append(g)
        groups[g].append(_field(f, values.get(f.name), uid, f.name == driving))
    out = []
    for g in order:
        if g:
            out.append(f'<fieldset class="calc-groupe-champs"><legend>{_h(g)}</legend>{"".join(groups[g])}</fieldset>')
        else:
            out.extend(groups[g])
    return "".join(out)


def driving_field(fields, presets: dict):
    """The output field that drives the calculation: the one given in the
    presets, else the first with a default (``None`` if there are none)."""
    outs = [f for f in fields if f.output]
    for f in outs:
        if presets.get(f.name) not in (None, ""):
            return f.name
    for f in outs:
        if f.default_value() is not None:
            return f.name
    return None


def render_form(name: str, fields, values: dict, uid: str, driving: str | None = None,
                visible: list | None = None, summary: str | None = None) -> str:
    """The fields of a calculator: essential ones first, the advanced ones in
    a disclosure.  ``values`` are shown as the fields' values.  With ``visible``
    (the ``afficher:`` line of a block), only those fields first, every other one
    in the disclosure, titled ``summary`` (« Tous les paramètres » by default)."""
    if visible:
        essential = [f for f in fields if f.name in visible]
        advanced = [f for f in fields if f.name not in visible]
        summary = summary or "Tous les paramètres"
    else:
        essential = [f for f in fields if not f.advanced]
        advanced = [f for f in fields if f.advanced]
        summary = "Paramètres avancés"
    html = _fields_block(essential, values, uid, driving)
    if advanced:
        html += (
            f'<details class="calc-avance"><summary>{summary}</summary>'
            + _fields_block(advanced, values, uid, driving) + "</details>"
        )
    return html


def top_level_numbers(result: dict) -> dict:
    """The result's top-level figures (what an output field may show)."""
    return {
        k: v for k, v in result.items()
        if isinstance(v, (int, float)) and not isinstance(v, bool)
    }


__all__ = [
    "nombre", "euros", "euros_cents", "pourcent", "date_fr", "valeur_unite",
    "render_result", "render_form", "render_errors", "driving_field", "top_level_numbers",
]


# --------------------------------------------------------------------------
# Month by month (calculator ``annee``): one bar chart per series, same scale
# --------------------------------------------------------------------------

def render_barres_mois(result: dict, uid: str) -> str:
    """Monthly bars, one small chart per series on the same scale (readable
    without colour, on a phone, without JavaScript), each with its text
    alternative, an optional reference line (``repere``: a monthly budget), the
    values as a table, then the detailed tables.  Reads ``graphique_mois``:
    {titre, unite, mois: [short labels], mois_longs, series: [{code, libelle,
    valeurs}], repere, repere_libelle, tableaux: [{code, titre, colonnes:
    [{code, libelle, unite}], lignes: [{libelle, ...}], total: {...}}]} and the
    result's ``lecture`` (sentences).  Empty without ``graphique_mois``."""
    g = result.get("graphique_mois") or {}
    series = [s for s in g.get("series") or [] if s.get("valeurs")]
    mois = g.get("mois") or []
    if not series or not mois:
        return ""
    longs = g.get("mois_longs") or mois
    repere = g.get("repere") if isinstance(g.get("repere"), (int, float)) and g.get("repere") else None
    vals = [v for s in series for v in s["valeurs"] if isinstance(v, (int, float))] + ([repere] if repere else [])
    vmax, vmin = max(max(vals), 0.0), min(min(vals), 0.0)
    span = (vmax - vmin) or 1.0
    step = _pas_rond(span, 4)
    bas, haut = math.floor(vmin / step) * step, math.ceil(vmax / step) * step
    if haut <= bas:
        haut = bas + step
    width, height = 480, 190
    left, right, top, bottom = 76, 8, 10, 30
    pw, ph = width - left - right, height - top - bottom
    n = len(mois)
    slot = pw / n
    bar = slot * 2 / 3  # a bar takes two thirds of its month

    def Y(v):
        return top + ph - (v - bas) / (haut - bas) * ph

    lecture = result.get("lecture") or []
    html = '<div class="calc-annee">'
    if lecture:
        html += '<div class="calc-lecture">' + "".join(f"<p>{_h(t)}</p>" for t in lecture) + "</div>"
    titre = g.get("titre") or ""
    html += f'<figure class="calc-repartition calc-mois"><figcaption id="{uid}-mois-titre">{_h(titre)}</figcaption>'
    for i, s in enumerate(series):
        sid = f"{uid}-mois-{i}"
        parts = []
        v = bas
        while v <= haut + 1e-9:
            yy = Y(v)
            parts.append(f'<line class="calc-grille" x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}">'
                         f'</line><text class="calc-axe" x="{left - 6}" y="{yy + 5:.1f}" text-anchor="end">'
                         f'{_h(euros(v))}</text>')
            v += step
        zero = Y(0.0)
        bars = []
        for k, val in enumerate(s["valeurs"]):
            x = left + k * slot + (slot - bar) / 2
            if isinstance(val, (int, float)) and val:
                y0, y1 = sorted((Y(val), zero))
                bars.append(f'<rect x="{x:.1f}" y="{y0:.1f}" width="{bar:.1f}" height="{max(y1 - y0, 0.5):.1f}">'
                            f'<title>{_h(longs[k])} : {_h(euros(val))}</title></rect>')
            if k % 2 == 0 or n <= 6:
                parts.append(f'<text class="calc-axe" x="{left + k * slot + slot / 2:.1f}" y="{height - 8}" '
                             f'text-anchor="middle">{_h(mois[k])}</text>')
        parts.append(f'<g class="calc-barre calc-barre--{i % 8}" data-code="{_h(s.get("code"))}">{"".join(bars)}</g>')
        parts.append(f'<line class="calc-grille" x1="{left}" x2="{width - right}" y1="{zero:.1f}" y2="{zero:.1f}">'
                     '</line>')
        if repere:
            parts.append(f'<line class="calc-repere" x1="{left}" x2="{width - right}" y1="{Y(repere):.1f}" '
                         f'y2="{Y(repere):.1f}"></line>')
        desc = f"{s['libelle']}{NNBSP}: " + ", ".join(
            f"{longs[k]} {euros(v)}" for k, v in enumerate(s["valeurs"]) if isinstance(v, (int, float)))
        if repere:
            desc += f" ; {g.get('repere_libelle') or 'repère'} {euros(repere)} par mois (ligne pointillée)"
        html += (
            f'<p class="calc-mois-serie" id="{sid}-titre"><strong>{_h(s["libelle"])}</strong></p>'
            f'<svg class="calc-graphique calc-graphique--mois" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{sid}-titre {sid}-desc" focusable="false" preserveAspectRatio="xMinYMin meet" '
            f'data-code="{_h(s.get("code"))}"><desc id="{sid}-desc">{_h(desc)}.</desc>' + "".join(parts) + "</svg>"
        )
    unite = g.get("unite") or "€"
    head = "".join(f'<th scope="col">{_h(s["libelle"])}</th>' for s in series)
    rows = "".join(
        f'<tr><th scope="row">{_h(longs[k])}</th>'
        + "".join(f'<td class="calc-num" data-valeur="{_num_attr(s["valeurs"][k])}">'
                  f'{_h(valeur_unite(s["valeurs"][k], unite))}</td>' for s in series) + "</tr>"
        for k in range(n))
    html += (
        '<details class="calc-detail"><summary>Les valeurs du graphique</summary>'
        f'<div class="calc-table-scroll" tabindex="0" role="region" aria-labelledby="{uid}-mois-table">'
        f'<table class="calc-lignes calc-mois-valeurs"><caption id="{uid}-mois-table">{_h(titre)}</caption>'
        f'<thead><tr><th scope="col">Mois</th>{head}</tr></thead><tbody>{rows}</tbody></table></div></details>'
        "</figure>"
    )
    for j, t in enumerate(g.get("tableaux") or []):
        cols = t.get("colonnes") or []
        tid = f"{uid}-mois-detail-{j}"
        head = "".join(f'<th scope="col">{_h(c.get("libelle"))}</th>' for c in cols)
        body = []
        for ln in t.get("lignes") or []:
            cells = []
            for c in cols:
                v, u = ln.get(c.get("code")), c.get("unite") or ""
                if u:
                    cells.append(f'<td class="calc-num" data-code="{_h(c.get("code"))}" data-valeur="{_num_attr(v)}">'
                                 f'{_h(valeur_unite(v, u) if u != "jours" else nombre(v))}</td>')
                else:
                    cells.append(f'<td class="calc-texte">{_h(v)}</td>')
            body.append(f'<tr><th scope="row">{_h(ln.get("libelle"))}</th>{"".join(cells)}</tr>')
        tot = t.get("total") or {}
        foot = ""
        if tot:
            foot = ('<tfoot><tr><th scope="row">Année</th>' + "".join(
                f'<td class="calc-num">{_h(valeur_unite(tot[c["code"]], c.get("unite") or ""))}</td>'
                if c.get("code") in tot and tot[c["code"]] is not None else "<td></td>" for c in cols) + "</tr></tfoot>")
        html += (
            f'<details class="calc-detail" data-code="{_h(t.get("code"))}"><summary>{_h(t.get("titre"))}</summary>'
            f'<div class="calc-table-scroll" tabindex="0" role="region" aria-labelledby="{tid}">'
            f'<table class="calc-lignes"><caption id="{tid}">{_h(t.get("titre"))}</caption>'
            f'<thead><tr><th scope="col">Mois</th>{head}</tr></thead><tbody>{"".join(body)}</tbody>{foot}</table>'
            "</div></details>"
        )
    return html + "</div>"
