// The page: paste an article, annotate it in a worker, show the highlights,
// export the document. State is one immutable document; every change makes a
// new one, so undo is a list of documents.

import { EngineClient } from './engine.js';
import { renderArticle, spansOf } from './render.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const output = $('output');
const tooltip = $('tooltip');

export const ENTITY_LABELS = { PER: 'Person', ORG: 'Organisation', LOC: 'Place', MISC: 'Other' };
export const DATE_TYPES = { DATE: 'Date', TIME: 'Time', DURATION: 'Duration', SET: 'Set' };

const state = {
  loaded: null, // the exact text of a dropped file, whose CRLFs a textarea cannot keep
  doc: null, // the document shown, offsets in UTF-16 units
  marks: new Map(), // span id -> its <mark> elements
  renderToken: 0,
  busy: false,
};

const engine = new EngineClient({
  onVersion: (v) => ($('version').textContent = `${v} · runs in your browser`),
  onCrash: (err) => showAlert(`${capitalise(err.message)}. Your text is kept; try again.`),
});

// ---------------------------------------------------------------------------
// Small helpers.

function capitalise(s) {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Lone surrogates cannot cross into the engine; they become U+FFFD (same length). */
export function wellFormed(text) {
  if (typeof text.toWellFormed === 'function') return text.toWellFormed();
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function setStatus(message) {
  $('status').textContent = message;
}

function showAlert(message) {
  $('alert-text').textContent = message;
  $('alert').hidden = false;
}

function hideAlert() {
  $('alert').hidden = true;
}

function formatSize(chars) {
  if (chars < 1000) return `${chars} characters`;
  if (chars < 1e6) return `${(chars / 1000).toFixed(chars < 1e4 ? 1 : 0)} thousand characters`;
  return `${(chars / 1e6).toFixed(1)} million characters`;
}

// ---------------------------------------------------------------------------
// Annotating and showing.

/**
 * The text to annotate: the textarea's, or the dropped file's own text when
 * the textarea still holds it (a textarea turns CRLF into LF, and offsets
 * must fit the file as it is on disk).
 */
function currentText() {
  const value = input.value;
  if (state.loaded != null && state.loaded.replace(/\r\n?/g, '\n') === value) return wellFormed(state.loaded);
  return wellFormed(value);
}

async function annotate() {
  if (state.busy) return;
  const text = currentText();
  if (!text.trim()) {
    document.body.dataset.state = 'error';
    setStatus('Paste an article first.');
    input.focus();
    return;
  }
  hideAlert();
  state.busy = true;
  document.body.dataset.state = 'busy';
  $('annotate').disabled = true;
  const progress = $('progress');
  progress.hidden = false;
  progress.removeAttribute('value');
  setStatus(`Annotating ${formatSize(text.length)}…`);
  const started = performance.now();
  try {
    const options = { dct: $('dct').value || null, monthFirst: $('month-first').checked };
    const doc = await engine.annotate(text, options);
    if (!$('dct').value && doc.dct) $('dct').placeholder = doc.dct;
    await show(doc);
    const ms = Math.round(performance.now() - started);
    document.body.dataset.state = 'ready';
    setStatus(`Found ${count(doc.entities.length, 'entity', 'entities')}, ${count(doc.dates.length, 'date')} and ${count(doc.quotes.length, 'quote')} in ${ms} ms.`);
  } catch (err) {
    document.body.dataset.state = 'error';
    setStatus('');
    showAlert(`Could not annotate this text: ${err.message}. Your text is kept.`);
  } finally {
    state.busy = false;
    $('annotate').disabled = false;
    progress.hidden = true;
  }
}

function count(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Shows `doc`: the article with its marks, the legend and the info line. */
async function show(doc) {
  state.doc = doc;
  const token = ++state.renderToken;
  hideTooltip();
  output.replaceChildren();
  const progress = $('progress');
  const marks = await renderArticle(output, doc.text, spansOf(doc), {
    isCurrent: () => token === state.renderToken,
    onProgress: (share) => {
      if (share < 1) progress.value = share;
    },
  });
  if (!marks) return;
  state.marks = marks;
  const first = output.querySelector('mark');
  if (first) first.tabIndex = 0;
  updateLegend(doc);
  updateStale();
  $('doc-info').textContent = doc.dct
    ? `Reference date ${doc.dct} (${doc.dct_source === 'input' ? 'given' : doc.dct_source === 'text' ? 'from the dateline' : 'none'})`
    : 'No reference date';
}

function updateStale() {
  $('stale').hidden = !state.doc || currentText() === state.doc.text;
}

// ---------------------------------------------------------------------------
// Legend.

function legendEntries(doc) {
  const entries = [];
  for (const [label, name] of Object.entries(ENTITY_LABELS)) {
    entries.push({ kind: 'entity', label, name, n: doc ? doc.entities.filter((e) => e.label === label).length : 0 });
  }
  for (const [label, name] of Object.entries(DATE_TYPES)) {
    entries.push({ kind: 'date', label, name, n: doc ? doc.dates.filter((d) => d.type === label).length : 0 });
  }
  entries.push({ kind: 'quote', label: '', name: 'Quote', n: doc ? doc.quotes.length : 0 });
  return entries;
}

function updateLegend(doc) {
  const items = legendEntries(doc).map(({ kind, label, name, n }) => {
    const li = document.createElement('li');
    const swatch = document.createElement('mark');
    swatch.className = 'swatch';
    swatch.dataset.kind = kind;
    swatch.dataset.label = label;
    swatch.textContent = name;
    const num = document.createElement('span');
    num.className = 'count';
    num.textContent = String(n);
    li.append(swatch, num);
    return li;
  });
  $('legend').replaceChildren(...items);
}

// ---------------------------------------------------------------------------
// Tooltip: what a mark (and every mark around it) says.

function describe(mark) {
  const { kind, label } = mark.dataset;
  if (kind === 'entity') {
    const entity = state.doc.entities[Number(mark.dataset.id.slice(1))];
    const group = entity && entity.group != null ? state.doc.groups[entity.group] : null;
    return [`${ENTITY_LABELS[label] || label} (${label})`, group ? `one of ${group.mentions} mentions of ${group.name}` : ''];
  }
  if (kind === 'date') return [`${DATE_TYPES[label] || label} (${label})`, `value ${mark.dataset.value}`];
  return ['Quote', mark.dataset.speaker ? `speaker: ${mark.dataset.speaker}` : 'speaker not found'];
}

function showTooltip(mark) {
  tooltip.replaceChildren();
  for (let m = mark; m && m !== output; m = m.parentElement) {
    if (m.tagName !== 'MARK') continue;
    const [title, detail] = describe(m);
    const row = document.createElement('div');
    row.className = 'tip-row';
    row.dataset.kind = m.dataset.kind;
    const strong = document.createElement('strong');
    strong.textContent = title;
    row.append(strong);
    if (detail) row.append(document.createTextNode(` · ${detail}`));
    tooltip.append(row);
  }
  tooltip.hidden = false;
  const r = mark.getClientRects()[0] || mark.getBoundingClientRect();
  const tw = tooltip.offsetWidth;
  const th = tooltip.offsetHeight;
  let top = r.bottom + 6;
  if (top + th > window.innerHeight - 4) top = Math.max(4, r.top - th - 6);
  const left = Math.min(Math.max(4, r.left), window.innerWidth - tw - 4);
  tooltip.style.top = `${top}px`;
  tooltip.style.left = `${left}px`;
  mark.setAttribute('aria-describedby', 'tooltip');
}

function hideTooltip() {
  tooltip.hidden = true;
  for (const m of output.querySelectorAll('mark[aria-describedby]')) m.removeAttribute('aria-describedby');
}

output.addEventListener('pointerover', (e) => {
  const mark = e.target.closest && e.target.closest('mark');
  if (mark && output.contains(mark)) showTooltip(mark);
});
output.addEventListener('pointerleave', hideTooltip);
output.addEventListener('focusin', (e) => {
  if (e.target.tagName === 'MARK') showTooltip(e.target);
});
output.addEventListener('focusout', hideTooltip);
window.addEventListener('scroll', hideTooltip, { passive: true });

// ---------------------------------------------------------------------------
// Export.

/** The document with group mention counts brought up to date. */
function documentForExport() {
  const doc = state.doc;
  const counts = doc.groups.map(() => 0);
  for (const e of doc.entities) if (e.group != null && e.group < counts.length) counts[e.group]++;
  return { ...doc, groups: doc.groups.map((g, i) => ({ ...g, mentions: counts[i] })) };
}

function fileStem() {
  const first = (state.doc.text.split('\n').find((line) => line.trim()) || 'article').toLowerCase();
  const slug = first
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'article';
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function exportJson() {
  if (!state.doc) return setStatus('Annotate an article first.');
  try {
    const json = await engine.exportJson(documentForExport());
    download(`${fileStem()}.json`, 'application/json', json);
    setStatus('Exported the document as JSON.');
  } catch (err) {
    showAlert(`Could not export: ${err.message}`);
  }
}

// ---------------------------------------------------------------------------
// Dropping a text file.

async function loadFile(file) {
  if (/\.json$/i.test(file.name) || file.type === 'application/json') return importFile(file);
  if (file.type && !file.type.startsWith('text/')) {
    return showAlert(`${file.name} is not a text file; drop a .txt file or an exported .json document.`);
  }
  const raw = await file.text();
  state.loaded = raw;
  input.value = raw;
  updateStale();
  await annotate();
}

async function importFile() {
  showAlert('Importing documents is not available yet.');
}

document.addEventListener('dragover', (e) => {
  if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) {
    e.preventDefault();
    input.classList.add('dragging');
  }
});
document.addEventListener('dragleave', (e) => {
  if (e.target === input || !e.relatedTarget) input.classList.remove('dragging');
});
document.addEventListener('drop', (e) => {
  input.classList.remove('dragging');
  const file = e.dataTransfer && e.dataTransfer.files[0];
  if (!file) return;
  e.preventDefault();
  loadFile(file).catch((err) => showAlert(`Could not read ${file.name}: ${err.message}`));
});

// ---------------------------------------------------------------------------
// Wiring.

$('annotate').addEventListener('click', annotate);
$('export-json').addEventListener('click', exportJson);
$('alert-close').addEventListener('click', hideAlert);
input.addEventListener('input', updateStale);
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    annotate();
  }
});
input.addEventListener('paste', () => setTimeout(annotate, 0));

updateLegend(null);
engine.start();
