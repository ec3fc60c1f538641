// The example bundled by esbuild (the package's browser entry) in headless
// Chromium: the wasm is fetched from next to the bundle, and the documents
// equal the CLI's.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';

import { EXPECTED_ERRORS } from './expected.mjs';

const { chromium } = await import(process.env.PLAYWRIGHT_CORE);
const { CHROMIUM_ARGS } = await import(join(process.env.REPO_ROOT, 'tests/e2e/lib.mjs'));

const DIST = join(process.cwd(), 'dist');
const FIXTURES = join(process.env.REPO_ROOT, 'tests/fixtures');
const DATA = process.env.ANNOTATOR_DATA;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const cli = (...args) => JSON.parse(execFileSync(process.env.ANNOTATOR_CLI, args, { encoding: 'utf8' }));

let server;
let url;
let context;
let page;
const requests = [];

before(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  context = await browser.newContext();
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'ready' && typeof window.runExample === 'function', null, {
    timeout: 30_000,
  });
});

after(async () => {
  await context?.browser()?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

const texts = readdirSync(FIXTURES)
  .filter((n) => n.endsWith('.txt'))
  .map((n) => join(FIXTURES, n));
if (DATA && existsSync(join(DATA, 'sample/kosovo-nato.txt'))) texts.push(join(DATA, 'sample/kosovo-nato.txt'));

for (const path of texts) {
  test(`the bundle in Chromium gives the CLI document: ${path.split('/').pop()}`, async () => {
    const text = readFileSync(path, 'utf8');
    const result = await page.evaluate((t) => window.runExample(t), text);
    assert.deepEqual(result.document, cli(path));
    assert.deepEqual(result.mismatches, []);
    assert.deepEqual(result.errors, EXPECTED_ERRORS);
    const dated = await page.evaluate((t) => window.runExample(t, { dct: '2024-03-04' }), text);
    assert.deepEqual(dated.document, cli('--dct', '2024-03-04', path));
  });
}

test('the wasm was fetched once, from next to the bundle', () => {
  assert.deepEqual(
    requests.filter((p) => p.endsWith('.wasm')),
    ['/article_annotator_bg.wasm'],
  );
});
