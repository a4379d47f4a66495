import { foldWord } from './fold';

/** A word of the text: its folded term and where it stands in the original string. */
export interface Token {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

// A word is a letter or digit followed by letters, digits and combining marks (NFD text keeps its
// marks inside the word). Classes come from a table over the BMP, built once: a hand scan over it
// tokenizes several times faster than a Unicode-property regex, and indexing is mostly tokenizing.
const START = 1;
const CONTINUE = 2;
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const ch = String.fromCharCode(c);
  if (/[\p{L}\p{N}]/u.test(ch)) CLASS[c] = START;
  else if (/\p{M}/u.test(ch)) CLASS[c] = CONTINUE;
}

/**
 * The class of each UTF-16 unit as the word scan sees it: WORD_START (a letter or digit),
 * WORD_MARK (a combining mark) or 0 (surrogates 0: see codePointClass past the BMP). To be read, not written.
 */
export const UNIT_CLASS: Uint8Array = CLASS;
export const WORD_MARK = CONTINUE;

/** Classes of code points past the BMP, as met (a regex each the first time): rare in any text. */
const ASTRAL = new Map<number, number>();

/**
 * The class of a code point as the word scan sees it: START (a letter or digit), CONTINUE (a
 * combining mark) or 0; past the BMP, START + 4 or CONTINUE + 4 (two UTF-16 units). For a scan of
 * UTF-8 bytes that must cut the same words as the scan of the decoded text.
 */
export function codePointClass(cp: number): number {
  if (cp < 0x10000) return CLASS[cp];
  if (cp > 0x10ffff) return 0;
  let k = ASTRAL.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = /[\p{L}\p{N}]/u.test(ch) ? START + 4 : /\p{M}/u.test(ch) ? CONTINUE + 4 : 0;
    if (ASTRAL.size < 4096) ASTRAL.set(cp, k);
  }
  return k;
}

export const WORD_START = START;

/** The class of the character at i (START, CONTINUE or 0) and its length in UTF-16 units. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return CLASS[c];
  const cp = text.codePointAt(i)!;
  if (cp <= 0xffff) return 0;
  const ch = String.fromCodePoint(cp);
  return /[\p{L}\p{N}]/u.test(ch) ? START + 4 : /\p{M}/u.test(ch) ? CONTINUE + 4 : 0;
}

/** Whether the character just before `i` belongs to a word (so a match starting at `i` starts mid-word). */
export function wordCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return classAt(text, i - 2) !== 0;
  return CLASS[c] !== 0;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, from, to, (term, start, end) => {
    tokens.push({ term, start, end });
  });
  return tokens;
}

export function forEachToken(
  text: string,
  from: number,
  to: number,
  visit: (term: string, start: number, end: number) => void,
): void {
  forEachWord(text, from, to, (word, start, end) => visit(foldWord(word), start, end));
}

/** The words of text[from, to) as written, unfolded: for callers that fold (or look up) them their own way. */
export function forEachWord(
  text: string,
  from: number,
  to: number,
  visit: (word: string, start: number, end: number) => void,
): void {
  forEachWordSpan(text, from, to, (start, end) => visit(text.slice(start, end), start, end), false);
}

/**
 * The words of text[from, to) as spans, with a hash of each word's UTF-16 units (FNV-1a, as a
 * signed 32-bit integer: a small integer to V8, where an unsigned one over 2^31 is a boxed number
 * made per word), for a caller that looks words up in a table of its own without making a string
 * of each (the index builder); `hashed` false: no hash (0), for a caller that makes the strings.
 */
export function forEachWordSpan(
  text: string,
  from: number,
  to: number,
  visit: (start: number, end: number, hash: number) => void,
  hashed = true,
): void {
  let i = from;
  const n = text.length;
  while (i < to) {
    let c = text.charCodeAt(i);
    let k = c < 0xd800 || c > 0xdbff ? CLASS[c] : classAt(text, i);
    if ((k & 3) !== START) {
      i += k & 4 ? 2 : 1;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    for (;;) {
      const step = k & 4 ? 2 : 1;
      if (hashed) for (let s = 0; s < step; s++) hash = Math.imul(hash ^ text.charCodeAt(i + s), 0x01000193);
      i += step;
      if (i >= n) break;
      c = text.charCodeAt(i);
      k = c < 0xd800 || c > 0xdbff ? CLASS[c] : classAt(text, i);
      if (k === 0) break;
    }
    if (i > to) return;
    visit(start, i, hashed ? hash | 0 : 0);
  }
}

/** The hash forEachWordSpan gives text[start, end): FNV-1a over its UTF-16 units, signed. */
export function spanHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** Folded terms of a string, for queries and index fields. */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}
