// Types of article-annotator: the export document of the schema
// "article-annotator/1" (the CLI's output and the page's JSON export).

/** A CoNLL-2003 entity type. */
export type EntityLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A TimeML TIMEX3 type. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A TIMEX3 `mod`: how an expression narrows or loosens its value. */
export type TimexMod =
  | 'START'
  | 'MID'
  | 'END'
  | 'APPROX'
  | 'MORE_THAN'
  | 'LESS_THAN'
  | 'EQUAL_OR_MORE'
  | 'EQUAL_OR_LESS';

/** Where the document creation date came from. */
export type DctSource = 'input' | 'text' | 'none';

/** Why a span in quotation marks is not a quotation. */
export type MarkedKind = 'scare' | 'title' | 'nickname';

/** The unit of every offset in a document. */
export type OffsetUnit = 'codepoint' | 'utf16';

/** `[start, end)` offsets into the document's text. */
export type Range = [start: number, end: number];

/** A named entity mention. */
export interface Entity {
  start: number;
  end: number;
  text: string;
  label: EntityLabel;
  /** Index into `groups`: mentions of the same thing share it. */
  group?: number;
}

/** Mentions that refer to the same person, organisation, place or thing. */
export interface Group {
  id: number;
  /** The fullest name among the mentions. */
  name: string;
  label: EntityLabel;
  mentions: number;
}

/** A temporal expression with its TIMEX3 type and normalised value. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  /** The TIMEX3 value: `2025-02-09`, `2025-W03`, `P2Y`, `PRESENT_REF`, `XXXX-02-09` … */
  value: string;
  mod?: TimexMod;
}

/** A direct (or mixed) quotation: the text between the marks. */
export interface Quote {
  start: number;
  end: number;
  text: string;
  /** The speaker's fullest name, or the description used ("a spokeswoman"); null if unknown. */
  speaker: string | null;
  /** Every span of the text that refers to the speaker. */
  speaker_mentions: Range[];
  /** Index into `groups` when the speaker is a grouped entity. */
  speaker_group?: number;
  /** The speech verb or phrase that attributes the quotation ("said"). */
  cue?: Range;
}

/** A span in quotation marks that is not somebody's words. */
export interface Marked {
  start: number;
  end: number;
  text: string;
  kind: MarkedKind;
}

/** Everything found in one text. Offsets count `options.offsets` units, end exclusive. */
export interface AnnotatedDocument {
  schema: 'article-annotator/1';
  /** `article-annotator VERSION`. */
  tool: string;
  text: string;
  /** The reference date used, `YYYY-MM-DD`, or null. */
  dct: string | null;
  dct_source: DctSource;
  entities: Entity[];
  groups: Group[];
  dates: DateMention[];
  quotes: Quote[];
  marked: Marked[];
}

export interface AnnotateOptions {
  /** The article's date (`YYYY-MM-DD`, or a timestamp that starts with one: its date as written) for relative dates; else read from a dateline or byline. */
  dct?: string | null;
  /** Read `03/04/2025` as March 4 (default: day first, 3 April). */
  monthFirst?: boolean;
  /** `'codepoint'` (default: `Array.from(text)` indices, as the CLI) or `'utf16'` (`text.slice`, the DOM). */
  offsets?: OffsetUnit;
}

/** What `init` accepts: in browsers a URL, a Response or the bytes; in Node the bytes. */
export type WasmSource = string | URL | Response | ArrayBuffer | ArrayBufferView | WebAssembly.Module;

/** A loaded engine for many calls: `annotate` is synchronous. */
export declare class Engine {
  private constructor();
  /**
   * Annotates `text`. Throws an `Error` with the engine's message for a text
   * over 16 MiB, a bad `dct`, a `text` that is not a string, or bad options.
   */
  annotate(text: string, options?: AnnotateOptions): AnnotatedDocument;
  /** Releases the engine's memory; the engine cannot be used after. */
  free(): void;
}

/** Annotates `text` with a shared engine, loaded on the first call. */
export declare function annotate(text: string, options?: AnnotateOptions): Promise<AnnotatedDocument>;

/** Loads the engine and returns an `Engine` of your own. */
export declare function createEngine(): Promise<Engine>;

/**
 * Loads the wasm from `wasm` instead of from the package (Node) or from next
 * to the module (browsers). Optional: the first call loads it anyway.
 */
export declare function init(wasm?: WasmSource): Promise<void>;
