// The side panel: legend with filters, entities grouped by type, quotes with
// their speakers, and the dates on a timeline. It only reads the document;
// what happens on a click is the caller's (`jump`, `light`, `toggle`).

export const ENTITY_NAMES = { PER: 'Person', ORG: 'Organisation', LOC: 'Place', MISC: 'Other' };
export const DATE_NAMES = { DATE: 'Date', TIME: 'Time', DURATION: 'Duration', SET: 'Set' };
const ENTITY_HEADINGS = { PER: 'People', ORG: 'Organisations', LOC: 'Places', MISC: 'Other names' };
const LIST_LIMIT = 40;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'class') node.className = v;
    else if (k.startsWith('aria') || k === 'role' || k === 'title') node.setAttribute(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), v);
    else node[k] = v;
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

function swatch(kind, label, text) {
  return el('mark', { class: 'swatch', dataset: { kind, label } }, text);
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The filter keys: `entity-PER` … `date-SET`, `quote`. */
export function legendEntries(doc) {
  const entries = [];
  for (const [label, name] of Object.entries(ENTITY_NAMES)) {
    entries.push({ key: `entity-${label}`, kind: 'entity', label, name, n: doc ? doc.entities.filter((e) => e.label === label).length : 0 });
  }
  for (const [label, name] of Object.entries(DATE_NAMES)) {
    entries.push({ key: `date-${label}`, kind: 'date', label, name, n: doc ? doc.dates.filter((d) => d.type === label).length : 0 });
  }
  entries.push({ key: 'quote', kind: 'quote', label: '', name: 'Quote', n: doc ? doc.quotes.length : 0 });
  return entries;
}

export function renderLegend(container, doc, hidden, toggle) {
  const items = legendEntries(doc).map(({ key, kind, label, name, n }) => {
    const shown = !hidden.has(key);
    const button = el(
      'button',
      // The name is the visible text (the label, its badge, the count) and a word for people who do not see it.
      { type: 'button', dataset: { filter: key }, ariaPressed: String(shown) },
      swatch(kind, label, name),
      el('span', { class: 'count' }, String(n)),
      el('span', { class: 'visually-hidden' }, n === 1 ? ' highlight' : ' highlights'),
    );
    button.addEventListener('click', () => toggle(key));
    return el('li', {}, button);
  });
  container.replaceChildren(...items);
}

/** Mentions that name the same thing: the engine's group, else the same label and text. */
export function entityClusters(doc) {
  const clusters = new Map();
  doc.entities.forEach((e, i) => {
    const group = e.group != null ? doc.groups[e.group] : null;
    const key = group && group.label === e.label ? `g${e.group}` : `${e.label}|${e.text.replace(/\s+/g, ' ').trim()}`;
    let c = clusters.get(key);
    if (!c) {
      c = { key, label: e.label, name: group && group.label === e.label ? group.name : e.text.replace(/\s+/g, ' ').trim(), ids: [] };
      clusters.set(key, c);
    }
    c.ids.push(`e${i}`);
  });
  return [...clusters.values()].sort((a, b) => b.ids.length - a.ids.length);
}

function showMoreButton(list, rest, make) {
  if (!rest.length) return null;
  const li = el('li');
  const more = el('button', { type: 'button', class: 'link' }, `Show ${rest.length} more`);
  more.addEventListener('click', () => {
    li.replaceWith(...rest.map(make));
  });
  li.append(more);
  return li;
}

export function renderEntities(container, doc, { jump, light }) {
  if (!doc || !doc.entities.length) {
    container.replaceChildren(el('p', { class: 'hint' }, doc ? 'No entities found.' : 'None yet.'));
    return;
  }
  const clusters = entityClusters(doc);
  const parts = [];
  for (const [label, name] of Object.entries(ENTITY_HEADINGS)) {
    const mine = clusters.filter((c) => c.label === label);
    if (!mine.length) continue;
    const mentions = mine.reduce((n, c) => n + c.ids.length, 0);
    const headingId = `entities-${label}`;
    parts.push(el('h3', { id: headingId }, `${name} · ${plural(mine.length, 'name')}, ${plural(mentions, 'mention')}`));
    const make = (c) => {
      const button = el(
        'button',
        { type: 'button', dataset: { cluster: c.key }, ariaLabel: `${c.name}: ${plural(c.ids.length, 'mention')}. Go to the next mention.` },
        swatch('entity', label, c.name),
        el('span', { class: 'count', ariaHidden: 'true' }, `×${c.ids.length}`),
      );
      let next = 0;
      button.addEventListener('click', () => {
        jump(c.ids[next % c.ids.length]);
        next++;
      });
      for (const on of ['pointerenter', 'focus']) button.addEventListener(on, () => light(c.ids, true));
      for (const off of ['pointerleave', 'blur']) button.addEventListener(off, () => light(c.ids, false));
      return el('li', {}, button);
    };
    const ul = el('ul', { ariaLabelledby: headingId }, ...mine.slice(0, LIST_LIMIT).map(make));
    const more = showMoreButton(ul, mine.slice(LIST_LIMIT), make);
    if (more) ul.append(more);
    parts.push(ul);
  }
  container.replaceChildren(...parts);
}

/** How a source's role reads in the panel: "Nato Secretary General", "spokesman, the ministry". */
export function roleText(group) {
  if (!group) return '';
  const { role, organisation } = group;
  if (role && organisation) return /^\p{Lu}/u.test(organisation) ? `${organisation} ${role}` : `${role}, ${organisation}`;
  return role || organisation || '';
}

/** Words in a quotation: runs of letters or digits. */
export function wordCount(text) {
  return (text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu) || []).length;
}

