import type { Article, Dump } from '../dump/types';
import { collapsedLengths, collapseSpace, excerpt } from '../text/excerpt';
import { foldDiacritics, foldWord } from '../text/fold';
import { findFolded, type FoldedFinder, folded, phraseFinder } from '../text/foldedFinder';
import { foldedPhrasePattern, foldedTermPattern } from '../text/foldPattern';
import { LineIndex } from '../text/lines';
import type { TextSource } from '../text/textSource';
import { terms, wordCharBefore } from '../text/tokenize';
import type { SearchQuery } from './query';
import { boundsOf, dateTest } from './dateBounds';
import { bm25Idf, K1 } from './bm25';
import { boostAdjacentPairs } from './proximity';
import { warmUpQueries } from './warmUp';
import {
  BLOCK_SHIFT,
  buildTermIndex,
  keepPhrase,
  lookupTerm,
  prefixTerms,
  TITLE_WEIGHT,
  type TermIndex,
  termFrequency,
} from './termIndex';

export interface SearchHit {
  readonly dumpKey: string;
  readonly article: Article;
  readonly score: number;
  /** Offsets of the best match in the dump's text, as the editor holds it. */
  readonly matchStart: number;
  readonly matchEnd: number;
  readonly snippet: string;
  /** Ranges of the matched words inside `snippet`. */
  readonly highlights: readonly [number, number][];
}

/** One line of a concordance: the match with its left and right context. */
export interface ConcordanceLine {
  readonly dumpKey: string;
  readonly article: Article;
  readonly start: number;
  readonly end: number;
  /** 0-based line and column of the match, as the editor counts them. */
  readonly line: number;
  readonly column: number;
  readonly left: string;
  readonly match: string;
  readonly right: string;
}

/** A prefix that begins more terms than a query expands to: only the `kept` most frequent of its `total` were searched. */
export interface PrefixCap {
  readonly prefix: string;
  readonly total: number;
  readonly kept: number;
}

/** Ranked hits, and the prefixes that were cut short (to say so). */
export interface SearchResult {
  readonly hits: SearchHit[];
  readonly capped: PrefixCap[];
}

export interface Shard {
  readonly key: string;
  /** Read by ranges only (snippets, matches): a dump's text may still be in its bytes. */
  readonly text: TextSource;
  readonly dump: Dump;
  readonly index: TermIndex;
}

const FUZZY_MIN = 5;
/** Fuzzy lookup costs grow with a word's length; past this a word is looked up exactly. */
const FUZZY_MAX = 24;
const B = 0.75;

/** Candidate articles of one shard with their scores, before the text is read. */
interface Scored {
  shard: Shard;
  docs: Uint32Array;
  scores: Float64Array;
  matcher: Matcher;
  capped: PrefixCap[];
}

/**
 * Finds a query's words and phrases in an article's raw text, rather than tokenizing the article:
 * by a scan of its units (FoldedFinder), or for words the scan does not take, by the regex.
 */
interface Matcher {
  words?: Pattern;
  phrases: Pattern[];
  isWord(folded: string): boolean;
}

type Pattern = FoldedFinder | RegExp;

/** A query prefix as the text is searched for it: any word it begins, or (capped) only the terms kept. */
interface PrefixMatch {
  readonly prefix: string;
  readonly only?: ReadonlySet<string>;
}

function matcherFor(q: SearchQuery, wordTerms: Set<string>, prefixes: PrefixMatch[]): Matcher {
  // A capped prefix is found by its prefix pattern too: one short alternative, not a hundred.
  const alternatives = [
    ...[...wordTerms].map((term) => ({ term, prefix: false })),
    ...prefixes.map((p) => ({ term: p.prefix, prefix: true })),
  ];
  const words = () => new RegExp(alternatives.map((a) => foldedTermPattern(a.term, a.prefix, false)).join('|'), 'gu');
  return {
    words: alternatives.length ? (folded(alternatives) ?? words()) : undefined,
    phrases: q.phrases.map((p) => phraseFinder(p) ?? new RegExp(foldedPhrasePattern(p, false), 'gu')),
    isWord: (folded) =>
      wordTerms.has(folded) || prefixes.some((p) => (p.only ? p.only.has(folded) : folded.startsWith(p.prefix))),
  };
}

