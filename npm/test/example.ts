// The example the package tests type-check (tsc --noEmit), run under Node
// and bundle with esbuild for the browser: annotate an article, check every
// span against the text in both offset units, and collect the errors.

import { Engine, annotate, createEngine } from 'article-annotator';
import type { AnnotateOptions, AnnotatedDocument, DateMention, Entity, Quote, Range, TimexType } from 'article-annotator';

export interface ExampleResult {
  document: AnnotatedDocument;
  utf16: AnnotatedDocument;
  /** Spans whose text is not the text at their offsets (should be none). */
  mismatches: string[];
  /** Messages of the errors for bad input, in the order of `BAD_CALLS`. */
  errors: string[];
  /** A summary line per entity, date and quote. */
  lines: string[];
}

const codepointSlice = (text: string, [start, end]: Range): string => Array.from(text).slice(start, end).join('');
const utf16Slice = (text: string, [start, end]: Range): string => text.slice(start, end);

function mismatches(doc: AnnotatedDocument, slice: (text: string, range: Range) => string): string[] {
  const spans: { start: number; end: number; text: string }[] = [...doc.entities, ...doc.dates, ...doc.quotes, ...doc.marked];
  const bad = spans.filter((s) => slice(doc.text, [s.start, s.end]) !== s.text).map((s) => `${s.start}-${s.end} ${s.text}`);
  for (const q of doc.quotes) {
    for (const m of q.speaker_mentions) if (q.speaker !== null && slice(doc.text, m) === '') bad.push(`empty mention ${m}`);
  }
  return bad;
}

function describe(e: Entity | DateMention | Quote): string {
  if ('label' in e) return `${e.label} ${e.text}${e.group === undefined ? '' : ` #${e.group}`}`;
  if ('type' in e) {
    const type: TimexType = e.type;
    return `${type} ${e.text} = ${e.value}${e.mod ? ` (${e.mod})` : ''}`;
  }
  return `QUOTE ${e.text} <- ${e.speaker ?? '?'}`;
}

/** Calls that must each throw an Error with the engine's message. */
export const BAD_CALLS: [unknown, unknown][] = [
  ['Nato met.', { dct: '2025-02-30' }],
  [42, undefined],
  ['Nato met.', { monthFirst: 'yes' }],
  ['Nato met.', { offsets: 'bytes' }],
];

export async function run(text: string, options: AnnotateOptions = {}): Promise<ExampleResult> {
  const document = await annotate(text, options);
  const engine = await createEngine();
  const utf16 = engine.annotate(text, { ...options, offsets: 'utf16' });
  const errors: string[] = [];
  for (const [badText, badOptions] of BAD_CALLS) {
    try {
      engine.annotate(badText as string, badOptions as AnnotateOptions);
      errors.push('no error');
    } catch (e) {
      errors.push(e instanceof Error ? e.message : `not an Error: ${String(e)}`);
    }
  }
  engine.free();
  const lines = [...document.entities, ...document.dates, ...document.quotes].map(describe);
  return {
    document,
    utf16,
    mismatches: [...mismatches(document, codepointSlice), ...mismatches(utf16, utf16Slice)],
    errors,
    lines,
  };
}

// Never called: lines the types must refuse (tsc fails if one is accepted).
export function typeChecks(doc: AnnotatedDocument): void {
  // @ts-expect-error: offsets are 'codepoint' or 'utf16'
  void annotate('x', { offsets: 'bytes' });
  // @ts-expect-error: monthFirst is a boolean
  void annotate('x', { monthFirst: 'yes' });
  // @ts-expect-error: the text is a string
  void annotate(42);
  // @ts-expect-error: labels are the four CoNLL types
  const label: Entity['label'] = 'PERSON';
  // @ts-expect-error: a date's value is a string, never a number
  const value: number = doc.dates[0].value;
  // @ts-expect-error: an Engine comes from createEngine()
  void new Engine();
  const speaker: string | null = doc.quotes[0].speaker;
  const cue: Range | undefined = doc.quotes[0].cue;
  void [label, value, speaker, cue];
}
