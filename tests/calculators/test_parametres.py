"""Dated parameters (calculators/core/parametres.py and calculators/data/*.toml).

- The loader: values by effective date, what a result cites, and the errors of
  a malformed file (in French).
- The files: every parameter has a label, a unit, a legal reference and a
  value for every day of 2026 (and of 2025 for the general and salaried
  files); rates are fractions.
- The values: the changes within the years, and every scalar that the URSSAF
  model holds as a rule of its own, compared with that rule at several dates.
"""

from __future__ import annotations

import datetime as dt
import pathlib

import oracle
import pytest

from calculators.core import parametres
from calculators.core.parametres import At, ParameterFileError, _walk, parametre, valeur

D = dt.date
ALL = parametres.load_all()
OURS = ("securite_sociale.", "smic.", "salarie.", "csg_crds.", "rgdu.", "reduction_generale.", "impot.")
ONLY_2026 = ("rgdu.",)          # the RGDU starts on 1 January 2026
ONLY_2025 = ("reduction_generale.",)  # replaced by the RGDU


def test_files_load_with_the_required_fields():
    assert len(ALL) > 80
    for name, p in ALL.items():
        assert p.libelle and p.unite and p.reference, name
        assert list(p.valeurs) == sorted(p.valeurs, key=lambda v: v.depuis), name


@pytest.mark.parametrize("name", sorted(n for n in ALL if n.startswith(OURS)))
def test_each_of_our_parameters_holds_on_every_day_it_should(name):
    p = ALL[name]
    if not name.startswith(ONLY_2025):
        assert p.entry(D(2026, 1, 1)) and p.entry(D(2026, 12, 31))
    if not name.startswith(ONLY_2026):
        assert p.entry(D(2025, 1, 1)) and p.entry(D(2025, 12, 31))
    assert p.url.startswith("https://"), name
    assert all(v.source for v in p.valeurs), name
    if p.unite == "taux":
        assert all(isinstance(v.valeur, (int, float)) and 0 <= v.valeur <= 1 for v in p.valeurs), name


def test_rgdu_and_reduction_generale_do_not_overlap():
    assert parametre("rgdu.tmin").valeurs[0].depuis == D(2026, 1, 1)
    with pytest.raises(LookupError):
        valeur("rgdu.tmin", D(2025, 12, 31))
    # the 2025 formula's T is the latest entry before 2026; the calculator
    # switches to the RGDU on 1 January 2026
    assert valeur("reduction_generale.t.moins_de_50", D(2025, 12, 31)) == 0.3193


@pytest.mark.parametrize("name,changes", [
    ("securite_sociale.plafond_mensuel", [(D(2025, 12, 31), 3925), (D(2026, 1, 1), 4005)]),
    ("smic.horaire", [(D(2025, 12, 31), 11.88), (D(2026, 1, 1), 12.02), (D(2026, 5, 31), 12.02), (D(2026, 6, 1), 12.31)]),
    ("salarie.cotisations.vieillesse_deplafonnee.employeur", [(D(2025, 12, 31), 0.0202), (D(2026, 1, 1), 0.0211)]),
    ("salarie.cotisations.chomage.employeur", [(D(2025, 4, 30), 0.0405), (D(2025, 5, 1), 0.04)]),
    ("salarie.cotisations.atmp.taux_minimum", [(D(2025, 4, 30), 0.0046), (D(2025, 5, 1), 0.005)]),
    ("salarie.cotisations.maladie.seuil_taux_reduit_smic", [(D(2025, 12, 31), 2.25), (D(2026, 1, 1), 0)]),
    ("salarie.cotisations.allocations_familiales.seuil_taux_reduit_smic", [(D(2025, 12, 31), 3.3), (D(2026, 1, 1), 0)]),
])
def test_changes_within_the_years(name, changes):
    for date, expected in changes:
        assert valeur(name, date) == expected


