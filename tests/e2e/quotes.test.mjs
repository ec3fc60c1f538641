// Sources at a glance: the Quotes panel grouped by speaker with counts and
// roles, the toggle for unattributed quotes, and the quotes and sources
// CSV exports.

import { annotateText, captureDownload, check, checkEqual, checkNoErrors, openPage, outPath, parseCsv } from './lib.mjs';

const STORY = [
  'Allies weigh new air defences',
  '',
  'Nato Secretary General Mark Rutte met defence ministers in Brussels on Thursday.',
  '',
  '“We will not leave any gap in our defences,” Rutte said after the meeting.',
  '',
  '“Every ally has to do more, and faster.”',
  '',
  'Lisa Chen, a defence analyst at Bernstein, said the plans were “ambitious but unfunded.”',
  '',
  '“The money is not in any budget yet,” Chen said.',
  '',
  'Rutte dismissed the criticism. “The money will come,” he told reporters.',
  '',
  'The meeting ended after midnight.',
  '',
  '“No more war.”',
  '',
].join('\n');

/** Words as the Sources CSV counts them, counted here on their own. */
function words(text) {
  return text.split(/[\s,.;:!?“”"()]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export const tests = {
  async 'quotes panel: grouped by speaker with roles, unattributed on a toggle, sources CSV'(ctx) {
    const page = await openPage(ctx);
    await annotateText(page, STORY);
    const doc = JSON.parse((await captureDownload(page, '#export-json')).text);

    // The export carries the speaker's role and organisation.
    const rutte = doc.groups.find((g) => g.name === 'Mark Rutte');
    check(rutte, `no group Mark Rutte in ${JSON.stringify(doc.groups.map((g) => g.name))}`);
    checkEqual(`${rutte.role} / ${rutte.organisation}`, 'Secretary General / Nato', 'Rutte role / organisation');
    const chen = doc.groups.find((g) => g.name === 'Lisa Chen');
    checkEqual(`${chen.role} / ${chen.organisation}`, 'defence analyst / Bernstein', 'Chen role / organisation');
    const bySpeaker = (name) => doc.quotes.filter((q) => q.speaker === name);
    checkEqual(bySpeaker('Mark Rutte').length, 3, 'quotes of Mark Rutte');
    checkEqual(bySpeaker('Lisa Chen').length, 2, 'quotes of Lisa Chen');
    const unattributed = doc.quotes.filter((q) => !q.speaker);
    checkEqual(unattributed.map((q) => q.text).join('|'), 'No more war.', 'unattributed quotes');

    // One entry per source, most quoted first, with role and count.
    const heads = await page.$$eval('#quote-list li.source:not(.unattributed) > .source-head', (bs) =>
      bs.map((b) => [...b.children].filter((c) => !c.classList.contains('visually-hidden')).map((c) => c.textContent).join('')),
    );
    checkEqual(heads.join(' | '), 'Mark Rutte · Nato Secretary General · 3 quotes | Lisa Chen · Bernstein defence analyst · 2 quotes', 'source headings');
    const listed = await page.$$eval('#quote-list li.source', (lis) => lis.map((li) => li.querySelectorAll('button[data-quote]').length));
    checkEqual(listed.join(' '), '3 2 1', 'quotes listed under each source');

    // Unattributed quotes wait behind the toggle.
    const rest = page.locator('#quote-list li.unattributed');
    check(!(await rest.isVisible()), 'unattributed quotes are shown before the toggle');
    const toggle = page.locator('#toggle-unattributed');
    checkEqual((await toggle.textContent()).trim(), 'Show 1 unattributed quote', 'toggle label');
    await toggle.click();
    await rest.waitFor({ state: 'visible', timeout: 5000 });
    checkEqual(await toggle.getAttribute('aria-pressed'), 'true', 'toggle pressed');
    check((await rest.textContent()).includes('No more war.'), 'the unattributed quote is listed');

    // A source's heading walks through its quotes in the article.
    const ids = await page.$$eval('#quote-list li.source:first-child button[data-quote]', (bs) => bs.map((b) => b.dataset.quote));
    const visited = [];
    for (let i = 0; i < ids.length; i++) {
      await page.locator('#quote-list li.source:first-child > .source-head').click();
      visited.push(await page.evaluate(() => document.activeElement.dataset.id));
    }
    checkEqual(visited.join(' '), ids.join(' '), 'quotes visited by clicking Mark Rutte');
    await page.mouse.move(0, 0);
    await page.locator('.card:has(#quote-list)').screenshot({ path: outPath('quotes-panel.png') });

    // The Sources CSV: who, role, organisation, how many quotes and words.
    const sources = await captureDownload(page, '#export-sources');
    check(sources.name.endsWith('.sources.csv'), `sources download is named ${sources.name}`);
    const rows = parseCsv(sources.text);
    checkEqual(rows[0].join(','), 'speaker,role,organisation,quotes,words_quoted', 'sources header');
    const count = (name) => bySpeaker(name).reduce((n, q) => n + words(q.text), 0);
    checkEqual(rows[1].join(','), `Mark Rutte,Secretary General,Nato,3,${count('Mark Rutte')}`, 'sources row 1');
    checkEqual(rows[2].join(','), `Lisa Chen,defence analyst,Bernstein,2,${count('Lisa Chen')}`, 'sources row 2');
    checkEqual(rows.length, 3, 'sources rows (unattributed quotes left out)');

    // The quotes CSV carries each speaker's role.
    const quotes = parseCsv((await captureDownload(page, '#export-quotes')).text);
    checkEqual(quotes[0].join(','), 'start,end,text,speaker,role,organisation,words', 'quotes header');
    checkEqual(quotes.length - 1, doc.quotes.length, 'quotes rows');
    quotes.slice(1).forEach((r, i) => {
      const q = doc.quotes[i];
      checkEqual(`${r[0]},${r[1]},${r[2]},${r[3]}`, `${q.start},${q.end},${q.text},${q.speaker ?? ''}`, `quotes row ${i + 1}`);
      const group = q.speaker_group != null ? doc.groups[q.speaker_group] : null;
      checkEqual(r[4], group?.role ?? '', `quotes row ${i + 1} role`);
    });
    checkNoErrors(page);
    await page.close();
  },
};