/** Matches of `pattern` in text[from, to) that start a word, first to last; stops after `limit`. `accept` is given each match's text. */
function scan(
  pattern: Pattern,
  text: TextSource,
  from: number,
  to: number,
  accept?: (match: string) => boolean,
  limit = Infinity,
): [number, number][] {
  // The range alone: a regex with no match here must not scan on through the rest of the dump.
  const body = text.slice(from, to);
  // Whether a word goes on from before the range: the two units before it are enough (a surrogate pair).
  const before = from > 0 && wordCharBefore(text.slice(Math.max(0, from - 2), from), Math.min(2, from));
  if (!(pattern instanceof RegExp)) {
    const found = findFolded(pattern, body, before, accept && ((s, e) => accept(body.slice(s, e))), limit);
    for (const f of found) {
      f[0] += from;
      f[1] += from;
    }
    return found;
  }
  const re = pattern;
  const found: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(body); m && found.length < limit; m = re.exec(body)) {
    if (!wordCharBefore(body, m.index) && !(m.index === 0 && before) && (!accept || accept(m[0])))
      found.push([from + m.index, from + m.index + m[0].length]);
    else re.lastIndex = m.index + 1;
  }
  return found;
}

/** Searches one or more dumps, each with its own TermIndex; a dump that changes is re-indexed alone. */
export class SearchEngine {
  private readonly shards = new Map<string, Shard>();

  /**
   * `phrasesFirst: false` scores a query of phrases alone as any other query, every article that
   * holds their words scored before the phrases are checked: the tests' reference for the
   * phrase-first path (see phraseCandidates).
   */
  constructor(private readonly options: { readonly phrasesFirst?: boolean } = {}) {}

  /** Without an index given, one is built, from the whole text (decoded, if it is still in its bytes). */
  set(key: string, text: TextSource, dump: Dump, index?: TermIndex): void {
    index ??= buildTermIndex(typeof text === 'string' ? text : text.slice(0, text.length), dump);
    const shard = { key, text, dump, index };
    this.shards.set(key, shard);
    // Ahead, when the dump is indexed: a first query does not pay for them (set already for a dump
    // whose articles are made on read, from its table: see setBoundsFromTable).
    boundsOf(dump);
    scratch(shard);
  }

  delete(key: string): void {
    this.shards.delete(key);
  }

  has(key: string): boolean {
    return this.shards.has(key);
  }

  get keys(): string[] {
    return [...this.shards.keys()];
  }

  get articleCount(): number {
    let n = 0;
    // From the indexes (one entry an article): a dump's article objects may not be made yet.
    for (const s of this.shards.values()) n += s.index.articleCount;
    return n;
  }

  /** Runs a query of each kind on one dump's index, results thrown away: see warmUpQueries. */
  warmUp(key: string): void {
    const shard = this.shards.get(key);
    if (!shard) return;
    const only = new SearchEngine(this.options);
    only.shards.set(key, shard);
    for (const q of warmUpQueries(shard.index)) only.search(q, 10);
    shard.index.dictionary.byLength();
  }

  /** Ranked hits, best first; each with the exact place of its best match and a snippet. */
  query(q: SearchQuery, limit = 50): SearchHit[] {
    return this.search(q, limit).hits;
  }

  /** As query, with the prefixes whose expansion was capped. */
  search(q: SearchQuery, limit = 50): SearchResult {
    const phrasesFirst = this.options.phrasesFirst ?? true;
    const scored = [...this.shards.values()].map((shard) => candidates(shard, q, phrasesFirst));
    const capped = mergeCaps(scored.flatMap((s) => s.capped));
    const heads = scored.map((sc) => rank(sc, limit)).filter((r) => r.next());
    const hits: SearchHit[] = [];
    while (hits.length < limit && heads.length) {
      let best = 0;
      for (let i = 1; i < heads.length; i++) if (heads[i].score > heads[best].score) best = i;
      const head = heads[best];
      const { shard } = head.scored;
      const article = shard.dump.articles[head.doc];
      const match = findMatch(shard.text, article, head.scored.matcher, false);
      if (match)
        hits.push({
          dumpKey: shard.key,
          article,
          score: head.score,
          ...match.best,
          ...snippetAround(shard.text, article, match.best.matchStart, match.best.matchEnd, head.scored.matcher),
        });
      // Not past the last hit wanted: once the walk's first selection is used up, its next step heaps every
      // other candidate (a common word's 50,000), which no hit would then use.
      if (hits.length >= limit) break;
      if (!head.next()) heads.splice(best, 1);
    }
    return { hits, capped };
  }

