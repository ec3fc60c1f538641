// The corpus in IndexedDB (localStorage holds a few megabytes; a corpus is
// more): one record per article or error row, keyed by its place in the
// corpus, and one meta record. Writes are gathered and go out together;
// reads come back in pages, so neither holds the page up for long.

const DB = 'article-annotator-corpus';
const ARTICLES = 'articles';
const META = 'meta';
const PAGE = 200;

let opening = null;

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('the browser refused to store the corpus'));
  });
}

export function openStore() {
  if (!globalThis.indexedDB) return Promise.reject(new Error('this browser has no IndexedDB'));
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(ARTICLES)) db.createObjectStore(ARTICLES, { keyPath: 'key' });
        if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
      };
      req.onsuccess = () => {
        const db = req.result;
        // Another tab deletes or upgrades the database: let it, and open afresh next time.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('the corpus storage is held by another tab of this page'));
    });
    opening.catch(() => (opening = null));
  }
  return opening;
}

/** Writes `records` (whole records, by key) in one transaction. */
export async function putArticles(records) {
  if (!records.length) return;
  const db = await openStore();
  const tx = db.transaction(ARTICLES, 'readwrite');
  const store = tx.objectStore(ARTICLES);
  for (const r of records) store.put(r);
  await done(tx);
}

/** Every stored record in key order, `onPage(records)` a page at a time. */
export async function loadArticles(onPage) {
  const db = await openStore();
  let from = -Infinity;
  for (;;) {
    const tx = db.transaction(ARTICLES, 'readonly');
    const range = from === -Infinity ? null : IDBKeyRange.lowerBound(from, true);
    const page = await request(tx.objectStore(ARTICLES).getAll(range, PAGE));
    if (!page.length) return;
    await onPage(page);
    from = page[page.length - 1].key;
    if (page.length < PAGE) return;
  }
}

export async function clearArticles() {
  const db = await openStore();
  const tx = db.transaction(ARTICLES, 'readwrite');
  tx.objectStore(ARTICLES).clear();
  await done(tx);
}

export async function getMeta() {
  const db = await openStore();
  return (await request(db.transaction(META, 'readonly').objectStore(META).get('corpus'))) || {};
}

export async function setMeta(meta) {
  const db = await openStore();
  const tx = db.transaction(META, 'readwrite');
  tx.objectStore(META).put(meta, 'corpus');
  await done(tx);
}
