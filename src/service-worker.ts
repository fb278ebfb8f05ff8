/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline reading: after the first visit, every page, script, font, the quick MNIST set and the recorded
 * runs are served from the cache, so a lecture works without a network. A new build gets a new cache
 * (keyed by version) and the old one is deleted.
 *
 * The official MNIST set (static/data/mnist/, about 11 MB) is not precached: a first visit would download it
 * whether or not a cell asks for it, and again after every deploy. Its files have content-hashed names, so
 * they are cached on first use in a cache of their own that outlives deploys; a deploy only drops the files
 * whose names are no longer served (the data changed).
 */
import { build, files, prerendered, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
const cacheName = `site-${version}`;
const dataCacheName = 'mnist-official';
const dataPrefix = `${new URL(worker.registration.scope).pathname}data/mnist/`;
const isData = (path: string) => path.startsWith(dataPrefix);
const dataFiles = new Set(files.filter(isData));
// static/_headers is for the host (COOP/COEP), not a page asset.
const assets = new Set([
  ...build,
  ...files.filter((f) => !f.endsWith('/_headers') && !isData(f)),
  ...prerendered
]);

/**
 * Cross-origin isolation for static hosts that cannot set headers (the "coi-serviceworker" approach, in a few lines):
 * once this worker controls the page, the responses it serves carry COOP and COEP, so the page and its training
 * worker get SharedArrayBuffer and tfjs's wasm backend trains on several threads (src/lib/train/backend.ts). Every
 * response, not only pages: under COEP require-corp Chromium refuses a dedicated worker whose script comes without
 * COEP. The very first visit is not controlled yet, so it trains on 1 thread. Everything we serve is same-origin, so
 * require-corp blocks nothing.
 */
function withIsolation(response: Response): Response {
  // Opaque and redirect responses cannot be rebuilt, and rebuilding a redirected one would lose its final URL.
  if (response.status === 0 || response.type === 'opaqueredirect' || response.redirected) return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

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
      for (const key of await caches.keys())
        if (key !== cacheName && key !== dataCacheName) await caches.delete(key);
      const data = await caches.open(dataCacheName);
      for (const request of await data.keys())
        if (!dataFiles.has(new URL(request.url).pathname)) await data.delete(request);
      await worker.clients.claim();
    })()
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  event.respondWith(respond(request, url).then(withIsolation));
});

async function respond(request: Request, url: URL): Promise<Response> {
  if (dataFiles.has(url.pathname)) {
    // Content-hashed: a stored copy is always right. Cache first, then the network (stored on arrival).
    const data = await caches.open(dataCacheName);
    const cached = await data.match(url.pathname);
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') void data.put(url.pathname, response.clone());
    return response;
  }
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
}
