import { highEnd, lowEnd, parseArticleFilter, type ArticleFilter } from '../articles/filter';
import { parseIsoDate } from '../dates/calendar';
import { foldDiacritics } from '../text/fold';
import { terms } from '../text/tokenize';

export interface QueryTerm {
  readonly term: string;
  readonly prefix: boolean;
}

/** A parsed search: every required term and phrase must match; excluded terms must not. */
export interface SearchQuery {
  readonly required: readonly QueryTerm[];
  readonly phrases: readonly (readonly string[])[];
  readonly titleTerms: readonly string[];
  readonly excluded: readonly string[];
  readonly dates?: ArticleFilter;
  readonly source?: string;
}

export type QueryErrorCode =
  | 'unclosed-quote'
  | 'bad-date'
  | 'not-a-date'
  | 'reversed-dates'
  | 'empty-filter'
  | 'unknown-filter'
  | 'no-words'
  | 'empty'
  | 'too-long'
  | 'word-too-long'
  | 'too-many-words';

/**
 * Bounds that keep every query quick whatever is typed or pasted: the longest query, the longest
 * word (no Vietnamese word, nor any URL worth searching, comes near), and the most words
 * counting phrase, title and excluded words. Past them the query gets a message, not a search.
 */
export const MAX_QUERY_LENGTH = 2000;
export const MAX_WORD_LENGTH = 64;
export const MAX_WORDS = 32;

/** `error` is the English message (CLI); `code` and `value` let an editor say it in its own language. */
export type ParsedQuery =
  | { ok: true; query: SearchQuery }
  | { ok: false; error: string; code: QueryErrorCode; value?: string };

const TOKEN = /(-?)(?:(\w+):)?(?:"([^"]*)("?)|(\S+))/gu;

/** Parses the query language: words, "exact phrase", -word, word*, date:, source:, title:. Never throws. */
export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH)
    return {
      ok: false,
      code: 'too-long',
      value: String(MAX_QUERY_LENGTH),
      error: `The query is too long: at most ${MAX_QUERY_LENGTH} characters.`,
    };
  const parsed = parseTokens(input);
  if (!parsed.ok) return parsed;
  const q = parsed.query;
  const words = [...q.required.map((t) => t.term), ...q.phrases.flat(), ...q.titleTerms, ...q.excluded];
  const long = words.find((w) => w.length > MAX_WORD_LENGTH);
  if (long !== undefined)
    return {
      ok: false,
      code: 'word-too-long',
      value: `${long.slice(0, 20)}…`,
      error: `The word "${long.slice(0, 20)}…" is too long: words have at most ${MAX_WORD_LENGTH} letters.`,
    };
  if (words.length > MAX_WORDS)
    return {
      ok: false,
      code: 'too-many-words',
      value: String(MAX_WORDS),
      error: `Too many words: a query has at most ${MAX_WORDS}, phrases included.`,
    };
  return parsed;
}

/** date: ranges that name real dates, earliest first; else why not. */
function checkDates(value: string, f: ArticleFilter): ParsedQuery | undefined {
  for (const r of f.ranges) {
    for (const d of [r.from, r.to])
      if (!parseIsoDate(d, 'explicit'))
        return {
          ok: false,
          code: 'not-a-date',
          value: d,
          error: `date: ${d} is not a real date (months run 01–12, days as the calendar has them).`,
        };
    if (lowEnd(r.from) > highEnd(r.to))
      return {
        ok: false,
        code: 'reversed-dates',
        value,
        error: `date:${value} ends before it starts; put the earlier date first.`,
      };
  }
  return undefined;
}

const FIELDS = new Set(['date', 'source', 'title']);

function parseTokens(input: string): ParsedQuery {
  const required: QueryTerm[] = [];
  const phrases: string[][] = [];
  const titleTerms: string[] = [];
  const excluded: string[] = [];
  let dates: ArticleFilter | undefined;
  let source: string | undefined;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(input); m; m = TOKEN.exec(input)) {
    const [, minus, field, quoted, closing, bare] = m;
    // `date: 2022` or a trailing `date:` would otherwise be read as the word "date".
    const emptyField = field === undefined && bare !== undefined ? /^-?(\w+):$/.exec(bare)?.[1] : undefined;
    if (emptyField !== undefined && FIELDS.has(emptyField))
      return {
        ok: false,
        code: 'empty-filter',
        value: emptyField,
        error: `${emptyField}: needs a value right after the colon, as in ${emptyField === 'date' ? 'date:2022' : `${emptyField}:word`}.`,
      };
    if (quoted !== undefined && closing !== '"')
      return { ok: false, code: 'unclosed-quote', error: 'A phrase is missing its closing quote (").' };
    const value = quoted ?? bare ?? '';
    if (field === 'date') {
      const f = parseArticleFilter(value);
      if (!f.ranges.length || f.words.length)
        return {
          ok: false,
          code: 'bad-date',
          value,
          error: `date: takes 2022, 2022-11, 2022-11-08 or a range like 2021-12..2022-02, not "${value}".`,
        };
      const wrong = checkDates(value, f);
      if (wrong) return wrong;
      dates = f;
      continue;
    }
    if (field === 'source') {
      source = foldDiacritics(value).trim();
      continue;
    }
    if (field === 'title') {
      titleTerms.push(...terms(value));
      continue;
    }
    if (field !== undefined)
      return {
        ok: false,
        code: 'unknown-filter',
        value: field,
        error: `Unknown filter "${field}:". Filters are date:, source: and title:.`,
      };
    const words = terms(value);
    if (minus) {
      excluded.push(...words);
      continue;
    }
    if (quoted !== undefined) {
      if (words.length) phrases.push(words);
      continue;
    }
    const prefix = value.endsWith('*');
    words.forEach((term, i) => {
      required.push({ term, prefix: prefix && i === words.length - 1 });
    });
  }
  if (!required.length && !phrases.length && !titleTerms.length) {
    return excluded.length || dates || source
      ? { ok: false, code: 'no-words', error: 'Add at least one word to search for.' }
      : { ok: false, code: 'empty', error: 'Type words to search for.' };
  }
  return { ok: true, query: { required, phrases, titleTerms, excluded, dates, source } };
}
