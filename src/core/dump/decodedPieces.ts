import { lastAtOrBefore } from '../text/lines';
import { type ArticleTable, byteStarts, startOffsets } from './articleTable';

/** About this many bytes are decoded a step (2–10 ms): whole articles, so a piece never cuts a character. */
const PIECE_BYTES = 1 << 20;

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text of valid UTF-8 bytes (as readDumpFromBytes read them, a BOM dropped), decoded front to
 * back one piece of whole articles at a time: a worker decodes its 150 MB between queries, in
 * steps of a few ms, instead of in one step of a second or more that a query would wait behind.
 * `slice` answers a range once the pieces up to its end are in; the pieces joined are the text.
 */
export class DecodedPieces {
  /** UTF-16 offset and byte offset where each piece starts, then the end of both. */
  private readonly units: number[];
  private readonly byteAt: number[];
  private readonly pieces: string[] = [];

  private constructor(
    private readonly bytes: Uint8Array,
    units: number[],
    byteAt: number[],
  ) {
    this.units = units;
    this.byteAt = byteAt;
  }

  /**
   * The pieces of a reading's bytes, `length` its text's length in UTF-16 units, each of at least
   * `pieceBytes` but the last; undefined without article starts.
   */
  static of(
    table: ArticleTable,
    bytes: Uint8Array,
    length: number,
    pieceBytes = PIECE_BYTES,
  ): DecodedPieces | undefined {
    const starts = byteStarts(table);
    if (!starts) return undefined;
    const offsets = startOffsets(table);
    const skip = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const units = [0];
    const byteAt = [skip];
    for (let i = 0; i < starts.length; i++) {
      if (starts[i] - byteAt[byteAt.length - 1] < pieceBytes || starts[i] <= skip) continue;
      units.push(offsets[i]);
      byteAt.push(starts[i]);
    }
    units.push(length);
    byteAt.push(bytes.length);
    return new DecodedPieces(bytes, units, byteAt);
  }

  /** UTF-16 units decoded so far, from the start. */
  get decodedUnits(): number {
    return this.units[this.pieces.length];
  }

  get complete(): boolean {
    return this.pieces.length === this.units.length - 1;
  }

  /** Decodes the next piece; false when there was none left. */
  step(): boolean {
    if (this.complete) return false;
    const k = this.pieces.length;
    this.pieces.push(decoder.decode(this.bytes.subarray(this.byteAt[k], this.byteAt[k + 1])));
    return true;
  }

  /** UTF-16 units [start, end) as String.prototype.slice takes them, or undefined while they are not all decoded. */
  slice(start: number, end: number): string | undefined {
    const length = this.units[this.units.length - 1];
    const from = Math.max(0, Math.min(start, length));
    const to = Math.max(from, Math.min(end, length));
    if (from === to) return '';
    if (to > this.decodedUnits) return undefined;
    const first = lastAtOrBefore(this.units, from, this.pieces.length);
    const last = lastAtOrBefore(this.units, to - 1, this.pieces.length);
    if (first === last) return this.pieces[first].slice(from - this.units[first], to - this.units[first]);
    let out = this.pieces[first].slice(from - this.units[first]);
    for (let k = first + 1; k < last; k++) out += this.pieces[k];
    return out + this.pieces[last].slice(0, to - this.units[last]);
  }

  /** The whole text, every piece decoded first. */
  join(): string {
    while (this.step());
    return this.pieces.join('');
  }
}
