import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { groupArticles, page, type ArticleGroup, type ArticleTreeEntry } from '../../src/core/articles/grouping';
import { matchesFilter, parseArticleFilter } from '../../src/core/articles/filter';
import { parseDump } from '../../src/core/dump/reader';
import { samplePath } from '../support/paths';

const sample = parseDump(fs.readFileSync(samplePath, 'utf8')).articles;
const opts = { grouping: 'date', order: 'newest', includeInferred: true } as const;
const shape = (entries: readonly ArticleTreeEntry[]): unknown[] =>
  entries.map((e) =>
    e.kind === 'article' ? e.article.index : { [e.label || e.level]: [e.count, ...shape(e.children)] },
  );

describe('articles view: grouping', () => {
  it('groups the sample under 2025, 2022 and Undated, newest first', () => {
    assert.deepStrictEqual(shape(groupArticles(sample, opts)), [
      { 2025: [1, { '2025-10': [1, { '2025-10-29': [1, 1] }] }] },
      { 2022: [1, { '2022-11': [1, 0] }] },
      { undated: [1, 2] },
    ]);
  });

  it('puts coarser dates at their level and orders oldest first on request', () => {
    const d = parseDump(
      '<<<FILE>>> y\ndate: 2021\nA\n<<<FILE>>> m\ndate: 2021-03\nB\n<<<FILE>>> d\ndate: 2021-03-04\nC\n<<<FILE>>> i\non 1/2/2020\n',
    ).articles;
    assert.deepStrictEqual(shape(groupArticles(d, { ...opts, order: 'oldest' })), [
      { 2020: [1, { '2020-02': [1, { '2020-02-01': [1, 3] }] }] },
      { 2021: [3, 0, { '2021-03': [2, 1, { '2021-03-04': [1, 2] }] }] },
    ]);
    const noInferred = groupArticles(d, { ...opts, includeInferred: false });
    assert.deepStrictEqual((noInferred.at(-1) as ArticleGroup).level, 'undated');
    assert.strictEqual((noInferred.at(-1) as ArticleGroup).count, 1);
  });

  it('groups by source and flat', () => {
    assert.deepStrictEqual(shape(groupArticles(sample, { ...opts, grouping: 'source' })), [
      { 'Ngày Nay': [1, 1] },
      { 'no-source': [2, 0, 2] },
    ]);
    assert.deepStrictEqual(shape(groupArticles(sample, { ...opts, grouping: 'flat' })), [1, 0, 2]);
  });

  it('pages long lists', () => {
    const items = Array.from({ length: 450 }, (_, i) => i);
    assert.deepStrictEqual([page(items, 200).items.length, page(items, 200).remaining], [200, 250]);
    assert.strictEqual(page(items, 600).remaining, 0);
  });
});

describe('articles view: filter', () => {
  const titles = (q: string) => sample.filter((a) => matchesFilter(a, parseArticleFilter(q))).map((a) => a.index);
  it('matches words without tone marks', () => {
    assert.deepStrictEqual(titles('khung hoang'), [2]);
    assert.deepStrictEqual(titles('NGA'), [0, 1, 2]);
    assert.deepStrictEqual(titles('Ngày Nay'), [1]);
  });
  it('matches date ranges by overlap', () => {
    assert.deepStrictEqual(titles('2022'), [0]);
    assert.deepStrictEqual(titles('2022-01..2022-06'), []);
    assert.deepStrictEqual(titles('2022-11-05'), [0], 'a month-precision date overlaps a day in it');
    assert.deepStrictEqual(titles('2020..2030 asean'), [], 'the undated ASEAN article has no date to match');
  });
});
