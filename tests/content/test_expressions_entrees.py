"""Every computed figure of the guide states the inputs it was computed with.

A prose figure is an expression ``{{ … }}`` of a Markdown source.  Each one is
evaluated again here (with the plugin's own sandbox, as the build does), and
every number the editor passed explicitly to a calculator must be readable,
in French format, in the *unit of text* that quotes the figure:

- **the sentence**: the text of a paragraph, list item or heading (hard-wrapped
  lines joined, links reduced to their text, expressions replaced by what they
  print), cut after « . », « ! », « ? » or « … » followed by a space and a
  capital, a digit, « « » or a figure — not after an abbreviation such as
  « art. » or « cf. »;
- for a **list item**, its sentence and the *lead* of its list: the last
  sentence before the list (the paragraph just above, or the parent item for
  a nested list) when that sentence ends with « : » — the lead and the item
  read as one sentence;
- for a **table cell**, its row, the header row and the table's *caption*: the
  last sentence of the paragraph just above the table.

What counts as an explicit numeric input: a number written as a keyword
argument of a calculator call (``salarie(salaire_brut=5000)``), or each number
written in an arithmetic argument (``chiffre_affaires=400 * 17 * 12``: 400 and
17), except the factor 12 that turns a month into a year.  Its French formats:
« 5 000 » (any space as the thousands separator, decimal comma, no trailing
zero), a year as « 2025 », a fraction below 1 also as a percentage (« 8 % »),
0 also as « sans » / « aucun » / « aucune » / « zéro », a whole number from 2 to 16 also in
words (« huit », as ``| lettres`` prints it) and 1 as « un » / « une » before a counted noun.
A date passed to a calculator or to ``param(…, date=…)``, and the year of ``calendrier(2026)``,
must have its year in the unit.

Two more rules:

- a headcount stated in the paragraph (« 20 salariés ») must be the ``effectif``
  every salaried or portage calculation of that paragraph runs with (given or
  default): the paragraph that said « 20 salariés » over a firm of 4 fails;
- a ``salarie(…)`` figure of the employer's side (``cout_employeur``,
  ``cotisations_patronales``…) names its ``effectif``: the calculator's default
  headcount is arbitrary and changes several employer rates (FNAL, formation,
  Tdelta of the RGDU); the employee's side does not depend on it.

The default simulation date is not repeated sentence by sentence: it is the
year shown under each article's title (``Regles``).  An expression may be
exempted only through ``EXEMPTES`` below, with its reason.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass, field

import pytest
from _contenu import CONTENT, lire

import calculators
from calculators.core.schema import validate

sys.path.insert(0, str(CONTENT.parent / "plugins"))
from calculateurs.expressions import evaluate  # noqa: E402

# (file relative to content/, exact expression text between the braces) -> reason
EXEMPTES: dict[tuple[str, str], str] = {
    ("portage-salarial/du-tjm-au-salaire-net.md",
     'salarie(salaire_brut=1000, temps_travail="forfait_jours", jours_forfait=84).smic | euros_cents'):
        "the SMIC for the working time does not depend on the salary; salarie needs one to run",
    ("portage-salarial/du-tjm-au-salaire-net.md", "salarie(salaire_brut=1000).smic | euros_cents"):
        "the full-time SMIC does not depend on the salary; salarie needs one to run",
}

CALCULATEURS = set(calculators.names())
EXPRESSION = re.compile(r"\{\{(.*?)\}\}")
LIEN = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
ABREVIATIONS = {"art", "cf", "ex", "p", "n°", "M", "env", "al", "av", "hab", "min", "max", "chap", "vol"}
FIN_PHRASE = re.compile(r"([.!?…])\s+(?=[A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ«(\d\x00])")
LISTE = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")
ADMONITION = re.compile(r'^!!!\s+\w+(?:\s+"([^"]*)")?\s*$')
EFFECTIF = re.compile(r"(?<![\d,])(\d+)\s+salariés?\b")
CALCULS_A_EFFECTIF = {"salarie", "portage"}
EFFECTIF_OBLIGATOIRE = {"salarie"}
COTE_EMPLOYEUR = re.compile(r"\.(?:annuel\.|mensuel\.)?(?:cout_employeur\w*|\w*patronal\w*|reduction\w*|rgdu\w*)\b")


@dataclass
class Unite:
    """A unit of text and the expressions it quotes."""
    fichier: str
    ligne: int
    texte: str            # raw Markdown of the unit (sentence [+ lead / header / caption])
    paragraphe: str       # raw Markdown of the whole paragraph, list or table
    expressions: list = field(default_factory=list)


def _masque(texte: str) -> tuple[str, list[str]]:
    exprs: list[str] = []

    def sub(m):
        exprs.append(m.group(0))
        return f"\x00{len(exprs) - 1}\x00"
    return EXPRESSION.sub(sub, texte), exprs


def _demasque(texte: str, exprs: list[str]) -> str:
    return re.sub(r"\x00(\d+)\x00", lambda m: exprs[int(m.group(1))], texte)


def phrases(texte: str) -> list[str]:
    """The sentences of a paragraph (Markdown kept, expressions kept whole)."""
    masque, exprs = _masque(texte)
    out, debut = [], 0
    for m in FIN_PHRASE.finditer(masque):
        avant = masque[debut:m.start()]
        mot = re.search(r"(\S+)$", avant)
        if m.group(1) == "." and mot and re.split(r"['’]", mot.group(1))[-1].strip("([«") in ABREVIATIONS:
            continue
        out.append(masque[debut:m.end(1)])
        debut = m.end()
    out.append(masque[debut:])
    return [_demasque(p, exprs).strip() for p in out if p.strip()]


def _dernier_phrase(texte: str) -> str:
    ph = phrases(texte)
    return ph[-1] if ph else ""


def _blocs(body: str, start: int):
    """(first line number, lines) of each block of non-blank lines, outside fenced
    code and calculator blocks (their preset lines are no prose)."""
    dans_code = dans_calcul = False
    bloc: list[str] = []
    debut = 0
    for n, ligne in enumerate(body.splitlines(), start=start):
        fence = re.match(r"^\s*(```|~~~)", ligne)
        if fence:
            dans_code = not dans_code
        if not dans_code and not fence and re.match(r"^:::\s*calculateur", ligne):
            dans_calcul = True
        if fence or dans_code or dans_calcul or not ligne.strip():
            if bloc:
                yield debut, bloc
            bloc = []
            if dans_calcul and ligne.strip() == ":::":
                dans_calcul = False
            continue
        if not bloc:
            debut = n
        bloc.append(ligne)
    if bloc:
        yield debut, bloc


def unites(fichier: str, body: str, start: int) -> list[Unite]:
    out: list[Unite] = []
    precedent = ""  # raw text of the previous paragraph or item (for leads and captions)
    for debut, bloc in _blocs(body, start):
        paragraphe = "\n".join(bloc)
        if bloc[0].lstrip().startswith("|"):
            entete = bloc[0]
            legende = _dernier_phrase(precedent)
            for k, ligne in enumerate(bloc):
                if k == 1 and re.match(r"^\s*\|[\s:|-]+\|?\s*$", ligne):
                    continue
                if EXPRESSION.search(ligne):
                    texte = "\n".join(x for x in (legende, entete, ligne if k else "") if x)
                    out.append(Unite(fichier, debut + k, texte, paragraphe, EXPRESSION.findall(ligne)))
            precedent = paragraphe
            continue
        # items: paragraph text, list items (with their indentation), headings
        items: list[list] = []  # [line, indent or None for prose, text, open]
        for k, ligne in enumerate(bloc):
            m = LISTE.match(ligne)
            adm = ADMONITION.match(ligne)
            if ligne.startswith("#") or adm:
                titre = (adm.group(1) or "") if adm else ligne.lstrip("#").strip()
                items.append([debut + k, None, titre, False])  # a heading is a unit of its own
            elif m:
                items.append([debut + k, len(m.group(1)), m.group(2), True])
            elif items and items[-1][3]:
                items[-1][2] = (items[-1][2] + " " + ligne.strip()).strip()
            else:
                items.append([debut + k, None, ligne.strip(), True])
        items = [it for it in items if it[2]]
        chefs: list[tuple[int, str]] = []  # (indent, text) of the enclosing leads
        for line0, indent, texte, _ouvert in items:
            if indent is None:
                lead = ""
                chefs = []
            else:
                while chefs and chefs[-1][0] >= indent:
                    chefs.pop()
                source = chefs[-1][1] if chefs else precedent
                derniere = _dernier_phrase(source)
                lead = derniere if derniere.rstrip().endswith(":") else ""
            for ph in phrases(texte):
                exprs = EXPRESSION.findall(ph)
                if exprs:
                    out.append(Unite(fichier, line0, "\n".join(x for x in (lead, ph) if x), paragraphe, exprs))
            if indent is None:
                precedent = texte
            else:
                chefs.append((indent, texte))
        if items and items[-1][1] is None:
            precedent = items[-1][2]
        elif items:
            precedent = ""
    return out


# ---- inputs of an expression ----------------------------------------------------

@dataclass
class Appel:
    calculateur: str
    explicites: dict           # name -> value as written (number, str, bool)
    nombres: list              # (input name, number that must appear)
    annees: list               # (input name, year that must appear)
    valeurs: dict | None       # validated inputs, defaults included (None: not a literal call)


def _litteraux(node) -> list[float] | None:
    """Numbers written in an arithmetic argument, or None if it is not arithmetic on numbers."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return [node.value]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _litteraux(node.operand)
        return None if inner is None else [-v for v in inner]
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
        a, b = _litteraux(node.left), _litteraux(node.right)
        if a is None or b is None:
            return None
        if isinstance(node.op, ast.Mult):
            a = [v for v in a if v != 12] if b else a
            b = [v for v in b if v != 12]
        return a + b
    return None


