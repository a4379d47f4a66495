import type { ArticleDate, DateKind } from '../dump/types';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian leap years (for years 1–99 the same as `Date.UTC`'s 1901–1999, which it maps them to). */
const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Arithmetic, not a Date: the readers ask this for every date tag of a million-article dump. */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function makeDate(kind: DateKind, year: number, month?: number, day?: number): ArticleDate | undefined {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return undefined;
  if (month === undefined) return { value: pad(year, 4), year, precision: 'year', kind };
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return { value: `${pad(year, 4)}-${pad(month, 2)}`, year, month, precision: 'month', kind };
  if (!isValidDay(year, month, day)) return undefined;
  return { value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, year, month, day, precision: 'day', kind };
}

/** Parses `2022`, `2022-11` or `2022-11-08`; undefined when it is not a real calendar date. */
export function parseIsoDate(text: string, kind: DateKind): ArticleDate | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  return makeDate(kind, +m[1], m[2] === undefined ? undefined : +m[2], m[3] === undefined ? undefined : +m[3]);
}
