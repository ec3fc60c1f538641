// Reading: colours with WCAG AA contrast in both themes, badges as well as
// colour, filters, the side panel (groups, quotes, timeline), keyboard
// navigation with visible focus and named controls. Screenshots of each.

import { join } from 'node:path';
import { ROOT, annotateText, check, checkEqual, checkNoErrors, openPage, outPath, readMarks, waitReady } from './lib.mjs';

const STORY = [
  'Museum reopens after flood',
  '',
  'By Lena Ortiz, April 8, 2024',
  '',
  'Anna Berg, director of the Tidewater Museum, met Tom Ruiz in Oslo on May 2, 2024 to plan the reopening.',
  '"The water reached the second floor, but the collection is safe," Anna Berg said.',
  'On June 3, 2023, Tom Ruiz had warned the city council about the river. "Nobody listened to us then," said Tom Ruiz.',
  'The museum will open every Sunday from September 1, 2024, Anna Berg told reporters in Oslo.',
  '',
].join('\n');

/** Contrast ratios of text on highlight and badge text on badge, for every legend entry and mark. */
async function contrasts(page) {
  return page.evaluate(() => {
    const rgb = (c) => {
      const m = c.match(/[\d.]+/g).map(Number);
      return m.length >= 4 && m[3] === 0 ? null : m.slice(0, 3);
    };
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    // The colour behind an element: its own background or the nearest opaque one around it.
    const behind = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c) return c;
      }
      return [255, 255, 255];
    };
    const out = [];
    const seen = new Set();
    for (const el of document.querySelectorAll('#legend .swatch, #output mark')) {
      const key = `${el.closest('#legend') ? 'legend' : 'mark'} ${el.dataset.kind}/${el.dataset.label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const s = getComputedStyle(el);
      out.push({ what: `${key} text`, ratio: ratio(rgb(s.color), behind(el)) });
      const badge = getComputedStyle(el, '::after');
      if (badge.content !== 'none' && rgb(badge.backgroundColor)) {
        out.push({ what: `${key} badge`, ratio: ratio(rgb(badge.color), rgb(badge.backgroundColor)) });
      }
    }
    for (const sel of ['#status', '.hint', '#annotate', '.footer', '#legend .count']) {
      const el = document.querySelector(sel);
      if (el) out.push({ what: sel, ratio: ratio(rgb(getComputedStyle(el).color), behind(el)) });
    }
    return out;
  });
}

async function checkContrast(page, theme) {
  const all = await contrasts(page);
  check(all.length > 20, `only ${all.length} colour pairs measured`);
  const bad = all.filter((c) => c.ratio < 4.5);
  check(!bad.length, `${theme} theme below WCAG AA (4.5:1): ${bad.map((c) => `${c.what} ${c.ratio.toFixed(2)}`).join('; ')}`);
  const worst = all.reduce((a, b) => (a.ratio < b.ratio ? a : b));
  console.log(`      ${theme}: ${all.length} colour pairs, lowest contrast ${worst.ratio.toFixed(2)}:1 (${worst.what})`);
}

/** Clicks #theme until it reads `Theme: ${name}`; three choices, so at most three clicks. */
async function chooseTheme(page, name) {
  for (let i = 0; i < 3 && (await page.textContent('#theme')) !== `Theme: ${name}`; i++) await page.click('#theme');
  checkEqual(await page.textContent('#theme'), `Theme: ${name}`, 'theme button after clicking through the choices');
}

export const tests = {
  async 'light and dark themes meet WCAG AA; labels carry badges, not colour alone'(ctx) {
    const page = await openPage(ctx);
    await annotateText(page, STORY, { dct: '2024-04-08' });
    checkEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'theme by default (light system)');
    await checkContrast(page, 'light');
    const badges = await page.evaluate(() =>
      [...document.querySelectorAll('#output mark[data-kind="entity"]:not([data-more])')].map((m) => getComputedStyle(m, '::after').content),
    );
    check(badges.length && badges.every((b) => /^"(PER|ORG|LOC|MISC)"$/.test(b)), `entity badges: ${badges.join(' ')}`);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: outPath('theme-light.png') });
    // UPDATE_SCREENSHOT=1 refreshes the README's picture of the page.
    if (process.env.UPDATE_SCREENSHOT) await page.screenshot({ path: join(ROOT, 'docs/screenshot.png') });

    // Following the system preference, then a choice that is remembered.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await chooseTheme(page, 'dark');
    checkEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'theme after choosing dark');
    await checkContrast(page, 'dark');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: outPath('theme-dark.png') });
    await page.reload();
    await waitReady(page);
    checkEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'theme after reload');
    await chooseTheme(page, 'auto');
    checkNoErrors(page);
    await page.close();
  },

  async 'side panel: groups jump and light up, quotes, timeline in order; filters'(ctx) {
    const page = await openPage(ctx);
    await annotateText(page, STORY, { dct: '2024-04-08' });
    const marks = await readMarks(page);

    // The most mentioned name comes first; clicking walks through its mentions.
    const first = page.locator('#entity-list button[data-cluster]').first();
    const name = (await first.locator('.swatch').textContent()).trim();
    const mentions = marks.filter((m) => m.kind === 'entity' && m.text === name);
    check(mentions.length >= 2, `the first group ${name} has ${mentions.length} mentions`);
    const visited = [];
    for (let i = 0; i < mentions.length; i++) {
      await first.click();
      visited.push(await page.evaluate(() => document.activeElement.dataset.id));
    }
    checkEqual(visited.join(' '), mentions.map((m) => m.id).join(' '), `mentions visited by clicking ${name}`);
    await first.hover();
    checkEqual(await page.locator('#output mark.lit').count(), mentions.length, `marks lit while hovering ${name}`);

    // Quotes with their speakers; a click goes to the quote.
    const quotes = marks.filter((m) => m.kind === 'quote');
    checkEqual(await page.locator('#quote-list button[data-quote]').count(), quotes.length, 'quotes listed');
    await page.locator('#quote-list button[data-quote]').nth(1).click();
    checkEqual(await page.evaluate(() => document.activeElement.dataset.id), quotes[1].id, 'focus after clicking a quote');

    // The timeline lists values in time order.
    const values = await page.$$eval('#timeline ol[aria-label] button', (bs) => bs.map((b) => b.dataset.value));
    check(values.length >= 3, `timeline has ${values.length} values`);
    checkEqual(values.join(' '), [...values].sort().join(' '), 'timeline order');
    await page.locator('#timeline button').first().click();
    checkEqual(await page.evaluate(() => document.activeElement.dataset.value), values[0], 'focus after clicking the earliest date');

    await page.setViewportSize({ width: 1360, height: 1500 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(0, 0);
    await first.hover();
    await page.screenshot({ path: outPath('panel.png') });
    await page.setViewportSize({ width: 1360, height: 900 });

    // Filters: people off, then on again.
    const per = page.locator('#legend button[data-filter="entity-PER"]');
    await per.click();
    checkEqual(await per.getAttribute('aria-pressed'), 'false', 'aria-pressed of a hidden label');
    const looks = await page.evaluate(() => {
      const m = document.querySelector('#output mark[data-label="PER"]');
      return { bg: getComputedStyle(m).backgroundColor, badge: getComputedStyle(m, '::after').content };
    });
    checkEqual(looks.bg, 'rgba(0, 0, 0, 0)', 'background of a hidden label');
    checkEqual(looks.badge, 'none', 'badge of a hidden label');
    await page.focus('#output');
    const stops = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('j');
      const at = await page.evaluate(() => {
        const m = document.activeElement;
        return m.tagName === 'MARK' ? { id: m.dataset.id, label: m.dataset.label } : null;
      });
      check(at, `J number ${i + 1} did not move the focus to a highlight`);
      check(at.label !== 'PER', 'J stopped on a hidden person');
      check(!stops.includes(at.id), `J came back to ${at.id} after ${stops.join(' ')}`);
      stops.push(at.id);
    }
    const shown = marks.filter((m) => m.label !== 'PER').map((m) => m.id);
    checkEqual(stops.join(' '), shown.slice(0, 6).join(' '), 'highlights J steps through with people hidden');
    await page.screenshot({ path: outPath('filtered.png') });
    await per.click();
    checkEqual(await per.getAttribute('aria-pressed'), 'true', 'aria-pressed after showing again');
    checkNoErrors(page);
    await page.close();
  },

  async 'keyboard: every control reachable, visible focus, named controls and regions'(ctx) {
    const page = await openPage(ctx);
    await annotateText(page, STORY, { dct: '2024-04-08' });
    await page.evaluate(() => document.activeElement.blur());
    await page.evaluate(() => window.scrollTo(0, 0));
    const reached = new Set();
    let missingOutline = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        // Focus inside a control's own parts (a date field's calendar button) is drawn by those parts.
        if (!el.matches(':focus')) return { key: el.id, outline: true };
        const s = getComputedStyle(el);
        // A visually hidden file input shows its focus on its label.
        const shown = el.id === 'import' ? getComputedStyle(document.querySelector('label[for="import"]')) : s;
        return { key: el.id || el.dataset.filter || el.dataset.cluster || el.tagName, outline: shown.outlineStyle !== 'none' && shown.outlineWidth !== '0px' };
      });
      if (!info) continue;
      reached.add(info.key);
      if (!info.outline) missingOutline.push(info.key);
    }
    for (const id of ['input', 'dct', 'month-first', 'annotate', 'output', 'export-json', 'export-w3c', 'export-csv', 'copy-json', 'import', 'new-article', 'theme', 'entity-PER']) {
      check(reached.has(id), `Tab never reaches #${id} (reached: ${[...reached].join(', ')})`);
    }
    missingOutline = [...new Set(missingOutline)];
    check(!missingOutline.length, `no visible focus on ${missingOutline.join(', ')}`);

    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, textarea, select, [role="region"], [role="toolbar"], dialog')]
        .filter((el) => {
          const labelled = el.labels && el.labels.length;
          const by = el.getAttribute('aria-labelledby');
          return !(el.getAttribute('aria-label') || (by && document.getElementById(by)) || labelled || (el.tagName === 'BUTTON' && el.textContent.trim()));
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    check(!unnamed.length, `controls without an accessible name: ${unnamed.join(' | ')}`);
    checkEqual(await page.getAttribute('#tooltip', 'role'), 'tooltip', 'tooltip role');
    checkEqual(await page.getAttribute('#status', 'role'), 'status', 'status role');
    checkEqual(await page.getAttribute('#alert', 'role'), 'alert', 'alert role');

    // The skip link leads to the article; ? opens the shortcuts.
    await page.reload();
    await waitReady(page);
    await page.keyboard.press('Tab');
    checkEqual(await page.evaluate(() => document.activeElement.className), 'skip-link', 'first Tab stop');
    await page.keyboard.press('Enter');
    checkEqual(await page.evaluate(() => document.activeElement.id), 'output', 'focus after the skip link');
    await page.keyboard.press('?');
    check(await page.isVisible('#shortcuts'), '? does not open the shortcuts');
    await page.screenshot({ path: outPath('shortcuts.png') });
    await page.keyboard.press('Escape');
    checkNoErrors(page);
    await page.close();
  },
};
