import type { Mention } from './extract';
import { ENTITY_TYPES, type EntityType } from './gazetteer';

/** Mention spans, packed for the trip from a worker: `types` index ENTITY_TYPES; offsets in the dump's text. */
export interface MentionSpans {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly types: Uint8Array;
}

export function spansOf(mentions: readonly Mention[]): MentionSpans {
  const starts = new Int32Array(mentions.length);
  const ends = new Int32Array(mentions.length);
  const types = new Uint8Array(mentions.length);
  mentions.forEach((m, i) => {
    starts[i] = m.start;
    ends[i] = m.end;
    types[i] = ENTITY_TYPES.indexOf(m.type);
  });
  return { starts, ends, types };
}

export const spanType = (spans: MentionSpans, i: number): EntityType => ENTITY_TYPES[spans.types[i]];
