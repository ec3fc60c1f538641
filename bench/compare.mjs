// Throughput of the built wasm pipeline side by side with the JavaScript
// tools people use in the browser today, in one Node process on the same
// texts: compromise (+ compromise-dates), chrono-node and wink-nlp (with
// wink-eng-lite-web-model: tokens, sentences and its pattern entities, the
// fastest NLP library in JavaScript).
//
//   make build && node bench/compare.mjs [--seconds N]
//
// Texts: $ANNOTATOR_DATA/conll2003/test.jsonl (default ../shared/data), else
// the committed fixture article repeated. Prints chars/s and ratios; the last
// lines read `pipeline vs compromise: N.Nx` and `pipeline vs wink-nlp: N.Nx`.
// Run it, never assert on it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';
import * as chrono from 'chrono-node';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';

const root = new URL('..', import.meta.url).pathname;
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
// --pkg DIR measures another wasm-bindgen build (e.g. a profile variant); --only-pipeline skips the anchors.
const pkg = arg('--pkg') || join(root, 'www/pkg');
const { default: init, Engine } = await import(join(pkg, 'article_annotator.js'));

const seconds = Number(arg('--seconds')) || 3;
const dataDir = process.env.ANNOTATOR_DATA || join(root, '..', 'shared', 'data');
const conll = join(dataDir, 'conll2003', 'test.jsonl');

let source;
let texts;
if (existsSync(conll)) {
  source = `CoNLL-2003 test (${conll})`;
  texts = readFileSync(conll, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
} else {
  source = 'fixture article x200 (CoNLL-2003 test not found)';
  const text = readFileSync(join(root, 'tests/fixtures/harbour-strike.txt'), 'utf8');
  texts = Array.from({ length: 200 }, (_, i) => ({ id: String(i), text, dct: '2024-03-04' }));
}
const totalChars = texts.reduce((n, t) => n + Array.from(t.text).length, 0);

const wasm = await init({ module_or_path: readFileSync(join(pkg, 'article_annotator_bg.wasm')) });
const engine = new Engine();
nlp.plugin(datesPlugin);

/** Runs `fn` over every text repeatedly for about `seconds`; returns chars/s. */
function measure(name, fn) {
  for (const t of texts.slice(0, 5)) fn(t); // warm up
  let passes = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const t of texts) fn(t);
    passes += 1;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < seconds);
  const rate = (totalChars * passes) / elapsed;
  console.log(`${name.padEnd(34)} ${(rate / 1e6).toFixed(3).padStart(9)} M chars/s  (${passes} passes, ${elapsed.toFixed(1)} s)`);
  return rate;
}

console.log(`texts: ${source}: ${texts.length} documents, ${totalChars} chars; ~${seconds} s per tool, one thread`);
const pipeline = measure('article-annotator (wasm, all layers)', (t) => engine.annotate(t.text, { dct: t.dct ?? null }));
const oneMb = texts.map((t) => t.text).join('\n\n').repeat(5).slice(0, 1_000_000);
engine.annotate(oneMb, {});
console.log(`wasm memory after a 1 MB article: ${(wasm.memory.buffer.byteLength / 2 ** 20).toFixed(1)} MB`);
if (process.argv.includes('--only-pipeline')) process.exit(0);
const compromise = measure('compromise + compromise-dates', (t) => {
  const doc = nlp(t.text);
  doc.people().json();
  doc.organizations().json();
  doc.places().json();
  doc.dates({ timezone: 'UTC' }).json();
  doc.quotations().json();
});
const chronoRate = measure('chrono-node (dates only)', (t) => chrono.parse(t.text, t.dct ? new Date(`${t.dct}T12:00:00Z`) : undefined));
// wink-nlp's own pipeline cut to what it is measured on: tokens, sentences
// (sbd) and its pattern entities (ner: dates, numbers, e-mails, hashtags...);
// no part-of-speech tags, negation or sentiment. Each result is read out, as
// the pipeline's are.
const wink = winkNLP(winkModel, ['sbd', 'ner']);
const winkRate = measure('wink-nlp (tokens, sentences, ner)', (t) => {
  const doc = wink.readDoc(t.text);
  doc.tokens().out();
  doc.sentences().out();
  doc.entities().out(wink.its.detail);
});
const mem = process.memoryUsage();
console.log(`node rss after: ${(mem.rss / 2 ** 20).toFixed(0)} MB`);
console.log(`pipeline vs chrono-node: ${(pipeline / chronoRate).toFixed(1)}x`);
console.log(`pipeline vs compromise: ${(pipeline / compromise).toFixed(1)}x`);
console.log(`pipeline vs wink-nlp: ${(pipeline / winkRate).toFixed(1)}x`);
