// Enhances the calculators of a page (the page is complete without it: the
// form and the result for the preset values are prerendered at build time).
//
// As soon as the page is parsed (on the first interaction with a compact block),
// ONE module Web Worker starts; it loads Pyodide and the calculators wheel from
// this site's origin.  Each change of input (debounced) is sent to the worker,
// which answers with the result HTML (the same renderer as the build) or with
// French messages per field.  The inputs are mirrored in the URL.

const DEBOUNCE_MS = 150;
const LOAD_TIMEOUT_MS = 60000;
// A computation takes well under a second; past this, the engine is taken as
// stopped (a worker that died or hangs): the result says it is not current, and
// the next change starts a new engine.
const COMPUTE_TIMEOUT_MS = 15000;

const roots = Array.from(document.querySelectorAll(".calculateur[data-calculateur]"));

// Switches to measure or diagnose the loading of the engine, in the page's address:
// ?moteur=stdlib-npm (Pyodide's own standard library, sources, instead of the one
// compiled at build time), sans-sw (no service worker: the one installed is
// removed), sans-instantane (no memory snapshot of the engine, neither used nor
// made), demarrage-tardif (the engine starts once the page is loaded and the browser
// idle, as before December 2026).  Several are separated by commas.
const SWITCHES = new Set((new URLSearchParams(location.search).get("moteur") || "").split(",").filter(Boolean));

// ---------------------------------------------------------------------------
// The worker, shared by every calculator of the page
// ---------------------------------------------------------------------------

let worker = null;
let ready = null;
let engine = "idle"; // idle | loading | ready | failed
let nextId = 1;
const pending = new Map(); // id -> {resolve, reject, timer}
let current = null; // the engine start in progress: a failure of an older one is ignored

function frenchError(french) {
  const err = new Error(french);
  err.french = french;
  return err;
}

function whyNoEngine() {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    return "votre navigateur ne prend pas en charge WebAssembly";
  }
  if (typeof Worker !== "function") return "votre navigateur ne prend pas en charge les Web Workers";
  return null;
}

function startEngine() {
  if (ready) return ready;
  engine = "loading";
  const mine = {};
  current = mine;
  for (const r of roots) if (r.calc) r.calc.loading();
  ready = new Promise((resolve, reject) => {
    const missing = whyNoEngine();
    if (missing) {
      reject(frenchError(missing));
      return;
    }
    const first = roots[0];
    const timer = setTimeout(() => reject(frenchError("le chargement a pris trop de temps")), LOAD_TIMEOUT_MS);
    try {
      worker = new Worker(new URL("./calculateur-worker.js", import.meta.url), { type: "module" });
    } catch (err) {
      clearTimeout(timer);
      reject(err);
      return;
    }
    worker.addEventListener("message", (event) => {
      const msg = event.data;
      if (msg.type === "ready") {
        clearTimeout(timer);
        performance.mark("calc-moteur-pret", { detail: msg.timings || {} });
        resolve();
      } else if (msg.type === "error") {
        clearTimeout(timer);
        reject(new Error(msg.message));
      } else if (msg.type === "result") {
        const done = pending.get(msg.id);
        pending.delete(msg.id);
        if (done) {
          clearTimeout(done.timer);
          done.resolve(msg);
        }
      }
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      if (engine === "ready") {
        stopEngine("le moteur de calcul s'est arrêté");
        return;
      }
      reject(new Error(event.message || "le moteur de calcul n'a pas démarré"));
    });
    worker.postMessage({
      type: "init",
      runtime: new URL(first.dataset.runtime, document.baseURI).href,
      wheel: new URL(first.dataset.wheel, document.baseURI).href,
      stdlib: first.dataset.stdlib && !SWITCHES.has("stdlib-npm") ? new URL(first.dataset.stdlib, document.baseURI).href : null,
      names: Array.from(new Set(roots.map((r) => r.dataset.calculateur))),
      snapshot: !SWITCHES.has("sans-instantane"),
    });
  });
  ready.then(
    () => {
      if (current !== mine) return;
      engine = "ready";
      roots.forEach((r) => r.calc && r.calc.engineReady());
      setTimeout(offline, 0);
    },
    (err) => {
      if (current !== mine) return;
      engine = "failed";
      if (worker) worker.terminate();
      worker = null;
      // the next change tries again (a connection back, a file unblocked)
      ready = null;
      roots.forEach((r) => r.calc && r.calc.engineFailed(err));
    },
  );
  return ready;
}

