// Service worker of the site (written to the site's root as sw.js by
// plugins/calculateurs, which fills in VERSION and RUNTIME): the calculators
// keep working offline after one visit of a calculator page.
//
// It stays out of the fast path:
// - while the browser is online, it does not answer the requests of scripts,
//   the wasm or the runtime files at all: the browser's own network path and
//   HTTP cache serve them (and the compiled-code cache of the wasm and scripts
//   keeps working: served from Cache Storage they would miss it);
// - pages (navigations) go to the network first (with navigation preload); a
//   copy of each page visited is kept, answered only when the network fails;
// - offline, everything comes from its caches.
// The runtime files have versioned names (content hashes); the caches carry
// the build's VERSION and the caches of other versions are deleted when this
// one activates: after a deploy, no old rules are served, online or offline.
// It is registered by theme/static/js/calculateur.js once the engine is ready,
// only on calculator pages; the site works the same without it
// (?moteur=sans-sw unregisters it).

const VERSION = "%VERSION%";
const RUNTIME = %RUNTIME%;
const RUNTIME_CACHE = `cadre-libre-moteur-${VERSION}`;
const PAGES_CACHE = `cadre-libre-pages-${VERSION}`;
const OURS = [RUNTIME_CACHE, PAGES_CACHE];

self.addEventListener("install", (event) => {
  // the visitor has just downloaded these files: they come from the HTTP cache
  event.waitUntil(
    caches
      .open(RUNTIME_CACHE)
      .then((cache) => cache.addAll(RUNTIME))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        // (the engine's memory snapshot, cadre-libre-instantane, is keyed by content by the engine itself)
        if (name.startsWith("cadre-libre-") && !OURS.includes(name) && name !== "cadre-libre-instantane") {
          await caches.delete(name);
        }
      }
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      await self.clients.claim();
    })(),
  );
});

// The page that registered the worker asks it to keep its own files (the page,
// its stylesheets and scripts), then hears back when everything is stored.
self.addEventListener("message", (event) => {
  const msg = event.data || {};
  if (msg.type !== "garder") return;
  const urls = (msg.urls || []).filter((u) => new URL(u).origin === self.location.origin);
  event.waitUntil(
    (async () => {
      const pages = await caches.open(PAGES_CACHE);
      await Promise.all(urls.map((u) => pages.add(new Request(u, { cache: "default" })).catch(() => {})));
      const runtime = await caches.open(RUNTIME_CACHE);
      const missing = [];
      for (const u of RUNTIME) if (!(await runtime.match(u))) missing.push(u);
      if (missing.length) await runtime.addAll(missing);
      if (event.source) event.source.postMessage({ type: "garde", version: VERSION });
    })(),
  );
});

async function fromCaches(request) {
  const url = new URL(request.url);
  const runtime = await caches.open(RUNTIME_CACHE);
  const pages = await caches.open(PAGES_CACHE);
  return (
    (await runtime.match(url.href, { ignoreSearch: true })) ||
    (await pages.match(request, { ignoreSearch: true, ignoreVary: true })) ||
    (await pages.match(url.origin + url.pathname, { ignoreVary: true })) ||
    Response.error()
  );
}

async function page(event) {
  const request = event.request;
  try {
    const response = (await event.preloadResponse) || (await fetch(request));
    if (response && response.ok && response.type === "basic") {
      const copy = response.clone();
      const url = new URL(request.url);
      event.waitUntil(caches.open(PAGES_CACHE).then((c) => c.put(url.origin + url.pathname, copy)));
    }
    return response;
  } catch (err) {
    const cached = await fromCaches(request);
    if (cached.type !== "error") return cached;
    throw err;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(event));
  } else if (self.navigator.onLine === false) {
    event.respondWith(fromCaches(request));
  }
  // online: not answered, the browser fetches as if there were no service worker
});
