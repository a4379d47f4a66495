import { parseArticleFilter, type ArticleFilter } from '../articles/filter';
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

export type QueryErrorCode = 'unclosed-quote' | 'bad-date' | 'unknown-filter' | 'no-words' | 'empty';

/** `error` is the English message (CLI); `code` and `value` let an editor say it in its own language. */
export type ParsedQuery =
  | { ok: true; query: SearchQuery }
  | { ok: false; error: string; code: QueryErrorCode; value?: string };

const TOKEN = /(-?)(?:(\w+):)?(?:"([^"]*)("?)|(\S+))/gu;

/** Parses the query language: words, "exact phrase", -word, word*, date:, source:, title:. Never throws. */
export function parseQuery(input: string): ParsedQuery {
  const required: QueryTerm[] = [];
  const phrases: string[][] = [];
  const titleTerms: string[] = [];
  const excluded: string[] = [];
  let dates: ArticleFilter | undefined;
  let source: string | undefined;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(input); m; m = TOKEN.exec(input)) {
    const [, minus, field, quoted, closing, bare] = m;
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
