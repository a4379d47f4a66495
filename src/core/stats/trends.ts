import { type StatsCorpus, dateOf } from './corpus';
import { termCounts } from './frequency';
import { perMillion, slope } from './measures';
import { type Granularity, periodOf, periodRange } from './periods';
import type { QueryHits } from './queryHits';
import { NO_STOP_WORDS, stopForms } from './stopWords';

export interface TrendPoint {
  readonly period: string;
  readonly hits: number;
  readonly perMillion: number;
  /** Articles of the period with a hit, all the period's articles, and its words. */
  readonly matchedArticles: number;
  readonly articles: number;
  readonly tokens: number;
}

export interface Trend {
  readonly points: TrendPoint[];
  readonly total: number;
  /** Hits in articles with no date at this granularity (undated, or a year-only date by month…). */
  readonly unplaced: number;
}

/** The subset's articles by period (gaps included), in period order. */
export function articlesByPeriod(
  corpus: StatsCorpus,
  docs: Uint32Array,
  g: Granularity,
  includeInferred = true,
): { periods: string[]; docs: Map<string, number[]> } {
  const byPeriod = new Map<string, number[]>();
  for (const d of docs) {
    const p = periodOf(dateOf(corpus.articles[d], includeInferred), g);
    if (p === undefined) continue;
    let list = byPeriod.get(p);
    if (!list) byPeriod.set(p, (list = []));
    list.push(d);
  }
  return { periods: periodRange(byPeriod.keys(), g), docs: byPeriod };
}

/** A query's hits per period in `docs`: absolute, per million words of that period, with article counts. */
export function trend(
  corpus: StatsCorpus,
  docs: Uint32Array,
  hits: QueryHits,
  g: Granularity,
  includeInferred = true,
): Trend {
  return trendOfCounts(corpus, docs, hitsPerArticle(docs, hits), g, includeInferred);
}

/**
 * Hits in each of `docs` (ascending): counts[k] are docs[k]'s. A sum over articles, so a split
 * corpus's shares of articles (articleRange.ts) count theirs and their lists, laid end to end,
 * are the whole's.
 */
export function hitsPerArticle(docs: Uint32Array, hits: QueryHits): Uint32Array {
  const counts = new Uint32Array(docs.length);
  let k = 0;
  for (const d of hits.docs) {
    while (k < docs.length && docs[k] < d) k++;
    if (k === docs.length) break;
    if (docs[k] === d) counts[k]++;
  }
  return counts;
}

/**
 * A trend from its hits per article of `docs` (hitsPerArticle); `periods`, the docs' articlesByPeriod,
 * when several queries' trends share them (a date's period for each of 100,000 articles is not free).
 */
export function trendOfCounts(
  corpus: StatsCorpus,
  docs: Uint32Array,
  counts: Uint32Array,
  g: Granularity,
  includeInferred = true,
  periodsOfDocs = articlesByPeriod(corpus, docs, g, includeInferred),
): Trend {
  const { periods, docs: byPeriod } = periodsOfDocs;
  const { starts } = corpus.stream;
  const hitsIn = new Uint32Array(starts.length - 1);
  let total = 0;
  docs.forEach((d, k) => {
    hitsIn[d] = counts[k];
    total += counts[k];
  });
  let placed = 0;
  const points = periods.map((period) => {
    let h = 0;
    let matched = 0;
    let tokens = 0;
    const list = byPeriod.get(period) ?? [];
    for (const d of list) {
      const k = hitsIn[d];
      h += k;
      if (k) matched++;
      tokens += starts[d + 1] - starts[d];
    }
    placed += h;
    return {
      period,
      hits: h,
      perMillion: perMillion(h, tokens),
      matchedArticles: matched,
      articles: list.length,
      tokens,
    };
  });
  return { points, total, unplaced: total - placed };
}

export interface ChangingWord {
  readonly term: string;
  readonly freq: number;
  /** Least-squares slope of the per-million frequency per period (measures.ts). */
  readonly slope: number;
  readonly perMillion: number[];
}

export interface RisingFalling {
  readonly periods: string[];
  /** Periods with text left out for having fewer than minPeriodTokens words, and how many periods had none. */
  readonly sparse: { period: string; tokens: number }[];
  readonly empty: number;
  readonly rising: ChangingWord[];
  readonly falling: ChangingWord[];
  /** Set when fewer than three periods are left: no slope is given. */
  readonly tooFewPeriods: boolean;
}

/**
 * Words whose frequency per million rose or fell most across the periods: the slope of a
 * least-squares line through their per-million frequencies, x the rank of the period among those
 * kept; periods with too little text left out (and listed). Needs at least three periods.
 */
export function risingFalling(
  corpus: StatsCorpus,
  docs: Uint32Array,
  g: Granularity,
  options: {
    minPeriodTokens?: number;
    minFreq?: number;
    stopWords?: ReadonlySet<string>;
    limit?: number;
    includeInferredDates?: boolean;
  } = {},
): RisingFalling {
  const minTokens = options.minPeriodTokens ?? 1000;
  const minFreq = options.minFreq ?? 10;
  const stop = options.stopWords ?? NO_STOP_WORDS;
  const limit = options.limit ?? 50;
  const { periods: all, docs: byPeriod } = articlesByPeriod(corpus, docs, g, options.includeInferredDates ?? true);
  const { starts, terms } = corpus.stream;
  const kept: { period: string; docs: Uint32Array; tokens: number }[] = [];
  const sparse: { period: string; tokens: number }[] = [];
  let empty = 0;
  for (const period of all) {
    const list = Uint32Array.from(byPeriod.get(period) ?? []);
    let tokens = 0;
    for (const d of list) tokens += starts[d + 1] - starts[d];
    if (tokens === 0) empty++;
    else if (tokens < minTokens) sparse.push({ period, tokens });
    else kept.push({ period, docs: list, tokens });
  }
  const periods = kept.map((k) => k.period);
  if (kept.length < 3) return { periods, sparse, empty, rising: [], falling: [], tooFewPeriods: true };
  const stopped = stopForms(corpus.stream, stop);
  const perPeriod = kept.map((k) => termCounts(corpus, k.docs, stopped));
  const rows: ChangingWord[] = [];
  for (let t = 0; t < terms.length; t++) {
    let f = 0;
    for (const c of perPeriod) f += c[t];
    if (f < minFreq) continue;
    const pm = perPeriod.map((c, i) => perMillion(c[t], kept[i].tokens));
    rows.push({ term: terms[t], freq: f, slope: slope(pm), perMillion: pm });
  }
  const rising = rows
    .filter((r) => r.slope > 0)
    .sort((a, b) => b.slope - a.slope)
    .slice(0, limit);
  const falling = rows
    .filter((r) => r.slope < 0)
    .sort((a, b) => a.slope - b.slope)
    .slice(0, limit);
  return { periods, sparse, empty, rising, falling, tooFewPeriods: false };
}
