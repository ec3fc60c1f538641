// The page: paste an article, annotate it in a worker, read and correct the
// highlights, exchange the result. The state is one immutable document (or
// null); every change records a new one, so undo walks back through them and
// autosave writes the current one.

import { setupCorpus } from './corpus.js';
import { EngineClient } from './engine.js';
import { copyText, download, toCsv, toQuotesCsv, toSourcesCsv, toW3C } from './exporters.js';
import { setupEditing } from './editing.js';
import { History } from './history.js';
import { DATE_NAMES, ENTITY_NAMES, renderEntities, renderLegend, renderQuotes, renderTimeline } from './panel.js';
import { extractArticle } from './extract.js';
import { renderArticle, spansOf } from './render.js';
import { loadPrefs, loadWork, savePrefs, saveWork } from './store.js';
import { setupTheme } from './theme.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const output = $('output');
const tooltip = $('tooltip');
const LARGE = 100000; // characters from which the article is drawn in lazily painted chunks

const prefs = loadPrefs();
const state = {
  history: new History(),
  loaded: null, // the exact text of a dropped or imported file, whose CRLFs a textarea cannot keep
  marks: new Map(), // span id -> its <mark> elements
  renderToken: 0,
  busy: false,
  hidden: new Set(Array.isArray(prefs.hidden) ? prefs.hidden : []),
  corpusId: null, // the id of the corpus article being read, whose corrections go back to the corpus
};
const doc = () => state.history.current;

const engine = new EngineClient({
  onVersion: (v) => ($('version').textContent = `${v} · runs in your browser, sends nothing anywhere`),
  onCrash: (err) => {
    if (!state.busy) showAlert(`${capitalise(err.message)}. Your text and corrections are kept.`);
  },
});

// ---------------------------------------------------------------------------
// Small helpers.

