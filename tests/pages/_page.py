"""Reading a calculator's state from the page (shared by the browser tests)."""

from __future__ import annotations

import json


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
