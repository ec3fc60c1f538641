// Draws a document as the article's text with <mark> elements around its
// spans. Article text only ever becomes text nodes. Nested spans nest; spans
// that cross each other are cut into fragments that share one data-id.

/** Outer first when two spans cover exactly the same text. */
const KIND_ORDER = { quote: 0, entity: 1, date: 2 };

/** The spans of a document, each with the kind, label and id its marks carry. */
export function spansOf(doc) {
  const spans = [];
  doc.entities.forEach((e, i) => spans.push({ kind: 'entity', label: e.label, id: `e${i}`, start: e.start, end: e.end }));
  doc.dates.forEach((d, i) => spans.push({ kind: 'date', label: d.type, value: d.value, id: `d${i}`, start: d.start, end: d.end }));
  doc.quotes.forEach((q, i) =>
    spans.push({ kind: 'quote', label: '', speaker: q.speaker, id: `q${i}`, start: q.start, end: q.end }),
  );
  return spans;
}

function compareSpans(a, b) {
  return a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.seq - b.seq;
}

function makeMark(span) {
  const mark = document.createElement('mark');
  mark.dataset.kind = span.kind;
  mark.dataset.label = span.label;
  mark.dataset.id = span.id;
  if (span.kind === 'date') mark.dataset.value = span.value;
  if (span.kind === 'quote' && span.speaker) mark.dataset.speaker = span.speaker;
  mark.tabIndex = -1;
  return mark;
}

/**
 * Fills `root` with `text` and marks for `spans` (offsets in UTF-16 units).
 * Long texts are built in chunks cut at line breaks outside any mark, with a
 * pause between chunks so the page stays responsive; `isCurrent()` returning
 * false abandons the work. Returns a Map from span id to its mark elements.
 */
export async function renderArticle(root, text, spans, { chunkSize = 40000, onProgress = () => {}, isCurrent = () => true } = {}) {
  const len = text.length;
  const sorted = spans
    .map((s, seq) => ({ ...s, seq }))
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= len && s.start < s.end)
    .sort(compareSpans);
  const marks = new Map();
  const chunks = [];
  let chunk = newChunk();
  let chunkStart = 0;
  let stack = []; // [{ span, el }] open marks, outermost first
  let active = []; // spans covering the current position, in nesting order
  let next = 0; // index into sorted
  let pos = 0;
  let lastPause = performance.now();

  function newChunk() {
    const div = document.createElement('div');
    div.className = 'chunk';
    return div;
  }
  function parent() {
    return stack.length ? stack[stack.length - 1].el : chunk;
  }
  function emitText(from, to) {
    // Cut a chunk at a line break when no mark is open and it is long enough.
    while (stack.length === 0 && from < to && from - chunkStart >= chunkSize) {
      const nl = text.indexOf('\n', from);
      if (nl < 0 || nl >= to) break;
      chunk.append(document.createTextNode(text.slice(from, nl + 1)));
      chunks.push(chunk);
      chunk = newChunk();
      from = chunkStart = nl + 1;
    }
    if (from < to) parent().append(document.createTextNode(text.slice(from, to)));
  }

  while (pos < len) {
    while (next < sorted.length && sorted[next].start <= pos) {
      if (sorted[next].end > pos) active.push(sorted[next]);
      next++;
    }
    let to = next < sorted.length ? Math.min(len, sorted[next].start) : len;
    for (const s of active) if (s.end < to) to = s.end;

    // Make the open marks match the active spans: keep the common prefix,
    // close the rest (a crossing span is cut here), open the new ones.
    let keep = 0;
    while (keep < stack.length && keep < active.length && stack[keep].span === active[keep]) keep++;
    while (stack.length > keep) {
      const { span, el } = stack.pop();
      if (span.end > pos) el.dataset.more = '';
    }
    for (let k = keep; k < active.length; k++) {
      const span = active[k];
      const el = makeMark(span);
      const list = marks.get(span.id);
      if (list) {
        el.dataset.cont = '';
        list.push(el);
      } else {
        marks.set(span.id, [el]);
      }
      parent().append(el);
      stack.push({ span, el });
    }

    emitText(pos, to);
    pos = to;
    active = active.filter((s) => s.end > pos);

    if (chunks.length && performance.now() - lastPause > 30) {
      root.append(...chunks.splice(0));
      onProgress(pos / len);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!isCurrent()) return null;
      lastPause = performance.now();
    }
  }
  chunks.push(chunk);
  root.append(...chunks);
  onProgress(1);
  return marks;
}
