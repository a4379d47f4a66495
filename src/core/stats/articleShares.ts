import { type ArticleRange, allArticles } from './articleRange';
import { addCollocateCounts, type CollocateCounts, collocateCounts, collocatesOfCounts } from './collocates';
import type { StatsCorpus } from './corpus';
import { dispersion, evenlySpread } from './dispersion';
import { termCounts } from './frequency';
import { countsByTerm, keywordsOfCounts } from './keywords';
import { type QueryHits, queryHits } from './queryHits';
import type { StatsReply, StatsRequest } from './request';
import { queryOf, spellerOf, stopWordsOf } from './requestOptions';
import { stopForms } from './stopWords';
import { selectArticles, tokensIn } from './subset';
import { collocateTable, dispersionTable, keywordTable, trendTable } from './tables';
import { articlesByPeriod, hitsPerArticle, trendOfCounts } from './trends';

/**
 * Statistics split by article across the workers of a split dump (each holds the whole joined
 * corpus, with the same term ids): each worker counts over its run of articles (articleRange.ts),
 * the counts are added up on one of them, and the scores are computed once from the sums. Every
 * count is an integer sum over articles, so the result is the whole reading's, exactly.
 */
export type ArticleSplitRequest = StatsRequest & { stat: 'collocates' | 'keywords' | 'trends' | 'dispersion' };

export const splitsByArticle = (r: StatsRequest): r is ArticleSplitRequest =>
  r.stat === 'collocates' || r.stat === 'keywords' || r.stat === 'trends' || r.stat === 'dispersion';

/** One share's counts; `docs` are its articles of the subset, ascending. */
export type StatsPartial =
  | { readonly stat: 'collocates'; readonly docs: Uint32Array; readonly counts: CollocateCounts }
  | {
      readonly stat: 'keywords';
      readonly docs: Uint32Array;
      /** Per term id, without the stop words; the reference's articles and words. */
      readonly focus: Uint32Array;
      readonly reference: Uint32Array;
      readonly referenceArticles: number;
      readonly referenceTokens: number;
    }
  /** Per query, the hits in each of `docs` (hitsPerArticle). */
  | { readonly stat: 'trends'; readonly docs: Uint32Array; readonly hits: Uint32Array[] }
  | { readonly stat: 'dispersion'; readonly docs: Uint32Array; readonly hits: QueryHits };

/** The counts of one share of the articles (all of them by default). */
export function partialStats(
  corpus: StatsCorpus,
  req: ArticleSplitRequest,
  range: ArticleRange = allArticles(corpus.stream.starts),
): StatsPartial {
  const docs = selectArticles(corpus, req.subset, range);
  const inferred = req.subset?.includeInferredDates ?? true;
  const hitsOf = (q: string) => queryHits(corpus, queryOf(q), inferred, docs, range);
  switch (req.stat) {
    case 'collocates': {
      const stopWords = stopWordsOf(req.stopWords);
      return {
        stat: 'collocates',
        docs,
        counts: collocateCounts(corpus, docs, hitsOf(req.query), { ...req, stopWords }),
      };
    }
    case 'keywords': {
      const inFocus = new Uint8Array(corpus.articles.length);
      for (const d of docs) inFocus[d] = 1;
      const ref = req.reference
        ? selectArticles(corpus, req.reference, range)
        : selectArticles(corpus, {}, range).filter((d) => !inFocus[d]);
      const stop = stopForms(corpus.stream, stopWordsOf(req.stopWords));
      return {
        stat: 'keywords',
        docs,
        focus: termCounts(corpus, docs, stop),
        reference: termCounts(corpus, ref, stop),
        referenceArticles: ref.length,
        referenceTokens: tokensIn(corpus, ref),
      };
    }
    case 'trends':
      return { stat: 'trends', docs, hits: req.queries.map((q) => hitsPerArticle(docs, hitsOf(q))) };
    case 'dispersion':
      return { stat: 'dispersion', docs, hits: hitsOf(req.query) };
  }
}

/** The buffers of a share's counts, to transfer rather than copy. */
export function partialBuffers(p: StatsPartial): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [p.docs];
  if (p.stat === 'collocates') arrays.push(p.counts.observed, p.counts.freq);
  else if (p.stat === 'keywords') arrays.push(p.focus, p.reference);
  else if (p.stat === 'trends') arrays.push(...p.hits);
  else arrays.push(p.hits.docs, p.hits.positions, p.hits.lengths, p.hits.articles);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Typed arrays end to end, in order. */
