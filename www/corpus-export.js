// The corpus exports, one article at a time (run in the workers): its line
// of JSONL, its rows of the entities, quotes and dates CSVs, and its W3C
// annotation collection. Every offset counts code points, as the exported
// JSON does (FORMAT.md).

import { toW3C } from './exporters.js';

export const CSV_HEADERS = {
  entities: ['article_id', 'start', 'end', 'text', 'label', 'group', 'group_name'],
  quotes: ['article_id', 'start', 'end', 'text', 'speaker'],
  dates: ['article_id', 'start', 'end', 'text', 'type', 'value'],
};

export function csvCell(value) {
  let s = value == null ? '' : String(value);
  // A cell starting like a formula would run in a spreadsheet: quote it with an apostrophe.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells) {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The document with its group mention counts brought up to date (corrections change them). */
export function withMentions(doc) {
  const counts = doc.groups.map(() => 0);
  for (const e of doc.entities) if (e.group != null && e.group < counts.length) counts[e.group]++;
  return { ...doc, groups: doc.groups.map((g, i) => ({ ...g, mentions: counts[i] })) };
}

/**
 * `exported` is the engine's export JSON of one article (with its `id`);
 * `formats` says which parts to make: { jsonl, entities, quotes, dates, w3c }.
 */
export async function exportArticle(exported, id, formats) {
  const doc = JSON.parse(exported);
  const out = {};
  if (formats.jsonl) out.jsonl = `${JSON.stringify(doc)}\n`;
  if (formats.entities) {
    out.entities = doc.entities
      .map((e) => {
        const group = e.group != null ? doc.groups[e.group] : null;
        return csvLine([id, e.start, e.end, e.text, e.label, e.group ?? '', group ? group.name : '']);
      })
      .join('');
  }
  if (formats.quotes) out.quotes = doc.quotes.map((q) => csvLine([id, q.start, q.end, q.text, q.speaker ?? ''])).join('');
  if (formats.dates) out.dates = doc.dates.map((d) => csvLine([id, d.start, d.end, d.text, d.type, d.value])).join('');
  if (formats.w3c) {
    const collection = JSON.parse(await toW3C(exported));
    out.w3c = JSON.stringify({ ...collection, 'dc:identifier': id });
  }
  return out;
}
