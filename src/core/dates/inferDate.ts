import type { ArticleDate } from '../dump/types';
import { nfcOrNfdPattern } from '../text/nfdPattern';
import { makeDate } from './calendar';

const NGAY = nfcOrNfdPattern('ngày');
const THANG = nfcOrNfdPattern('tháng');
const NAM = nfcOrNfdPattern('năm');

/*
 * Only complete dates count (spec §4): a day and month without a year never dates an article.
 * One combined regex so the text is scanned once and the earliest date wins.
 */
const COMPLETE_DATE = new RegExp(
  [
    `(?<![\\d/.-])(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?![\\d/])`,
    `${NGAY}\\s+(\\d{1,2})\\s+${THANG}\\s+(\\d{1,2})(?:\\s*,)?\\s+${NAM}\\s+(\\d{4})(?!\\d)`,
    `(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])`,
  ].join('|'),
  'giu',
);

/**
 * The first complete calendar date mentioned in text[from, to), as an inferred date. The regex
 * runs over that range alone (with the one character each side its look-arounds read): run on
 * the whole dump, a miss would scan on to its end for every undated article.
 */
export function inferDate(text: string, from = 0, to = text.length): ArticleDate | undefined {
  const lo = Math.max(0, from - 1);
  const range = text.slice(lo, Math.min(text.length, to + 1));
  const end = to - lo;
  COMPLETE_DATE.lastIndex = from - lo;
  for (;;) {
    const m = COMPLETE_DATE.exec(range);
    if (!m || m.index >= end) return undefined;
    const date =
      m[1] !== undefined
        ? makeDate('inferred', +m[3], +m[2], +m[1])
        : m[4] !== undefined
          ? makeDate('inferred', +m[6], +m[5], +m[4])
          : makeDate('inferred', +m[7], +m[8], +m[9]);
    if (date && m.index + m[0].length <= end) return date;
    COMPLETE_DATE.lastIndex = m.index + 1;
  }
}
