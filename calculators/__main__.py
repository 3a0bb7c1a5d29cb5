"""Command line: ``python -m calculators NAME`` reads one JSON object on stdin
and prints ``{"ok": true, "result": {...}}`` or ``{"ok": false, "errors": {...}}``
(exit status 2).  ``python -m calculators NAME --schema`` prints the inputs as
JSON Schema; ``python -m calculators`` alone lists the calculators."""

from __future__ import annotations

import datetime as _dt
import json
import sys

from . import get, json_schema, names, run


def _default(o):
    if isinstance(o, (_dt.date, _dt.datetime)):
        return o.isoformat()
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def _print(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=_default) + "\n")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        _print({"calculateurs": [{"nom": n, "titre": get(n).TITLE, "description": get(n).DESCRIPTION} for n in names()]})
        return 0
    name = args[0]
    if name not in names():
        _print({"ok": False, "errors": {"_": f"Calculateur inconnu : « {name} ». Disponibles : {', '.join(names())}."}})
        return 2
    if "--schema" in args[1:]:
        _print(json_schema(name))
        return 0
    text = sys.stdin.read()
    try:
        raw = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError as exc:
        _print({"ok": False, "errors": {"_": f"Entrée JSON illisible (ligne {exc.lineno}, colonne {exc.colno})."}})
        return 2
    out = run(name, raw)
    _print(out)
    return 0 if out["ok"] else 2


if __name__ == "__main__":
    sys.exit(main())
