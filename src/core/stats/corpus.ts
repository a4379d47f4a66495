import type { Article, ArticleDate, Dump } from '../dump/types';
import { type TokenStream, tokenStreamOf } from './tokenStream';

/** What the statistics need of an article: its name (tables), source and date (subsets, trends). */
export type StatsArticle = Pick<Article, 'name' | 'source' | 'date'>;

/** One dump as the statistics see it: its articles and their words (read from the text once). */
export interface StatsCorpus {
  readonly articles: readonly StatsArticle[];
  readonly stream: TokenStream;
}

export function statsCorpus(text: string, dump: Dump): StatsCorpus {
  return { articles: dump.articles, stream: tokenStreamOf(text, dump.articles) };
}

/** An article's date as the Articles view uses it: inferred dates only when the setting allows them. */
export function dateOf(article: StatsArticle, includeInferred: boolean): ArticleDate | undefined {
  return article.date && (includeInferred || article.date.kind === 'explicit') ? article.date : undefined;
}