def _constante(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        if isinstance(node, ast.Name) and node.id in ("true", "false", "True", "False"):
            return node.id.lower() == "true"
        return None


def appels(expression: str) -> list[Appel]:
    out = []
    for node in ast.walk(ast.parse(expression.strip(), mode="eval")):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        nom = node.func.id
        if nom == "calendrier":  # calendrier(2026): the year is said
            annees = []
            for arg in list(node.args) + [kw.value for kw in node.keywords if kw.arg == "annee"]:
                v = _constante(arg)
                if isinstance(v, int) and not isinstance(v, bool):
                    annees.append(("annee", str(v)))
            out.append(Appel("calendrier", {}, [], annees, None))
            continue
        if nom == "param":
            annees = []
            for kw in node.keywords:
                v = _constante(kw.value)
                if kw.arg == "date" and isinstance(v, str):
                    annees.append(("date", v[:4]))
            out.append(Appel("param", {}, [], annees, None))
            continue
        if nom not in CALCULATEURS:
            continue
        explicites, nombres, annees, literal = {}, [], [], True
        for kw in node.keywords:
            v = _constante(kw.value)
            if v is None:
                lits = _litteraux(kw.value)
                if lits is None:
                    literal = False   # an input computed by another call: that call is checked
                    continue
                nombres += [(kw.arg, x) for x in lits]
                explicites[kw.arg] = eval(compile(ast.Expression(kw.value), "<arg>", "eval"))  # noqa: S307
                continue
            explicites[kw.arg] = v
            if isinstance(v, bool):
                continue
            if isinstance(v, (int, float)):
                nombres.append((kw.arg, v))
            elif isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", v):
                annees.append((kw.arg, v[:4]))
        valeurs = None
        if literal:
            valeurs, erreurs = validate(calculators.get(nom).FIELDS, dict(explicites))
            assert not erreurs, (expression, erreurs)
        out.append(Appel(nom, explicites, nombres, annees, valeurs))
    return out


# ---- French formats -----------------------------------------------------------------

def _groupe(entier: str) -> str:
    parts = []
    while len(entier) > 3:
        parts.insert(0, entier[-3:])
        entier = entier[:-3]
    parts.insert(0, entier)
    return " ".join(parts)


def _fr(x: float, decimales: int = 2) -> str:
    s = f"{abs(x):.{decimales}f}"
    ent, _, dec = s.partition(".")
    dec = dec.rstrip("0")
    return ("-" if x < 0 else "") + _groupe(ent) + ("," + dec if dec else "")


def formats(x: float) -> list[str]:
    """Regular expressions, on text with every space made ' ', that read ``x``."""
    out = []
    for d in (0, 1, 2, 3):
        if abs(round(x, d) - x) < 1e-9:
            out.append(_fr(x, d))
            break
    if float(x).is_integer() and 1900 <= x <= 2100:
        out.append(str(int(x)))
    pats = [rf"(?<![\d,]){re.escape(s)}(?![\d]|,\d| \d{{3}}(?!\d))" for s in out]
    if 0 < abs(x) < 1:
        pct = x * 100
        for d in (0, 1, 2, 3):
            if abs(round(pct, d) - pct) < 1e-9:
                pats.append(rf"(?<![\d,]){re.escape(_fr(pct, d))} ?%")
                break
    if x == 0:
        pats.append(r"\b(?:sans|aucune?|zéro|nulle?s?)\b")
    if float(x).is_integer() and 2 <= x <= 16:  # a count in words (« huit mois », | lettres)
        pats.append(rf"(?<![\w-]){EN_LETTRES[int(x)]}(?![\w-])")
    if x == 1:  # « un » / « une » only before a counted noun: the article is everywhere
        pats.append(r"(?<![\w-])une? (?:" + "|".join(NOMS_UN) + r")(?![\w-])")
    return pats


EN_LETTRES = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf", 10: "dix",
              11: "onze", 12: "douze", 13: "treize", 14: "quatorze", 15: "quinze", 16: "seize"}