function capitalise(s) {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Lone surrogates cannot cross into the engine; they become U+FFFD (same length). */
function wellFormed(text) {
  if (typeof text.toWellFormed === 'function') return text.toWellFormed();
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The shared progress bar: a share of the work (0..1), or no value while it is unknown. */
function setProgress(share) {
  const progress = $('progress');
  progress.hidden = false;
  const text = progress.querySelector('.progress-text');
  if (share == null) {
    progress.removeAttribute('aria-valuenow');
    progress.removeAttribute('aria-valuetext');
    text.textContent = '';
    return;
  }
  const pct = Math.round(share * 100);
  progress.setAttribute('aria-valuemin', '0');
  progress.setAttribute('aria-valuemax', '100');
  progress.setAttribute('aria-valuenow', String(pct));
  progress.setAttribute('aria-valuetext', `${pct}% drawn`);
  progress.querySelector('.progress-fill').style.width = `${pct}%`;
  text.textContent = `${pct}% drawn`;
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
  if (chars < 1000) return plural(chars, 'character');
  if (chars < 1e6) return `${(chars / 1000).toFixed(chars < 1e4 ? 1 : 0)} thousand characters`;
  return `${(chars / 1e6).toFixed(1)} million characters`;
}

function summary(d) {
  return `${plural(d.entities.length, 'entity', 'entities')}, ${plural(d.dates.length, 'date')} and ${plural(d.quotes.length, 'quote')}`;
}

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

// ---------------------------------------------------------------------------
// Recording changes.

/** Makes `next` the current document; a blank page is replaced, not kept for undo. */
function record(next) {
  if (doc() === null) state.history.reset(next);
  else state.history.push(next);
  updateUndo();
  scheduleSave();
}

/** Records an edit ({ doc, id } from edits.js) and shows it. */
async function apply(result, message) {
  if (result.doc === doc()) {
    // Nothing changed (e.g. the text was already marked that way): point at it.
    document.body.dataset.state = 'ready';
    setStatus('That is already marked.');
    if (result.id) focusSpan(result.id);
    return;
  }
  record(result.doc);
  setStatus(message);
  await show(result.doc);
  if (result.id) focusSpan(result.id);
}

async function undoRedo(redo) {
  const before = doc();
  if (redo ? !state.history.canRedo : !state.history.canUndo) return;
  const after = redo ? state.history.redo() : state.history.undo();
  if (!before || !after || before.text !== after.text) {
    input.value = after ? after.text : '';
    state.loaded = after ? after.text : null;
  }
  updateUndo();
  scheduleSave();
  setStatus(redo ? 'Redone.' : 'Undone.');
  await show(after);
}

function updateUndo() {
  $('undo').disabled = !state.history.canUndo;
  $('redo').disabled = !state.history.canRedo;
}

// ---------------------------------------------------------------------------
// Annotating and showing.

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
  setProgress(null);
  setStatus(`Annotating ${formatSize(text.length)}…`);
  const started = performance.now();
  try {
    const options = { dct: $('dct').value || null, monthFirst: $('month-first').checked };
    const next = await engine.annotate(text, options);
    const ms = Math.round(performance.now() - started);
    const replaced = doc() !== null && state.history.canUndo;
    if (state.corpusId != null && (!doc() || doc().text !== next.text)) state.corpusId = null;
    record(next);
    setStatus(`Found ${summary(next)} in ${ms} ms. Drawing…`);
    await show(next);
    setStatus(`Found ${summary(next)} in ${ms} ms.${replaced ? ' Undo brings back the previous version and its corrections.' : ''}`);
  } catch (err) {
    document.body.dataset.state = 'error';
    setStatus('');
    showAlert(`Could not annotate this text: ${err.message}. Your text and corrections are kept.`);
  } finally {
    state.busy = false;
    $('annotate').disabled = false;
    progress.hidden = true;
  }
}

/** Shows `d` (or an empty page): the article with its marks, and the panel. */
async function show(d) {
  const token = ++state.renderToken;
  hideTooltip();
  output.replaceChildren();
  output.classList.toggle('large', Boolean(d && d.text.length > LARGE));
  document.body.dataset.state = 'busy';
  let marks = new Map();
  if (d) {
    const progress = $('progress');
    marks = await renderArticle(output, d.text, spansOf(d), {
      isCurrent: () => token === state.renderToken,
      onProgress: (share) => {
        if (share < 1) setProgress(share);
      },
    });
    if (!marks) return; // a newer document is being drawn
    if (!state.busy) progress.hidden = true;
  }
  state.marks = marks;
  const first = output.querySelector('mark');
  if (first) first.tabIndex = 0;
  updatePanel(d);
  updateStale();
  $('doc-info').textContent = !d
    ? ''
    : d.dct
      ? `Reference date ${d.dct} (${d.dct_source === 'input' ? 'given' : d.dct_source === 'text' ? 'from the dateline' : 'none'}) · ${summary(d)}`
      : `No reference date · ${summary(d)}`;
  document.body.dataset.state = 'ready';
}

function updateStale() {
  $('stale').hidden = !doc() || currentText() === doc().text;
}

/** Focuses the first mark of span `id` and brings it into view. */
function focusSpan(id) {
  const marks = state.marks.get(id);
  if (!marks || !marks.length) return;
  for (const m of output.querySelectorAll('mark[tabindex="0"]')) m.tabIndex = -1;
  marks[0].tabIndex = 0;
  marks[0].focus({ preventScroll: true });
  marks[0].scrollIntoView({ block: 'center', behavior: 'instant' });
  showTooltip(marks[0]);
}

function light(ids, on) {
  for (const id of ids) for (const m of state.marks.get(id) || []) m.classList.toggle('lit', on);
}

// ---------------------------------------------------------------------------
// Panel and filters.

function filterKey(kind, label) {
  return kind === 'quote' ? 'quote' : `${kind}-${label}`;
}

function isFiltered(mark) {
  return state.hidden.has(filterKey(mark.dataset.kind, mark.dataset.label));
}

function applyFilters() {
  output.dataset.hide = [...state.hidden].join(' ');
}

function toggleFilter(key) {
  if (state.hidden.has(key)) state.hidden.delete(key);
  else state.hidden.add(key);
  applyFilters();
  prefs.hidden = [...state.hidden];
  savePrefs(prefs);
  renderLegend($('legend'), doc(), state.hidden, toggleFilter);
  const again = $('legend').querySelector(`button[data-filter="${key}"]`);
  if (again) again.focus();
}

function updatePanel(d) {
  const actions = { jump: focusSpan, light };
  renderLegend($('legend'), d, state.hidden, toggleFilter);
  renderEntities($('entity-list'), d, actions);
  renderQuotes($('quote-list'), d, actions);
  renderTimeline($('timeline'), d, actions);
}

// ---------------------------------------------------------------------------
// Tooltip: what a mark (and every mark around it) says.

function describe(mark) {
  const { kind, label } = mark.dataset;
  if (kind === 'entity') {
    const d = doc();
    const entity = d && d.entities[Number(mark.dataset.id.slice(1))];
    const group = entity && entity.group != null ? d.groups[entity.group] : null;
    return [`${ENTITY_NAMES[label] || label} (${label})`, group ? `one of ${group.mentions} mentions of ${group.name}` : ''];
  }
  if (kind === 'date') return [`${DATE_NAMES[label] || label} (${label})`, `value ${mark.dataset.value}`];
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
  for (const m of output.querySelectorAll('mark[aria-describedby]')) m.removeAttribute('aria-describedby');
  mark.setAttribute('aria-describedby', 'tooltip');
}

function hideTooltip() {
  tooltip.hidden = true;
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
window.addEventListener('resize', hideTooltip);
window.addEventListener('scroll', () => {
  if (!document.activeElement || document.activeElement.tagName !== 'MARK') hideTooltip();
}, { passive: true });

// ---------------------------------------------------------------------------
// Export.

/** The document with group mention counts brought up to date. */
function documentForExport() {
  const d = doc();
  const counts = d.groups.map(() => 0);
  for (const e of d.entities) if (e.group != null && e.group < counts.length) counts[e.group]++;
  return { ...d, groups: d.groups.map((g, i) => ({ ...g, mentions: counts[i] })) };
}

function fileStem() {
  const first = (doc().text.split('\n').find((line) => line.trim()) || 'article').toLowerCase();
  const slug = first
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'article';
}

const FORMATS = {
  json: { ext: 'json', type: 'application/json', name: 'JSON', make: (json) => json },
  w3c: { ext: 'jsonld', type: 'application/ld+json', name: 'W3C Web Annotation JSON-LD', make: toW3C },
  csv: { ext: 'csv', type: 'text/csv', name: 'CSV of entities', make: toCsv },
  quotes: { ext: 'quotes.csv', type: 'text/csv', name: 'CSV of quotes', make: toQuotesCsv },
  sources: { ext: 'sources.csv', type: 'text/csv', name: 'CSV of sources', make: toSourcesCsv },
};

async function exportAs(format, how) {
  if (!doc()) return setStatus('Annotate an article first.');
  const f = FORMATS[format];
  try {
    const json = await engine.exportJson(documentForExport());
    const content = await f.make(json);
    if (how === 'copy') {
      await copyText(content);
      setStatus(`Copied the ${f.name} to the clipboard.`);
    } else {
      download(`${fileStem()}${format === 'w3c' ? '.annotations' : ''}.${f.ext}`, f.type, content);
      setStatus(`Exported the ${f.name}.`);
    }
  } catch (err) {
    showAlert(`Could not ${how === 'copy' ? 'copy' : 'export'} the ${f.name}: ${err.message}`);
  }
}

// ---------------------------------------------------------------------------
// Import, drop and paste.

async function importFile(file) {
  const name = file.name || 'the file';
  let next;
  try {
    if (file.size > 64 * 1024 * 1024) throw new Error('it is larger than 64 MB');
    next = await engine.importJson(await file.text());
  } catch (err) {
    showAlert(`Could not import ${name}: ${err.message}. Nothing was changed.`);
    return;
  }
  hideAlert();
  unlinkCorpus();
  record(next);
  input.value = next.text;
  state.loaded = next.text;
  $('dct').value = next.dct && next.dct_source === 'input' ? next.dct : '';
  setStatus(`Imported ${name}: ${summary(next)}.`);
  await show(next);
}

async function loadFile(file) {
  if (/\.json$/i.test(file.name) || file.type === 'application/json') return importFile(file);
  if (/\.jsonl$|\.ndjson$/i.test(file.name)) return corpus.addFiles([file]);
  if (/\.x?html?$/i.test(file.name) || file.type === 'text/html') {
    const article = extractArticle(await file.text());
    state.loaded = null;
    input.value = article.text;
    if (article.dct) $('dct').value = article.dct;
    updateStale();
    scheduleSave();
    return annotate();
  }
  if (file.type && !file.type.startsWith('text/')) {
    return showAlert(`${file.name} is not a text file; drop a .txt file or an exported .json document.`);
  }
  const raw = await file.text();
  state.loaded = raw;
  input.value = raw;
  updateStale();
  scheduleSave();
  await annotate();
}

document.addEventListener('dragover', (e) => {
  if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) {
    e.preventDefault();
    input.classList.add('dragging');
  }
});
document.addEventListener('dragleave', (e) => {
  if (!e.relatedTarget) input.classList.remove('dragging');
});
document.addEventListener('drop', (e) => {
  input.classList.remove('dragging');
  const files = e.dataTransfer ? [...e.dataTransfer.files] : [];
  if (!files.length) return;
  e.preventDefault();
  // One file is one article, as before; many files or a folder are a corpus.
  const dropped = corpus.droppedFiles(e.dataTransfer);
  if (dropped.hasFolder || files.length > 1) {
    dropped.files.then((all) => corpus.addFiles(all)).catch((err) => showAlert(`Could not read the dropped files: ${err.message}`));
    return;
  }
  loadFile(files[0]).catch((err) => showAlert(`Could not read ${files[0].name}: ${err.message}`));
});

input.addEventListener('paste', (e) => {
  const data = e.clipboardData;
  if (!data) return;
  const html = data.getData('text/html');
  // Rich text from a news page: the article, without the site's navigation and furniture.
  const article = html ? extractArticle(html) : null;
  let text = article ? article.text : '';
  if (!text.trim()) text = data.getData('text/plain');
  if (!text) return;
  if (article && article.dct && !$('dct').value) $('dct').value = article.dct;
  e.preventDefault();
  input.setRangeText(text.replace(/\r\n?/g, '\n'), input.selectionStart, input.selectionEnd, 'end');
  state.loaded = null;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  annotate();
});

// ---------------------------------------------------------------------------
// Autosave.

let saveTimer = 0;
function scheduleSave() {
  if (state.corpusId != null) corpus.keep(state.corpusId, doc());
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, 400);
}

