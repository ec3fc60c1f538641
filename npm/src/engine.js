// The package's API over the wasm-bindgen glue. The entries for Node
// (node.js) and browsers (browser.js) differ only in how the wasm arrives.

import { Engine as NativeEngine } from './article_annotator.js';

const CREATE = Symbol('article-annotator engine');

/** A loaded engine: `annotate` is synchronous and reuses the loaded model. */
export class Engine {
  #native;

  constructor(token, native) {
    if (token !== CREATE) throw new Error('use `await createEngine()` to get an Engine');
    this.#native = native;
  }

  annotate(text, options) {
    if (!this.#native) throw new Error('this Engine was freed');
    return this.#native.annotateDocument(text, options);
  }

  /** Releases the engine's wasm memory; the engine cannot be used after. */
  free() {
    this.#native?.free();
    this.#native = null;
  }
}

/** `annotate` and `createEngine` over `load`, which makes the wasm ready. */
export function makeApi(load) {
  let shared;
  async function createEngine() {
    await load();
    return new Engine(CREATE, new NativeEngine());
  }
  async function annotate(text, options) {
    shared ??= createEngine().catch((e) => {
      shared = undefined;
      throw e;
    });
    return (await shared).annotate(text, options);
  }
  return { annotate, createEngine };
}
