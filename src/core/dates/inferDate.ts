import type { ArticleDate } from '../dump/types';
import { nfcOrNfdPattern } from '../text/nfdPattern';
import { makeDate } from './calendar';

const NGAY = nfcOrNfdPattern('ngày');
const THANG = nfcOrNfdPattern('tháng');
const NAM = nfcOrNfdPattern('năm');

/*
 * Only complete dates count (spec §4): a day and month without a year never dates an article.
 * One combined regex so the text is scanned once; the latest date wins (spec §4: news reports recent
 * events, earlier dates are mostly history, births and documents). ISO values of day precision
 * compare as strings in calendar order.
 */
const COMPLETE_DATE = new RegExp(
  [
    // a date right after `-` only when it closes a range of two dates: `(9/7/1912-9/7/2017)`
    `(?:(?<![\\d/.-])|(?<=[/.]\\d{4}-))(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?![\\d/])`,
    `${NGAY}\\s+(\\d{1,2})\\s+${THANG}\\s+(\\d{1,2})(?:\\s*,)?\\s+${NAM}\\s+(\\d{4})(?!\\d)`,
    `(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])`,
  ].join('|'),
  'giu',
);

const FOUR_DIGITS = /\d{4}/;

/** The widest look-behind above (`[/.]\d{4}-`); look-aheads read one character. */
const LOOK_BEHIND = 6;

/**
 * The latest complete calendar date mentioned in `text[from, to)`, as an inferred date. The regex
 * runs over that range alone (with the characters each side its look-arounds read): run on
 * the whole dump, a miss would scan on to its end for every undated article.
 */
export function inferDate(text: string, from = 0, to = text.length): ArticleDate | undefined {
  let latest: ArticleDate | undefined;
  const lo = Math.max(0, from - LOOK_BEHIND);
  const range = text.slice(lo, Math.min(text.length, to + 1));
  // Every form has a four-digit year: most undated articles have none, and this test is far
  // quicker than the full pattern.
  if (!FOUR_DIGITS.test(range)) return undefined;
  const end = to - lo;
  COMPLETE_DATE.lastIndex = from - lo;
  for (;;) {
    const m = COMPLETE_DATE.exec(range);
    if (!m || m.index >= end) return latest;
    const date =
      m[1] !== undefined
        ? makeDate('inferred', +m[3], +m[2], +m[1])
        : m[4] !== undefined
          ? makeDate('inferred', +m[6], +m[5], +m[4])
          : makeDate('inferred', +m[7], +m[8], +m[9]);
    if (date && m.index + m[0].length <= end) {
      if (!latest || date.value > latest.value) latest = date;
      COMPLETE_DATE.lastIndex = m.index + m[0].length;
    } else {
      COMPLETE_DATE.lastIndex = m.index + 1;
    }
  }
}
