/**
 * Which encoding a file that is not UTF-8 is in, as far as its bytes tell: a byte-order mark,
 * the NUL-every-other-byte pattern of UTF-16, or lone high bytes with no UTF-8 sequence at all
 * (a legacy 8-bit code page). Named in the reader's warning, so a person knows what to convert.
 */
export type ForeignEncoding = 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE' | '8-bit';

/** The encoding a byte-order mark names, if the bytes start with one other than UTF-8's. */
export function bomEncoding(b: Uint8Array): ForeignEncoding | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return b[2] === 0 && b[3] === 0 && b.length >= 4 ? 'UTF-32LE' : 'UTF-16LE';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32BE';
  return undefined;
}

const SAMPLE = 4096;

/** UTF-16 without a mark: in ASCII-heavy text, most bytes at one parity are NUL and few at the other. */
export function nulPatternEncoding(b: Uint8Array): ForeignEncoding | undefined {
  const n = Math.min(b.length, SAMPLE) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.4 && even < pairs * 0.05) return 'UTF-16LE';
  if (even > pairs * 0.4 && odd < pairs * 0.05) return 'UTF-16BE';
  return undefined;
}
