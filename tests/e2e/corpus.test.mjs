// Corpus mode: many articles opened at once, annotated in a pool of workers,
// listed, exported (the JSONL equal to the command line's), kept across a
// reload with their corrections; bad input as error rows; HTML pages and
// rich paste through Readability; and axe-core over the whole page.
//
// No timing is asserted (the machine is shared): `make page-figures` measures.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIXTURES, ROOT, captureDownload, check, checkEqual, checkNoErrors, outPath, waitReady } from './lib.mjs';

const DATA = process.env.ANNOTATOR_DATA || resolve(ROOT, '../shared/data');
const CLI = join(ROOT, 'target/release/annotate');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const DB = 'article-annotator-corpus';
const WAIT = 240000; // the longest any corpus wait may take on a loaded machine

// ---------------------------------------------------------------------------
// Invented articles, deterministic.

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const PEOPLE = ['Maria Okafor', 'Daniel Brandt', 'Priya Raman', 'Tomás Ferreira', 'Helen Carver', 'Kenji Watanabe', 'Amara Diallo', 'Lukas Novak', 'Sofia Lindqvist', 'Omar Haddad'];
const ORGS = ['Northwind Energy', 'the European Commission', 'Harbor City Council', 'Meridian Bank', 'the World Health Organization', 'Atlas Rail', 'Greenfield University'];
const PLACES = ['Lisbon', 'Nairobi', 'Toronto', 'Osaka', 'Rotterdam', 'Valparaíso', 'Gdańsk', 'Brisbane'];
const TOPICS = ['a new tram line', 'the water tariff', 'the port expansion', 'a heat-wave plan', 'the library budget', 'solar subsidies'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** One invented news article of about `size` characters, with its date. */
export function inventArticle(i, size = 5000) {
  const r = rng(i + 17);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const month = Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const year = 2023 + Math.floor(r() * 3);
  const dct = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const who = pick(PEOPLE);
  const org = pick(ORGS);
  const place = pick(PLACES);
  const topic = pick(TOPICS);
  const lines = [`${place} weighs ${topic} as ${org} reports delay`, `${place.toUpperCase()}, ${MONTHS[month]} ${day}, ${year}`, ''];
  let text = lines.join('\n');
  while (text.length < size) {
    const other = pick(PEOPLE);
    const sentences = [
      `${who}, who chairs the committee in ${place}, said on Tuesday that ${topic} would be decided before ${MONTHS[(month + 2) % 12]} ${1 + Math.floor(r() * 27)}.`,
      `"We cannot wait another year for this," said ${other}, a spokesperson for ${pick(ORGS)}.`,
      `Officials from ${org} met residents in ${pick(PLACES)} for three hours last week.`,
      `The plan, first proposed in ${year - 1}, has been revised twice, ${who} told reporters.`,
      `"It is a fair compromise," ${other} said. "Nobody gets everything they asked for."`,
    ];
    text += `${sentences.slice(0, 2 + Math.floor(r() * 4)).join(' ')}\n\n`;
  }
  return { id: `gen-${String(i).padStart(4, '0')}`, text: text.trimEnd(), dct };
}

export function jsonl(records) {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// Page helpers.

/** Opens the page with empty storage (localStorage and the corpus database). */
async function openCorpusPage(ctx) {
  const page = await ctx.context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(`console error: ${msg.text()}`);
  });
  await clearStorage(page, ctx);
  await page.goto(ctx.url);
  await page.waitForSelector('#annotate');
  return page;
}

async function clearStorage(page, ctx) {
  await page.goto(`${ctx.url}__blank`);
  await page.evaluate(
    (db) =>
      new Promise((resolve, reject) => {
        localStorage.clear();
        const req = indexedDB.deleteDatabase(db);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
        req.onblocked = () => resolve();
      }),
    DB,
  );
}

