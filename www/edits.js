// Corrections as pure functions: each takes a document (offsets in UTF-16
// units) and returns a new one, leaving the old one untouched for undo.
// Every function returns { doc, id } where id names the span it touched.

export const ENTITY_LABELS = ['PER', 'ORG', 'LOC', 'MISC'];
export const DATE_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'];

const LAYERS = { e: 'entities', d: 'dates', q: 'quotes' };
const PREFIX = { entity: 'e', date: 'd', quote: 'q' };

/** The layer and index of a span id such as `e12`. */
export function parseId(id) {
  const layer = LAYERS[id[0]];
  const index = Number(id.slice(1));
  if (!layer || !Number.isInteger(index)) throw new Error(`no highlight ${id}`);
  return { layer, index };
}

export function spanById(doc, id) {
  const { layer, index } = parseId(id);
  return doc[layer][index];
}

function byPosition(a, b) {
  return a.start - b.start || a.end - b.end;
}

/** Inserts `span` into a copy of `list` in position order; returns the copy and the index. */
function insertSorted(list, span) {
  const copy = list.slice();
  let i = copy.findIndex((s) => byPosition(s, span) > 0);
  if (i < 0) i = copy.length;
  copy.splice(i, 0, span);
  return { list: copy, index: i };
}

function replaceAt(list, index, value) {
  const copy = list.slice();
  copy[index] = value;
  return copy;
}

/** A TIMEX3 value as the page accepts it: 2025-02-09, 2025-W03, P2Y, PRESENT_REF, XXXX-02-09T14:00 … */
export function isTimexValue(value) {
  return typeof value === 'string' && value.length > 0 && value.length <= 64 && /^[A-Za-z0-9_:.+-]+$/.test(value);
}

/**
 * Adds a highlight of `kind` over start..end (UTF-16). An existing highlight
 * of the same kind over exactly that text is changed instead of doubled.
 */
export function addSpan(doc, kind, start, end, { label, value, speaker } = {}) {
  if (!(0 <= start && start < end && end <= doc.text.length)) throw new Error('the selection is outside the article');
  const text = doc.text.slice(start, end);
  if (kind === 'entity') {
    if (!ENTITY_LABELS.includes(label)) throw new Error(`unknown entity label ${label}`);
    const same = doc.entities.findIndex((e) => e.start === start && e.end === end);
    if (same >= 0) return relabelEntity(doc, same, label);
    // A new mention joins the group of an identical mention with the same label.
    const twin = doc.entities.find((e) => e.text === text && e.label === label && e.group != null);
    const entity = { start, end, text, label };
    if (twin) entity.group = twin.group;
    const { list, index } = insertSorted(doc.entities, entity);
    return { doc: { ...doc, entities: list }, id: `e${index}` };
  }
  if (kind === 'date') {
    const same = doc.dates.findIndex((d) => d.start === start && d.end === end);
    if (same >= 0) return { doc, id: `d${same}` };
    const date = { start, end, text, type: DATE_TYPES.includes(label) ? label : 'DATE', value: isTimexValue(value) ? value : 'XXXX-XX-XX' };
    const { list, index } = insertSorted(doc.dates, date);
    return { doc: { ...doc, dates: list }, id: `d${index}` };
  }
  if (kind === 'quote') {
    const same = doc.quotes.findIndex((q) => q.start === start && q.end === end);
    if (same >= 0) return { doc, id: `q${same}` };
    const quote = { start, end, text, speaker: null, speaker_mentions: [] };
    const { list, index } = insertSorted(doc.quotes, quote);
    const added = { doc: { ...doc, quotes: list }, id: `q${index}` };
    return speaker ? setQuoteSpeaker(added.doc, index, speaker) : added;
  }
  throw new Error(`unknown kind ${kind}`);
}

