import { joined, type Word } from './words';

/**
 * Every word-prefix of some keys (`bộ`, `bộ y` and `bộ y tế` of `bộ y tế`): a lookup of longer and longer
 * phrases can stop at the first phrase no key starts with, as no longer one can then be a key.
 */
export function keyPrefixes(...keySets: Iterable<string>[]): Set<string> {
  const out = new Set<string>();
  for (const keys of keySets)
    for (const key of keys) {
      const words = key.split(' ');
      for (let n = 1; n <= words.length; n++) out.add(words.slice(0, n).join(' '));
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