NOMS_UN = ("an", "année", "mois", "semaine", "jour", "journée", "heure", "trimestre", "salarié", "salariée",
           "enfant", "part", "fois", "mission", "client", "associé", "point", "personne")


def _normal(texte: str) -> str:
    texte = LIEN.sub(r"\1", texte)
    return re.sub(r"[\u00a0\u202f\u2009 ]+", " ", texte)


_RENDUS: dict[str, str] = {}


def rendu(texte: str) -> str:
    """The unit as a visitor reads it: expressions printed, links as their text."""
    def sub(m):
        e = m.group(1).strip()
        if e not in _RENDUS:
            _RENDUS[e] = evaluate(e)
        return _RENDUS[e]
    return _normal(EXPRESSION.sub(sub, texte))


def problemes(u: Unite) -> list[str]:
    """What the unit fails to state, in French; [] if every input is stated."""
    texte = rendu(u.texte)
    effectifs = {int(n) for n in EFFECTIF.findall(rendu(u.paragraphe))}
    out = []
    for expr in u.expressions:
        if (u.fichier, expr.strip()) in EXEMPTES:
            continue
        for a in appels(expr):
            for nom, x in a.nombres:
                if not any(re.search(p, texte) for p in formats(x)):
                    out.append(f"{a.calculateur} : {nom} = {x} n'est pas dit")
            for nom, annee in a.annees:
                if not re.search(rf"\b{annee}\b", texte):
                    out.append(f"{a.calculateur} : {nom} = {annee}… (l'année) n'est pas dite")
            if (a.calculateur in EFFECTIF_OBLIGATOIRE and "effectif" not in a.explicites
                    and COTE_EMPLOYEUR.search(expr)):
                out.append(f"{a.calculateur} : effectif non précisé (le défaut du calculateur est arbitraire)")
            if effectifs and a.calculateur in CALCULS_A_EFFECTIF and a.valeurs is not None:
                if a.valeurs["effectif"] not in effectifs:
                    out.append(f"{a.calculateur} : calculé pour {a.valeurs['effectif']} salariés, "
                               f"le paragraphe dit {sorted(effectifs)}")
    return out


