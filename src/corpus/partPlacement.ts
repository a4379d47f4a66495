import { shiftArticle, type PartBase } from '../core/dump/parts';
import type { EntityIndex } from '../core/entities/extract';
import type { ConcordanceLine, SearchHit } from '../core/search/engine';

/** Where a part's answers stand in its whole dump: the dump's key and the part's base. */
export interface Placement {
  readonly dumpKey: string;
  readonly base: PartBase;
}

/** Workers answer in offsets local to the part they hold; these put an answer in its whole dump. */
export function placeHit(hit: SearchHit, at: Placement): SearchHit {
  const { dumpKey, base } = at;
  return {
    ...hit,
    dumpKey,
    article: shiftArticle(hit.article, base),
    matchStart: hit.matchStart + base.offset,
    matchEnd: hit.matchEnd + base.offset,
  };
}

export function placeLine(line: ConcordanceLine, at: Placement): ConcordanceLine {
  const { dumpKey, base } = at;
  return {
    ...line,
    dumpKey,
    article: shiftArticle(line.article, base),
    start: line.start + base.offset,
    end: line.end + base.offset,
    line: line.line + base.line,
  };
}

/** Shifts a part's entity index into the whole dump (in place: the index came from a worker, it is ours). */
export function placeEntities(index: EntityIndex, base: PartBase): EntityIndex {
  for (const e of index.entities.values()) {
    const articles = [...e.articles];
    e.articles.clear();
    for (const a of articles) e.articles.add(a + base.article);
  }
  return {
    entities: index.entities,
    mentions: index.mentions.map((m) => ({
      ...m,
      articleIndex: m.articleIndex + base.article,
      start: m.start + base.offset,
      end: m.end + base.offset,
    })),
  };
}
