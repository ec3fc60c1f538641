// Corpus mode: many articles at once. Files (or a folder) become one row
// each, annotated by a pool of workers, kept in IndexedDB, summed up across
// the corpus (who is named, who is quoted, when the articles are dated) and
// exported together. A row opens its article in the reader, where the
// corrections of today are made; they come back here, per article.
//
// The main thread never works long at a stretch: every loop (reading files,
// drawing rows, gathering results, exporting) pauses every few milliseconds.

import { CSV_HEADERS, csvLine } from './corpus-export.js';
import { droppedFiles, readFile } from './corpus-files.js';
import { clearArticles, getMeta, loadArticles, putArticles, setMeta } from './corpus-store.js';
import { download } from './exporters.js';
import { timexStart } from './panel.js';
import { firstLine, summarise } from './corpus-summary.js';
import { Pool } from './pool.js';

const SLICE_MS = 12; // the longest the corpus works without letting the page paint
const TOP = 12; // names, speakers shown across the corpus
const LABEL_HEADINGS = { PER: 'People', ORG: 'Organisations', LOC: 'Places' };
const COLUMNS = [
  { key: 'title', name: 'Article', type: 'text' },
  { key: 'dct', name: 'Date', type: 'text' },
  { key: 'names', name: 'Names', type: 'number' },
  { key: 'dates', name: 'Dates', type: 'number' },
  { key: 'quotes', name: 'Quotes', type: 'number' },
  { key: 'status', name: 'Status', type: 'text' },
];
const FORMATS = {
  jsonl: { name: 'JSONL of every article', ext: 'jsonl', type: 'application/jsonl' },
  entities: { name: 'CSV of entities', ext: 'entities.csv', type: 'text/csv' },
  quotes: { name: 'CSV of quotes', ext: 'quotes.csv', type: 'text/csv' },
  dates: { name: 'CSV of dates', ext: 'dates.csv', type: 'text/csv' },
  w3c: { name: 'W3C annotations of every article', ext: 'annotations.jsonld', type: 'application/ld+json' },
};

const capitalise = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const numberFormat = new Intl.NumberFormat('en');
const fmt = (n) => numberFormat.format(n);
const plural = (n, one, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

let lastPause = performance.now();
/** Lets the page paint and handle input when this loop has worked for a while. */
async function pause(force = false) {
  if (!force && performance.now() - lastPause < SLICE_MS) return;
  await new Promise((resolve) => setTimeout(resolve, 0));
  lastPause = performance.now();
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null) continue;
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'class') node.className = v;
    else if (k.startsWith('aria') || k === 'role' || k === 'title' || k === 'scope') {
      node.setAttribute(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), v);
    } else node[k] = v;
  }
  node.append(...children.filter((c) => c != null));
  return node;
}


