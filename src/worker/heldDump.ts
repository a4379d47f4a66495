import { webcrypto } from 'node:crypto';
import { type ByteReading, inferDatesFromBytes, readDumpFromBytes, withDates } from '../core/dump/byteReader';
import { decodeDump } from '../core/dump/decode';
import { readPart } from '../core/dump/parts';
import type { ArticleDate, Dump } from '../core/dump/types';
import type { TermIndex } from '../core/search/termIndex';

/**
 * A dump (or one part of a large dump) a worker holds. Read from bytes, its reading is ready
 * before its text is: the dates only the text gives are inferred from the undated articles'
 * bytes alone, and the whole text is decoded when something needs it (an index, a search, a
 * slice, entities) or when the worker is idle — so the articles view gets its data after one
 * pass over the bytes, and its inferred dates soon after.
 */
export class HeldDump {
  index?: TermIndex;
  private textValue: string | undefined;
  private dumpValue: Dump;
  private bytes: Uint8Array | undefined;
  private reading: ByteReading | undefined;
  private inferred: [number, ArticleDate][] | undefined;
  private hashBytes: Uint8Array | undefined;
  private hashValue: Promise<string> | undefined;
  /** Length of the text in UTF-16 units, known before it is decoded. */
  readonly textLength: number;

  private constructor(
    readonly version: string,
    source: { text: string; dump: Dump } | { bytes: Uint8Array; reading: ByteReading },
  ) {
    if ('text' in source) {
      this.textValue = source.text;
      this.dumpValue = source.dump;
      this.textLength = source.text.length;
      this.inferred = [];
    } else {
      this.bytes = source.bytes;
      this.hashBytes = source.bytes;
      this.reading = source.reading;
      this.dumpValue = source.reading.dump;
      this.textLength = source.reading.textLength;
    }
  }

  static fromText(version: string, text: string, dump: Dump): HeldDump {
    return new HeldDump(version, { text, dump });
  }

  /** A dump read from a file's bytes, or a part of one (`last` as readPart means it). */
  static fromBytes(version: string, bytes: Uint8Array, last: boolean): HeldDump {
    const reading = readDumpFromBytes(bytes, last);
    const held = reading ? new HeldDump(version, { bytes, reading }) : new HeldDump(version, readPart(bytes, last));
    held.hashBytes = bytes;
    return held;
  }

  get text(): string {
    return this.decoded();
  }

  /** The whole reading, inferred dates included. */
  get dump(): Dump {
    void this.inferredDates;
    return this.dumpValue;
  }

  /** The reading as far as it is known from a pass over the bytes (inferred dates pending). */
  get earlyDump(): Dump {
    return this.reading?.dump ?? this.dumpValue;
  }

  get pendingCount(): number {
    return this.reading?.pending.length ?? 0;
  }

  /** The dates inferred for the pending articles: [index within this dump, date]. */
  get inferredDates(): [number, ArticleDate][] {
    if (!this.inferred) {
      this.inferred = inferDatesFromBytes(this.bytes!, this.reading!);
      this.dumpValue = withDates(this.dumpValue, this.inferred);
    }
    return this.inferred;
  }

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

  /** Decodes the text now, unless done (the worker does it once idle after a read). */
  decoded(): string {
    if (this.textValue !== undefined) return this.textValue;
    void this.inferredDates;
    void this.hash;
    this.textValue = decodeDump(this.bytes!).text;
    this.bytes = undefined;
    this.reading = undefined;
    return this.textValue;
  }
}
