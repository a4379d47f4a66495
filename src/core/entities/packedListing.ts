import type { ListedEntity } from './listing';

/**
 * A listing as a worker posts it: every entity's refs in one Int32Array, whose buffer is transferred, and
 * the entities without them. At 100,000 articles the refs are ~10 million numbers; cloned, the extension
 * host's main thread spent ~60 ms a part taking them in (fresh memory, page by page), and uniting the
 * parts' copies ~80 ms more. Transferred and read as views, neither happens.
 */
export interface PackedListing {
  readonly entities: readonly PackedEntity[];
  readonly refs: Int32Array;
}

/** An entity without its refs, and where they are in `refs`: from `at`, `length` numbers. */
type PackedEntity = Omit<ListedEntity, 'refs'> & { readonly at: number; readonly length: number };

export function packListing(list: readonly ListedEntity[]): PackedListing {
  let total = 0;
  for (const e of list) for (const chunk of e.refs) total += chunk.length;
  const refs = new Int32Array(total);
  let at = 0;
  const entities = list.map(({ refs: chunks, ...e }) => {
    const start = at;
    for (const chunk of chunks) {
      refs.set(chunk, at);
      at += chunk.length;
    }
    return { ...e, at: start, length: at - start };
  });
  return { entities, refs };
}

/** The listing again, each entity's refs one view into the packed array (nothing copied). */
export function unpackListing(packed: PackedListing): ListedEntity[] {
  return packed.entities.map(({ at, length, ...e }) => ({ ...e, refs: [packed.refs.subarray(at, at + length)] }));
}
