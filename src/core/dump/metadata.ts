import { parseIsoDate } from '../dates/calendar';
import type { ArticleDate } from './types';

export const HEADER_KEYS = ['date', 'title', 'source', 'url', 'author', 'lang'] as const;

const HEADER_LINE = /^(date|title|source|url|author|lang)\s*:\s?(.*)$/i;
const DATE_TAG = /^\s*date[\s:]+(\d{4}(?:-\d{1,2}){0,2})(?=\s|$)\s*/i;
const SOURCE_CREDIT = /^\(([^()\n]{1,80})\)\s*[-–—]\s*/;

export const TITLE_MAX = 200;
export const TITLE_CUT = 120;

export function parseHeaderLine(line: string): { key: string; value: string } | undefined {
  const m = HEADER_LINE.exec(line);
  return m ? { key: m[1].toLowerCase(), value: m[2].trim() } : undefined;
}

/** A leading date tag: its date (or undefined when the value is no real date) and its length. */
export function parseDateTag(line: string): { date: ArticleDate | undefined; raw: string; length: number } | undefined {
  const m = DATE_TAG.exec(line);
  return m ? { date: parseIsoDate(m[1], 'explicit'), raw: m[1], length: m[0].length } : undefined;
}

export function parseSourceCredit(line: string): { source: string; length: number } | undefined {
  const m = SOURCE_CREDIT.exec(line);
  return m ? { source: m[1].trim(), length: m[0].length } : undefined;
}

/** Title from a first line: whole when short, else its first sentence cut with an ellipsis. */
export function titleFromLine(line: string): string {
  const text = line.trim();
  if (text.length <= TITLE_MAX) return text;
  const end = /[.!?…](?=\s|$)/.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  if (sentence.length <= TITLE_CUT) return sentence;
  const cut = sentence.slice(0, TITLE_CUT - 1);
  const space = cut.lastIndexOf(' ');
  return (space > TITLE_CUT * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}