/** Gives entity `index` a new label; it leaves a group of another label. */
export function relabelEntity(doc, index, label) {
  if (!ENTITY_LABELS.includes(label)) throw new Error(`unknown entity label ${label}`);
  const old = doc.entities[index];
  const entity = { ...old, label };
  if (entity.group != null && doc.groups[entity.group] && doc.groups[entity.group].label !== label) delete entity.group;
  return { doc: { ...doc, entities: replaceAt(doc.entities, index, entity) }, id: `e${index}` };
}

export function deleteSpan(doc, id) {
  const { layer, index } = parseId(id);
  if (!doc[layer][index]) throw new Error(`no highlight ${id}`);
  const list = doc[layer].slice();
  list.splice(index, 1);
  return { doc: { ...doc, [layer]: list }, id: null };
}

export function setDate(doc, index, { type, value }) {
  if (!DATE_TYPES.includes(type)) throw new Error(`unknown date type ${type}`);
  if (!isTimexValue(value)) throw new Error('a TIMEX3 value looks like 2025-02-09, 2025-W03, P2Y or PRESENT_REF');
  const date = { ...doc.dates[index], type, value };
  return { doc: { ...doc, dates: replaceAt(doc.dates, index, date) }, id: `d${index}` };
}

/**
 * Names the speaker of quote `index`. A name that is an entity group's (or a
 * mention's text) links the quote to every mention of that speaker.
 */
export function setQuoteSpeaker(doc, index, name) {
  const quote = { ...doc.quotes[index] };
  const speaker = (name || '').trim();
  delete quote.speaker_group;
  if (!speaker) {
    quote.speaker = null;
    quote.speaker_mentions = [];
  } else {
    quote.speaker = speaker;
    const group = doc.groups.findIndex((g) => g.name === speaker);
    const mentions = doc.entities.filter((e) => (group >= 0 ? e.group === group : e.text === speaker));
    if (group >= 0) quote.speaker_group = group;
    quote.speaker_mentions = mentions.map((e) => [e.start, e.end]);
  }
  return { doc: { ...doc, quotes: replaceAt(doc.quotes, index, quote) }, id: `q${index}` };
}

/** The id of the span of `kind` covering exactly start..end, if any. */
export function findSpan(doc, kind, start, end) {
  const layer = { entity: 'entities', date: 'dates', quote: 'quotes' }[kind];
  const i = doc[layer].findIndex((s) => s.start === start && s.end === end);
  return i < 0 ? null : `${PREFIX[kind]}${i}`;
}

/** Speaker names to offer: entity groups and mentions of people, most frequent first. */
export function speakerNames(doc) {
  const counts = new Map();
  for (const e of doc.entities) {
    if (e.label !== 'PER') continue;
    const name = e.group != null && doc.groups[e.group] ? doc.groups[e.group].name : e.text;
    counts.set(name, (counts.get(name) || 0) + 1);
  }
  for (const q of doc.quotes) if (q.speaker && !counts.has(q.speaker)) counts.set(q.speaker, 0);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

/**
 * Widens start..end (UTF-16) to whole words and trims surrounding spaces, so
 * a rough mouse selection becomes a clean span. Never splits a surrogate pair.
 */
export function snapToWords(text, start, end) {
  const isWord = (ch) => /[\p{L}\p{N}\p{M}]/u.test(ch);
  const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
  const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;
  // The code point just before / at a UTF-16 offset, with its width.
  const before = (i) =>
    i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? [text.slice(i - 2, i), 2] : [text[i - 1], 1];
  const at = (i) => {
    const cp = text.codePointAt(i);
    return [String.fromCodePoint(cp), cp > 0xffff ? 2 : 1];
  };
  if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
  if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start >= end) return null;
  while (start > 0 && isWord(before(start)[0]) && isWord(at(start)[0])) start -= before(start)[1];
  while (end < text.length && isWord(before(end)[0]) && isWord(at(end)[0])) end += at(end)[1];
  return { start, end };
}
