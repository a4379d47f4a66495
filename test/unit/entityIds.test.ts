import * as assert from 'node:assert';
import type { Entity, EntityIndex, Mention } from '../../src/core/entities/extract';
import { mergeEntityIndexes } from '../../src/core/entities/mergeIndexes';
import { entityTypeOf, isEntityId } from '../../src/core/entities/entityId';

describe('entity ids', () => {
  it('tell their type, and refuse strings that are not ids', () => {
    assert.deepStrictEqual(
      ['PER:s.lavrov', 'ORG:asean', 'LOC:nga', 'XYZ:a', 'PERS', ':a', 'PER:'].map((id) => [
        entityTypeOf(id),
        isEntityId(id),
      ]),
      [
        ['PER', true],
        ['ORG', true],
        ['LOC', true],
        [undefined, false],
        [undefined, false],
        [undefined, false],
        ['PER', false],
      ],
    );
  });
});

describe('merging the entity indexes of a dump read in parts', () => {
  const entity = (id: string, articles: number[], aliases: string[], mentions: number, role?: string): Entity => ({
    id,
    type: 'PER',
    name: aliases[0],
    aliases: new Set(aliases),
    articles: new Set(articles),
    mentions,
    role,
  });
  const mention = (entityId: string, start: number): Mention => ({
    entity: entityId,
    type: 'PER',
    articleIndex: 0,
    start,
    end: start + 1,
    surface: 'x',
  });

  it('unites each entity across parts and keeps the mentions in order', () => {
    const first: EntityIndex = {
      entities: new Map([['PER:a', entity('PER:a', [0], ['A'], 2)]]),
      mentions: [mention('PER:a', 1), mention('PER:a', 5)],
    };
    const second: EntityIndex = {
      entities: new Map([
        ['PER:a', entity('PER:a', [3], ['A.', 'A'], 1, 'minister')],
        ['PER:b', entity('PER:b', [4], ['B'], 1)],
      ]),
      mentions: [mention('PER:b', 10), mention('PER:a', 12)],
    };
    const merged = mergeEntityIndexes([first, second]);
    const a = merged.entities.get('PER:a')!;
    assert.deepStrictEqual([[...a.aliases], [...a.articles], a.mentions, a.role], [['A', 'A.'], [0, 3], 3, 'minister']);
    assert.deepStrictEqual([...merged.entities.keys()], ['PER:a', 'PER:b']);
    assert.deepStrictEqual(
      merged.mentions.map((m) => m.start),
      [1, 5, 10, 12],
    );
    assert.strictEqual(mergeEntityIndexes([first]), first, 'one part is its own index');
  });
});
