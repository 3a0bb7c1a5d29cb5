"""An editor's mistake fails the build, naming the file (and line) and what is wrong.

A copy of content/ is broken on purpose in several ways at once, then built with the
same command as `make build`; the build must stop with a message for each mistake.
"""

from __future__ import annotations

import re
import shutil

import pytest
from site_sources import CONTENT


def _articles_of(folder):
    return sorted(p for p in (CONTENT / folder).glob("*.md"))


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory, build_site):
    root = tmp_path_factory.mktemp("contenu-casse")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    victims = _articles_of("statuts")[:2] + _articles_of("portage-salarial")[:2] + _articles_of("tjm")[:2]
    assert len(victims) == 6, "needs two articles in each of Statuts, Portage salarial and TJM"
    no_title, no_date, bad_link, wrong_section, bad_image, bad_page_link = (
        content / v.relative_to(CONTENT) for v in victims)

    def edit(path, change):
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    edit(no_title, lambda t: re.sub(r"(?m)^Title:.*\n", "", t, count=1))
    edit(no_date, lambda t: re.sub(r"(?m)^Date:.*\n", "", t, count=1))
    edit(wrong_section, lambda t: re.sub(r"(?m)^Category:.*$", "Category: TJM", t, count=1))
    # appended after the body: the line numbers are known
    edit(bad_link, lambda t: t.rstrip("\n") + "\n\nVoir [cet article]({filename}/statuts/article-disparu.md).\n")
    lines_before_style = len(bad_link.read_text(encoding="utf-8").splitlines())
    edit(bad_image, lambda t: t.rstrip("\n") + "\n\n![Un schéma](/images/schema-absent.png)\n")
    edit(bad_link, lambda t: t.rstrip("\n") + '\n\nTexte <span style="color: red">en rouge</span>.\n')
    edit(bad_page_link, lambda t: t.rstrip("\n") + "\n\nVoir [la page](/tjm/page-inexistante/).\n")
    result = build_site(root / "output", content, strict=True)
    lines = {p: len(p.read_text(encoding="utf-8").splitlines()) for p in (bad_image, bad_page_link)}
    lines[bad_link] = lines_before_style
    return result, {"no_title": no_title, "no_date": no_date, "bad_link": bad_link, "bad_image": bad_image,
                    "bad_page_link": bad_page_link, "wrong_section": wrong_section}, lines, content


def _message(result) -> str:
    return " ".join((result.stdout + "\n" + result.stderr).split())


def test_broken_content_fails_the_build(broken_build):
    result, *_ = broken_build
    assert result.returncode != 0
    assert "Construction refusée" in _message(result)


def test_missing_title_and_date_name_the_file(broken_build):
    result, files, _, content = broken_build
    text = _message(result)
    for key, field in (("no_title", "Title"), ("no_date", "Date")):
        name = f"{files[key].relative_to(content.parent).as_posix()}:1"
        assert re.search(rf"{re.escape(name)}: en-tête : le champ « {field} » manque", text), (name, text[-3000:])


def test_broken_internal_links_and_missing_image_name_the_file_and_line(broken_build):
    result, files, lines, content = broken_build
    text = _message(result)
    expectations = {
        "bad_link": "lien interne cassé {filename}/statuts/article-disparu.md",
        "bad_image": "<img> pointe vers « /images/schema-absent.png » : l'image n'existe pas",
        "bad_page_link": "<a> pointe vers « /tjm/page-inexistante/ » : la page ou le fichier n'existe pas",
    }
    for key, what in expectations.items():
        path = files[key]
        where = f"{path.relative_to(content.parent).as_posix()}:{lines[path]}"
        assert f"{where}: {what}" in text, (where, what, text[-3000:])


def test_an_article_filed_in_the_wrong_section_names_the_file_and_line(broken_build):
    result, files, _, content = broken_build
    path = files["wrong_section"]
    number = next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                  if line.startswith("Category:"))
    where = f"{path.relative_to(content.parent).as_posix()}:{number}"
    expected = (f"{where}: en-tête : rubrique « TJM », mais le fichier est dans content/portage-salarial/, "
                "le dossier de « Portage salarial »")
    text = _message(result)
    assert expected in text, text[text.find(path.name) - 200:text.find(path.name) + 400]


def test_inline_style_that_the_security_policy_would_block_fails_the_build(broken_build):
    result, files, _, content = broken_build
    path = files["bad_link"]
    where = f"{path.relative_to(content.parent).as_posix()}:{len(path.read_text(encoding='utf-8').splitlines())}"
    assert f'{where}: attribut style="…" sur <span> (bloqué par la CSP' in _message(result)
