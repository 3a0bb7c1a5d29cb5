// Prefetch on intent: on a page without a calculator, when the reader points at
// or focuses a link to a calculator page, the browser fetches that page's
// engine (Pyodide, its compiled standard library, the calculators wheel, the
// scripts) at low priority, so that the calculator computes sooner once the
// page opens.  Nothing is fetched for a reader who does not show that intent,
// nor with "data saver" on, nor from another origin.
//
// The files and the calculator pages are listed by the build on this script's
// tag (plugins/calculateurs): data-fichiers, data-pages (space-separated URLs).
// ?moteur=sans-prechargement in the address turns it off (measurements).

const tag = document.querySelector("script[data-prechargement]");
const switches = new Set((new URLSearchParams(location.search).get("moteur") || "").split(",").filter(Boolean));
const saveData = navigator.connection && navigator.connection.saveData;

function sameOrigin(list) {
  return (list || "")
    .split(/\s+/)
    .filter(Boolean)
    .map((u) => new URL(u, document.baseURI))
    .filter((u) => u.origin === location.origin);
}

if (tag && !switches.has("sans-prechargement") && !saveData) {
  const files = sameOrigin(tag.dataset.fichiers).map((u) => u.href);
  const pages = new Set(sameOrigin(tag.dataset.pages).map((u) => u.pathname));
  let done = false;

  const prefetch = () => {
    if (done) return;
    done = true;
    for (const href of files) {
      const link = document.createElement("link");
      link.rel = "prefetch";
      link.href = href;
      document.head.appendChild(link);
    }
    document.removeEventListener("pointerover", onIntent, true);
    document.removeEventListener("focusin", onIntent, true);
    document.removeEventListener("touchstart", onIntent, true);
  };

  const onIntent = (event) => {
    const a = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!a) return;
    const url = new URL(a.href, document.baseURI);
    if (url.origin === location.origin && pages.has(url.pathname)) prefetch();
  };

  if (files.length && pages.size) {
    document.addEventListener("pointerover", onIntent, { capture: true, passive: true });
    document.addEventListener("focusin", onIntent, { capture: true, passive: true });
    document.addEventListener("touchstart", onIntent, { capture: true, passive: true });
  }
}