// The engine stopped answering after it started (a worker that died or hangs):
// every waiting computation is rejected with the reason, the worker is ended,
// and the next change starts a new one.
function stopEngine(reason) {
  if (worker) worker.terminate();
  worker = null;
  ready = null;
  current = null;
  engine = "idle";
  const waiting = Array.from(pending.values());
  pending.clear();
  for (const p of waiting) {
    clearTimeout(p.timer);
    p.reject(frenchError(reason));
  }
}

// Offline after one visit: once the engine works, the service worker of the site
// (sw.js, network first: plugins/calculateurs/service-worker.js) is registered and
// keeps this page's files; <html data-hors-ligne="pret"> says when they are stored.
async function offline() {
  const url = roots[0].dataset.sw;
  if (!url || !("serviceWorker" in navigator)) return;
  try {
    if (SWITCHES.has("sans-sw")) {
      for (const reg of await navigator.serviceWorker.getRegistrations()) await reg.unregister();
      return;
    }
    const sw = new URL(url, document.baseURI);
    await navigator.serviceWorker.register(sw.href, { scope: new URL("./", sw).href });
    const reg = await navigator.serviceWorker.ready;
    const files = [location.href.split("#")[0]];
    for (const e of performance.getEntriesByType("resource")) {
      const u = new URL(e.name);
      if (u.origin === location.origin && !u.pathname.includes("/runtime/")) files.push(u.href);
    }
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data && event.data.type === "garde") document.documentElement.dataset.horsLigne = "pret";
    });
    reg.active.postMessage({ type: "garder", urls: files });
  } catch (_err) {
    // no offline mode (private browsing, storage full…): the site works the same
  }
}

// One computation: resolves with the worker's answer ({ok, html…} or {ok: false,
// errors}); rejects, with a French reason, when the engine is gone or does not
// answer within COMPUTE_TIMEOUT_MS.
function compute(calculator, inputs, uid) {
  return new Promise((resolve, reject) => {
    if (!worker || engine !== "ready") {
      reject(frenchError("le moteur de calcul n'est pas disponible"));
      return;
    }
    const id = nextId++;
    const timer = setTimeout(() => {
      if (pending.has(id)) stopEngine("le moteur de calcul ne répond plus");
    }, COMPUTE_TIMEOUT_MS);
    pending.set(id, { resolve, reject, timer });
    try {
      worker.postMessage({ type: "compute", id, calculator, inputs, uid });
    } catch (_err) {
      stopEngine("le moteur de calcul s'est arrêté");
    }
  });
}

// ---------------------------------------------------------------------------
// One calculator
// ---------------------------------------------------------------------------

// The value as typed: the engine's one parser (calculators/core/schema.py)
// reads « 7,5 », « 3 500,50 € » or « 12 % », or says why not beside the field.
// A rate field shows a percentage (data-echelle="100") and the engine takes a
// fraction: "7,5" in the field is sent as "7,5 %", which the parser reads as 0.075.
function fromDisplay(control, value) {
  if (control.getAttribute("data-echelle") !== "100" || /%\s*$/.test(value)) return value;
  return `${value} %`;
}

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

