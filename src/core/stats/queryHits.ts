import type { SearchQuery } from '../search/query';
import { type ArticleRange, allArticles, positionsIn } from './articleRange';
import type { StatsCorpus } from './corpus';
import { passesFilters } from './filters';
import { articleAt, forEachInArticles, occurrencesOf } from './occurrences';
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

const lookups = new WeakMap<readonly string[], Map<string, number>>();

/** Term ids of a query word: the word itself, or every term it begins (prefix). */
function termIds(corpus: StatsCorpus, term: string, prefix: boolean): number[] {
  const { terms } = corpus.stream;
  if (prefix) {
    const out: number[] = [];
    for (let t = 0; t < terms.length; t++) if (terms[t].startsWith(term)) out.push(t);
    return out;
  }
  let map = lookups.get(terms);
  if (!map) {
    map = new Map();
    for (let t = 0; t < terms.length; t++) map.set(terms[t], t);
    lookups.set(terms, map);
  }
  const t = map.get(term);
  return t === undefined ? [] : [t];
}

/**
 * Hits of a query, as the search finds articles: every required word (exact, or every term of a
 * prefix; no typo matching, so counts are of what was asked) in the text or title, every phrase
 * in the text, no excluded word, and the query's filters. Each word or phrase occurrence in the
 * text is a hit; a phrase's words are not also counted alone. Sorted by article, then position.
 * Read from the terms' occurrence lists (occurrences.ts), so a rare word's hits cost little;
 * only the articles `within` (ascending, inside `range`) when given, and only those of `range`
 * (a worker's share of a split statistic: articleRange.ts), whose hits alone are read.
 */
