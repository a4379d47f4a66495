import { makeDate } from '../dates/calendar';
import { untitledTitle } from './articleState';
import type { PartBase } from './parts';
import type { Article, ArticleDate } from './types';

/**
 * Articles packed flat: numbers in one Float64Array, every string in one string. Posting 50,000
 * article objects between threads costs a structured clone of each (hundreds of ms on either
 * side); a table moves as one transferred buffer and one string, and it is also the form the
 * reading is cached in on disk. `unpackArticles` gives back objects equal to the originals.
 */
export interface ArticleTable {
  readonly count: number;
  readonly numbers: Float64Array;
  readonly strings: string;
}

const FIELDS = 19;
/**
 * A reader's lines, and the names and titles cut from them, die young once joined: kept apart
 * until the end, 200,000 strings a half of the 100,000-article dump outlived the young generation.
 */
const STRINGS_JOINED = 4 * 256;
const PRECISIONS = ['year', 'month', 'day'] as const;
const CLOSED = 1;
const UNTITLED = 2;
const HAS_SOURCE = 4;

/** Builds a table one article at a time, so a reader need not keep a million article objects alive. */
export class ArticleTableBuilder {
  private numbers = new Float64Array(1024 * FIELDS);
  /** The strings of the last few articles, joined into `joined` every STRINGS_JOINED: few objects live long. */
  private strings: string[] = [];
  private readonly joined: string[] = [];
  private count = 0;

