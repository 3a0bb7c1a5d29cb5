"""An editor's mistake in a calculator block or a prose expression fails the
build, naming the file and the line (the build is `make build`, through the
`build_site` fixture of tests/conftest.py, on a small temporary content)."""

from __future__ import annotations

import pytest

HEAD = """Title: Essai
Date: 2026-11-23
Summary: Une page d'essai pour vérifier la construction des calculateurs.
Category: Simulateurs

Un paragraphe.
"""
# HEAD is 6 lines: the text below starts on line 7.

SOURCES = """
## Sources

- [URSSAF](https://www.urssaf.fr/) — source officielle de l'essai.
"""

CASES = {
    # name: (body starting at line 7, line of the mistake, words of the message)
    "calculateur_inconnu": ("\n::: calculateur zorglub\ntjm: 600\n:::\n", 8, ["calculateur inconnu", "zorglub"]),
    "champ_inconnu": ("\n::: calculateur portage\ntjm: 600\nnombre_de_jours: 18\n:::\n", 10, ["champ inconnu", "nombre_de_jours"]),
    "valeur_invalide": ("\n::: calculateur portage\ntjm: 600\njours: beaucoup\n:::\n", 10, ["jours", "Saisissez un nombre"]),
    "valeur_hors_bornes": ("\n::: calculateur portage\ntjm: -600\n:::\n", 9, ["tjm", "au moins"]),
    "expression_attribut": ("\nLe net : {{ portage(tjm=600).net_mensuel | euros }}.\n", 8, ["attribut inconnu", "net_mensuel"]),
    "expression_parametre": ("\nPlafond : {{ param(\"securite_sociale.plafond_annuel_inexistant\") | euros }}.\n", 8,
                             ["paramètre inconnu", "plafond_annuel_inexistant"]),
    "expression_syntaxe": ("\n\nTexte {{ portage(tjm=600).net_avant_impot | }}.\n", 9, ["mal écrite"]),
    "bloc_non_ferme": ("\n::: calculateur portage\ntjm: 600\n", 8, ["jamais fermé"]),
}


@pytest.fixture
def content(tmp_path, monkeypatch):
    # the small content has no search page and no glossary: the site checks of
    # plugins/verifications become warnings; the calculator errors stay fatal
    monkeypatch.setenv("CADRE_LIBRE_VERIFICATIONS", "avertir")
    folder = tmp_path / "content" / "simulateurs"
    folder.mkdir(parents=True)
    return folder


def _output(result) -> str:
    return " ".join((result.stdout + result.stderr).split())


def test_a_correct_page_builds(content, build_site, tmp_path):
    (content / "essai.md").write_text(HEAD + "\n::: calculateur portage\ntjm: 600\n:::\n" + SOURCES, encoding="utf-8")
    result = build_site(tmp_path / "out", content.parent)
    assert result.returncode == 0, _output(result)[-3000:]
    html = (tmp_path / "out" / "simulateurs" / "essai" / "index.html").read_text(encoding="utf-8")
    assert 'class="calculateur"' in html and "calculateur.js" in html


@pytest.mark.parametrize("case", list(CASES))
def test_mistake_fails_the_build_with_file_and_line(case, content, build_site, tmp_path):
    body, line, words = CASES[case]
    (content / "essai.md").write_text(HEAD + body + SOURCES, encoding="utf-8")
    result = build_site(tmp_path / "out", content.parent)
    out = _output(result)
    assert result.returncode != 0, out[-2000:]
    assert f"essai.md:{line}:" in out, out[-2000:]
    for w in words:
        assert w in out, out[-2000:]