function saveNow() {
  clearTimeout(saveTimer);
  const problem = saveWork({
    input: input.value,
    loaded: state.loaded,
    dct: $('dct').value,
    monthFirst: $('month-first').checked,
    doc: doc(),
    corpusId: state.corpusId,
  });
  if (problem) setStatus(problem);
}

function restore() {
  const work = loadWork();
  if (!work) return false;
  input.value = work.input;
  state.loaded = work.loaded;
  $('dct').value = work.dct || '';
  $('month-first').checked = Boolean(work.monthFirst);
  state.corpusId = work.doc && work.corpusId != null ? work.corpusId : null;
  if (work.doc) {
    state.history.reset(work.doc);
    updateUndo();
    show(work.doc);
    setStatus(`Restored your article as you left it (${new Date(work.savedAt).toLocaleString()}).`);
    return true;
  }
  updateStale();
  return false;
}

function newArticle() {
  const had = doc();
  if (!had && !input.value) return input.focus();
  if (had) state.history.push(null);
  unlinkCorpus();
  input.value = '';
  state.loaded = null;
  $('dct').value = '';
  hideAlert();
  updateUndo();
  show(null);
  saveNow();
  setStatus(had ? 'Ready for a new article. Undo brings the previous one back.' : 'Ready for a new article.');
  input.focus();
}

