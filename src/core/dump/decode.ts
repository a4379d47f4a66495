import { parseDump } from './reader';
import type { Dump, DumpProblem } from './types';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Bytes to text the way the editor shows them: BOM dropped, invalid UTF-8 replaced by U+FFFD and
 * reported with its line, so nothing is lost silently.
 */
export function decodeDump(bytes: Uint8Array): { text: string; problems: DumpProblem[] } {
  try {
    return { text: strict.decode(bytes), problems: [] };
  } catch {
    const text = lenient.decode(bytes);
    const bad = firstInvalidUtf8(bytes);
    let line = 0;
    for (let i = 0; i < bad; i++) if (bytes[i] === 10) line++;
    return {
      text,
      problems: [
        {
          code: 'invalid-utf8',
          line,
          endLine: line,
          message: `The file is not valid UTF-8 (first bad byte at ${bad}); bad bytes show as �.`,
        },
      ],
    };
  }
}

/** Byte offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Bytes of a dump file to its text and its reading, decoding problems first. */
export function readDumpBytes(bytes: Uint8Array): { text: string; dump: Dump } {
  const { text, problems } = decodeDump(bytes);
  const dump = parseDump(text);
  return { text, dump: problems.length ? { ...dump, problems: [...problems, ...dump.problems] } : dump };
}
