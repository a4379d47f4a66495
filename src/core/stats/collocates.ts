import type { StatsCorpus } from './corpus';
import { termCounts } from './frequency';
import { logDice, logLikelihood2x2, mutualInformation, tScore } from './measures';
import type { QueryHits } from './queryHits';
import { NO_STOP_WORDS } from './stopWords';
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
 * article. A word in two overlapping windows counts once; the node's own words never count.
 * With f(n) the node's hits, f(c) the collocate's frequency, N the subset's words, W = L + R:
 * E = f(n)·f(c)·W / N (Evert 2008; Brezina, McEnery & Wattam 2015, window-adjusted), and the
 * 2×2 table for log-likelihood has R₁ = f(n)·W window slots, C₁ = f(c), N.
 */
export function collocates(
  corpus: StatsCorpus,
  docs: Uint32Array,
  hits: QueryHits,
  options: CollocateOptions = {},
): Collocates {
  const L = options.left ?? 5;
  const R = options.right ?? 5;
  const W = L + R;
  const minFreq = options.minFreq ?? 3;
  const stop = options.stopWords ?? NO_STOP_WORDS;
  const { ids, starts, terms } = corpus.stream;
  const inSubset = new Set(docs);
  const N = tokensIn(corpus, docs);
  const freq = termCounts(corpus, docs);
  const observed = new Uint32Array(terms.length);
  let nodeFreq = 0;
  let windowTokens = 0;
  let h = 0;
  while (h < hits.docs.length) {
    const d = hits.docs[h];
    let end = h;
    while (end < hits.docs.length && hits.docs[end] === d) end++;
    if (inSubset.has(d)) {
      const length = starts[d + 1] - starts[d];
      const counted = new Uint8Array(length);
      for (let k = h; k < end; k++) for (let j = 0; j < hits.lengths[k]; j++) counted[hits.positions[k] + j] = 2;
      for (let k = h; k < end; k++) {
        nodeFreq++;
        const p = hits.positions[k];
        const from = Math.max(0, p - L);
        const to = Math.min(length, p + hits.lengths[k] + R);
        for (let i = from; i < to; i++) {
          if (counted[i]) continue;
          counted[i] = 1;
          windowTokens++;
          observed[ids[starts[d] + i]]++;
        }
      }
    }
    h = end;
  }
  const rows: CollocateRow[] = [];
  const slots = nodeFreq * W;
  for (let c = 0; c < terms.length; c++) {
    const o = observed[c];
    if (o < minFreq || o === 0) continue;
    if (stop.size && stop.has(terms[c])) continue;
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