def test_neutral_withholding_grids():
    # 2024 grid until April 2025 (finance law for 2025 published late), 2025 grid
    # from May 2025, 2026 grid from January 2026 (CGI art. 204 H)
    assert valeur("impot.taux_neutre", D(2025, 4, 30))[0] == {"plafond": 1591, "taux": 0}
    assert valeur("impot.taux_neutre", D(2025, 5, 1))[0] == {"plafond": 1620, "taux": 0}
    grid = valeur("impot.taux_neutre", D(2026, 1, 1))
    assert grid[0] == {"plafond": 1635, "taux": 0} and grid[-1] == {"taux": 0.43}
    assert [t["plafond"] for t in grid[:-1]] == sorted(t["plafond"] for t in grid[:-1])


def test_at_records_what_a_result_cites():
    p = At(D(2026, 7, 1))
    assert p("securite_sociale.plafond_mensuel") == 4005
    assert p("smic.horaire") == 12.31
    src = p.sources()
    assert [s["parametre"] for s in src] == ["securite_sociale.plafond_mensuel", "smic.horaire"]
    assert src[1]["depuis"] == "2026-06-01" and src[1]["unite"] == "€/heure"
    assert "L3231-2" in src[1]["reference"]
    assert p.ref("salarie.cotisations.csa").startswith("Code de l'action sociale et des familles")


def test_unknown_parameter_and_date_before_the_first_value():
    with pytest.raises(KeyError, match="paramètre inconnu : salarie.licorne"):
        valeur("salarie.licorne", D(2026, 1, 1))
    with pytest.raises(LookupError, match="aucune valeur en vigueur le 2024-01-01"):
        valeur("securite_sociale.plafond_mensuel", D(2024, 1, 1))


@pytest.mark.parametrize("table,message", [
    ({"valeurs": [{"depuis": D(2026, 1, 1), "valeur": 1}]}, "champs manquants"),
    ({"libelle": "x", "unite": "taux", "reference": "r", "valeurs": [{"valeur": 1}]}, "sans 'depuis' ou 'valeur'"),
    ({"libelle": "x", "unite": "taux", "reference": "r",
      "valeurs": [{"depuis": dt.datetime(2026, 1, 1, 8, 0), "valeur": 1}]}, "doit être une date"),
    ({"libelle": "x", "unite": "taux", "reference": "r",
      "valeurs": [{"depuis": D(2026, 1, 1), "valeur": 1}, {"depuis": D(2026, 1, 1), "valeur": 2}]}, "deux valeurs à la même date"),
    ({"sous": 3}, "doit contenir 'valeurs'"),
])
def test_malformed_tables_are_refused_in_french(table, message):
    with pytest.raises(ParameterFileError, match=message):
        _walk("essai.p", table, {}, "essai.toml")


# ------------------------------------------------------------------ against the model

