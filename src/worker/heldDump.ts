import { webcrypto } from 'node:crypto';
import { type ByteReading, inferDatesFromBytes, readDumpFromBytes, withDates } from '../core/dump/byteReader';
import {
  type ArticleTable,
  ArticleTableBuilder,
  byteStarts,
  packArticles,
  tableWithDates,
  unpackArticles,
} from '../core/dump/articleTable';
import { type ByteRange, byteTextOf } from '../core/dump/byteText';
import { decodeDump } from '../core/dump/decode';
import { DecodedPieces } from '../core/dump/decodedPieces';
import { readPart } from '../core/dump/parts';
import { withArticlesOnRead } from '../core/dump/lazyArticles';
import type { ArticleDate, Dump } from '../core/dump/types';
import type { EntityIndex } from '../core/entities/extract';
import type { PartExtraction } from '../core/entities/partExtraction';
import { setBoundsFromTable } from '../core/search/dateBounds';
import type { DumpBytes, TermIndex } from '../core/search/termIndex';
import type { TextSource } from '../core/text/textSource';
import type { CachedReading } from './readingCache';
import { mark } from './timeline';

const CHECK_AFTER_MS = 2000;

/**
 * A dump (or one part of a large dump) a worker holds. Read from bytes, its reading is ready
 * before its text is: the dates only the text gives are inferred from the undated articles'
 * bytes alone, and the whole text is decoded when something needs it (an index, a search, a
 * slice, entities) or when the worker is idle — so the articles view gets its data after one
 * pass over the bytes, and its inferred dates soon after.
 */
