import type { Dump } from '../dump/types';
import { foldOneWord } from '../text/fold';
import { forEachWordSpan, terms } from '../text/tokenize';
import { forEachUtf8WordSpan } from '../text/utf8Words';
import { TermDictionary } from './termDictionary';

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
  readonly dictionary: TermDictionary;
  /** Postings of term t: docs[offsets[t] .. offsets[t + 1]). */
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  /** How often posting p's term is in its article's title (at most 255); its text count is its positions' count. */
  readonly titleCounts: Uint8Array;
  /**
   * Where each word of posting p stands in its article's text: positions[positionsStart(p) ..
   * positionsStart(p + 1)), ascending; phrases need them. The start of posting p is
   * posBase[p >> 6] + posLow[p]: two bytes a posting rather than four (four again, posLow wide,
   * in the rare index where 64 postings in a row hold more than 65,535 positions).
   */
  readonly posBase: Uint32Array;
  readonly posLow: Uint16Array | Uint32Array;
  readonly positions: Uint16Array | Uint32Array;
}

export const BLOCK_SHIFT = 6;

/** Where posting p's positions start in `positions` (p up to the number of postings, for the end of the last). */
export function positionsStart(index: TermIndex, p: number): number {
  return index.posBase[p >> BLOCK_SHIFT] + index.posLow[p];
}

/** Term frequency of posting p, as BM25 counts it: its text count, and its title count TITLE_WEIGHT times. */
export function termFrequency(index: TermIndex, p: number): number {
  const body =
    index.posBase[(p + 1) >> BLOCK_SHIFT] + index.posLow[p + 1] - index.posBase[p >> BLOCK_SHIFT] - index.posLow[p];
  return Math.min(65535, body + TITLE_WEIGHT * index.titleCounts[p]);
}

/** Position starts (one a posting, and one past the last) in their two-part form. */
export function packOffsets(offsets: Uint32Array): { posBase: Uint32Array; posLow: Uint16Array | Uint32Array } {
  const blocks = (offsets.length + (1 << BLOCK_SHIFT) - 1) >> BLOCK_SHIFT;
  const posBase = new Uint32Array(blocks);
  let narrow = true;
  for (let b = 0; b < blocks; b++) {
    posBase[b] = offsets[b << BLOCK_SHIFT];
    const last = Math.min(offsets.length, (b + 1) << BLOCK_SHIFT) - 1;
    if (offsets[last] - posBase[b] > 0xffff) narrow = false;
  }
  const posLow = narrow ? new Uint16Array(offsets.length) : new Uint32Array(offsets.length);
  for (let p = 0; p < offsets.length; p++) posLow[p] = offsets[p] - posBase[p >> BLOCK_SHIFT];
  return { posBase, posLow };
}

// Title words count three times: a match in the title says more about the article.
export const TITLE_WEIGHT = 2;

/**
 * A dump's text as its bytes (valid UTF-8, as the byte reader reads them) and where each of its
 * articles' marker lines starts in them (`starts[i]` for `dump.articles[i]`, whose `startOffset`
 * is the same place in UTF-16 units): a build from these gives the index a build from the
 * decoded text gives, without the decode.
 */
export interface DumpBytes {
  readonly bytes: Uint8Array;
  readonly starts: ArrayLike<number>;
}

/** Builds a TermIndex article by article, so a caller can yield, report progress and cancel between batches. */
export class TermIndexBuilder {
  private readonly ids = new Map<string, number>();
  /** Words as written → term id, by where a spelling first stood in the text: no string made a token. */
  private readonly spellings: SpellingTable;
  private readonly termList: string[] = [];
  private lastDoc = new Int32Array(1024).fill(-1);
  private slot = new Uint32Array(1024);
  private tripTerm = new Uint32Array(1 << 16);
  private tripDoc = new Uint32Array(1 << 16);
  private tripTf = new Uint16Array(1 << 16);
  /** Occurrences in the text (the title's weight aside), and where their positions start. */
  private tripBody = new Uint32Array(1 << 16);
  private tripPosStart = new Uint32Array(1 << 16);
  private count = 0;
  private positions = new Uint32Array(1 << 16);
  private posCount = 0;
  private docTerms = new Uint32Array(1 << 12);
  private maxTokens = 0;
  private readonly lengths: Uint32Array;
  private added = 0;

