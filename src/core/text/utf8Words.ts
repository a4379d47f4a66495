import { codePointClass, WORD_START } from './tokenize';

/**
 * The words of a text as forEachWordSpan cuts them, found in its UTF-8 bytes without decoding
 * them: the index is built from a dump's bytes, so it need not wait for the whole text to be
 * decoded (seconds at 100,000 articles). The range is given in UTF-16 units, as the reading
 * gives it, and found from a place known on both sides (`at` in the bytes is `units` in the
 * text: an article's marker line), counting units while walking; a word is visited as its byte
 * span, with a hash of its bytes (FNV-1a, as a signed 32-bit integer: a small integer to V8).
 * Valid UTF-8 is what the byte reader reads; any other byte counts as one unit, never a word.
 */
export function forEachUtf8WordSpan(
  b: Uint8Array,
  at: number,
  units: number,
  from: number,
  to: number,
  visit: (start: number, end: number, hash: number) => void,
): void {
  const n = b.length;
  let i = at;
  let u = units;
  // To the text's start: the marker and header lines are not indexed.
  while (u < from && i < n) {
    const c = b[i];
    const length = sequenceLength(c);
    i += length;
    u += length === 4 ? 2 : 1;
  }
  let length = 1;
  let k = 0;
  while (u < to && i < n) {
    let at = classAt(b, i, n);
    length = at & 7;
    k = at >> 3;
    if ((k & 3) !== WORD_START) {
      i += length;
      u += length === 4 ? 2 : 1;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    for (;;) {
      for (let s = 0; s < length; s++) hash = Math.imul(hash ^ b[i + s], 0x01000193);
      i += length;
      u += length === 4 ? 2 : 1;
      if (i >= n) break;
      at = classAt(b, i, n);
      length = at & 7;
      k = at >> 3;
      if (k === 0) break;
    }
    if (u > to) return;
    visit(start, i, hash | 0);
  }
}

/** The class of the code point at i (as codePointClass gives it) times 8, plus its length in bytes: both in one small integer. */
function classAt(b: Uint8Array, i: number, n: number): number {
  const c = b[i];
  if (c < 0x80) return (CLASS_ASCII[c] << 3) | 1;
  const length = sequenceLength(c);
  return length === 1 || i + length > n ? length : (codePointClass(codePointAt(b, i, length)) << 3) | length;
}

/** How many bytes the UTF-8 sequence led by byte c has (1 for ASCII and for a byte that leads none). */
const sequenceLength = (c: number): number => (c < 0xc0 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2);

/** The code point of the `length`-byte sequence at i (2–4 bytes). */
function codePointAt(b: Uint8Array, i: number, length: number): number {
  if (length === 2) return ((b[i] & 0x1f) << 6) | (b[i + 1] & 0x3f);
  if (length === 3) return ((b[i] & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
  return ((b[i] & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
}

const CLASS_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) CLASS_ASCII[c] = codePointClass(c);
