import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { makeDate } from '../../src/core/dates/calendar';
import { packArticles } from '../../src/core/dump/articleTable';
import { readDumpBytes } from '../../src/core/dump/decode';
import { withArticlesOnRead } from '../../src/core/dump/lazyArticles';
import type { Dump } from '../../src/core/dump/types';
import { boundsOf, dateTest, setBoundsFromTable } from '../../src/core/search/dateBounds';
import { samplePath } from '../support/paths';

describe('articles made on read (a reopen from the cache)', () => {
  const { dump: sample } = readDumpBytes(fs.readFileSync(samplePath));
  // Every precision, both kinds and undated rows, around month and year ends.
  const dates = [
    undefined,
    makeDate('explicit', 2021),
    makeDate('explicit', 2022, 2),
    makeDate('inferred', 2023, 11, 8),
    makeDate('explicit', 2022, 12, 31),
    makeDate('inferred', 1999, 1),
  ];
  const articles = [...sample.articles, ...sample.articles].map((a, i) => ({ ...a, date: dates[i % dates.length] }));
  const dump: Dump = { ...sample, articles };
  const table = packArticles(articles);

  it('gives the date bounds boundsOf reads from the articles, without making them', () => {
    let made = 0;
    const lazy = withArticlesOnRead({ ...sample, articles: [] }, table, () => made++);
    setBoundsFromTable(lazy, table);
    const expected = boundsOf(dump);
    const got = boundsOf(lazy);
    assert.deepStrictEqual([...got.low], [...expected.low]);
    assert.deepStrictEqual([...got.high], [...expected.high]);
    const ranges = [
      [{ from: '2022', to: '2022' }],
      [{ from: '2022-02', to: '2022-02-28' }],
      [
        { from: '1999-01-31', to: '2021-06' },
        { from: '2023-11-08', to: '2023-11-08' },
      ],
    ];
    for (const r of ranges) {
      const want = dateTest(dump, r);
      const test = dateTest(lazy, r);
      const passing = articles.map((_, i) => test(i));
      assert.deepStrictEqual(
        passing,
        articles.map((_, i) => want(i)),
        JSON.stringify(r),
      );
      assert.ok(passing.some((p) => p) && passing.some((p) => !p), JSON.stringify(r));
    }
    assert.strictEqual(made, 0);
  });

  it('makes the articles once, when first read, equal to the unpacked ones', () => {
    let made = 0;
    const lazy = withArticlesOnRead({ ...sample, articles: [] }, table, () => made++);
    assert.strictEqual(made, 0);
    assert.deepStrictEqual(lazy.articles, articles);
    assert.strictEqual(lazy.articles, lazy.articles);
    assert.strictEqual(made, 1);
    assert.deepStrictEqual({ ...lazy }, dump);
  });
});