/** Watches #progress: whether it was shown with a value and the "N of M articles" text. */
async function watchProgress(page) {
  await page.evaluate(() => {
    window.__progress = [];
    const el = document.getElementById('progress');
    new MutationObserver(() => {
      if (!el.hidden && el.getAttribute('aria-valuemax')) {
        window.__progress.push({ now: el.getAttribute('aria-valuenow'), max: el.getAttribute('aria-valuemax'), text: el.textContent });
      }
    }).observe(el, { attributes: true, subtree: true, childList: true, characterData: true });
  });
}

async function openFiles(page, files) {
  await page.setInputFiles(
    '#open-files',
    files.map((f) => ({ name: f.name, mimeType: f.type || 'text/plain', buffer: Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content) })),
  );
}

async function waitDone(page, timeout = WAIT) {
  await page.waitForFunction(() => document.getElementById('corpus').dataset.state === 'done', null, { timeout });
}

async function rowIds(page) {
  return page.$$eval('#corpus-rows [data-article-id]', (rows) => rows.map((r) => r.dataset.articleId));
}

async function errorRows(page) {
  return page.$$eval('#corpus-rows [data-error]', (rows) => rows.map((r) => r.textContent.replace(/\s+/g, ' ').trim()));
}

async function openRow(page, id) {
  await page.click(`#corpus-rows [data-article-id="${id}"] button.open-article`);
  await page.waitForFunction(
    (id) => document.body.dataset.state === 'ready' && document.getElementById('status').textContent.includes(`Opened ${id}`),
    id,
    { timeout: 30000 },
  );
}

/** A screenshot of the corpus card, drawn (rows off screen are not painted until shown). */
async function shot(page, name) {
  await page.evaluate(() => document.getElementById('corpus-section').scrollIntoView({ block: 'start' }));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: outPath(name) });
}

/** Runs axe-core over the whole page; returns the violations as lines. */
async function axeViolations(page) {
  // page.evaluate runs outside the page's Content-Security-Policy.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id} (${v.impact}) on ${v.nodes.length}: ${v.nodes.slice(0, 6).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function checkAxe(page, what) {
  for (const theme of ['light', 'dark']) {
    // The theme button cycles auto -> light -> dark.
    for (let i = 0; i < 3 && (await page.evaluate(() => document.documentElement.dataset.theme)) !== theme; i++) await page.click('#theme');
    checkEqual(await page.evaluate(() => document.documentElement.dataset.theme), theme, 'theme');
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    const violations = await axeViolations(page);
    check(violations.length === 0, `axe-core finds ${violations.length} violation(s) ${what}, ${theme} theme:\n        ${violations.join('\n        ')}`);
  }
}

/** The spans that must agree between the page's export and the command line. */
function spansOf(doc) {
  return JSON.stringify({
    entities: doc.entities.map((e) => [e.start, e.end, e.label, e.text]),
    dates: doc.dates.map((d) => [d.start, d.end, d.type, d.value, d.text]),
    quotes: doc.quotes.map((q) => [q.start, q.end, q.speaker ?? null, q.text]),
    dct: doc.dct,
  });
}

function runCli(path) {
  check(existsSync(CLI), `${CLI} is missing: run \`cargo build --release\` first`);
  const out = spawnSync(CLI, ['--jsonl', path], { encoding: 'utf8', maxBuffer: 1 << 30 });
  check(out.status === 0, `annotate --jsonl failed: ${out.stderr}`);
  return out.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
}

