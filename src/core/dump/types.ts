import type { ForeignEncoding } from './encoding';

/** Precision of a date as the dump gives it: `2022`, `2022-11` or `2022-11-08`. */
export type DatePrecision = 'year' | 'month' | 'day';

/** How a date was found: a tag or header says so (explicit), or the text mentions it (inferred). */
export type DateKind = 'explicit' | 'inferred';

export interface ArticleDate {
  /** ISO form at its precision: `2022`, `2022-11`, `2022-11-08`. */
  readonly value: string;
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: DatePrecision;
  readonly kind: DateKind;
}

export interface Article {
  /** Position in the dump; names need not be unique, so this is the identity. */
  readonly index: number;
  readonly name: string;
  readonly title: string;
  readonly source?: string;
  /** Undefined means undated: no date is ever invented. */
  readonly date?: ArticleDate;
  readonly headers: Readonly<Record<string, string>>;
  /** 0-based line of the marker. */
  readonly startLine: number;
  /** 0-based line of the last body line (the marker line for an empty article). */
  readonly endLine: number;
  /** UTF-16 offset of the marker line's first character in the text as read. */
  readonly startOffset: number;
  /** UTF-16 offset just past the last body line's content (before its line break). */
  readonly endOffset: number;
  /** Offsets of the article's text: the body after metadata, without surrounding blank lines. */
  readonly textStartOffset: number;
  readonly textEndOffset: number;
  /** 0-based line where the text starts (the date tag's line when the text follows the tag). */
  readonly textStartLine: number;
  /** Whether an end line (`<<<END>>>`) closed the article. */
  readonly closed: boolean;
  /** Set when the article has no title, name or first line, so its title is `#N` (N counted over the whole dump). */
  readonly untitled?: true;
}

export type ProblemCode =
  | 'stray-text'
  | 'malformed-marker'
  | 'invalid-utf8'
  | 'encoding'
  | 'nul-bytes'
  | 'invalid-date'
  | 'end-without-article';

export interface DumpProblem {
  readonly code: ProblemCode;
  /** 0-based first and last line the problem covers. */
  readonly line: number;
  readonly endLine: number;
  readonly message: string;
  /** invalid-utf8: how many bad bytes (absent on the warning that more follow). */
  readonly count?: number;
  /** encoding: which encoding the file is in instead of UTF-8, and whether it was read as that. */
  readonly encoding?: ForeignEncoding;
  readonly decoded?: boolean;
}

export interface Dump {
  readonly articles: readonly Article[];
  readonly problems: readonly DumpProblem[];
  /** Lines before the first marker, if any are not blank. */
  readonly preamble?: { readonly startLine: number; readonly endLine: number };
  readonly lineCount: number;
}
