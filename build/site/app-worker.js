// Paper widget service worker, version {{.Version}}.
//
// The build fills in the placeholders (see pwa.go). Strategy:
// - install: precache every file the build ships, one request per file; any
//   failure names the file and fails the install, so a broken deployment
//   never leaves a worker that silently caches nothing (the previous worker,
//   if any, keeps serving).
// - navigations to the widget page (the scope root with or without its
//   trailing slash, or index.html, whatever the query string) get the cached
//   page; the query is read by the page itself.
// - paper lists (the bundled one and any same-origin list fetched by the page,
//   e.g. through ?src=) are network first with a cached fallback, so a new
//   list shows on the next online visit and a seen list works offline. Each
//   is kept under its whole URL: only the bundled list's own URL, without a
//   query, is ever stored as the bundled list. Of the ?src= lists, the
//   MAX_LISTS used last are kept and the others deleted.
// - everything else the build shipped is cache first.
// - activate deletes this scope's caches of other versions; caches of other
//   apps on the same origin are left alone.
"use strict";

const VERSION = "{{.Version}}";
const PRECACHE = {{.PaperWidgetPrecache}};
const BUNDLED_LIST = "{{.PaperWidgetList}}";

const SCOPE = new URL(self.registration.scope);
const PAGE = SCOPE.pathname; // the widget page's cache key, e.g. "/lab/papers/"
const CACHE_PREFIX = "paperwidget:" + PAGE + ":";
const CACHE = CACHE_PREFIX + VERSION;
// Lists fetched through ?src= outlive versions: a new build must not forget
// a list the user can only see offline.
const LISTS = CACHE_PREFIX + "lists";
// When each of LISTS' lists was last used, as one JSON object: a cache of its
// own, which no request of a page can write to.
const LISTS_USED = CACHE_PREFIX + "lists-used";
const LISTS_USED_KEY = new URL("lists-used.json", SCOPE).href;
// How many ?src= lists are kept: lists can be tens of megabytes, and every
// distinct URL (each query variant too) is another list.
const MAX_LISTS = 3;
// How long a list request waits for the network before answering from the
// cache (the network answer still refreshes the cache).
const NETWORK_TIMEOUT_MS = 4000;

const precached = new Set(PRECACHE.map((p) => new URL(p, self.location.origin).href));

self.addEventListener("install", (event) => {
  event.waitUntil(install());
});

async function install() {
  const cache = await caches.open(CACHE);
  const failures = [];
  await Promise.all(
    PRECACHE.map(async (path) => {
      try {
        // "reload" skips the HTTP cache: the files must be this build's.
        const response = await fetch(new Request(path, { cache: "reload" }));
        if (!response.ok) {
          throw new Error("HTTP " + response.status + " " + response.statusText);
        }
        // A redirected response cannot answer a navigation: keep the body.
        await cache.put(path, response.redirected ? new Response(await response.blob(), response) : response);
      } catch (err) {
        failures.push(path + " (" + err + ")");
      }
    })
  );
  if (failures.length > 0) {
    await caches.delete(CACHE);
    const msg = "paper widget " + VERSION + ": precaching failed for " + failures.join(", ");
    console.error(msg);
    throw new Error(msg);
  }
  // Take over without waiting for open tabs to close: go-app's app.js tells
  // the page when this worker activates and the page offers a reload.
  await self.skipWaiting();
}

self.addEventListener("activate", (event) => {
  event.waitUntil(activate());
});

async function activate() {
  const keys = await caches.keys();
  await Promise.all(
    keys
      .filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE && k !== LISTS && k !== LISTS_USED)
      .map((k) => caches.delete(k))
  );
  await self.clients.claim();
  // Not awaited: activation holds back every fetch of the pages it now
  // controls, and re-fetching a 100 MB list there made the page's own
  // request of it fail. Best effort: a list missed here is cached on the
  // next visit.
  cacheSeenLists().catch(() => {});
}

// fetching holds the list URLs that networkFirst is fetching for a page.
const fetching = new Set();

// How long cacheSeenLists leaves a page that is still starting to ask for
// its list itself.
const SEEN_LISTS_DELAY_MS = 3000;

