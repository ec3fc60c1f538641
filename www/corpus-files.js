// Files to corpus entries. Each file (or each line of a .jsonl file) becomes
// one of:
//   { kind: 'text',   id, source, text, dct }   an article to annotate
//   { kind: 'import', id, source, json }        an exported document, corrections kept
//   { kind: 'error',  source, error }           what could not be read, and why
// `source` names the file, and the line for JSONL ("news.jsonl, line 12").
// Reading yields to the page every few milliseconds (`pause`).

import { extractArticle } from './extract.js';

export const MAX_ARTICLE_BYTES = 16 * 1024 * 1024; // the engine's limit for one text
export const MAX_FILE_BYTES = 256 * 1024 * 1024; // a JSONL file of many articles
export const KINDS = '.txt, .json, .jsonl, .html';

const decoder = new TextDecoder('utf-8', { fatal: true });

function extension(name) {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? m[1].toLowerCase() : '';
}

function megabytes(n) {
  return `${Math.round(n / (1024 * 1024))} MB`;
}

/** A file's path for people: the folder path when dropped as a folder. */
export function fileLabel(file) {
  return file.corpusPath || file.webkitRelativePath || file.name || 'a file';
}

/** Whether the bytes look like a binary file (a NUL in the first 8 KB). */
function looksBinary(bytes) {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function decode(bytes) {
  let text = decoder.decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** The id of a file's article: its path in a dropped folder (or its name), without the extension. */
function stem(name) {
  return name.replace(/\.[^./\\]+$/, '') || name;
}

function idOf(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

// A date, or a publication timestamp that starts with one (the engine reads
// its date as written, as the command line does).
function isDate(s) {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)?)?$/.test(s.trim());
}

/**
 * Reads one file into entries, calling `emit(entry)` for each. Never throws
 * for a bad file: it becomes an error entry.
 */
export async function readFile(file, emit, pause) {
  const label = fileLabel(file);
  const ext = extension(file.name || '');
  const isJsonl = ext === 'jsonl' || ext === 'ndjson';
  const limit = isJsonl ? MAX_FILE_BYTES : MAX_ARTICLE_BYTES;
  if (file.size > limit) {
    emit({ kind: 'error', source: label, error: `the file is ${megabytes(file.size)}, more than the ${megabytes(limit)} the annotator reads in one file` });
    return;
  }
  try {
    if (looksBinary(new Uint8Array(await file.slice(0, 8192).arrayBuffer()))) {
      emit({ kind: 'error', source: label, error: 'it is a binary file, not text' });
      return;
    }
  } catch (err) {
    emit({ kind: 'error', source: label, error: `the browser could not read it (${err.message})` });
    return;
  }
  if (!['txt', 'text', 'md', 'json', 'jsonl', 'ndjson', 'html', 'htm', 'xhtml'].includes(ext)) {
    emit({ kind: 'error', source: label, error: `not a kind of file the annotator reads (${KINDS})` });
    return;
  }
  // A JSONL file is read as a stream, a line at a time: a big one never sits whole in the page.
  if (isJsonl) return readJsonl(file, label, emit, pause);
  let text;
  try {
    text = decode(new Uint8Array(await file.arrayBuffer()));
  } catch (err) {
    emit({ kind: 'error', source: label, error: err instanceof TypeError ? 'it is not UTF-8 text; save it as UTF-8 first' : `the browser could not read it (${err.message})` });
    return;
  }
  if (!text.trim()) {
    emit({ kind: 'error', source: label, error: 'it is empty: there is no text to annotate' });
    return;
  }
  if (ext === 'json') {
    let id = null;
    try {
      id = idOf(JSON.parse(text).id);
    } catch (err) {
      emit({ kind: 'error', source: label, error: `not JSON (${err.message})` });
      return;
    }
    emit({ kind: 'import', id: id ?? stem(label), source: label, json: text });
    return;
  }
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') {
    const article = extractArticle(text);
    if (!article.text.trim()) {
      emit({ kind: 'error', source: label, error: 'no article text was found in this page' });
      return;
    }
    emit({ kind: 'text', id: stem(label), source: label, text: article.text, dct: article.dct });
    return;
  }
  emit({ kind: 'text', id: stem(label), source: label, text, dct: null });
}

