import type { StatsCorpus } from './corpus';
import { termCounts } from './frequency';
import { keynessLogLikelihood, logRatio, perMillion, simpleMaths } from './measures';
import { NO_STOP_WORDS, stopForms } from './stopWords';
import { tokensIn } from './subset';

export interface KeywordRow {
  readonly term: string;
  /** Frequency in the focus subset and in the reference. */
  readonly focus: number;
  readonly reference: number;
  readonly focusPerMillion: number;
  readonly referencePerMillion: number;
  readonly ll: number;
  readonly logRatio: number;
  readonly simpleMaths: number;
  /** More frequent in the focus than the reference (positive keyword), or less (negative). */
  readonly positive: boolean;
}

export interface KeywordOptions {
  readonly stopWords?: ReadonlySet<string>;
  /** Simple maths' N (Sketch Engine's default 1). */
  readonly simpleMathsN?: number;
  readonly minFreq?: number;
  readonly sortBy?: 'll' | 'logRatio' | 'simpleMaths';
  readonly limit?: number;
}

export interface Keywords {
  readonly positive: KeywordRow[];
  readonly negative: KeywordRow[];
  readonly focusTokens: number;
  readonly referenceTokens: number;
}

/** A side of a keyword comparison: the articles `docs` of a corpus (the same dump or another). */
export interface KeywordSide {
  readonly corpus: StatsCorpus;
  readonly docs: Uint32Array;
}

/**
 * Keywords of a focus subset against a reference, by folded word (so two dumps compare by word, not
 * id). Formulas in measures.ts. A word needs minFreq in the side it is key for. Positive keywords
 * are sorted high to low; negative ones by the same measure, most negative first.
 */
export function keywords(focus: KeywordSide, reference: KeywordSide, options: KeywordOptions = {}): Keywords {
  const stop = options.stopWords ?? NO_STOP_WORDS;
  // Counts without the stop words; sizes (c, d) with them, as the corpus's size in words.
  const byTerm = (side: KeywordSide) =>
    countsByTerm(
      side.corpus.stream.terms,
      termCounts(side.corpus, side.docs, stopForms(side.corpus.stream, stop)),
      tokensIn(side.corpus, side.docs),
    );
  return keywordsOfCounts(byTerm(focus), byTerm(reference), options);
}

/** Counts by term id (a corpus's `terms`) as counts by folded word, with the side's size in words. */
export function countsByTerm(terms: readonly string[], counts: Uint32Array, total: number): TermCounts {
  const map = new Map<string, number>();
  counts.forEach((c, id) => {
    if (c) map.set(terms[id], c);
  });
  return { map, total };
}

/** A side's word counts by folded word, and its size in words. */
export interface TermCounts {
  readonly map: ReadonlyMap<string, number>;
  readonly total: number;
}

/**
 * Keywords from two sides' counts by folded word: what `keywords` does once it has counted, and what the
 * panel uses against another dump (two dumps' word lists, each counted on the worker that holds it).
 */
export function keywordsOfCounts(f: TermCounts, r: TermCounts, options: KeywordOptions = {}): Keywords {
  const minFreq = options.minFreq ?? 3;
  const n = options.simpleMathsN ?? 1;
  const c = f.total;
  const d = r.total;
  const positive: KeywordRow[] = [];
  const negative: KeywordRow[] = [];
  const seen = new Set([...f.map.keys(), ...r.map.keys()]);
  if (c > 0 && d > 0)
    for (const term of seen) {
      const a = f.map.get(term) ?? 0;
      const b = r.map.get(term) ?? 0;
      const isPositive = a / c > b / d;
      if ((isPositive ? a : b) < minFreq) continue;
      const row: KeywordRow = {
        term,
        focus: a,
        reference: b,
        focusPerMillion: perMillion(a, c),
        referencePerMillion: perMillion(b, d),
        ll: keynessLogLikelihood(a, b, c, d),
        logRatio: logRatio(a, b, c, d),
        simpleMaths: simpleMaths(a, b, c, d, n),
        positive: isPositive,
      };
      if (isPositive) positive.push(row);
      else if (a / c < b / d) negative.push(row);
    }
  const key = options.sortBy ?? 'll';
  positive.sort((x, y) => y[key] - x[key] || (x.term < y.term ? -1 : 1));
  // Negative: ll still grows with keyness; log ratio and simple maths shrink.
  negative.sort((x, y) => (key === 'll' ? y.ll - x.ll : x[key] - y[key]) || (x.term < y.term ? -1 : 1));
  const cut = (rows: KeywordRow[]) => (options.limit ? rows.slice(0, options.limit) : rows);
  return { positive: cut(positive), negative: cut(negative), focusTokens: c, referenceTokens: d };
}