// cacheSeenLists keeps the ?src= lists of the pages open right now: on a
// first visit the page may have fetched its list before this worker
// controlled it. A list the page is fetching through this worker is left
// to that request: a second download of a 100 MB list alongside it made
// the page's fail.
async function cacheSeenLists() {
  await new Promise((resolve) => setTimeout(resolve, SEEN_LISTS_DELAY_MS));
  const windows = await self.clients.matchAll({ type: "window" });
  await Promise.all(
    windows.map(async (client) => {
      const src = new URL(client.url).searchParams.get("src");
      if (!src) {
        return;
      }
      const url = new URL(src, client.url);
      if (url.origin !== self.location.origin) {
        return;
      }
      const cache = await caches.open(LISTS);
      if (fetching.has(url.href) || (await cache.match(url.href))) {
        return;
      }
      try {
        const response = await fetch(url.href);
        if (response.ok) {
          await keepList(url.href, response);
        }
      } catch (err) {
        // offline again: the page's next online visit caches it
      }
    })
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return; // other origins: the browser's own handling, CORS included
  }
  if (request.mode === "navigate") {
    if (isPage(url)) {
      event.respondWith(page(request));
    }
    return;
  }
  // The whole URL: /web/papers.json?x=1 is another list than the bundled
  // one, whatever the server answers for it.
  if (url.href === new URL(BUNDLED_LIST, url.origin).href) {
    event.respondWith(networkFirst(event, request, CACHE, BUNDLED_LIST));
    return;
  }
  const key = url.origin + url.pathname;
  if (url.search === "" && precached.has(key)) {
    event.respondWith(cacheFirst(request, key));
    return;
  }
  if (request.destination === "") {
    // fetch() from the page: a list named by ?src= on this origin.
    event.respondWith(networkFirst(event, request, LISTS, request.url));
  }
});

function isPage(url) {
  const p = url.pathname;
  return p === PAGE || p + "/" === PAGE || p === PAGE + "index.html";
}

async function page(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(PAGE, { ignoreSearch: true, ignoreVary: true });
  return cached || fetch(request);
}

async function cacheFirst(request, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key, { ignoreVary: true });
  return cached || fetch(request);
}

// networkFirst answers with the network when it answers in time and keeps
// successful answers in cacheName under key; offline, slow, or on a server
// error it answers with the cached copy when there is one.
async function networkFirst(event, request, cacheName, key) {
  let saved = Promise.resolve();
  fetching.add(request.url);
  const network = fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      saved = cacheName === LISTS ? keepList(key, copy) : caches.open(cacheName).then((cache) => cache.put(key, copy));
    }
    return response;
  });
  // Keep the worker alive until the cache is updated, even when the cached
  // copy answered first.
  event.waitUntil(
    network
      .then(() => saved)
      .catch(() => {})
      .finally(() => fetching.delete(request.url))
  );

  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, NETWORK_TIMEOUT_MS);
  });
  try {
    const response = await Promise.race([network, timeout]);
    if (response && response.status < 500) {
      return response;
    }
  } catch (err) {
    // offline: answer from the cache
  } finally {
    clearTimeout(timer);
  }
  const cache = await caches.open(cacheName);
  const cached = await cache.match(key, { ignoreVary: true });
  if (cached) {
    if (cacheName === LISTS) {
      event.waitUntil(usedList(key).catch(() => {}));
    }
    return cached;
  }
  return network; // no copy: the page reports the network's answer or error
}

// listsDone orders the changes to LISTS and LISTS_USED: each reads what the
// one before wrote.
let listsDone = Promise.resolve();

function inListsOrder(change) {
  const done = listsDone.then(change);
  listsDone = done.catch(() => {});
  return done;
}

// keepList stores a ?src= list and makes it the last used; it then deletes
// the lists used longest ago beyond MAX_LISTS.
function keepList(url, response) {
  return inListsOrder(async () => {
    const cache = await caches.open(LISTS);
    await cache.put(url, response);
    const used = await readUsed();
    used[url] = Date.now();
    const kept = (await cache.keys()).map((r) => r.url);
    // Lists with no time (kept by an older worker) count as the oldest.
    kept.sort((a, b) => (used[b] || 0) - (used[a] || 0));
    for (const old of kept.slice(MAX_LISTS)) {
      await cache.delete(old);
    }
    const left = {};
    for (const u of kept.slice(0, MAX_LISTS)) {
      left[u] = used[u] || 0;
    }
    await writeUsed(left);
  });
}

// usedList makes a list answered from the cache the last used.
function usedList(url) {
  return inListsOrder(async () => {
    const used = await readUsed();
    used[url] = Date.now();
    await writeUsed(used);
  });
}

async function readUsed() {
  const cache = await caches.open(LISTS_USED);
  const response = await cache.match(LISTS_USED_KEY);
  if (!response) {
    return {};
  }
  try {
    return await response.json();
  } catch (err) {
    return {};
  }
}

async function writeUsed(used) {
  const cache = await caches.open(LISTS_USED);
  await cache.put(LISTS_USED_KEY, new Response(JSON.stringify(used), { headers: { "Content-Type": "application/json" } }));
}
