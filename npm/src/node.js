// Node >= 18: the wasm is read from the package, next to this file.

import { readFileSync } from 'node:fs';
import { initSync } from './article_annotator.js';
import { makeApi } from './engine.js';

let loaded = false;

/** Loads the engine (the first `annotate` or `createEngine` does it anyway). */
export async function init(wasm) {
  if (loaded) return;
  const module = wasm ?? readFileSync(new URL('./article_annotator_bg.wasm', import.meta.url));
  initSync({ module });
  loaded = true;
}

export const { annotate, createEngine } = makeApi(init);
export { Engine } from './engine.js';
