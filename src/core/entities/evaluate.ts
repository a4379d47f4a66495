import type { Dump } from '../dump/types';
import { nfcOrNfdPattern } from '../text/nfdPattern';
import { ENTITY_TYPES, type EntityType } from './gazetteer';
import type { EntityIndex } from './extract';

/**
 * A gold entry: `[type, spelling]` takes every whole-word occurrence of the spelling in the article;
 * `[type, spelling, [i, j]]` takes only those occurrences (0-based, counted over every whole-word match of
 * the spelling in the article's text, in order), for surfaces that are an entity in some places only (`Anh`).
 */
export type GoldEntry = readonly [string, string] | readonly [string, string, readonly number[]];

/** A hand annotation: per article, the spellings of its entities with their types. */
export interface GoldFile {
  readonly articles: readonly { article: number; name?: string; section?: string; entities: readonly GoldEntry[] }[];
}

export interface Span {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface TypeScore {
  readonly type: EntityType | 'all';
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Gold mentions: every whole-word occurrence of each listed spelling in its article, longest
 * spellings first and never overlapping. Spellings that occur nowhere are returned as `missing`.
 */
/** Every whole-word occurrence of a spelling, in any normal form: what a gold entry's occurrence numbers count. */
export function wholeWordPattern(spelling: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${nfcOrNfdPattern(spelling)}(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
}

export function goldSpans(text: string, dump: Dump, gold: GoldFile): { spans: Span[]; missing: string[] } {
  const spans: Span[] = [];
  const missing: string[] = [];
  for (const { article: index, entities } of gold.articles) {
    const article = dump.articles[index];
    if (!article) {
      missing.push(`article ${index}`);
      continue;
    }
    const taken: Span[] = [];
    // The article alone, as extraction reads it: a spelling absent here must not scan the rest of the dump.
    const base = article.textStartOffset;
    const body = text.slice(base, article.textEndOffset);
    for (const [type, spelling, only] of [...entities].sort((a, b) => b[1].length - a[1].length)) {
      const re = wholeWordPattern(spelling);
      let found = false;
      let occurrence = -1;
      for (const m of body.matchAll(re)) {
        occurrence++;
        if (only && !only.includes(occurrence)) continue;
        const span = { type: type as EntityType, start: base + m.index, end: base + m.index + m[0].length, text: m[0] };
        if (taken.some((t) => span.start < t.end && span.end > t.start)) continue;
        taken.push(span);
        found = true;
      }
      if (!found) missing.push(`article ${index}: ${spelling}`);
    }
    spans.push(...taken);
  }
  return { spans: spans.sort((a, b) => a.start - b.start), missing };
}

const ratio = (a: number, b: number) => (b ? a / b : 0);

/** Precision, recall and F1 per type and overall; a mention counts only with the exact span and type. */
export function scoreMentions(gold: readonly Span[], index: EntityIndex): TypeScore[] {
  const key = (s: { type: string; start: number; end: number }) => `${s.type}:${s.start}:${s.end}`;
  const goldKeys = new Set(gold.map(key));
  const found = new Set(index.mentions.map(key));
  const score = (type: EntityType | 'all'): TypeScore => {
    const of = (keys: Set<string>) => [...keys].filter((k) => type === 'all' || k.startsWith(`${type}:`));
    const tp = of(found).filter((k) => goldKeys.has(k)).length;
    const fp = of(found).length - tp;
    const fn = of(goldKeys).length - tp;
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    return { type, tp, fp, fn, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
  };
  return [...ENTITY_TYPES.map(score), score('all')];
}

/**
 * Precision, recall and F1 per type and overall, counting a found mention right when it overlaps a gold
 * mention of its type (and a gold mention found when a found mention of its type overlaps it).
 */
export function scoreOverlap(
  gold: readonly Span[],
  found: readonly { type: string; start: number; end: number }[],
): TypeScore[] {
  const sortedGold = [...gold].sort((a, b) => a.start - b.start);
  const sortedFound = [...found].sort((a, b) => a.start - b.start);
  const hits = (
    xs: readonly { type: string; start: number; end: number }[],
    ys: readonly { type: string; start: number; end: number }[],
  ) => {
    // Both sorted by start: a window over ys for each x, linear in practice.
    const hit = new Uint8Array(xs.length);
    let lo = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      while (lo < ys.length && ys[lo].end <= x.start - 200) lo++;
      for (let k = lo; k < ys.length && ys[k].start < x.end; k++)
        if (ys[k].end > x.start && ys[k].type === x.type) {
          hit[i] = 1;
          break;
        }
    }
    return hit;
  };
  const foundHit = hits(sortedFound, sortedGold);
  const goldHit = hits(sortedGold, sortedFound);
  const score = (type: EntityType | 'all'): TypeScore => {
    let tpP = 0;
    let nP = 0;
    let tpR = 0;
    let nR = 0;
    sortedFound.forEach((f, i) => {
      if (type !== 'all' && f.type !== type) return;
      nP++;
      tpP += foundHit[i];
    });
    sortedGold.forEach((g, i) => {
      if (type !== 'all' && g.type !== type) return;
      nR++;
      tpR += goldHit[i];
    });
    const precision = ratio(tpP, nP);
    const recall = ratio(tpR, nR);
    return {
      type,
      tp: tpR,
      fp: nP - tpP,
      fn: nR - tpR,
      precision,
      recall,
      f1: ratio(2 * precision * recall, precision + recall),
    };
  };
  return [...ENTITY_TYPES.map(score), score('all')];
}
