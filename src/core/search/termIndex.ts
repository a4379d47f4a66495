import SearchableMap from 'minisearch/SearchableMap';
import type { Dump } from '../dump/types';
import { foldWord } from '../text/fold';
import { forEachWord, terms } from '../text/tokenize';

/**
 * An inverted index over one dump, stored as flat typed arrays: for each folded term, the articles
 * that contain it (ascending) and how often. About 6 bytes a posting, against ~35 for a
 * Map-of-Maps index, which is what lets 100,000 articles fit in less memory than their text.
 * The term dictionary is minisearch's radix tree, for prefix and fuzzy lookup.
 */
export interface TermIndex {
  readonly articleCount: number;
  readonly averageLength: number;
  /** Tokens per article (title counted as well). */
  readonly lengths: Uint32Array;
  /** termId → term, and term → termId. */
  readonly terms: readonly string[];
  readonly dictionary: SearchableMap<number>;
  /** Postings of term t: docs[offsets[t] .. offsets[t + 1]), with frequencies in tfs. */
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  readonly tfs: Uint16Array;
}

// Title words count three times: a match in the title says more about the article.
const TITLE_WEIGHT = 2;

/** Builds a TermIndex article by article, so a caller can yield, report progress and cancel between batches. */
export class TermIndexBuilder {
  private readonly ids = new Map<string, number>();
  /** Words as written → term id: one lookup a token, where folding first would take two. */
  private readonly written = new Map<string, number>();
  private readonly termList: string[] = [];
  private lastDoc = new Int32Array(1024).fill(-1);
  private slot = new Uint32Array(1024);
  private tripTerm = new Uint32Array(1 << 16);
  private tripDoc = new Uint32Array(1 << 16);
  private tripTf = new Uint16Array(1 << 16);
  private count = 0;
  private readonly lengths: Uint32Array;
  private added = 0;

  constructor(private readonly text: string, private readonly dump: Dump) {
    this.lengths = new Uint32Array(dump.articles.length);
  }

  get done(): number {
    return this.added;
  }

  /** Indexes the next `n` articles; returns how many are left. */
  addNext(n: number): number {
    const end = Math.min(this.dump.articles.length, this.added + n);
    for (; this.added < end; this.added++) {
      const doc = this.added;
      const article = this.dump.articles[doc];
      let length = 0;
      forEachWord(this.text, article.textStartOffset, article.textEndOffset, (word) => {
        let id = this.written.get(word);
        if (id === undefined) {
          id = this.idOf(foldWord(word));
          // Bounded: a corpus's spellings are many fewer than its words, but never let it grow without end.
          if (this.written.size < 1_000_000) this.written.set(word, id);
        }
        this.hit(id, doc, 1);
        length++;
      });
      for (const term of terms(article.title)) { this.hit(this.idOf(term), doc, TITLE_WEIGHT); length++; }
      this.lengths[doc] = length;
    }
    return this.dump.articles.length - this.added;
  }

  private idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.ids.set(term, id);
      this.termList.push(term);
      if (id >= this.lastDoc.length) {
        const lastDoc = new Int32Array(this.lastDoc.length * 2).fill(-1);
        lastDoc.set(this.lastDoc);
        this.lastDoc = lastDoc;
        const slot = new Uint32Array(this.slot.length * 2);
        slot.set(this.slot);
        this.slot = slot;
      }
    }
    return id;
  }

  private hit(id: number, doc: number, weight: number): void {
    if (this.lastDoc[id] === doc) {
      const s = this.slot[id];
      this.tripTf[s] = Math.min(65535, this.tripTf[s] + weight);
      return;
    }
    if (this.count === this.tripTerm.length) this.grow();
    this.tripTerm[this.count] = id;
    this.tripDoc[this.count] = doc;
    this.tripTf[this.count] = weight;
    this.lastDoc[id] = doc;
    this.slot[id] = this.count++;
  }

  private grow(): void {
    const size = this.tripTerm.length * 2;
    const term = new Uint32Array(size); term.set(this.tripTerm); this.tripTerm = term;
    const doc = new Uint32Array(size); doc.set(this.tripDoc); this.tripDoc = doc;
    const tf = new Uint16Array(size); tf.set(this.tripTf); this.tripTf = tf;
  }

  /** Sorts the postings by term (a counting sort: articles were added in order, so each list stays sorted). */
  finish(): TermIndex {
    this.addNext(Infinity);
    const termCount = this.termList.length;
    const offsets = new Uint32Array(termCount + 1);
    for (let i = 0; i < this.count; i++) offsets[this.tripTerm[i] + 1]++;
    for (let t = 0; t < termCount; t++) offsets[t + 1] += offsets[t];
    const next = offsets.slice(0, termCount);
    const docs = new Uint32Array(this.count);
    const tfs = new Uint16Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const at = next[this.tripTerm[i]]++;
      docs[at] = this.tripDoc[i];
      tfs[at] = this.tripTf[i];
    }
    let total = 0;
    for (const l of this.lengths) total += l;
    return {
      articleCount: this.lengths.length,
      averageLength: this.lengths.length ? total / this.lengths.length : 0,
      lengths: this.lengths,
      terms: this.termList,
      dictionary: dictionaryOf(this.termList),
      offsets, docs, tfs,
    };
  }
}

