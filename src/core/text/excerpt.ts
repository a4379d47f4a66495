import type { TextSource } from './textSource';

/** Offsets an excerpt may not leave: an article's text. */
export interface TextBounds {
  readonly textStartOffset: number;
  readonly textEndOffset: number;
}

/** A one-line excerpt around [start, end): white space collapsed, an ellipsis where it was cut. */
export function excerpt(
  text: TextSource,
  bounds: TextBounds,
  start: number,
  end: number,
  before: number,
  after: number,
) {
  const from = Math.max(bounds.textStartOffset, start - before);
  const to = Math.min(bounds.textEndOffset, end + after);
  const lead = from > bounds.textStartOffset ? '…' : '';
  const tail = to < bounds.textEndOffset ? '…' : '';
  return { from, to, lead, text: lead + collapseSpace(text.slice(from, to)) + tail };
}

export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/**
 * The length of `collapseSpace(s.slice(0, p))` for any `p`, from one pass over the white-space runs
 * of `s`: a snippet's highlights are placed without collapsing the text before each of them again.
 */
export function collapsedLengths(s: string): (p: number) => number {
  const runs: number[] = [];
  const space = /\s+/g;
  for (let m = space.exec(s); m; m = space.exec(s)) runs.push(m.index, m.index + m[0].length);
  return (p) => {
    let removed = 0;
    // A run the prefix reaches into becomes one space, however much of it the prefix holds.
    for (let i = 0; i < runs.length && runs[i] < p; i += 2) removed += Math.min(runs[i + 1], p) - runs[i] - 1;
    return p - removed;
  };
}