  /** `text`: the dump's text, or its bytes (then no string is made but of each new spelling). */
  constructor(
    private readonly text: string | DumpBytes,
    private readonly dump: Dump,
  ) {
    this.lengths = new Uint32Array(dump.articles.length);
    this.spellings = typeof text === 'string' ? new TextSpellings(text) : new ByteSpellings(text.bytes);
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
      const firstSlot = this.count;
      let tokens = 0;
      const visit = (start: number, end: number, hash: number) => {
        let id = this.spellings.get(start, end, hash);
        if (id < 0) {
          id = this.idOf(foldOneWord(this.spellings.word(start, end)));
          this.spellings.add(start, end, hash, id);
        }
        this.hit(id, doc, 1);
        this.tripBody[this.slot[id]]++;
        if (tokens === this.docTerms.length) {
          const d = new Uint32Array(tokens * 2);
          d.set(this.docTerms);
          this.docTerms = d;
        }
        this.docTerms[tokens++] = id;
      };
      const text = this.text;
      if (typeof text === 'string') forEachWordSpan(text, article.textStartOffset, article.textEndOffset, visit);
      else
        forEachUtf8WordSpan(
          text.bytes,
          text.starts[doc],
          article.startOffset,
          article.textStartOffset,
          article.textEndOffset,
          visit,
        );
      let length = tokens;
      for (const term of terms(article.title)) {
        this.hit(this.idOf(term), doc, TITLE_WEIGHT);
        length++;
      }
      this.lengths[doc] = length;
      this.placePositions(firstSlot, tokens);
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

  /** Lays out this article's word positions grouped by posting, in one pass over its words. */
  private placePositions(firstSlot: number, tokens: number): void {
    this.maxTokens = Math.max(this.maxTokens, tokens);
    while (this.posCount + tokens > this.positions.length) {
      const p = new Uint32Array(this.positions.length * 2);
      p.set(this.positions);
      this.positions = p;
    }
    let at = this.posCount;
    for (let s = firstSlot; s < this.count; s++) {
      this.tripPosStart[s] = at;
      at += this.tripBody[s];
    }
    // tripPosStart doubles as the cursor while filling, then is set back.
    for (let t = 0; t < tokens; t++) this.positions[this.tripPosStart[this.slot[this.docTerms[t]]]++] = t;
    for (let s = firstSlot; s < this.count; s++) this.tripPosStart[s] -= this.tripBody[s];
    this.posCount += tokens;
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
    const term = new Uint32Array(size);
    term.set(this.tripTerm);
    this.tripTerm = term;
    const doc = new Uint32Array(size);
    doc.set(this.tripDoc);
    this.tripDoc = doc;
    const tf = new Uint16Array(size);
    tf.set(this.tripTf);
    this.tripTf = tf;
    const body = new Uint32Array(size);
    body.set(this.tripBody);
    this.tripBody = body;
    const posStart = new Uint32Array(size);
    posStart.set(this.tripPosStart);
    this.tripPosStart = posStart;
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
    const titleCounts = new Uint8Array(this.count);
    // Each posting's positions (where they start, how many), moved with it in the sort: the copy
    // below then reads these in order, and only the positions themselves from all over.
    let widest = 0;
    for (let i = 0; i < this.count; i++) widest = Math.max(widest, this.tripBody[i]);
    const sortedStart = new Uint32Array(this.count);
    const sortedBody = widest <= 0xffff ? new Uint16Array(this.count) : new Uint32Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const at = next[this.tripTerm[i]]++;
      docs[at] = this.tripDoc[i];
      titleCounts[at] = Math.min(255, (this.tripTf[i] - this.tripBody[i]) / TITLE_WEIGHT);
      sortedStart[at] = this.tripPosStart[i];
      sortedBody[at] = this.tripBody[i];
    }
    const posOffsets = new Uint32Array(this.count + 1);
    const positions = this.maxTokens <= 0xffff ? new Uint16Array(this.posCount) : new Uint32Array(this.posCount);
    // A plain loop: a subarray per posting (millions of them) costs more than the copying.
    const source = this.positions;
    let to = 0;
    for (let p = 0; p < this.count; p++) {
      const from = sortedStart[p];
      const n = sortedBody[p];
      for (let k = 0; k < n; k++) positions[to + k] = source[from + k];
      to += n;
      posOffsets[p + 1] = to;
    }
    let total = 0;
    for (const l of this.lengths) total += l;
    return {
      articleCount: this.lengths.length,
      averageLength: this.lengths.length ? total / this.lengths.length : 0,
      lengths: this.lengths,
      terms: this.termList,
      dictionary: TermDictionary.of(this.termList),
      offsets,
      docs,
      titleCounts,
      ...packOffsets(posOffsets),
      positions,
    };
  }
}