# our parameter -> (model rule, divisor to bring the model's value to our unit,
#                   extra situation)
C = "salarié . cotisations . "
RULES = {
    "securite_sociale.plafond_mensuel": ("plafond sécurité sociale", 1, {}),
    "smic.horaire": ("SMIC . horaire", 1, {}),
    "salarie.cotisations.maladie.employeur": (C + "maladie . employeur . taux plein", 100, {}),
    "salarie.cotisations.maladie.employeur_taux_reduit": (C + "maladie . employeur . taux réduit", 100, {}),
    "salarie.cotisations.allocations_familiales.taux_plein": (C + "allocations familiales . taux plein", 100, {}),
    "salarie.cotisations.allocations_familiales.taux_reduit": (C + "allocations familiales . taux réduit", 100, {}),
    "salarie.cotisations.vieillesse_plafonnee.employeur": (C + "vieillesse . employeur . plafonnée . taux", 100, {}),
    "salarie.cotisations.vieillesse_plafonnee.salarie": (C + "vieillesse . salarié . plafonnée . taux", 100, {}),
    "salarie.cotisations.vieillesse_deplafonnee.employeur": (C + "vieillesse . employeur . déplafonnée . taux", 100, {}),
    "salarie.cotisations.vieillesse_deplafonnee.salarie": (C + "vieillesse . salarié . déplafonnée . taux", 100, {}),
    "salarie.cotisations.atmp.taux_moyen": (C + "ATMP . taux moyen", 100, {}),
    "salarie.cotisations.atmp.taux_minimum": (C + "ATMP . taux minimum", 100, {}),
    "salarie.cotisations.retraite_complementaire.t1.employeur": (C + "retraite complémentaire . employeur . taux T1", 100, {}),
    "salarie.cotisations.retraite_complementaire.t2.employeur": (C + "retraite complémentaire . employeur . taux T2", 100, {}),
    "salarie.cotisations.retraite_complementaire.t1.salarie": (C + "retraite complémentaire . salarié . taux T1", 100, {}),
    "salarie.cotisations.retraite_complementaire.t2.salarie": (C + "retraite complémentaire . salarié . taux T2", 100, {}),
    "salarie.cotisations.ceg.t1.employeur": (C + "CEG . employeur . taux T1", 100, {}),
    "salarie.cotisations.cet.employeur": (C + "CET . employeur . taux", 100, {}),
    "salarie.cotisations.chomage.employeur": (C + "chômage . taux", 100, {}),
    "salarie.cotisations.ags.employeur": (C + "AGS . taux", 100, {}),
    "salarie.cotisations.fnal.taux_reduit": (C + "FNAL . taux", 100, {"entreprise . salariés . effectif": "20 employé"}),
    "salarie.cotisations.fnal.taux_plein": (C + "FNAL . taux", 100, {"entreprise . salariés . effectif": "60 employé"}),
    "salarie.cotisations.csa": (C + "CSA . taux", 100, {}),
    "salarie.prevoyance.mutuelle_montant": (C + "prévoyances . santé . montant", 1, {}),
    "salarie.prevoyance.mutuelle_part_employeur_minimum": (C + "prévoyances . santé . taux employeur", 100, {}),
    "csg_crds.csg_deductible": (C + "CSG-CRDS . CSG . déductible . taux", 100, {}),
    "csg_crds.csg_non_deductible": (C + "CSG-CRDS . CSG . non déductible . taux", 100, {}),
    "csg_crds.crds": (C + "CSG-CRDS . CRDS . taux", 100, {}),
    "rgdu.tmin": (C + "exonérations . Tmin", 1, {}),
    "rgdu.tdelta.moins_de_50": (C + "exonérations . Tdelta", 1, {"entreprise . salariés . effectif": "49 employé"}),
    "rgdu.tdelta.cinquante_et_plus": (C + "exonérations . Tdelta", 1, {"entreprise . salariés . effectif": "50 employé"}),
    "rgdu.exposant": (C + "exonérations . RGDU . P", 1, {"salarié . contrat . salaire brut": "3000 €/mois"}),
    # the 2025 T is the model's « T » (sum of the employer rates the reduction covers)
    "reduction_generale.t.moins_de_50": (C + "exonérations . T", 1, {"entreprise . salariés . effectif": "20 employé"}),
    "reduction_generale.t.cinquante_et_plus": (C + "exonérations . T", 1, {"entreprise . salariés . effectif": "60 employé"}),
}
DATES = [D(2025, 1, 1), D(2025, 4, 30), D(2025, 5, 1), D(2025, 12, 31), D(2026, 1, 1), D(2026, 5, 31),
         D(2026, 6, 1), D(2026, 12, 31)]


def test_parameters_equal_the_models_rules():
    cases, expected = [], []
    for name, (rule, div, extra) in RULES.items():
        p = parametre(name)
        for date in DATES:
            try:
                ours = p.at(date)
            except LookupError:
                continue  # e.g. the RGDU in 2025
            if name.startswith("reduction_generale.") and date.year == 2026:
                continue
            sit = {"date": date.strftime("%d/%m/%Y"), "salarié . contrat . salaire brut": "6000 €/mois", **extra}
            cases.append((sit, [rule]))
            expected.append((name, date, ours, div))
    values = oracle.evaluer(cases)
    assert len(values) > 200
    bad = [(n, d, o, m) for (n, d, o, div), [m] in zip(expected, values) if m is None]
    assert not bad, bad
    for (name, date, ours, div), [model] in zip(expected, values):
        assert ours == pytest.approx(model / div, abs=1e-12), (name, date, ours, model)


