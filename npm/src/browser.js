// Browsers and bundlers: the wasm is fetched from next to this module (or
// from where `init(url)` says), once.

import initWasm from './article_annotator.js';
import { makeApi } from './engine.js';

let loading;

/** Loads the engine, from `wasm` (a URL, a Response, the bytes or a
 *  WebAssembly.Module) or else from article_annotator_bg.wasm next to this module. */
export function init(wasm) {
  loading ??= initWasm({ module_or_path: wasm ?? new URL('./article_annotator_bg.wasm', import.meta.url) }).then(
    () => undefined,
    (e) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

export const { annotate, createEngine } = makeApi(() => init());
export { Engine } from './engine.js';