export function buildTermIndex(text: string, dump: Dump): TermIndex {
  return new TermIndexBuilder(text, dump).finish();
}

function dictionaryOf(list: readonly string[]): SearchableMap<number> {
  const map = new SearchableMap<number>();
  list.forEach((term, id) => map.set(term, id));
  return map;
}

/** Term ids for a query word: the word itself, every term it begins (prefix), or its near spellings (fuzzy). */
export function lookupTerm(index: TermIndex, term: string, mode: 'exact' | 'prefix' | 'fuzzy'): { id: number; weight: number }[] {
  if (mode === 'prefix') {
    const found: { id: number; weight: number }[] = [];
    for (const [t, id] of index.dictionary.atPrefix(term)) found.push({ id, weight: t === term ? 1 : 0.6 });
    return found;
  }
  const id = index.dictionary.get(term);
  if (id !== undefined || mode === 'exact') return id === undefined ? [] : [{ id, weight: 1 }];
  return [...index.dictionary.fuzzyGet(term, 1).values()].map(([fid]) => ({ id: fid, weight: 0.4 }));
}

const MAGIC = 'corpus-explorer-term-index/1';

/** The index as bytes, for the cache: a JSON header, then the arrays, each 4-byte aligned. */
export function serializeTermIndex(index: TermIndex): Uint8Array {
  const termsText = new TextEncoder().encode(index.terms.join('\n'));
  const header = new TextEncoder().encode(JSON.stringify({
    magic: MAGIC, articleCount: index.articleCount, averageLength: index.averageLength,
    terms: index.terms.length, termsBytes: termsText.length, postings: index.docs.length,
  }));
  const pad = (n: number) => (n + 3) & ~3;
  const parts: Uint8Array[] = [
    new Uint8Array(new Uint32Array([header.length]).buffer), header,
    termsText,
    new Uint8Array(index.lengths.buffer, index.lengths.byteOffset, index.lengths.byteLength),
    new Uint8Array(index.offsets.buffer, index.offsets.byteOffset, index.offsets.byteLength),
    new Uint8Array(index.docs.buffer, index.docs.byteOffset, index.docs.byteLength),
    new Uint8Array(index.tfs.buffer, index.tfs.byteOffset, index.tfs.byteLength),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => pad(n + p.length), 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at = pad(at + p.length); }
  return out;
}

/** Reads bytes written by serializeTermIndex; undefined when they are not such an index (or of another version). */
export function deserializeTermIndex(bytes: Uint8Array): TermIndex | undefined {
  try {
    const pad = (n: number) => (n + 3) & ~3;
    // Copy once into an aligned buffer so the arrays can be views.
    const buffer = new Uint8Array(bytes.length);
    buffer.set(bytes);
    const headerLength = new DataView(buffer.buffer).getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(buffer.subarray(4, 4 + headerLength)));
    if (header.magic !== MAGIC) return undefined;
    let at = pad(4 + headerLength);
    const termList = header.terms ? new TextDecoder().decode(buffer.subarray(at, at + header.termsBytes)).split('\n') : [];
    at = pad(at + header.termsBytes);
    const lengths = new Uint32Array(buffer.buffer, at, header.articleCount); at = pad(at + lengths.byteLength);
    const offsets = new Uint32Array(buffer.buffer, at, header.terms + 1); at = pad(at + offsets.byteLength);
    const docs = new Uint32Array(buffer.buffer, at, header.postings); at = pad(at + docs.byteLength);
    const tfs = new Uint16Array(buffer.buffer, at, header.postings);
    if (termList.length !== header.terms) return undefined;
    return { articleCount: header.articleCount, averageLength: header.averageLength, lengths, terms: termList, dictionary: dictionaryOf(termList), offsets, docs, tfs };
  } catch {
    return undefined;
  }
}
