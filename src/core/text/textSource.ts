/**
 * A text read by ranges: a string is one, and so is a dump's text still in its bytes
 * (`ByteText`), decoded a range at a time. What a search needs of a text: snippets, matches
 * and concordance lines are slices of it, so it can answer before (or without) the whole text
 * being decoded.
 */
export interface TextSource {
  readonly length: number;
  /** UTF-16 units [start, end), as String.prototype.slice takes them (non-negative here). */
  slice(start: number, end: number): string;
}