def toutes_les_unites() -> list[Unite]:
    out = []
    for path in sorted(CONTENT.rglob("*.md")):
        doc = lire(path)
        out += unites(doc.rel, doc.body, doc.body_start)
    return out


UNITES = toutes_les_unites()


# ---- the definition, on examples -----------------------------------------------------

def test_sentences_are_cut_after_a_full_stop_not_after_an_abbreviation():
    assert phrases("Voir l'art. L5424-24. Il dit tout. {{ x }} vaut 3.") == [
        "Voir l'art. L5424-24.", "Il dit tout.", "{{ x }} vaut 3."]


def test_french_formats():
    def lit(x, texte):
        return any(re.search(p, _normal(texte)) for p in formats(x))
    assert lit(5000, "un brut de 5\u202f000 €")
    assert not lit(5000, "un brut de 15 000 €") and not lit(5000, "5 000 000 €")
    assert lit(0.08, "des frais de 8\u00a0%") and lit(2.5, "2,5 jours") and lit(2025, "en 2025")
    assert lit(0, "sans frais") and not lit(17, "170 jours")
    assert lit(8, "pendant huit mois") and lit(1, "au-delà d’un mois") and lit(1, "une semaine")
    assert not lit(8, "huitième") and not lit(1, "un cadre") and not lit(3, "trois-quarts")


