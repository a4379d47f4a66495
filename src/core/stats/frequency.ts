import { bigramList } from './bigrams';
import { unigramList } from './unigrams';
import type { StatsCorpus } from './corpus';
import { byFreqThenTerm, cutoffOf } from './cutoff';
import { GramTable } from './gramTable';
import { dpFrom, perMillion } from './measures';
import { NO_STOP_WORDS, stopForms } from './stopWords';
import { tokensIn } from './subset';
import { isBreak, type TokenStream } from './tokenStream';

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
  /** Distinct words or n-grams counted (stop words left out), before the minimum frequency. */
  readonly types: number;
}

export interface FrequencyOptions {
  /** 1 to 4 syllables. */
  readonly n?: number;
  /** Stop words (stopWords.ts): an occurrence of one, or an n-gram that starts or ends with one, is left out. */
  readonly stopWords?: ReadonlySet<string>;
  readonly minFreq?: number;
  /** Most rows returned, most frequent first. */
  readonly limit?: number;
  /**
   * Only the n-grams whose first word's term id is `index` modulo `of`: one share of the list,
   * each whole (counts, range, DP), so the shares of several workers merge by sorting their rows.
   */
  readonly share?: Share;
}

export interface Share {
  readonly index: number;
  readonly of: number;
}

/** Per term id, 1 if it may start an n-gram of the share (undefined: every term may). */
export function shareMask(terms: number, share: Share | undefined): Uint8Array | undefined {
  if (!share || share.of <= 1) return undefined;
  const mask = new Uint8Array(terms);
  for (let t = share.index; t < terms; t += share.of) mask[t] = 1;
  return mask;
}

/**
 * Whether the n words from stream position i make an n-gram to count: none but the first has a
 * sentence break before it (`bão. Lũ` is not a 2-gram), and neither end is a stop word.
 */
export function gramAt(stream: TokenStream, stop: Uint8Array, i: number, n: number): boolean {
  if (stop[stream.forms[i]] || stop[stream.forms[i + n - 1]]) return false;
  for (let k = 1; k < n; k++) if (isBreak(stream.breaks, i + k)) return false;
  return true;
}

/**
 * Word list (n = 1) or n-gram list of the articles `docs` (ascending), from the word stream. Two
 * passes: counts first, then DP, which needs each type's total. Tone-insensitive by construction:
 * the stream's terms are folded. N-grams stay inside an article and a sentence (gramAt).
 */
export function frequencyList(corpus: StatsCorpus, docs: Uint32Array, options: FrequencyOptions = {}): FrequencyList {
  const n = Math.max(1, Math.min(4, options.n ?? 1));
  const stop = stopForms(corpus.stream, options.stopWords ?? NO_STOP_WORDS);
  const minFreq = options.minFreq ?? 1;
  const { ids, starts, terms } = corpus.stream;
  const stream = corpus.stream;
  const share = shareMask(terms.length, options.share);
  if (n === 1) return unigramList(corpus, docs, stop, minFreq, options.limit, share);
  if (n === 2) return bigramList(corpus, docs, stop, minFreq, options.limit, share);
  const total = tokensIn(corpus, docs);
  // Unigrams count by term id; longer n-grams go through a typed hash table keyed by first occurrence.
  const table = n === 1 ? undefined : new GramTable(ids, n, 1 << 16);
  let types: number = n === 1 ? terms.length : 0;
  let freq = new Uint32Array(n === 1 ? terms.length : 1 << 16);
  let range = new Uint32Array(freq.length);
  let last = new Int32Array(freq.length).fill(-1);
  const first = n === 1 ? new Uint32Array(terms.length) : undefined;
  const slotAt = (i: number) => (table ? table.slotOf(i) : ids[i]);
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
  // Each counted position's slot, kept from the first pass so the second does not hash again.
  const slots = table ? new Uint32Array(total) : undefined;
  let pos = 0;
  for (const d of docs) {
    for (let i = starts[d]; i + n <= starts[d + 1]; i++) {
      if (!gramAt(stream, stop, i, n) || (share && !share[ids[i]])) continue;
      const s = slotAt(i);
      if (slots) slots[pos++] = s;
      if (s >= freq.length) grow();
      if (first && freq[s] === 0) first[s] = i;
      freq[s]++;
      if (last[s] !== d) {
        last[s] = d;
        range[s]++;
      }
    }
  }
  if (table) types = table.size;
  let distinct = 0;
  for (let s = 0; s < types; s++) if (freq[s]) distinct++;
  const firstOf = (s: number) => (table ? table.first[s] : first![s]);
  // DP: per type, Σ|v_i − s_i| and Σ s_i over the articles that have it (measures.ts). The second
  // pass reads each position's slot from the first.
  const absSum = new Float64Array(types);
  const sizeSum = new Float64Array(types);
  const inDoc = new Uint32Array(types);
  last.fill(-1);
  pos = 0;
  if (total > 0)
    for (const d of docs) {
      const from = starts[d];
      const to = starts[d + 1] - n + 1;
      const at = pos;
      for (let i = from; i < to; i++) {
        if (!gramAt(stream, stop, i, n) || (share && !share[ids[i]])) continue;
        const s = slots ? slots[pos++] : ids[i];
        if (last[s] !== d) {
          last[s] = d;
          inDoc[s] = 0;
        }
        inDoc[s]++;
      }
      const size = (starts[d + 1] - starts[d]) / total;
      pos = at;
      for (let i = from; i < to; i++) {
        if (!gramAt(stream, stop, i, n) || (share && !share[ids[i]])) continue;
        const s = slots ? slots[pos++] : ids[i];
        // Once per type and article: the first occurrence closes the article's share.
        if (inDoc[s] === 0) continue;
        absSum[s] += Math.abs(inDoc[s] / freq[s] - size);
        sizeSum[s] += size;
        inDoc[s] = 0;
      }
    }
  // Kept slots first, as numbers: objects and strings only for the rows returned (there may be
  // millions of n-grams). With a limit, the cut-off frequency comes from a histogram of frequencies.
  const byFreq = new Map<number, number>();
  if (options.limit)
    for (let s = 0; s < types; s++) if (freq[s] >= minFreq) byFreq.set(freq[s], (byFreq.get(freq[s]) ?? 0) + 1);
  const cutoff = cutoffOf(byFreq, minFreq, options.limit);
  const rows: FrequencyRow[] = [];
  for (let s = 0; s < types; s++) {
    if (freq[s] < cutoff || freq[s] === 0) continue;
    const at = firstOf(s);
    const gram = Array.from(ids.subarray(at, at + n));
    rows.push({
      ids: gram,
      term: gram.map((id) => terms[id]).join(' '),
      freq: freq[s],
      perMillion: perMillion(freq[s], total),
      range: range[s],
      dp: dpFrom(absSum[s], sizeSum[s]),
    });
  }
  rows.sort(byFreqThenTerm);
  return {
    rows: options.limit ? rows.slice(0, options.limit) : rows,
    tokens: total,
    articles: docs.length,
    types: distinct,
  };
}

/** Frequency of every term id in the articles, stop words (stopForms) left out, for keywords and collocates. */
export function termCounts(corpus: StatsCorpus, docs: Uint32Array, stop?: Uint8Array): Uint32Array {
  const counts = new Uint32Array(corpus.stream.terms.length);
  const { ids, forms, starts } = corpus.stream;
  for (const d of docs)
    if (stop) {
      for (let i = starts[d]; i < starts[d + 1]; i++) if (!stop[forms[i]]) counts[ids[i]]++;
    } else for (let i = starts[d]; i < starts[d + 1]; i++) counts[ids[i]]++;
  return counts;
}
