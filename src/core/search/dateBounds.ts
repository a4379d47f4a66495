import { type ArticleTable, forEachDate } from '../dump/articleTable';
import type { Dump } from '../dump/types';

/**
 * Each article's date period as two numbers (yyyymmdd of its first and last day, a month's last
 * day taken as 31 as the articles filter does), computed once a reading: a date filter then costs
 * two comparisons an article, not four strings built.
 */
interface DateBounds {
  readonly low: Int32Array;
  readonly high: Int32Array;
}

const UNDATED_LOW = 0x7fffffff;
const bounds = new WeakMap<Dump, DateBounds>();

type Ymd = { year: number; month?: number; day?: number };

const lowOf = (d: Ymd) => d.year * 10000 + (d.month ?? 1) * 100 + (d.day ?? 1);
const highOf = (d: Ymd) => d.year * 10000 + (d.month ?? 12) * 100 + (d.day ?? 31);

/** Computed ahead (when a dump is indexed), so a first date filter does not pay for every article's date. */
export function boundsOf(dump: Dump): DateBounds {
  let b = bounds.get(dump);
  if (!b) {
    b = boundsFrom(dump.articles.length, (put) =>
      dump.articles.forEach((a, i) => {
        // From the ISO value, as the articles filter reads it.
        if (a.date) put(i, parts(a.date.value));
      }),
    );
    bounds.set(dump, b);
  }
  return b;
}

/**
 * The bounds of a dump whose articles are `table`'s rows, from the table's numbers, set ahead for
 * `dump`: its date filters need not make its article objects (nor read their ISO values) first.
 * The same bounds as boundsOf reads from the unpacked articles' dates.
 */
export function setBoundsFromTable(dump: Dump, table: ArticleTable): void {
  bounds.set(
    dump,
    boundsFrom(table.count, (put) => forEachDate(table, (row, year, month, day) => put(row, { year, month, day }))),
  );
}

/** Bounds of `n` articles, undated unless `dated` puts a date for them. */
function boundsFrom(n: number, dated: (put: (article: number, date: Ymd) => void) => void): DateBounds {
  const low = new Int32Array(n).fill(UNDATED_LOW);
  const high = new Int32Array(n).fill(-1);
  dated((i, d) => {
    low[i] = lowOf(d);
    high[i] = highOf(d);
  });
  return { low, high };
}

/** `2022`, `2022-11` or `2022-11-08` as year, month and day. */
function parts(value: string): Ymd {
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

/** A test of whether article `doc` of `dump` has a date in any of `ranges` (as dateInRange, undated never). */
export function dateTest(dump: Dump, ranges: readonly { from: string; to: string }[]): (doc: number) => boolean {
  const { low, high } = boundsOf(dump);
  const from = ranges.map((r) => lowOf(parts(r.from)));
  const to = ranges.map((r) => highOf(parts(r.to)));
  return (doc) => {
    for (let r = 0; r < from.length; r++) if (low[doc] <= to[r] && high[doc] >= from[r]) return true;
    return false;
  };
}
