"""The layout of ``calculators/`` (README, « Organisation de calculators/ »), read from the imports.

- ``core/`` is machinery: it imports only ``core/``;
- ``regles/`` is the law: a rules module imports only ``core/`` and other rules modules;
- a status calculator imports ``core/`` and ``regles/``, never another calculator;
- a composite calculator uses other calculators only through their public entry
  point: the registry (``calculators.run``/``get``/``names``) or the calculator
  contract (``FIELDS``, ``check``, ``compute``, ``calculer``…);
- no module imports another module's private name (``_x``), and the import graph has no cycle.

Every module of the package is read (imports inside functions included), so a new
module is checked as soon as it exists.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "calculators"

# The calculators; a new one must be listed here (the test below says so).
STATUTS = {"salarie", "portage", "sasu", "eurl", "micro", "chomage"}
COMPOSITES = {"tjm", "comparateur_statuts", "comparateur_offres", "annee", "protection", "quitter_cdi"}
# What a composite may read of another calculator: the contract of calculators/__init__.py.
CONTRAT = {"NAME", "TITLE", "DESCRIPTION", "FIELDS", "check", "compute", "calculer", "valeurs"}
# The registry's public functions (calculators/__init__.py).
REGISTRE = {"names", "get", "run", "json_schema", "InputError", "FOREIGN_MARK"}
# Modules of the package that are neither machinery, law nor calculator, and what they may import.
AUTRES = {
    "calculators": {"core"},                    # the registry (imports calculators by name, at run time)
    "calculators.__main__": {"calculators"},    # the command line
    "calculators.render": {"core"},             # the one HTML renderer
    "calculators.statuts": {"core", "regles"},  # the comparison's inputs, nets and household tax (composites only)
}


def _name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(current: str, is_package: bool, level: int, module: str | None) -> str:
    if level == 0:
        return module or ""
    base = current.split(".") if is_package else current.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def _imports(name: str, source: str | None = None):
    """(imported module, name taken from it or None) for every import of module ``name``,
    and the attributes read on the names bound to modules of the package."""
    path = MODULES.get(name)
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))
    is_package = path is not None and path.name == "__init__.py"
    out, bound = [], {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("calculators"):
                    out.append((a.name, None))
                    if a.asname:
                        bound[a.asname] = a.name
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(name, is_package, node.level, node.module)
            if not base.startswith("calculators"):
                continue
            for a in node.names:
                sub = f"{base}.{a.name}"
                if sub in MODULES:
                    out.append((sub, None))
                    bound[a.asname or a.name] = sub
                else:
                    out.append((base, a.name))
    attrs = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in bound:
            attrs.add((bound[node.value.id], node.attr))
    return out, attrs


def _kind(name: str) -> str:
    parts = name.split(".")
    if len(parts) >= 2 and parts[1] == "core":
        return "core"
    if len(parts) >= 2 and parts[1] == "regles":
        return "regles"
    if len(parts) == 2 and parts[1] in STATUTS:
        return "statut"
    if len(parts) == 2 and parts[1] in COMPOSITES:
        return "composite"
    return name


def test_every_module_has_a_place():
    unknown = [m for m in MODULES if _kind(m) not in ("core", "regles", "statut", "composite") and m not in AUTRES]
    assert not unknown, f"modules without a place in the layout (list them in this test): {unknown}"


def _private_uses(name: str, source: str | None = None) -> list:
    imports, attrs = _imports(name, source)
    bad = [f"{mod}.{n}" for mod, n in imports if n and n.startswith("_") and not n.startswith("__") and mod != name]
    bad += [f"{mod}.{a}" for mod, a in attrs if a.startswith("_") and not a.startswith("__") and mod != name]
    return sorted(set(bad))


def _layer_violations(name: str, source: str | None = None) -> list:
    imports, attrs = _imports(name, source)
    kind = _kind(name)
    bad = []
    for mod, n in imports:
        target = _kind(mod)
        if mod == "calculators" and n is not None:  # a name of the registry
            ok = n in REGISTRE and (kind == "composite" or name == "calculators.__main__")
        elif kind == "core":
            ok = target == "core"
        elif kind in ("regles", "statut"):
            ok = target in ("core", "regles")
        elif kind == "composite":
            ok = target in ("core", "regles", "statut", "composite", "calculators.statuts") and mod != name
        else:
            ok = target in AUTRES[name] or mod in AUTRES[name]
        if not ok:
            bad.append(mod + (f".{n}" if n else ""))
    if kind == "composite":  # another calculator only through its contract
        bad += [f"{mod}.{a}" for mod, a in attrs if _kind(mod) in ("statut", "composite") and a not in CONTRAT]
        bad += [f"{mod}.{n}" for mod, n in imports if n and _kind(mod) in ("statut", "composite") and n not in CONTRAT]
    return sorted(set(bad))


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_private_name_of_another_module(name):
    assert _private_uses(name) == [], f"{name} uses private names of other modules"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_each_layer_imports_only_what_it_may(name):
    assert _layer_violations(name) == [], f"{name} ({_kind(name)}) imports what its layer may not"


def test_the_import_graph_has_no_cycle():
    graph = {m: {mod for mod, _n in _imports(m)[0] if mod in MODULES and mod != m} for m in MODULES}
    # a submodule import also runs its packages' __init__: ``calculators`` itself imports only core
    state: dict = {}
    cycle: list = []

    def visit(m, stack):
        state[m] = 1
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycle.append(stack[stack.index(n):] + [n] if n in stack else [m, n])
            elif n not in state:
                visit(n, stack + [n])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert not cycle, f"import cycles: {cycle}"


@pytest.mark.parametrize("name, source, private, layer", [
    # the project's own past mistakes: each would fail the checks above
    ("calculators.tjm", "from .salarie import _ruptures", ["calculators.salarie._ruptures"], ["calculators.salarie._ruptures"]),
    ("calculators.tjm", "from . import portage\nportage._sal.ctx()", ["calculators.portage._sal"], ["calculators.portage._sal"]),
    ("calculators.tjm", "from . import portage\nportage.Costing()", [], ["calculators.portage.Costing"]),
    ("calculators.eurl", "from . import sasu", [], ["calculators.sasu"]),
    ("calculators.regles.impot_revenu", "from .. import micro", [], ["calculators.micro"]),
    ("calculators.core.format", "from ..regles import impot_revenu", [], ["calculators.regles.impot_revenu"]),
    ("calculators.render", "from . import salarie", [], ["calculators.salarie"]),
    # allowed
    ("calculators.tjm", "from . import micro, run\nmicro.compute({})", [], []),
    ("calculators.sasu", "from .regles import cotisations_salariales\nfrom .core.format import euros", [], []),
])
def test_the_checks_see_what_they_must(name, source, private, layer):
    assert _private_uses(name, source) == private
    assert _layer_violations(name, source) == layer
