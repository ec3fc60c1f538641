// Correcting: selecting text and labelling it by mouse and by keyboard,
// relabelling and deleting, a quote's speaker and a date's value, undo and
// redo, autosave across a reload, the "new article" action.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FIXTURES, annotateText, captureDownload, check, checkEqual, checkExport, checkNoErrors, findInArticle, markInfo,
  openPage, outPath, readMarks, selectInArticle, waitReady,
} from './lib.mjs';

const FIXTURE = readFileSync(join(FIXTURES, 'harbour-bridge.txt'), 'utf8');

/** The centre of the text at start..end of the article, in page coordinates. */
async function textPoint(page, start, end) {
  return page.evaluate(
    ({ start, end }) => {
      const output = document.getElementById('output');
      const walker = document.createTreeWalker(output, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (start < seen + node.data.length) {
          const range = document.createRange();
          range.setStart(node, start - seen);
          range.setEnd(node, Math.min(end - seen, node.data.length));
          range.startContainer.parentElement.scrollIntoView({ block: 'center' });
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        seen += node.data.length;
      }
      return null;
    },
    { start, end },
  );
}

/** Clicks the middle of the first line box of a highlight (a multi-line mark's box is not all text). */
async function clickMark(page, id) {
  const p = await page.evaluate((id) => {
    const m = document.querySelector(`#output mark[data-id="${id}"]`);
    m.scrollIntoView({ block: 'center' });
    const r = m.getClientRects()[0];
    return { x: r.left + Math.min(12, r.width / 2), y: r.top + r.height / 2 };
  }, id);
  await page.mouse.click(p.x, p.y);
}

async function selectedText(page) {
  return page.evaluate(() => window.getSelection().toString());
}

async function markWithText(page, kind, text) {
  const marks = await readMarks(page);
  return marks.find((m) => m.kind === kind && m.text === text) || null;
}

export const tests = {
  async 'correct with the mouse: add, relabel, delete, date value, quote speaker'(ctx) {
    const page = await openPage(ctx);
    await annotateText(page, FIXTURE);

    // Double-click a word, label it from the toolbar.
    const at = await findInArticle(page, 'footbridge');
    const p = await textPoint(page, at, at + 'footbridge'.length);
    await page.mouse.dblclick(p.x, p.y);
    checkEqual((await selectedText(page)).trim(), 'footbridge', 'double-clicked selection');
    await page.waitForSelector('#selection-bar:not([hidden])');
    await page.click('#selection-bar button[data-add="entity:ORG"]');
    await waitReady(page);
    let mark = await markWithText(page, 'entity', 'footbridge');
    check(mark && mark.label === 'ORG', `footbridge is not an ORG entity: ${JSON.stringify(mark)}`);

    // A rough drag over part of two words becomes the two whole words.
    const dragAt = await findInArticle(page, 'turning point');
    await selectInArticle(page, dragAt + 2, dragAt + 'turning po'.length);
    await page.waitForSelector('#selection-bar:not([hidden])');
    await page.click('#selection-bar button[data-add="entity:MISC"]');
    await waitReady(page);
    check(await markWithText(page, 'entity', 'turning point'), 'a rough selection was not widened to whole words');

    // Click the highlight: relabel in the dialog.
    await clickMark(page, mark.id);
    await page.waitForSelector('#editor[open]');
    await page.check('#editor input[name="label"][value="LOC"]');
    await page.click('#editor-save');
    await waitReady(page);
    mark = await markWithText(page, 'entity', 'footbridge');
    checkEqual(mark && mark.label, 'LOC', 'label after relabelling');

    // A date with a value of our choosing.
    const tue = await findInArticle(page, 'Tuesday');
    await selectInArticle(page, tue, tue + 'Tuesday'.length);
    await page.click('#selection-bar button[data-add="date:DATE"]');
    await waitReady(page);
    let date = await markWithText(page, 'date', 'Tuesday');
    check(date, 'Tuesday was not marked as a date');
    if (!(await page.isVisible('#editor'))) await clickMark(page, date.id);
    await page.waitForSelector('#editor[open]');
    await page.fill('#editor-value', 'not a value!');
    await page.click('#editor-save');
    check((await page.textContent('#editor-error')).includes('TIMEX3'), 'a bad TIMEX3 value was accepted');
    await page.fill('#editor-value', '2024-03-05');
    await page.click('#editor-save');
    await waitReady(page);
    date = await markWithText(page, 'date', 'Tuesday');
    checkEqual(date.value, '2024-03-05', 'date value after editing');

    // The first quote gets another speaker.
    const quoteId = await page.getAttribute('#output mark[data-kind="quote"]', 'data-id');
    await clickMark(page, quoteId);
    await page.waitForSelector('#editor[open]');
    if ((await page.textContent('#editor-title')) !== 'Quote') await page.click('#editor-around button:text("the quote")');
    checkEqual(await page.textContent('#editor-title'), 'Quote', 'dialog title');
    await page.fill('#editor-speaker', 'Daniel Whitcombe');
    await page.screenshot({ path: outPath('editor.png') });
    await page.click('#editor-save');
    await waitReady(page);
    checkEqual((await markInfo(page, `#output mark[data-id="${quoteId}"]`)).speaker, 'Daniel Whitcombe', 'speaker after editing');

    // Delete a highlight from its dialog.
    const victim = await markWithText(page, 'entity', 'turning point');
    await clickMark(page, victim.id);
    await page.click('#editor-delete');
    await waitReady(page);
    check(!(await markWithText(page, 'entity', 'turning point')), 'the deleted highlight is still there');

    await page.mouse.move(0, 0);
    await page.screenshot({ path: outPath('corrected.png'), fullPage: true });

    // The export carries every correction and still fits the text.
    const doc = checkExport((await captureDownload(page, '#export-json')).text, FIXTURE, await readMarks(page));
    check(doc.entities.some((e) => e.text === 'footbridge' && e.label === 'LOC'), 'export lacks the relabelled entity');
    check(doc.dates.some((d) => d.text === 'Tuesday' && d.value === '2024-03-05'), 'export lacks the corrected date');
    check(doc.quotes.some((q) => q.speaker === 'Daniel Whitcombe'), 'export lacks the new speaker');
    check(!doc.entities.some((e) => e.text === 'turning point'), 'export still has the deleted entity');
    checkNoErrors(page);
    await page.close();
  },

  async 'correct with the keyboard, then undo and redo'(ctx) {
    const page = await openPage(ctx);
    await annotateText(page, FIXTURE);
    const initial = await readMarks(page);
    await page.focus('#output');

    // → selects the first word, Shift+→ adds the next ones; 2 makes them an organisation.
    await page.keyboard.press('ArrowRight');
    checkEqual(await selectedText(page), 'City', 'first word selected by →');
    await page.keyboard.press('ArrowRight');
    checkEqual(await selectedText(page), 'council', 'next word selected by →');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    checkEqual(await selectedText(page), 'council approves new', 'selection extended by Shift+→');
    await page.keyboard.press('Shift+ArrowLeft');
    checkEqual(await selectedText(page), 'council approves', 'selection shortened by Shift+←');
    await page.keyboard.press('2');
    await waitReady(page);
    check(await markWithText(page, 'entity', 'council approves'), 'keyboard selection was not labelled');
    const active = await page.evaluate(() => document.activeElement.textContent);
    checkEqual(active, 'council approves', 'focus after labelling');

    // J moves to the next highlight; 1 relabels it, Enter opens the dialog, Escape closes it.
    let focused = null;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('j');
      focused = await page.evaluate(() => {
        const m = document.activeElement;
        return m.tagName === 'MARK' ? { id: m.dataset.id, kind: m.dataset.kind, label: m.dataset.label } : null;
      });
      if (focused && focused.kind === 'entity' && focused.label !== 'PER') break;
    }
    check(focused && focused.kind === 'entity', 'J never reached an entity');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    check(outline !== 'none', 'the focused highlight has no visible focus outline');
    check(await page.isVisible('#tooltip'), 'no tooltip on the focused highlight');
    await page.keyboard.press('1');
    await waitReady(page);
    checkEqual((await markInfo(page, `#output mark[data-id="${focused.id}"]`)).label, 'PER', 'label after pressing 1');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#editor[open]');
    await page.keyboard.press('Escape');
    check(!(await page.isVisible('#editor')), 'Escape did not close the dialog');

    // Delete removes it; Ctrl+Z brings it back; Ctrl+Shift+Z removes it again.
    await page.focus(`#output mark[data-id="${focused.id}"]`);
    const text = (await markInfo(page, `#output mark[data-id="${focused.id}"]`)).text;
    const n = (await readMarks(page)).length;
    await page.keyboard.press('Delete');
    await waitReady(page);
    checkEqual((await readMarks(page)).length, n - 1, 'highlights after Delete');
    check(!(await page.isDisabled('#undo')), 'undo is disabled after an edit');
    await page.keyboard.press('Control+z');
    await waitReady(page);
    checkEqual((await readMarks(page)).length, n, 'highlights after undo');
    check((await readMarks(page)).some((m) => m.text === text), 'undo did not restore the deleted highlight');
    await page.keyboard.press('Control+Shift+z');
    await waitReady(page);
    checkEqual((await readMarks(page)).length, n - 1, 'highlights after redo');
    // Undo everything: back to what the engine found.
    for (let i = 0; i < 3; i++) {
      await page.click('#undo');
      await waitReady(page);
    }
    checkEqual(JSON.stringify(await readMarks(page)), JSON.stringify(initial), 'highlights after undoing every edit');
    check(await page.isDisabled('#undo'), 'undo is still enabled at the start of history');
    check(!(await page.isDisabled('#redo')), 'redo is disabled after undoing');
    checkNoErrors(page);
    await page.close();
  },

  async 'autosave: reload keeps the text and every correction; new article can be undone'(ctx) {
    const page = await openPage(ctx);
    await annotateText(page, FIXTURE, { dct: '2024-03-04' });
    const at = await findInArticle(page, 'footbridge');
    await selectInArticle(page, at, at + 'footbridge'.length);
    await page.keyboard.press('4');
    await waitReady(page);
    const marks = await readMarks(page);
    check(marks.some((m) => m.text === 'footbridge' && m.label === 'MISC'), 'correction missing before reload');
    await page.fill('#input', `${FIXTURE}\nAn unannotated line typed afterwards.`);

    await page.reload();
    await waitReady(page);
    checkEqual(JSON.stringify(await readMarks(page)), JSON.stringify(marks), 'highlights after reload');
    checkEqual(await page.inputValue('#input'), `${FIXTURE}\nAn unannotated line typed afterwards.`, 'text box after reload');
    checkEqual(await page.inputValue('#dct'), '2024-03-04', 'reference date after reload');
    check(await page.isVisible('#stale'), 'no notice that the text differs from the annotated article');

    await page.click('#new-article');
    await waitReady(page);
    checkEqual(await page.inputValue('#input'), '', 'text box after New article');
    checkEqual(await page.evaluate(() => document.querySelectorAll('#output mark').length), 0, 'marks after New article');
    await page.click('#undo');
    await waitReady(page);
    checkEqual(JSON.stringify(await readMarks(page)), JSON.stringify(marks), 'highlights after undoing New article');
    checkEqual(await page.inputValue('#input'), FIXTURE, 'text box after undoing New article');

    await page.click('#redo');
    await waitReady(page);
    await page.reload();
    await page.waitForSelector('#annotate');
    checkEqual(await page.inputValue('#input'), '', 'text box after New article and reload');
    checkNoErrors(page);
    await page.close();
  },
};
