/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline reading: after the first visit, every page, script, font, the MNIST digits and the recorded
 * runs are served from the cache, so a lecture works without a network. A new build gets a new cache
 * (keyed by version) and the old one is deleted.
 */
import { build, files, prerendered, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
const cacheName = `site-${version}`;
const assets = new Set([...build, ...files, ...prerendered]);

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll([...assets]))
      .then(() => worker.skipWaiting())
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== cacheName) await caches.delete(key);
      await worker.clients.claim();
    })()
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(cacheName);
      // Files of this build never change under their names: cache first.
      if (assets.has(url.pathname)) {
        const cached = await cache.match(url.pathname);
        if (cached) return cached;
      }
      // Anything else: the network, falling back to the cache when offline.
      try {
        const response = await fetch(request);
        if (response.ok && response.type === 'basic') void cache.put(request, response.clone());
        return response;
      } catch (error) {
        const cached = (await cache.match(request)) ?? (await cache.match(url.pathname));
        if (cached) return cached;
        throw error;
      }
    })()
  );
});
