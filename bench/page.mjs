// The page's own figures in headless Chromium: time from navigation to a
// ready engine, time to annotate the sample article and a 1 MB article
// (engine round trip, and until the marks are drawn), and the wasm memory
// after each; and corpus mode: 1,000 generated articles (about 5 MB) opened as
// one JSONL file, until every row is annotated, with the longest main-thread
// task and the memory after. Prints figures; asserts nothing about time.
//
//   make build && node bench/page.mjs
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, CHROMIUM_ARGS, ROOT, FIXTURES } from '../tests/e2e/lib.mjs';
import { inventArticle, jsonl } from '../tests/e2e/corpus.test.mjs';

const data = process.env.ANNOTATOR_DATA || join(ROOT, '..', 'shared', 'data');
const samplePath = join(data, 'sample/kosovo-nato.txt');
const sample = existsSync(samplePath) ? readFileSync(samplePath, 'utf8') : readFileSync(join(FIXTURES, 'harbour-strike.txt'), 'utf8');
const sampleName = existsSync(samplePath) ? 'sample article (kosovo-nato)' : 'fixture article';
const big = sample.repeat(Math.ceil(1_000_000 / sample.length)).slice(0, 1_000_000);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const server = await startServer();
// --expose-gc: the heap is measured after a collection, not with whatever garbage is left.
const browser = await launchBrowser({ args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
try {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.getElementById('version')?.textContent.includes('runs'), null, { timeout: 30_000 });
  const ready = await page.evaluate(() => performance.now());
  console.log(`navigation to ready engine: ${ready.toFixed(0)} ms`);

  // The engine alone, in a worker of its own, as the page runs it.
  await page.evaluate(() => {
    const worker = new Worker('./worker.js', { type: 'module' });
    let next = 1;
    const pending = new Map();
    worker.onmessage = (e) => {
      const call = pending.get(e.data.id);
      if (!call) return;
      pending.delete(e.data.id);
      e.data.ok ? call.ok(e.data.result) : call.fail(new Error(e.data.error));
    };
    window.__bench = (op, args) =>
      new Promise((ok, fail) => {
        const id = next++;
        pending.set(id, { ok, fail });
        worker.postMessage({ id, op, args });
      });
    window.__timed = async (text) => {
      const t0 = performance.now();
      const doc = await window.__bench('annotate', { text, options: {} });
      return { ms: performance.now() - t0, found: doc.entities.length + doc.dates.length + doc.quotes.length };
    };
  });
  for (const [name, text, runs] of [[sampleName, sample, 21], ['1 MB article', big, 5]]) {
    const times = [];
    let found = 0;
    for (let i = 0; i < runs; i++) {
      const r = await page.evaluate((t) => window.__timed(t), text);
      times.push(r.ms);
      found = r.found;
    }
    const { memoryBytes } = await page.evaluate(() => window.__bench('stats', {}));
    console.log(`${name}: engine round trip median ${median(times).toFixed(1)} ms over ${runs} runs ` +
      `(first ${times[0].toFixed(1)} ms; ${found} annotations; ${text.length} chars); wasm memory after: ${mb(memoryBytes)}`);
  }

  // The whole page: paste, click, until the marks are drawn.
  for (const [name, text] of [[sampleName, sample], ['1 MB article', big]]) {
    const ms = await page.evaluate(async (t) => {
      const input = document.getElementById('input');
      input.value = t;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const t0 = performance.now();
      document.getElementById('annotate').click();
      await new Promise((ok) => {
        const poll = () => (document.body.dataset.state === 'ready' && !document.getElementById('annotate').disabled ? ok() : setTimeout(poll, 2));
        setTimeout(poll, 2);
      });
      return performance.now() - t0;
    }, text);
    const marks = await page.locator('#output mark').count();
    console.log(`${name}: click to drawn page ${ms.toFixed(0)} ms (${marks} marks)`);
  }
  await page.close();

  // Corpus mode, in a fresh page: 1,000 articles as one JSONL file.
  const records = Array.from({ length: 1000 }, (_, i) => inventArticle(i));
  const content = Buffer.from(jsonl(records));
  const corpus = await browser.context.newPage();
  await corpus.goto(server.url);
  await corpus.waitForSelector('#annotate');
  await corpus.evaluate(() => {
    // From the moment the page has the file (the test rig's own copying of
    // the file into the page comes before and is not the page's work).
    window.__t0 = Infinity;
    document.getElementById('open-files').addEventListener('change', () => (window.__t0 = performance.now()), { capture: true });
    window.__longest = 0;
    window.__longTasks = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.startTime < window.__t0) continue;
        window.__longTasks++;
        window.__longest = Math.max(window.__longest, e.duration);
      }
    }).observe({ type: 'longtask' });
  });
  await corpus.setInputFiles('#open-files', { name: 'thousand.jsonl', mimeType: 'application/jsonl', buffer: content });
  await corpus.waitForFunction(() => document.getElementById('corpus').dataset.state === 'done', null, { timeout: 600_000, polling: 50 });
  const corpusMs = await corpus.evaluate(() => performance.now() - window.__t0);
  // The list drawn, then a sort, a filter and the JSONL export: all on the main thread's watch.
  await corpus.click('#corpus [data-sort="names"] button');
  await corpus.fill('#corpus-filter', 'Lisbon');
  await corpus.waitForFunction(() => document.querySelectorAll('#corpus-rows > [role="row"]').length < 1000, null, { timeout: 60_000 });
  await corpus.fill('#corpus-filter', '');
  const [download] = await Promise.all([corpus.waitForEvent('download', { timeout: 600_000 }), corpus.click('#export-corpus-jsonl')]);
  await download.path();
  const figures = await corpus.evaluate(async () => {
    const workers = await document.getElementById('corpus').workerMemory();
    if (window.gc) window.gc();
    return {
      longest: window.__longest,
      longTasks: window.__longTasks,
      heap: performance.memory ? performance.memory.usedJSHeapSize : 0,
      workers,
      cores: navigator.hardwareConcurrency,
    };
  });
  console.log(
    `corpus of 1,000 articles (${(content.length / 1e6).toFixed(1)} MB of JSONL): all annotated ${(corpusMs / 1000).toFixed(1)} s after the page has the file ` +
      `(${figures.workers.length} workers, ${figures.cores} cores); longest main-thread task ${figures.longest.toFixed(0)} ms ` +
      `(${figures.longTasks} tasks over 50 ms, counting the sort, filter and JSONL export); ` +
      `page JS heap ${mb(figures.heap)}, wasm memory ${figures.workers.map(mb).join(' + ')}`,
  );
} finally {
  await browser.close();
  await server.close();
}
