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

/** The latest complete calendar date mentioned in `text[from, to)`, as an inferred date. */
export function inferDate(text: string, from = 0, to = text.length): ArticleDate | undefined {
  let latest: ArticleDate | undefined;
  COMPLETE_DATE.lastIndex = from;
  for (;;) {
    const m = COMPLETE_DATE.exec(text);
    if (!m || m.index >= to) return latest;
    const date =
      m[1] !== undefined
        ? makeDate('inferred', +m[3], +m[2], +m[1])
        : m[4] !== undefined
          ? makeDate('inferred', +m[6], +m[5], +m[4])
          : makeDate('inferred', +m[7], +m[8], +m[9]);
    if (date && m.index + m[0].length <= to) {
      if (!latest || date.value > latest.value) latest = date;
      COMPLETE_DATE.lastIndex = m.index + m[0].length;
    } else {
      COMPLETE_DATE.lastIndex = m.index + 1;
    }
  }
}
