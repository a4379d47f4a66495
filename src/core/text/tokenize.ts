import { foldWord } from './fold';

/** A word of the text: its folded term and where it stands in the original string. */
export interface Token {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

// Letters, digits and combining marks: NFD text keeps its marks inside the word.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, from, to, (term, start, end) => { tokens.push({ term, start, end }); });
  return tokens;
}

export function forEachToken(text: string, from: number, to: number, visit: (term: string, start: number, end: number) => void): void {
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    visit(foldWord(m[0]), m.index, end);
  }
}

/** Folded terms of a string, for queries and index fields. */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}