function concat<T extends Uint32Array | Uint8Array>(lists: readonly T[], make: (n: number) => T): T {
  if (lists.length === 1) return lists[0];
  let n = 0;
  for (const l of lists) n += l.length;
  const out = make(n);
  let at = 0;
  for (const l of lists) {
    out.set(l, at);
    at += l.length;
  }
  return out;
}

const u32 = (n: number) => new Uint32Array(n);

/** Integer counts per term id, added up. */
function addCounts(lists: readonly Uint32Array[]): Uint32Array {
  if (lists.length === 1) return lists[0];
  const out = new Uint32Array(lists[0].length);
  for (const l of lists) for (let t = 0; t < out.length; t++) out[t] += l[t];
  return out;
}

/** The statistic from the counts of every share, in article order: scores, spellings and table once. */
export function finishStats(
  corpus: StatsCorpus,
  req: ArticleSplitRequest,
  partials: readonly StatsPartial[],
): StatsReply {
  const docs = concat(
    partials.map((p) => p.docs),
    u32,
  );
  const stopWords = stopWordsOf(req.stopWords);
  const inferred = req.subset?.includeInferredDates ?? true;
  const speller = spellerOf(corpus, stopWords);
  const base = { articles: docs.length, tokens: tokensIn(corpus, docs) };
  const terms = corpus.stream.terms;
  const of = <S extends StatsPartial['stat']>(_stat: S) => partials as readonly Extract<StatsPartial, { stat: S }>[];
  switch (req.stat) {
    case 'collocates': {
      const counts = addCollocateCounts(of('collocates').map((p) => p.counts));
      const c = collocatesOfCounts(terms, counts, { ...req, stopWords });
      return {
        ...base,
        table: collocateTable(
          c,
          speller(
            c.rows.map((r) => r.term),
            docs,
          ),
        ),
        notes: [],
      };
    }
    case 'keywords': {
      const shares = of('keywords');
      let refArticles = 0;
      let refTokens = 0;
      for (const p of shares) {
        refArticles += p.referenceArticles;
        refTokens += p.referenceTokens;
      }
      const k = keywordsOfCounts(
        countsByTerm(terms, addCounts(shares.map((p) => p.focus)), base.tokens),
        countsByTerm(terms, addCounts(shares.map((p) => p.reference)), refTokens),
        { ...req, stopWords },
      );
      const spell = speller(
        [...k.positive, ...k.negative].map((r) => r.term),
        selectArticles(corpus),
      );
      return {
        ...base,
        table: keywordTable(k, spell),
        notes: [`reference: ${refArticles} articles, ${k.referenceTokens} words`],
      };
    }
    case 'trends': {
      const by = req.by ?? 'month';
      const shares = of('trends');
      const periods = articlesByPeriod(corpus, docs, by, inferred);
      const series = req.queries.map((query, q) => ({
        query,
        trend: trendOfCounts(
          corpus,
          docs,
          concat(
            shares.map((p) => p.hits[q]),
            u32,
          ),
          by,
          inferred,
          periods,
        ),
      }));
      const notes = series
        .filter((s) => s.trend.unplaced)
        .map((s) => `${s.query}: ${s.trend.unplaced} hits in articles without a ${by}`);
      return { ...base, table: trendTable(series), notes };
    }
    case 'dispersion': {
      const shares = of('dispersion').map((p) => p.hits);
      const hits: QueryHits = {
        docs: concat(
          shares.map((h) => h.docs),
          u32,
        ),
        positions: concat(
          shares.map((h) => h.positions),
          u32,
        ),
        lengths: concat(
          shares.map((h) => h.lengths),
          (n) => new Uint8Array(n),
        ),
        articles: concat(
          shares.map((h) => h.articles),
          u32,
        ),
      };
      const plot = dispersion(corpus, docs, hits, inferred);
      // A common word has millions of hits: the panel asks for a few thousand, which draw the same
      // plot and cross the threads (and the host, as JSON to the page) in milliseconds.
      const shown = evenlySpread(plot.hits, req.limit);
      const notes =
        shown.length < plot.hits.length ? [`${shown.length} of ${plot.hits.length} hits shown, evenly spread`] : [];
      return { ...base, table: dispersionTable({ ...plot, hits: shown }, (i) => corpus.articles[i].name), notes };
    }
  }
}
