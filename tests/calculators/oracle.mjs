// Batch evaluation of the URSSAF model (publicodes + modele-social, pinned in
// node_modules) for the project's tests.  See oracle.py for the Python API.
//
// stdin:  {"cas": [{"situation": {rule: value, ...}, "regles": [rule | {"valeur": rule, "unité": unit}, ...]}, ...]}
// stdout: {"versions": {...}, "resultats": [{"valeurs": [number|string|boolean|null, ...]} | {"erreur": "..."}, ...]}
//
// One engine is built once (about 0.5 s); each case costs one setSituation
// plus its evaluations (about 60 ms for a salarié case, ~500 ms with an
// inversion).  Warnings of the model are silenced.
import Engine from 'publicodes';
import rules from 'modele-social';
import { readFileSync } from 'node:fs';

const versions = {};
for (const p of ['publicodes', 'modele-social']) {
  try {
    const url = new URL(`../../node_modules/${p}/package.json`, import.meta.url);
    versions[p] = JSON.parse(readFileSync(url, 'utf8')).version;
  } catch { versions[p] = null; }
}

const input = JSON.parse(readFileSync(0, 'utf8'));
const silent = { log() {}, warn() {}, error() {} };
const engine = new Engine(rules, { logger: silent });
const resultats = [];
for (const cas of input.cas) {
  try {
    engine.setSituation(cas.situation || {});
    const valeurs = [];
    for (const r of cas.regles) {
      const node = engine.evaluate(r);
      let v = node.nodeValue;
      if (v === undefined) v = null;
      if (typeof v === 'number' && !Number.isFinite(v)) v = null;
      valeurs.push(v);
    }
    resultats.push({ valeurs });
  } catch (e) {
    resultats.push({ erreur: String(e && e.message || e).slice(0, 500) });
  }
}
process.stdout.write(JSON.stringify({ versions, resultats }));
