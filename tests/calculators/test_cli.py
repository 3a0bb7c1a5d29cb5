"""The command line (calculators/__main__.py), run as a visitor's script would:
``python -m calculators NAME`` with JSON on stdin."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def cli(*args: str, stdin: str = "") -> tuple[int, dict]:
    proc = subprocess.run([sys.executable, "-m", "calculators", *args], input=stdin.encode("utf-8"),
                          capture_output=True, cwd=ROOT, timeout=60)
    assert proc.stderr == b"", proc.stderr.decode()
    return proc.returncode, json.loads(proc.stdout)


def test_without_argument_lists_the_calculators():
    code, out = cli()
    assert code == 0
    names = [c["nom"] for c in out["calculateurs"]]
    assert "salarie" in names
    salarie = next(c for c in out["calculateurs"] if c["nom"] == "salarie")
    assert salarie["titre"] and salarie["description"]


def test_schema():
    code, out = cli("salarie", "--schema")
    assert code == 0
    assert out["type"] == "object" and out["additionalProperties"] is False
    props = out["properties"]
    for name in ("salaire_brut", "cout_employeur", "net_avant_impot", "cadre", "contrat", "temps_travail",
                 "effectif", "taux_atmp", "mutuelle_montant", "mutuelle_part_employeur", "taux_pas", "date"):
        assert name in props
    assert True in props["cadre"]["anyOf"][0]["enum"] and props["cadre"]["default"] is True
    assert props["contrat"]["anyOf"][0]["enum"] == ["cdi", "cdd"]
    assert props["date"]["anyOf"][0]["format"] == "date"


def test_a_result():
    code, out = cli("salarie", stdin='{"salaire_brut": 4000, "effectif": 20, "date": "2026-07-01"}')
    assert code == 0 and out["ok"] is True
    r = out["result"]
    # see test_salarie_bulletin.py for the arithmetic
    assert (r["salaire_brut"], r["cout_employeur"], r["net_avant_impot"]) == (4000, 5651.28, 3137.67)
    assert r["date"] == "2026-07-01"


def test_empty_stdin_asks_for_an_amount():
    code, out = cli("salarie", stdin="")
    assert code == 2
    assert out == {"ok": False, "errors": {"salaire_brut": "Indiquez le salaire brut, le coût employeur ou le net avant impôt."}}


@pytest.mark.parametrize("stdin,errors", [
    ('{"salaire_brut": 4000, "cout_employeur": 5000}', {
        "salaire_brut": "Indiquez un seul montant parmi le salaire brut, le coût employeur et le net avant impôt.",
        "cout_employeur": "Indiquez un seul montant parmi le salaire brut, le coût employeur et le net avant impôt."}),
    ('{"salaire_brut": -10}', {"salaire_brut": "La valeur doit être au moins 0 €/mois."}),
    ('{"salaire_brut": 4000, "salaire": 3}', {"salaire": "Champ inconnu : « salaire »."}),
    ('{"net_avant_impot": "beaucoup"}', {"net_avant_impot": "Saisissez un nombre."}),
    ('{"salaire_brut": 4000, "contrat": "interim"}', {"contrat": "Valeur inconnue : « interim ». Choisissez cdi (CDI), cdd (CDD)."}),
    ('{"salaire_brut": 4000, "effectif": 2.5}', {"effectif": "Saisissez un nombre entier."}),
    ('{"salaire_brut": 4000, "date": "2024-06-01"}', {"date": "Les règles ne sont connues qu'à partir du 01/01/2025."}),
    ('{"salaire_brut": "4000 euros"}', {"salaire_brut": "Saisissez un nombre."}),
    ('{"salaire_brut": 4000, "cadre": "yes"}', {"cadre": "Répondez par oui ou par non."}),
    ('[4000]', {"_": "Les données doivent être un objet JSON (clé : valeur)."}),
    ('{"salaire_brut": 4000,', None),
])
def test_bad_input_exits_2_with_french_messages(stdin, errors):
    code, out = cli("salarie", stdin=stdin)
    assert code == 2 and out["ok"] is False
    if errors is None:  # unreadable JSON
        assert out["errors"]["_"].startswith("Entrée JSON illisible (ligne 1")
    else:
        assert out["errors"] == errors


def test_numbers_and_booleans_as_a_form_writes_them():
    # « 3 500,50 » and « oui »: what the form and a shared link carry, read as they say
    code, out = cli("salarie", stdin='{"salaire_brut": "3\u202f500,50 €", "cadre": "non", "date": "2026-07-01"}')
    code2, out2 = cli("salarie", stdin='{"salaire_brut": 3500.5, "cadre": false, "date": "2026-07-01"}')
    assert code == code2 == 0 and out == out2


def test_unknown_calculator():
    code, out = cli("licorne", stdin="{}")
    assert code == 2
    assert out["errors"]["_"].startswith("Calculateur inconnu : « licorne ».")
