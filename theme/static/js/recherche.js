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
  try {
    const pf = await moteur();
    const reponse = await pf.search(texte);
    trouves = await Promise.all(reponse.results.slice(0, MAX_RESULTATS).map((r) => r.data()));
  } catch (erreur) {
    statut.textContent = "La recherche n'a pas pu se charger. Utilisez la liste de toutes les pages ci-dessous.";
    liste.replaceChildren();
    if (plan) plan.hidden = false;
    return;
  }
  if (numero !== derniere) return; // une frappe plus récente a relancé la recherche
  const elements = trouves.map((donnees) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = donnees.url;
    a.textContent = donnees.meta?.title || donnees.url;
    li.append(a, extrait(donnees.excerpt || ""));
    return li;
  });
  liste.replaceChildren(...elements);
  // With results, the list of every page is hidden; it comes back when nothing is found.
  if (plan) plan.hidden = trouves.length > 0;
  statut.textContent = trouves.length
    ? `${trouves.length} ${trouves.length > 1 ? "pages trouvées" : "page trouvée"} pour « ${texte} ».`
    : `Aucune page ne contient « ${texte} ». Essayez un autre mot, ou parcourez la liste ci-dessous.`;
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
