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