def test_the_year_of_a_calendar_is_said():
    dit = "En 2026, on compte {{ calendrier(2026).jours | nombre }} jours.\n"
    tu = "Une année compte {{ calendrier(2026).jours | nombre }} jours.\n"
    assert [p for u in unites("x.md", dit, 1) for p in problemes(u)] == []
    assert [p for u in unites("x.md", tu, 1) for p in problemes(u)] == [
        "calendrier : annee = 2026… (l'année) n'est pas dite"]


ANCIEN = (
    "Prenons un cadre payé 5 000 € brut par mois dans une entreprise de 20 salariés. "
    "Il touche {{ salarie(salaire_brut=5000).net_avant_impot | euros }} net avant impôt. "
    "Son employeur, lui, débourse {{ salarie(salaire_brut=5000).cout_employeur | euros }} par mois.\n"
)


def test_the_old_twenty_employees_sentence_fails():
    # computed for the calculator's default firm (4 employees) while the paragraph says 20
    found = [p for u in unites("x.md", ANCIEN, 1) for p in problemes(u)]
    assert any("calculé pour 4 salariés, le paragraphe dit [20]" in p for p in found), found
    assert any("salaire_brut = 5000 n'est pas dit" in p for p in found), found


def test_a_sentence_that_states_its_inputs_passes():
    texte = ("Dans une entreprise de 20 salariés, un cadre payé 5 000 € brut par mois touche "
             "{{ salarie(salaire_brut=5000, effectif=20).net_avant_impot | euros }} net avant impôt.\n")
    assert [p for u in unites("x.md", texte, 1) for p in problemes(u)] == []


def test_leads_of_lists_and_captions_of_tables():
    texte = ("Pour un TJM de 600 € et 18 jours par mois :\n\n"
             "- net : {{ portage(tjm=600, jours=18).net_avant_impot | euros }} ;\n"
             "- brut : {{ portage(tjm=600, jours=19).salaire_brut | euros }}.\n\n"
             "Avec 20 jours par mois :\n\n"
             "| TJM | net |\n|---|---|\n| 500 € | {{ portage(tjm=500, jours=20).net_avant_impot | euros }} |\n")
    found = [p for u in unites("x.md", texte, 1) for p in problemes(u)]
    assert found == ["portage : jours = 19 n'est pas dit"]


def test_exemptions_have_a_reason_and_exist():
    exprs = {(u.fichier, e.strip()) for u in UNITES for e in u.expressions}
    for key, reason in EXEMPTES.items():
        assert key in exprs, key
        assert len(reason) > 20, key


def test_every_expression_of_the_guide_is_in_a_unit():
    # the cutting above sees every expression the build evaluates
    total = 0
    for path in sorted(CONTENT.rglob("*.md")):
        doc = lire(path)
        corps = re.sub(r"^(```|~~~).*?^\1\s*$", "", doc.body, flags=re.S | re.M)
        total += len(EXPRESSION.findall(corps))
    assert sum(len(u.expressions) for u in UNITES) == total


@pytest.mark.parametrize("u", UNITES, ids=[f"{u.fichier}:{u.ligne}" for u in UNITES])
def test_each_figure_states_its_inputs(u):
    manques = problemes(u)
    assert manques == [], f"{u.fichier}:{u.ligne} : « {rendu(u.texte)} » : " + " ; ".join(manques)
