// Promises of the README that the other page tests do not reach: the
// month-first checkbox, the D, Q and K keys, a quotation added from the
// toolbar, and undo of a re-annotation.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FIXTURES, annotateText, check, checkEqual, checkNoErrors, findInArticle, openPage, readMarks, selectInArticle, waitAnnotated,
  waitReady,
} from './lib.mjs';

const FIXTURE = readFileSync(join(FIXTURES, 'harbour-bridge.txt'), 'utf8');

async function markWithText(page, kind, text) {
  return (await readMarks(page)).find((m) => m.kind === kind && m.text === text) || null;
}

/** The highlight that has the focus: { id, kind } or null. */
async function focusedMark(page) {
  return page.evaluate(() => {
    const m = document.activeElement;
    return m && m.tagName === 'MARK' ? { id: m.dataset.id, kind: m.dataset.kind } : null;
  });
}

async function selectWords(page, words) {
  const at = await findInArticle(page, words);
  await selectInArticle(page, at, at + words.length);
  await page.waitForSelector('#selection-bar:not([hidden])');
}

export const tests = {
  async 'month-first checkbox: 03/04/2025 is 3 April unticked, March 4 ticked'(ctx) {
    const page = await openPage(ctx);
    const text = 'The hearing set for 03/04/2025 was moved, the court in Leeds said.';
    await annotateText(page, text);
    checkEqual((await markWithText(page, 'date', '03/04/2025'))?.value, '2025-04-03', 'value of 03/04/2025, day first');
    await page.check('#month-first');
    await page.click('#annotate');
    await waitAnnotated(page);
    checkEqual((await markWithText(page, 'date', '03/04/2025'))?.value, '2025-03-04', 'value of 03/04/2025, month first');
    // A date added by hand (D) takes its value the same way.
    const date = await markWithText(page, 'date', '03/04/2025');
    await page.focus(`#output mark[data-id="${date.id}"]`);
    await page.keyboard.press('Delete');
    await waitReady(page);
    check(!(await markWithText(page, 'date', '03/04/2025')), 'Delete left the date');
    await selectWords(page, '03/04/2025');
    await page.keyboard.press('d');
    await waitReady(page);
    if (await page.isVisible('#editor')) await page.keyboard.press('Escape');
    checkEqual((await markWithText(page, 'date', '03/04/2025'))?.value, '2025-03-04', 'value of 03/04/2025 added by D, month first');
    checkNoErrors(page);
    await page.close();
  },

  async 'D and Q label the selection; J and K walk the highlights both ways'(ctx) {
    const page = await openPage(ctx);
    await annotateText(page, FIXTURE);
    check(!(await markWithText(page, 'date', 'the vote')), '"the vote" is a date before D is pressed');
    await selectWords(page, 'the vote');
    await page.keyboard.press('d');
    await waitReady(page);
    // A date with no value the engine can give opens the dialog for one; closing it keeps the date.
    if (await page.isVisible('#editor')) await page.keyboard.press('Escape');
    check(!(await page.isVisible('#editor')), 'Escape did not close the dialog');
    check(await markWithText(page, 'date', 'the vote'), 'D did not make "the vote" a date');

    check(!(await markWithText(page, 'quote', 'a turning point for the city')), 'the words are a quote before Q is pressed');
    await selectWords(page, 'a turning point for the city');
    await page.keyboard.press('q');
    await waitReady(page);
    check(await markWithText(page, 'quote', 'a turning point for the city'), 'Q did not make the words a quotation');
    // A new quotation opens its dialog for the speaker; Escape closes it and keeps the quotation.
    await page.waitForSelector('#editor[open]');
    checkEqual(await page.textContent('#editor-title'), 'Quote', 'dialog title after Q');
    await page.keyboard.press('Escape');
    check(!(await page.isVisible('#editor')), 'Escape did not close the dialog');
    check(await markWithText(page, 'quote', 'a turning point for the city'), 'the quotation went when its dialog closed');

    const order = (await readMarks(page)).map((m) => m.id);
    await page.evaluate(() => window.getSelection().removeAllRanges());
    await page.focus('#output');
    const forward = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('j');
      forward.push((await focusedMark(page))?.id);
    }
    checkEqual(forward.join(' '), order.slice(0, 3).join(' '), 'highlights reached by J');
    await page.keyboard.press('k');
    checkEqual((await focusedMark(page))?.id, order[1], 'highlight after J J J K');
    await page.keyboard.press('k');
    checkEqual((await focusedMark(page))?.id, order[0], 'highlight after J J J K K');
    await page.keyboard.press('k');
    checkEqual((await focusedMark(page))?.id, order[order.length - 1], 'K from the first highlight goes round to the last');
    checkNoErrors(page);
    await page.close();
  },

  async 'a quotation added from the toolbar gets the speaker field'(ctx) {
    const page = await openPage(ctx);
    await annotateText(page, FIXTURE);
    const words = 'the cost had doubled since the plans were first shown';
    check(!(await markWithText(page, 'quote', words)), 'the words are a quote before the toolbar is used');
    await selectWords(page, words);
    await page.click('#selection-bar button[data-add="quote:"]');
    await waitReady(page);
    const quote = await markWithText(page, 'quote', words);
    check(quote, 'the toolbar did not make the words a quotation');
    await page.waitForSelector('#editor[open]');
    checkEqual(await page.textContent('#editor-title'), 'Quote', 'dialog title for the new quotation');
    await page.fill('#editor-speaker', 'Helen Carver');
    await page.click('#editor-save');
    await waitReady(page);
    checkEqual(await page.getAttribute(`#output mark[data-id="${quote.id}"]`, 'data-speaker'), 'Helen Carver', 'speaker of the added quotation');
    checkNoErrors(page);
    await page.close();
  },

  async 'undo of a re-annotation brings back the text and its corrections; redo the new one'(ctx) {
    const page = await openPage(ctx);
    await annotateText(page, FIXTURE);
    await selectWords(page, 'footbridge');
    await page.keyboard.press('4');
    await waitReady(page);
    const corrected = await readMarks(page);
    check(corrected.some((m) => m.text === 'footbridge' && m.label === 'MISC'), 'the correction is missing');

    const changed = `${FIXTURE}\nA late line: the bridge opens in Leeds on May 5, 2027, said Ann Lee.\n`;
    await page.fill('#input', changed);
    await page.click('#annotate');
    await waitAnnotated(page);
    const reannotated = await readMarks(page);
    check(reannotated.some((m) => m.kind === 'date' && m.text === 'May 5, 2027'), 'the new text was not annotated');
    check(!reannotated.some((m) => m.text === 'footbridge' && m.label === 'MISC'), 're-annotating kept a correction of the old text');

    await page.focus('#output');
    await page.keyboard.press('Control+z');
    await waitReady(page);
    checkEqual(await page.inputValue('#input'), FIXTURE, 'text box after undoing the re-annotation');
    checkEqual(JSON.stringify(await readMarks(page)), JSON.stringify(corrected), 'highlights after undoing the re-annotation');

    await page.keyboard.press('Control+Shift+z');
    await waitReady(page);
    checkEqual(await page.inputValue('#input'), changed, 'text box after redo');
    checkEqual(JSON.stringify(await readMarks(page)), JSON.stringify(reannotated), 'highlights after redo');
    checkNoErrors(page);
    await page.close();
  },
};