  /** `byteStart`: where the article's marker line starts in the bytes it was read from, when known. */
  add(a: Article, byteStart?: number): void {
    let k = this.count * FIELDS;
    if (k + FIELDS > this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    const n = this.numbers;
    const headers = isEmpty(a.headers) ? '' : JSON.stringify(a.headers);
    const source = a.source ?? '';
    const d = a.date;
    n[k++] = a.index;
    n[k++] = a.startLine;
    n[k++] = a.endLine;
    n[k++] = a.startOffset;
    n[k++] = a.endOffset;
    n[k++] = a.textStartOffset;
    n[k++] = a.textEndOffset;
    n[k++] = a.textStartLine;
    n[k++] = (a.closed ? CLOSED : 0) | (a.untitled ? UNTITLED : 0) | (a.source !== undefined ? HAS_SOURCE : 0);
    n[k++] = d ? PRECISIONS.indexOf(d.precision) + 1 : 0;
    n[k++] = d?.kind === 'inferred' ? 1 : 0;
    n[k++] = d?.year ?? 0;
    n[k++] = d?.month ?? 0;
    n[k++] = d?.day ?? 0;
    n[k++] = a.name.length;
    n[k++] = a.title.length;
    n[k++] = source.length;
    n[k++] = headers.length;
    // Plus one, so that 0 says unknown (a reading from decoded text).
    n[k++] = byteStart === undefined ? 0 : byteStart + 1;
    this.strings.push(a.name, a.title, source, headers);
    if (this.strings.length >= STRINGS_JOINED) {
      this.joined.push(this.strings.join(''));
      this.strings = [];
    }
    this.count++;
  }

  finish(): ArticleTable {
    const strings = this.joined.join('') + this.strings.join('');
    return { count: this.count, numbers: this.numbers.slice(0, this.count * FIELDS), strings };
  }
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

export function packArticles(articles: readonly Article[]): ArticleTable {
  const builder = new ArticleTableBuilder();
  for (const a of articles) builder.add(a);
  return builder.finish();
}

/** Whether a table is whole: a row of numbers for each article, and exactly the strings its rows measure. */
export function isWholeTable(table: ArticleTable): boolean {
  if (table.numbers.length !== table.count * FIELDS) return false;
  let length = 0;
  for (let k = 0; k < table.numbers.length; k += FIELDS)
    length += table.numbers[k + 14] + table.numbers[k + 15] + table.numbers[k + 16] + table.numbers[k + 17];
  return length === table.strings.length;
}

/**
 * Where each article's marker line starts in the bytes the table was read from (relative to the
 * part), or undefined unless every row knows it: a reading from the bytes knows them all.
 */
export function byteStarts(table: ArticleTable): Float64Array | undefined {
  const out = new Float64Array(table.count);
  for (let i = 0; i < table.count; i++) {
    const at = table.numbers[i * FIELDS + 18];
    if (!at) return undefined;
    out[i] = at - 1;
  }
  return out;
}

/** A copy of the table with these dates set (as withDates sets them on the articles), without making any article. */
export function tableWithDates(table: ArticleTable, dates: readonly (readonly [number, ArticleDate])[]): ArticleTable {
  const numbers = table.numbers.slice();
  for (const [i, d] of dates) {
    const k = i * FIELDS;
    numbers[k + 9] = PRECISIONS.indexOf(d.precision) + 1;
    numbers[k + 10] = d.kind === 'inferred' ? 1 : 0;
    numbers[k + 11] = d.year;
    numbers[k + 12] = d.month ?? 0;
    numbers[k + 13] = d.day ?? 0;
  }
  return { ...table, numbers };
}

/**
 * Each dated row's date as its numbers (month and day undefined past its precision), row by row,
 * without making an article or a date string: what a date filter needs before the objects exist.
 */
export function forEachDate(
  table: ArticleTable,
  visit: (row: number, year: number, month: number | undefined, day: number | undefined) => void,
): void {
  const n = table.numbers;
  for (let i = 0; i < table.count; i++) {
    const k = i * FIELDS;
    const precision = n[k + 9];
    if (precision) visit(i, n[k + 11], precision > 1 ? n[k + 12] : undefined, precision > 2 ? n[k + 13] : undefined);
  }
}

/** UTF-16 offset of each article's marker line: the other half of what byteStarts pairs. */
export function startOffsets(table: ArticleTable): Float64Array {
  const out = new Float64Array(table.count);
  for (let i = 0; i < table.count; i++) out[i] = table.numbers[i * FIELDS + 3];
  return out;
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});
const NO_SHIFT: PartBase = { article: 0, offset: 0, line: 0 };

/**
 * The table's articles as objects, `size` at a time (so a thread taking in 100,000 can pause
 * between slices), placed in the whole dump by `base` (where the part they come from starts).
 */
export function* articleSlices(table: ArticleTable, base: PartBase = NO_SHIFT, size = 2_500): Generator<Article[]> {
  const n = table.numbers;
  const s = table.strings;
  // Dates and empty headers shared between the articles that have the same (articles are never changed in
  // place): 100,000 articles over a few thousand days are 100,000 fewer objects for the collector to copy.
  const dates = new Map<number, ArticleDate | undefined>();
  let at = 0;
  for (let from = 0; from < table.count; from += size) {
    const to = Math.min(table.count, from + size);
    const out: Article[] = new Array(to - from);
    for (let i = from; i < to; i++) {
      const k = i * FIELDS;
      const name = s.slice(at, (at += n[k + 14]));
      const title = s.slice(at, (at += n[k + 15]));
      const source = s.slice(at, (at += n[k + 16]));
      const headers = s.slice(at, (at += n[k + 17]));
      const flags = n[k + 8];
      const precision = n[k + 9];
      const index = n[k] + base.article;
      let date: ArticleDate | undefined;
      if (precision) {
        const day = (((n[k + 11] * 16 + n[k + 12]) * 32 + n[k + 13]) * 4 + precision) * 2 + n[k + 10];
        date = dates.get(day);
        if (!date && !dates.has(day)) {
          date = makeDate(
            n[k + 10] ? 'inferred' : 'explicit',
            n[k + 11],
            precision > 1 ? n[k + 12] : undefined,
            precision > 2 ? n[k + 13] : undefined,
          );
          dates.set(day, date);
        }
      }
      const article: Article & { untitled?: true } = {
        index,
        name,
        title: flags & UNTITLED ? untitledTitle(index) : title,
        source: flags & HAS_SOURCE ? source : undefined,
        date,
        headers: headers ? JSON.parse(headers) : NO_HEADERS,
        startLine: n[k + 1] + base.line,
        endLine: n[k + 2] + base.line,
        startOffset: n[k + 3] + base.offset,
        endOffset: n[k + 4] + base.offset,
        textStartOffset: n[k + 5] + base.offset,
        textEndOffset: n[k + 6] + base.offset,
        textStartLine: n[k + 7] + base.line,
        closed: (flags & CLOSED) !== 0,
      };
      if (flags & UNTITLED) article.untitled = true;
      out[i - from] = article;
    }
    yield out;
  }
}

/** All of a table's articles as objects, at once. */
export const unpackArticles = (table: ArticleTable, base?: PartBase): Article[] =>
  [...articleSlices(table, base, Math.max(1, table.count))].flat();
