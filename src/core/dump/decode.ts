import { bomEncoding, type ForeignEncoding, nulPatternEncoding } from './encoding';
import { parseDump } from './reader';
import type { Dump, DumpProblem } from './types';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** At most this many invalid UTF-8 ranges are listed; one more warning says there are more. */
export const MAX_LISTED_RANGES = 20;

/** Invalid places, with no valid multi-byte sequence at all, that make a legacy 8-bit encoding the likely reading. */
const LEGACY_EVIDENCE = 8;

/** A run of bytes that are not valid UTF-8, with the 0-based line it is on (CRLF, LF and CR each end a line). */
export interface InvalidRange {
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

/**
 * Bytes to text the way the editor shows them: BOM dropped, invalid UTF-8 replaced by U+FFFD and
 * reported at its line, so nothing is lost silently. A UTF-16 file with its byte-order mark is
 * decoded as UTF-16, as the editor does; other encodings are named in the warning.
 */
export function decodeDump(bytes: Uint8Array): { text: string; problems: DumpProblem[] } {
  const bom = bomEncoding(bytes);
  if (bom === 'UTF-16LE' || bom === 'UTF-16BE') {
    const text = new TextDecoder(bom === 'UTF-16LE' ? 'utf-16le' : 'utf-16be').decode(bytes);
    return { text, problems: [encodingProblem(bom, true)] };
  }
  try {
    return { text: strict.decode(bytes), problems: [] };
  } catch {
    // Not valid UTF-8: named below, with the bad ranges.
  }
  const text = lenient.decode(bytes);
  const foreign = bom ?? nulPatternEncoding(bytes);
  if (foreign) return { text, problems: [encodingProblem(foreign, false)] };
  const { ranges, more, validSequences } = invalidUtf8Ranges(bytes, MAX_LISTED_RANGES);
  const problems: DumpProblem[] = [];
  if (!validSequences && ranges.length >= LEGACY_EVIDENCE)
    problems.push(encodingProblem('8-bit', false, ranges[0].line));
  for (const r of ranges)
    problems.push({
      code: 'invalid-utf8',
      line: r.line,
      endLine: r.line,
      count: r.end - r.start,
      message: `${r.end - r.start} byte${r.end - r.start === 1 ? ' is' : 's are'} not valid UTF-8 here; shown as �.`,
    });
  if (more) problems.push(moreInvalidUtf8(more.line));
  return { text, problems };
}

/** The warning that stands for every invalid UTF-8 place past the listed ones. */
export const moreInvalidUtf8 = (line: number): DumpProblem => ({
  code: 'invalid-utf8',
  line,
  endLine: line,
  message: `More invalid UTF-8 from here on; only the first ${MAX_LISTED_RANGES} places are listed.`,
});

const ENCODING_NAMES: Record<ForeignEncoding, string> = {
  'UTF-16LE': 'UTF-16 (little-endian)',
  'UTF-16BE': 'UTF-16 (big-endian)',
  'UTF-32LE': 'UTF-32 (little-endian)',
  'UTF-32BE': 'UTF-32 (big-endian)',
  '8-bit': 'a legacy 8-bit encoding (such as Windows-1258, TCVN3 or Windows-1252)',
};

function encodingProblem(encoding: ForeignEncoding, decoded: boolean, line = 0): DumpProblem {
  return {
    code: 'encoding',
    line,
    endLine: line,
    encoding,
    decoded,
    message: decoded
      ? `The file is ${ENCODING_NAMES[encoding]}, not UTF-8 as dumps should be; read as ${encoding}.`
      : `The file is not UTF-8: it looks like ${ENCODING_NAMES[encoding]}. Convert it to UTF-8; until then its text shows garbled.`,
  };
}

/**
 * The runs of bytes that do not decode as UTF-8, first to last, at most `max` of them, and where
 * the next one starts if there are more; whether any valid multi-byte sequence was seen. One pass.
 */
export function invalidUtf8Ranges(
  b: Uint8Array,
  max = Infinity,
): { ranges: InvalidRange[]; more?: InvalidRange; validSequences: boolean } {
  const ranges: InvalidRange[] = [];
  let validSequences = false;
  let line = 0;
  let runStart = -1;
  let runLine = 0;
  const n = b.length;
  let i = 0;
  const closeRun = (end: number): boolean => {
    if (runStart < 0) return false;
    const range = { start: runStart, end, line: runLine };
    runStart = -1;
    if (ranges.length >= max) return true;
    ranges.push(range);
    return false;
  };
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      if (runStart >= 0 && closeRun(i)) return { ranges, more: { start: i, end: i, line: runLine }, validSequences };
      if (c === 13 || (c === 10 && b[i - 1] !== 13)) line++;
      i++;
      continue;
    }
    const length = sequenceLength(b, i);
    if (length) {
      if (runStart >= 0 && closeRun(i)) return { ranges, more: { start: i, end: i, line: runLine }, validSequences };
      validSequences = true;
      i += length;
      continue;
    }
    if (runStart < 0) {
      if (ranges.length >= max) return { ranges, more: { start: i, end: i + 1, line }, validSequences };
      runStart = i;
      runLine = line;
    }
    i++;
  }
  if (runStart >= 0 && closeRun(n)) return { ranges, more: { start: n, end: n, line: runLine }, validSequences };
  return { ranges, validSequences };
}

/** Length of the valid UTF-8 sequence of 2–4 bytes starting at i, or 0 (overlong, surrogate, past U+10FFFF, cut short). */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return 0;
  const second = b[i + 1];
  if (second === undefined || second < lo || second > hi) return 0;
  for (let k = 2; k <= need; k++) {
    const cc = b[i + k];
    if (cc === undefined || (cc & 0xc0) !== 0x80) return 0;
  }
  return need + 1;
}

/** Decoding problems and the reader's, in line order (decoding first on a tie); NUL warnings dropped when the encoding explains them. */
export function mergeProblems(decoding: readonly DumpProblem[], reading: readonly DumpProblem[]): DumpProblem[] {
  if (!decoding.length) return reading as DumpProblem[];
  const foreign = decoding.some((p) => p.code === 'encoding' && p.encoding !== '8-bit');
  const rest = foreign ? reading.filter((p) => p.code !== 'nul-bytes') : reading;
  const merged: DumpProblem[] = [];
  let i = 0;
  let j = 0;
  while (i < decoding.length || j < rest.length) {
    if (j >= rest.length || (i < decoding.length && decoding[i].line <= rest[j].line)) merged.push(decoding[i++]);
    else merged.push(rest[j++]);
  }
  return merged;
}

/** Bytes of a dump file to its text and its reading, problems in line order. */
export function readDumpBytes(bytes: Uint8Array): { text: string; dump: Dump } {
  const { text, problems } = decodeDump(bytes);
  const dump = parseDump(text);
  return { text, dump: problems.length ? { ...dump, problems: mergeProblems(problems, dump.problems) } : dump };
}
