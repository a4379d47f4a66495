import type { StatsCorpus } from './corpus';
import { byFreqThenTerm, cutoffOf } from './cutoff';
import type { FrequencyList, FrequencyRow } from './frequency';
import { dpFrom, perMillion } from './measures';
import { tokensIn } from './subset';

/**
 * The word list, as frequencyList defines it, counted by term id in dense arrays: frequency and
 * range in one pass over the articles, then Gries' DP in a second (it needs each word's total),
 * each article's distinct words gathered as they come so its shares are added once per word.
 * `stop` marks the written forms left out (stopForms); `share`, when given, the terms counted (shareMask).
 */
export function unigramList(
  corpus: StatsCorpus,
  docs: Uint32Array,
  stop: Uint8Array,
  minFreq: number,
  limit: number | undefined,
  share?: Uint8Array,
): FrequencyList {
  const { ids, forms, starts, terms } = corpus.stream;
  const V = terms.length;
  const total = tokensIn(corpus, docs);
  const freq = new Uint32Array(V);
  const range = new Uint32Array(V);
  const inDoc = new Uint32Array(V);
  let run = new Uint32Array(1024);
  // Pass 1: frequency and range (the article's distinct words, `run`, counted once each).
  for (const d of docs) {
    const to = starts[d + 1];
    if (run.length < to - starts[d]) run = new Uint32Array(2 * (to - starts[d]));
    let m = 0;
    for (let i = starts[d]; i < to; i++) {
      if (stop[forms[i]] || (share && !share[ids[i]])) continue;
      const t = ids[i];
      freq[t]++;
      if (inDoc[t]++ === 0) run[m++] = t;
    }
    for (let j = 0; j < m; j++) {
      range[run[j]]++;
      inDoc[run[j]] = 0;
    }
  }
  // Pass 2: DP, Σ|v_i − s_i| and Σ s_i over the articles that have the word (measures.ts).
  const absSum = new Float64Array(V);
  const sizeSum = new Float64Array(V);
  if (total > 0)
    for (const d of docs) {
      const to = starts[d + 1];
      let m = 0;
      for (let i = starts[d]; i < to; i++) {
        if (stop[forms[i]] || (share && !share[ids[i]])) continue;
        const t = ids[i];
        if (inDoc[t]++ === 0) run[m++] = t;
      }
      const size = (to - starts[d]) / total;
      for (let j = 0; j < m; j++) {
        const t = run[j];
        absSum[t] += Math.abs(inDoc[t] / freq[t] - size);
        sizeSum[t] += size;
        inDoc[t] = 0;
      }
    }
  const byFreq = new Map<number, number>();
  let distinct = 0;
  for (let t = 0; t < V; t++) {
    if (freq[t]) distinct++;
    if (limit && freq[t] >= minFreq) byFreq.set(freq[t], (byFreq.get(freq[t]) ?? 0) + 1);
  }
  const cutoff = Math.max(1, cutoffOf(byFreq, minFreq, limit));
  const rows: FrequencyRow[] = [];
  for (let t = 0; t < V; t++)
    if (freq[t] >= cutoff)
      rows.push({
        ids: [t],
        term: terms[t],
        freq: freq[t],
        perMillion: perMillion(freq[t], total),
        range: range[t],
        dp: dpFrom(absSum[t], sizeSum[t]),
      });
  rows.sort(byFreqThenTerm);
  return { rows: limit ? rows.slice(0, limit) : rows, tokens: total, articles: docs.length, types: distinct };
}
