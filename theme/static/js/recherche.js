// Recherche plein texte du guide avec Pagefind (index construit par plugins/recherche).
// Tout vient du même site : /pagefind/pagefind.js, son index et son module WebAssembly.
// Sans JavaScript, le formulaire recharge la page et le plan du site reste affiché.

const racine = new URL("../../", import.meta.url);
const formulaire = document.querySelector("[data-recherche]");
const champ = formulaire?.querySelector("input[name=q]");
const zone = document.querySelector("[data-recherche-resultats]");
const statut = document.querySelector("[data-recherche-statut]");
const liste = document.querySelector("[data-recherche-liste]");
const plan = document.querySelector("[data-recherche-plan]");
const MAX_RESULTATS = 20;

let pagefind = null;
let derniere = 0;

async function moteur() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", racine).href);
    await pagefind.options({ baseUrl: racine.pathname, excerptLength: 26 });
    await pagefind.init();
  }
  return pagefind;
}

// Extrait Pagefind : du texte avec des <mark>. On le reconstruit nœud par nœud, sans innerHTML.
function extrait(html) {
  const p = document.createElement("p");
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  for (const noeud of doc.body.childNodes) {
    if (noeud.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = noeud.textContent;
      p.append(mark);
    } else {
      p.append(noeud.textContent);
    }
  }
  return p;
}


// La section de la page où le texte a été trouvé (Pagefind découpe chaque page à
// ses titres : sub_results, avec l'adresse de l'ancre) ; sinon la page entière.
function section(donnees) {
  const sous = (donnees.sub_results || []).filter((s) => s.url && s.url.includes("#"));
  if (!sous.length) return { url: donnees.url, titre: null, excerpt: donnees.excerpt };
  const meilleure = sous.reduce((a, b) => ((b.locations || []).length > (a.locations || []).length ? b : a));
  // the heading's anchor link (plugins/habillage) is part of its text for Pagefind
  const titre = (meilleure.title || "").replace(/\s*#?\s*Lien direct vers cette section\s*$/, "");
  return { url: meilleure.url, titre, excerpt: meilleure.excerpt || donnees.excerpt };
}

// Rien trouvé : un seul des mots, ou le début d'un mot (une faute de frappe à la
// fin), donne peut-être des pages ; sinon un des grands sujets du guide.
const SUJETS = ["portage", "TJM", "statut", "cotisations"];

async function suggestion(pf, texte) {
  const mots = texte.split(/\s+/).filter((m) => m.length > 2);
  const essais = [];
  if (mots.length > 1) essais.push(...mots);
  for (const m of mots) for (let n = m.length - 1; n >= 4 && essais.length < 12; n--) essais.push(m.slice(0, n));
  essais.push(...SUJETS);
  for (const essai of essais) {
    const r = await pf.search(essai);
    if (r.results.length) return { texte: essai, nombre: r.results.length };
  }
  return null;
}

async function chercher(requete) {
  const numero = ++derniere;
  const texte = requete.trim();
  if (!texte) {
    zone.hidden = true;
    if (plan) plan.hidden = false;
    return;
  }
  zone.hidden = false;
  statut.textContent = "Recherche en cours…";
  let trouves;
  let total;
  let propose = null;
  try {
    const pf = await moteur();
    const reponse = await pf.search(texte);
    if (numero !== derniere) return; // une frappe plus récente a relancé la recherche
    total = reponse.results.length;
    trouves = await Promise.all(reponse.results.slice(0, MAX_RESULTATS).map((r) => r.data()));
    if (!total) propose = await suggestion(pf, texte);
  } catch (erreur) {
    if (numero !== derniere) return;
    statut.textContent = "La recherche n'a pas pu se charger. Utilisez la liste de toutes les pages ci-dessous.";
    liste.replaceChildren();
    if (plan) plan.hidden = false;
    return;
  }
  // jamais une réponse ancienne par-dessus une plus récente
  if (numero !== derniere) return;
  const elements = trouves.map((donnees) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    const ici = section(donnees);
    const titre = donnees.meta?.title || donnees.url;
    a.href = ici.url;
    a.textContent = ici.titre && ici.titre !== titre ? `${titre} — ${ici.titre}` : titre;
    li.append(a, extrait(ici.excerpt || ""));
    return li;
  });
  liste.replaceChildren(...elements);
  // With results, the list of every page is hidden; it comes back when nothing is found.
  if (plan) plan.hidden = total > 0;
  if (total) {
    const montres = total > trouves.length ? ` (les ${trouves.length} plus pertinentes ci-dessous)` : "";
    statut.textContent = `${total} ${total > 1 ? "pages trouvées" : "page trouvée"} pour «\u202f${texte}\u202f»${montres}.`;
    return;
  }
  statut.replaceChildren(`Aucune page ne contient «\u202f${texte}\u202f». `);
  if (propose) {
    const lien = document.createElement("a");
    const url = new URL(window.location.href);
    url.searchParams.set("q", propose.texte);
    lien.href = url.href;
    lien.textContent = `Essayez «\u202f${propose.texte}\u202f»`;
    lien.addEventListener("click", (evenement) => {
      evenement.preventDefault();
      champ.value = propose.texte;
      memoriser(propose.texte);
      chercher(propose.texte);
    });
    statut.append(lien, ` (${propose.nombre} ${propose.nombre > 1 ? "pages" : "page"}), ou parcourez la liste ci-dessous.`);
  } else {
    statut.append("Essayez un autre mot, ou parcourez la liste ci-dessous.");
  }
}

function memoriser(requete) {
  const url = new URL(window.location.href);
  if (requete.trim()) url.searchParams.set("q", requete.trim());
  else url.searchParams.delete("q");
  window.history.replaceState(null, "", url);
}

if (formulaire && champ && zone && statut && liste) {
  document.querySelector("[data-recherche-sans-js]")?.setAttribute("hidden", "");
  let minuterie;
  champ.addEventListener("input", () => {
    clearTimeout(minuterie);
    minuterie = setTimeout(() => {
      memoriser(champ.value);
      chercher(champ.value);
    }, 200);
  });
  formulaire.addEventListener("submit", (evenement) => {
    evenement.preventDefault();
    clearTimeout(minuterie);
    memoriser(champ.value);
    chercher(champ.value).then(() => document.getElementById("resultats-titre")?.focus());
  });
  const initiale = new URLSearchParams(window.location.search).get("q") || "";
  if (initiale) {
    champ.value = initiale;
    chercher(initiale);
  }
  // Préchargement discret du moteur quand le visiteur arrive dans le champ.
  champ.addEventListener("focus", () => moteur().catch(() => {}), { once: true });
}