/**
 * The quotations grouped by who said them: one source per speaker group (or
 * speaker name when it has no group), most quoted first, then by first
 * quotation; the unattributed ones apart.
 */
export function quoteSources(doc) {
  const sources = new Map();
  const unattributed = [];
  doc.quotes.forEach((q, i) => {
    if (!q.speaker) {
      unattributed.push({ q, id: `q${i}` });
      return;
    }
    const group = q.speaker_group != null ? doc.groups[q.speaker_group] : null;
    const key = group ? `g${q.speaker_group}` : `s|${q.speaker.trim().toLowerCase()}`;
    let s = sources.get(key);
    if (!s) {
      s = { key, speaker: group ? group.name : q.speaker, role: group && group.role ? group.role : '', organisation: group && group.organisation ? group.organisation : '', display: roleText(group), quotes: [], words: 0, first: i };
      sources.set(key, s);
    }
    s.quotes.push({ q, id: `q${i}` });
    s.words += wordCount(q.text);
  });
  const list = [...sources.values()].sort((a, b) => b.quotes.length - a.quotes.length || a.first - b.first);
  return { sources: list, unattributed };
}

let showUnattributed = false;

export function renderQuotes(container, doc, { jump, light }) {
  if (!doc || !doc.quotes.length) {
    container.replaceChildren(el('li', { class: 'hint' }, doc ? 'No quotes found.' : 'None yet.'));
    return;
  }
  const quoteItem = ({ q, id }) => {
    const words = q.text.length > 160 ? `${q.text.slice(0, 157).trimEnd()}…` : q.text;
    const button = el(
      'button',
      { type: 'button', dataset: { quote: id } },
      el('span', { class: 'words' }, `“${words}”`),
    );
    button.addEventListener('click', () => jump(id));
    for (const on of ['pointerenter', 'focus']) button.addEventListener(on, () => light([id], true));
    for (const off of ['pointerleave', 'blur']) button.addEventListener(off, () => light([id], false));
    return el('li', {}, button);
  };
  const sourceItem = (s, { unknown = false } = {}) => {
    const ids = s.quotes.map((x) => x.id);
    const count = plural(s.quotes.length, 'quote');
    const headId = `source-${s.key.replace(/[^\w-]/g, '_')}`;
    const head = el(
      'button',
      // The name is the visible text and a word for people who do not see it.
      { type: 'button', class: 'source-head', id: headId, dataset: { source: s.key } },
      el('span', { class: unknown ? 'speaker unknown' : 'speaker' }, s.speaker),
      s.display ? el('span', { class: 'role' }, ` · ${s.display}`) : null,
      el('span', { class: 'count' }, ` · ${count}`),
      el('span', { class: 'visually-hidden' }, '. Go to the next quote.'),
    );
    let next = 0;
    head.addEventListener('click', () => {
      jump(ids[next % ids.length]);
      next++;
    });
    for (const on of ['pointerenter', 'focus']) head.addEventListener(on, () => light(ids, true));
    for (const off of ['pointerleave', 'blur']) head.addEventListener(off, () => light(ids, false));
    const shown = s.quotes.slice(0, LIST_LIMIT).map(quoteItem);
    const list = el('ol', { class: 'source-quotes', ariaLabelledby: headId }, ...shown);
    const more = showMoreButton(list, s.quotes.slice(LIST_LIMIT), quoteItem);
    if (more) list.append(more);
    return el('li', { class: unknown ? 'source unattributed' : 'source' }, head, list);
  };
  const { sources, unattributed } = quoteSources(doc);
  const items = sources.slice(0, LIST_LIMIT).map((s) => sourceItem(s));
  const more = showMoreButton(container, sources.slice(LIST_LIMIT), (s) => sourceItem(s));
  if (more) items.push(more);
  if (unattributed.length) {
    const rest = sourceItem({ key: 'unattributed', speaker: 'Speaker not found', display: '', quotes: unattributed }, { unknown: true });
    rest.hidden = !showUnattributed;
    const toggle = el(
      'button',
      { type: 'button', class: 'link', id: 'toggle-unattributed', ariaPressed: String(showUnattributed) },
      `${showUnattributed ? 'Hide' : 'Show'} ${plural(unattributed.length, 'unattributed quote')}`,
    );
    toggle.addEventListener('click', () => {
      showUnattributed = !showUnattributed;
      rest.hidden = !showUnattributed;
      toggle.setAttribute('aria-pressed', String(showUnattributed));
      toggle.textContent = `${showUnattributed ? 'Hide' : 'Show'} ${plural(unattributed.length, 'unattributed quote')}`;
    });
    items.push(el('li', { class: 'toggle' }, toggle), rest);
  }
  container.replaceChildren(...items);
}

