import type { Share } from './frequency';

/** Articles [from, to) of a corpus, in its order. */
export interface ArticleRange {
  readonly from: number;
  readonly to: number;
}

/** Every article of a corpus with these starts. */
export const allArticles = (starts: Uint32Array): ArticleRange => ({ from: 0, to: starts.length - 1 });

/**
 * Share `index` of `of` of the articles: a run of them with about as many words as each other run
 * (cut before the first article starting at or past the share's first word), so the shares of a
 * corpus's workers cover every article once, in order.
 */
export function articleRange(starts: Uint32Array, share: Share): ArticleRange {
  const articles = starts.length - 1;
  const words = starts[articles];
  const cut = (k: number) => {
    if (k <= 0) return 0;
    if (k >= share.of) return articles;
    const word = Math.floor((k * words) / share.of);
    let lo = 0;
    let hi = articles;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] >= word) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return { from: cut(share.index), to: cut(share.index + 1) };
}

/** The part of an ascending list of stream positions that falls in the range's articles. */
export function positionsIn(list: Uint32Array, starts: Uint32Array, range: ArticleRange): Uint32Array {
  const first = (x: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] >= x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return list.subarray(first(starts[range.from]), first(starts[range.to]));
}
