/**
 * Line breaks as VS Code counts them (CRLF, LF and a lone CR), so that line numbers the core
 * reports are the editor's line numbers. Linear in the text's length whatever its line ends: the
 * next LF and the next CR are each looked up once and kept until the walk passes them.
 */
export function forEachLine(text: string, visit: (start: number, end: number, line: number) => void): number {
  const n = text.length;
  let start = 0;
  let line = 0;
  let nextLf = -1;
  let nextCr = -1;
  for (;;) {
    if (nextLf < start) {
      nextLf = text.indexOf('\n', start);
      if (nextLf < 0) nextLf = n;
    }
    if (nextCr < start) {
      nextCr = text.indexOf('\r', start);
      if (nextCr < 0) nextCr = n;
    }
    const lineBreak = Math.min(nextLf, nextCr);
    visit(start, lineBreak, line++);
    if (lineBreak >= n) return line;
    // CRLF is one break; a CR alone is one too, even as the text's last character.
    start = lineBreak + (lineBreak === nextCr && text.charCodeAt(lineBreak + 1) === 10 ? 2 : 1);
  }
}

/** Offset ↔ line/column for one text; columns are UTF-16 units like the editor's. */
export class LineIndex {
  private readonly starts: number[] = [];

  constructor(readonly text: string) {
    forEachLine(text, (start) => {
      this.starts.push(start);
    });
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  positionAt(offset: number): { line: number; character: number } {
    const line = lastAtOrBefore(this.starts, offset);
    return { line, character: offset - this.starts[line] };
  }
}

/** The index of the last of the ascending `sorted[0, count)` that is at most `value` (0 if none is). */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number, count = sorted.length): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
