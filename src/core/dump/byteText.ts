import { lastAtOrBefore } from '../text/lines';
import type { TextSource } from '../text/textSource';
import { type ArticleTable, byteStarts, startOffsets } from './articleTable';
import { utf16Length } from './utf16Length';

/** Ranges of bytes are read through this: held bytes, or a read from the file. */
export type ByteRange = (start: number, end: number) => Uint8Array;

/** Segments longer than this (a huge article) are cut into pieces this long when first touched. */
const PIECE = 1 << 16;
/** Decoded segments kept: a query's snippet, matches and highlights slice the same article several times. */
const KEEP = 16;

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text of valid UTF-8 bytes, decoded only where sliced: `units[i]` (UTF-16 offset) and
 * `bytes[i]` (byte offset) pair up places known on both sides (each article's marker line), so
 * a slice decodes only the segments between the known places around it. A segment over 64 KB is
 * cut into 64 KB pieces at character starts, counted by utf16Length, the first time it is
 * sliced. Equal to slicing the decoded text, for bytes that readDumpFromBytes read.
 */
export class ByteText implements TextSource {
  private readonly units: number[];
  private readonly bytes: number[];
  private readonly kept = new Map<number, string>();

  /**
   * `anchors`: ascending UTF-16 offsets and their byte offsets (the text's start after any BOM
   * first); `length` and `byteLength` the end of both.
   */
  constructor(
    private readonly read: ByteRange,
    units: ArrayLike<number>,
    bytes: ArrayLike<number>,
    readonly length: number,
    byteLength: number,
  ) {
    this.units = Array.from(units);
    this.bytes = Array.from(bytes);
    this.units.push(length);
    this.bytes.push(byteLength);
  }

  slice(start: number, end: number): string {
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    if (from === to) return '';
    let first = this.segmentAt(from);
    first = this.refine(first, from);
    let last = this.segmentAt(to - 1);
    last = this.refine(last, to - 1);
    const base = this.units[first];
    if (first === last) return this.segment(first).slice(from - base, to - base);
    return decoder.decode(this.read(this.bytes[first], this.bytes[last + 1])).slice(from - base, to - base);
  }

  /** The last segment starting at or before `at`. */
  private segmentAt(at: number): number {
    return lastAtOrBefore(this.units, at, this.units.length - 1);
  }

  /** The segment holding `at`, once a long segment is cut in pieces (each at most PIECE + 3 bytes). */
  private refine(k: number, at: number): number {
    const start = this.bytes[k];
    const end = this.bytes[k + 1];
    if (end - start <= 2 * PIECE) return k;
    const b = this.read(start, end);
    const units: number[] = [];
    const bytes: number[] = [];
    let unit = this.units[k];
    let from = 0;
    for (let cut = PIECE; cut < b.length; cut += PIECE) {
      // A piece starts where a character does: never on a continuation byte (10xxxxxx).
      let c = cut;
      while (c > from && (b[c] & 0xc0) === 0x80) c--;
      if (c <= from) continue;
      unit += utf16Length(b, from, c);
      units.push(unit);
      bytes.push(start + c);
      from = c;
    }
    this.units.splice(k + 1, 0, ...units);
    this.bytes.splice(k + 1, 0, ...bytes);
    this.kept.clear();
    return this.segmentAt(at);
  }

  private segment(k: number): string {
    const key = this.bytes[k];
    let s = this.kept.get(key);
    if (s === undefined) {
      s = decoder.decode(this.read(key, this.bytes[k + 1]));
      if (this.kept.size >= KEEP) this.kept.delete(this.kept.keys().next().value as number);
    } else this.kept.delete(key);
    this.kept.set(key, s);
    return s;
  }
}

/**
 * The text of a reading from the bytes (its table knows where each article starts in both), or
 * undefined for a reading that does not know (read from decoded text).
 */
export function byteTextOf(
  table: ArticleTable,
  read: ByteRange,
  length: number,
  byteLength: number,
): ByteText | undefined {
  const starts = byteStarts(table);
  if (!starts) return undefined;
  const head = read(0, Math.min(3, byteLength));
  const skip = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return new ByteText(read, [0, ...startOffsets(table)], [skip, ...starts], length, byteLength);
}