export function setupCorpus(app) {
  const $ = (id) => document.getElementById(id);
  const view = $('corpus');
  const section = $('corpus-section');
  const tbody = $('corpus-rows');
  const progress = $('progress');
  const pool = new Pool();

  const state = {
    articles: [], // every record, in corpus order: { key, id, source, text?, dct, doc, error, status, summary }
    byId: new Map(), // id -> record (articles only, not error rows)
    rows: new Map(), // key -> <tr>
    nextKey: 1,
    sort: { key: 'order', dir: 1 },
    filter: '',
    facet: null, // { kind, key, name, ids: Set }
    job: null, // the annotation in flight: { cancel, total, done }
    cleared: null, // the records of the corpus "New corpus" cleared, while undo can bring them back
    dirty: new Set(), // keys to write
    openId: null,
    drawToken: 0,
  };

  // -------------------------------------------------------------------------
  // Saving.

  let saveTimer = 0;
  function markDirty(record) {
    state.dirty.add(record);
    view.dataset.saved = 'false';
    if (!saveTimer) saveTimer = setTimeout(flush, 500);
  }
  async function flush() {
    clearTimeout(saveTimer);
    saveTimer = 0;
    const records = [...state.dirty];
    state.dirty.clear();
    try {
      // A few records a transaction: storing copies each one on the main thread.
      for (let i = 0; i < records.length; i += 40) await putArticles(records.slice(i, i + 40).map(storedForm));
    } catch (err) {
      app.status(`Could not keep the corpus in the browser's storage (${err.message}); export it to keep it.`);
    }
    // A contract for tests, like data-state: "true" once every change is in IndexedDB.
    if (!state.dirty.size && !saveTimer) view.dataset.saved = 'true';
  }
  function storedForm(r) {
    const { key, id, source, dct, docJson, error, status, summary, corrected } = r;
    return { key, id, source, dct, docJson, error, status, summary, corrected: Boolean(corrected), text: docJson ? undefined : r.text, json: docJson ? undefined : r.json };
  }

  // -------------------------------------------------------------------------
  // Progress and state.

  function setProgress(done, total) {
    progress.hidden = false;
    progress.setAttribute('aria-valuemin', '0');
    progress.setAttribute('aria-valuemax', String(total));
    progress.setAttribute('aria-valuenow', String(done));
    const text = `${fmt(done)} of ${fmt(total)} ${total === 1 ? 'article' : 'articles'}`;
    progress.setAttribute('aria-valuetext', text);
    progress.querySelector('.progress-text').textContent = text;
    progress.querySelector('.progress-fill').style.width = `${total ? (100 * done) / total : 0}%`;
  }

  function counts() {
    let articles = 0;
    let errors = 0;
    let pending = 0;
    for (const r of state.articles) {
      if (r.id == null) errors++;
      else {
        articles++;
        if (r.status === 'error') errors++;
        if (r.status === 'queued') pending++;
      }
    }
    return { articles, errors, pending };
  }

  function updateState() {
    const { articles, errors, pending } = counts();
    const any = state.articles.length > 0;
    section.hidden = !any && !state.cleared;
    $('corpus-body').hidden = !any;
    view.dataset.state = !any ? 'empty' : state.job ? 'busy' : pending ? 'cancelled' : 'done';
    $('corpus-summary').textContent = any
      ? `${plural(articles, 'article')}${errors ? `, ${plural(errors, 'problem')}` : ''}${pending && !state.job ? `, ${fmt(pending)} not annotated (cancelled)` : ''}`
      : '';
    for (const b of section.querySelectorAll('[data-corpus-export]')) b.disabled = !articles || Boolean(state.job);
    $('new-corpus').disabled = !any;
    $('corpus-resume').hidden = !(pending && !state.job);
    $('corpus-cancel').hidden = !state.job;
  }

  // -------------------------------------------------------------------------
  // Adding files.

  /** Reads `files` into the corpus and annotates what is new. */
  async function addFiles(files) {
    files = [...files].filter((f) => !(f.name || '').startsWith('.'));
    if (!files.length) return;
    if (state.cleared) await forgetCleared();
    section.hidden = false;
    $('corpus-body').hidden = false;
    view.dataset.state = 'loading';
    app.status(`Reading ${plural(files.length, 'file')}…`);
    const added = [];
    const imports = [];
    const fresh = [];
    for (const file of files) {
      await readFile(
        file,
        (entry) => {
          const record = { key: state.nextKey++, id: null, source: entry.source, dct: entry.dct || null, docJson: null, error: null, status: 'queued', text: null };
          if (entry.kind === 'error') {
            record.error = entry.error;
            record.status = 'error';
          } else if (state.byId.has(entry.id)) {
            record.error = `duplicate id ${JSON.stringify(entry.id)} (first in ${state.byId.get(entry.id).source}); not added`;
            record.status = 'error';
          } else {
            record.id = entry.id;
            state.byId.set(entry.id, record);
            if (entry.kind === 'import') {
              record.json = entry.json;
              imports.push(record);
            } else {
              record.text = entry.text;
              fresh.push(record);
            }
          }
          state.articles.push(record);
          added.push(record);
        },
        () => pause(),
      );
      await pause();
    }
    for (const r of added) markDirty(r);
    await drawRows();
    const errors = added.filter((r) => r.status === 'error').length;
    app.status(`Read ${plural(files.length, 'file')}: ${plural(added.length - errors, 'article')}${errors ? ` and ${plural(errors, 'problem')} (marked in the list)` : ''}.`);
    await annotatePending([...imports, ...fresh]);
  }

  /** Annotates (or imports) `records` in the pool; the rest of the corpus is untouched. */
  async function annotatePending(records) {
    if (!records.length) return updateState();
    if (state.job) {
      // Already annotating: these join when it ends.
      state.job.after.push(...records);
      return;
    }
    const total = records.length;
    let done = 0;
    const started = performance.now();
    const job = { total, after: [], cancel: null };
    state.job = job;
    updateState();
    setProgress(0, total);
    app.status(`Annotating ${plural(total, 'article')}…`);
    let uiTimer = 0;
    const changed = new Set();
    const refresh = () => {
      uiTimer = 0;
      setProgress(done, total);
      for (const r of changed) updateRow(r);
      changed.clear();
    };
    const onResult = (item, result) => {
      // After Cancel, what the workers still finish is dropped: the article waits, as the list says.
      if (job.cancelled) return;
      const r = item.record;
      done++;
      if (result.ok) {
        // The document stays a JSON string until the article is opened or
        // exported: a string costs the page nothing to receive and store.
        r.docJson = result.value.json;
        r.text = null;
        r.json = null;
        r.status = 'done';
        r.error = null;
        r.summary = result.value.summary;
      } else {
        r.status = 'error';
        r.error = `could not be annotated: ${result.error}`;
      }
      markDirty(r);
      changed.add(r);
      if (!uiTimer) uiTimer = setTimeout(refresh, 250);
    };
    const monthFirst = app.monthFirst();
    const imports = records.filter((r) => r.json);
    const texts = records.filter((r) => !r.json);
    const runs = [
      pool.run('importMany', imports.map((r) => ({ key: r.key, json: r.json, size: r.json.length, record: r })), { onResult }),
      pool.run('annotateMany', texts.map((r) => ({ key: r.key, text: r.text, dct: r.dct, size: r.text.length, record: r })), {
        args: { options: { monthFirst } },
        onResult,
      }),
    ];
    job.cancel = () => {
      job.cancelled = true;
      runs.forEach((run) => run.cancel());
    };
    const outcomes = await Promise.all(runs.map((run) => run.promise));
    clearTimeout(uiTimer);
    refresh();
    state.job = null;
    const cancelled = outcomes.some((o) => o.cancelled);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    await flush();
    await drawRows();
    drawAcross();
    progress.hidden = true;
    const failed = records.filter((r) => r.status === 'error').length;
    app.status(
      cancelled
        ? `Stopped: ${fmt(done)} of ${fmt(total)} articles annotated. The rest stay in the list; Resume annotates them.`
        : `Annotated ${plural(total - failed, 'article')} in ${secs} s${failed ? `; ${plural(failed, 'article')} could not be (marked in the list)` : ''}.`,
    );
    updateState();
    if (job.after.length) await annotatePending(job.after.filter((r) => r.status === 'queued'));
  }

  function cancel() {
    if (state.job) state.job.cancel();
  }

  // -------------------------------------------------------------------------
  // The list.

  function statusText(r) {
    if (r.status === 'error') return 'Error';
    if (r.status === 'queued') return 'Waiting';
    return r.corrected ? 'Corrected' : 'Annotated';
  }

  function cellsOf(r) {
    const s = r.summary;
    return {
      title: r.id == null ? r.source : s ? s.title : firstLine(r.text || r.source),
      dct: r.dct || (s && s.dct) || '',
      names: s ? s.names : null,
      dates: s ? s.dates : null,
      quotes: s ? s.quotes : null,
      status: statusText(r),
    };
  }

  function makeRow(r) {
    const tr = el('div', { role: 'row', class: 'crow', dataset: r.id == null ? { error: '' } : { articleId: r.id, status: r.status } });
    fillRow(tr, r);
    return tr;
  }

  function fillRow(tr, r) {
    const c = cellsOf(r);
    const isError = r.status === 'error';
    tr.dataset.status = r.status;
    tr.classList.toggle('has-error', isError);
    const first = el('div', { role: 'cell', class: 'title' });
    if (r.id == null) {
      first.append(el('span', { class: 'error-mark', ariaHidden: 'true' }, '⚠ '), el('strong', {}, r.source), el('span', { class: 'error-text' }, capitalise(r.error)));
    } else {
      const open = el('button', { type: 'button', class: 'link open-article', disabled: !r.docJson }, c.title || r.id);
      const meta = el('span', { class: 'row-id' }, r.id);
      first.append(open, meta);
      if (isError) first.append(el('span', { class: 'error-text' }, capitalise(r.error)));
    }
    const num = (n, name) => el('div', { role: 'cell', class: `num ${name}` }, n == null ? '–' : fmt(n));
    const status = el('div', { role: 'cell', class: `status ${r.status}` }, isError ? el('span', { class: 'error-mark', ariaHidden: 'true' }, '⚠ ') : null, c.status);
    tr.replaceChildren(first, el('div', { role: 'cell', class: 'date' }, c.dct), num(c.names, 'names'), num(c.dates, 'dates'), num(c.quotes, 'quotes'), status);
    if (r.id != null && r.id === state.openId) tr.setAttribute('aria-current', 'true');
    else tr.removeAttribute('aria-current');
  }

  function updateRow(r) {
    const tr = state.rows.get(r.key);
    if (tr) fillRow(tr, r);
  }

  function visible() {
    const words = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
    let list = state.articles.filter((r) => {
      if (state.facet && !(r.id != null && state.facet.ids.has(r.id))) return false;
      if (!words.length) return true;
      const c = cellsOf(r);
      const hay = `${c.title} ${r.id ?? ''} ${r.source} ${c.dct} ${r.error ?? ''}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
    const { key, dir } = state.sort;
    if (key !== 'order') {
      const type = COLUMNS.find((col) => col.key === key).type;
      const value = (r) => cellsOf(r)[key];
      list = list
        .map((r) => [value(r), r])
        .sort(([a, ra], [b, rb]) => {
          if (a == null && b == null) return ra.key - rb.key;
          if (a == null) return 1;
          if (b == null) return -1;
          const d = type === 'number' ? a - b : String(a).localeCompare(String(b));
          return d * dir || ra.key - rb.key;
        })
        .map(([, r]) => r);
    }
    return list;
  }

  /** Draws the visible rows, a slice at a time; a newer draw abandons this one. */
  async function drawRows() {
    const token = ++state.drawToken;
    const list = visible();
    const rows = new Map();
    const fragment = document.createDocumentFragment();
    tbody.replaceChildren();
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      const tr = makeRow(r);
      rows.set(r.key, tr);
      fragment.append(tr);
      if (i % 50 === 49 && performance.now() - lastPause > SLICE_MS) {
        tbody.append(fragment);
        await pause();
        if (token !== state.drawToken) return;
      }
    }
    tbody.append(fragment);
    state.rows = rows;
    const { articles } = counts();
    $('corpus-shown').textContent =
      list.length === state.articles.length ? '' : `Showing ${fmt(list.length)} of ${fmt(state.articles.length)} rows.`;
    updateState();
    if (!articles) drawAcross();
  }

  function setSort(key) {
    state.sort = state.sort.key === key ? { key, dir: -state.sort.dir } : { key, dir: COLUMNS.find((c) => c.key === key).type === 'number' ? -1 : 1 };
    for (const th of view.querySelectorAll('[data-sort]')) {
      th.setAttribute('aria-sort', th.dataset.sort === key ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none');
    }
    drawRows();
  }

  // -------------------------------------------------------------------------
  // Across the corpus.

  function setFacet(facet) {
    state.facet = facet;
    const chip = $('corpus-facet');
    chip.hidden = !facet;
    if (facet) $('corpus-facet-text').textContent = `Showing the ${plural(facet.ids.size, 'article')} ${facet.describe}.`;
    for (const b of $('corpus-across').querySelectorAll('button[data-facet]')) b.setAttribute('aria-pressed', String(Boolean(facet) && b.dataset.facet === facet.key));
    drawRows();
  }

  function facetButton(key, text, count, describe, ids, extra = {}) {
    const button = el(
      'button',
      { type: 'button', dataset: { facet: key }, ariaPressed: String(Boolean(state.facet) && state.facet.key === key), ...extra, class: `facet ${extra.class || ''}`.trim() },
      el('span', { class: 'facet-name' }, text),
      el('span', { class: 'count' }, count),
    );
    button.addEventListener('click', () => {
      if (state.facet && state.facet.key === key) setFacet(null);
      else setFacet({ key, describe, ids });
    });
    return button;
  }

  function drawAcross() {
    const root = $('corpus-across');
    const names = new Map();
    const speakers = new Map();
    const days = new Map();
    let undated = [];
    for (const r of state.articles) {
      if (!r.summary || r.id == null) continue;
      for (const [key, label, name, n] of r.summary.people) {
        let e = names.get(key);
        if (!e) names.set(key, (e = { key, label, name, mentions: 0, ids: new Set() }));
        e.mentions += n;
        e.ids.add(r.id);
      }
      for (const [key, name, n] of r.summary.speakers) {
        let e = speakers.get(key);
        if (!e) speakers.set(key, (e = { key, name, quotes: 0, ids: new Set() }));
        e.quotes += n;
        e.ids.add(r.id);
      }
      const dct = r.dct || r.summary.dct;
      if (dct && timexStart(dct) != null) {
        const day = dct.slice(0, 10);
        if (!days.has(day)) days.set(day, new Set());
        days.get(day).add(r.id);
      } else undated.push(r.id);
    }
    const parts = [];
    if (names.size || speakers.size) parts.push(el('p', { class: 'hint' }, 'Articles · mentions. Choose a name, a speaker or a date to list only its articles.'));
    for (const [label, heading] of Object.entries(LABEL_HEADINGS)) {
      const top = [...names.values()].filter((e) => e.label === label).sort((a, b) => b.ids.size - a.ids.size || b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, TOP);
      if (!top.length) continue;
      const id = `across-${label}`;
      parts.push(el('h3', { id }, heading));
      parts.push(
        el(
          'ul',
          { class: 'facets', ariaLabelledby: id },
          ...top.map((e) =>
            el('li', {}, facetButton(`name:${e.key}`, e.name, `${fmt(e.ids.size)} · ${fmt(e.mentions)}×`, `that mention ${e.name}`, e.ids, { title: `${e.name}: named in ${plural(e.ids.size, 'article')}, ${plural(e.mentions, 'mention')}` })),
          ),
        ),
      );
    }
    const topSpeakers = [...speakers.values()].sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name)).slice(0, TOP);
    if (topSpeakers.length) {
      parts.push(el('h3', { id: 'across-speakers' }, 'Most quoted'));
      parts.push(
        el(
          'ul',
          { class: 'facets', ariaLabelledby: 'across-speakers' },
          ...topSpeakers.map((e) =>
            el('li', {}, facetButton(`speaker:${e.key}`, e.name, `${fmt(e.quotes)} ${e.quotes === 1 ? 'quote' : 'quotes'}`, `that quote ${e.name}`, e.ids, { title: `${e.name}: ${plural(e.quotes, 'quote')} in ${plural(e.ids.size, 'article')}` })),
          ),
        ),
      );
    }
    if (days.size) parts.push(...timeline(days, undated));
    if (!parts.length) parts.push(el('p', { class: 'hint' }, state.articles.length ? 'Nothing found across the corpus yet.' : 'Open some articles first.'));
    root.replaceChildren(...parts);
  }

  /** The articles' dates as bars: by day over a short span, else by month. */
  function timeline(days, undated) {
    const sorted = [...days.keys()].sort();
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    const spanDays = (Date.parse(last) - Date.parse(first)) / 864e5;
    const byMonth = spanDays > 62;
    const buckets = new Map();
    for (const day of sorted) {
      const key = byMonth ? day.slice(0, 7) : day;
      if (!buckets.has(key)) buckets.set(key, new Set());
      for (const id of days.get(day)) buckets.get(key).add(id);
    }
    // Every day or month from the first to the last, the empty ones too, so the bars are a time axis.
    const axis = [];
    if (byMonth) {
      let [y, m] = first.split('-').map(Number);
      const [ly, lm] = last.split('-').map(Number);
      while ((y < ly || (y === ly && m <= lm)) && axis.length < 1200) {
        axis.push(`${y}-${String(m).padStart(2, '0')}`);
        if (++m > 12) (m = 1), y++;
      }
    } else {
      for (let t = Date.parse(first); t <= Date.parse(last); t += 864e5) axis.push(new Date(t).toISOString().slice(0, 10));
    }
    const max = Math.max(...[...buckets.values()].map((s) => s.size));
    const bars = axis.map((key) => {
      const ids = buckets.get(key);
      if (!ids) return el('li', { class: 'empty', title: `${key}: no articles` });
      const button = facetButton(`date:${key}`, key, fmt(ids.size), `dated ${key}`, ids, {
        class: 'bar',
        title: `${key}: ${plural(ids.size, 'article')}`,
      });
      button.style.setProperty('--h', `${Math.max(6, (100 * ids.size) / max)}%`);
      return el('li', {}, button);
    });
    const parts = [
      el('h3', { id: 'across-dates' }, `Dates of the articles (${byMonth ? 'by month' : 'by day'}, ${first} to ${last})`),
      el('ol', { class: 'date-bars', ariaLabelledby: 'across-dates' }, ...bars),
    ];
    if (undated.length) parts.push(el('p', { class: 'hint' }, `${plural(undated.length, 'article')} without a date.`));
    return parts;
  }

  // -------------------------------------------------------------------------
  // Opening an article, and its corrections coming back.

  function open(id) {
    const r = state.byId.get(id);
    if (!r || !r.docJson) return;
    state.openId = id;
    for (const tr of tbody.querySelectorAll('[aria-current]')) tr.removeAttribute('aria-current');
    const tr = state.rows.get(r.key);
    if (tr) tr.setAttribute('aria-current', 'true');
    const doc = JSON.parse(r.docJson);
    state.openText = doc.text;
    app.open({ ...doc, id }, id);
  }

  /** The reader changed the open article (a correction, an undo): keep it. */
  function keep(id, doc) {
    const r = state.byId.get(id);
    if (!r || !doc || !r.docJson) return;
    if (state.openText == null) state.openText = JSON.parse(r.docJson).text; // after a reload
    if (doc.text !== state.openText) return; // another text: no longer this article
    const json = JSON.stringify({ ...doc, id });
    if (json === r.docJson) return;
    r.docJson = json;
    r.corrected = true;
    r.summary = summarise(doc);
    markDirty(r);
    updateRow(r);
    clearTimeout(keep.timer);
    keep.timer = setTimeout(drawAcross, 300);
  }

  function closed() {
    state.openId = null;
    state.openText = null;
    for (const tr of tbody.querySelectorAll('[aria-current]')) tr.removeAttribute('aria-current');
  }

  // -------------------------------------------------------------------------
  // New corpus, and undoing it.

  async function newCorpus() {
    if (!state.articles.length) return;
    cancel();
    state.cleared = { articles: state.articles, byId: state.byId };
    state.articles = [];
    state.byId = new Map();
    state.rows = new Map();
    state.facet = null;
    $('corpus-facet').hidden = true;
    state.dirty.clear();
    await setMeta({ cleared: true, at: Date.now() }).catch(() => {});
    $('corpus-undo').hidden = false;
    await drawRows();
    drawAcross();
    section.hidden = false;
    app.status(`Cleared the corpus (${plural(state.cleared.articles.length, 'row')}). “Undo clearing” brings it back.`);
    $('corpus-undo').focus();
  }

  async function undoClear() {
    if (!state.cleared) return;
    state.articles = state.cleared.articles.concat(state.articles);
    state.byId = state.cleared.byId;
    state.cleared = null;
    await setMeta({ cleared: false }).catch(() => {});
    $('corpus-undo').hidden = true;
    await drawRows();
    drawAcross();
    app.status(`Brought back the corpus: ${plural(counts().articles, 'article')}.`);
  }

  /** New files after "New corpus": the cleared one goes for good. */
  async function forgetCleared() {
    state.cleared = null;
    $('corpus-undo').hidden = true;
    await clearArticles().catch(() => {});
    await setMeta({ cleared: false }).catch(() => {});
  }

  // -------------------------------------------------------------------------
  // Exports.

  async function exportAs(format) {
    const f = FORMATS[format];
    const list = state.articles.filter((r) => r.docJson && r.id != null);
    if (!list.length) return app.status('Open and annotate some articles first.');
    const parts = new Array(list.length);
    let failed = 0;
    setProgress(0, list.length);
    app.status(`Exporting the ${f.name}…`);
    let done = 0;
    let uiTimer = 0;
    const run = pool.run(
      'exportMany',
      list.map((r, i) => ({ key: i, id: r.id, docJson: r.docJson, size: r.docJson.length / 4 })),
      {
        args: { formats: { [format]: true } },
        onResult: (item, result) => {
          done++;
          // Each part becomes a Blob as it arrives: the file at the end is made of them without copying.
          if (result.ok) parts[item.key] = new Blob([result.value[format]]);
          else failed++;
          if (!uiTimer) {
            uiTimer = setTimeout(() => {
              uiTimer = 0;
              setProgress(done, list.length);
            }, 100);
          }
        },
      },
    );
    state.exporting = run;
    await run.promise;
    clearTimeout(uiTimer);
    progress.hidden = true;
    let blobParts = parts.filter((p) => p != null);
    if (format === 'w3c') {
      const joined = [];
      blobParts.forEach((p, i) => joined.push(i ? ',\n' : '[\n', p));
      joined.push(blobParts.length ? '\n]\n' : '[]\n');
      blobParts = joined;
    } else if (CSV_HEADERS[format]) {
      blobParts.unshift(csvLine(CSV_HEADERS[format]));
    }
    download(`corpus.${f.ext}`, f.type, new Blob(blobParts, { type: f.type }));
    app.status(`Exported the ${f.name} (${plural(list.length - failed, 'article')}${failed ? `; ${fmt(failed)} could not be exported` : ''}).`);
  }

  // -------------------------------------------------------------------------
  // Loading what was kept.

  async function restore() {
    let meta = {};
    try {
      meta = await getMeta();
    } catch {
      return;
    }
    const loaded = [];
    try {
      await loadArticles(async (page) => {
        loaded.push(...page);
        await pause();
      });
    } catch (err) {
      app.status(`Could not read the corpus kept in the browser (${err.message}).`);
      return;
    }
    if (!loaded.length) return;
    const byId = new Map();
    for (const r of loaded) {
      if (r.id != null) byId.set(r.id, r);
      state.nextKey = Math.max(state.nextKey, r.key + 1);
    }
    if (meta.cleared) {
      state.cleared = { articles: loaded, byId };
      section.hidden = false;
      $('corpus-undo').hidden = false;
      updateState();
      return;
    }
    state.articles = loaded;
    state.byId = byId;
    const openId = app.openCorpusId();
    if (openId != null && byId.has(openId)) state.openId = openId;
    await drawRows();
    drawAcross();
    const pending = loaded.filter((r) => r.status === 'queued' && r.id != null);
    app.status(`Restored the corpus: ${plural(byId.size, 'article')}.`);
    if (pending.length) await annotatePending(pending);
  }

  // -------------------------------------------------------------------------
  // Wiring.

  $('open-files').addEventListener('change', (e) => {
    const files = [...e.target.files];
    e.target.value = '';
    addFiles(files).catch((err) => app.alert(`Could not open the files: ${err.message}`));
  });
  $('corpus-cancel').addEventListener('click', cancel);
  $('corpus-resume').addEventListener('click', () => annotatePending(state.articles.filter((r) => r.status === 'queued' && r.id != null)));
  $('new-corpus').addEventListener('click', newCorpus);
  $('corpus-undo').addEventListener('click', undoClear);
  $('corpus-facet-clear').addEventListener('click', () => setFacet(null));
  let filterTimer = 0;
  $('corpus-filter').addEventListener('input', (e) => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => {
      state.filter = e.target.value;
      drawRows();
    }, 150);
  });
  for (const th of view.querySelectorAll('[data-sort]')) {
    th.querySelector('button').addEventListener('click', () => setSort(th.dataset.sort));
  }
  for (const b of section.querySelectorAll('[data-corpus-export]')) {
    b.addEventListener('click', () => exportAs(b.dataset.corpusExport).catch((err) => app.alert(`Could not export: ${err.message}`)));
  }
  tbody.addEventListener('click', (e) => {
    const tr = e.target.closest('[data-article-id]');
    if (!tr || (e.target.closest('button') && !e.target.closest('button.open-article'))) return;
    if (window.getSelection().toString()) return; // selecting text in the list, not opening
    open(tr.dataset.articleId);
  });
  window.addEventListener('pagehide', () => {
    if (state.dirty.size) flush();
  });

  // For the page figures (bench/page.mjs): the workers' wasm memory.
  view.workerMemory = () => pool.memory();

  updateState();
  restore();
  return {
    addFiles,
    droppedFiles,
    keep,
    closed,
  };
}
