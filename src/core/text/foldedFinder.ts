import { foldedLetterTable } from './foldPattern';
import { codePointClass, UNIT_CLASS, WORD_MARK, WORD_START, wordCharBefore } from './tokenize';

/**
 * Folded terms and phrases found in raw text by a scan of its units, matching exactly what the
 * regexes of foldPattern.ts match (any case, tone marks or none, NFC or NFD, `d` for `đ`), without
 * a regex: one made per query is parsed and compiled on its first run (~9 ms for a three-word phrase,
 * against ~0.2 ms to scan the hundred articles of its hits). A word whose letters are not all
 * letters or digits of the BMP (a combining mark of its own, a letter past the BMP) has no finder:
 * the regex then finds it (see `folded` and `phraseFinder`).
 */
export interface FoldedFinder {
  /** The units a match can start with (folded letters: a unit u starts one if u is one or folds to one). */
  readonly firsts: Uint16Array;
  /** Where a match starting at s[i] ends, s read as if it ended at `len`; -1 for none. */
  matchAt(s: string, i: number, len: number): number;
}

interface Word {
  readonly units: Uint16Array;
  readonly prefix: boolean;
}

/** The term's units, when each is a letter or digit of the BMP (the finder's case); else undefined. */
function wordOf(term: string, prefix: boolean): Word | undefined {
  if (!term.length) return undefined;
  const units = new Uint16Array(term.length);
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (UNIT_CLASS[c] !== WORD_START) return undefined;
    units[i] = c;
  }
  return { units, prefix };
}

/** After the marks (`\p{M}*`) from s[j]: a pair of units for a mark past the BMP. */
function afterMarks(s: string, j: number, len: number): number {
  while (j < len) {
    const c = s.charCodeAt(j);
    if (c < 0xd800 || c > 0xdfff) {
      if (UNIT_CLASS[c] !== WORD_MARK) return j;
      j++;
    } else if (pairAt(s, j, len)) {
      if (codePointClass(s.codePointAt(j)!) !== WORD_MARK + 4) return j;
      j += 2;
    } else return j;
  }
  return j;
}

/** Whether s[j] and s[j + 1] (before `len`) are a surrogate pair. */
function pairAt(s: string, j: number, len: number): boolean {
  const c = s.charCodeAt(j);
  if (c < 0xd800 || c > 0xdbff || j + 1 >= len) return false;
  const d = s.charCodeAt(j + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** Whether the code point at s[j] (before `len`) is a letter, digit or mark (`[\p{L}\p{N}\p{M}]`). */
function wordCharAt(s: string, j: number, len: number): boolean {
  if (j >= len) return false;
  const c = s.charCodeAt(j);
  if (c < 0xd800 || c > 0xdfff) return UNIT_CLASS[c] !== 0;
  return pairAt(s, j, len) && codePointClass(s.codePointAt(j)!) !== 0;
}

/** The end of word `w` matched at s[i], or -1: each letter in any of its spellings, marks after it; then the word's end (with `prefix`, the rest of the word). */
function wordAt(w: Word, letters: Uint16Array, s: string, i: number, len: number): number {
  const { units } = w;
  let j = i;
  for (let k = 0; k < units.length; k++) {
    if (j >= len) return -1;
    const c = s.charCodeAt(j);
    const u = units[k];
    if (c !== u && letters[c] !== u) return -1;
    j = afterMarks(s, j + 1, len);
  }
  if (!w.prefix) return wordCharAt(s, j, len) ? -1 : j;
  while (wordCharAt(s, j, len)) j += pairAt(s, j, len) ? 2 : 1;
  return j;
}

/** Each term's Word, or undefined when there is none or one has no finder (wordOf). */
function wordsOf(terms: readonly { term: string; prefix: boolean }[]): Word[] | undefined {
  const words: Word[] = [];
  for (const t of terms) {
    const w = wordOf(t.term, t.prefix);
    if (!w) return undefined;
    words.push(w);
  }
  return words.length ? words : undefined;
}

function firstsOf(words: readonly Word[]): Uint16Array {
  return Uint16Array.from(new Set(words.map((w) => w.units[0])));
}

/**
 * Any of the folded terms (with `prefix`, any word it begins) as the alternation of their
 * `foldedTermPattern(term, prefix, false)` finds them. Each alternative that matches at a place
 * ends where the word does, so which one matched does not change the match.
 */
export function folded(terms: readonly { term: string; prefix: boolean }[]): FoldedFinder | undefined {
  const words = wordsOf(terms);
  if (!words) return undefined;
  const letters = foldedLetterTable();
  return {
    firsts: firstsOf(words),
    matchAt(s, i, len) {
      for (const w of words) {
        const end = wordAt(w, letters, s, i, len);
        if (end >= 0) return end;
      }
      return -1;
    },
  };
}

/** The words of a phrase in a row, as `foldedPhrasePattern(words, false)` finds them: anything not a letter, digit or mark between them. */
export function phraseFinder(terms: readonly string[]): FoldedFinder | undefined {
  const words = wordsOf(terms.map((term) => ({ term, prefix: false })));
  if (!words) return undefined;
  const letters = foldedLetterTable();
  return {
    firsts: firstsOf(words.slice(0, 1)),
    matchAt(s, i, len) {
      let j = wordAt(words[0], letters, s, i, len);
      for (let k = 1; k < words.length && j >= 0; k++) {
        // The separator: one or more code points not a letter, digit or mark. The next word begins
        // with a letter or digit, so no shorter separator could let it match.
        const gap = j;
        while (j < len && !wordCharAt(s, j, len)) j += pairAt(s, j, len) ? 2 : 1;
        j = j === gap ? -1 : wordAt(words[k], letters, s, j, len);
      }
      return j;
    },
  };
}

/**
 * Matches in `body` that start a word, first to last, at most `limit`, as the scan of a global regex
 * over it finds them: a match starting after a letter, digit or mark (or at 0 when `before`, a word
 * going on from before the body) or refused by `accept` is passed over, and the search goes on
 * from the unit after its start; an accepted one, from its end. [start, end) in `body`.
 */
export function findFolded(
  finder: FoldedFinder,
  body: string,
  before: boolean,
  accept: ((start: number, end: number) => boolean) | undefined,
  limit: number,
): [number, number][] {
  const found: [number, number][] = [];
  const letters = foldedLetterTable();
  const { firsts } = finder;
  // Most queries' matches begin with one letter: its test without the loop.
  const only = firsts.length === 1 ? firsts[0] : -1;
  const len = body.length;
  for (let i = 0; i < len && found.length < limit; i++) {
    const c = body.charCodeAt(i);
    if (only >= 0) {
      if (c !== only && letters[c] !== only) continue;
    } else {
      let first = false;
      for (let f = 0; f < firsts.length && !first; f++) first = c === firsts[f] || letters[c] === firsts[f];
      if (!first) continue;
    }
    // Passed over whether or not it matches, as the regex's scan would pass over its match.
    if ((i === 0 && before) || wordCharBefore(body, i)) continue;
    const end = finder.matchAt(body, i, len);
    if (end < 0 || (accept && !accept(i, end))) continue;
    found.push([i, end]);
    i = end - 1;
  }
  return found;
}
