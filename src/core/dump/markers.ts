/** What a line is, as far as article boundaries go (spec §2, §3). */
export type LineKind =
  | { kind: 'marker'; name: string }
  | { kind: 'end' }
  | { kind: 'malformed-marker' }
  | { kind: 'text' };

const TEXT: LineKind = { kind: 'text' };
const END: LineKind = { kind: 'end' };
const MALFORMED: LineKind = { kind: 'malformed-marker' };

const END_LINE = /^<<<(?:END|END FILE|ENDFILE)>>>\s*$/;

/** Classifies one line (without its line break). Cheap for ordinary text: one char test. */
export function classifyLine(line: string): LineKind {
  if (line.charCodeAt(0) !== 60 /* < */ || !line.startsWith('<<<')) return TEXT;
  if (line.startsWith('<<<FILE')) {
    // Whatever follows `<<<FILE>>>` is the name, U+2028 included (a `.` regex would stop there,
    // and the parts a large dump is split into start at any `\n<<<FILE>>>`).
    if (line.startsWith('<<<FILE>>>')) return { kind: 'marker', name: line.slice(10).trim() };
    const name = wrappedMarkerName(line);
    return name === undefined ? MALFORMED : { kind: 'marker', name };
  }
  if (line.startsWith('<<<END') && END_LINE.test(line)) return END;
  return TEXT;
}

const SPACE = /\s/;

/**
 * The name of `<<<FILE: NAME>>>` or `<<<FILE NAME>>>`, found by trimming rather than by a regex:
 * `/^<<<FILE(?::\s*|\s+)(.*?)>>>\s*$/` backtracks quadratically on `<<<FILE` followed by a long
 * run of white space.
 */
function wrappedMarkerName(line: string): string | undefined {
  const after = line.charAt(7);
  if (after !== ':' && !SPACE.test(after)) return undefined;
  const rest = line.slice(after === ':' ? 8 : 7).trimEnd();
  if (!rest.endsWith('>>>')) return undefined;
  return rest.slice(0, -3).trim();
}

/** Whether a body line must be escaped when written, so it is not read as a marker or end line. */
export function needsEscape(line: string): boolean {
  return line.startsWith('<<<FILE') || line.startsWith('<<<END') || /^\\+<<<(?:FILE|END)/.test(line);
}

/** Reverses the writer's escape: `\<<<FILE` in a body is the text `<<<FILE`. */
export function unescapeLine(line: string): string {
  return line.charCodeAt(0) === 92 /* \ */ && /^\\+<<<(?:FILE|END)/.test(line) ? line.slice(1) : line;
}
