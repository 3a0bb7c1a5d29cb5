"""`make publish` refuses to build while the legal notice still holds placeholders
(plugins/publication_prete/, active through publishconf.py); the filled notice is
built by test_site_publication.py."""

from __future__ import annotations

import subprocess

from site_sources import CONTENT, ROOT


def test_publish_names_the_file_and_line_of_each_placeholder(tmp_path):
    content = tmp_path / "content"
    import shutil

    shutil.copytree(CONTENT, content)
    page = content / "pages" / "mentions-legales.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    contact = next(n for n, line in enumerate(lines, start=1) if line.startswith("- Contact :"))
    lines[contact - 1] = "- Contact : [adresse électronique]"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = subprocess.run(
        ["make", "--no-print-directory", "publish", f"OUTPUT={tmp_path / 'site'}", f"CONTENT={content}",
         "SITEURL=https://exemple.org"],
        cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Publication refusée : les mentions légales ne sont pas complètes." in output
    assert f"{page}:{contact}: - Contact : [adresse électronique]" in output
    assert "directeur de la publication" in output
    assert not (tmp_path / "site" / "index.html").exists()
