import { parseQuery } from '../search/query';
import type { StatsCorpus } from './corpus';
import { spellingsOf } from './spellings';
import { stopWordSet } from './stopWords';
import { SubsetError } from './subset';

/** A request's query, parsed; a malformed one is the request's error. */
export function queryOf(text: string) {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new SubsetError(parsed.error);
  return parsed.query;
}

/** A request's stop words: the default list, none, or the user's. */
export function stopWordsOf(choice: 'default' | 'none' | readonly string[] | undefined): ReadonlySet<string> {
  return choice === 'none' ? stopWordSet('') : Array.isArray(choice) ? stopWordSet(choice) : stopWordSet();
}

/** The most frequent spelling of each of `terms` in `docs` (spellings.ts), as a lookup. */
export function spellerOf(corpus: StatsCorpus, stopWords: ReadonlySet<string>) {
  return (terms: string[], docs: Uint32Array) => {
    const s = spellingsOf(corpus, docs, terms, undefined, stopWords);
    return (t: string) => s.get(t) ?? t;
  };
}
