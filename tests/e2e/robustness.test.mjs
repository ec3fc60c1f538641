// Feel and safety: a 1 MB paste is annotated and the page answers, a wasm trap or a
// worker crash leaves the text and says so, the Content-Security-Policy
// refuses inline script, and the page works offline once loaded.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  FIXTURES, Failure, WWW, annotateText, check, checkEqual, checkNoErrors, openPage, outPath, readMarks, waitAnnotated,
} from './lib.mjs';

const FIXTURE = readFileSync(join(FIXTURES, 'harbour-bridge.txt'), 'utf8');

/** The worker with a test double around the engine: TRAP traps, CRASH kills the worker. */
function faultyWorker() {
  const real = readFileSync(join(WWW, 'worker.js'), 'utf8');
  const prelude = `
import { Engine as FaultyEngine } from './pkg/article_annotator.js';
const realAnnotate = FaultyEngine.prototype.annotate;
FaultyEngine.prototype.annotate = function (text, options) {
  if (text.includes('TRAP')) throw new WebAssembly.RuntimeError('unreachable executed');
  return realAnnotate.call(this, text, options);
};
self.addEventListener('message', (event) => {
  const text = event.data && event.data.args && event.data.args.text;
  if (typeof text === 'string' && text.includes('CRASH')) {
    event.stopImmediatePropagation();
    setTimeout(() => { throw new Error('the worker fell over'); });
  }
});
`;
  return prelude + real;
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [relative(WWW, path)];
  });
}

