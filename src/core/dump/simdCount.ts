/**
 * Counts over a byte range, 16 bytes at a time, by a few lines of WebAssembly SIMD (about 20× a
 * JavaScript byte loop): what a count adds per byte is given as lane tests (`SimdCount`). Long
 * ranges only; short ranges, and hosts without WebAssembly SIMD, are counted by the caller's byte loop.
 */

/** A count: its lane tests (WebAssembly code, see countModule) and the same count as a byte loop. */
export interface SimdCount {
  readonly lanes: readonly number[];
  readonly byteLoop: (b: Uint8Array, start: number, end: number) => number;
}

export const SIMD = 0xfd;
/** A v128 constant with every byte `byte`. */
export const splat = (byte: number): number[] => [SIMD, 0x0c, ...new Array(16).fill(byte)];
/** Lane ops: v (kept in local 5 by the loop) read again; `acc - mask`; the masks of three comparisons. */
export const V = [0x20, 0x05];
export const SUB = [SIMD, 0x71];
export const EQ = [SIMD, 0x23];
export const GT_S = [SIMD, 0x27];
export const GT_U = [SIMD, 0x28];

const SIMD_MIN = 64;
const SCRATCH = 1 << 16;

/** The count over b[start, end). */
export function simdCount(kind: SimdCount, b: Uint8Array, start: number, end: number): number {
  const simd = end - start >= SIMD_MIN ? counter(kind) : undefined;
  if (!simd) return kind.byteLoop(b, start, end);
  let total = 0;
  let i = start;
  while (end - i >= 16) {
    const length = Math.min(SCRATCH, (end - i) & ~15);
    simd.bytes.set(b.subarray(i, i + length));
    total += simd.count(length);
    i += length;
  }
  return total + kind.byteLoop(b, i, end);
}

interface Counter {
  readonly bytes: Uint8Array;
  count(length: number): number;
}

const compiled = new Map<SimdCount, Counter | null>();

/** The little of WebAssembly used here (the project's libraries do not declare it). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: { memory: { buffer: ArrayBuffer }; count: (n: number) => number } };
}

function counter(kind: SimdCount): Counter | undefined {
  let c = compiled.get(kind);
  if (c === undefined) {
    try {
      const wasm = (globalThis as { WebAssembly?: Wasm }).WebAssembly;
      if (!wasm) throw new Error('no WebAssembly');
      const { exports } = new wasm.Instance(new wasm.Module(countModule(kind.lanes)));
      c = { bytes: new Uint8Array(exports.memory.buffer, 0, SCRATCH), count: exports.count };
    } catch {
      c = null;
    }
    compiled.set(kind, c);
  }
  return c ?? undefined;
}

/**
 * `count(length)`: the sum over memory[0, length), length a multiple of 16, of what `lanes` (code
 * run with the accumulator and the vector v on the stack, leaving the accumulator) subtracts per
 * 16 bytes: each lane test gives -1 (all ones) where it holds. The byte accumulator is widened into
 * 32-bit lanes every 127 vectors (before a lane, at most 2 a vector, can overflow).
 */
function countModule(lanes: readonly number[]): Uint8Array {
  const body = [
    0x02,
    0x02,
    0x7f,
    0x03,
    0x7b, // locals: i, end (i32); acc, total, v (v128)
    0x02,
    0x40, //   block
    0x03,
    0x40, //     loop (outer)
    0x20,
    0x01,
    0x20,
    0x00,
    0x4f,
    0x0d,
    0x01, //   if i >= length: break
    ...splat(0),
    0x21,
    0x03, //                       acc = 0
    0x20,
    0x01,
    0x41,
    0xf0,
    0x0f,
    0x6a,
    0x22,
    0x02, // end = i + 2032
    0x20,
    0x00,
    0x4b,
    0x04,
    0x40,
    0x20,
    0x00,
    0x21,
    0x02,
    0x0b, // if end > length: end = length
    0x03,
    0x40, //       loop (inner)
    0x20,
    0x03, //         acc
    0x20,
    0x01,
    SIMD,
    0x00,
    0x00,
    0x00,
    0x22,
    0x05, // v = load(i)
    ...lanes, // acc -= each lane test of v
    0x21,
    0x03,
    0x20,
    0x01,
    0x41,
    0x10,
    0x6a,
    0x22,
    0x01, //       i += 16
    0x20,
    0x02,
    0x49,
    0x0d,
    0x00, //                   while i < end
    0x0b,
    0x20,
    0x04,
    0x20,
    0x03,
    SIMD,
    0x7d,
    SIMD,
    0x7f,
    SIMD,
    0xae,
    0x01,
    0x21,
    0x04, // total += widen(acc)
    0x0c,
    0x00,
    0x0b,
    0x0b,
    0x20,
    0x04,
    SIMD,
    0x1b,
    0x00,
    0x20,
    0x04,
    SIMD,
    0x1b,
    0x01,
    0x6a,
    0x20,
    0x04,
    SIMD,
    0x1b,
    0x02,
    0x6a,
    0x20,
    0x04,
    SIMD,
    0x1b,
    0x03,
    0x6a,
    0x0b,
  ];
  const section = (id: number, content: number[]) => [id, ...leb(content.length), ...content];
  const name = (s: string) => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f]), // (i32) -> i32
    ...section(3, [0x01, 0x00]),
    ...section(5, [0x01, 0x00, 0x02]), // 2 pages: 128 KB
    ...section(7, [0x02, ...name('count'), 0x00, 0x00, ...name('memory'), 0x02, 0x00]),
    ...section(10, [0x01, ...leb(body.length), ...body]),
  ]);
}

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}
