import type { Article, ArticleDate, Dump } from '../dump/types';
import { buildTermIndex, type TermIndex } from '../search/termIndex';
import { type TokenStream, tokenStreamOf } from './tokenStream';

/** One dump as the statistics see it: its text, articles, term index and word stream. */
export interface StatsCorpus {
  readonly text: string;
  readonly dump: Dump;
  readonly index: TermIndex;
  readonly stream: TokenStream;
}

export function statsCorpus(text: string, dump: Dump, index: TermIndex = buildTermIndex(text, dump)): StatsCorpus {
  return { text, dump, index, stream: tokenStreamOf(index) };
}

/** An article's date as the Articles view uses it: inferred dates only when the setting allows them. */
export function dateOf(article: Article, includeInferred: boolean): ArticleDate | undefined {
  return article.date && (includeInferred || article.date.kind === 'explicit') ? article.date : undefined;
}
