import * as assert from 'node:assert';
import { type EntitySummary, filterEntities } from '../../src/core/entities/summary';

const entity = (name: string, type: EntitySummary['type'], aliases: string[] = []): EntitySummary => ({
  id: `${type}:${name}`,
  type,
  name,
  aliases,
  mentions: 1,
  articleCount: 0,
  articles: [],
});

describe('entities view filter', () => {
  const list = [
    entity('Ấn Độ', 'LOC'),
    entity('ASEAN', 'ORG'),
    entity('Báo Doanh Nhân', 'ORG'),
    entity('Đỗ Văn An', 'PER'),
    entity('Liên bang Nga', 'LOC', ['Nga']),
  ];
  const names = (text: string) => filterEntities(list, text).map((e) => e.name);

  it('matches at word starts only, not inside a word', () => {
    assert.deepStrictEqual(names('an do'), ['Ấn Độ', 'Đỗ Văn An']);
    assert.deepStrictEqual(names('sean'), []);
    assert.deepStrictEqual(names('doanh'), ['Báo Doanh Nhân']);
  });

  it('ignores tone marks, đ and case, and looks at aliases and word prefixes', () => {
    assert.deepStrictEqual(names('ĐỖ VĂN'), ['Đỗ Văn An']);
    assert.deepStrictEqual(names('ấn độ'), ['Ấn Độ', 'Đỗ Văn An']);
    assert.deepStrictEqual(names('ase'), ['ASEAN']);
    assert.deepStrictEqual(names('nga'), ['Liên bang Nga']);
    assert.strictEqual(names('').length, list.length);
  });
});
