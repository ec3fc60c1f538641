// Correcting by mouse and keyboard: text selections in the article become
// spans, a toolbar and shortcuts label them, a dialog edits or deletes a
// highlight. Offsets are UTF-16 positions in the article text, which is
// exactly the text content of #output.

import { addSpan, deleteSpan, isTimexValue, parseId, relabelEntity, setDate, setQuoteSpeaker, snapToWords, speakerNames, spanById } from './edits.js';
import { DATE_NAMES, ENTITY_NAMES } from './panel.js';

const LABEL_KEYS = { 1: 'PER', 2: 'ORG', 3: 'LOC', 4: 'MISC' };
const WINDOW = 256; // characters looked at around the caret to find a word
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;

function isTyping(target) {
  return target && (target.closest('input, textarea, select, [contenteditable="true"]') || target.closest('dialog[open]'));
}

/**
 * Wires the article for corrections. `app` gives: doc() the current document,
 * apply({doc, id}, message) to record a change, focusSpan(id), isFiltered(mark),
 * suggestDate(text) -> {type, value} | null, status(message).
 */
export function setupEditing(app) {
  const output = document.getElementById('output');
  const bar = document.getElementById('selection-bar');
  const dialog = document.getElementById('editor');
  const $ = (id) => document.getElementById(id);
  let editing = null; // the id in the dialog

  // --- offsets <-> DOM ------------------------------------------------------

  function offsetOf(node, offset) {
    const range = document.createRange();
    range.setStart(output, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function pointAt(offset) {
    const walker = document.createTreeWalker(output, NodeFilter.SHOW_TEXT);
    let seen = 0;
    let last = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (offset <= seen + node.data.length) return [node, offset - seen];
      seen += node.data.length;
      last = node;
    }
    return last ? [last, last.data.length] : [output, 0];
  }

  /** The selected span in the article, widened to whole words, or null. */
  function selectedSpan() {
    const doc = app.doc();
    const sel = window.getSelection();
    if (!doc || !sel.rangeCount || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!output.contains(range.commonAncestorContainer)) return null;
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    return snapToWords(doc.text, Math.min(start, end), Math.max(start, end));
  }

  function select(start, end) {
    const [a, ao] = pointAt(start);
    const [b, bo] = pointAt(end);
    window.getSelection().setBaseAndExtent(a, ao, b, bo);
    const el = b.nodeType === Node.TEXT_NODE ? b.parentElement : b;
    if (el && el.scrollIntoView) el.scrollIntoView({ block: 'nearest' });
  }

  // --- adding ----------------------------------------------------------------

  async function addFromSelection(kind, label) {
    const doc = app.doc();
    const span = selectedSpan();
    if (!span) return app.status('Select some text in the article first.');
    const text = doc.text.slice(span.start, span.end);
    try {
      if (kind === 'entity') {
        app.apply(addSpan(doc, 'entity', span.start, span.end, { label }), `Marked “${text}” as ${ENTITY_NAMES[label]}.`);
      } else if (kind === 'date') {
        document.body.dataset.state = 'busy'; // while the engine reads the selected date
        const guess = await app.suggestDate(text);
        const result = addSpan(app.doc(), 'date', span.start, span.end, guess || {});
        app.apply(result, `Marked “${text}” as a date${guess ? ` (${guess.value})` : ''}.`);
        if (!guess) openEditor(result.id);
      } else if (kind === 'quote') {
        const result = addSpan(doc, 'quote', span.start, span.end);
        app.apply(result, `Marked “${text}” as a quote.`);
        openEditor(result.id);
      }
      window.getSelection().removeAllRanges();
      hideBar();
    } catch (err) {
      document.body.dataset.state = 'ready';
      app.status(`Could not add the highlight: ${err.message}`);
    }
  }

  function hideBar() {
    bar.hidden = true;
  }

  function placeBar() {
    const span = selectedSpan();
    if (!span) return hideBar();
    const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
    const host = bar.offsetParent || bar.parentElement;
    const box = host.getBoundingClientRect();
    bar.hidden = false;
    const top = rect.top - box.top - bar.offsetHeight - 8;
    const left = Math.min(Math.max(8, rect.left - box.left), box.width - bar.offsetWidth - 8);
    bar.style.top = `${top < 0 ? rect.bottom - box.top + 8 : top}px`;
    bar.style.left = `${left}px`;
  }

  let barFrame = 0;
  document.addEventListener('selectionchange', () => {
    cancelAnimationFrame(barFrame);
    barFrame = requestAnimationFrame(placeBar);
  });
  bar.addEventListener('mousedown', (e) => e.preventDefault()); // keep the selection
  bar.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-add]');
    if (!button) return;
    const [kind, label] = button.dataset.add.split(':');
    addFromSelection(kind, label);
  });

  // --- moving around ---------------------------------------------------------

  function visibleMarks() {
    const seen = new Set();
    return [...output.querySelectorAll('mark')].filter((m) => {
      if (seen.has(m.dataset.id) || app.isFiltered(m)) return false;
      seen.add(m.dataset.id);
      return true;
    });
  }

  function step(direction) {
    const marks = visibleMarks();
    if (!marks.length) return app.status('There are no highlights to go to.');
    const current = document.activeElement && document.activeElement.closest && document.activeElement.closest('#output mark');
    let i = current ? marks.findIndex((m) => m.dataset.id === current.dataset.id) : -1;
    i = i < 0 ? (direction > 0 ? 0 : marks.length - 1) : (i + direction + marks.length) % marks.length;
    window.getSelection().removeAllRanges();
    app.focusSpan(marks[i].dataset.id);
  }

  function wordAfter(text, pos) {
    const chunk = text.slice(pos, pos + WINDOW);
    if (segmenter) {
      for (const s of segmenter.segment(chunk)) if (s.isWordLike) return [pos + s.index, pos + s.index + s.segment.length];
      return null;
    }
    const m = /[\p{L}\p{N}\p{M}]+/u.exec(chunk);
    return m ? [pos + m.index, pos + m.index + m[0].length] : null;
  }

  function wordBefore(text, pos) {
    const from = Math.max(0, pos - WINDOW);
    const chunk = text.slice(from, pos);
    let found = null;
    if (segmenter) {
      for (const s of segmenter.segment(chunk)) if (s.isWordLike) found = [from + s.index, from + s.index + s.segment.length];
    } else {
      for (const m of chunk.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) found = [from + m.index, from + m.index + m[0].length];
    }
    return found;
  }

  /**
   * Arrow keys select the next or previous word; Shift+→ adds the next word
   * to the selection and Shift+← takes the last one off again.
   */
  function moveWord(forward, extend) {
    const doc = app.doc();
    if (!doc) return;
    const text = doc.text;
    const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('#output mark');
    let current = selectedSpan();
    if (!current && focused) {
      const s = spanById(doc, focused.dataset.id);
      current = s ? { start: s.start, end: s.start } : null;
    }
    if (!current) current = { start: 0, end: 0 };
    if (focused) output.focus({ preventScroll: true });
    if (!extend) {
      const word = forward ? wordAfter(text, current.end) : wordBefore(text, current.start);
      if (word) select(word[0], word[1]);
      return;
    }
    const start = current.start;
    let end = current.end;
    if (forward) {
      const word = wordAfter(text, end);
      if (word) end = word[1];
    } else {
      const last = wordBefore(text, end);
      const prev = last ? wordBefore(text, last[0]) : null;
      const first = wordAfter(text, start);
      end = prev && prev[1] > start ? prev[1] : first ? first[1] : end;
    }
    if (end > start) select(start, end);
  }

  // --- the dialog ------------------------------------------------------------

  function openEditor(id) {
    const doc = app.doc();
    const span = spanById(doc, id);
    if (!span) return;
    editing = id;
    const { layer } = parseId(id);
    const kind = { entities: 'entity', dates: 'date', quotes: 'quote' }[layer];
    $('editor-title').textContent =
      kind === 'entity' ? 'Entity' : kind === 'date' ? 'Date' : 'Quote';
    $('editor-text').textContent = span.text;
    $('editor-error').textContent = '';
    $('editor-entity').hidden = kind !== 'entity';
    $('editor-date').hidden = kind !== 'date';
    $('editor-quote').hidden = kind !== 'quote';
    if (kind === 'entity') {
      for (const radio of dialog.querySelectorAll('input[name="label"]')) radio.checked = radio.value === span.label;
    } else if (kind === 'date') {
      $('editor-type').value = span.type;
      $('editor-value').value = span.value;
    } else {
      $('editor-speaker').value = span.speaker || '';
      $('speaker-options').replaceChildren(
        ...speakerNames(doc).map((name) => {
          const option = document.createElement('option');
          option.value = name;
          return option;
        }),
      );
    }
    // Highlights around this one, to reach an outer quote from an inner name.
    const around = $('editor-around');
    const outer = [];
    for (const other of ['entities', 'dates', 'quotes']) {
      doc[other].forEach((s, i) => {
        const oid = `${other[0]}${i}`;
        if (oid !== id && s.start <= span.start && s.end >= span.end) outer.push([oid, other, s]);
      });
    }
    around.replaceChildren();
    around.hidden = !outer.length;
    if (outer.length) {
      around.append('Inside: ');
      for (const [oid, other, s] of outer) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'link';
        b.textContent = other === 'entities' ? `${ENTITY_NAMES[s.label]} “${s.text}”` : other === 'dates' ? `${DATE_NAMES[s.type]} “${s.text}”` : 'the quote';
        b.addEventListener('click', () => openEditor(oid));
        around.append(b, ' ');
      }
    }
    if (!dialog.open) dialog.showModal();
    const first = kind === 'entity' ? dialog.querySelector('input[name="label"]:checked') : kind === 'date' ? $('editor-value') : $('editor-speaker');
    (first || $('editor-save')).focus();
  }

  function closeEditor() {
    const id = editing;
    editing = null;
    if (dialog.open) dialog.close();
    return id;
  }

  function saveEditor() {
    const id = editing;
    const doc = app.doc();
    const span = spanById(doc, id);
    if (!span) return closeEditor();
    const { index } = parseId(id);
    try {
      if (id[0] === 'e') {
        const label = dialog.querySelector('input[name="label"]:checked').value;
        if (label !== span.label) app.apply(relabelEntity(doc, index, label), `“${span.text}” is now ${ENTITY_NAMES[label]}.`);
      } else if (id[0] === 'd') {
        const type = $('editor-type').value;
        const value = $('editor-value').value.trim();
        if (!isTimexValue(value)) {
          $('editor-error').textContent = 'Write a TIMEX3 value, such as 2025-02-09, 2025-W03, P2Y or PRESENT_REF.';
          $('editor-value').focus();
          return;
        }
        if (type !== span.type || value !== span.value) app.apply(setDate(doc, index, { type, value }), `“${span.text}” now means ${value}.`);
      } else {
        const speaker = $('editor-speaker').value.trim();
        if (speaker !== (span.speaker || '')) {
          app.apply(setQuoteSpeaker(doc, index, speaker), speaker ? `The quote is now ${speaker}’s.` : 'The quote has no speaker now.');
        }
      }
    } catch (err) {
      $('editor-error').textContent = err.message;
      return;
    }
    closeEditor();
    app.focusSpan(id);
  }

  function removeSpan(id) {
    const doc = app.doc();
    const span = spanById(doc, id);
    if (!span) return;
    app.apply(deleteSpan(doc, id), `Deleted the highlight “${span.text.length > 40 ? `${span.text.slice(0, 40)}…` : span.text}”.`);
    output.focus({ preventScroll: true });
  }

  $('editor-form').addEventListener('submit', (e) => {
    e.preventDefault();
    saveEditor();
  });
  $('editor-cancel').addEventListener('click', () => {
    const id = closeEditor();
    if (id) app.focusSpan(id);
  });
  $('editor-delete').addEventListener('click', () => {
    const id = closeEditor();
    if (id) removeSpan(id);
  });
  dialog.addEventListener('cancel', () => {
    editing = null;
  });
  dialog.addEventListener('keydown', (e) => {
    if (e.target.closest('input[type="text"], select')) return;
    const label = LABEL_KEYS[e.key];
    const radio = label && dialog.querySelector(`input[name="label"][value="${label}"]`);
    if (radio && !$('editor-entity').hidden) {
      radio.checked = true;
      radio.focus();
      e.preventDefault();
    }
  });

  // --- mouse and keys in the article ----------------------------------------

  output.addEventListener('click', (e) => {
    const mark = e.target.closest('mark');
    if (!mark || !output.contains(mark)) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && output.contains(sel.anchorNode)) return; // the user is selecting
    openEditor(mark.dataset.id);
  });

  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || isTyping(e.target) || e.altKey) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod) return;
    if (!app.doc()) return;
    const inOutput = output.contains(e.target) || e.target === document.body;
    if (!inOutput) return;
    const mark = e.target.closest && e.target.closest('#output mark');
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const handled = () => e.preventDefault();

    if (key === 'ArrowRight' || key === 'ArrowLeft') {
      handled();
      return moveWord(key === 'ArrowRight', e.shiftKey);
    }
    if (key === 'j' || key === 'k') {
      handled();
      return step(key === 'j' ? 1 : -1);
    }
    if (key === 'Escape') {
      window.getSelection().removeAllRanges();
      hideBar();
      if (mark) output.focus();
      return;
    }
    if (selectedSpan()) {
      if (LABEL_KEYS[key]) return handled(), addFromSelection('entity', LABEL_KEYS[key]);
      if (key === 'd') return handled(), addFromSelection('date', 'DATE');
      if (key === 'q') return handled(), addFromSelection('quote', '');
    }
    if (mark) {
      const id = mark.dataset.id;
      if (LABEL_KEYS[key] && id[0] === 'e') {
        handled();
        return app.apply(relabelEntity(app.doc(), parseId(id).index, LABEL_KEYS[key]), `“${mark.textContent}” is now ${ENTITY_NAMES[LABEL_KEYS[key]]}.`);
      }
      if (key === 'Enter' || key === ' ') return handled(), openEditor(id);
      if (key === 'Delete' || key === 'Backspace') return handled(), removeSpan(id);
    }
  });

  return { openEditor, select, selectedSpan };
}
