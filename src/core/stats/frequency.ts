import type { StatsCorpus } from './corpus';
import { dpFrom, perMillion } from './measures';
import { NO_STOP_WORDS } from './stopWords';
import { tokensIn } from './subset';

/** One word or n-gram of a frequency list; `ids` are term ids, `term` their folded forms joined by spaces. */
export interface FrequencyRow {
  readonly ids: readonly number[];
  readonly term: string;
  readonly freq: number;
  readonly perMillion: number;
  /** Articles it occurs in. */
  readonly range: number;
  /** Gries' DP over the subset's articles (measures.ts). */
  readonly dp: number;
}

export interface FrequencyList {
  readonly rows: FrequencyRow[];
  /** Words in the subset, and its articles. */
  readonly tokens: number;
  readonly articles: number;
  /** Distinct words or n-grams before the stop words and minimum frequency. */
  readonly types: number;
}

export interface FrequencyOptions {
  /** 1 to 4 syllables. */
  readonly n?: number;
  /** Folded stop words: a word that is one, or an n-gram that starts or ends with one, is left out. */
  readonly stopWords?: ReadonlySet<string>;
  readonly minFreq?: number;
  /** Most rows returned, most frequent first. */
  readonly limit?: number;
}

/**
 * Word list (n = 1) or n-gram list of the articles `docs` (ascending), from the word stream. Two
 * passes: counts first, then DP, which needs each type's total. Tone-insensitive by construction:
 * the stream's terms are folded. N-grams stay inside an article; they may span a sentence break,
 * since the index keeps no punctuation.
 */
export function frequencyList(corpus: StatsCorpus, docs: Uint32Array, options: FrequencyOptions = {}): FrequencyList {
  const n = Math.max(1, Math.min(4, options.n ?? 1));
  const stop = options.stopWords ?? NO_STOP_WORDS;
  const minFreq = options.minFreq ?? 1;
  const { ids, starts, terms } = corpus.stream;
  const total = tokensIn(corpus, docs);
  const T = terms.length;
  // Keys: a number for one or two syllables (id₁·T + id₂ < 2⁵³), a string for three or four.
  const keyAt = (i: number): number | string =>
    n === 1
      ? ids[i]
      : n === 2
        ? ids[i] * T + ids[i + 1]
        : n === 3
          ? `${ids[i]} ${ids[i + 1]} ${ids[i + 2]}`
          : `${ids[i]} ${ids[i + 1]} ${ids[i + 2]} ${ids[i + 3]}`;
  const slot = new Map<number | string, number>();
  let freq = new Uint32Array(1024);
  let range = new Uint32Array(1024);
  let last = new Int32Array(1024).fill(-1);
  let first: number[] = [];
  const grow = () => {
    const f = new Uint32Array(freq.length * 2);
    f.set(freq);
    freq = f;
    const r = new Uint32Array(range.length * 2);
    r.set(range);
    range = r;
    const l = new Int32Array(last.length * 2).fill(-1);
    l.set(last);
    last = l;
  };
  for (const d of docs) {
    for (let i = starts[d]; i + n <= starts[d + 1]; i++) {
      const key = keyAt(i);
      let s = slot.get(key);
      if (s === undefined) {
        s = slot.size;
        slot.set(key, s);
        first.push(i);
        if (s >= freq.length) grow();
      }
      freq[s]++;
      if (last[s] !== d) {
        last[s] = d;
        range[s]++;
      }
    }
  }
  const types = slot.size;
  // DP: per type, Σ|v_i − s_i| and Σ s_i over the articles that have it (measures.ts).
  const absSum = new Float64Array(types);
  const sizeSum = new Float64Array(types);
  const inDoc = new Uint32Array(types);
  last.fill(-1);
  if (total > 0)
    for (const d of docs) {
      const from = starts[d];
      const to = starts[d + 1] - n + 1;
      for (let i = from; i < to; i++) {
        const s = slot.get(keyAt(i))!;
        if (last[s] !== d) {
          last[s] = d;
          inDoc[s] = 0;
        }
        inDoc[s]++;
      }
      const size = (starts[d + 1] - starts[d]) / total;
      for (let i = from; i < to; i++) {
        const s = slot.get(keyAt(i))!;
        // Once per type and article: the first occurrence closes the article's share.
        if (inDoc[s] === 0) continue;
        absSum[s] += Math.abs(inDoc[s] / freq[s] - size);
        sizeSum[s] += size;
        inDoc[s] = 0;
      }
    }
  const rows: FrequencyRow[] = [];
  for (let s = 0; s < types; s++) {
    if (freq[s] < minFreq) continue;
    const at = first[s];
    const gram = Array.from(ids.subarray(at, at + n));
    if (stop.size && (stop.has(terms[gram[0]]) || stop.has(terms[gram[n - 1]]))) continue;
    rows.push({
      ids: gram,
      term: gram.map((id) => terms[id]).join(' '),
      freq: freq[s],
      perMillion: perMillion(freq[s], total),
      range: range[s],
      dp: dpFrom(absSum[s], sizeSum[s]),
    });
  }
  first = [];
  rows.sort((a, b) => b.freq - a.freq || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return { rows: options.limit ? rows.slice(0, options.limit) : rows, tokens: total, articles: docs.length, types };
}

/** Frequency of every term id in the articles, for keywords and collocates. */
export function termCounts(corpus: StatsCorpus, docs: Uint32Array): Uint32Array {
  const counts = new Uint32Array(corpus.stream.terms.length);
  const { ids, starts } = corpus.stream;
  for (const d of docs) for (let i = starts[d]; i < starts[d + 1]; i++) counts[ids[i]]++;
  return counts;
}