class Calculator {
  constructor(root, index) {
    this.root = root;
    this.index = index;
    this.name = root.dataset.calculateur;
    this.uid = root.id;
    this.prefix = index === 0 ? "" : `${root.id}.`;
    this.form = root.querySelector("form.calc-form");
    this.output = root.querySelector(".calc-sortie");
    this.side = root.querySelector(".calc-cote") || root;
    this.status = root.querySelector(".calc-etat");
    this.print = root.querySelector(".calc-impression");
    this.controls = Array.from(this.form.elements).filter((e) => e.name);
    this.driving = (this.controls.find((c) => c.hasAttribute("data-pilote")) || {}).name || null;
    this.initial = this.snapshot();
    // values of the link the form cannot hold (an unknown choice, a bad date):
    // sent as they are, so that the engine says why beside the field
    this.fromUrl = {};
    this.timer = null;
    this.latest = 0;
    this.failed = false;
    this.current = true;
    this.waiting = false;
    root.classList.add("calc--js");
    this.buildTools();
    this.markComputed();
    this.updateGlance();
    this.form.addEventListener("focusin", () => startEngine(), { once: true });
    this.form.addEventListener("input", (e) => this.changed(e));
    this.form.addEventListener("change", (e) => this.changed(e));
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.recompute();
    });
    if (this.restoreFromUrl()) {
      this.current = false;
      this.setPending("Chargement du moteur de calcul pour les valeurs du lien…");
      startEngine();
      if (engine === "loading") this.loading();
    }
  }

  // -- values --------------------------------------------------------------
  snapshot() {
    const out = {};
    for (const c of this.controls) out[c.name] = c.type === "checkbox" ? (c.checked ? "true" : "false") : c.value;
    return out;
  }

  inputs() {
    const out = {};
    for (const c of this.controls) {
      if (c.hasAttribute("data-sortie") && c.name !== this.driving) continue;
      if (c.name in this.fromUrl) out[c.name] = this.fromUrl[c.name];
      else if (c.type === "checkbox") out[c.name] = c.checked ? "true" : "false";
      else if (c.value.trim() !== "") out[c.name] = fromDisplay(c, c.value.trim());
    }
    return out;
  }

  localErrors() {
    const errors = {};
    for (const c of this.controls) {
      if (c.validity && c.validity.badInput) errors[c.name] = "Saisissez un nombre.";
    }
    return errors;
  }

  restoreFromUrl() {
    const params = new URLSearchParams(location.search);
    let found = false;
    for (const c of this.controls) {
      const key = this.prefix + c.name;
      if (!params.has(key)) continue;
      const v = params.get(key);
      if (c.type === "checkbox") {
        const yes = ["true", "oui", "1", "on"].includes(v.toLowerCase());
        c.checked = yes;
        if (!yes && !["false", "non", "0", "off"].includes(v.toLowerCase())) this.fromUrl[c.name] = v;
      } else {
        c.value = v;
        // a select without that option, a date input given a bad date: never a silent default
        if (c.value !== v) this.fromUrl[c.name] = v;
      }
      if (c.hasAttribute("data-sortie")) this.setDriving(c.name);
      found = true;
      // a value of the link that differs from the page's is shown, not left in a
      // closed « Plus d'options »
      const box = c.closest("details");
      if (box && (c.name in this.fromUrl || this.snapshot()[c.name] !== this.initial[c.name])) box.open = true;
    }
    return found;
  }

  writeUrl() {
    const params = new URLSearchParams(location.search);
    const now = this.snapshot();
    for (const c of this.controls) {
      const key = this.prefix + c.name;
      const isOut = c.hasAttribute("data-sortie");
      const keep = isOut ? c.name === this.driving && now[c.name] !== this.initial[c.name] : now[c.name] !== this.initial[c.name];
      if (keep && now[c.name] !== "") params.set(key, now[c.name]);
      else params.delete(key);
    }
    const q = params.toString();
    history.replaceState(history.state, "", location.pathname + (q ? "?" + q : "") + location.hash);
  }

  setDriving(name) {
    this.driving = name;
    for (const c of this.controls) {
      if (!c.hasAttribute("data-sortie")) continue;
      if (c.name === name) c.setAttribute("data-pilote", "");
      else c.removeAttribute("data-pilote");
    }
    this.markComputed();
  }

  markComputed() {
    for (const c of this.controls) {
      if (!c.hasAttribute("data-sortie")) continue;
      const box = c.closest(".calc-champ");
      if (box) box.classList.toggle("calc-champ--calcule", c.name !== this.driving);
    }
  }

  // -- events --------------------------------------------------------------
  changed(event) {
    const target = event.target;
    if (target && target.name) delete this.fromUrl[target.name];
    if (target && target.hasAttribute && target.hasAttribute("data-sortie") && target.name !== this.driving) {
      this.setDriving(target.name);
    }
    startEngine();
    // from the first keystroke until the new result is in, the result is pending
    this.setPending(engine === "ready" ? "Recalcul en cours…" : "Chargement du moteur de calcul…");
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recompute(), DEBOUNCE_MS);
  }

  loading() {
    this.root.classList.add("calc--chargement");
    this.root.classList.remove("calc--echec"); // a new attempt: its own outcome will tell
    if (this.waiting) this.setPending(this.failed ? "Nouvel essai de chargement du moteur de calcul…" : "Chargement du moteur de calcul…");
  }

  engineReady() {
    this.root.classList.remove("calc--chargement");
    this.failed = false;
    if (!this.current || this.dirty() || this.waiting) this.recompute();
    else if (this.status.dataset.loading) this.say("Calcul en direct prêt.");
  }

  engineFailed(err) {
    this.failed = true;
    this.failure = err;
    this.root.classList.remove("calc--chargement");
    this.root.classList.add("calc--echec");
    // the visitor reads French; the browser's own message stays available to developers
    this.root.dataset.erreur = String((err && err.message) || err);
    const reason = err && err.french ? err.french : "les fichiers du moteur de calcul n'ont pas pu être chargés (connexion interrompue, fichiers bloqués ou mémoire insuffisante)";
    const dirty = this.dirty() || !this.current;
    this.setPending(false);
    this.say(
      `Le calcul en direct n'a pas pu démarrer\u202f: ${reason}. Le résultat affiché ci-dessous reste celui des valeurs préremplies` +
        (dirty ? ", il ne tient pas compte de vos modifications." : ".") +
        " Modifiez une valeur pour réessayer, ou revenez plus tard avec un navigateur récent.",
    );
    if (dirty) this.setStale(true, `Résultat non à jour\u202f: le calcul en direct n'a pas pu démarrer (${reason})\u202f; il correspond aux valeurs préremplies, pas à votre saisie.`);
  }

  // The engine stopped answering (a timeout, a worker that died) while this
  // result was being recomputed: the result shown is the last one computed.
  engineStopped(err) {
    const reason = (err && err.french) || "le moteur de calcul s'est arrêté";
    this.root.classList.add("calc--echec");
    this.root.dataset.erreur = String((err && err.message) || err);
    this.setPending(false);
    const text = `Résultat non à jour\u202f: ${reason}\u202f; il correspond aux dernières valeurs calculées, pas à votre saisie actuelle. Modifiez une valeur pour réessayer.`;
    this.setStale(true, text);
    this.say(text);
  }

  dirty() {
    const now = this.snapshot();
    return Object.keys(now).some((k) => now[k] !== this.initial[k]);
  }

  say(text) {
    this.status.textContent = text;
  }

  async recompute() {
    const local = this.localErrors();
    if (Object.keys(local).length) {
      this.showErrors(local);
      return;
    }
    if (engine === "failed") {
      // the engine failed before this change: say again, now that the form differs from the result
      this.current = false;
      this.engineFailed(this.failure);
      return;
    }
    if (engine !== "ready") {
      this.current = false;
      this.status.dataset.loading = "1";
      this.setPending("Chargement du moteur de calcul…");
      if (engine === "idle") startEngine();
      return; // engineReady() recomputes, engineFailed() says why not
    }
    const id = ++this.latest;
    const inputs = this.inputs();
    const start = performance.now();
    let out;
    try {
      out = await compute(this.name, inputs, this.uid);
    } catch (err) {
      if (id === this.latest) this.engineStopped(err);
      return;
    }
    if (id !== this.latest) return; // a newer change is on its way
    this.setPending(false);
    if (out.ok) {
      this.output.innerHTML = out.html;
      // for bench/bench_calculator_page.py: worker round trip + DOM update
      performance.measure("calc-recalcul", { start, end: performance.now() });
      this.root.dataset.entrees = JSON.stringify(inputs);
      this.clearErrors();
      this.fillOutputs(out.valeurs || {});
      this.setStale(false);
      this.root.classList.remove("calc--echec");
      this.updatePrint(out.date);
      this.showYearSwitch();
      this.updateGlance();
      this.writeUrl();
      this.announce();
    } else {
      this.showErrors(out.errors || {});
    }
  }

  fillOutputs(values) {
    for (const c of this.controls) {
      if (!c.hasAttribute("data-sortie") || c.name === this.driving) continue;
      const v = values[c.name];
      if (typeof v === "number" && document.activeElement !== c) c.value = String(Math.round(v * 100) / 100);
    }
  }

  // The live region says the net (after tax where there is one), not the turnover
  // that often comes first among the key figures; the comparator says each status's.
  announce() {
    const parts = this.netFigures();
    this.say(parts.length ? `Résultat mis à jour\u202f: ${parts.join("\u202f; ")}.` : "Résultat mis à jour.");
  }

  // "label value" of the net figures of the result (after tax where there is one)
  netFigures(onlyHighest = false) {
    const all = Array.from(this.output.querySelectorAll(".calc-chiffres:not(.calc-chiffres--sans-objet) .calc-chiffre"));
    const code = (c) => c.dataset.code || "";
    let chosen = all.filter((c) => /^(revenu_)?net_apres_impot/.test(code(c)));
    if (!chosen.length) chosen = all.filter((c) => /^(revenu_)?net/.test(code(c))).slice(0, 1);
    if (!chosen.length) chosen = all.slice(0, 1);
    if (onlyHighest && chosen.length > 1) {
      const v = (c) => parseFloat((c.querySelector(".calc-valeur") || {}).dataset?.valeur || "NaN");
      chosen = [chosen.reduce((a, b) => (v(b) > v(a) ? b : a))];
    }
    const period = this.root.classList.contains("calc--annuel") ? ".calc-periode--an" : ".calc-periode--mois";
    return chosen.map((c) => {
      const label = c.querySelector("dt").textContent;
      const value = (c.querySelector(period) || c.querySelector(".calc-valeur")).textContent;
      return `${label} ${value}`;
    });
  }

  // The key result in a bar that stays at the bottom of the screen while the
  // visitor goes through the form (a phone, a comparator): a link to the result.
  // Hidden from assistive technologies: the live region says the same.
  updateGlance() {
    if (!this.glance) {
      this.glance = el("a", { class: "calc-apercu", href: `#${this.output.id}`, "aria-hidden": "true", tabindex: "-1" });
      // on a phone the result has no box of its own (its key figures come right under
      // the first fields, calculateur.css): the link goes to its first element
      this.glance.addEventListener("click", (event) => {
        if (getComputedStyle(this.output).display !== "contents") return;
        const first = Array.from(this.output.querySelectorAll(".calc-resultat > *")).find((e) => e.getClientRects().length);
        if (!first) return;
        event.preventDefault();
        first.scrollIntoView({ block: "start" });
      });
      this.form.after(this.glance);
    }
    // not over the key figures themselves: the bar shows while they are out of view
    const figures = this.output.querySelector(".calc-chiffres");
    if (typeof IntersectionObserver === "function") {
      if (!this.glanceWatch) {
        this.glanceWatch = new IntersectionObserver((entries) => {
          for (const e of entries) this.glance.classList.toggle("calc-apercu--masque", e.isIntersecting);
        });
      }
      this.glanceWatch.disconnect();
      if (figures) this.glanceWatch.observe(figures);
    }
    // one figure: the net, or the comparator's highest
    const parts = this.netFigures(true);
    this.glance.hidden = !parts.length;
    this.glance.textContent = parts.join(" · ");
    this.glance.classList.toggle("calc-apercu--attente", this.waiting || !this.current);
  }

  clearErrors() {
    for (const c of this.controls) this.setError(c, "");
    const general = this.root.querySelector(".calc-erreurs-generales");
    if (general) general.remove();
  }

  setError(control, message) {
    const box = document.getElementById(`${control.id}-erreur`);
    if (!box) return;
    const ids = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter((x) => x && x !== box.id);
    if (message) {
      box.textContent = message;
      box.hidden = false;
      control.setAttribute("aria-invalid", "true");
      ids.push(box.id);
    } else {
      box.textContent = "";
      box.hidden = true;
      control.removeAttribute("aria-invalid");
    }
    if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
    else control.removeAttribute("aria-describedby");
  }

  showErrors(errors) {
    const byName = new Map(this.controls.map((c) => [c.name, c]));
    const general = [];
    for (const c of this.controls) {
      this.setError(c, errors[c.name] || "");
      // an advanced field in error is shown, not left in a closed disclosure
      const box = errors[c.name] && c.closest("details");
      if (box) box.open = true;
    }
    for (const [k, msg] of Object.entries(errors)) if (!byName.has(k)) general.push(msg);
    let list = this.root.querySelector(".calc-erreurs-generales");
    if (list) list.remove();
    if (general.length) {
      list = el("ul", { class: "calc-erreurs-generales" });
      for (const m of general) list.appendChild(el("li", {}, m));
      this.form.appendChild(list);
    }
    const n = Object.keys(errors).length;
    this.setPending(false);
    this.setStale(true);
    this.say(
      (n > 1 ? `${n} valeurs sont à corriger` : "Une valeur est à corriger") +
        "\u202f; le résultat affiché correspond aux dernières valeurs valides.",
    );
  }

  // Not current: the note at the top of the result says so and why.
  setStale(stale, text) {
    this.current = !stale;
    this.output.classList.toggle("calc-sortie--perime", stale);
    let note = this.root.querySelector(".calc-perime");
    if (stale) {
      if (!note) {
        note = el("p", { class: "calc-perime" });
        this.output.before(note);
      }
      note.textContent = text || "Résultat non à jour\u202f: il correspond aux dernières valeurs valides, pas à votre saisie actuelle.";
    } else if (note) {
      note.remove();
    }
  }

  // Pending: a recomputation (or the engine's loading) is under way; the result
  // is dimmed with a short label at its top, said once in the live region.
  setPending(text) {
    let label = this.root.querySelector(".calc-attente");
    if (!text) {
      this.waiting = false;
      this.output.classList.remove("calc-sortie--attente");
      this.output.removeAttribute("aria-busy");
      if (label) label.remove();
      if (this.glance) this.glance.classList.toggle("calc-apercu--attente", !this.current);
      return;
    }
    const said = this.waiting && label && label.textContent === text;
    this.waiting = true;
    this.output.classList.add("calc-sortie--attente");
    this.output.setAttribute("aria-busy", "true");
    if (!label) {
      label = el("p", { class: "calc-attente" });
      this.output.before(label);
    }
    label.textContent = text;
    if (this.glance) this.glance.classList.add("calc-apercu--attente");
    if (!said) this.say(text);
  }

  // -- tools: month/year, link, print -------------------------------------
  buildTools() {
    const tools = el("div", { class: "calc-outils", role: "group", "aria-label": "Affichage et partage" });
    const year = el("button", { type: "button", class: "calc-bouton", "aria-pressed": "false" }, "Montants par an");
    year.addEventListener("click", () => {
      const on = this.root.classList.toggle("calc--annuel");
      year.setAttribute("aria-pressed", on ? "true" : "false");
    });
    const link = el("button", { type: "button", class: "calc-bouton" }, "Copier le lien de cette simulation");
    link.addEventListener("click", () => this.copyLink());
    const print = el("button", { type: "button", class: "calc-bouton" }, "Imprimer");
    print.addEventListener("click", () => window.print());
    tools.append(year, link, print);
    this.status.after(tools);
    this.yearButton = year;
    this.showYearSwitch();
  }

  // The month/year switch only where a figure of the result has both.
  showYearSwitch() {
    const both = !!this.output.querySelector(".calc-chiffre .calc-periode--an");
    this.yearButton.hidden = !both;
    if (!both && this.root.classList.contains("calc--annuel")) {
      this.root.classList.remove("calc--annuel");
      this.yearButton.setAttribute("aria-pressed", "false");
    }
  }

  async copyLink() {
    this.writeUrl();
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
      this.say("Lien copié\u202f: collez-le pour partager cette simulation.");
    } catch (_err) {
      this.say(`Copiez cette adresse pour partager la simulation\u202f: ${url}`);
    }
  }

  updatePrint(date) {
    if (!this.print) return;
    const items = [];
    for (const c of this.controls) {
      if (c.hasAttribute("data-sortie") && c.name !== this.driving) continue;
      const label = this.form.querySelector(`label[for="${c.id}"]`);
      let v = c.type === "checkbox" ? (c.checked ? "oui" : "non") : c.tagName === "SELECT" ? c.selectedOptions[0]?.textContent : c.value;
      if (!v) continue;
      items.push(el("li", {}, `${label ? label.textContent.trim() : c.name}\u202f: ${v}`));
    }
    const year = (date || "").slice(0, 4);
    const today = frenchDate(new Date());
    const head = el("p", {}, `Simulation imprimée le ${today}, règles ${year}\u202f; résultat indicatif.`);
    const ul = el("ul");
    ul.append(...items);
    this.print.replaceChildren(head, ul);
  }
}