  /** Every match in every matching article, in corpus order, with `width` characters of context each side. */
  concordance(q: SearchQuery, max = 10_000, width = 60): { lines: ConcordanceLine[]; truncated: boolean } {
    const lines: ConcordanceLine[] = [];
    for (const shard of [...this.shards.values()].sort((a, b) => a.key.localeCompare(b.key))) {
      const scored = candidates(shard, q, this.options.phrasesFirst ?? true);
      const docs = [...scored.docs].sort((a, b) => a - b);
      for (const doc of docs) {
        const article = shard.dump.articles[doc];
        const match = findMatch(shard.text, article, scored.matcher, true);
        if (!match) continue;
        // Lines counted from one match to the next, not from the article's start for each: linear in a huge article.
        let line = article.startLine;
        let lineStart = article.startOffset;
        let counted = article.startOffset;
        for (const [start, end] of match.occurrences) {
          if (lines.length >= max) return { lines, truncated: true };
          const from = Math.max(article.textStartOffset, start - width);
          const to = Math.min(article.textEndOffset, end + width);
          const gap = new LineIndex(shard.text.slice(counted, start));
          if (gap.lineCount > 1) {
            line += gap.lineCount - 1;
            lineStart = counted + gap.lineStart(gap.lineCount - 1);
          }
          counted = start;
          lines.push({
            dumpKey: shard.key,
            article,
            start,
            end,
            line,
            column: start - lineStart,
            left: collapseSpace(shard.text.slice(from, start)),
            match: collapseSpace(shard.text.slice(start, end)),
            right: collapseSpace(shard.text.slice(end, to)),
          });
        }
      }
    }
    return { lines, truncated: false };
  }
}

