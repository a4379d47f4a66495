import { dateInRange } from '../articles/filter';
import type { Article } from '../dump/types';
import type { SearchQuery } from '../search/query';
import { foldDiacritics } from '../text/fold';
import { terms } from '../text/tokenize';
import { dateOf } from './corpus';

/** Whether an article passes a query's date:, source: and title: filters. */
export function passesFilters(article: Article, q: SearchQuery, includeInferred: boolean): boolean {
  if (q.dates && !q.dates.ranges.some((r) => inRange(article, r, includeInferred))) return false;
  if (q.source && !foldDiacritics(article.source ?? '').includes(q.source)) return false;
  if (q.titleTerms.length) {
    const title = new Set(terms(article.title));
    if (!q.titleTerms.every((t) => title.has(t))) return false;
  }
  return true;
}

export function inRange(article: Article, range: { from: string; to: string }, includeInferred: boolean): boolean {
  const date = dateOf(article, includeInferred);
  return !!date && dateInRange({ ...article, date }, range);
}
