// Keeps the page working offline once it has loaded: every file of the page
// is cached on install; requests go to the network first (so a new version
// shows up at once) and fall back to the cache when the network is away.

const CACHE = 'article-annotator-v2';
const FILES = [
  './',
  'index.html',
  'style.css',
  'icon.svg',
  'app.js',
  'corpus.js',
  'corpus-export.js',
  'corpus-files.js',
  'corpus-store.js',
  'corpus-summary.js',
  'editing.js',
  'edits.js',
  'engine.js',
  'exporters.js',
  'extract.js',
  'history.js',
  'panel.js',
  'paste.js',
  'pool.js',
  'render.js',
  'store.js',
  'theme.js',
  'worker.js',
  'pkg/article_annotator.js',
  'pkg/article_annotator_bg.wasm',
  'pkg/THIRD-PARTY.txt',
  'vendor/readability.js',
];
const NETWORK_WAIT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('article-annotator-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fromNetworkElseCache(request));
});

async function fromNetworkElseCache(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  network.catch(() => {}); // its failure is handled below, or is the answer
  try {
    return await Promise.race([
      network,
      new Promise((_, reject) => setTimeout(() => reject(new Error('network too slow')), NETWORK_WAIT_MS)),
    ]);
  } catch {
    const cached = await cache.match(request, { ignoreSearch: true });
    // With nothing cached, keep waiting for the network (or its error).
    return cached || network;
  }
}
