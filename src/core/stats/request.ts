import { parseQuery } from '../search/query';
import { collocates } from './collocates';
import type { StatsCorpus } from './corpus';
import { dispersion, evenlySpread } from './dispersion';
import { frequencyList, type Share } from './frequency';
import { keywords } from './keywords';
import type { Granularity } from './periods';
import { queryHits } from './queryHits';
import { spellingsOf } from './spellings';
import { stopWordSet } from './stopWords';
import { SubsetError, type SubsetSpec, selectArticles, tokensIn } from './subset';
import {
  changingTable,
  collocateTable,
  dispersionTable,
  frequencyTable,
  keywordTable,
  type Table,
  trendTable,
} from './tables';
import { risingFalling, trend } from './trends';

/** One statistic to compute, as plain data: what the worker protocol carries and the panel sends. */
export type StatsRequest = {
  readonly subset?: SubsetSpec;
  readonly stopWords?: 'default' | 'none' | readonly string[];
} & (
  | { readonly stat: 'words'; readonly n?: number; readonly minFreq?: number; readonly limit?: number }
  | {
      readonly stat: 'collocates';
      readonly query: string;
      readonly left?: number;
      readonly right?: number;
      readonly minFreq?: number;
      readonly sortBy?: 'logDice' | 'mi' | 'll' | 't';
      readonly limit?: number;
    }
  | {
      readonly stat: 'keywords';
      /** The reference: these articles of the same dump; absent, the rest of it. */
      readonly reference?: SubsetSpec;
      readonly simpleMathsN?: number;
      readonly minFreq?: number;
      readonly sortBy?: 'll' | 'logRatio' | 'simpleMaths';
      readonly limit?: number;
    }
  | { readonly stat: 'trends'; readonly queries: readonly string[]; readonly by?: Granularity }
  | {
      readonly stat: 'rising';
      readonly by?: Granularity;
      readonly minPeriodTokens?: number;
      readonly minFreq?: number;
      readonly limit?: number;
    }
  | {
      readonly stat: 'dispersion';
      readonly query: string;
      /** Most hits listed (evenly spread in date order, so the plot keeps its shape); absent, all. */
      readonly limit?: number;
    }
);

export interface StatsReply {
  readonly table: Table;
  /** The subset's size, always shown with the statistic. */
  readonly articles: number;
  readonly tokens: number;
  /** Anything the figures leave out (sparse periods, unplaced hits), in plain words. */
  readonly notes: string[];
}

function queryOf(text: string) {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new SubsetError(parsed.error);
  return parsed.query;
}

/** Rows a word or n-gram list returns when the request sets no limit. */
export const WORDS_LIMIT = 5000;

/**
 * Computes a statistic on one dump. Throws SubsetError for a malformed subset or query. With a
 * `share`, a word or n-gram list has only the rows whose first word is the share's (shares.ts).
 */
export function runStats(corpus: StatsCorpus, req: StatsRequest, share?: Share): StatsReply {
  const docs = selectArticles(corpus, req.subset);
  const inferred = req.subset?.includeInferredDates ?? true;
  const stopWords =
    req.stopWords === 'none'
      ? stopWordSet('')
      : Array.isArray(req.stopWords)
        ? stopWordSet(req.stopWords)
        : stopWordSet();
  const base = { articles: docs.length, tokens: tokensIn(corpus, docs) };
  const speller = (terms: string[], over = docs) => {
    const s = spellingsOf(corpus, over, terms, undefined, stopWords);
    return (t: string) => s.get(t) ?? t;
  };
  switch (req.stat) {
    case 'words': {
      const list = frequencyList(corpus, docs, {
        n: req.n,
        minFreq: req.minFreq,
        limit: req.limit ?? WORDS_LIMIT,
        stopWords,
        share,
      });
      return { ...base, table: frequencyTable(list, speller(list.rows.map((r) => r.term))), notes: [] };
    }
    case 'collocates': {
      const c = collocates(corpus, docs, queryHits(corpus, queryOf(req.query), inferred, docs), { ...req, stopWords });
      return { ...base, table: collocateTable(c, speller(c.rows.map((r) => r.term))), notes: [] };
    }
    case 'keywords': {
      const inFocus = new Set(docs);
      const ref = req.reference
        ? selectArticles(corpus, req.reference)
        : selectArticles(corpus).filter((d) => !inFocus.has(d));
      const k = keywords({ corpus, docs }, { corpus, docs: ref }, { ...req, stopWords });
      const all = selectArticles(corpus);
      return {
        ...base,
        table: keywordTable(
          k,
          speller(
            [...k.positive, ...k.negative].map((r) => r.term),
            all,
          ),
        ),
        notes: [`reference: ${ref.length} articles, ${k.referenceTokens} words`],
      };
    }
    case 'trends': {
      const by = req.by ?? 'month';
      const series = req.queries.map((q) => ({
        query: q,
        trend: trend(corpus, docs, queryHits(corpus, queryOf(q), inferred, docs), by, inferred),
      }));
      const notes = series
        .filter((s) => s.trend.unplaced)
        .map((s) => `${s.query}: ${s.trend.unplaced} hits in articles without a ${by}`);
      return { ...base, table: trendTable(series), notes };
    }
    case 'rising': {
      const rf = risingFalling(corpus, docs, req.by ?? 'month', { ...req, stopWords, includeInferredDates: inferred });
      const notes = [
        ...(rf.sparse.length
          ? [`left out for too little text: ${rf.sparse.map((s) => `${s.period} (${s.tokens})`).join(', ')}`]
          : []),
        ...(rf.empty ? [`${rf.empty} periods without text left out`] : []),
        ...(rf.tooFewPeriods ? ['fewer than three periods with enough text: no slope'] : []),
      ];
      return { ...base, table: changingTable(rf, speller([...rf.rising, ...rf.falling].map((r) => r.term))), notes };
    }
    case 'dispersion': {
      const plot = dispersion(corpus, docs, queryHits(corpus, queryOf(req.query), inferred, docs), inferred);
      // A common word has millions of hits: the panel asks for a few thousand, which draw the same
      // plot and cross the threads (and the host, as JSON to the page) in milliseconds.
      const hits = evenlySpread(plot.hits, req.limit);
      const notes =
        hits.length < plot.hits.length ? [`${hits.length} of ${plot.hits.length} hits shown, evenly spread`] : [];
      return { ...base, table: dispersionTable({ ...plot, hits }, (i) => corpus.articles[i].name), notes };
    }
  }
}