export function queryHits(
  corpus: StatsCorpus,
  q: SearchQuery,
  includeInferred = true,
  within?: Uint32Array,
  range: ArticleRange = allArticles(corpus.stream.starts),
): QueryHits {
  const stream = corpus.stream;
  const { ids, starts, titleIds, titleStarts, terms } = stream;
  const A = starts.length - 1;
  const whole = range.from === 0 && range.to === A;
  const groups = q.required.map((t) => termIds(corpus, t.term, t.prefix));
  const phrases = q.phrases.map((p) => p.map((w) => termIds(corpus, w, false)[0] ?? -1));
  if (groups.some((g) => !g.length) || phrases.some((p) => p.includes(-1))) return NONE;
  const occ = occurrencesOf(stream);
  const list = (t: number) => {
    const all = occ.positions.subarray(occ.offsets[t], occ.offsets[t + 1]);
    return whole ? all : positionsIn(all, starts, range);
  };
  // Per article: the groups it has (bits: a query has at most 32 words), its phrases, and whether a word excludes it.
  const mask = new Uint32Array(terms.length);
  groups.forEach((g, k) => {
    for (const t of g) mask[t] |= 1 << k;
  });
  const need = groups.length === 32 ? 0xffffffff : (1 << groups.length) - 1;
  const words = [...new Set(groups.flat())];
  // Every position of the query's words, ascending: one list as it is, several merged by a numeric sort.
  let merged: Uint32Array;
  if (words.length === 1) merged = list(words[0]);
  else {
    let size = 0;
    for (const t of words) size += list(t).length;
    merged = new Uint32Array(size);
    let at = 0;
    for (const t of words) {
      merged.set(list(t), at);
      at += list(t).length;
    }
    merged.sort();
  }
  const has = new Uint32Array(A);
  forEachInArticles(starts, merged, (pos, d) => {
    has[d] |= mask[ids[pos]];
  });
  const out = new Uint8Array(A);
  const excluded = new Uint8Array(terms.length);
  for (const word of q.excluded)
    for (const t of termIds(corpus, word, false)) {
      excluded[t] = 1;
      forEachInArticles(starts, list(t), (_, d) => {
        out[d] = 1;
      });
    }
  if (groups.length || q.excluded.length)
    for (let d = range.from; d < range.to; d++)
      for (let i = titleStarts[d]; i < titleStarts[d + 1]; i++) {
        has[d] |= mask[titleIds[i]];
        if (excluded[titleIds[i]]) out[d] = 1;
      }
  // Phrase matches, anchored on the phrase's rarest word: global start, and which phrase.
  const matches = phrases.map((p) => {
    let anchor = 0;
    for (let j = 1; j < p.length; j++) if (list(p[j]).length < list(p[anchor]).length) anchor = j;
    const found = new U32();
    forEachInArticles(starts, list(p[anchor]), (pos, d) => {
      const start = pos - anchor;
      if (start < starts[d] || start + p.length > starts[d + 1]) return;
      for (let j = 0; j < p.length; j++) if (ids[start + j] !== p[j]) return;
      found.push(start);
    });
    return found.done();
  });
  const phraseHas = new Uint32Array(phrases.length ? A : 0);
  matches.forEach((m, k) => {
    for (const start of m) phraseHas[articleAt(starts, start)] |= 1 << k;
  });
  const needPhrases = phrases.length === 32 ? 0xffffffff : (1 << phrases.length) - 1;
  const titled = q.titleTerms.map((w) => termIds(corpus, w, false)[0] ?? -1);
  const ok = new Uint8Array(A);
  const articles = new U32();
  const count = within ? within.length : range.to - range.from;
  for (let k = 0; k < count; k++) {
    const d = within ? within[k] : range.from + k;
    if (out[d] || has[d] >>> 0 !== need >>> 0) continue;
    if (phrases.length && phraseHas[d] >>> 0 !== needPhrases >>> 0) continue;
    if (!passesFilters(corpus.articles[d], q, includeInferred)) continue;
    if (titled.length) {
      const title = new Set(titleIds.subarray(titleStarts[d], titleStarts[d + 1]));
      if (!titled.every((t) => title.has(t))) continue;
    }
    // An article matched by its title alone has no hit in the text, but it is one of the query's articles.
    ok[d] = 1;
    articles.push(d);
  }
  // No phrase (the common case): the merged positions are the hits, already in order.
  if (!phrases.length) {
    const docs = new U32();
    const positions = new U32();
    forEachInArticles(starts, merged, (pos, d) => {
      if (!ok[d]) return;
      docs.push(d);
      positions.push(pos - starts[d]);
    });
    return {
      docs: docs.done(),
      positions: positions.done(),
      lengths: new Uint8Array(docs.length).fill(1),
      articles: articles.done(),
    };
  }
  // Else the hits as one sorted list of keys: position · 64 + the phrase's number (63 for a word),
  // so phrases starting together keep their order and a word's length is 1.
  const covered = new Set<number>();
  const keyed: number[] = [];
  matches.forEach((m, k) => {
    for (const start of m)
      if (ok[articleAt(starts, start)]) {
        keyed.push(start * 64 + k);
        for (let j = 0; j < phrases[k].length; j++) covered.add(start + j);
      }
  });
  const keys = new U32();
  forEachInArticles(starts, merged, (pos, d) => {
    if (ok[d] && !covered.has(pos)) keys.push(pos);
  });
  const sorted = new Float64Array(keys.length + keyed.length);
  for (let i = 0; i < keys.length; i++) sorted[i] = keys.data[i] * 64 + 63;
  sorted.set(keyed, keys.length);
  sorted.sort();
  const docs = new Uint32Array(sorted.length);
  const positions = new Uint32Array(sorted.length);
  const lengths = new Uint8Array(sorted.length);
  let d = 0;
  for (let i = 0; i < sorted.length; i++) {
    const pos = Math.floor(sorted[i] / 64);
    const tag = sorted[i] - pos * 64;
    while (starts[d + 1] <= pos) d++;
    docs[i] = d;
    positions[i] = pos - starts[d];
    lengths[i] = tag === 63 ? 1 : phrases[tag].length;
  }
  return { docs, positions, lengths, articles: articles.done() };
}
