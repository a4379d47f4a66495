import type { Entity, EntityIndex } from './extract';
import type { EntityType } from './gazetteer';

/** Numbers per article in `ListedEntity.refs`: article index, mentions there, first mention's start and end. */
export const REF_FIELDS = 4;

/**
 * One entity of one dump as the Entities view needs it, without its mentions: what a worker sends the
 * extension host (the mentions stay on the worker). `refs` packs one article per REF_FIELDS numbers, in
 * article order, in chunks: one per part of a dump read in parts, each a view into the buffer its part's
 * listing came in, so that uniting the parts copies none of the millions of numbers.
 */
export interface ListedEntity {
  readonly id: string;
  readonly type: EntityType;
  name: string;
  role?: string;
  readonly description?: string;
  readonly link?: string;
  readonly aliases: string[];
  mentions: number;
  refs: readonly Int32Array[];
}

/** How many articles mention the entity. */
export function refCount(e: ListedEntity): number {
  let n = 0;
  for (const chunk of e.refs) n += chunk.length;
  return n / REF_FIELDS;
}

/** The listing of an index: per entity, its articles with their mention counts and first mention. */
export function listEntities(index: EntityIndex): ListedEntity[] {
  const refs = new Map<string, number[]>();
  // Mentions are in text order, so an article's mentions are consecutive within an entity's list.
  for (const m of index.mentions) addRef(refs, m.entity, m.articleIndex, m.start, m.end);
  return listed(index.entities.values(), refs);
}

/** The listed form of entities, given each one's refs (REF_FIELDS numbers per article) by id. */
export function listed(entities: Iterable<Entity>, refs: ReadonlyMap<string, readonly number[]>): ListedEntity[] {
  return [...entities].map((e) => ({
    id: e.id,
    type: e.type,
    name: e.name,
    role: e.role,
    description: e.description,
    link: e.link,
    aliases: [...e.aliases],
    mentions: e.mentions,
    refs: [Int32Array.from(refs.get(e.id) ?? [])],
  }));
}

/** A part's listing in its whole dump: articles and offsets shifted by the part's base (in place). */
export function placeListing(list: ListedEntity[], base: { article: number; offset: number }): ListedEntity[] {
  for (const e of list)
    for (const refs of e.refs)
      for (let i = 0; i < refs.length; i += REF_FIELDS) {
        refs[i] += base.article;
        refs[i + 2] += base.offset;
        refs[i + 3] += base.offset;
      }
  return list;
}

/** The listing of a whole dump from its consecutive parts' (already placed): one entity per id, its parts' refs chunks in order. */
export function mergeListings(parts: readonly ListedEntity[][]): ListedEntity[] {
  if (parts.length === 1) return parts[0];
  const byId = new Map<string, { e: ListedEntity; refs: Int32Array[]; aliases: Set<string> }>();
  for (const part of parts)
    for (const e of part) {
      const acc = byId.get(e.id);
      if (!acc) {
        byId.set(e.id, { e, refs: [...e.refs], aliases: new Set(e.aliases) });
        continue;
      }
      acc.refs.push(...e.refs);
      for (const a of e.aliases) acc.aliases.add(a);
      acc.e.mentions += e.mentions;
      acc.e.role ??= e.role;
    }
  return [...byId.values()].map(({ e, refs, aliases }) => ({ ...e, aliases: [...aliases], refs }));
}

/**
 * One mention in its entity's refs (REF_FIELDS per article: article, mentions, first start, first end).
 * Mentions come article by article, so an article's refs are the entity's last; its first mention is its
 * smallest start (the first met of equal starts).
 */
export function addRef(refs: Map<string, number[]>, id: string, article: number, start: number, end: number): void {
  let r = refs.get(id);
  if (!r) refs.set(id, (r = []));
  const last = r.length - REF_FIELDS;
  if (last >= 0 && r[last] === article) {
    r[last + 1]++;
    if (start < r[last + 2]) {
      r[last + 2] = start;
      r[last + 3] = end;
    }
  } else r.push(article, 1, start, end);
}