/** Articles that have every required word and phrase word, none excluded, passing the filters; scored by BM25. */
function candidates(shard: Shard, q: SearchQuery, phrasesFirst: boolean): Scored {
  const { index, dump } = shard;
  const n = index.articleCount;
  const wordTerms = new Set<string>();
  const prefixes: PrefixMatch[] = [];
  const groups: { id: number; weight: number }[][] = [];
  const capped: PrefixCap[] = [];
  for (const t of q.required) {
    if (t.prefix) {
      const { ids, total } = prefixTerms(index, t.term);
      // A capped prefix matches only the terms kept, in the text as in the index.
      if (total > ids.length) {
        capped.push({ prefix: t.term, total, kept: ids.length });
        prefixes.push({ prefix: t.term, only: new Set(ids.map((id) => index.terms[id])) });
      } else prefixes.push({ prefix: t.term });
      groups.push(ids.map((id) => ({ id, weight: index.terms[id] === t.term ? 1 : 0.6 })));
      continue;
    }
    const mode = t.term.length >= FUZZY_MIN && t.term.length <= FUZZY_MAX ? 'fuzzy' : 'exact';
    const ids = lookupTerm(index, t.term, mode);
    for (const { id } of ids) wordTerms.add(index.terms[id]);
    groups.push(ids);
  }
  // In query order, before the sort below: the adjacency boost pairs each word with the next.
  const pairGroups = q.required.length > 1 ? groups.slice(0, q.required.length) : [];
  for (const word of q.phrases.flat()) groups.push(lookupTerm(index, word, 'exact'));

  const { scores, stage } = scratch(shard);
  scores.fill(0);
  stage.fill(0);
  const phraseIds = q.phrases.map((p) => p.map((w) => lookupTerm(index, w, 'exact')[0]?.id ?? -1));
  const size = (g: { id: number }[]) => g.reduce((s, { id }) => s + index.offsets[id + 1] - index.offsets[id], 0);
  let docs: Uint32Array;
  if (groups.some((g) => !g.length)) {
    docs = new Uint32Array(0);
  } else if (!groups.length) {
    // Only title words (or filters): every article is a candidate, the filters below decide.
    docs = Uint32Array.from({ length: n }, (_, i) => i);
  } else if (phrasesFirst && !q.required.length) {
    // In the order the other path scores them in: an article's terms are added in the same order.
    groups.sort((a, b) => size(a) - size(b));
    docs = phraseCandidates(shard, groups, phraseIds);
  } else {
    groups.sort((a, b) => size(a) - size(b));
    // Candidates in a reused array, narrowed in place group by group: no garbage per query.
    const list = scratch(shard).list;
    let count = 0;
    const { norms } = scratch(shard);
    const { offsets } = index;
    for (let g = 0; g < groups.length; g++) {
      for (const { id, weight } of groups[g]) {
        const from = offsets[id];
        const to = offsets[id + 1];
        const idf = bm25Idf(n, to - from);
        count = scorePostings(index, from, to, g, weight * idf, stage, list, count, scores, norms);
      }
      if (g > 0) {
        let kept = 0;
        for (let k = 0; k < count; k++) if (stage[list[k]] === g + 1) list[kept++] = list[k];
        count = kept;
      }
    }
    docs = list.subarray(0, count);
    // Phrases from word positions: an article without the words in a row is out before any text is read.
    for (let i = 0; i < phraseIds.length && docs.length; i++)
      docs = docs.subarray(0, keepPhrase(index, phraseIds[i], docs));
  }

  const excluded = new Set<number>();
  for (const term of q.excluded) {
    for (const { id } of lookupTerm(index, term, 'exact')) {
      for (let p = index.offsets[id]; p < index.offsets[id + 1]; p++) excluded.add(index.docs[p]);
    }
  }
  if (q.dates && docs.length) {
    // A pass of its own: two comparisons of typed arrays an article, no article object read.
    const dated = dateTest(dump, q.dates.ranges);
    let kept = 0;
    for (let k = 0; k < docs.length; k++) if (dated(docs[k])) docs[kept++] = docs[k];
    docs = docs.subarray(0, kept);
  }
  const keep = (doc: number) => {
    if (excluded.has(doc)) return false;
    const article = dump.articles[doc];
    if (q.source && !foldDiacritics(article.source ?? '').includes(q.source)) return false;
    if (q.titleTerms.length) {
      const title = new Set(terms(article.title));
      if (!q.titleTerms.every((t) => title.has(t))) return false;
      scores[doc] += q.titleTerms.length;
    }
    return true;
  };
  if (excluded.size || q.source || q.titleTerms.length) {
    // In place (the list is this query's own): no new array.
    let kept = 0;
    for (let k = 0; k < docs.length; k++) if (keep(docs[k])) docs[kept++] = docs[k];
    docs = docs.subarray(0, kept);
  }
  if (pairGroups.length && docs.length) boostAdjacentPairs(index, pairGroups, docs, scores, scratch(shard).counts);
  return { shard, docs, scores, matcher: matcherFor(q, wordTerms, prefixes), capped };
}

/**
 * One term's postings [from, to) scored into the candidates of group `g` (see candidates): an
 * article still in the running gets the term's BM25 part, and group 0 adds its articles to `list`
 * (the new count is returned). A function of its own, every argument a number or a typed array, so
 * that this loop — a common word's 50,000 postings — is optimised on its own and stays so whatever
 * shape the rest of a query has: inline in `candidates`, a run on code not (or no longer) optimised
 * boxed every intermediate score, ~4 MB of garbage and several times the time of an optimised run.
 */
function scorePostings(
  index: TermIndex,
  from: number,
  to: number,
  g: number,
  scale: number,
  stage: Uint16Array,
  list: Uint32Array,
  count: number,
  scores: Float64Array,
  norms: Float64Array,
): number {
  const { docs: postings, titleCounts, posBase, posLow } = index;
  for (let p = from; p < to; p++) {
    const doc = postings[p];
    const at = stage[doc];
    if (at !== g && at !== g + 1) continue;
    if (at === g) {
      stage[doc] = g + 1;
      if (g === 0) list[count++] = doc;
    }
    // termFrequency(index, p), inline.
    const body = posBase[(p + 1) >> BLOCK_SHIFT] + posLow[p + 1] - posBase[p >> BLOCK_SHIFT] - posLow[p];
    const tf = Math.min(65535, body + TITLE_WEIGHT * titleCounts[p]);
    scores[doc] += (scale * (tf * (K1 + 1))) / (tf + norms[doc]);
  }
  return count;
}

