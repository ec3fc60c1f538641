// Runs every page test in headless Chromium against www/ (build it first:
// `make build`). Exits non-zero on the first failing test file's failures,
// printing what went wrong. Screenshots land in tests/e2e/out/.
//
//   node tests/e2e/run.mjs            all tests
//   node tests/e2e/run.mjs alignment  only tests whose name contains "alignment"

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WWW, startServer, launchBrowser } from './lib.mjs';

const FILES = ['basics.test.mjs', 'editing.test.mjs', 'exchange.test.mjs', 'robustness.test.mjs', 'look.test.mjs', 'corpus.test.mjs', 'quotes.test.mjs'];

if (!existsSync(join(WWW, 'pkg/article_annotator_bg.wasm'))) {
  console.error('www/pkg is missing: run `make build` first.');
  process.exit(2);
}

const filter = process.argv[2] || '';
const server = await startServer();
const browser = await launchBrowser();
const ctx = { url: server.url, context: browser.context, server, launchBrowser };
const failures = [];
const started = Date.now();
let ran = 0;

try {
  for (const file of FILES) {
    const { tests } = await import(`./${file}`);
    for (const [name, fn] of Object.entries(tests)) {
      if (filter && !name.includes(filter)) continue;
      const t0 = Date.now();
      ran++;
      try {
        await fn(ctx);
        console.log(`ok    ${name} (${Date.now() - t0} ms)`);
      } catch (err) {
        failures.push(name);
        console.log(`FAIL  ${name} (${Date.now() - t0} ms)\n      ${err.stack && !err.constructor.name.includes('Failure') ? err.stack : err.message}`);
      }
    }
  }
} finally {
  await browser.close();
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
