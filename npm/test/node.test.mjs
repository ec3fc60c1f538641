// The installed package under Node: run from a fresh project that installed
// the packed tarball (npm/scripts/test.mjs sets it up), against the CLI.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { Engine, annotate, createEngine, init } from 'article-annotator';
import { BAD_CALLS, run } from './example.mjs';
import { EXPECTED_ERRORS } from './expected.mjs';

const ROOT = process.env.REPO_ROOT;
const CLI = process.env.ANNOTATOR_CLI;
const DATA = process.env.ANNOTATOR_DATA;
const SAMPLE = DATA && join(DATA, 'sample/kosovo-nato.txt');
const FIXTURES = join(ROOT, 'tests/fixtures');
const ARTICLES = readdirSync(FIXTURES).filter((n) => n.endsWith('.txt')).map((n) => join(FIXTURES, n));

const cli = (...args) => JSON.parse(execFileSync(CLI, args, { encoding: 'utf8', maxBuffer: 1 << 28 }));
const read = (path) => readFileSync(path, 'utf8');


test('the package resolves to its Node entry and carries the workspace version', () => {
  const entry = fileURLToPath(import.meta.resolve('article-annotator'));
  assert.match(entry, /node_modules\/article-annotator\/node\.js$/);
  const pkg = JSON.parse(read(join(entry, '../package.json')));
  const cargo = read(join(ROOT, 'Cargo.toml')).split('[workspace.package]')[1];
  assert.equal(pkg.version, cargo.match(/^version = "(.*)"$/m)[1]);
  for (const file of ['LICENSE-MIT', 'LICENSE-APACHE', 'THIRD-PARTY.md', 'README.md', 'index.d.ts']) {
    assert.ok(existsSync(join(entry, '..', file)), `${file} is in the package`);
  }
});

test('annotate gives the CLI document on the fixtures, with and without a dct', async () => {
  for (const path of ARTICLES) {
    assert.deepEqual(await annotate(read(path)), cli(path), path);
    assert.deepEqual(await annotate(read(path), { dct: '2024-03-04' }), cli('--dct', '2024-03-04', path), path);
    assert.deepEqual(await annotate(read(path), { monthFirst: true }), cli('--month-first', path), path);
  }
});

test('annotate gives the CLI entities, dates and quotes on the sample article', { skip: !SAMPLE || !existsSync(SAMPLE) }, async () => {
  const doc = await annotate(read(SAMPLE));
  const expected = cli(SAMPLE);
  assert.deepEqual(doc.entities, expected.entities);
  assert.deepEqual(doc.dates, expected.dates);
  assert.deepEqual(doc.quotes, expected.quotes);
  assert.deepEqual(doc, expected);
  assert.ok(doc.quotes.length >= 3 && doc.dates.length >= 7);
});

test('offsets count code points by default and UTF-16 units on request', async () => {
  const text = 'Caf\u00e9 \u{1F30D} news:\r\n\u201CWe are ready,\u201D said Mark Rutte on February 9, 2025.';
  const cp = await annotate(text);
  const u16 = await annotate(text, { offsets: 'utf16' });
  const chars = Array.from(text);
  assert.deepEqual(cp.entities.map((e) => chars.slice(e.start, e.end).join('')), ['Mark Rutte']);
  assert.deepEqual(u16.entities.map((e) => text.slice(e.start, e.end)), ['Mark Rutte']);
  assert.equal(u16.entities[0].start, cp.entities[0].start + 1, 'the emoji is two UTF-16 units');
  assert.deepEqual(u16.quotes.map((q) => text.slice(...q.cue)), ['said']);
  assert.deepEqual(await annotate(text, { offsets: 'codepoint' }), cp);
});

test('the example runs: every span fits the text in both units, bad calls give the engine messages', async () => {
  const result = await run(read(ARTICLES[0]));
  assert.deepEqual(result.mismatches, []);
  assert.deepEqual(result.errors, EXPECTED_ERRORS);
  assert.equal(result.errors.length, BAD_CALLS.length);
  assert.deepEqual(result.document, cli(ARTICLES[0]));
  assert.ok(result.lines.some((l) => l.startsWith('QUOTE ')));
});

test('an engine is reused for many calls and refuses calls once freed', async () => {
  await init();
  const engine = await createEngine();
  assert.ok(engine instanceof Engine);
  const texts = ARTICLES.map(read);
  for (let round = 0; round < 3; round++) {
    for (const text of texts) assert.deepEqual(engine.annotate(text), await annotate(text));
  }
  engine.free();
  assert.throws(() => engine.annotate('Nato met.'), { message: 'this Engine was freed' });
  assert.throws(() => new Engine(), { message: 'use `await createEngine()` to get an Engine' });
});

test('bad input is an Error with the engine message', async () => {
  const huge = 'Nato met. '.repeat((16 << 20) / 10 + 1);
  const cases = [
    [[huge], /^the text is 16 MB, more than the 16 MB this annotator accepts; split it into articles$/],
    [['Nato met.', { dct: 'yesterday' }], /^the reference date "yesterday" is not a calendar date/],
    [[undefined], /^the text to annotate must be a string, not undefined$/],
    [[null], /^the text to annotate must be a string, not null$/],
    [[{ text: 'Nato' }], /^the text to annotate must be a string, not object$/],
    [['Nato met.', { dct: 20250113 }], /^bad options: invalid type: floating point `20250113(\.0)?`, expected a string$/],
    [['Nato met.', { month_first: true }], /^bad options: unknown option `month_first`, expected `dct`, `monthFirst` or `offsets`$/],
    [['Nato met.', '2025-01-13'], /^options must be an object such as \{ dct: "2025-01-13" \}, not string$/],
    [['Nato met.', ['2025-01-13']], /^options must be an object such as \{ dct: "2025-01-13" \}, not an array$/],
    [[Symbol('text')], /^the text to annotate must be a string, not symbol$/],
  ];
  for (const [args, message] of cases) {
    await assert.rejects(annotate(...args), (e) => e instanceof Error && message.test(e.message), String(message));
  }
  // After errors the shared engine still works.
  const after = await annotate('Nato met on Monday in Brussels.');
  assert.deepEqual(after.entities.map((e) => e.text), ['Nato', 'Brussels']);
});