/**
 * The candidates of a query of phrases alone (`groups`: each phrase word's term, sorted as the
 * other path sorts them), scored: the rarest word's articles, kept where each phrase is in a row
 * (keepPhrase), and only those scored. The other path scores every article that holds all the
 * words, then checks the phrases: for three common words (`"a bộ trong"`), 34,617 articles of a
 * 50,003-article part scored and walked again for the 3 kept. The scores are the same to the bit:
 * each article's terms added in the same order, each by the same sum.
 */
function phraseCandidates(
  shard: Shard,
  groups: { id: number; weight: number }[][],
  phraseIds: number[][],
): Uint32Array {
  const { index } = shard;
  const { offsets } = index;
  const { list, scores, norms } = scratch(shard);
  const n = index.articleCount;
  // Every phrase word has its one term here (groups has none empty): the first is the rarest.
  const rarest = groups[0][0].id;
  list.set(index.docs.subarray(offsets[rarest], offsets[rarest + 1]));
  let docs = list.subarray(0, offsets[rarest + 1] - offsets[rarest]);
  for (let i = 0; i < phraseIds.length && docs.length; i++)
    docs = docs.subarray(0, keepPhrase(index, phraseIds[i], docs));
  if (!docs.length) return docs;
  for (const group of groups)
    for (const { id, weight } of group) {
      const from = offsets[id];
      const to = offsets[id + 1];
      const idf = bm25Idf(n, to - from);
      scoreDocs(index, from, to, weight * idf, docs, scores, norms);
    }
  return docs;
}

/**
 * As scorePostings adds a term's part, to the articles `docs` alone (ascending, each holding the
 * term), its postings [from, to) walked by a cursor.
 */
function scoreDocs(
  index: TermIndex,
  from: number,
  to: number,
  scale: number,
  docs: Uint32Array,
  scores: Float64Array,
  norms: Float64Array,
): void {
  const postings = index.docs;
  let p = from;
  for (let k = 0; k < docs.length; k++) {
    const doc = docs[k];
    while (p < to && postings[p] < doc) p++;
    // The kept articles are few: termFrequency itself, where scorePostings inlines it for every posting.
    const tf = termFrequency(index, p);
    scores[doc] += (scale * (tf * (K1 + 1))) / (tf + norms[doc]);
  }
}

/** One cap a prefix, across shards (or workers): the largest vocabulary's count. */
export function mergeCaps(caps: readonly PrefixCap[]): PrefixCap[] {
  const byPrefix = new Map<string, PrefixCap>();
  for (const c of caps) {
    const seen = byPrefix.get(c.prefix);
    if (!seen || c.total > seen.total) byPrefix.set(c.prefix, c);
  }
  return [...byPrefix.values()];
}

interface Scratch {
  scores: Float64Array;
  stage: Uint16Array;
  list: Uint32Array;
  heap: Uint32Array;
  counts: Uint32Array;
  /** BM25's length part of each article, K1 · (1 − B + B · length / average): the same for every term and query. */
  norms: Float64Array;
}

const scratches = new WeakMap<TermIndex, Scratch>();

/** Per-index score and match-count arrays, reused by every query (the worker answers one at a time): no garbage per query. */
function scratch(shard: Shard): Scratch {
  let s = scratches.get(shard.index);
  if (!s) {
    const { articleCount: n, lengths, averageLength } = shard.index;
    const norms = new Float64Array(n);
    for (let doc = 0; doc < n; doc++) norms[doc] = K1 * (1 - B + (B * lengths[doc]) / averageLength);
    s = {
      scores: new Float64Array(n),
      stage: new Uint16Array(n),
      list: new Uint32Array(n),
      heap: new Uint32Array(n),
      counts: new Uint32Array(n),
      norms,
    };
    scratches.set(shard.index, s);
  }
  return s;
}

/** Past this many candidates per hit wanted, the best are selected first rather than all heaped. */
const SELECT_FACTOR = 4;

/**
 * A lazy best-first walk over scored candidates (score, then article order). With many more
 * candidates than `want`, the `want` best are picked in one pass (a small heap of the worst kept:
 * most candidates are one comparison) and walked first; should the walk need more (a hit whose
 * text does not match), the rest follow, heaped then. The order is exactly a full sort's.
 */
