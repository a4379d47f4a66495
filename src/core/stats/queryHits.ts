import type { SearchQuery } from '../search/query';
import { hasPhrase, lookupTerm, positionsStart, postingOf } from '../search/termIndex';
import type { StatsCorpus } from './corpus';
import { passesFilters } from './filters';

/** Where a query matches in the word stream: article, word position in its text, and length in words. */
export interface QueryHits {
  readonly docs: Uint32Array;
  readonly positions: Uint32Array;
  readonly lengths: Uint8Array;
  /** Articles with at least one hit, ascending. */
  readonly articles: Uint32Array;
}

/**
 * Hits of a query from the index, as the search finds articles: every required word (exact, or
 * every term of a prefix; no typo matching, so counts are of what was asked) and every phrase,
 * in articles that have all of them and pass its filters. Each word or phrase occurrence is a
 * hit; a phrase's words are not also counted alone. Sorted by article, then position.
 */
export function queryHits(corpus: StatsCorpus, q: SearchQuery, includeInferred = true): QueryHits {
  const { index, dump } = corpus;
  const groups = q.required.map((t) => lookupTerm(index, t.term, t.prefix ? 'prefix' : 'exact').map((x) => x.id));
  const phrases = q.phrases.map((p) => p.map((w) => lookupTerm(index, w, 'exact')[0]?.id ?? -1));
  const docs: number[] = [];
  const positions: number[] = [];
  const lengths: number[] = [];
  const articles: number[] = [];
  if (groups.some((g) => !g.length) || phrases.some((p) => p.includes(-1)))
    return {
      docs: new Uint32Array(0),
      positions: new Uint32Array(0),
      lengths: new Uint8Array(0),
      articles: new Uint32Array(0),
    };
  const excluded = new Set<number>();
  for (const term of q.excluded)
    for (const { id } of lookupTerm(index, term, 'exact'))
      for (let p = index.offsets[id]; p < index.offsets[id + 1]; p++) excluded.add(index.docs[p]);
  // Articles that have every group and phrase.
  const count = new Uint16Array(index.articleCount);
  const need = groups.length + phrases.length;
  const mark = (ids: readonly number[], g: number) => {
    for (const id of ids)
      for (let p = index.offsets[id]; p < index.offsets[id + 1]; p++) {
        const d = index.docs[p];
        if (count[d] === g) count[d] = g + 1;
      }
  };
  groups.forEach((ids, g) => {
    mark(ids, g);
  });
  phrases.forEach((ids, k) => {
    mark([ids[0]], groups.length + k);
  });
  const { stream } = corpus;
  const words = new Set(groups.flat());
  for (let d = 0; d < index.articleCount; d++) {
    if (count[d] !== need || excluded.has(d)) continue;
    if (!passesFilters(dump.articles[d], q, includeInferred)) continue;
    if (!phrases.every((ids) => hasPhrase(index, ids, d))) continue;
    // From the postings' positions, not a scan of the article: O(hits), not O(words).
    const base = stream.starts[d];
    const length = stream.starts[d + 1] - base;
    const found: [number, number][] = [];
    const covered = new Set<number>();
    for (const ids of phrases) {
      const p = postingOf(index, ids[0], d);
      if (p < 0) continue;
      for (let k = positionsStart(index, p); k < positionsStart(index, p + 1); k++) {
        const at = index.positions[k];
        let all = at + ids.length <= length;
        for (let j = 1; j < ids.length && all; j++) all = stream.ids[base + at + j] === ids[j];
        if (all) {
          found.push([at, ids.length]);
          for (let j = 0; j < ids.length; j++) covered.add(at + j);
        }
      }
    }
    for (const id of words) {
      const p = postingOf(index, id, d);
      if (p < 0) continue;
      for (let k = positionsStart(index, p); k < positionsStart(index, p + 1); k++)
        if (!covered.has(index.positions[k])) found.push([index.positions[k], 1]);
    }
    // An article matched by its title alone has no hit in the text, but it is one of the query's articles.
    articles.push(d);
    found.sort((a, b) => a[0] - b[0]);
    for (const [pos, len] of found) {
      docs.push(d);
      positions.push(pos);
      lengths.push(len);
    }
  }
  return {
    docs: Uint32Array.from(docs),
    positions: Uint32Array.from(positions),
    lengths: Uint8Array.from(lengths),
    articles: Uint32Array.from(articles),
  };
}
