import { shiftArticle, type PartBase } from '../core/dump/parts';
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