// « 1er décembre 2026 », « 2 décembre 2026 » (toLocaleDateString writes « 1 décembre »)
const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
function frenchDate(d) {
  const day = d.getDate();
  return `${day === 1 ? "1er" : day} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

function openDetailsForPrint() {
  const opened = [];
  window.addEventListener("beforeprint", () => {
    for (const r of roots) {
      const result = r.querySelector(".calc-resultat");
      if (r.calc && result) r.calc.updatePrint(result.dataset.date);
    }
    // the breakdown, the hypotheses and the sources; not the advanced fields nor the chart's values
    for (const d of document.querySelectorAll(".calc-sortie details:not([open])")) {
      if (d.closest("figure")) continue;
      d.open = true;
      opened.push(d);
    }
  });
  window.addEventListener("afterprint", () => {
    while (opened.length) opened.pop().open = false;
  });
}

if (roots.length) {
  roots.forEach((root, i) => {
    root.calc = new Calculator(root, i);
  });
  openDetailsForPrint();
  // A compact block (the home page, an article) stays light: its engine loads on
  // interaction only.  A page whose calculator is shown whole is there to compute:
  // its engine starts now, while the page is still being laid out (on a first visit,
  // about 0.2 s before the load event and the browser's first idle moment, where it
  // started until December 2026; ?moteur=demarrage-tardif keeps that, for bench/).
  if (!roots.every((r) => r.hasAttribute("data-compact"))) {
    if (SWITCHES.has("demarrage-tardif")) {
      const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 1500));
      const whenLoaded = () => idle(() => startEngine(), { timeout: 4000 });
      if (document.readyState === "complete") whenLoaded();
      else window.addEventListener("load", whenLoaded, { once: true });
    } else {
      startEngine();
    }
  }
}
