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
const PAGE = 1 << 16;
const SCRATCH = PAGE;
const IN_PLACE_MAX = 1 << 30;

/** The count over b[start, end). */
export function simdCount(kind: SimdCount, b: Uint8Array, start: number, end: number): number {
  if (end - start < SIMD_MIN) return kind.byteLoop(b, start, end);
  // Bytes in a memory of their own (simdBytes) are counted where they are; others are copied in, a slice at a time.
  const inPlace = counter(kind, b.buffer);
  let total = 0;
  let i = start;
  if (inPlace) {
    // A slice at most IN_PLACE_MAX at a time: the count comes back as an i32.
    for (const at = b.byteOffset; end - i >= 16; ) {
      const length = Math.min(IN_PLACE_MAX, (end - i) & ~15);
      total += inPlace(at + i + length, at + i);
      i += length;
    }
    return total + kind.byteLoop(b, i, end);
  }
  const bytes = scratch();
  const simd = bytes && counter(kind, bytes.buffer);
  if (!simd) return kind.byteLoop(b, start, end);
  while (end - i >= 16) {
    const length = Math.min(SCRATCH, (end - i) & ~15);
    bytes.set(b.subarray(i, i + length));
    total += simd(length, 0);
    i += length;
  }
  return total + kind.byteLoop(b, i, end);
}

/**
 * `length` zeroed bytes in a WebAssembly memory of their own, which simdCount counts in place
 * rather than copying them into its own memory first (a part's 150 MB were copied once for the
 * UTF-16 offsets and once more for the line feeds); a plain buffer where WebAssembly cannot hold them.
 */
export function simdBytes(length: number): Buffer {
  // Addresses past 2 GB would not pass as the i32 they are.
  const memory = length < 2 ** 31 ? newMemory(Math.max(1, Math.ceil(length / PAGE))) : undefined;
  if (!memory) return Buffer.alloc(length);
  counters.set(memory.buffer, { memory, counts: new Map() });
  return Buffer.from(memory.buffer, 0, length);
}

/** `count(end, start)`: the count over memory[start, end), end - start a multiple of 16. */
type Count = (end: number, start: number) => number;

interface Memory {
  readonly buffer: ArrayBuffer;
}

/** The memories counted in place, each with the counts compiled for it. */
const counters = new WeakMap<ArrayBufferLike, { memory: Memory; counts: Map<SimdCount, Count | null> }>();
const modules = new Map<SimdCount, object | null>();
let scratchBytes: Uint8Array | null | undefined;

/** The little of WebAssembly used here (the project's libraries do not declare it). */
interface Wasm {
  Memory: new (limits: { initial: number }) => Memory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: { m: { memory: Memory } },
  ) => {
    exports: { count: Count };
  };
}

const wasm = (): Wasm | undefined => (globalThis as { WebAssembly?: Wasm }).WebAssembly;

function newMemory(pages: number): Memory | undefined {
  try {
    return wasm() && new (wasm()!.Memory)({ initial: pages });
  } catch {
    return undefined;
  }
}

/** Where bytes of no memory of their own are copied to be counted. */
function scratch(): Uint8Array | undefined {
  if (scratchBytes === undefined) {
    const memory = newMemory(SCRATCH / PAGE);
    if (memory) counters.set(memory.buffer, { memory, counts: new Map() });
    scratchBytes = memory ? new Uint8Array(memory.buffer, 0, SCRATCH) : null;
  }
  return scratchBytes ?? undefined;
}

/** The count `kind` over the memory whose buffer is `buffer`, or undefined if that is no such memory or SIMD is not there. */
function counter(kind: SimdCount, buffer: ArrayBufferLike | undefined): Count | undefined {
  const held = buffer && counters.get(buffer);
  if (!held) return undefined;
  let count = held.counts.get(kind);
  if (count === undefined) {
    try {
      let module = modules.get(kind);
      if (module === undefined) {
        try {
          module = new (wasm()!.Module)(countModule(kind.lanes));
        } catch {
          module = null;
        }
        modules.set(kind, module);
      }
      count = module && new (wasm()!.Instance)(module, { m: { memory: held.memory } }).exports.count;
    } catch {
      count = null;
    }
    held.counts.set(kind, count);
  }
  return count ?? undefined;
}

/**
 * `count(end, start)`: the sum over memory[start, end) (the memory imported as m.memory), end -
 * start a multiple of 16, of what `lanes` (code
 * run with the accumulator and the vector v on the stack, leaving the accumulator) subtracts per
 * 16 bytes: each lane test gives -1 (all ones) where it holds. The byte accumulator is widened into
 * 32-bit lanes every 127 vectors (before a lane, at most 2 a vector, can overflow).
 */
function countModule(lanes: readonly number[]): Uint8Array {
  const body = [
    0x02,
    0x01,
    0x7f,
    0x03,
    0x7b, // locals after the parameters (end, i = start): stop, the inner loop's end (i32); acc, total, v (v128)
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
    0x01, //   if i >= end: break
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
    0x02, // stop = i + 2032
    0x20,
    0x00,
    0x4b,
    0x04,
    0x40,
    0x20,
    0x00,
    0x21,
    0x02,
    0x0b, // if stop > end: stop = end
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
    0x00, //                   while i < stop
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
    ...section(1, [0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f]), // (i32, i32) -> i32
    ...section(2, [0x01, ...name('m'), ...name('memory'), 0x02, 0x00, 0x01]), // a memory of at least 1 page
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, ...name('count'), 0x00, 0x00]),
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
