// The page's own figures in headless Chromium: time from navigation to a
// ready engine, time to annotate the sample article and a 1 MB article
// (engine round trip, and until the marks are drawn), the wasm memory
// after each, and how long the main thread is blocked by a 1 MB paste.
// Prints figures; asserts nothing about time.
//
//   make build && node bench/page.mjs
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, ROOT, FIXTURES } from '../tests/e2e/lib.mjs';

const data = process.env.ANNOTATOR_DATA || join(ROOT, '..', 'shared', 'data');
const samplePath = join(data, 'sample/kosovo-nato.txt');
const sample = existsSync(samplePath) ? readFileSync(samplePath, 'utf8') : readFileSync(join(FIXTURES, 'harbour-strike.txt'), 'utf8');
const sampleName = existsSync(samplePath) ? 'sample article (kosovo-nato)' : 'fixture article';
const big = sample.repeat(Math.ceil(1_000_000 / sample.length)).slice(0, 1_000_000);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const server = await startServer();
const browser = await launchBrowser();
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

  // How long the main thread is blocked while a 1 MB paste is annotated and
  // drawn: the longest task (Long Tasks API) and the longest gap between
  // timer ticks due every 50 ms, over three pastes.
  for (let run = 1; run <= 3; run++) {
    await page.evaluate(() => {
      document.getElementById('input').value = '';
      window.__longTasks = [];
      window.__observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(e.duration);
      });
      window.__observer.observe({ type: 'longtask', buffered: false });
      window.__ticks = [];
      window.__tickTimer = setInterval(() => window.__ticks.push(performance.now()), 50);
    });
    const text = `${big}\n\nPaste number ${run}.`;
    await page.evaluate((t) => {
      document.body.dataset.state = '';
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.getElementById('input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 120_000 });
    const { tasks, maxGap } = await page.evaluate(() => {
      clearInterval(window.__tickTimer);
      window.__observer.disconnect();
      const t = window.__ticks;
      let maxGap = 0;
      for (let i = 1; i < t.length; i++) maxGap = Math.max(maxGap, t[i] - t[i - 1]);
      return { tasks: window.__longTasks, maxGap };
    });
    const longest = tasks.length ? Math.max(...tasks) : 0;
    console.log(`1 MB paste ${run}: ${tasks.length} long tasks, longest ${longest.toFixed(0)} ms; ` +
      `longest gap between 50 ms ticks ${maxGap.toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  await server.close();
}
