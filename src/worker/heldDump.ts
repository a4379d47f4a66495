import { webcrypto } from 'node:crypto';
import { inferPendingDates, readDumpFromBytes, withDates } from '../core/dump/byteReader';
import { decodeDump } from '../core/dump/decode';
import { readPart } from '../core/dump/parts';
import type { ArticleDate, Dump } from '../core/dump/types';
import type { TermIndex } from '../core/search/termIndex';

/**
 * A dump (or one part of a large dump) a worker holds. Read from bytes, its reading is ready
 * before its text is: the text is decoded when something needs it (an index, a search, a slice,
 * entities, the inferred dates), so the articles view gets its data after one pass over the bytes.
 */
export class HeldDump {
  index?: TermIndex;
  private textValue: string | undefined;
  private dumpValue: Dump;
  private bytes: Uint8Array | undefined;
  private readonly pending: readonly number[];
  /** Length of the text in UTF-16 units, known before it is decoded. */
  readonly textLength: number;
  private inferred: [number, ArticleDate][] = [];

  constructor(
    readonly version: string,
    source:
      | { text: string; dump: Dump }
      | { bytes: Uint8Array; dump: Dump; pending: readonly number[]; textLength: number },
  ) {
    this.dumpValue = source.dump;
    if ('text' in source) {
      this.textValue = source.text;
      this.pending = [];
      this.textLength = source.text.length;
    } else {
      this.bytes = source.bytes;
      this.pending = source.pending;
      this.textLength = source.textLength;
    }
  }

  /** A dump read from a file's bytes, or a part of one (`last` as readPart means it). */
  static fromBytes(version: string, bytes: Uint8Array, last: boolean): HeldDump {
    const fast = readDumpFromBytes(bytes, last);
    const held = fast ? new HeldDump(version, { bytes, ...fast }) : new HeldDump(version, readPart(bytes, last));
    held.hashBytes = bytes;
    return held;
  }

  private hashBytes: Uint8Array | undefined;
  private hashValue: Promise<string> | undefined;

  /**
   * The SHA-1 of the file's bytes (of the text for a text from the editor), the index cache's key:
   * computed on the thread pool (WebCrypto), started once the reading is sent.
   */
  get hash(): Promise<string> {
    if (!this.hashValue) {
      const bytes = this.hashBytes ?? Buffer.from(this.text);
      this.hashBytes = undefined;
      this.hashValue = webcrypto.subtle.digest('SHA-1', bytes).then((d) => Buffer.from(d).toString('hex'));
      this.hashValue.catch(() => undefined);
    }
    return this.hashValue;
  }

  get text(): string {
    return this.decoded();
  }

  /** The whole reading, inferred dates included. */
  get dump(): Dump {
    this.decoded();
    return this.dumpValue;
  }

  /** The reading as far as it is known without decoding the text (inferred dates pending). */
  get earlyDump(): Dump {
    return this.dumpValue;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** The dates inferred for the pending articles: [index within this dump, date]. */
  get inferredDates(): [number, ArticleDate][] {
    this.decoded();
    return this.inferred;
  }

  /** Decodes the text now, unless done (the worker does it as soon as it is idle after a read). */
  decoded(): string {
    if (this.textValue !== undefined) return this.textValue;
    void this.hash;
    const text = decodeDump(this.bytes!).text;
    this.bytes = undefined;
    this.inferred = inferPendingDates(text, this.dumpValue, this.pending);
    this.dumpValue = withDates(this.dumpValue, this.inferred);
    this.textValue = text;
    return text;
  }
}