// ---------------------------------------------------------------------------
// The corpus: a row opens its article here; corrections go back to it.

function unlinkCorpus() {
  if (state.corpusId == null) return;
  state.corpusId = null;
  corpus.closed();
}

async function openFromCorpus(d, id) {
  state.corpusId = id;
  state.history.reset(d);
  updateUndo();
  input.value = d.text;
  state.loaded = d.text;
  $('dct').value = d.dct && d.dct_source === 'input' ? d.dct : '';
  hideAlert();
  saveNow();
  setStatus(`Opened ${id} from the corpus: ${summary(d)}. Corrections are kept with the corpus.`);
  await show(d);
  $('reader-title').scrollIntoView({ block: 'start', behavior: 'instant' });
  output.focus({ preventScroll: true });
}

const corpus = setupCorpus({
  open: openFromCorpus,
  status: setStatus,
  alert: showAlert,
  monthFirst: () => $('month-first').checked,
  openCorpusId: () => state.corpusId,
});

// ---------------------------------------------------------------------------
// Wiring.

$('annotate').addEventListener('click', annotate);
$('new-article').addEventListener('click', newArticle);
$('undo').addEventListener('click', () => undoRedo(false));
$('redo').addEventListener('click', () => undoRedo(true));
$('alert-close').addEventListener('click', hideAlert);
for (const format of Object.keys(FORMATS)) {
  $(`export-${format}`).addEventListener('click', () => exportAs(format, 'download'));
  $(`copy-${format}`).addEventListener('click', () => exportAs(format, 'copy'));
}
$('import').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  e.target.value = '';
  if (file) await importFile(file);
});
$('shortcuts-open').addEventListener('click', () => $('shortcuts').showModal());
for (const el of [input, $('dct'), $('month-first')]) {
  el.addEventListener('input', () => {
    updateStale();
    scheduleSave();
  });
}
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    annotate();
  }
});
document.addEventListener('keydown', (e) => {
  const typing = e.target.closest && e.target.closest('input, textarea, select, dialog[open]');
  if (typing) return;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    undoRedo(e.shiftKey);
  } else if (mod && !e.altKey && e.key.toLowerCase() === 'y') {
    e.preventDefault();
    undoRedo(true);
  } else if (e.key === '?' && !mod) {
    e.preventDefault();
    $('shortcuts').showModal();
  }
});
window.addEventListener('pagehide', saveNow);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') saveNow();
});

setupTheme($('theme'), {
  initial: prefs.theme,
  onChange: (mode) => {
    prefs.theme = mode;
    savePrefs(prefs);
  },
});
setupEditing({
  doc,
  apply,
  focusSpan,
  isFiltered,
  status: setStatus,
  async suggestDate(text) {
    try {
      const d = doc();
      const found = await engine.annotate(text, { dct: d && d.dct, monthFirst: $('month-first').checked });
      const date = found.dates.find((x) => x.start === 0 && x.end === text.length) || (found.dates.length === 1 ? found.dates[0] : null);
      return date ? { label: date.type, value: date.value } : null;
    } catch {
      return null;
    }
  },
});

applyFilters();
updateUndo();
if (!restore()) {
  updatePanel(null);
  document.body.dataset.state = 'idle';
}
engine.start();

if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  navigator.serviceWorker.register('sw.js').catch(() => {
    // Without a service worker the page still works; it just needs the network.
  });
}
