import { dateInRange } from '../articles/filter';
import type { Article } from '../dump/types';
import type { SearchQuery } from '../search/query';
import { foldDiacritics } from '../text/fold';
import { dateOf, type StatsArticle } from './corpus';

/** Whether an article passes a query's date: and source: filters (title: is checked on the stream's title words). */
export function passesFilters(article: StatsArticle, q: SearchQuery, includeInferred: boolean): boolean {
  if (q.dates && !q.dates.ranges.some((r) => inRange(article, r, includeInferred))) return false;
  if (q.source && !foldDiacritics(article.source ?? '').includes(q.source)) return false;
  return true;
}

export function inRange(article: StatsArticle, range: { from: string; to: string }, includeInferred: boolean): boolean {
  const date = dateOf(article, includeInferred);
  return !!date && dateInRange({ date } as Article, range);
}
