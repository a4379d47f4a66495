/**
 * Line breaks as VS Code counts them (CRLF, LF and a lone CR), so that line numbers the core
 * reports are the editor's line numbers.
 */
export function forEachLine(text: string, visit: (start: number, end: number, line: number) => void): number {
  const loneCr = text.indexOf('\r') >= 0 && /\r(?!\n)/.test(text);
  let start = 0;
  let line = 0;
  const n = text.length;
  while (start <= n) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = n;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (loneCr) {
      const cr = text.indexOf('\r', start);
      if (cr >= 0 && cr < end) {
        visit(start, cr, line++);
        start = cr + 1;
        continue;
      }
    }
    visit(start, end, line++);
    if (nl >= n) break;
    start = nl + 1;
  }
  return line;
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
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}
