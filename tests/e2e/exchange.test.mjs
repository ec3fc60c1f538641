// Exchanging: the JSON, W3C Web Annotation and CSV exports (download and
// clipboard), importing an exported file, and refusing broken ones.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FIXTURES, annotateText, captureDownload, check, checkEqual, checkExport, checkNoErrors, cpSlice, dropFile,
  findInArticle, openPage, parseCsv, readMarks, selectInArticle, waitAnnotated, waitReady,
} from './lib.mjs';

const TEXT = `${readFileSync(join(FIXTURES, 'harbour-bridge.txt'), 'utf8')}\nPostscript: 🚀 "Onward, =SUM(A1) and beyond," said Zoë Ng on May 1, 2024.\n`;

async function importBuffer(page, name, content) {
  await page.evaluate(() => (document.body.dataset.state = 'importing'));
  await page.setInputFiles('#import', { name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

export const tests = {
  async 'exports: W3C Web Annotation JSON-LD and CSV, downloaded and copied'(ctx) {
    await ctx.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.url });
    const page = await openPage(ctx);
    await annotateText(page, TEXT);
    const json = (await captureDownload(page, '#export-json')).text;
    const doc = checkExport(json, TEXT, await readMarks(page));

    const w3cFile = await captureDownload(page, '#export-w3c');
    check(w3cFile.name.endsWith('.jsonld'), `W3C download is named ${w3cFile.name}`);
    const w3c = JSON.parse(w3cFile.text);
    checkEqual(w3c['@context'], 'http://www.w3.org/ns/anno.jsonld', 'W3C @context');
    checkEqual(w3c.type, 'AnnotationCollection', 'W3C type');
    const items = w3c.first.items;
    checkEqual(items.length, doc.entities.length + doc.dates.length + doc.quotes.length, 'W3C annotation count');
    checkEqual(w3c.total, items.length, 'W3C total');
    for (const a of items) {
      checkEqual(a.type, 'Annotation', 'annotation type');
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const pos = a.target.selector.find((s) => s.type === 'TextPositionSelector');
      check(quote && pos, `annotation ${a.id} lacks a TextQuoteSelector or TextPositionSelector`);
      checkEqual(cpSlice(TEXT, pos.start, pos.end), quote.exact, `${a.id} exact text at its position`);
      checkEqual(cpSlice(TEXT, pos.start - Array.from(quote.prefix).length, pos.start), quote.prefix, `${a.id} prefix`);
      check(a.target.source.startsWith('ni:///sha-256;'), `${a.id} target source ${a.target.source}`);
      const bodies = [].concat(a.body);
      check(bodies.some((b) => b.purpose === 'tagging' && /^(PER|ORG|LOC|MISC|DATE|TIME|DURATION|SET|QUOTE)$/.test(b.value)), `${a.id} has no label body`);
    }
    const firstEntity = items.find((a) => [].concat(a.body)[0].value === doc.entities[0].label);
    check(firstEntity, 'no annotation carries the first entity label');

    const csvFile = await captureDownload(page, '#export-csv');
    const rows = parseCsv(csvFile.text);
    checkEqual(rows[0].join(','), 'start,end,text,label,group,group_name', 'CSV header');
    checkEqual(rows.length - 1, doc.entities.length, 'CSV rows');
    rows.slice(1).forEach((r, i) => {
      const e = doc.entities[i];
      checkEqual(`${r[0]},${r[1]},${r[3]}`, `${e.start},${e.end},${e.label}`, `CSV row ${i + 1}`);
      const cell = /^[=+\-@]/.test(e.text) ? `'${e.text}` : e.text;
      checkEqual(r[2], cell, `CSV row ${i + 1} text`);
    });

    for (const [button, expected] of [['#copy-json', json], ['#copy-w3c', w3cFile.text], ['#copy-csv', csvFile.text]]) {
      await page.click(button);
      await page.waitForFunction(() => /Copied/.test(document.getElementById('status').textContent));
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      // The W3C export names the text by its hash, so both copies are identical.
      checkEqual(copied.replace(/\r\n/g, '\n'), expected.replace(/\r\n/g, '\n'), `clipboard after ${button}`);
      await page.evaluate(() => (document.getElementById('status').textContent = ''));
    }
    checkNoErrors(page);
    await page.close();
  },

  async 'import: an exported file comes back; broken files change nothing'(ctx) {
    const page = await openPage(ctx);
    await annotateText(page, TEXT);
    const at = await findInArticle(page, 'footbridge');
    await selectInArticle(page, at, at + 'footbridge'.length);
    await page.keyboard.press('3');
    await waitReady(page);
    const exported = (await captureDownload(page, '#export-json')).text;
    const marks = await readMarks(page);

    // A different article is on the page; importing brings the exported one back, corrections included.
    await annotateText(page, 'Another text about Berlin on June 2, 2022.');
    await importBuffer(page, 'saved.json', exported);
    await waitReady(page);
    checkEqual(await page.inputValue('#input'), TEXT, 'text box after import');
    checkEqual(JSON.stringify(await readMarks(page)), JSON.stringify(marks), 'highlights after import');

    const good = JSON.parse(exported);
    const broken = {
      'not JSON': '{"schema": "article-annotator/1", ',
      'not a document': '[1, 2, 3]',
      'another schema': JSON.stringify({ ...good, schema: 'something-else/2' }),
      'span text that does not match': JSON.stringify({ ...good, entities: [{ ...good.entities[0], text: 'Nope' }, ...good.entities.slice(1)] }),
      'offsets past the end': JSON.stringify({ ...good, dates: [{ ...good.dates[0], start: 100000, end: 100005 }] }),
      'a wrong type': JSON.stringify({ ...good, entities: [{ ...good.entities[0], start: 'zero' }] }),
      'an unknown label': JSON.stringify({ ...good, entities: [{ ...good.entities[0], label: 'ANIMAL' }] }),
      'a text that was changed': JSON.stringify({ ...good, text: `X${good.text}` }),
      'a group that does not exist': JSON.stringify({ ...good, entities: [{ ...good.entities[0], group: 99 }] }),
    };
    const shownBefore = await page.evaluate(() => document.getElementById('output').innerHTML);
    for (const [what, content] of Object.entries(broken)) {
      await page.evaluate(() => (document.getElementById('alert').hidden = true));
      await importBuffer(page, `${what}.json`, content);
      await page.waitForSelector('#alert:not([hidden])'); // the refusal, however long reading the file takes
      const message = await page.textContent('#alert-text');
      check(message.includes(`${what}.json`) && message.includes('Nothing was changed'), `unclear message for ${what}: ${message}`);
      check(message.length < 400, `message for ${what} is too long: ${message}`);
      checkEqual(await page.evaluate(() => document.getElementById('output').innerHTML), shownBefore, `article after importing ${what}`);
      checkEqual(await page.inputValue('#input'), TEXT, `text box after importing ${what}`);
    }
    console.log(`      e.g. ${await page.textContent('#alert-text')}`);

    // Dropping an exported file imports it too.
    await page.evaluate(() => (document.body.dataset.state = ''));
    await dropFile(page, exported, { name: 'dropped.json', type: 'application/json' });
    await waitReady(page);
    checkEqual(JSON.stringify(await readMarks(page)), JSON.stringify(marks), 'highlights after dropping the export');
    checkNoErrors(page);
    await page.close();
  },
};
