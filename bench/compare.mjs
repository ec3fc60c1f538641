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
// --pkg DIR measures another wasm-bindgen build (e.g. a profile variant); --only-pipeline skips the anchors;
// --against DIR measures a second build beside the first, in the same turns.
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
for (const t of texts) t.chars = Array.from(t.text).length;
const totalChars = texts.reduce((n, t) => n + t.chars, 0);

const wasm = await init({ module_or_path: readFileSync(join(pkg, 'article_annotator_bg.wasm')) });
const engine = new Engine();
nlp.plugin(datesPlugin);

/**
 * Runs every tool over the texts, taking turns of about half a second each
 * (each tool goes on from the text where its last turn stopped; every other
 * round in reverse order) until each has had about `seconds`: on a shared
 * machine the load then weighs on all tools alike. Prints and returns each
 * tool's chars/s.
 */
function measureAll(tools) {
  for (const { fn } of tools) for (const t of texts.slice(0, 20)) fn(t); // warm up
  const spent = tools.map(() => 0);
  const done = tools.map(() => 0);
  const next = tools.map(() => 0);
  for (let round = 0; spent.some((s) => s < seconds); round++) {
    const order = tools.map((_, k) => (round % 2 ? tools.length - 1 - k : k));
    for (const k of order) {
      const { fn } = tools[k];
      const start = performance.now();
      let elapsed = 0;
      do {
        const t = texts[next[k]];
        fn(t);
        done[k] += t.chars;
        next[k] = (next[k] + 1) % texts.length;
        elapsed = (performance.now() - start) / 1000;
      } while (elapsed < Math.min(0.5, seconds));
      spent[k] += elapsed;
    }
  }
  return tools.map(({ name }, k) => {
    const rate = done[k] / spent[k];
    const passes = (done[k] / totalChars).toFixed(1);
    console.log(`${name.padEnd(36)} ${(rate / 1e6).toFixed(3).padStart(9)} M chars/s  (${passes} passes, ${spent[k].toFixed(1)} s)`);
    return rate;
  });
}

console.log(`texts: ${source}: ${texts.length} documents, ${totalChars} chars; ~${seconds} s per tool, taking turns, one thread`);
const tools = [{ name: 'article-annotator (wasm, all layers)', fn: (t) => engine.annotate(t.text, { dct: t.dct ?? null }) }];
// --against DIR: another build of the pipeline measured in the same turns (before and after a change).
if (arg('--against')) {
  const other = await import(join(arg('--against'), 'article_annotator.js') + '?against');
  await other.default({ module_or_path: readFileSync(join(arg('--against'), 'article_annotator_bg.wasm')) });
  const otherEngine = new other.Engine();
  tools.push({ name: `  the same, ${arg('--against')}`, fn: (t) => otherEngine.annotate(t.text, { dct: t.dct ?? null }) });
}
const onlyPipeline = process.argv.includes('--only-pipeline');
// wink-nlp's own pipeline cut to what it is measured on: tokens, sentences
// (sbd) and its pattern entities (ner: dates, numbers, e-mails, hashtags...);
// no part-of-speech tags, negation or sentiment. Each result is read out, as
// the pipeline's are.
const wink = winkNLP(winkModel, ['sbd', 'ner']);
if (!onlyPipeline) {
  tools.push(
    {
      name: 'compromise + compromise-dates',
      fn: (t) => {
        const doc = nlp(t.text);
        doc.people().json();
        doc.organizations().json();
        doc.places().json();
        doc.dates({ timezone: 'UTC' }).json();
        doc.quotations().json();
      },
    },
    { name: 'chrono-node (dates only)', fn: (t) => chrono.parse(t.text, t.dct ? new Date(`${t.dct}T12:00:00Z`) : undefined) },
    {
      name: 'wink-nlp (tokens, sentences, ner)',
      fn: (t) => {
        const doc = wink.readDoc(t.text);
        doc.tokens().out();
        doc.sentences().out();
        doc.entities().out(wink.its.detail);
      },
    },
  );
}
const rates = measureAll(tools);
const pipeline = rates[0];
if (arg('--against')) console.log(`pipeline vs ${arg('--against')}: ${(pipeline / rates[1]).toFixed(2)}x`);
const oneMb = texts.map((t) => t.text).join('\n\n').repeat(5).slice(0, 1_000_000);
engine.annotate(oneMb, {});
console.log(`wasm memory after a 1 MB article: ${(wasm.memory.buffer.byteLength / 2 ** 20).toFixed(1)} MB`);
if (onlyPipeline) process.exit(0);
const [compromise, chronoRate, winkRate] = rates.slice(arg('--against') ? 2 : 1);
const mem = process.memoryUsage();
console.log(`node rss after: ${(mem.rss / 2 ** 20).toFixed(0)} MB`);
console.log(`pipeline vs chrono-node: ${(pipeline / chronoRate).toFixed(1)}x`);
console.log(`pipeline vs compromise: ${(pipeline / compromise).toFixed(1)}x`);
console.log(`pipeline vs wink-nlp: ${(pipeline / winkRate).toFixed(1)}x`);