export const tests = {
  // How long the main thread is blocked meanwhile is measured by `make page-figures` (bench/page.mjs).
  async 'a 1 MB paste is annotated whole, shows progress and the page still answers'(ctx) {
    const page = await openPage(ctx);
    let big = '';
    for (let i = 0; big.length < 1_000_000; i++) big += `${FIXTURE.replace(/2024/g, String(1990 + (i % 40)))}\n\n`;
    await page.evaluate(() => {
      window.__progressSeen = false;
      new MutationObserver(() => {
        if (!document.getElementById('progress').hidden) window.__progressSeen = true;
      }).observe(document.getElementById('progress'), { attributes: true });
    });
    await page.evaluate((text) => {
      document.body.dataset.state = '';
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.getElementById('input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, big);
    await waitAnnotated(page);
    const { progressSeen, marks, shown } = await page.evaluate(() => ({
      progressSeen: window.__progressSeen,
      marks: document.querySelectorAll('#output mark').length,
      shown: document.getElementById('output').textContent.length,
    }));
    console.log(`      ${big.length} characters, ${marks} marks`);
    checkEqual(shown, big.length, 'characters shown');
    check(marks > 10000, `only ${marks} marks on a 1 MB article`);
    check(progressSeen, 'no progress indicator while annotating');
    // The page answers while the big article is on it: each click changes the theme.
    const themes = [];
    for (let i = 0; i < 3; i++) {
      await page.click('#theme');
      themes.push(await page.textContent('#theme'));
    }
    checkEqual(new Set(themes).size, 3, `three clicks on the theme button went through ${themes.join(', ')}`);
    await page.evaluate(() => document.querySelector('#output mark').scrollIntoView());
    await page.screenshot({ path: outPath('large.png') });
    checkNoErrors(page);
    await page.close();
  },

  async 'a wasm trap or a worker crash shows a message and keeps the text'(ctx) {
    ctx.server.overrides.set('/worker.js', { type: 'text/javascript', body: faultyWorker() });
    try {
      const page = await openPage(ctx);
      await annotateText(page, FIXTURE);
      const marks = await readMarks(page);

      for (const [word, expect] of [['TRAP', 'unreachable'], ['CRASH', 'stopped']]) {
        const text = `${FIXTURE}\n${word} at the end.`;
        await page.evaluate((text) => {
          document.getElementById('input').value = text;
          document.body.dataset.state = '';
        }, text);
        await page.click('#annotate');
        await page.waitForFunction(() => document.body.dataset.state === 'error');
        const message = await page.textContent('#alert-text');
        check(message.includes(expect) && message.includes('kept'), `unclear message after ${word}: ${message}`);
        checkEqual(await page.inputValue('#input'), text, `text box after ${word}`);
        checkEqual(JSON.stringify(await readMarks(page)), JSON.stringify(marks), `highlights after ${word}`);
        check(!(await page.isDisabled('#annotate')), `Annotate stays disabled after ${word}`);
        console.log(`      ${word}: ${message}`);
        if (word === 'TRAP') await page.screenshot({ path: outPath('trap.png') });
      }
      // A fresh worker takes over.
      await annotateText(page, `${FIXTURE}\nA last line by Ada Byron on May 1, 2024.`);
      check((await readMarks(page)).some((m) => m.text === 'May 1, 2024'), 'no annotation after the crash');
      checkNoErrors(page);
      await page.close();
    } finally {
      ctx.server.overrides.delete('/worker.js');
    }
  },

  async 'a browser without WebAssembly SIMD is told so, and the text is kept'(ctx) {
    // The engine as such a browser sees it: a module it cannot compile, and a
    // SIMD probe that does not validate.
    const real = readFileSync(join(WWW, 'worker.js'), 'utf8');
    ctx.server.overrides.set('/worker.js', { type: 'text/javascript', body: `WebAssembly.validate = () => false;\n${real}` });
    ctx.server.overrides.set('/pkg/article_annotator_bg.wasm', {
      type: 'application/wasm',
      body: Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1]),
    });
    try {
      const page = await openPage(ctx);
      await page.fill('#input', FIXTURE);
      await page.click('#annotate');
      await page.waitForFunction(() => document.body.dataset.state === 'error');
      const message = await page.textContent('#alert-text');
      check(/lacks WebAssembly SIMD/.test(message) && /Firefox 89/.test(message) && /kept/.test(message), `unclear message: ${message}`);
      checkEqual(await page.inputValue('#input'), FIXTURE, 'text box after the engine failed to start');
      await page.screenshot({ path: outPath('no-simd.png') });
      await page.close();
    } finally {
      ctx.server.overrides.delete('/worker.js');
      ctx.server.overrides.delete('/pkg/article_annotator_bg.wasm');
    }
    // With the engine back, the same page works again.
    const page = await openPage(ctx);
    await annotateText(page, FIXTURE);
    check((await readMarks(page)).length > 0, 'no annotation once the engine is back');
    checkNoErrors(page);
    await page.close();
  },

  async 'strict Content-Security-Policy: no inline script, no inline handlers'(ctx) {
    const html = readFileSync(join(WWW, 'index.html'), 'utf8');
    check(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), 'index.html has an inline <script>');
    check(!/\son[a-z]+\s*=/i.test(html), 'index.html has an inline event handler');
    check(!/\sstyle\s*=/i.test(html), 'index.html has an inline style attribute');
    const page = await openPage(ctx);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    check(csp && /script-src 'self' 'wasm-unsafe-eval'/.test(csp) && !/unsafe-inline/.test(csp), `weak CSP: ${csp}`);
    await page.evaluate(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      const d = document.createElement('div');
      d.setAttribute('onclick', 'window.__inline = 2');
      document.body.append(d);
      d.click();
      const a = document.createElement('a');
      a.href = 'javascript:window.__inline = 3';
      document.body.append(a);
      a.click();
    });
    // Wait for the policy's reports (events), not for a time.
    await page
      .waitForFunction(() => window.__violations.length >= 2)
      .catch(async () => {
        throw new Failure(`expected two CSP violations or more, got ${JSON.stringify(await page.evaluate(() => window.__violations))}`);
      });
    checkEqual(await page.evaluate(() => window.__inline), undefined, 'window.__inline');
    // The page itself still works under the policy (wasm included).
    await annotateText(page, FIXTURE);
    check((await readMarks(page)).length > 0, 'no marks under the CSP');
    checkNoErrors(page, ['Content Security Policy']);
    await page.close();
  },

  async 'offline once loaded (service worker)'(ctx) {
    const sw = readFileSync(join(WWW, 'sw.js'), 'utf8');
    const missing = files(WWW).filter((f) => f !== 'sw.js' && !f.endsWith('.d.ts') && !sw.includes(`'${f}'`));
    check(!missing.length, `sw.js does not cache ${missing.join(', ')}`);
    const page = await openPage(ctx);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await ctx.context.setOffline(true);
    try {
      await page.reload();
      await page.waitForSelector('#annotate');
      await annotateText(page, FIXTURE);
      const marks = await readMarks(page);
      check(marks.some((m) => m.kind === 'date') && marks.some((m) => m.kind === 'quote'), 'no annotation offline');
      const failed = await page.evaluate(() => fetch('index.html').then((r) => r.ok, () => false));
      check(failed, 'the cached page is not served offline');
    } finally {
      await ctx.context.setOffline(false);
    }
    checkNoErrors(page);
    await page.close();
  },
};