export class HeldDump {
  index?: TermIndex;
  /** The entities found in this text (its mentions stay here), and a split dump's part between steps. */
  entities?: EntityIndex;
  extraction?: PartExtraction;
  /** A reading from the cache: its cached index, read and loaded in the background until the index request takes it. */
  cachedIndex?: { readonly file: string; readonly index: Promise<TermIndex | undefined> };
  /**
   * A reading from the cache is checked against the file's bytes (read, hashed) once its index is
   * in, or `CHECK_AFTER_MS` after its cached index is loaded without an index request (`checkSoon`):
   * reading and hashing 150 MB a part would otherwise share the cores with loading the index and
   * the host's taking in the reading.
   */
  readonly checkable: Promise<void>;
  private allowCheck: () => void = () => undefined;
  /** The version this one replaced, while it is not indexed: an edit re-indexes only what changed. */
  previous?: { text: string; dump: Dump; index: TermIndex };
  private textValue: string | undefined;
  /** Whether `dumpValue` has its articles (or makes them on read) and its inferred dates. */
  private whole = false;
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
    source:
      | { text: string; dump: Dump }
      | { bytes: Uint8Array; reading: ByteReading }
      | { cached: CachedReading; file: PartFile },
  ) {
    this.checkable = new Promise<void>((resolve) => {
      this.allowCheck = resolve;
    });
    if (!('cached' in source)) this.allowCheck();
    if ('cached' in source) {
      // The cached reading is complete (its dates inferred); its bytes are read when needed.
      this.cached = source.cached;
      this.file = source.file;
      this.hashValue = Promise.resolve(source.cached.hash);
      // Its articles made when first read (a query, a build), not before the index is answered; the
      // date filter's bounds from the table's numbers meanwhile. Its dates are inferred already.
      this.dumpValue = withArticlesOnRead(source.cached.rest, source.cached.table, () => mark('worker: articles made'));
      setBoundsFromTable(this.dumpValue, source.cached.table);
      this.whole = true;
      this.textLength = source.cached.textLength;
      this.inferred = [];
    } else if ('text' in source) {
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

  /**
   * A dump whose reading came from the cache: its articles are ready, its bytes are read (and
   * hashed, to check they are still what was cached) when `verify` is called or the text is needed.
   */
  static fromCache(version: string, cached: CachedReading, file: PartFile): HeldDump {
    return new HeldDump(version, { cached, file });
  }

  private cached: CachedReading | undefined;
  private file: PartFile | undefined;
  private verification: Promise<boolean> | undefined;
  private source: TextSource | undefined;
  /** The text being decoded a piece at a time, after an index built from the bytes (`decodeStep`). */
  private pieces: DecodedPieces | undefined;

  /**
   * Whether the file's bytes still hash to what the cache says (true for a reading not from the
   * cache). Reads the bytes once; they are kept for decoding the text.
   */
  /** The index is in: the cached reading may be checked now. */
  indexed(): void {
    this.allowCheck();
  }

  /**
   * No index asked for `CHECK_AFTER_MS` after the worker has loaded this reading's cached index (or
   * found none): the check goes ahead. Counted from then, not from the read: on a loaded machine
   * the load alone can take seconds, and the check would then share the cores with it.
   */
  checkSoon(): void {
    setTimeout(this.allowCheck, CHECK_AFTER_MS).unref();
  }

  verify(): Promise<boolean> {
    if (!this.verification) {
      const cached = this.cached;
      const file = this.file;
      if (!cached || !file) this.verification = Promise.resolve(true);
      else {
        // Read off this thread (the index and the first queries need not wait for 150 MB), then hashed on the pool.
        this.verification = file
          .readAll()
          .then((bytes) => {
            if (this.textValue === undefined) this.bytes ??= bytes;
            return webcrypto.subtle.digest('SHA-1', bytes);
          })
          .then((d) => Buffer.from(d).toString('hex') === cached.hash);
      }
    }
    return this.verification;
  }

  private attachBytes(): void {
    if (this.bytes || !this.file) return;
    this.bytes = this.file.read(0, this.file.length);
  }

  /**
   * The text as a search reads it, by ranges: the decoded text once there is one, until then
   * (a reading from the bytes or the cache) the ranges decoded from the bytes, held or read from
   * the file; the whole text only when that is all there is.
   */
  get textSource(): TextSource {
    if (this.textValue !== undefined) return this.textValue;
    if (!this.source) {
      const table = this.cached?.table ?? this.reading?.table;
      const read: ByteRange = (start, end) =>
        this.bytes ? this.bytes.subarray(start, end) : this.file!.read(start, end);
      const byteLength = this.bytes?.length ?? this.file?.length;
      const pieces = this.pieces;
      // Every piece decoded (the bytes let go): the pieces answer alone.
      const bytes = pieces?.complete
        ? pieces
        : table && byteLength !== undefined && byteTextOf(table, read, this.textLength, byteLength);
      if (!bytes) return this.text;
      // Once decoded (statistics, entities), the text answers and the bytes can go; while the pieces are
      // decoded, those in answer.
      this.source = {
        length: this.textLength,
        slice: (from, to) =>
          this.textValue?.slice(from, to) ?? this.pieces?.slice(from, to) ?? (bytes.slice(from, to) as string),
      };
    }
    return this.source;
  }

  /** The reading without its articles (problems, preamble, line count), without making them. */
  get rest(): Dump {
    // From the cache, the held reading's articles are made on read: a spread of it would make them.
    return { ...(this.cached?.rest ?? this.dumpValue), articles: [] };
  }

  /** How many articles, without making their objects. */
  get articleCount(): number {
    return (this.cached?.table ?? this.reading?.table)?.count ?? this.dumpValue.articles.length;
  }

  /** The whole reading's table, inferred dates set: what the reading cache keeps. */
  completeTable(): ArticleTable {
    const table = this.reading?.table ?? this.cached?.table;
    return table ? tableWithDates(table, this.inferredDates) : packArticles(this.dump.articles);
  }

  static fromText(version: string, text: string, dump: Dump): HeldDump {
    return new HeldDump(version, { text, dump });
  }

  /** A dump read from a file's bytes, or a part of one (`last` as readPart means it). */
  static fromBytes(version: string, bytes: Uint8Array, last: boolean): HeldDump {
    const reading = readDumpFromBytes(bytes, last, new ArticleTableBuilder());
    const held = reading ? new HeldDump(version, { bytes, reading }) : new HeldDump(version, readPart(bytes, last));
    held.hashBytes = bytes;
    return held;
  }

  get text(): string {
    return this.decoded();
  }

  /**
   * The bytes and where each article starts in them, while the text is not decoded (a reading
   * from the bytes or the cache): what the index is built from, so that it need not wait for a
   * decode of the whole text. Undefined once the text is decoded, or for a reading from text.
   */
  get dumpBytes(): DumpBytes | undefined {
    if (this.textValue !== undefined) return undefined;
    const table = this.cached?.table ?? this.reading?.table;
    const starts = table && byteStarts(table);
    if (!starts) return undefined;
    this.attachBytes();
    return this.bytes && { bytes: this.bytes, starts };
  }

  /** The whole reading, inferred dates included (its articles made from their table the first time). */
  get dump(): Dump {
    if (!this.whole) {
      const table = this.cached?.table ?? this.reading?.table;
      let dump = this.dumpValue;
      if (table?.count && !dump.articles.length) dump = { ...dump, articles: unpackArticles(table) };
      this.dumpValue = withDates(dump, this.inferredDates);
      this.whole = true;
    }
    return this.dumpValue;
  }

  /**
   * What is sent before the text is decoded: the reading without its articles, the table of them
   * (a copy: the one held is unpacked here later) and how many may still get an inferred date.
   */
  early(): { dump: Dump; table: ArticleTable; pending: number } {
    const table = this.cached?.table ?? this.reading?.table;
    const rest = this.rest;
    if (!table) return { dump: rest, table: packArticles(this.dumpValue.articles), pending: 0 };
    return { dump: rest, table: { ...table, numbers: table.numbers.slice() }, pending: this.pendingCount };
  }

  get pendingCount(): number {
    return this.reading?.pending.length ?? 0;
  }

  /** The dates inferred for the pending articles: [index within this dump, date]. */
  get inferredDates(): [number, ArticleDate][] {
    this.inferred ??= inferDatesFromBytes(this.bytes!, this.reading!);
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

  /** Decodes the text now, unless done (the rest of its pieces, when `decodeStep` has begun). */
  decoded(): string {
    if (this.textValue !== undefined) return this.textValue;
    this.readBeforeDecoding();
    this.attachBytes();
    this.textValue = this.pieces ? this.pieces.join() : decodeDump(this.bytes!).text;
    this.pieces = undefined;
    this.bytes = undefined;
    return this.textValue;
  }

  /** What is read from the bytes before they are decoded (and let go): the inferred dates and the hash. */
  private readBeforeDecoding(): void {
    void this.inferredDates;
    void this.hash;
  }

  /**
   * Decodes the next piece of a text read from the bytes (about 1 MB of whole articles), so that the
   * whole text is decoded between queries rather than in one step that they wait behind; searches
   * slice the pieces decoded, the bytes the rest. False once there is nothing left to decode (the
   * bytes are let go then, as `decoded` lets them go).
   */
  decodeStep(): boolean {
    const table = this.reading?.table;
    if (this.textValue !== undefined || !table || !this.bytes) return false;
    if (!this.pieces) {
      this.readBeforeDecoding();
      this.pieces = DecodedPieces.of(table, this.bytes, this.textLength);
      if (!this.pieces) return false;
    }
    this.pieces.step();
    if (!this.pieces.complete) return true;
    this.bytes = undefined;
    return false;
  }
}

/** A part of a file (or all of it), read by ranges relative to its start. */
export interface PartFile {
  readonly length: number;
  read(start: number, end: number): Uint8Array;
  readAll(): Promise<Uint8Array>;
}
