import * as assert from 'node:assert';
import { type ListedEntity, mergeListings, placeListing, refCount } from '../../src/core/entities/listing';
import { packListing, unpackListing } from '../../src/core/entities/packedListing';
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
    refs: [Int32Array.from(refs)],
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
      [a.aliases, a.refs.flatMap((r) => Array.from(r)), a.mentions, a.role],
      [['A', 'A.'], [0, 2, 1, 2, 3, 1, 102, 103], 3, 'minister'],
    );
    assert.deepStrictEqual(
      merged.map((e) => e.id),
      ['PER:a', 'PER:b'],
    );
    assert.deepStrictEqual(Array.from(merged[1].refs[0]), [4, 1, 110, 111]);
    assert.strictEqual(mergeListings([first]), first, 'one part is its own listing');
  });
});

describe('a listing packed for the trip from a worker', () => {
  it('comes back the same, each entity reading its refs in place from the one buffer', () => {
    const list: ListedEntity[] = [
      {
        id: 'PER:a',
        type: 'PER',
        name: 'A',
        aliases: ['A'],
        mentions: 3,
        role: 'minister',
        refs: [Int32Array.from([0, 2, 1, 2]), Int32Array.from([3, 1, 102, 103])],
      },
      { id: 'LOC:b', type: 'LOC', name: 'B', aliases: [], mentions: 0, refs: [] },
      {
        id: 'ORG:c',
        type: 'ORG',
        name: 'C',
        aliases: ['C', 'Cc'],
        mentions: 1,
        refs: [Int32Array.from([4, 1, 110, 111])],
      },
    ];
    const packed = packListing(list);
    assert.strictEqual(packed.refs.length, 12);
    const back = unpackListing(packed);
    assert.deepStrictEqual(
      back.map((e) => [e.id, e.type, e.name, e.aliases, e.mentions, e.role, e.refs.flatMap((r) => Array.from(r))]),
      list.map((e) => [e.id, e.type, e.name, e.aliases, e.mentions, e.role, e.refs.flatMap((r) => Array.from(r))]),
    );
    assert.ok(back.every((e) => e.refs.every((r) => r.buffer === packed.refs.buffer)));
    assert.deepStrictEqual(back.map(refCount), [2, 0, 1]);
  });
});
