// The other export formats, made from the FORMAT.md JSON (offsets in code
// points, as the engine writes it): W3C Web Annotation JSON-LD, a CSV of
// entities, one of quotes and one of the sources quoted. Plus the two ways
// out: a download and the clipboard.

import { quoteSources, wordCount } from './panel.js';

const KIND_BODY = { entities: 'entity', dates: 'date', quotes: 'quote' };
const CONTEXT = 20; // code points of prefix and suffix in each TextQuoteSelector

/** The RFC 6920 name of the text (ni:///sha-256;…), so targets point at exactly this text. */
async function textIri(text) {
  if (!globalThis.crypto || !crypto.subtle) return 'urn:article-annotator:text';
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  const b64 = btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `ni:///sha-256;${b64}`;
}

/** W3C Web Annotation JSON-LD: one annotation per span, an AnnotationCollection around them. */
export async function toW3C(exported) {
  const doc = JSON.parse(exported);
  const chars = Array.from(doc.text);
  const source = await textIri(doc.text);
  const slice = (a, b) => chars.slice(Math.max(0, a), Math.max(0, b)).join('');
  const items = [];
  for (const layer of ['entities', 'dates', 'quotes']) {
    doc[layer].forEach((span, i) => {
      const body = [];
      if (layer === 'entities') body.push({ type: 'TextualBody', purpose: 'tagging', value: span.label });
      if (layer === 'dates') {
        body.push({ type: 'TextualBody', purpose: 'tagging', value: span.type });
        body.push({ type: 'TextualBody', purpose: 'describing', value: span.value, format: 'text/plain' });
      }
      if (layer === 'quotes') {
        body.push({ type: 'TextualBody', purpose: 'tagging', value: 'QUOTE' });
        if (span.speaker) body.push({ type: 'TextualBody', purpose: 'identifying', value: span.speaker });
      }
      items.push({
        id: `${source}#${KIND_BODY[layer]}-${i + 1}`,
        type: 'Annotation',
        motivation: layer === 'quotes' ? 'identifying' : 'classifying',
        body: body.length === 1 ? body[0] : body,
        target: {
          source,
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: span.text,
              prefix: slice(span.start - CONTEXT, span.start),
              suffix: slice(span.end, span.end + CONTEXT),
            },
            { type: 'TextPositionSelector', start: span.start, end: span.end },
          ],
        },
      });
    });
  }
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${source}#annotations`,
    type: 'AnnotationCollection',
    label: (doc.text.split('\n').find((l) => l.trim()) || 'Article').trim().slice(0, 200),
    generator: { type: 'Software', name: doc.tool },
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(collection, null, 2);
}

function csvCell(value) {
  let s = value == null ? '' : String(value);
  // A cell starting like a formula would run in a spreadsheet: quote it with an apostrophe.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per entity mention: start, end (code points), text, label, group and its name. */
export function toCsv(exported) {
  const doc = JSON.parse(exported);
  const rows = [['start', 'end', 'text', 'label', 'group', 'group_name']];
  for (const e of doc.entities) {
    const group = e.group != null ? doc.groups[e.group] : null;
    rows.push([e.start, e.end, e.text, e.label, e.group ?? '', group ? group.name : '']);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csv(rows) {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One row per quotation: start, end (code points), text, speaker, the speaker's role and organisation. */
export function toQuotesCsv(exported) {
  const doc = JSON.parse(exported);
  const rows = [['start', 'end', 'text', 'speaker', 'role', 'organisation', 'words']];
  for (const q of doc.quotes) {
    const group = q.speaker_group != null ? doc.groups[q.speaker_group] : null;
    rows.push([q.start, q.end, q.text, q.speaker ?? '', group?.role ?? '', group?.organisation ?? '', wordCount(q.text)]);
  }
  return csv(rows);
}

/**
 * One row per source quoted, most quoted first: who, in what role and for
 * whom, how many quotations and how many words (what newsrooms count when
 * they audit whom they quote). Unattributed quotations are left out.
 */
export function toSourcesCsv(exported) {
  const doc = JSON.parse(exported);
  const rows = [['speaker', 'role', 'organisation', 'quotes', 'words_quoted']];
  for (const s of quoteSources(doc).sources) rows.push([s.speaker, s.role, s.organisation, s.quotes.length, s.words]);
  return csv(rows);
}

export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export async function copyText(text) {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  throw new Error('this browser does not let the page use the clipboard');
}
