// The annotation engine, off the main thread: loads the wasm module once and
// answers `{ id, op, args }` messages with `{ id, ok, result | error }`.

import init, { Engine, exportJson, importJson, version } from './pkg/article_annotator.js';
import { exportArticle, withMentions } from './corpus-export.js';
import { summarise } from './corpus-summary.js';

let engine = null;
let exports = null;
const ready = init().then((wasm) => {
  exports = wasm;
  engine = new Engine();
  self.postMessage({ type: 'ready', version: version() });
});
ready.catch((err) => self.postMessage({ type: 'failed', error: startError(err) }));

// A module of one function with one SIMD instruction (i8x16.popcnt): it
// validates only where the browser has WebAssembly SIMD, which the engine is
// built with.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

function startError(err) {
  const message = String(err && err.message ? err.message : err);
  if (typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE)) return message;
  return `this browser lacks WebAssembly SIMD, which the engine needs (Chrome and Edge 91, Firefox 89 and Safari 16.4 have it): ${message}`;
}

const ops = {
  annotate: ({ text, options }) => engine.annotate(text, options),
  exportJson: ({ doc }) => exportJson(doc),
  importJson: ({ json }) => importJson(json),
  // A batch of a corpus: each item answered on its own, so one bad article
  // fails alone. A wasm trap stops the batch there (`fatal`): the page
  // starts a fresh worker for the items not answered.
  annotateMany: ({ items, options }) =>
    many(items, (item) => {
      const doc = engine.annotate(item.text, { ...options, dct: item.dct || null });
      return { json: JSON.stringify(doc), summary: summarise(doc) };
    }),
  importMany: ({ items }) =>
    many(items, (item) => {
      const doc = importJson(item.json);
      return { json: JSON.stringify(doc), summary: summarise(doc) };
    }),
  exportMany: ({ items, formats }) =>
    many(items, (item) => {
      const doc = { ...JSON.parse(item.docJson), id: item.id };
      return exportArticle(exportJson(withMentions(doc)), item.id, formats);
    }),
  // The wasm instance's linear memory, which only grows: its peak so far.
  stats: () => ({ memoryBytes: exports.memory.buffer.byteLength }),
};

async function many(items, one) {
  const results = [];
  for (const item of items) {
    try {
      results.push({ key: item.key, ok: true, value: await one(item) });
    } catch (err) {
      const fatal = err instanceof WebAssembly.RuntimeError;
      const message = String(err && err.message ? err.message : err);
      results.push({ key: item.key, ok: false, error: fatal ? `the annotation engine failed on it (${message})` : message });
      if (fatal) return { results, fatal: true };
    }
  }
  return { results, fatal: false };
}

self.onmessage = async (event) => {
  const { id, op, args } = event.data;
  try {
    await ready;
    const handler = ops[op];
    if (!handler) throw new Error(`unknown operation ${op}`);
    self.postMessage({ id, ok: true, result: await handler(args) });
  } catch (err) {
    // A wasm trap (RuntimeError) leaves the instance unusable: say so, so the
    // page starts a fresh worker for the next request.
    const fatal = err instanceof WebAssembly.RuntimeError || !engine;
    const message = String(err && err.message ? err.message : err);
    self.postMessage({
      id,
      ok: false,
      fatal,
      error: err instanceof WebAssembly.RuntimeError ? `the annotation engine failed (${message}) and was restarted` : message,
    });
  }
};
