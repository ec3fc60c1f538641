// Runs every page test in headless Chromium against www/ (build it first:
// `make build`). Exits non-zero when a test fails, printing what went wrong.
// Screenshots land in tests/e2e/out/.
//
// Every test has a time limit (TEST_TIMEOUT_MS, 60 s unless a test file
// sets `timeouts[name]`) so that a page that never answers fails that test
// with a message instead of hanging the run: the browser is then torn down
// and a fresh one runs the tests that follow. Every Playwright wait in a
// test is bounded too (WAIT_TIMEOUT_MS, the context's default timeout).
// The limits catch hangs; they are no measure of speed.
//
//   node tests/e2e/run.mjs            all tests
//   node tests/e2e/run.mjs alignment  only tests whose name contains "alignment"

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Failure, WWW, startServer, launchBrowser } from './lib.mjs';

const FILES = ['basics.test.mjs', 'editing.test.mjs', 'keys.test.mjs', 'exchange.test.mjs', 'robustness.test.mjs', 'look.test.mjs', 'corpus.test.mjs', 'quotes.test.mjs'];
const TEST_TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS) || 60_000;
const WAIT_TIMEOUT_MS = Number(process.env.WAIT_TIMEOUT_MS) || 30_000;
// Files whose tests wait longer by design: corpus mode annotates 1,000 articles (waits up to 240 s).
const FILE_TIMEOUT_MS = { 'corpus.test.mjs': 300_000 };

if (!existsSync(join(WWW, 'pkg/article_annotator_bg.wasm'))) {
  console.error('www/pkg is missing: run `make build` first.');
  process.exit(2);
}

const filter = process.argv[2] || '';
const server = await startServer();
let browser = null;
const failures = [];
const started = Date.now();
let ran = 0;

async function freshBrowser() {
  const b = await launchBrowser();
  b.context.setDefaultTimeout(WAIT_TIMEOUT_MS);
  return b;
}

/** Runs `fn`, or rejects with a message once `ms` have passed. */
function withTimeout(fn, ms, name) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Failure(`timed out: "${name}" did not finish within ${ms / 1000} s (a wait that never ends?)`)), ms);
  });
  return Promise.race([fn(), limit]).finally(() => clearTimeout(timer));
}

try {
  browser = await freshBrowser();
  for (const file of FILES) {
    const { tests, timeouts = {} } = await import(`./${file}`);
    for (const [name, fn] of Object.entries(tests)) {
      if (filter && !name.includes(filter)) continue;
      const t0 = Date.now();
      ran++;
      const ctx = { url: server.url, context: browser.context, server, launchBrowser };
      try {
        await withTimeout(() => fn(ctx), timeouts[name] || FILE_TIMEOUT_MS[file] || TEST_TIMEOUT_MS, name);
        console.log(`ok    ${name} (${Date.now() - t0} ms)`);
      } catch (err) {
        failures.push(name);
        console.log(`FAIL  ${name} (${Date.now() - t0} ms)\n      ${err.stack && !err.constructor.name.includes('Failure') ? err.stack : err.message}`);
        if (err.message.startsWith('timed out:')) {
          // Whatever the test was waiting for may still be pending: start again from a clean browser.
          await browser.close();
          browser = await freshBrowser();
        }
      }
      // Pages a failed test left open would otherwise carry over.
      for (const page of browser.context.pages()) await page.close().catch(() => {});
    }
  }
} finally {
  if (browser) await browser.close();
  await server.close();
}

const secs = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(`\n${failures.length} of ${ran} page tests failed in ${secs} s: ${failures.join(', ')}`);
  process.exit(1);
}
if (!ran) {
  console.error(`no page test matches ${JSON.stringify(filter)}`);
  process.exit(1);
}
console.log(`\nall ${ran} page tests passed in ${secs} s (screenshots in tests/e2e/out/)`);