# ------------------------------------------------------------------ no rate in code

# Decimal numbers that are not rates, each with its reason: a module of calculators/
# may hold no other decimal number written in its code (0.0 and 1.0 aside, and the
# bounds, steps and defaults of an input field: ``Field(..., step=0.5, maximum=0.6)``).
NON_TAUX = {
    "0.5": "half of a unit in the rounding rule (half away from zero), a half-part, a slope's floor",
    "100.0": "cents in a euro, percent in one",
    "10.0": "the base of decimal rounding and of a chart's tick scale",
    "0.01": "one cent, the step of the searches to the cent",
    "0.005": "half a cent, the tolerance of a search",
    "0.05": "five cents: the searches stop within them before walking cent by cent",
    "1.5": "a fallback slope of a search (cost per euro of base)",
    "0.4": "the first slope of the year's TJM search (balance per euro of TJM and day billed)",
    "0.25": "the year's TJM search stops within a quarter of a euro, then checks the whole euros",
    "0.1": "a chart tick step (0.1, 0.2, 0.5 × a power of ten)",
    "0.2": "a chart tick step",
    "2.0": "the two parts of a couple when the parts are left empty (the form's documented default)",
}


def _decimal_literals(path):
    """Decimal numbers written in ``path``'s code, outside the bounds, steps and
    defaults of an input field, with their line."""
    import ast
    import io
    import tokenize

    text = path.read_text(encoding="utf-8")
    exempt = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.keyword) and node.arg in ("step", "minimum", "maximum", "default"):
            for sub in ast.walk(node.value):
                if isinstance(sub, ast.Constant) and isinstance(sub.value, float):
                    exempt.add((sub.lineno, sub.value))  # (AST columns count bytes, tokenize's characters)
    out = []
    for t in tokenize.generate_tokens(io.StringIO(text).readline):
        if t.type == tokenize.NUMBER and "." in t.string and t.string not in ("0.0", "1.0") \
                and (t.start[0], float(t.string)) not in exempt:
            out.append((t.string, t.start[0]))
    return out


@pytest.mark.parametrize("path", sorted((pathlib.Path(__file__).resolve().parents[2] / "calculators").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(p.parents[1] if p.parent.name in ("core", "regles") else p.parent)))
def test_no_rate_literal_in_code(path):
    """Every rate lives in calculators/data: no module of calculators/ (core, regles,
    the calculators, the renderer) writes a decimal number but those of NON_TAUX."""
    found = [(n, line) for n, line in _decimal_literals(path) if n not in NON_TAUX]
    assert not found, f"{path.name}: decimal numbers in code (a rate goes to calculators/data/*.toml): {found}"


def test_the_literal_check_sees_a_rate(tmp_path):
    f = tmp_path / "m.py"
    f.write_text('Field("x", step=0.001, maximum=0.6)\nTAUX = 0.0745\nk = 0.5\n', encoding="utf-8")
    assert _decimal_literals(f) == [("0.0745", 2), ("0.5", 3)]


def test_the_browser_snapshot_holds_exactly_the_toml_files():
    # The browser wheel carries the parameter files parsed, as JSON (dates tagged);
    # read back, it must be the very documents tomllib reads, dates included.
    import datetime as _dt
    import json

    from calculators.core import parametres

    docs = json.loads(parametres.snapshot_json(), object_hook=parametres._untag_dates)
    assert docs == parametres._toml_documents()
    smic = docs["smic.toml"]
    dates = [v["depuis"] for table in smic.values() if isinstance(table, dict) and "valeurs" in table
             for v in table["valeurs"]]
    assert dates and all(type(d) is _dt.date for d in dates)
