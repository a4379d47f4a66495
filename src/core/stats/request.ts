import { finishStats, partialStats } from './articleShares';
import type { StatsCorpus } from './corpus';
import { frequencyList, type Share } from './frequency';
import type { Granularity } from './periods';
import { spellerOf, stopWordsOf } from './requestOptions';
import { selectArticles, type SubsetSpec, tokensIn } from './subset';
import { changingTable, frequencyTable, type Table } from './tables';
import { risingFalling } from './trends';

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

/** Rows a word or n-gram list returns when the request sets no limit. */
export const WORDS_LIMIT = 5000;

/**
 * Computes a statistic on one dump. Throws SubsetError for a malformed subset or query. With a
 * `share`, a word or n-gram list has only the rows whose first word is the share's (shares.ts).
 */
export function runStats(corpus: StatsCorpus, req: StatsRequest, share?: Share): StatsReply {
  // Collocates, keywords, trends and dispersion count by article and score once (articleShares.ts):
  // read whole here, they are one share of all the articles.
  if (req.stat !== 'words' && req.stat !== 'rising') return finishStats(corpus, req, [partialStats(corpus, req)]);
  const docs = selectArticles(corpus, req.subset);
  const inferred = req.subset?.includeInferredDates ?? true;
  const stopWords = stopWordsOf(req.stopWords);
  const base = { articles: docs.length, tokens: tokensIn(corpus, docs) };
  const spell = spellerOf(corpus, stopWords);
  const speller = (terms: string[]) => spell(terms, docs);
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
  }
}
