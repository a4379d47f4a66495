import * as assert from 'node:assert';
import fc from 'fast-check';
import { groupArticles, type ArticleTreeEntry, type GroupingOptions } from '../../src/core/articles/grouping';
import type { Article, ArticleDate } from '../../src/core/dump/types';

/**
 * The articles view's grouping, as its definition reads, the slow way: each level's values sorted on
 * their own, each article found by filtering. groupArticles sorts once and walks the runs.
 */
function reference(articles: readonly Article[], o: GroupingOptions): unknown[] {
  const sign = o.order === 'newest' ? -1 : 1;
  const date = (a: Article) => (a.date && (o.includeInferred || a.date.kind === 'explicit') ? a.date : undefined);
  const key = (a: Article) => {
    const d = date(a);
    return d ? d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0) : -1;
  };
  const byIndex = (list: readonly Article[]) => [...list].sort((a, b) => a.index - b.index).map((a) => a.index);
  const byDate = (list: readonly Article[]) =>
    [...list].sort((a, b) => (key(a) - key(b)) * sign || a.index - b.index).map((a) => a.index);
  const values = (list: readonly Article[], part: (d: ArticleDate) => number | undefined) =>
    [...new Set(list.map((a) => part(date(a)!)).filter((v) => v !== undefined))].sort((x, y) => (x! - y!) * sign);
  if (o.grouping === 'flat') return byDate(articles);
  if (o.grouping === 'source') {
    const sources = [...new Set(articles.map((a) => a.source ?? ''))].sort((a, b) =>
      a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'vi'),
    );
    return sources.map((s) => ({ [`s:${s}`]: byDate(articles.filter((a) => (a.source ?? '') === s)) }));
  }
  const dated = articles.filter((a) => date(a));
  const pad = (n: number) => String(n).padStart(2, '0');
  const out: unknown[] = values(dated, (d) => d.year).map((y) => {
    const inYear = dated.filter((a) => date(a)!.year === y);
    const months = values(inYear, (d) => d.month).map((m) => {
      const inMonth = inYear.filter((a) => date(a)!.month === m);
      const days = values(inMonth, (d) => d.day).map((day) => ({
        [`d${String(y).padStart(4, '0')}-${pad(m!)}-${pad(day!)}`]: byIndex(
          inMonth.filter((a) => date(a)!.day === day),
        ),
      }));
      return {
        [`m${String(y).padStart(4, '0')}-${pad(m!)}`]: [...byIndex(inMonth.filter((a) => !date(a)!.day)), ...days],
      };
    });
    return { [`y${y}`]: [...byIndex(inYear.filter((a) => !date(a)!.month)), ...months] };
  });
  const undated = articles.filter((a) => !date(a));
  if (undated.length) out.push({ undated: byIndex(undated) });
  return out;
}

/** The tree as ids and article indexes, each group's count checked against the articles below it. */
function shape(entries: readonly ArticleTreeEntry[]): unknown[] {
  const below = (e: ArticleTreeEntry): number =>
    e.kind === 'article' ? 1 : e.children.reduce((n, c) => n + below(c), 0);
  return entries.map((e) => {
    if (e.kind === 'article') return e.article.index;
    assert.strictEqual(e.count, below(e), `the count of ${e.id}`);
    return { [e.id]: shape(e.children) };
  });
}

const dateOf = fc.oneof(
  fc.constant(undefined),
  fc.record({
    year: fc.integer({ min: 1990, max: 1993 }),
    month: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    day: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    kind: fc.constantFrom('explicit' as const, 'inferred' as const),
  }),
);

const articlesOf = fc
  .array(fc.record({ date: dateOf, source: fc.constantFrom(undefined, 'Tass', 'Dân trí', 'AP') }), { maxLength: 60 })
  .chain((rows) => fc.tuple(fc.constant(rows), fc.boolean(), fc.shuffledSubarray(rows.map((_, i) => i))))
  .map(([rows, shuffled, order]) => {
    const articles = rows.map(({ date, source }, index) => {
      const d: ArticleDate | undefined =
        date &&
        ({
          year: date.year,
          month: date.month,
          day: date.month === undefined ? undefined : date.day,
          precision: date.month === undefined ? 'year' : date.day === undefined ? 'month' : 'day',
          kind: date.kind,
        } as ArticleDate);
      return { index, name: `a${index}`, title: `a${index}`, source, date: d } as unknown as Article;
    });
    // The view passes a dump's articles in order, or a filter's subset of them; any order must give the same tree.
    return shuffled ? order.map((i) => articles[i]) : articles;
  });

describe('articles view: grouping, against its definition', () => {
  it('gives the same tree as grouping level by level, for every grouping, order and inferred-dates choice', () => {
    fc.assert(
      fc.property(
        articlesOf,
        fc.constantFrom('date' as const, 'source' as const, 'flat' as const),
        fc.constantFrom('newest' as const, 'oldest' as const),
        fc.boolean(),
        (articles, grouping, order, includeInferred) => {
          const o = { grouping, order, includeInferred };
          assert.deepStrictEqual(shape(groupArticles(articles, o)), reference(articles, o));
        },
      ),
      { numRuns: 500 },
    );
  });
});
