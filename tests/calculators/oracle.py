"""The URSSAF model as a test oracle: publicodes + modele-social run for real
in Node, many situations in ONE node process.

API (for every test module that compares with the model)::

    from tests.calculators import oracle            # or: import oracle (same dir)

    oracle.evaluer(cas) -> list
        cas: a list of (situation, regles); situation is a dict of publicodes
        rule -> value exactly as engine.setSituation takes it
        ({"date": "01/07/2026", "salarié . contrat . salaire brut": "3500 €/mois"});
        regles is a list of rule names or {"valeur": rule, "unité": "€/mois"}.
        Returns, for each case, the list of values (float, str, bool or None).
        Raises OracleError when node fails or a case errors.

    oracle.situation_salarie(date, salaire_brut=None, cout_employeur=None,
                             net_avant_impot=None, cadre=True, effectif=20,
                             contrat="cdi", quotite=1.0, taux_atmp=None,
                             mutuelle_montant=None, mutuelle_part_employeur=None,
                             taux_pas=None) -> dict
        The situation of our ``salarie`` inputs (date as datetime.date or ISO
        string; exactly one amount).  Income tax: the neutral grid unless
        taux_pas is given.  A CDD is set to last 12 months.

    oracle.SALARIE: the rules read for a salarié, in €/mois (dict key -> rule):
        salaire_brut, cout_employeur, net_avant_impot, net_imposable,
        impot (the monthly PAS), net_apres_impot, cotisations_salariales,
        cotisations_patronales, rgdu.

    oracle.evaluer_salarie(situations) -> list[dict]
        Evaluates SALARIE for each situation: [{key: value}, ...].

    oracle.versions() -> {"publicodes": "1.10.3", "modele-social": "11.1.0"}

Results are cached per process by the JSON of the batch, so several test
modules asking the same batch pay once.  Batch everything: a node start and
the engine build cost about 1 s, one case about 60 ms, an inversion ~500 ms.
"""

from __future__ import annotations

import datetime as _dt
import json
import pathlib
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCRIPT = HERE / "oracle.mjs"

_CACHE: dict = {}
_VERSIONS: dict = {}


class OracleError(RuntimeError):
    pass


def _run(payload: dict) -> dict:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    if text in _CACHE:
        return _CACHE[text]
    proc = subprocess.run(["node", str(SCRIPT)], input=text.encode("utf-8"), cwd=ROOT,
                          capture_output=True, timeout=1800)
    if proc.returncode != 0:
        raise OracleError(f"node a échoué ({proc.returncode}) : {proc.stderr.decode('utf-8', 'replace')[-2000:]}")
    out = json.loads(proc.stdout)
    _VERSIONS.update(out.get("versions") or {})
    _CACHE[text] = out
    return out


def evaluer(cas) -> list:
    payload = {"cas": [{"situation": s, "regles": list(r)} for s, r in cas]}
    out = _run(payload)
    res = []
    for i, r in enumerate(out["resultats"]):
        if "erreur" in r:
            raise OracleError(f"cas n° {i}: {r['erreur']}")
        res.append(r["valeurs"])
    return res


def versions() -> dict:
    if not _VERSIONS:
        _run({"cas": []})
    return dict(_VERSIONS)


def _date(d) -> str:
    if isinstance(d, str):
        d = _dt.date.fromisoformat(d)
    return d.strftime("%d/%m/%Y")


def _num(x: float) -> str:
    return repr(float(x))


def situation_salarie(date, salaire_brut=None, cout_employeur=None, net_avant_impot=None, cadre=True,
                      effectif=20, contrat="cdi", quotite=1.0, taux_atmp=None, mutuelle_montant=None,
                      mutuelle_part_employeur=None, taux_pas=None) -> dict:
    given = [x is not None for x in (salaire_brut, cout_employeur, net_avant_impot)]
    if sum(given) != 1:
        raise ValueError("exactly one amount")
    s = {
        "date": _date(date),
        # without this, « impôt . revenu imposable » reads the dirigeant's income (0 €)
        "dirigeant": "non",
        "salarié . contrat . statut cadre": "oui" if cadre else "non",
        "entreprise . salariés . effectif": f"{int(effectif)} employé",
        "salarié . contrat": "'CDD'" if contrat == "cdd" else "'CDI'",
    }
    if contrat == "cdd":
        s["salarié . contrat . CDD . durée"] = "12 mois"
    if salaire_brut is not None:
        s["salarié . contrat . salaire brut"] = f"{_num(salaire_brut)} €/mois"
    if cout_employeur is not None:
        s["salarié . coût total employeur"] = f"{_num(cout_employeur)} €/mois"
    if net_avant_impot is not None:
        s["salarié . rémunération . net . à payer avant impôt"] = f"{_num(net_avant_impot)} €/mois"
    if quotite != 1.0:
        s["salarié . contrat . temps de travail . temps partiel"] = "oui"
        s["salarié . contrat . temps de travail . temps partiel . heures par semaine"] = f"{_num(35 * quotite)} heure/semaine"
    if taux_atmp is not None:
        s["établissement . taux ATMP . taux collectif"] = f"{_num(taux_atmp * 100)}%"
    if mutuelle_montant is not None:
        s["salarié . cotisations . prévoyances . santé . montant"] = f"{_num(mutuelle_montant)} €/mois"
    if mutuelle_part_employeur is not None:
        s["salarié . cotisations . prévoyances . santé . taux employeur"] = f"{_num(mutuelle_part_employeur * 100)}%"
    if taux_pas is None:
        s["impôt . méthode de calcul"] = "'taux neutre'"
    else:
        s["impôt . méthode de calcul"] = "'taux personnalisé'"
        s["impôt . taux personnalisé"] = f"{_num(taux_pas * 100)}%"
    return s


def _m(rule: str) -> dict:
    return {"valeur": rule, "unité": "€/mois"}


SALARIE = {
    "salaire_brut": _m("salarié . contrat . salaire brut"),
    "cout_employeur": _m("salarié . coût total employeur"),
    "net_avant_impot": _m("salarié . rémunération . net . à payer avant impôt"),
    "net_imposable": _m("salarié . rémunération . net . imposable"),
    "impot": _m("impôt . montant"),
    "net_apres_impot": _m("salarié . rémunération . net . payé après impôt"),
    "cotisations_salariales": _m("salarié . cotisations . salarié"),
    "cotisations_patronales": _m("salarié . cotisations . employeur"),
    "rgdu": _m("salarié . cotisations . exonérations . RGDU"),
}


def evaluer_salarie(situations) -> list[dict]:
    keys = list(SALARIE)
    rules = [SALARIE[k] for k in keys]
    vals = evaluer([(s, rules) for s in situations])
    return [dict(zip(keys, v)) for v in vals]
