// Autosave: the article, the settings and the current document live in
// localStorage, written shortly after every change and when the page is hidden.

const KEY = 'article-annotator/work';
const PREFS = 'article-annotator/prefs';

/** What was saved last, or null. A damaged record is ignored, never thrown. */
export function loadWork() {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const work = JSON.parse(raw);
    if (!work || work.version !== 1 || typeof work.input !== 'string') return null;
    if (work.doc && typeof work.doc.text !== 'string') work.doc.text = work.loaded ?? work.input;
    const layers = ['entities', 'dates', 'quotes', 'groups'];
    if (work.doc && !layers.every((k) => Array.isArray(work.doc[k]))) work.doc = null;
    return work;
  } catch {
    return null;
  }
}

/**
 * Saves `work` ({ input, loaded, dct, monthFirst, doc, corpusId: the corpus article it is, if any }); returns an error
 * message when the browser refuses (the storage is full), else null.
 */
export function saveWork({ input, loaded, dct, monthFirst, doc, corpusId = null }) {
  const record = { version: 1, savedAt: Date.now(), input, dct, monthFirst, loaded: loaded ?? null, doc: null, corpusId };
  if (doc) {
    // The text is usually the textarea's: do not store it twice.
    const { text, ...rest } = doc;
    record.doc = text === input ? rest : doc;
  }
  if (record.loaded === input) record.loaded = null;
  try {
    localStorage.setItem(KEY, JSON.stringify(record));
    return null;
  } catch (err) {
    return err && err.name === 'QuotaExceededError'
      ? 'This article is too large to keep in the browser’s storage; export it to keep your corrections.'
      : `Could not save your work in the browser: ${err.message}`;
  }
}

export function loadPrefs() {
  try {
    return JSON.parse(localStorage.getItem(PREFS)) || {};
  } catch {
    return {};
  }
}

export function savePrefs(prefs) {
  try {
    localStorage.setItem(PREFS, JSON.stringify(prefs));
  } catch {
    // Preferences are a convenience; losing them is harmless.
  }
}
