import type { Article, Dump } from '../dump/types';
import { BLOCK_SHIFT, packOffsets, positionsStart, TermIndexBuilder, type TermIndex } from './termIndex';

/** The articles an edit touched: old[from, oldEnd) became new[from, newEnd); the rest are the same text. */
export interface ChangedArticles {
  readonly from: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** Past this share of the articles changed, an update is no cheaper than a build (and a build reports progress). */
const MAX_CHANGED_SHARE = 0.25;

/** Length of the common start of two strings, compared a block at a time (one memcmp a block, not a loop a character). */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let at = 0;
  for (let block = 1 << 16; block >= 1; block >>= 2) {
    while (at + block <= n && a.slice(at, at + block) === b.slice(at, at + block)) at += block;
  }
  while (at < n && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** Length of the common end of two strings, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  const n = Math.min(a.length, b.length, max);
  let at = 0;
  for (let block = 1 << 16; block >= 1; block >>= 2) {
    while (
      at + block <= n &&
      a.slice(a.length - at - block, a.length - at) === b.slice(b.length - at - block, b.length - at)
    )
      at += block;
  }
  while (at < n && a.charCodeAt(a.length - 1 - at) === b.charCodeAt(b.length - 1 - at)) at++;
  return at;
}

/** An article indexed the same in both readings: its title and its text (same span, `shift` apart) are equal. */
function same(a: Article, b: Article, shift: number): boolean {
  return (
    a.title === b.title &&
    a.textStartOffset + shift === b.textStartOffset &&
    a.textEndOffset + shift === b.textEndOffset &&
    a.startOffset + shift === b.startOffset
  );
}

/**
 * Which articles an edit changed, from the texts and readings before and after: the articles
 * wholly inside the unchanged start of the text, and those wholly inside its unchanged end, are
 * the same; the ones between changed (or are new, or went).
 */
export function changedArticles(oldText: string, oldDump: Dump, newText: string, newDump: Dump): ChangedArticles {
  const prefix = commonPrefix(oldText, newText);
  const suffix = commonSuffix(oldText, newText, Math.min(oldText.length, newText.length) - prefix);
  const shift = newText.length - oldText.length;
  const olds = oldDump.articles;
  const news = newDump.articles;
  let from = 0;
  while (from < olds.length && from < news.length && olds[from].endOffset <= prefix && same(olds[from], news[from], 0))
    from++;
  let tail = 0;
  while (
    olds.length - tail > from &&
    news.length - tail > from &&
    olds[olds.length - 1 - tail].startOffset >= oldText.length - suffix &&
    same(olds[olds.length - 1 - tail], news[news.length - 1 - tail], shift)
  )
    tail++;
  return { from, oldEnd: olds.length - tail, newEnd: news.length - tail };
}

/**
 * The index of the new text, from the old one: the changed articles indexed afresh, their
 * postings put in place of the old ones, every other posting copied (its article renumbered
 * past the change). The same postings a build of the new text would give, in a copy of the
 * arrays rather than a pass over the words. Undefined when so much changed that a build is the better way.
 */
export function updateTermIndex(
  old: TermIndex,
  oldText: string,
  oldDump: Dump,
  newText: string,
  newDump: Dump,
): TermIndex | undefined {
  if (old.articleCount !== oldDump.articles.length) return undefined;
  const change = changedArticles(oldText, oldDump, newText, newDump);
  const changed = Math.max(change.oldEnd, change.newEnd) - change.from;
  if (changed > Math.max(64, MAX_CHANGED_SHARE * newDump.articles.length)) return undefined;
  return spliceTermIndex(old, newText, newDump, change);
}

/** `old` with the articles of `change` replaced by those articles of the new reading. */
export function spliceTermIndex(old: TermIndex, newText: string, newDump: Dump, change: ChangedArticles): TermIndex {
  const { from, oldEnd, newEnd } = change;
  const fresh = new TermIndexBuilder(newText, { ...newDump, articles: newDump.articles.slice(from, newEnd) }).finish();
  const shift = newEnd - oldEnd;
  const dictionary = old.dictionary;
  const added: number[] = [];
  const gone = new Set<number>();

  // Term ids: the old ones, then the terms only the changed articles have.
  const terms = [...old.terms];
  const freshId = new Int32Array(fresh.terms.length);
  fresh.terms.forEach((term, i) => {
    // A term the dictionary lacks is new, or gone from every article earlier (its old id left empty).
    freshId[i] = dictionary.get(term) ?? terms.push(term) - 1;
  });
  const ofTerm = new Int32Array(terms.length).fill(-1);
  freshId.forEach((id, i) => {
    ofTerm[id] = i;
  });

  const lowerBound = (lo: number, hi: number, doc: number) => {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (old.docs[mid] < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // First pass: each term's list length and its positions' count, to size the arrays.
  const termCount = terms.length;
  const cuts = new Uint32Array(termCount * 2);
  const offsets = new Uint32Array(termCount + 1);
  let positionCount = 0;
  for (let t = 0; t < termCount; t++) {
    let n = 0;
    if (t < old.terms.length) {
      const o0 = old.offsets[t];
      const o1 = old.offsets[t + 1];
      const lo = lowerBound(o0, o1, from);
      const hi = lowerBound(lo, o1, oldEnd);
      cuts[2 * t] = lo;
      cuts[2 * t + 1] = hi;
      n += lo - o0 + (o1 - hi);
      positionCount +=
        positionsStart(old, lo) - positionsStart(old, o0) + (positionsStart(old, o1) - positionsStart(old, hi));
    }
    const f = ofTerm[t];
    if (f >= 0) {
      n += fresh.offsets[f + 1] - fresh.offsets[f];
      positionCount += positionsStart(fresh, fresh.offsets[f + 1]) - positionsStart(fresh, fresh.offsets[f]);
    }
    offsets[t + 1] = offsets[t] + n;
  }
  const postings = offsets[termCount];
  const docs = new Uint32Array(postings);
  const titleCounts = new Uint8Array(postings);
  const posOffsets = new Uint32Array(postings + 1);
  const wide = old.positions instanceof Uint32Array || fresh.positions instanceof Uint32Array;
  const positions = wide ? new Uint32Array(positionCount) : new Uint16Array(positionCount);

  let p = 0;
  let k = 0;
  /** Copies postings [a, b) of `source`, their articles moved by `by`. */
  const copy = (source: TermIndex, a: number, b: number, by: number) => {
    if (a >= b) return;
    if (by === 0) docs.set(source.docs.subarray(a, b), p);
    else for (let i = a; i < b; i++) docs[p + i - a] = source.docs[i] + by;
    titleCounts.set(source.titleCounts.subarray(a, b), p);
    const base = positionsStart(source, a);
    const move = k - base;
    // positionsStart inlined: this loop runs once a posting of the whole index.
    const { posBase, posLow } = source;
    for (let i = a + 1, o = p + 1; i <= b; i++, o++) posOffsets[o] = posBase[i >> BLOCK_SHIFT] + posLow[i] + move;
    const end = positionsStart(source, b);
    positions.set(source.positions.subarray(base, end), k);
    k += end - base;
    p += b - a;
  };
  for (let t = 0; t < termCount; t++) {
    const f = ofTerm[t];
    if (t < old.terms.length) copy(old, old.offsets[t], cuts[2 * t], 0);
    if (f >= 0) copy(fresh, fresh.offsets[f], fresh.offsets[f + 1], from);
    if (t < old.terms.length) copy(old, cuts[2 * t + 1], old.offsets[t + 1], shift);
    // The dictionary lists exactly the ids with postings (a lookup a term would cost more than the copying).
    const listed = t < old.terms.length && old.offsets[t + 1] > old.offsets[t];
    const has = offsets[t + 1] > offsets[t];
    if (listed && !has) gone.add(t);
    else if (has && !listed) added.push(t);
  }

  const lengths = new Uint32Array(newDump.articles.length);
  lengths.set(old.lengths.subarray(0, from));
  lengths.set(fresh.lengths, from);
  lengths.set(old.lengths.subarray(oldEnd), newEnd);
  let total = 0;
  for (const l of lengths) total += l;
  return {
    articleCount: lengths.length,
    averageLength: lengths.length ? total / lengths.length : 0,
    lengths,
    terms,
    dictionary: dictionary.updated(terms, added, gone),
    offsets,
    docs,
    titleCounts,
    ...packOffsets(posOffsets),
    positions,
  };
}
