import { positionsStart, type TermIndex } from '../search/termIndex';

/**
 * Every article's words as term ids, in text order, rebuilt from the term index's positions (no
 * text is read): article d's words are ids[starts[d] .. starts[d + 1]). Titles are not included,
 * as the index's positions cover the text only. One pass over the positions, 4 bytes a word.
 */
export interface TokenStream {
  readonly ids: Uint32Array;
  readonly starts: Uint32Array;
  readonly terms: readonly string[];
}

export function tokenStreamOf(index: TermIndex): TokenStream {
  const n = index.articleCount;
  const termCount = index.offsets.length - 1;
  const starts = new Uint32Array(n + 1);
  for (let p = 0; p < index.docs.length; p++)
    starts[index.docs[p] + 1] += positionsStart(index, p + 1) - positionsStart(index, p);
  for (let d = 0; d < n; d++) starts[d + 1] += starts[d];
  const ids = new Uint32Array(starts[n]);
  for (let t = 0; t < termCount; t++) {
    for (let p = index.offsets[t]; p < index.offsets[t + 1]; p++) {
      const base = starts[index.docs[p]];
      for (let k = positionsStart(index, p); k < positionsStart(index, p + 1); k++) ids[base + index.positions[k]] = t;
    }
  }
  return { ids, starts, terms: index.terms };
}

/** Words in article d. */
export const articleLength = (s: TokenStream, d: number) => s.starts[d + 1] - s.starts[d];