/** Opens `records` as one JSONL file and checks everything the issue asks of it. */
async function checkCorpusAgainstCli(ctx, name, records) {
  const dir = mkdtempSync(join(tmpdir(), 'annotator-corpus-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, jsonl(records));
    const page = await openCorpusPage(ctx);
    await watchProgress(page);
    await openFiles(page, [{ name, content: readFileSync(path), type: 'application/jsonl' }]);
    await waitDone(page);
    const ids = await rowIds(page);
    checkEqual(ids.length, records.length, `${name}: rows listed`);
    checkEqual(JSON.stringify([...ids].sort()), JSON.stringify(records.map((r) => String(r.id)).sort()), `${name}: row ids`);
    checkEqual((await errorRows(page)).length, 0, `${name}: error rows`);
    const seen = await page.evaluate(() => window.__progress);
    check(seen.length > 0, `${name}: #progress was never shown with a value`);
    const last = seen[seen.length - 1];
    checkEqual(last.max, String(records.length), `${name}: #progress aria-valuemax`);
    check(/^[\d,]+ of [\d,]+ articles?$/.test(last.text.trim()), `${name}: #progress text ${JSON.stringify(last.text)}`);
    checkEqual(last.text.trim(), `${records.length.toLocaleString('en')} of ${records.length.toLocaleString('en')} ${records.length === 1 ? 'article' : 'articles'}`, `${name}: #progress text at the end`);

    const exported = (await captureDownload(page, '#export-corpus-jsonl')).text.trimEnd().split('\n').map((l) => JSON.parse(l));
    const cli = runCli(path);
    checkEqual(exported.length, cli.length, `${name}: exported lines`);
    for (let i = 0; i < cli.length; i++) {
      checkEqual(exported[i].id, cli[i].id, `${name}: line ${i + 1} id`);
      checkEqual(exported[i].schema, 'article-annotator/1', `${name}: line ${i + 1} schema`);
      checkEqual(exported[i].text, cli[i].text, `${name}: ${cli[i].id} text`);
      checkEqual(spansOf(exported[i]), spansOf(cli[i]), `${name}: ${cli[i].id} spans, labels and values`);
    }

    // A row opens its article in the reader, with highlights.
    const pick = cli.find((d) => d.entities.length && d.dates.length) || cli[0];
    await openRow(page, pick.id);
    const marks = await page.$$eval('#output mark[data-kind="entity"]', (ms) => new Set(ms.map((m) => m.dataset.id)).size);
    checkEqual(marks, pick.entities.length, `${name}: entity highlights of ${pick.id} in #output`);
    checkEqual(await page.inputValue('#input'), pick.text, `${name}: the opened article's text`);
    checkEqual(await page.getAttribute(`#corpus-rows [data-article-id="${pick.id}"]`, 'aria-current'), 'true', 'the open row is marked');
    checkNoErrors(page);
    return page;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------

export const tests = {
  async 'corpus: a JSONL corpus via #open-files, exported equal to annotate --jsonl'(ctx) {
    const records = [];
    for (let i = 0; i < 60; i++) records.push(inventArticle(i, 800 + (i % 7) * 400));
    for (const f of ['harbour-bridge.txt', 'harbour-strike.txt']) records.push({ id: f, text: readFileSync(join(FIXTURES, f), 'utf8'), dct: null });
    records.push({ id: 77, text: 'Zoë Ng 🚀 met “Ana Ruiz” in Gdańsk on May 1, 2024.', dct: '2024-05-03' });
    const page = await checkCorpusAgainstCli(ctx, 'generated.jsonl', records);
    await shot(page, 'corpus-generated.png');
    await page.close();

    const real = process.env.CORPUS_JSONL || join(DATA, 'conll2003/dev.jsonl');
    if (!existsSync(real)) {
      console.log(`  (no real corpus at ${real}: only the generated one was checked)`);
      return;
    }
    const realRecords = readFileSync(real, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
      const { id, text, dct } = JSON.parse(l);
      return { id, text, dct };
    });
    const realPage = await checkCorpusAgainstCli(ctx, real.replace(/^.*\//, ''), realRecords);
    await shot(realPage, 'corpus-real.png');
    await realPage.close();
  },

  async 'corpus: 1,000 generated articles, cancelled, resumed, summed up across the corpus'(ctx) {
    const records = Array.from({ length: 1000 }, (_, i) => inventArticle(i));
    const page = await openCorpusPage(ctx);
    await watchProgress(page);
    await openFiles(page, [{ name: 'thousand.jsonl', content: jsonl(records), type: 'application/jsonl' }]);
    // Cancel once the first articles are annotated: what is done is kept, the rest waits.
    await page.waitForFunction(() => Number(document.getElementById('progress').getAttribute('aria-valuenow')) > 0, null, { timeout: WAIT });
    await page.click('#corpus-cancel');
    await page.waitForFunction(() => document.getElementById('corpus').dataset.state === 'cancelled', null, { timeout: WAIT });
    const waiting = await page.$$eval('#corpus-rows [data-status="queued"]', (rows) => rows.length);
    check(waiting > 0 && waiting < 1000, `after cancelling, ${waiting} articles wait`);
    checkEqual((await rowIds(page)).length, 1000, 'rows listed after cancelling');
    check((await page.textContent('#status')).includes('Stopped'), 'the status says the annotating stopped');
    await page.click('#corpus-resume');
    await waitDone(page);
    checkEqual((await rowIds(page)).length, 1000, 'rows listed');
    checkEqual(await page.$$eval('#corpus-rows [data-status="done"]', (r) => r.length), 1000, 'rows annotated');
    const last = await page.evaluate(() => window.__progress.at(-1));
    check(last && last.max === String(waiting), `the resumed #progress counts the ${waiting} waiting articles: ${JSON.stringify(last)}`);

    // Every row has counts; sorting by names puts the largest first.
    await page.click('#corpus [data-sort="names"] button');
    const names = await page.$$eval('#corpus-rows [data-article-id] .names', (tds) => tds.map((td) => Number(td.textContent.replace(/,/g, ''))));
    check(names.every((n) => n > 0), 'an article has no names');
    check(names.every((n, i) => i === 0 || names[i - 1] >= n), 'sorting by names is not descending');
    checkEqual(await page.getAttribute('#corpus [data-sort="names"]', 'aria-sort'), 'descending', 'aria-sort');

    // Across the corpus: a person mentioned everywhere, merged across articles; clicking filters.
    const person = await page.$eval('#corpus-across button[data-facet^="name:PER|"]', (b) => ({ key: b.dataset.facet, name: b.querySelector('.facet-name').textContent }));
    check(PEOPLE.includes(person.name), `the top person ${person.name} is not one of the invented people`);
    await page.click(`#corpus-across button[data-facet="${person.key}"]`);
    await page.waitForSelector('#corpus-facet:not([hidden])');
    const filtered = await rowIds(page);
    const expected = records.filter((r) => r.text.includes(person.name)).length;
    check(filtered.length > 0 && filtered.length <= expected, `filtering by ${person.name}: ${filtered.length} rows, ${expected} articles contain the name`);
    for (const id of filtered.slice(0, 20)) {
      check(records.find((r) => r.id === id).text.includes(person.name), `${id} is listed for ${person.name} but does not name them`);
    }
    // The most quoted speakers, with counts.
    const speaker = await page.$eval('#corpus-across button[data-facet^="speaker:"]', (b) => b.textContent);
    check(/\d+ quotes?$/.test(speaker), `speaker facet ${speaker}`);
    await page.click('#corpus-facet-clear');
    // The dates of the articles on one timeline, by month over three years.
    const bars = await page.$$eval('#corpus-across .date-bars button', (bs) => bs.map((b) => b.dataset.facet));
    check(bars.length >= 12 && bars.every((b) => /^date:\d{4}-\d{2}$/.test(b)), `timeline bars ${bars.slice(0, 5)}`);
    await page.click(`#corpus-across button[data-facet="${bars[0]}"]`);
    const month = bars[0].slice(5);
    const inMonth = await page.$$eval('#corpus-rows [data-article-id] [role="cell"].date', (tds) => tds.map((td) => td.textContent));
    check(inMonth.length > 0 && inMonth.every((d) => d.startsWith(month)), `rows under ${month}: ${inMonth.slice(0, 5)}`);
    await page.click('#corpus-facet-clear');
    // The text filter.
    await page.fill('#corpus-filter', 'gen-0999');
    await page.waitForFunction(() => document.querySelectorAll('#corpus-rows > [role="row"]').length === 1, null, { timeout: 10000 });
    await page.fill('#corpus-filter', '');
    await page.waitForFunction(() => document.querySelectorAll('#corpus-rows > [role="row"]').length === 1000, null, { timeout: 30000 });
    await shot(page, 'corpus-thousand.png');

    // Every export holds every article.
    const csv = (await captureDownload(page, '#export-corpus-entities')).text.split('\r\n').filter(Boolean);
    checkEqual(csv[0], 'article_id,start,end,text,label,group,group_name', 'entities CSV header');
    checkEqual(new Set(csv.slice(1).map((l) => l.split(',')[0])).size, 1000, 'articles in the entities CSV');
    const quotes = (await captureDownload(page, '#export-corpus-quotes')).text.split('\r\n').filter(Boolean);
    checkEqual(quotes[0], 'article_id,start,end,text,speaker', 'quotes CSV header');
    const dates = (await captureDownload(page, '#export-corpus-dates')).text.split('\r\n').filter(Boolean);
    checkEqual(dates[0], 'article_id,start,end,text,type,value', 'dates CSV header');
    const w3c = JSON.parse((await captureDownload(page, '#export-corpus-w3c')).text);
    checkEqual(w3c.length, 1000, 'W3C annotation collections');
    checkEqual(w3c[0].type, 'AnnotationCollection', 'W3C type');
    checkEqual(w3c[0]['dc:identifier'], 'gen-0000', 'W3C collection id of the first article');
    const text0 = records[0].text;
    const a = w3c[0].first.items[0];
    const pos = a.target.selector.find((s) => s.type === 'TextPositionSelector');
    checkEqual(Array.from(text0).slice(pos.start, pos.end).join(''), a.target.selector[0].exact, 'W3C selector text');
    checkNoErrors(page);
    await clearStorage(page, ctx);
    await page.close();
  },

  async 'corpus: bad input becomes error rows; every other article is annotated'(ctx) {
    const page = await openCorpusPage(ctx);
    const good = inventArticle(5, 1200);
    const lines = [
      JSON.stringify({ id: 'first', text: 'Ana Ruiz opened the Lisbon office on March 3, 2025.', dct: '2025-03-04' }),
      '{"id": "broken", "text": "no closing brace"',
      JSON.stringify({ id: 'first', text: 'A second record with the same id.' }),
      JSON.stringify({ id: 'no-text', body: 'nothing here' }),
      JSON.stringify({ id: 'bad-dct', text: 'Talks resume on Friday.', dct: 'next week' }),
      '',
      // A publication timestamp, as feeds write it: its date is the article's.
      JSON.stringify({ id: 'last', text: '“We are ready,” said Omar Haddad in Nairobi on Tuesday.', dct: '2025-06-02T09:15:00+03:00' }),
    ];
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await openFiles(page, [
      { name: 'mixed.jsonl', content: lines.join('\n') + '\n', type: 'application/jsonl' },
      { name: 'photo.txt', content: binary },
      { name: 'huge.txt', content: Buffer.alloc(17 * 1024 * 1024, 'a') },
      { name: 'good.txt', content: good.text },
      { name: 'latin1.txt', content: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73, 0x2e]) },
      { name: 'empty.txt', content: '   \n' },
      // A line that is not UTF-8 fails alone; the records around it are kept.
      {
        name: 'half.jsonl',
        content: Buffer.concat([
          Buffer.from(`${JSON.stringify({ id: 'half-1', text: 'Kenji Watanabe spoke in Osaka.' })}\n`),
          Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
          Buffer.from(`${JSON.stringify({ id: 'half-3', text: 'Amara Diallo flew to Brisbane.' })}\n`),
        ]),
      },
    ]);
    await waitDone(page);
    const ids = await rowIds(page);
    checkEqual(JSON.stringify(ids), JSON.stringify(['first', 'last', 'good', 'half-1', 'half-3']), 'articles listed, in order');
    const errors = await errorRows(page);
    const expectError = [
      ['mixed.jsonl, line 2', 'not JSON'],
      ['mixed.jsonl, line 3', 'duplicate id "first" (first in mixed.jsonl, line 1)'],
      ['mixed.jsonl, line 4', 'not a record with a "text"'],
      ['mixed.jsonl, line 5', 'is not a date'],
      ['photo.txt', 'binary file'],
      ['huge.txt', 'more than the 16 MB'],
      ['latin1.txt', 'not UTF-8'],
      ['empty.txt', 'empty'],
      ['half.jsonl, line 2', 'not UTF-8'],
    ];
    checkEqual(errors.length, expectError.length, `error rows (${errors.join(' | ')})`);
    expectError.forEach(([source, words], i) => {
      check(errors[i].includes(source) && errors[i].toLowerCase().includes(words.toLowerCase()), `error row ${i + 1} ${JSON.stringify(errors[i])} should name ${source} and say ${words}`);
    });
    checkEqual(await page.$$eval('#corpus-rows [data-status="done"]', (r) => r.length), 5, 'annotated rows');
    const lastRow = await page.textContent('#corpus-rows [data-article-id="last"]');
    check(lastRow.includes('2025-06-02') && !lastRow.includes('09:15'), `the timestamp's date in the row: ${lastRow}`);
    check((await page.textContent('#corpus-summary')).includes('5 articles, 9 problems'), `summary ${await page.textContent('#corpus-summary')}`);

    // More files later: nothing already loaded is lost; a duplicate across files is an error row too.
    await openFiles(page, [
      { name: 'more.jsonl', content: `${JSON.stringify({ id: 'last', text: 'Again.' })}\n${JSON.stringify({ id: 'more-1', text: 'Priya Raman visited Osaka on June 4, 2025.' })}\n` },
    ]);
    await waitDone(page);
    checkEqual(JSON.stringify(await rowIds(page)), JSON.stringify(['first', 'last', 'good', 'half-1', 'half-3', 'more-1']), 'articles after adding more');
    const later = await errorRows(page);
    check(later.some((e) => e.includes('more.jsonl, line 1') && e.includes('Duplicate id "last"')), `no duplicate row for more.jsonl: ${later.join(' | ')}`);
    await openRow(page, 'first');
    check(await page.$('#output mark[data-kind="date"]'), 'the first record has no date highlight');
    await shot(page, 'corpus-errors.png');
    checkNoErrors(page);
    await clearStorage(page, ctx);
    await page.close();
  },

  async 'corpus: a reload keeps the corpus and its corrections; New corpus is undoable'(ctx) {
    const page = await openCorpusPage(ctx);
    const records = Array.from({ length: 12 }, (_, i) => inventArticle(100 + i, 1500));
    await openFiles(page, [{ name: 'twelve.jsonl', content: jsonl(records) }]);
    await waitDone(page);
    const id = records[3].id;
    await openRow(page, id);
    const before = await page.$$eval('#output mark[data-kind="entity"]', (ms) => new Set(ms.map((m) => m.dataset.id)).size);
    // A correction: delete the first entity with the keyboard.
    await page.focus('#output mark[data-kind="entity"][data-id="e0"]');
    await page.keyboard.press('Delete');
    await waitReady(page);
    const after = await page.$$eval('#output mark[data-kind="entity"]', (ms) => new Set(ms.map((m) => m.dataset.id)).size);
    checkEqual(after, before - 1, 'entities after deleting one');
    await page.waitForFunction((id) => document.querySelector(`#corpus-rows [data-article-id="${id}"] [role="cell"].status`).textContent === 'Corrected', id, { timeout: 10000 });
    checkEqual(await page.textContent(`#corpus-rows [data-article-id="${id}"] .names`), String(after), 'the row counts the correction');
    // A reload once the corpus has written everything to IndexedDB.
    await page.waitForFunction(() => document.getElementById('corpus').dataset.saved === 'true', null, { timeout: 30000 });

    await page.reload();
    await page.waitForSelector('#annotate');
    await waitDone(page, 60000);
    checkEqual((await rowIds(page)).length, 12, 'rows after reload');
    checkEqual(await page.textContent(`#corpus-rows [data-article-id="${id}"] [role="cell"].status`), 'Corrected', 'status after reload');
    checkEqual(await page.textContent(`#corpus-rows [data-article-id="${id}"] .names`), String(after), 'names after reload');
    // The article that was open is open again, and further corrections still reach the corpus.
    checkEqual(await page.inputValue('#input'), records[3].text, 'the open article after reload');
    await openRow(page, records[0].id);
    await openRow(page, id);
    checkEqual(await page.$$eval('#output mark[data-kind="entity"]', (ms) => new Set(ms.map((m) => m.dataset.id)).size), after, 'entities of the reopened article');

    // New corpus clears it; undo brings it back, also after a reload.
    await page.click('#new-corpus');
    await page.waitForFunction(() => document.getElementById('corpus').dataset.state === 'empty', null, { timeout: 10000 });
    checkEqual((await rowIds(page)).length, 0, 'rows after New corpus');
    await page.reload();
    await page.waitForSelector('#corpus-undo:not([hidden])', { timeout: 30000 });
    checkEqual((await rowIds(page)).length, 0, 'rows after New corpus and a reload');
    await page.click('#corpus-undo');
    await waitDone(page, 30000);
    checkEqual((await rowIds(page)).length, 12, 'rows after undoing New corpus');
    checkEqual(await page.textContent(`#corpus-rows [data-article-id="${id}"] [role="cell"].status`), 'Corrected', 'the correction survives New corpus and undo');
    checkNoErrors(page);
    await clearStorage(page, ctx);
    await page.close();
  },

  async 'corpus: .html pages and rich paste lose their navigation, ads and reading time'(ctx) {
    const page = await openCorpusPage(ctx);
    const body = [
      '<p>The city of Rotterdam approved a new flood barrier on Monday, after two years of debate in the council.</p>',
      '<p>“This protects forty thousand homes,” said Mayor Lukas Novak, who had campaigned for the barrier since 2021.</p>',
      '<div class="ad"><p>Advertisement</p></div>',
      '<p>Related: <a href="/x">Dutch ports brace for a wetter decade</a></p>',
      '<p>Construction by Atlas Rail is to start in September and take three years, officials said.</p>',
      '<p>Engineers from Greenfield University reviewed the design and found no flaw in the pumps.</p>',
    ].join('\n');
    const html = `<!doctype html><html><head><title>Rotterdam approves flood barrier | Harbor News</title>
<meta property="article:published_time" content="2025-03-10T08:30:00Z"><meta name="author" content="Sofia Lindqvist"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav>
<header><h1>Rotterdam approves flood barrier</h1><p class="byline">By Sofia Lindqvist</p><span>4 min read</span></header>
<article>${body}</article><footer>© Harbor News · <a href="/privacy">Privacy</a></footer><script>document.title = 'ran';</script></body></html>`;
    await openFiles(page, [{ name: 'flood.html', content: html, type: 'text/html' }]);
    await waitDone(page);
    await openRow(page, 'flood');
    const text = await page.inputValue('#input');
    for (const bad of ['Home', 'Advertisement', 'Related:', '4 min read', 'Privacy', 'document.title']) check(!text.includes(bad), `the extracted page keeps ${JSON.stringify(bad)}:\n${text}`);
    check(text.startsWith('Rotterdam approves flood barrier'), `the title is not the first line: ${JSON.stringify(text.slice(0, 80))}`);
    check(text.includes('Sofia Lindqvist'), 'the byline is missing');
    check(text.includes('Published March 10, 2025'), 'the publication date line is missing');
    checkEqual(await page.textContent('#corpus-rows [data-article-id="flood"] [role="cell"].date'), '2025-03-10', 'the row date (dct)');
    const info = await page.textContent('#doc-info');
    check(info.includes('2025-03-10'), `the reference date is not the page's: ${info}`);
    const durations = async () => page.$$eval('#output mark[data-label="DURATION"]', (ms) => ms.map((m) => m.textContent));
    checkEqual(JSON.stringify(await durations()), JSON.stringify(['two years', 'three years']), 'durations of the page (no reading time)');

    // Rich paste: the same extraction.
    await page.click('#new-article');
    await page.evaluate((html) => {
      const input = document.getElementById('input');
      input.focus();
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Home | World | Business\nAdvertisement');
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, `<nav>Home | World | Business</nav><h1>Rotterdam approves flood barrier</h1><span>4 min read</span>${body}`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready' && document.querySelector('#output mark'), null, { timeout: 30000 });
    const pasted = await page.inputValue('#input');
    for (const bad of ['Home | World', 'Advertisement', 'Related:', '4 min read']) check(!pasted.includes(bad), `the pasted page keeps ${JSON.stringify(bad)}:\n${pasted}`);
    check(pasted.includes('Mayor Lukas Novak'), 'the pasted article lost its text');
    const misc = await page.$$eval('#output mark[data-label="MISC"]', (ms) => ms.map((m) => m.textContent));
    check(!misc.some((m) => /Home|World|Business/.test(m)), `navigation tagged MISC: ${misc}`);
    checkEqual(JSON.stringify(await durations()), JSON.stringify(['two years', 'three years']), 'durations of the pasted page (no reading time)');
    checkNoErrors(page);
    await clearStorage(page, ctx);
    await page.close();
  },

  async 'corpus: many files dropped at once become a corpus'(ctx) {
    const page = await openCorpusPage(ctx);
    const a = inventArticle(7, 900);
    const b = inventArticle(8, 900);
    await page.evaluate(
      ({ a, b }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([a.text], `${a.id}.txt`, { type: 'text/plain' }));
        dt.items.add(new File([b.text], `${b.id}.txt`, { type: 'text/plain' }));
        const target = document.getElementById('input');
        target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      { a, b },
    );
    await waitDone(page);
    checkEqual(JSON.stringify(await rowIds(page)), JSON.stringify([a.id, b.id]), 'dropped files are rows named by file');
    checkEqual(await page.inputValue('#input'), '', 'a corpus drop leaves the text box alone');
    checkNoErrors(page);
    await clearStorage(page, ctx);
    await page.close();
  },

  async 'accessibility: axe-core finds nothing, empty, with an article, with a corpus, in both themes'(ctx) {
    const page = await openCorpusPage(ctx);
    await checkAxe(page, 'on the empty page');
    const records = Array.from({ length: 30 }, (_, i) => inventArticle(300 + i, 1500));
    await openFiles(page, [{ name: 'thirty.jsonl', content: jsonl(records) }, { name: 'bad.jsonl', content: '{oops\n' }]);
    await waitDone(page);
    await checkAxe(page, 'with a corpus open');
    await openRow(page, records[2].id);
    await checkAxe(page, 'with a corpus and an article open');
    await shot(page, 'corpus-dark.png');
    await page.click('#new-corpus');
    await page.click('#new-article');
    await page.fill('#input', readFileSync(join(FIXTURES, 'harbour-bridge.txt'), 'utf8'));
    await page.click('#annotate');
    await waitReady(page);
    await checkAxe(page, 'with an article');
    checkNoErrors(page);
    await clearStorage(page, ctx);
    await page.close();
  },
};
