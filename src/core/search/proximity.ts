import { bm25Idf, K1 } from './bm25';
import { positionsStart, postingOf, type TermIndex } from './termIndex';

/**
 * Vietnamese words are several syllables, typed unquoted (`bao lu` for *bão lũ*). For each pair of
 * consecutive query words, an article where they stand together, in order, ranks above every
 * article where they are only scattered (a tier per adjacent pair), and within a tier the pair is
 * scored as one more BM25 term, from the index's word positions. Phrases in quotes stay exact: this
 * only reorders the candidates that already matched.
 */
const PAIR_TIER = 1000;
/** A prefix expanding to many terms is left out of pairs: its positions would cost more than the boost is worth. */
const MAX_PAIR_TERMS = 8;

/** How often some term of `left` is directly followed by some term of `right` in article `doc`. */
export function adjacentCount(
  index: TermIndex,
  left: readonly { id: number }[],
  right: readonly { id: number }[],
  doc: number,
): number {
  let count = 0;
  for (const a of left) {
    const pa = postingOf(index, a.id, doc);
    if (pa < 0) continue;
    for (const b of right) {
      const pb = postingOf(index, b.id, doc);
      if (pb < 0) continue;
      let i = positionsStart(index, pa);
      const iEnd = positionsStart(index, pa + 1);
      let j = positionsStart(index, pb);
      const jEnd = positionsStart(index, pb + 1);
      while (i < iEnd && j < jEnd) {
        const want = index.positions[i] + 1;
        const have = index.positions[j];
        if (have === want) {
          count++;
          i++;
          j++;
        } else if (have < want) j++;
        else i++;
      }
    }
  }
  return count;
}

/** Adds the adjacency boost of each consecutive pair of `groups` (query order) to `scores[doc]` for every doc in `docs`. */
export function boostAdjacentPairs(
  index: TermIndex,
  groups: readonly (readonly { id: number }[])[],
  docs: Uint32Array,
  scores: Float64Array,
  counts: Uint32Array,
): void {
  const n = index.articleCount;
  for (let g = 0; g + 1 < groups.length; g++) {
    if (groups[g].length > MAX_PAIR_TERMS || groups[g + 1].length > MAX_PAIR_TERMS) continue;
    let df = 0;
    for (let k = 0; k < docs.length; k++) {
      counts[k] = adjacentCount(index, groups[g], groups[g + 1], docs[k]);
      if (counts[k]) df++;
    }
    if (!df) continue;
    const idf = bm25Idf(n, df);
    for (let k = 0; k < docs.length; k++) {
      const tf = counts[k];
      if (tf) scores[docs[k]] += PAIR_TIER + (idf * tf * (K1 + 1)) / (tf + K1);
    }
  }
}
