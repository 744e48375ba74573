// Keeps Pairwise usable with no network after the first visit, and takes a new version on the next
// visit. Every request for the site's own files goes to the network first (revalidating, so an
// unchanged file costs a 304 at most); the answer is kept in the cache, and the cache answers only
// when the network does not. So an online visit always gets the current version as a whole, and an
// offline one gets the last version seen. Stored data is in IndexedDB, which this never touches.
'use strict';

const CACHE = 'pairwise-site';
// What the app needs to start; fetched at install so the first visit already works offline later,
// even for files the page had not asked for yet (the matching worker).
const SHELL = ['./', 'index.html', 'loader.js', 'pairwise.css', 'favicon.svg', 'manifest.webmanifest',
  'app.js', 'app.wasm', 'app.data', 'matching_worker.js', 'matching_worker.wasm', 'service_worker_register.js'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // One missing optional file must not stop the rest from being kept.
    await Promise.all(SHELL.map(async (path) => {
      try {
        const response = await fetch(path, { cache: 'no-cache' });
        if (response.ok) await cache.put(path, response);
      } catch (e) { /* offline during install: kept on the next visit */ }
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request, { cache: 'no-cache' });
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (networkError) {
      const kept = await cache.match(request, { ignoreSearch: true });
      if (kept) return kept;
      // A navigation to a path never seen (e.g. "/?board=…") still opens the app offline.
      if (request.mode === 'navigate') {
        const shell = await cache.match('index.html');
        if (shell) return shell;
      }
      throw networkError;
    }
  })());
});
