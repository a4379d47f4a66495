import * as assert from 'node:assert';
import { articleGroupSubset } from '../../src/features/statistics/articleGroupSubset';

// The Articles view's context menu opens the statistics on a group: the group's node, as the view
// hands it to the command, gives the dump and the subset (src/core/articles/grouping.ts's ids).
describe('statistics of an Articles view group (src/features/statistics/articleGroupSubset)', () => {
  const uri = { toString: () => 'file:///c/news.dump' };
  const node = (id: string) => ({ kind: 'group', id: `file:///c/news.dump#${id}`, uri, group: { id, label: id } });
  const whole = { dump: 'file:///c/news.dump', subset: '', from: '', to: '', source: '' };

  it('a year, a month or a day: that one period, from and to', () => {
    assert.deepStrictEqual(articleGroupSubset(node('y2022')), { ...whole, from: '2022', to: '2022' });
    assert.deepStrictEqual(articleGroupSubset(node('m2022-11')), { ...whole, from: '2022-11', to: '2022-11' });
    assert.deepStrictEqual(articleGroupSubset(node('d2022-11-08')), { ...whole, from: '2022-11-08', to: '2022-11-08' });
  });

  it('a source: its name; undated or sourceless articles: the whole dump, other subsets cleared', () => {
    assert.deepStrictEqual(articleGroupSubset(node('s:Dân trí')), { ...whole, source: 'Dân trí' });
    assert.deepStrictEqual(articleGroupSubset(node('undated')), whole);
    assert.deepStrictEqual(articleGroupSubset(node('s:')), whole);
  });

  it('anything else is no group', () => {
    for (const other of [undefined, null, 'y2022', { kind: 'article', uri }, { kind: 'group', uri, group: {} }])
      assert.strictEqual(articleGroupSubset(other), undefined);
  });
});
