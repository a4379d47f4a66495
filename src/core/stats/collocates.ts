import { isBreak } from './tokenStream';
import type { StatsCorpus } from './corpus';
import { termCounts } from './frequency';
import { logDice, logLikelihood2x2, mutualInformation, tScore } from './measures';
import type { QueryHits } from './queryHits';
import { NO_STOP_WORDS, stopForms } from './stopWords';
import { tokensIn } from './subset';

export type CollocateMeasure = 'logDice' | 'mi' | 'll' | 't';

export interface CollocateOptions {
  readonly left?: number;
  readonly right?: number;
  /** Least co-occurrences a collocate needs. */
  readonly minFreq?: number;
  readonly sortBy?: CollocateMeasure;
  readonly stopWords?: ReadonlySet<string>;
  readonly limit?: number;
}

export interface CollocateRow {
  readonly id: number;
  readonly term: string;
  /** Co-occurrences in the windows (observed), and expected under independence. */
  readonly observed: number;
  readonly expected: number;
  /** The collocate's frequency in the subset. */
  readonly freq: number;
  readonly logDice: number;
  readonly mi: number;
  readonly ll: number;
  readonly t: number;
}

export interface Collocates {
  readonly rows: CollocateRow[];
  /** Hits of the node, words in the subset, and window positions counted. */
  readonly nodeFreq: number;
  readonly tokens: number;
  readonly windowTokens: number;
}

/**
 * Collocates of a query's hits (the node) within `docs`, L words left and R right, inside the
 * article and the sentence: a window stops at a sentence break (tokenStream.ts), as Evert (2008,
 * "Corpora and collocations", §3: surface co-occurrence) advises spans to, so `bão. Lũ` makes
 * no pair. A word in two overlapping windows counts once; the node's own words never count; a
 * stop word counts neither as a collocate nor in a collocate's frequency (stopWords.ts).
 * With f(n) the node's hits, f(c) the collocate's frequency, N the subset's words, W = L + R:
 * E = f(n)·f(c)·W / N (Evert 2008; Brezina, McEnery & Wattam 2015, window-adjusted; W is the
 * nominal window, as theirs, also where a break or an article's edge shortens it), and the
 * 2×2 table for log-likelihood has R₁ = f(n)·W window slots, C₁ = f(c), N.
 */
export function collocates(
  corpus: StatsCorpus,
  docs: Uint32Array,
  hits: QueryHits,
  options: CollocateOptions = {},
): Collocates {
  return collocatesOfCounts(corpus.stream.terms, collocateCounts(corpus, docs, hits, options), options);
}

/**
 * What collocates' scores are computed from, each a sum over articles: so the counts of a split
 * corpus's shares of articles (articleRange.ts), added up (addCollocateCounts), give the scores
 * of the whole.
 */
export interface CollocateCounts {
  /** Per term id: co-occurrences in the node's windows, and frequency in the subset (stop words 0). */
  readonly observed: Uint32Array;
  readonly freq: Uint32Array;
  readonly nodeFreq: number;
  readonly tokens: number;
  readonly windowTokens: number;
}

/** The counts of collocates in `docs` (see collocates). */
export function collocateCounts(
  corpus: StatsCorpus,
  docs: Uint32Array,
  hits: QueryHits,
  options: CollocateOptions = {},
): CollocateCounts {
  const L = options.left ?? 5;
  const R = options.right ?? 5;
  const stop = stopForms(corpus.stream, options.stopWords ?? NO_STOP_WORDS);
  const { ids, forms, breaks, starts, terms } = corpus.stream;
  const inSubset = new Uint8Array(starts.length - 1);
  for (const d of docs) inSubset[d] = 1;
  const N = tokensIn(corpus, docs);
  const freq = termCounts(corpus, docs, stop);
  const observed = new Uint32Array(terms.length);
  let nodeFreq = 0;
  let windowTokens = 0;
  let h = 0;
  let counted = new Uint8Array(1024);
  while (h < hits.docs.length) {
    const d = hits.docs[h];
    let end = h;
    while (end < hits.docs.length && hits.docs[end] === d) end++;
    if (inSubset[d]) {
      const base = starts[d];
      const length = starts[d + 1] - base;
      if (counted.length < length) counted = new Uint8Array(length * 2);
      counted.fill(0, 0, length);
      for (let k = h; k < end; k++) for (let j = 0; j < hits.lengths[k]; j++) counted[hits.positions[k] + j] = 2;
      const count = (i: number) => {
        if (counted[i]) return;
        counted[i] = 1;
        windowTokens++;
        if (!stop[forms[base + i]]) observed[ids[base + i]]++;
      };
      for (let k = h; k < end; k++) {
        nodeFreq++;
        const p = hits.positions[k];
        const after = p + hits.lengths[k];
        // Leftwards until a break stands before the word just passed; rightwards until one stands before the next.
        for (let i = p - 1; i >= Math.max(0, p - L) && !isBreak(breaks, base + i + 1); i--) count(i);
        for (let i = after; i < Math.min(length, after + R) && !isBreak(breaks, base + i); i++) count(i);
      }
    }
    h = end;
  }
  return { observed, freq, nodeFreq, tokens: N, windowTokens };
}

/** The counts of several shares of articles as those of all of them (integers: the sum is exact). */
export function addCollocateCounts(shares: readonly CollocateCounts[]): CollocateCounts {
  if (shares.length === 1) return shares[0];
  const observed = new Uint32Array(shares[0].observed.length);
  const freq = new Uint32Array(shares[0].freq.length);
  let nodeFreq = 0;
  let tokens = 0;
  let windowTokens = 0;
  for (const s of shares) {
    for (let t = 0; t < observed.length; t++) {
      observed[t] += s.observed[t];
      freq[t] += s.freq[t];
    }
    nodeFreq += s.nodeFreq;
    tokens += s.tokens;
    windowTokens += s.windowTokens;
  }
  return { observed, freq, nodeFreq, tokens, windowTokens };
}

/** Collocates scored from their counts: every measure computed once, from the whole's sums. */
export function collocatesOfCounts(
  terms: readonly string[],
  counts: CollocateCounts,
  options: CollocateOptions = {},
): Collocates {
  const W = (options.left ?? 5) + (options.right ?? 5);
  const minFreq = options.minFreq ?? 3;
  const { observed, freq, nodeFreq, tokens: N, windowTokens } = counts;
  const rows: CollocateRow[] = [];
  const slots = nodeFreq * W;
  for (let c = 0; c < terms.length; c++) {
    const o = observed[c];
    if (o < minFreq || o === 0) continue;
    const fc = freq[c];
    const e = (nodeFreq * fc * W) / N;
    rows.push({
      id: c,
      term: terms[c],
      observed: o,
      expected: e,
      freq: fc,
      logDice: logDice(o, nodeFreq, fc),
      mi: mutualInformation(o, e),
      ll: logLikelihood2x2(o, Math.max(0, slots - o), fc - o, Math.max(0, N - slots - fc + o)),
      t: tScore(o, e),
    });
  }
  const key = options.sortBy ?? 'logDice';
  rows.sort((a, b) => b[key] - a[key] || b.observed - a.observed);
  return { rows: options.limit ? rows.slice(0, options.limit) : rows, nodeFreq, tokens: N, windowTokens };
}
