import { joined, type Word } from './words';

/**
 * Every word-prefix of some keys (`bộ`, `bộ y` and `bộ y tế` of `bộ y tế`): a lookup of longer and longer
 * phrases can stop at the first phrase no key starts with, as no longer one can then be a key.
 */
export const keyPrefixes = (...keySets: Iterable<string>[]): Set<string> =>
  wordAffixes(keySets, (words, n) => words.slice(0, n));

/** The phrases `take` cuts from each key's words, for every length from one word to the whole key. */
function wordAffixes(keySets: Iterable<string>[], take: (words: string[], n: number) => string[]): Set<string> {
  const out = new Set<string>();
  for (const keys of keySets)
    for (const key of keys) {
      const words = key.split(' ');
      for (let n = 1; n <= words.length; n++) out.add(take(words, n).join(' '));
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
  prefixes: ReadonlySet<string>,
): number {
  let key = words[i].lower;
  if (!prefixes.has(key)) return 0;
  let n = 1;
  while (n < max && i + n < words.length && joined(text, words, i + n)) {
    key += ` ${words[i + n].lower}`;
    if (!prefixes.has(key)) break;
    n++;
  }
  return n;
}

/** Every word-suffix of some keys (`tế`, `y tế` and `bộ y tế` of `bộ y tế`), for lookups backwards. */
export const keySuffixes = (...keySets: Iterable<string>[]): Set<string> =>
  wordAffixes(keySets, (words, n) => words.slice(-n));

/**
 * The most words (at most `max`) ending at words[at - 1] whose phrase `isKey` accepts, or 0: longer and longer
 * phrases backwards, stopping at a break between words or at the first phrase no key ends with (`suffixes`),
 * as no longer one can then be a key. The same answer as trying every length longest first.
 */
export function longestKeyEndingAt(
  text: string,
  words: readonly Word[],
  at: number,
  max: number,
  suffixes: ReadonlySet<string>,
  isKey: (key: string, from: number) => boolean,
): number {
  const most = Math.min(max, at);
  if (most < 1) return 0;
  let key = words[at - 1].lower;
  let best = 0;
  for (let n = 1; n <= most; n++) {
    if (n > 1) {
      if (!joined(text, words, at - n + 1)) break;
      key = `${words[at - n].lower} ${key}`;
    }
    if (!suffixes.has(key)) break;
    if (isKey(key, at - n)) best = n;
  }
  return best;
}