function rank(scored: Scored, want: number) {
  const heap = scratch(scored.shard).heap;
  const s = scored.scores;
  const docs = scored.docs;
  const before = (a: number, b: number) => s[a] > s[b] || (s[a] === s[b] && a < b);
  let size = 0;
  /** Sifts heap[i] down, the best candidate on top (`worst`: the worst on top). */
  const down = (i: number, worst: boolean) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < size && before(heap[l], heap[top]) !== worst) top = l;
      if (r < size && before(heap[r], heap[top]) !== worst) top = r;
      if (top === i) return;
      const t = heap[i];
      heap[i] = heap[top];
      heap[top] = t;
      i = top;
    }
  };
  const heapify = (worst: boolean) => {
    for (let i = (size >> 1) - 1; i >= 0; i--) down(i, worst);
  };
  /** The worst of the first selection: every candidate after it is in the rest. */
  let last = -1;
  if (want > 0 && docs.length > SELECT_FACTOR * want) {
    heap.set(docs.subarray(0, want));
    size = want;
    heapify(true);
    for (let k = want; k < docs.length; k++) {
      const doc = docs[k];
      if (before(doc, heap[0])) {
        heap[0] = doc;
        down(0, true);
      }
    }
    last = heap[0];
  } else {
    heap.set(docs);
    size = docs.length;
  }
  heapify(false);
  const walker = {
    scored,
    doc: -1,
    score: 0,
    next(): boolean {
      if (!size && last >= 0) {
        // The selection is used up: the candidates after its worst, heaped.
        for (let k = 0; k < docs.length; k++) if (before(last, docs[k])) heap[size++] = docs[k];
        last = -1;
        heapify(false);
      }
      if (!size) return false;
      walker.doc = heap[0];
      walker.score = s[heap[0]];
      size--;
      if (size) {
        heap[0] = heap[size];
        down(0, false);
      }
      return true;
    },
  };
  return walker;
}

/**
 * Where the article matches: phrase occurrences (the article fails without one), then matched
 * words. The best is the first phrase occurrence, else the first matched word. With `all`, every
 * occurrence (a concordance); otherwise only the first, and the caller looks for more only
 * around it, in the snippet.
 */
function findMatch(text: TextSource, article: Article, matcher: Matcher, all: boolean) {
  const from = article.textStartOffset;
  const to = article.textEndOffset;
  const limit = all ? Infinity : 1;
  const phraseRanges: [number, number][] = [];
  for (const phrase of matcher.phrases) {
    const found = scan(phrase, text, from, to, undefined, limit);
    if (!found.length) return undefined;
    phraseRanges.push(...found);
  }
  const isWord = (word: string) => matcher.isWord(foldWord(word));
  const words =
    matcher.words && (all || !phraseRanges.length) ? scan(matcher.words, text, from, to, isWord, limit) : [];
  phraseRanges.sort((a, b) => a[0] - b[0]);
  const first = phraseRanges[0] ?? words[0];
  // Only the title matched: point at the article's first line.
  const best = first ? { matchStart: first[0], matchEnd: first[1] } : { matchStart: from, matchEnd: from };
  const inPhrase = (w: [number, number]) => phraseRanges.some(([s, e]) => w[0] >= s && w[1] <= e);
  const occurrences = [...phraseRanges, ...words.filter((w) => !inPhrase(w))].sort((a, b) => a[0] - b[0]);
  return { best, occurrences };
}

/** Every phrase and word match inside [from, to), for highlighting a snippet. */
function matchesIn(text: TextSource, from: number, to: number, matcher: Matcher): [number, number][] {
  const phrases = matcher.phrases.flatMap((p) => scan(p, text, from, to));
  const inPhrase = (w: [number, number]) => phrases.some(([s, e]) => w[0] >= s && w[1] <= e);
  const words = matcher.words ? scan(matcher.words, text, from, to, (word) => matcher.isWord(foldWord(word))) : [];
  return [...phrases, ...words.filter((w) => !inPhrase(w))].sort((a, b) => a[0] - b[0]);
}

function snippetAround(text: TextSource, article: Article, start: number, end: number, matcher: Matcher) {
  const ex = excerpt(text, article, start, end, 60, 80);
  // White space collapses in the excerpt, so offsets map through the same collapse.
  const collapsed = collapsedLengths(text.slice(ex.from, ex.to));
  const mapOffset = (o: number) => ex.lead.length + collapsed(o - ex.from);
  const highlights = matchesIn(text, ex.from, ex.to, matcher).map(
    ([s, e]) => [mapOffset(s), mapOffset(e)] as [number, number],
  );
  return { snippet: ex.text, highlights };
}