/**
 * Spellings seen so far → term id, in an open-addressing table of typed arrays: a token is looked
 * up by its hash and compared in place (with the text at the spelling's first occurrence, or
 * with the spelling's bytes kept together: see the two kinds below).
 */
abstract class SpellingTable {
  private keys = new Int32Array(1 << 16).fill(-1);
  /**
   * Entry e at entries[e * 4 ..]: hash, start, length, term id — one cache line a lookup rather
   * than one an array (the lookup is most of the build's time per word).
   */
  private entries = new Int32Array(1 << 17);
  private size = 0;
  /** Bounded: a corpus's spellings are many fewer than its words, but never let the table grow without end. */
  private static readonly MAX = 1 << 21;

  /** Whether the spelling kept at `kept` is the one at [start, start + length). */
  protected abstract same(kept: number, start: number, length: number): boolean;
  /** Keeps the spelling at [start, end) for later comparisons; where it is kept. */
  protected abstract keep(start: number, end: number): number;
  /** The spelling at [start, end) as a string. */
  abstract word(start: number, end: number): string;

  /** The term id of the spelling at [start, end), or -1 if it is new. */
  get(start: number, end: number, hash: number): number {
    const mask = this.keys.length - 1;
    const length = end - start;
    const entries = this.entries;
    for (let h = hash & mask; ; h = (h + 1) & mask) {
      const e = this.keys[h];
      if (e < 0) return -1;
      const at = e << 2;
      if (entries[at] === hash && entries[at + 2] === length && this.same(entries[at + 1], start, length))
        return entries[at + 3];
    }
  }

  add(start: number, end: number, hash: number, id: number): void {
    if (this.size >= SpellingTable.MAX || end - start > 0xffff) return;
    if (this.size * 4 === this.entries.length) {
      const grown = new Int32Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
    }
    if (this.size * 2 >= this.keys.length) this.rehash();
    const e = this.size++;
    const at = e << 2;
    this.entries[at] = hash;
    this.entries[at + 1] = this.keep(start, end);
    this.entries[at + 2] = end - start;
    this.entries[at + 3] = id;
    this.place(e);
  }

  private place(e: number): void {
    const mask = this.keys.length - 1;
    let h = this.entries[e << 2] & mask;
    while (this.keys[h] >= 0) h = (h + 1) & mask;
    this.keys[h] = e;
  }

  private rehash(): void {
    this.keys = new Int32Array(this.keys.length * 2).fill(-1);
    for (let e = 0; e < this.size; e++) this.place(e);
  }
}

/** Spellings of a text, each kept as where it first stood in the text (UTF-16 offsets). */
class TextSpellings extends SpellingTable {
  constructor(private readonly text: string) {
    super();
  }