/** JSONL: CLI records `{"id", "text", "dct"}` or exported documents, one per line. */
async function readJsonl(file, label, emit, pause) {
  let lineNo = 0;
  let any = false;
  // Lines are cut on bytes and decoded one by one, so a line that is not UTF-8 fails alone, as on the command line.
  const line = async (bytes) => {
    lineNo++;
    const source = `${label}, line ${lineNo}`;
    let text;
    try {
      text = decoder.decode(bytes);
    } catch {
      emit({ kind: 'error', source, error: 'it is not UTF-8 text' });
      any = true;
      return;
    }
    if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (!text.trim()) return;
    any = true;
    jsonlLine(text, source, `${stem(label)}:${lineNo}`, emit);
    await pause();
  };
  const reader = file.stream().getReader();
  let rest = new Uint8Array(0);
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    let data = chunk.value;
    if (rest.length) {
      const joined = new Uint8Array(rest.length + data.length);
      joined.set(rest);
      joined.set(data, rest.length);
      data = joined;
    }
    let start = 0;
    for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, start)) {
      await line(data.subarray(start, nl));
      start = nl + 1;
    }
    rest = data.slice(start);
  }
  if (rest.length) await line(rest);
  if (!any) emit({ kind: 'error', source: label, error: 'it is empty: there are no records in it' });
}

function jsonlLine(line, source, fallbackId, emit) {
  let value;
  try {
    value = JSON.parse(line);
  } catch (err) {
    emit({ kind: 'error', source, error: `not JSON (${err.message})` });
    return;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || typeof value.text !== 'string') {
    emit({ kind: 'error', source, error: 'not a record with a "text" (expected {"id", "text", "dct"} or an exported document)' });
  } else if (line.length > MAX_ARTICLE_BYTES) {
    emit({ kind: 'error', source, error: `the record is more than the ${megabytes(MAX_ARTICLE_BYTES)} the annotator reads in one article` });
  } else if (typeof value.schema === 'string' && value.schema.startsWith('article-annotator/')) {
    emit({ kind: 'import', id: idOf(value.id) ?? fallbackId, source, json: line });
  } else if (value.dct != null && !isDate(value.dct)) {
    emit({ kind: 'error', source, error: `its "dct" ${JSON.stringify(value.dct)} is not a date (YYYY-MM-DD, or a timestamp that starts with one)` });
  } else if (!value.text.trim()) {
    emit({ kind: 'error', source, error: 'its "text" is empty' });
  } else {
    emit({ kind: 'text', id: idOf(value.id) ?? fallbackId, source, text: value.text, dct: value.dct ? value.dct.trim().slice(0, 10) : null });
  }
}

/**
 * The files of a drop, folders walked (hidden files left out). Must be
 * called during the drop event: the browser forgets the items after it.
 */
export function droppedFiles(dataTransfer) {
  const entries = [...(dataTransfer.items || [])]
    .filter((item) => item.kind === 'file')
    .map((item) => (item.webkitGetAsEntry ? item.webkitGetAsEntry() : null));
  const plain = [...(dataTransfer.files || [])];
  if (!entries.length || entries.some((e) => !e)) return { hasFolder: false, files: Promise.resolve(plain) };
  const hasFolder = entries.some((e) => e.isDirectory);
  if (!hasFolder) return { hasFolder, files: Promise.resolve(plain) };
  const walk = async (entry, path) => {
    if (entry.name.startsWith('.')) return [];
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      file.corpusPath = `${path}${entry.name}`;
      return [file];
    }
    const reader = entry.createReader();
    const children = [];
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (!batch.length) break;
      children.push(...batch);
    }
    children.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
    const out = [];
    for (const child of children) out.push(...(await walk(child, `${path}${entry.name}/`)));
    return out;
  };
  return {
    hasFolder,
    files: Promise.all(entries.map((e) => walk(e, ''))).then((lists) => lists.flat()),
  };
}
