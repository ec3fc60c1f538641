// The page's contracts: paste, annotate, three kinds of marks, tooltips,
// JSON export checked against the text, alignment and hostile HTML.

import {
  annotateText, article, captureDownload, check, checkEqual, checkNoErrors, checkExport, cpSlice, dropFile, openPage, outPath, readMarks,
  waitAnnotated,
} from './lib.mjs';


/** The page shows exactly the text (lone surrogates become U+FFFD). */
async function checkAligned(page, text) {
  const shown = await page.evaluate(() => document.getElementById('output').textContent);
  checkEqual(shown, text.toWellFormed(), 'article text shown in #output');
}

export const tests = {
  async 'annotate an article: marks of all three kinds, tooltips, JSON export'(ctx) {
    const { name, text, expect } = article();
    const page = await openPage(ctx);
    await page.fill('#input', text);
    await page.click('#annotate');
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    await checkAligned(page, text);

    const marks = await readMarks(page);
    for (const kind of ['entity', 'date', 'quote']) {
      check(marks.some((m) => m.kind === kind), `no ${kind} mark on ${name}`);
    }
    for (const m of marks) {
      if (m.kind === 'entity') check(['PER', 'ORG', 'LOC', 'MISC'].includes(m.label), `entity ${m.text} has label ${m.label}`);
      if (m.kind === 'date') check(['DATE', 'TIME', 'DURATION', 'SET'].includes(m.label), `date ${m.text} has type ${m.label}`);
    }
    for (const e of expect) {
      const found = marks.find((m) => m.kind === e.kind && (e.text ? m.text === e.text : m.text.startsWith(e.startsWith)));
      check(found, `expected a ${e.kind} mark ${JSON.stringify(e.text || e.startsWith + '…')}`);
      if (e.label) checkEqual(found.label, e.label, `label of ${e.text}`);
      if (e.value) checkEqual(found.value, e.value, `value of ${e.text}`);
    }

    // Hover shows the label, focus on a date shows its value, a quote its speaker.
    const entityId = marks.find((m) => m.kind === 'entity').id;
    await page.hover(`#output mark[data-id="${entityId}"]`);
    const tip = await page.textContent('#tooltip');
    check(await page.isVisible('#tooltip'), 'no tooltip on hovering an entity');
    check(/\((PER|ORG|LOC|MISC)\)/.test(tip), `entity tooltip shows no label: ${tip}`);
    const date = marks.find((m) => m.kind === 'date');
    await page.focus(`#output mark[data-id="${date.id}"]`);
    check((await page.textContent('#tooltip')).includes(date.value), 'date tooltip lacks the normalised value');
    const said = expect.find((e) => e.speaker);
    const quote = marks.find((m) => m.kind === 'quote' && m.text.startsWith(said.startsWith));
    checkEqual(await page.getAttribute(`#output mark[data-id="${quote.id}"]`, 'data-speaker'), said.speaker, `speaker of ${said.startsWith}…`);
    await page.focus(`#output mark[data-id="${quote.id}"]`);
    const quoteTip = await page.textContent('#tooltip');
    check(quoteTip.includes(said.speaker), `quote tooltip lacks the speaker ${said.speaker}: ${quoteTip}`);
    await page.screenshot({ path: outPath('article.png'), fullPage: true });

    const file = await captureDownload(page, '#export-json');
    check(file.name.endsWith('.json'), `download is named ${file.name}`);
    const doc = checkExport(file.text, text, marks);
    check(doc.entities.length && doc.dates.length && doc.quotes.length, 'export lacks a layer');
    checkNoErrors(page);
    await page.close();
  },

  async 'alignment: emoji, combining accents, CRLF, lone surrogates'(ctx) {
    const text = [
      'Zoe\u0308 Baptiste 👩🏽‍⚕️ met Rene\u0301e Dubois 🇫🇷 in Montréal on March 3, 2024.',
      '',
      '"We are ready 🚀 for the next step \uD800 of the plan," said Jose\u0301 Rami\u0301rez on April 5, 2024.',
      '',
      'The 𝐌𝐚𝐭𝐡 Society said 😀😀😀 nothing to Anna Schmidt about June 1, 2023.',
      '',
    ].join('\r\n');
    const page = await openPage(ctx);
    // Dropped as a file, so the CRLFs reach the engine (a textarea would make them LF).
    await page.evaluate(() => (document.body.dataset.state = ''));
    await dropFile(page, text, { name: 'windows.txt' });
    await waitAnnotated(page);
    await checkAligned(page, text);
    const marks = await readMarks(page);
    for (const kind of ['entity', 'date', 'quote']) check(marks.some((m) => m.kind === kind), `no ${kind} mark`);
    const file = await captureDownload(page, '#export-json');
    const doc = checkExport(file.text, text.toWellFormed(), marks);
    const april = doc.dates.find((d) => d.text === 'April 5, 2024');
    check(april, 'the date after emoji and accents is missing');
    checkEqual(cpSlice(text.toWellFormed(), april.start, april.end), 'April 5, 2024', 'date sliced by code points');
    check(doc.text.includes('\r\n'), 'the CRLFs of the dropped file were lost');
    await page.screenshot({ path: outPath('alignment.png') });

    // The same text typed into the textarea (LF) with a lone surrogate from JavaScript.
    await annotateText(page, text.replace(/\r\n/g, '\n') + '\uDC00 tail by Ada Byron.');
    const typed = text.replace(/\r\n/g, '\n') + '\uDC00 tail by Ada Byron.';
    await checkAligned(page, typed);
    checkExport((await captureDownload(page, '#export-json')).text, typed.toWellFormed(), await readMarks(page));
    checkNoErrors(page);
    await page.close();
  },

  async 'hostile HTML in the article stays text and never runs'(ctx) {
    const text = [
      'Hostile <img src=x onerror="window.__pwned=1;alert(1)"> test by Maria Lopez on May 2, 2024.',
      '<script>window.__pwned=2;alert(2)</script> <a href="javascript:window.__pwned=3">Click</a>',
      '"<b onmouseover=alert(3)>bold</b> <iframe src=javascript:alert(4)></iframe>," said Tom Hart.',
      '<svg onload=alert(5)></svg> <style>body{display:none}</style> &lt;b&gt; &amp; <!-- c -->',
    ].join('\n');
    const page = await openPage(ctx);
    await annotateText(page, text);
    await checkAligned(page, text);
    const found = await page.evaluate(() => ({
      pwned: window.__pwned,
      elements: [...document.querySelectorAll('#output *')].map((e) => e.tagName).filter((t) => t !== 'MARK' && t !== 'DIV'),
    }));
    checkEqual(found.pwned, undefined, 'window.__pwned');
    checkEqual(found.elements.join(','), '', 'elements other than marks in #output');
    // Hover every mark: no handler may fire.
    for (const mark of await page.$$('#output mark')) await mark.hover();
    checkEqual(await page.evaluate(() => window.__pwned), undefined, 'window.__pwned after hovering');
    const file = await captureDownload(page, '#export-json');
    checkExport(file.text, text, await readMarks(page));
    await page.screenshot({ path: outPath('hostile.png') });
    checkNoErrors(page);
    await page.close();
  },

  async 'rich-text paste becomes plain text with paragraphs and is annotated'(ctx) {
    const page = await openPage(ctx);
    const html = [
      '<html><head><title>Site</title><script>window.__pwned = 1</script></head><body>',
      '<h1>Port strike ends</h1><p class="byline">By <a href="javascript:window.__pwned=2">Ana Ruiz</a>, May 6, 2024</p>',
      '<style>p { color: red }</style><nav><button onclick="window.__pwned=3">Menu</button></nav>',
      '<p>The <b>Harbour Workers Union</b> said on   Monday that\nthe strike was over.<img src=x onerror="window.__pwned=4"></p>',
      '<ul><li>First point</li><li>Second point</li></ul>',
      '<p>"We got what we asked for," said Carla&nbsp;Mendes.<br>A new line.</p></body></html>',
    ].join('');
    await page.evaluate((html) => {
      document.body.dataset.state = '';
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'flat text that should not be used');
      const input = document.getElementById('input');
      input.focus();
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    await waitAnnotated(page);
    const expected = [
      'Port strike ends',
      'By Ana Ruiz, May 6, 2024',
      'The Harbour Workers Union said on Monday that the strike was over.',
      'First point',
      'Second point',
      '"We got what we asked for," said Carla Mendes.\nA new line.',
    ].join('\n\n');
    checkEqual(await page.inputValue('#input'), expected, 'pasted text');
    await checkAligned(page, expected);
    checkEqual(await page.evaluate(() => window.__pwned), undefined, 'window.__pwned');
    const marks = await readMarks(page);
    check(marks.some((m) => m.kind === 'quote' && m.text.startsWith('We got what')), 'the pasted quote is not marked');
    check(marks.some((m) => m.kind === 'date' && m.text === 'May 6, 2024'), 'the pasted date is not marked');

    // Plain text only: used as it is.
    await page.evaluate(() => {
      const input = document.getElementById('input');
      input.value = '';
      document.body.dataset.state = '';
      const data = new DataTransfer();
      data.setData('text/plain', 'Plain text from Lisbon on July 4, 2024.\r\n\r\nSecond paragraph.');
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await waitAnnotated(page);
    checkEqual(await page.inputValue('#input'), 'Plain text from Lisbon on July 4, 2024.\n\nSecond paragraph.', 'pasted plain text');
    // Reading the pasted HTML sets its onerror/onclick attributes on inert
    // elements; the Content-Security-Policy refuses them, and says so.
    checkNoErrors(page, ['Content Security Policy directive']);
    await page.close();
  },

  async 'RTL text and zero-width characters stay aligned'(ctx) {
    const text = [
      'مرحبا بكم في القاهرة.',
      '',
      'قال Ahmed Hassan يوم March 3, 2024: "نحن مستعدون للعمل تماما," في القاهرة.',
      '',
      'שלום עולם: the Tel Aviv Municipality met on June 1, 2023 and said "we are ready, really ready," said Dana Levi.',
      '',
      'Zero\u200Bwidth joiner\u200D and BOM\uFEFF near Paris on May 5, 2024 with Anna\u200C Lee and \u202Eoverride\u202C text.',
    ].join('\n');
    const page = await openPage(ctx);
    await annotateText(page, text);
    await checkAligned(page, text);
    const marks = await readMarks(page);
    for (const kind of ['date', 'quote']) check(marks.some((m) => m.kind === kind), `no ${kind} mark in RTL text`);
    const file = await captureDownload(page, '#export-json');
    checkExport(file.text, text, marks);
    await page.screenshot({ path: outPath('rtl.png') });
    checkNoErrors(page);
    await page.close();
  },
};
