import type { TokenStream } from './tokenStream';

/**
 * Where each term occurs in the word stream: term t's stream positions are
 * positions[offsets[t] .. offsets[t + 1]), ascending. A counting sort of the stream, built once per
 * stream on first use (4 bytes a word): a query's hits are then read from its terms' lists, in
 * time with the hits rather than with the corpus.
 */
export interface Occurrences {
  readonly offsets: Uint32Array;
  readonly positions: Uint32Array;
}

const built = new WeakMap<TokenStream, Occurrences>();

export function occurrencesOf(stream: TokenStream): Occurrences {
  let occ = built.get(stream);
  if (!occ) {
    const { ids, terms } = stream;
    const offsets = new Uint32Array(terms.length + 1);
    for (let i = 0; i < ids.length; i++) offsets[ids[i] + 1]++;
    for (let t = 0; t < terms.length; t++) offsets[t + 1] += offsets[t];
    const next = offsets.slice(0, terms.length);
    const positions = new Uint32Array(ids.length);
    for (let i = 0; i < ids.length; i++) positions[next[ids[i]]++] = i;
    occ = { offsets, positions };
    built.set(stream, occ);
  }
  return occ;
}

/**
 * Calls visit(position, article) for each stream position in `list` (ascending), finding each
 * one's article by walking the article starts alongside, or by binary search when the list is
 * short next to the number of articles.
 */
export function forEachInArticles(
  starts: Uint32Array,
  list: Uint32Array,
  visit: (position: number, article: number) => void,
): void {
  const articles = starts.length - 1;
  if (list.length * 16 < articles) {
    for (const p of list) visit(p, articleAt(starts, p));
    return;
  }
  let d = 0;
  for (const p of list) {
    while (starts[d + 1] <= p) d++;
    visit(p, d);
  }
}

/** The article holding stream position p: the last d with starts[d] <= p (and a word at p). */
export function articleAt(starts: Uint32Array, p: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= p) lo = mid;
    else hi = mid - 1;
  }
  // Empty articles share a start with the next: the one whose range holds p.
  while (starts[lo + 1] <= p) lo++;
  return lo;
}
