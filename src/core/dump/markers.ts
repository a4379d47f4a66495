/** What a line is, as far as article boundaries go (spec §2, §3). */
export type LineKind =
  | { kind: 'marker'; name: string }
  | { kind: 'end' }
  | { kind: 'malformed-marker' }
  | { kind: 'text' };

const TEXT: LineKind = { kind: 'text' };
const END: LineKind = { kind: 'end' };
const MALFORMED: LineKind = { kind: 'malformed-marker' };

const MARKER_PLAIN = /^<<<FILE>>>(.*)$/;
const MARKER_WRAPPED = /^<<<FILE(?::\s*|\s+)(.*?)>>>\s*$/;
const END_LINE = /^<<<(?:END|END FILE|ENDFILE)>>>\s*$/;

/** Classifies one line (without its line break). Cheap for ordinary text: one char test. */
export function classifyLine(line: string): LineKind {
  if (line.charCodeAt(0) !== 60 /* < */ || !line.startsWith('<<<')) return TEXT;
  if (line.startsWith('<<<FILE')) {
    let m = MARKER_PLAIN.exec(line);
    if (m) return { kind: 'marker', name: m[1].trim() };
    m = MARKER_WRAPPED.exec(line);
    if (m) return { kind: 'marker', name: m[1].trim() };
    return MALFORMED;
  }
  if (line.startsWith('<<<END') && END_LINE.test(line)) return END;
  return TEXT;
}

/** Whether a body line must be escaped when written, so it is not read as a marker or end line. */
export function needsEscape(line: string): boolean {
  return line.startsWith('<<<FILE') || line.startsWith('<<<END') || /^\\+<<<(?:FILE|END)/.test(line);
}

/** Reverses the writer's escape: `\<<<FILE` in a body is the text `<<<FILE`. */
export function unescapeLine(line: string): string {
  return line.charCodeAt(0) === 92 /* \ */ && /^\\+<<<(?:FILE|END)/.test(line) ? line.slice(1) : line;
}
