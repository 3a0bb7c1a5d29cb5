"""Reading a calculator's state from the page (shared by the browser tests)."""

from __future__ import annotations

import io
import json
import re
import zipfile

from _outils import cli, figure
from axe_playwright_python.sync_playwright import Axe


def key_figures(page, uid: str) -> list[tuple[str, float, str]]:
    """(code, exact value, shown text) of each key figure in the result area."""
    out = []
    for box in page.locator(f"#{uid}-resultat .calc-chiffre").all():
        value = box.locator(".calc-valeur")
        out.append((box.get_attribute("data-code"), float(value.get_attribute("data-valeur")), value.inner_text()))
    return out


def presets(page, uid: str) -> dict:
    return json.loads(page.locator(f"#{uid}").get_attribute("data-presets"))


def wait_result_for(page, uid: str, field: str, value: str):
    """Wait until the live result computed with ``field`` = ``value`` is shown."""
    page.wait_for_selector(f"#{uid}[data-entrees*='\"{field}\":\"{value}\"']:not(.calc--chargement)")
    page.wait_for_selector(f"#{uid} .calc-perime", state="detached")


def same_as_cli(page, name: str, uid: str, inputs: dict) -> dict:
    """The key figures shown equal the command line's for the page's presets and ``inputs``
    (codes, exact values and the text shown); returns the command line's result."""
    ref = cli(name, {**presets(page, uid), **inputs})
    shown = key_figures(page, uid)
    assert [(c, v) for c, v, _ in shown] == [(c["code"], c["valeur"]) for c in ref["chiffres_cles"]]
    assert [t for _, _, t in shown] == [figure(c["valeur"], c["unite"]) for c in ref["chiffres_cles"]]
    return ref


def axe_clean(page, *schemes: str) -> None:
    """No accessibility violation (axe), in each colour scheme given, else as the page is."""
    for scheme in schemes or (None,):
        if scheme:
            page.emulate_media(color_scheme=scheme)
        result = Axe().run(page)
        assert result.violations_count == 0, f"{scheme or ''}:\n{result.generate_report()}"


def wheel_with_render(site_dir, extra: str) -> bytes:
    """The shipped calculators wheel with ``extra`` (Python source) appended to render.py,
    whose bytecode is dropped so the browser runs the new source (a deploy of new code)."""
    old = next((site_dir / "runtime").glob("calculators-*.whl")).read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(old)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if re.search(r"calculators/__pycache__/render\.", info.filename):
                continue
            if info.filename == "calculators/render.py":
                data += ("\n_render_result_before = render_result\n" + extra).encode()
            dst.writestr(info, data)
    return out.getvalue()


def deploy_wheel(site, wheel: bytes) -> None:
    """A deploy of a new calculators wheel in the built ``site``: the wheel under a new name,
    and the portage page pointing at it (its precompressed copies, now stale, removed)."""
    (site / "runtime" / "calculators-0123456789ab.whl").write_bytes(wheel)
    html_path = site / "simulateurs" / "portage" / "index.html"
    html = re.sub(r'data-wheel="[^"]+"', 'data-wheel="/runtime/calculators-0123456789ab.whl"',
                  html_path.read_text(encoding="utf-8"))
    html_path.write_text(html, encoding="utf-8")
    for ext in (".br", ".gz"):
        html_path.with_name(html_path.name + ext).unlink()
