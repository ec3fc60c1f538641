// What the corpus view needs of one annotated article: its first line and
// date, its counts, and the people, organisations, places and speakers it
// names. Made in the workers as each article is annotated, and on the page
// after a correction.

import { entityClusters } from './panel.js';

const LABELS = new Set(['PER', 'ORG', 'LOC']);

export function firstLine(text) {
  const line = (text.split('\n').find((l) => l.trim()) || '').trim();
  return line.length > 140 ? `${line.slice(0, 137).trimEnd()}…` : line;
}

function nameKey(label, name) {
  return `${label}|${name.replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

/** What the corpus view needs of one annotated article. */
export function summarise(doc) {
  const names = new Map();
  for (const c of entityClusters(doc)) {
    if (!LABELS.has(c.label)) continue;
    const key = nameKey(c.label, c.name);
    const had = names.get(key);
    if (had) had[2] += c.ids.length;
    else names.set(key, [c.label, c.name.replace(/\s+/g, ' ').trim(), c.ids.length]);
  }
  const speakers = new Map();
  for (const q of doc.quotes) {
    if (!q.speaker) continue;
    const name = q.speaker.replace(/\s+/g, ' ').trim();
    const key = name.toLowerCase();
    const had = speakers.get(key);
    if (had) had[1]++;
    else speakers.set(key, [name, 1]);
  }
  return {
    title: firstLine(doc.text),
    dct: doc.dct || '',
    names: doc.entities.length,
    dates: doc.dates.length,
    quotes: doc.quotes.length,
    people: [...names.entries()].map(([key, [label, name, n]]) => [key, label, name, n]),
    speakers: [...speakers.entries()].map(([key, [name, n]]) => [key, name, n]),
  };
}

