// Money Tracking service worker: the app shell and the last dashboard open offline.
// Plain JS on purpose — it runs in the browser as-is, with no build step in between.
const VERSION = "v1";
const SHELL = `shell-${VERSION}`;
const PAGES = `pages-${VERSION}`;
const OFFLINE_URL = "/offline";
const PRECACHE = [OFFLINE_URL, "/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon.svg"];
// Only these pages are kept for offline reading; personal data is not cached beyond them.
const OFFLINE_PAGES = ["/dashboard"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => ![SHELL, PAGES].includes(key)).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// A page shown without a navigation through this worker (the very first visit, or a client-side
// route change) is saved here; a copy fresher than this is not fetched again.
const RESAVE_AFTER_MS = 60_000;
const savedAt = new Map();

self.addEventListener("message", (event) => {
  // Signing out must not leave the last dashboard readable on this device.
  if (event.data === "clear-private-cache") {
    savedAt.clear();
    event.waitUntil(caches.delete(PAGES));
  } else if (event.data?.type === "page-shown" && typeof event.data.path === "string") {
    event.waitUntil(Promise.all([savePage(event.data.path), saveAssets(event.data.assets)]));
  }
});

function isStaticAsset(url) {
  return (
    url.origin === self.location.origin &&
    (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/"))
  );
}

async function savePage(path) {
  if (!OFFLINE_PAGES.includes(path) || Date.now() - (savedAt.get(path) ?? 0) < RESAVE_AFTER_MS) return;
  savedAt.set(path, Date.now());
  const response = await fetch(path, { credentials: "same-origin" }).catch(() => null);
  // Redirected means signed out: there is nothing private to keep.
  if (response?.ok && !response.redirected) await (await caches.open(PAGES)).put(path, response);
}

/** The scripts and styles the page loaded before this worker controlled it, for the next offline visit. */
async function saveAssets(urls) {
  if (!Array.isArray(urls)) return;
  const cache = await caches.open(SHELL);
  const wanted = urls.map((u) => new URL(String(u), self.location.origin)).filter(isStaticAsset);
  await Promise.all(wanted.map(async (url) => (await cache.match(url.href)) || cache.add(url.href).catch(() => {})));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;

  if (isStaticAsset(url)) {
    // Hashed file names never change content: cache first.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(SHELL).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
    return;
  }

  if (request.mode === "navigate") {
    // Network first, so data is fresh whenever there is a network; the last copy otherwise.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && !response.redirected && OFFLINE_PAGES.includes(url.pathname)) {
            savedAt.set(url.pathname, Date.now());
            const copy = response.clone();
            caches.open(PAGES).then((cache) => cache.put(url.pathname, copy));
          }
          return response;
        })
        .catch(async () => (await caches.match(url.pathname)) || (await caches.match(OFFLINE_URL))),
    );
  }
});