  protected same(kept: number, start: number, length: number): boolean {
    for (let k = 0; k < length; k++)
      if (this.text.charCodeAt(kept + k) !== this.text.charCodeAt(start + k)) return false;
    return true;
  }

  protected keep(start: number): number {
    return start;
  }

  word(start: number, end: number): string {
    return this.text.slice(start, end);
  }
}

/**
 * Spellings of UTF-8 bytes (byte offsets), each kept as a copy of its bytes, one after another:
 * the comparisons of the frequent words read a few hot kilobytes, not the places all over the
 * dump where each first stood.
 */
class ByteSpellings extends SpellingTable {
  private kept = new Uint8Array(1 << 16);
  private keptLength = 0;
  private readonly bytes: Buffer;

  constructor(bytes: Uint8Array) {
    super();
    this.bytes = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  protected same(kept: number, start: number, length: number): boolean {
    const b = this.bytes;
    const k = this.kept;
    for (let i = 0; i < length; i++) if (k[kept + i] !== b[start + i]) return false;
    return true;
  }

  protected keep(start: number, end: number): number {
    const at = this.keptLength;
    while (at + end - start > this.kept.length) {
      const grown = new Uint8Array(this.kept.length * 2);
      grown.set(this.kept);
      this.kept = grown;
    }
    this.kept.set(this.bytes.subarray(start, end), at);
    this.keptLength += end - start;
    return at;
  }

  word(start: number, end: number): string {
    return this.bytes.toString('utf8', start, end);
  }
}

export function buildTermIndex(text: string | DumpBytes, dump: Dump): TermIndex {
  return new TermIndexBuilder(text, dump).finish();
}

/**
 * A prefix expands to at most this many terms, the most frequent first: `a*` would otherwise be
 * every term in the index, and cost a pass over every posting.
 */
export const MAX_PREFIX_TERMS = 100;

/** The terms a prefix begins, the most frequent (then alphabetical) first, at most MAX_PREFIX_TERMS, and how many there are in all. */
export function prefixTerms(index: TermIndex, prefix: string): { ids: number[]; total: number } {
  const ids: number[] = [];
  for (const [, id] of index.dictionary.atPrefix(prefix)) ids.push(id);
  const df = (id: number) => index.offsets[id + 1] - index.offsets[id];
  const total = ids.length;
  if (total > MAX_PREFIX_TERMS) {
    const exact = index.dictionary.get(prefix);
    ids.sort((a, b) => (a === exact ? -1 : b === exact ? 1 : df(b) - df(a) || compare(index.terms[a], index.terms[b])));
    ids.length = MAX_PREFIX_TERMS;
  }
  // Alphabetical, whatever the ids: an index updated in place scores the same as one built afresh.
  ids.sort((a, b) => compare(index.terms[a], index.terms[b]));
  return { ids, total };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Term ids for a query word: the word itself, every term it begins (prefix, capped), or its near spellings (fuzzy). */
export function lookupTerm(
  index: TermIndex,
  term: string,
  mode: 'exact' | 'prefix' | 'fuzzy',
): { id: number; weight: number }[] {
  if (mode === 'prefix')
    return prefixTerms(index, term).ids.map((id) => ({ id, weight: index.terms[id] === term ? 1 : 0.6 }));
  const id = index.dictionary.get(term);
  if (id !== undefined || mode === 'exact') return id === undefined ? [] : [{ id, weight: 1 }];
  return index.dictionary
    .nearby(term)
    .sort((a, b) => compare(index.terms[a], index.terms[b]))
    .map((fid) => ({ id: fid, weight: 0.4 }));
}

const MAGIC = 'corpus-explorer-term-index/4';

/** The index as bytes, for the cache: a JSON header, then the arrays, each 4-byte aligned. */
export function serializeTermIndex(index: TermIndex): Uint8Array {
  const termsText = new TextEncoder().encode(index.terms.join('\n'));
  const header = new TextEncoder().encode(
    JSON.stringify({
      magic: MAGIC,
      articleCount: index.articleCount,
      averageLength: index.averageLength,
      terms: index.terms.length,
      termsBytes: termsText.length,
      live: index.dictionary.order.length,
      postings: index.docs.length,
      positions: index.positions.length,
      blocks: index.posBase.length,
      wide: index.positions instanceof Uint32Array,
      wideLow: index.posLow instanceof Uint32Array,
    }),
  );
  const pad = (n: number) => (n + 3) & ~3;
  const parts: Uint8Array[] = [
    new Uint8Array(new Uint32Array([header.length]).buffer),
    header,
    termsText,
    new Uint8Array(index.dictionary.order.buffer, index.dictionary.order.byteOffset, index.dictionary.order.byteLength),
    new Uint8Array(index.lengths.buffer, index.lengths.byteOffset, index.lengths.byteLength),
    new Uint8Array(index.offsets.buffer, index.offsets.byteOffset, index.offsets.byteLength),
    new Uint8Array(index.docs.buffer, index.docs.byteOffset, index.docs.byteLength),
    new Uint8Array(index.titleCounts.buffer, index.titleCounts.byteOffset, index.titleCounts.byteLength),
    new Uint8Array(index.posBase.buffer, index.posBase.byteOffset, index.posBase.byteLength),
    new Uint8Array(index.posLow.buffer, index.posLow.byteOffset, index.posLow.byteLength),
    new Uint8Array(index.positions.buffer, index.positions.byteOffset, index.positions.byteLength),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => pad(n + p.length), 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at = pad(at + p.length);
  }
  return out;
}

/**
 * Reads bytes written by serializeTermIndex; undefined when they are not such an index (or of
 * another version). The arrays are views: of a copy of `bytes`, or with `adopt` (and `bytes`
 * 4-byte aligned, as a file read whole is) of `bytes` itself, which the caller then must not
 * change or reuse — no copy, and no second index-sized buffer while loading.
 */
export function deserializeTermIndex(bytes: Uint8Array, options: { adopt?: boolean } = {}): TermIndex | undefined {
  try {
    const pad = (n: number) => (n + 3) & ~3;
    let buffer = bytes;
    if (!options.adopt || bytes.byteOffset % 4 !== 0) {
      buffer = new Uint8Array(bytes.length);
      buffer.set(bytes);
    }
    const base = buffer.byteOffset;
    const view = <T>(make: new (b: ArrayBufferLike, at: number, n: number) => T, at: number, n: number) =>
      new make(buffer.buffer, base + at, n);
    const headerLength = new DataView(buffer.buffer, base).getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(buffer.subarray(4, 4 + headerLength)));
    if (header.magic !== MAGIC) return undefined;
    let at = pad(4 + headerLength);
    const termList = header.terms
      ? new TextDecoder().decode(buffer.subarray(at, at + header.termsBytes)).split('\n')
      : [];
    at = pad(at + header.termsBytes);
    const order = view(Uint32Array, at, header.live);
    at = pad(at + order.byteLength);
    const lengths = view(Uint32Array, at, header.articleCount);
    at = pad(at + lengths.byteLength);
    const offsets = view(Uint32Array, at, header.terms + 1);
    at = pad(at + offsets.byteLength);
    const docs = view(Uint32Array, at, header.postings);
    at = pad(at + docs.byteLength);
    const titleCounts = view(Uint8Array, at, header.postings);
    at = pad(at + titleCounts.byteLength);
    const posBase = view(Uint32Array, at, header.blocks);
    at = pad(at + posBase.byteLength);
    const posLow = header.wideLow
      ? view(Uint32Array, at, header.postings + 1)
      : view(Uint16Array, at, header.postings + 1);
    at = pad(at + posLow.byteLength);
    const positions = header.wide ? view(Uint32Array, at, header.positions) : view(Uint16Array, at, header.positions);
    if (termList.length !== header.terms) return undefined;
    return {
      articleCount: header.articleCount,
      averageLength: header.averageLength,
      lengths,
      terms: termList,
      dictionary: new TermDictionary(termList, order),
      offsets,
      docs,
      titleCounts,
      posBase,
      posLow,
      positions,
    };
  } catch {
    return undefined;
  }
}

/** The posting of `doc` in term `id`'s list, by binary search; -1 if the article lacks the term. */
export function postingOf(index: TermIndex, id: number, doc: number): number {
  let lo = index.offsets[id];
  let hi = index.offsets[id + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = index.docs[mid];
    if (d === doc) return mid;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Whether the article has the terms `ids` as consecutive words, from their positions. */
export function hasPhrase(index: TermIndex, ids: readonly number[], doc: number): boolean {
  const lists: (Uint16Array | Uint32Array)[] = [];
  for (const id of ids) {
    const p = postingOf(index, id, doc);
    if (p < 0) return false;
    lists.push(index.positions.subarray(positionsStart(index, p), positionsStart(index, p + 1)));
  }
  const has = (list: Uint16Array | Uint32Array, x: number) => {
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] === x) return true;
      if (list[mid] < x) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  for (const start of lists[0]) {
    let all = true;
    for (let k = 1; k < lists.length && all; k++) all = has(lists[k], start + k);
    if (all) return true;
  }
  return false;
}

/**
 * Keeps, in place at the front of `docs`, the articles that have the terms `ids` as consecutive
 * words, and returns how many: as hasPhrase for each, but with a cursor walking each term's
 * postings forward while the articles ascend (no binary search an article), and each term's
 * positions merged rather than searched. Articles out of order only restart the cursors.
 */
export function keepPhrase(index: TermIndex, ids: readonly number[], docs: Uint32Array): number {
  const n = ids.length;
  const { offsets, docs: postings } = index;
  const cursor = new Uint32Array(n);
  const ends = new Uint32Array(n);
  // The in-row check's own cursors, one array for every article (not one an article).
  const next = new Uint32Array(n);
  const reset = () => {
    for (let i = 0; i < n; i++) cursor[i] = offsets[ids[i]];
  };
  reset();
  for (let i = 0; i < n; i++) ends[i] = offsets[ids[i] + 1];
  let kept = 0;
  let previous = -1;
  for (let k = 0; k < docs.length; k++) {
    const doc = docs[k];
    if (doc < previous) reset();
    previous = doc;
    let all = true;
    for (let i = 0; i < n && all; i++) {
      const end = ends[i];
      let p = cursor[i];
      while (p < end && postings[p] < doc) p++;
      cursor[i] = p;
      all = p < end && postings[p] === doc;
    }
    if (all && inRow(index, cursor, next)) docs[kept++] = doc;
  }
  return kept;
}

/**
 * Whether the postings `at` (one a phrase word, in order) have positions p, p + 1, p + 2, …; each
 * list walked once, driven by the word with the fewest positions in the article (a phrase of a
 * frequent word and a rare one: the rare word's few places tried, not the frequent word's many).
 * `next` is scratch, one slot a word.
 */
function inRow(index: TermIndex, at: Uint32Array, next: Uint32Array): boolean {
  const n = at.length;
  const { positions } = index;
  let driver = 0;
  let fewest = -1;
  for (let i = 0; i < n; i++) {
    const from = positionsStart(index, at[i]);
    const count = positionsStart(index, at[i] + 1) - from;
    next[i] = from;
    if (fewest < 0 || count < fewest) {
      fewest = count;
      driver = i;
    }
  }
  const driverEnd = next[driver] + fewest;
  for (let j = next[driver]; j < driverEnd; j++) {
    // Word `driver` at x: the phrase would start at x − driver.
    const start = positions[j] - driver;
    if (start < 0) continue;
    let all = true;
    for (let i = 0; i < n && all; i++) {
      if (i === driver) continue;
      const end = positionsStart(index, at[i] + 1);
      let q = next[i];
      while (q < end && positions[q] < start + i) q++;
      next[i] = q;
      if (q === end) return false;
      all = positions[q] === start + i;
    }
    if (all) return true;
  }
  return false;
}
