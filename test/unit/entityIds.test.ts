import * as assert from 'node:assert';
import { type ListedEntity, mergeListings, placeListing } from '../../src/core/entities/listing';
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

describe('merging the entity listings of a dump read in parts', () => {
  const listed = (id: string, refs: number[], aliases: string[], mentions: number, role?: string): ListedEntity => ({
    id,
    type: 'PER',
    name: aliases[0],
    aliases,
    mentions,
    role,
    refs: Int32Array.from(refs),
  });

  it('unites each entity across parts, its articles placed in the whole dump and kept in order', () => {
    const first = [listed('PER:a', [0, 2, 1, 2], ['A'], 2)];
    const second = placeListing(
      [listed('PER:a', [0, 1, 2, 3], ['A.', 'A'], 1, 'minister'), listed('PER:b', [1, 1, 10, 11], ['B'], 1)],
      { article: 3, offset: 100 },
    );
    const merged = mergeListings([first, second]);
    const a = merged.find((e) => e.id === 'PER:a')!;
    assert.deepStrictEqual(
      [a.aliases, Array.from(a.refs), a.mentions, a.role],
      [['A', 'A.'], [0, 2, 1, 2, 3, 1, 102, 103], 3, 'minister'],
    );
    assert.deepStrictEqual(
      merged.map((e) => e.id),
      ['PER:a', 'PER:b'],
    );
    assert.deepStrictEqual(Array.from(merged[1].refs), [4, 1, 110, 111]);
    assert.strictEqual(mergeListings([first]), first, 'one part is its own listing');
  });
});
