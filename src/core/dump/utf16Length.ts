import { GT_S, GT_U, SUB, type SimdCount, simdCount, splat, V } from './simdCount';

/**
 * How many UTF-16 code units the valid UTF-8 bytes `b[start, end)` decode to, without decoding
 * them: one per byte that is not a continuation byte (10xxxxxx), and one more per 4-byte lead
 * (a surrogate pair). Long ranges are counted 16 bytes at a time in WebAssembly SIMD (simdCount).
 */
export const utf16Length = (b: Uint8Array, start: number, end: number): number => simdCount(UNITS, b, start, end);

function byteLoop(b: Uint8Array, start: number, end: number): number {
  let units = 0;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if ((c & 0xc0) !== 0x80) units += c >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** Per 16 bytes: lanes that are no continuation byte (signed > -65), and lanes that are a 4-byte lead (unsigned > 0xEF). */
const UNITS: SimdCount = {
  lanes: [...splat(0xbf), ...GT_S, ...SUB, ...V, ...splat(0xef), ...GT_U, ...SUB],
  byteLoop,
};
