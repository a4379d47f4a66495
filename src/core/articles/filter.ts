import type { Article } from '../dump/types';
import { foldDiacritics } from '../text/fold';

/** An articles-view filter: words (all must match, tone-insensitive) and date ranges (any may match). */
export interface ArticleFilter {
  readonly words: readonly string[];
  readonly ranges: readonly { from: string; to: string }[];
  readonly text: string;
}

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

export function parseArticleFilter(input: string): ArticleFilter {
  const words: string[] = [];
  const ranges: { from: string; to: string }[] = [];
  for (const part of input.trim().split(/\s+/).filter(Boolean)) {
    const [from, to, extra] = part.split('..');
    if (extra === undefined && DATE.test(from) && (to === undefined || DATE.test(to))) {
      ranges.push({ from, to: to ?? from });
    } else {
      words.push(
        ...foldDiacritics(part)
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean),
      );
    }
  }
  return { words, ranges, text: input.trim() };
}

export function isEmptyFilter(filter: ArticleFilter | undefined): boolean {
  return !filter || (!filter.words.length && !filter.ranges.length);
}

/** First and last day of a date's period, as ISO text: a month ends on the 31st (for comparing, any month), a year on 12-31. */
export const lowEnd = (d: string) => (d + '-01-01').slice(0, 10);
export const highEnd = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

/** Whether an article's date period overlaps the range; undated articles never match a range. */
export function dateInRange(article: Article, range: { from: string; to: string }): boolean {
  if (!article.date) return false;
  return lowEnd(article.date.value) <= highEnd(range.to) && highEnd(article.date.value) >= lowEnd(range.from);
}

export function matchesFilter(article: Article, filter: ArticleFilter | undefined): boolean {
  if (isEmptyFilter(filter)) return true;
  const f = filter!;
  if (f.ranges.length && !f.ranges.some((r) => dateInRange(article, r))) return false;
  if (!f.words.length) return true;
  const haystack = foldDiacritics(`${article.title} ${article.name} ${article.source ?? ''}`);
  return f.words.every((w) => haystack.includes(w));
}