/**
 * The first day a TIMEX3 value covers, as a UTC time in ms, or null for values
 * that are not a point on the calendar (durations, PRESENT_REF, XXXX-…).
 */
export function timexStart(value) {
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2})(?::(\d{2}))?)?/.exec(value);
  const week = /^(\d{4})-W(\d{2})/.exec(value);
  const part = /^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|AU|WI)$/.exec(value);
  const decade = /^(\d{3})X$/.exec(value);
  if (week) {
    const jan4 = Date.UTC(+week[1], 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 864e5;
    return monday + (+week[2] - 1) * 7 * 864e5;
  }
  if (part) {
    const month = { Q1: 0, Q2: 3, Q3: 6, Q4: 9, H1: 0, H2: 6, SP: 2, SU: 5, FA: 8, AU: 8, WI: 11 }[part[2]];
    return Date.UTC(+part[1], month, 1);
  }
  if (decade) return Date.UTC(+decade[1] * 10, 0, 1);
  if (m && (m[0].length === value.length || /^[T\s]/.test(value.slice(m[0].length)) || m[4])) {
    const month = m[2] ? +m[2] - 1 : 0;
    const day = m[3] ? +m[3] : 1;
    if (month > 11 || day > 31) return null;
    return Date.UTC(+m[1], month, day, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0);
  }
  return null;
}

export function renderTimeline(container, doc, { jump, light }) {
  if (!doc || !doc.dates.length) {
    container.replaceChildren(el('p', { class: 'hint' }, doc ? 'No dates found.' : 'None yet.'));
    return;
  }
  // One entry per distinct value, with all its mentions.
  const byValue = new Map();
  doc.dates.forEach((d, i) => {
    let v = byValue.get(d.value);
    if (!v) byValue.set(d.value, (v = { value: d.value, time: timexStart(d.value), texts: new Set(), ids: [] }));
    v.texts.add(d.text.replace(/\s+/g, ' '));
    v.ids.push(`d${i}`);
  });
  const values = [...byValue.values()];
  const dated = values.filter((v) => v.time != null).sort((a, b) => a.time - b.time || a.value.localeCompare(b.value));
  const other = values.filter((v) => v.time == null);

  const entry = (v) => {
    let next = 0;
    const button = el(
      'button',
      { type: 'button', dataset: { value: v.value } },
      el('span', { class: 'value' }, v.value),
      el('span', { class: 'texts' }, `${[...v.texts].slice(0, 3).join(' · ')}${v.ids.length > 1 ? ` ×${v.ids.length}` : ''}`),
      el('span', { class: 'visually-hidden' }, `: ${plural(v.ids.length, 'mention')}. Go to the next mention.`),
    );
    button.addEventListener('click', () => {
      jump(v.ids[next % v.ids.length]);
      next++;
    });
    for (const on of ['pointerenter', 'focus']) button.addEventListener(on, () => light(v.ids, true));
    for (const off of ['pointerleave', 'blur']) button.addEventListener(off, () => light(v.ids, false));
    return el('li', {}, button);
  };

  const parts = [];
  if (dated.length) {
    const min = dated[0].time;
    const max = dated[dated.length - 1].time;
    const axis = el('div', { class: 'timeline-axis', role: 'img', ariaLabel: `Timeline from ${dated[0].value} to ${dated[dated.length - 1].value}` });
    for (const v of dated) {
      const dot = el('span', { class: 'dot', title: `${v.value} ×${v.ids.length}` });
      dot.style.left = `${max === min ? 50 : ((v.time - min) / (max - min)) * 100}%`;
      axis.append(dot);
    }
    axis.append(el('span', { class: 'end' }, dated[0].value.slice(0, 10)));
    if (dated.length > 1) axis.append(el('span', { class: 'end right' }, dated[dated.length - 1].value.slice(0, 10)));
    parts.push(axis);
    const ol = el('ol', { ariaLabel: 'Dates in time order' }, ...dated.slice(0, LIST_LIMIT).map(entry));
    const more = showMoreButton(ol, dated.slice(LIST_LIMIT), entry);
    if (more) ol.append(more);
    parts.push(ol);
  }
  if (other.length) {
    parts.push(el('h3', { id: 'timeline-other' }, 'Durations and other values'));
    const ol = el('ol', { ariaLabelledby: 'timeline-other' }, ...other.slice(0, LIST_LIMIT).map(entry));
    const more = showMoreButton(ol, other.slice(LIST_LIMIT), entry);
    if (more) ol.append(more);
    parts.push(ol);
  }
  container.replaceChildren(...parts);
}
