// The page-test rig: a static server for www/, headless Chromium through
// playwright-core, and the helpers the test files share.

import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const WWW = join(ROOT, 'www');
export const OUT = join(here, 'out');
export const FIXTURES = join(ROOT, 'tests/fixtures');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves www/ on a free port of 127.0.0.1. `routes` may override paths. */
export async function startServer() {
  const overrides = new Map([['/__blank', { type: 'text/html', body: '<!doctype html><link rel="icon" href="data:,"><title>blank</title>' }]]);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (overrides.has(path)) {
      const { type, body } = overrides.get(path);
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      return res.end(body);
    }
    let file = normalize(join(WWW, path));
    if (!file.startsWith(WWW)) {
      res.writeHead(403);
      return res.end();
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, overrides, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A Chromium with a fresh profile; `close()` also removes the profile. */
export async function launchBrowser(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'annotator-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1360, height: 900 },
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export class Failure extends Error {}

export function check(condition, message) {
  if (!condition) throw new Failure(message);
}

export function checkEqual(actual, expected, what) {
  if (actual !== expected) {
    throw new Failure(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Code-point slice, the unit of the exported JSON (FORMAT.md). */
export function cpSlice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

/**
 * A file of the shared evaluation data ($ANNOTATOR_DATA, default ../shared/data),
 * or null when it is missing; with ANNOTATOR_REQUIRE_DATA=1 (CI) a missing
 * file is an error naming it. The page tests' counterpart of tests/common/mod.rs.
 */
export function dataFile(relative) {
  const path = join(process.env.ANNOTATOR_DATA || resolve(ROOT, '../shared/data'), relative);
  if (existsSync(path)) return path;
  if (process.env.ANNOTATOR_REQUIRE_DATA === '1') throw new Failure(`ANNOTATOR_REQUIRE_DATA=1 and ${path} is missing`);
  return null;
}

/** The article to paste: the shared sample when present, else our fixture. */
export function article() {
  const sample = dataFile('sample/kosovo-nato.txt');
  if (sample) {
    return {
      name: 'kosovo-nato (shared sample)',
      text: readFileSync(sample, 'utf8'),
      expect: [
        { kind: 'entity', text: 'Kosovo' },
        { kind: 'date', text: 'January 13, 2025', label: 'DATE', value: '2025-01-13' },
        { kind: 'quote', startsWith: 'Of course, we have some concerns', speaker: 'Mark Rutte' },
      ],
    };
  }
  console.log('      (the shared sample is missing: using the committed fixture)');
  return {
    name: 'harbour-bridge (fixture)',
    text: readFileSync(join(FIXTURES, 'harbour-bridge.txt'), 'utf8'),
    expect: [
      { kind: 'entity', text: 'Helen Carver' },
      { kind: 'date', text: 'June 3, 2024', label: 'DATE', value: '2024-06-03' },
      { kind: 'quote', startsWith: 'We were promised a modest crossing', speaker: 'Helen Carver' },
    ],
  };
}

export function outPath(name) {
  mkdirSync(OUT, { recursive: true });
  return join(OUT, name);
}

/** Opens the page with empty storage, failing on any script error. */
export async function openPage(ctx, { clear = true } = {}) {
  const page = await ctx.context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(`console error: ${msg.text()}`);
  });
  page.on('dialog', (dialog) => {
    page.errors.push(`unexpected dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  if (clear) {
    // Empty the storage from a page of the same origin that runs no script of ours.
    await page.goto(`${ctx.url}__blank`);
    await page.evaluate(() => localStorage.clear());
  }
  await page.goto(ctx.url);
  await page.waitForSelector('#annotate');
  return page;
}

/** Puts `text` into #input (as JavaScript, so any string survives) and annotates. */
export async function annotateText(page, text, { dct = '' } = {}) {
  await page.evaluate(
    ({ text, dct }) => {
      const input = document.getElementById('input');
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      document.getElementById('dct').value = dct;
    },
    { text, dct },
  );
  await page.click('#annotate');
  await waitAnnotated(page);
}

/** Waits (bounded by the context's default timeout, or `timeout` ms) until annotating has ended. */
export async function waitAnnotated(page, timeout) {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state), null, timeout ? { timeout } : {});
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== 'ready') {
    const alert = await page.evaluate(() => document.getElementById('alert-text').textContent);
    throw new Failure(`annotating failed on the page: ${alert}`);
  }
}

/** Every mark grouped by data-id: [{ id, kind, label, text }] with fragments joined. */
export async function readMarks(page) {
  return page.evaluate(() => {
    const byId = new Map();
    for (const m of document.querySelectorAll('#output mark')) {
      const id = m.dataset.id;
      // A fragment's own text, without the text of marks nested in it being lost:
      // textContent includes descendants, which is what the span covers.
      const entry = byId.get(id) || { id, kind: m.dataset.kind, label: m.dataset.label, value: m.dataset.value, text: '' };
      entry.text += m.textContent;
      byId.set(id, entry);
    }
    return [...byId.values()];
  });
}

/** Clicks a button that downloads a file; returns { name, text }. */
export async function captureDownload(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/**
 * Checks an exported JSON document against its own text and the page: every
 * span's text is the text sliced by code points, and the marks on the page
 * (UTF-16) cover the same strings.
 */
export function checkExport(exported, text, marks) {
  const doc = JSON.parse(exported);
  checkEqual(doc.schema, 'article-annotator/1', 'exported schema');
  checkEqual(doc.text, text, 'exported text');
  const n = Array.from(text).length;
  for (const [layer, prefix] of [['entities', 'e'], ['dates', 'd'], ['quotes', 'q']]) {
    check(Array.isArray(doc[layer]), `exported ${layer} is not a list`);
    doc[layer].forEach((span, i) => {
      check(Number.isInteger(span.start) && Number.isInteger(span.end), `${layer}[${i}] offsets are not integers`);
      check(0 <= span.start && span.start <= span.end && span.end <= n, `${layer}[${i}] offsets ${span.start}..${span.end} outside 0..${n}`);
      checkEqual(cpSlice(text, span.start, span.end), span.text, `${layer}[${i}] text sliced by code points`);
      if (marks) {
        const mark = marks.find((m) => m.id === `${prefix}${i}`);
        check(mark, `${layer}[${i}] ${JSON.stringify(span.text)} has no mark on the page`);
        checkEqual(mark.text, span.text, `${layer}[${i}] mark text`);
      }
    });
  }
  return doc;
}

/** Drops a file made of `content` onto `selector`, as a user dragging it from the desktop. */
export async function dropFile(page, content, { name = 'article.txt', type = 'text/plain', selector = '#input' } = {}) {
  await page.evaluate(
    ({ content, name, type, selector }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type }));
      const target = document.querySelector(selector);
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { content, name, type, selector },
  );
}

/** Selects start..end (UTF-16 offsets into the article) in #output, as a mouse drag would. */
export async function selectInArticle(page, start, end) {
  await page.evaluate(
    ({ start, end }) => {
      const output = document.getElementById('output');
      const walker = document.createTreeWalker(output, NodeFilter.SHOW_TEXT);
      const points = [];
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const [i, at] of [start, end].entries()) {
          if (points[i] == null && at <= seen + node.data.length) points[i] = [node, at - seen];
        }
        seen += node.data.length;
      }
      output.focus();
      window.getSelection().setBaseAndExtent(points[0][0], points[0][1], points[1][0], points[1][1]);
    },
    { start, end },
  );
}

/** The UTF-16 offset of the n-th occurrence of `needle` in the shown article. */
export async function findInArticle(page, needle, nth = 0) {
  const at = await page.evaluate(
    ({ needle, nth }) => {
      const text = document.getElementById('output').textContent;
      let i = -1;
      for (let k = 0; k <= nth; k++) {
        i = text.indexOf(needle, i + 1);
        if (i < 0) break;
      }
      return i;
    },
    { needle, nth },
  );
  if (at < 0) throw new Failure(`${JSON.stringify(needle)} is not in the article`);
  return at;
}

/** Waits until the page has drawn the current document. */
export async function waitReady(page) {
  await page.waitForFunction(() => document.body.dataset.state === 'ready');
}

export function checkNoErrors(page, allow = []) {
  const errors = page.errors.filter((e) => !allow.some((a) => e.includes(a)));
  check(errors.length === 0, `the page reported errors:\n        ${errors.join('\n        ')}`);
}

/** The mark of span id (its first fragment) as { kind, label, value, speaker, text }. */
export async function markInfo(page, selector) {
  return page.evaluate((selector) => {
    const m = document.querySelector(selector);
    if (!m) return null;
    const all = document.querySelectorAll(`#output mark[data-id="${m.dataset.id}"]`);
    return { id: m.dataset.id, ...m.dataset, text: [...all].map((x) => x.textContent).join('') };
  }, selector);
}

/** A CSV parser for the page's own output (RFC 4180 quoting, CRLF rows). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}
