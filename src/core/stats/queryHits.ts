import type { SearchQuery } from '../search/query';
import type { StatsCorpus } from './corpus';
import { passesFilters } from './filters';
import { U32 } from './tokenStream';

/** Where a query matches in the word stream: article, word position in its text, and length in words. */
export interface QueryHits {
  readonly docs: Uint32Array;
  readonly positions: Uint32Array;
  readonly lengths: Uint8Array;
  /** Articles with at least one hit, ascending. */
  readonly articles: Uint32Array;
}

const NONE: QueryHits = {
  docs: new Uint32Array(0),
  positions: new Uint32Array(0),
  lengths: new Uint8Array(0),
  articles: new Uint32Array(0),
};

/** Term ids of a query word: the word itself, or every term it begins (prefix). */
function termIds(corpus: StatsCorpus, term: string, prefix: boolean): number[] {
  const { terms } = corpus.stream;
  const out: number[] = [];
  if (prefix) {
    for (let t = 0; t < terms.length; t++) if (terms[t].startsWith(term)) out.push(t);
  } else {
    const t = terms.indexOf(term);
    if (t >= 0) out.push(t);
  }
  return out;
}

/**
 * Hits of a query, as the search finds articles: every required word (exact, or every term of a
 * prefix; no typo matching, so counts are of what was asked) in the text or title, every phrase
 * in the text, no excluded word, and the query's filters. Each word or phrase occurrence in the
 * text is a hit; a phrase's words are not also counted alone. Sorted by article, then position.
 * Read from the word stream in one pass over the articles (`within`, or all of them).
 */
export function queryHits(
  corpus: StatsCorpus,
  q: SearchQuery,
  includeInferred = true,
  within?: Uint32Array,
): QueryHits {
  const { ids, starts, titleIds, titleStarts, terms } = corpus.stream;
  const groups = q.required.map((t) => termIds(corpus, t.term, t.prefix));
  const phrases = q.phrases.map((p) => p.map((w) => termIds(corpus, w, false)[0] ?? -1));
  if (groups.some((g) => !g.length) || phrases.some((p) => p.includes(-1))) return NONE;
  // Per term: the groups it satisfies (bits; a query has at most 32 words), and whether it is excluded.
  const mask = new Uint32Array(terms.length);
  groups.forEach((g, k) => {
    for (const t of g) mask[t] |= 1 << k;
  });
  const need = groups.length === 32 ? 0xffffffff : (1 << groups.length) - 1;
  const excluded = new Uint8Array(terms.length);
  for (const word of q.excluded) for (const t of termIds(corpus, word, false)) excluded[t] = 1;
  const firsts = new Uint8Array(terms.length);
  for (const p of phrases) firsts[p[0]] = 1;
  const titled = q.titleTerms.map((w) => termIds(corpus, w, false)[0] ?? -1);
  const docs = new U32();
  const positions = new U32();
  const lengths: number[] = [];
  const articles = new U32();
  const count = within ? within.length : starts.length - 1;
  const found: [number, number][] = [];
  const covered = new Set<number>();
  for (let k = 0; k < count; k++) {
    const d = within ? within[k] : k;
    const from = starts[d];
    const to = starts[d + 1];
    let has = 0;
    let out = false;
    let first = false;
    for (let i = from; i < to; i++) {
      const t = ids[i];
      has |= mask[t];
      first ||= firsts[t] === 1;
      if (excluded[t]) {
        out = true;
        break;
      }
    }
    if (out) continue;
    for (let i = titleStarts[d]; i < titleStarts[d + 1]; i++) {
      has |= mask[titleIds[i]];
      if (excluded[titleIds[i]]) out = true;
    }
    if (out || has >>> 0 !== need >>> 0 || (phrases.length && !first)) continue;
    if (!passesFilters(corpus.articles[d], q, includeInferred)) continue;
    if (titled.length) {
      const title = new Set(titleIds.subarray(titleStarts[d], titleStarts[d + 1]));
      if (!titled.every((t) => title.has(t))) continue;
    }
    found.length = 0;
    covered.clear();
    let phrasesFound = true;
    for (const p of phrases) {
      let any = false;
      for (let i = from; i + p.length <= to; i++) {
        if (ids[i] !== p[0]) continue;
        let all = true;
        for (let j = 1; j < p.length && all; j++) all = ids[i + j] === p[j];
        if (!all) continue;
        any = true;
        found.push([i - from, p.length]);
        for (let j = 0; j < p.length; j++) covered.add(i - from + j);
      }
      if (!any) phrasesFound = false;
    }
    if (!phrasesFound) continue;
    if (groups.length)
      for (let i = from; i < to; i++) if (mask[ids[i]] && !covered.has(i - from)) found.push([i - from, 1]);
    // An article matched by its title alone has no hit in the text, but it is one of the query's articles.
    articles.push(d);
    if (phrases.length) found.sort((a, b) => a[0] - b[0]);
    for (const [pos, len] of found) {
      docs.push(d);
      positions.push(pos);
      lengths.push(len);
    }
  }
  return {
    docs: docs.done(),
    positions: positions.done(),
    lengths: Uint8Array.from(lengths),
    articles: articles.done(),
  };
}
