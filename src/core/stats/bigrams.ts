import { isBreak } from './tokenStream';
import type { StatsCorpus } from './corpus';
import { byFreqThenTerm, cutoffOf } from './cutoff';
import type { FrequencyList, FrequencyRow } from './frequency';
import { dpFrom, perMillion } from './measures';
import { tokensIn } from './subset';

/** Most (b, article) pairs laid out at once: past it the first words are taken in chunks, one pass each. */
const CHUNK = 1 << 24;

/**
 * The 2-gram list, as frequencyList defines it, without a hash table: the pairs (next word,
 * article) are laid out grouped by their first word (a counting sort over the stream), then each
 * first word's followers are counted in dense arrays indexed by term, which stay in cache: time
 * goes with the corpus, not with the tens of millions of distinct pairs a hash table would chase.
 * Two sweeps: frequencies first (for the cut-off of the `limit` most frequent), then range and
 * Gries' DP of the pairs kept (a corpus in one chunk is laid out once for both). A pair counts
 * when neither word is a stop word (`stop`, by written form) and no sentence break parts them,
 * and, with a `share` (shareMask), when its first word is one of the share's.
 */
export function bigramList(
  corpus: StatsCorpus,
  docs: Uint32Array,
  stop: Uint8Array,
  minFreq: number,
  limit: number | undefined,
  share?: Uint8Array,
  chunk = CHUNK,
): FrequencyList {
  const { ids, forms, breaks, starts, terms } = corpus.stream;
  const valid = (i: number) =>
    !isBreak(breaks, i + 1) && !stop[forms[i]] && !stop[forms[i + 1]] && (!share || share[ids[i]] === 1);
  const V = terms.length;
  const total = tokensIn(corpus, docs);
  const perFirst = new Uint32Array(V + 1);
  for (const d of docs) for (let i = starts[d]; i + 1 < starts[d + 1]; i++) if (valid(i)) perFirst[ids[i] + 1]++;
  // Chunks of first words, each at most CHUNK pairs (a single word past it is a chunk of its own).
  const chunks: [number, number][] = [];
  for (let a = 0, from = 0, size = 0; a < V; a++) {
    size += perFirst[a + 1];
    if (size >= chunk || a === V - 1) {
      chunks.push([from, a + 1]);
      from = a + 1;
      size = 0;
    }
  }
  const count = new Uint32Array(V);
  const range = new Uint32Array(V);
  const inDoc = new Uint32Array(V);
  const absSum = new Float64Array(V);
  const sizeSum = new Float64Array(V);
  let touched = new Uint32Array(1024);
  let inRun = new Uint32Array(1024);
  /** Lays out a chunk's pairs: next word and article, grouped by first word, in stream order. */
  const layOut = (from: number, to: number) => {
    const offsets = new Uint32Array(to - from + 1);
    for (let a = from; a < to; a++) offsets[a - from + 1] = offsets[a - from] + perFirst[a + 1];
    const next = offsets.slice(0, to - from);
    const B = new Uint32Array(offsets[to - from]);
    const D = new Uint32Array(B.length);
    for (const d of docs)
      for (let i = starts[d]; i + 1 < starts[d + 1]; i++) {
        const a = ids[i];
        if (a < from || a >= to || !valid(i)) continue;
        const at = next[a - from]++;
        B[at] = ids[i + 1];
        D[at] = d;
      }
    return { offsets, B, D };
  };
  /** Counts first word a's followers B[lo..hi): the distinct ones are touched[0..n). */
  const countFollowers = (B: Uint32Array, lo: number, hi: number): number => {
    let n = 0;
    if (touched.length < hi - lo) touched = new Uint32Array(2 * (hi - lo));
    for (let k = lo; k < hi; k++) if (count[B[k]]++ === 0) touched[n++] = B[k];
    return n;
  };
  // Sweep 1: the frequency of every pair, for the cut-off.
  const byFreq = new Map<number, number>();
  let distinct = 0;
  const only = chunks.length === 1 ? layOut(chunks[0][0], chunks[0][1]) : undefined;
  for (const [from, to] of chunks) {
    const { offsets, B } = only ?? layOut(from, to);
    for (let a = from; a < to; a++) {
      const n = countFollowers(B, offsets[a - from], offsets[a - from + 1]);
      distinct += n;
      for (let k = 0; k < n; k++) {
        const f = count[touched[k]];
        if (f >= minFreq) byFreq.set(f, (byFreq.get(f) ?? 0) + 1);
        count[touched[k]] = 0;
      }
    }
  }
  const cutoff = Math.max(1, cutoffOf(byFreq, minFreq, limit));
  // Sweep 2: range and DP of the pairs at or over the cut-off, article by article (D runs).
  const rows: FrequencyRow[] = [];
  for (const [from, to] of chunks) {
    const { offsets, B, D } = only ?? layOut(from, to);
    for (let a = from; a < to; a++) {
      const lo = offsets[a - from];
      const hi = offsets[a - from + 1];
      if (lo === hi) continue;
      const n = countFollowers(B, lo, hi);
      let kept = false;
      for (let k = 0; k < n; k++) if (count[touched[k]] >= cutoff) kept = true;
      if (kept)
        for (let k = lo; k < hi; ) {
          const d = D[k];
          let end = k;
          let m = 0;
          if (inRun.length < hi - lo) inRun = new Uint32Array(2 * (hi - lo));
          while (end < hi && D[end] === d) {
            const b = B[end++];
            if (count[b] < cutoff) continue;
            if (inDoc[b]++ === 0) inRun[m++] = b;
          }
          const size = (starts[d + 1] - starts[d]) / total;
          for (let j = 0; j < m; j++) {
            const b = inRun[j];
            range[b]++;
            absSum[b] += Math.abs(inDoc[b] / count[b] - size);
            sizeSum[b] += size;
            inDoc[b] = 0;
          }
          k = end;
        }
      for (let k = 0; k < n; k++) {
        const b = touched[k];
        const f = count[b];
        if (f >= cutoff)
          rows.push({
            ids: [a, b],
            term: `${terms[a]} ${terms[b]}`,
            freq: f,
            perMillion: perMillion(f, total),
            range: range[b],
            dp: dpFrom(absSum[b], sizeSum[b]),
          });
        count[b] = 0;
        range[b] = 0;
        absSum[b] = 0;
        sizeSum[b] = 0;
      }
    }
  }
  rows.sort(byFreqThenTerm);
  return { rows: limit ? rows.slice(0, limit) : rows, tokens: total, articles: docs.length, types: distinct };
}
