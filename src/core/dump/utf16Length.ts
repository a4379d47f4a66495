/**
 * How many UTF-16 code units the valid UTF-8 bytes `b[start, end)` decode to, without decoding
 * them: one per byte that is not a continuation byte (10xxxxxx), and one more per 4-byte lead
 * (a surrogate pair). Long ranges are counted 16 bytes at a time by a few lines of WebAssembly
 * SIMD (about 20× a JavaScript byte loop); short ranges, and hosts without WebAssembly SIMD, in JS.
 */
export function utf16Length(b: Uint8Array, start: number, end: number): number {
  const simd = end - start >= SIMD_MIN ? counter() : undefined;
  if (!simd) return byteLoop(b, start, end);
  let units = 0;
  let i = start;
  while (end - i >= 16) {
    const length = Math.min(SCRATCH, (end - i) & ~15);
    simd.bytes.set(b.subarray(i, i + length));
    units += simd.count(length);
    i += length;
  }
  return units + byteLoop(b, i, end);
}

const SIMD_MIN = 64;
const SCRATCH = 1 << 16;

function byteLoop(b: Uint8Array, start: number, end: number): number {
  let units = 0;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if ((c & 0xc0) !== 0x80) units += c >= 0xf0 ? 2 : 1;
  }
  return units;
}

interface Counter {
  readonly bytes: Uint8Array;
  count(length: number): number;
}

let compiled: Counter | null | undefined;

/** The little of WebAssembly used here (the project's libraries do not declare it). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: { memory: { buffer: ArrayBuffer }; count: (n: number) => number } };
}

function counter(): Counter | undefined {
  if (compiled === undefined) {
    try {
      const wasm = (globalThis as { WebAssembly?: Wasm }).WebAssembly;
      if (!wasm) throw new Error('no WebAssembly');
      const { exports } = new wasm.Instance(new wasm.Module(countModule()));
      compiled = { bytes: new Uint8Array(exports.memory.buffer, 0, SCRATCH), count: exports.count };
    } catch {
      compiled = null;
    }
  }
  return compiled ?? undefined;
}

/**
 * `count(length)`: the units of memory[0, length), length a multiple of 16. Per 16 bytes,
 * lanes that are no continuation byte (signed > -65) and lanes that are a 4-byte lead
 * (unsigned > 0xEF) each add one to a byte accumulator, widened into 32-bit lanes every
 * 127 vectors (before a lane, at most 2 a vector, can overflow).
 */
function countModule(): Uint8Array {
  const splat = (byte: number) => [0xfd, 0x0c, ...new Array(16).fill(byte)];
  const SIMD = 0xfd;
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
    ...splat(0xbf),
    SIMD,
    0x27,
    SIMD,
    0x71, //          acc -= (v >s -65)
    0x20,
    0x05,
    ...splat(0xef),
    SIMD,
    0x28,
    SIMD,
    0x71, // acc -= (v >u 0xEF)
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
