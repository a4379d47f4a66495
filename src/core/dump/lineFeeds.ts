import { EQ, type SimdCount, SUB, simdCount, splat } from './simdCount';

/**
 * How many line feeds (LF) the bytes `b[start, end)` hold: the byte reader counts an article's
 * later lines at once (it needs only where they end), 16 bytes at a time (simdCount).
 */
export const lineFeeds = (b: Uint8Array, start: number, end: number): number => simdCount(LINE_FEEDS, b, start, end);

const LINE_FEEDS: SimdCount = {
  lanes: [...splat(10), ...EQ, ...SUB],
  byteLoop: (b, start, end) => {
    let n = 0;
    for (let i = start; i < end; i++) if (b[i] === 10) n++;
    return n;
  },
};
