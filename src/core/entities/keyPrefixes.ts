import { joined, type Word } from './words';

/**
 * The word-affixes of some keys, with the words that stand at each place of them (from 0: from the start for
 * prefixes, from the end for suffixes): a lookup can stop at a word no affix has at its place before it
 * joins that word to its phrase (a new string, hashed once and thrown away) to ask the set.
 */
export class KeyAffixes extends Set<string> {
  private readonly wordsAt: Set<string>[] = [];

  addWordAt(n: number, word: string): void {
    (this.wordsAt[n] ??= new Set()).add(word);
  }

  /**
   * The place after a phrase's next word `lower` at `place` (the place of the phrase's first word after its
   * first: `placeOf(first)`), or NO_AFFIX where no affix has that word there. A lower case of several words
   * (`s. lavrov`, an initial joined to its name) is let through, and places are no longer counted (UNCOUNTED).
   */
  placeAfter(place: number, lower: string): number {
    if (place === UNCOUNTED || lower.includes(' ')) return UNCOUNTED;
    return place < this.wordsAt.length && this.wordsAt[place].has(lower) ? place + 1 : NO_AFFIX;
  }
}
export const NO_AFFIX = -2;
const UNCOUNTED = -1;
/** The place after a phrase's first word (its lower case). */
export const placeOf = (first: string): number => (first.includes(' ') ? UNCOUNTED : 1);

/**
 * Every word-prefix of some keys (`bộ`, `bộ y` and `bộ y tế` of `bộ y tế`): a lookup of longer and longer
 * phrases can stop at the first phrase no key starts with, as no longer one can then be a key.
 */
export const keyPrefixes = (...keySets: Iterable<string>[]): KeyAffixes =>
  wordAffixes(
    keySets,
    (words, n) => words.slice(0, n),
    (words) => words,
  );

/**
 * The phrases `take` cuts from each key's words, for every length from one word to the whole key, and each
 * key's words in the order the lookup meets them (`order`).
 */
function wordAffixes(
  keySets: Iterable<string>[],
  take: (words: string[], n: number) => string[],
  order: (words: string[]) => string[],
): KeyAffixes {
  const out = new KeyAffixes();
  for (const keys of keySets)
    for (const key of keys) {
      const words = key.split(' ');
      for (let n = 1; n <= words.length; n++) out.add(take(words, n).join(' '));
      const met = order(words);
      for (let n = 0; n < met.length; n++) out.addWordAt(n, met[n]);
    }
  return out;
}

/**
 * How many words from words[i] on (at most `max`) are joined into a phrase some key starts with: no key
 * spelt by words[i..i+n) is longer (`phrase` gives '' past a break between words, which no key is either).
 */
export function prefixReach(
  text: string,
  words: readonly Word[],
  i: number,
  max: number,
  prefixes: KeyAffixes,
): number {
  let key = words[i].lower;
  if (!prefixes.has(key)) return 0;
  let place = placeOf(key);
  let n = 1;
  while (n < max && i + n < words.length && joined(text, words, i + n)) {
    const next = words[i + n].lower;
    place = prefixes.placeAfter(place, next);
    if (place === NO_AFFIX) break;
    key += ` ${next}`;
    if (!prefixes.has(key)) break;
    n++;
  }
  return n;
}

/** Every word-suffix of some keys (`tế`, `y tế` and `bộ y tế` of `bộ y tế`), for lookups backwards. */
export const keySuffixes = (...keySets: Iterable<string>[]): KeyAffixes =>
  wordAffixes(
    keySets,
    (words, n) => words.slice(-n),
    (words) => [...words].reverse(),
  );

/**
 * The most words (at most `max`) ending at words[at - 1] whose phrase `isKey` accepts, or 0: longer and longer
 * phrases backwards, stopping at a break between words or at the first phrase no key ends with (`suffixes`),
 * as no longer one can then be a key. The same answer as trying every length longest first. (`isKey` is given
 * the words too, so a caller's test need not be a closure made at each call.)
 */
export function longestKeyEndingAt(
  text: string,
  words: readonly Word[],
  at: number,
  max: number,
  suffixes: KeyAffixes,
  isKey: (key: string, from: number, words: readonly Word[]) => boolean,
): number {
  const most = Math.min(max, at);
  if (most < 1) return 0;
  let key = words[at - 1].lower;
  let place = placeOf(key);
  let best = 0;
  for (let n = 1; n <= most; n++) {
    if (n > 1) {
      if (!joined(text, words, at - n + 1)) break;
      const before = words[at - n].lower;
      place = suffixes.placeAfter(place, before);
      if (place === NO_AFFIX) break;
      key = `${before} ${key}`;
    }
    if (!suffixes.has(key)) break;
    if (isKey(key, at - n, words)) best = n;
  }
  return best;
}
