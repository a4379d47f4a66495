import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ArticleTable, isWholeTable } from '../core/dump/articleTable';
import type { Dump } from '../core/dump/types';
import { readWhole } from './fileBytes';
import { mark } from './timeline';

/**
 * A large dump's reading kept on disk, so reopening it shows its articles without reading the
 * file: its article table, the rest of its reading, the length of its text and the SHA-1 of its
 * bytes. The SHA-1 is also the name of its search index in the same folder (`HASH.idx`, written
 * and read by the index code, whose format this file does not know), so the index is found
 * without hashing the file first. Found by a key that needs no full read: the file's size and
 * modification time, the part's byte range and 16 sampled 4 KB blocks. The worker then reads and
 * hashes the file in the background, and reads it afresh if the hash is not the one kept.
 */
export interface CachedReading {
  readonly hash: string;
  readonly textLength: number;
  /** The reading without its articles (problems, preamble, line count). */
  readonly rest: Dump;
  readonly table: ArticleTable;
}

/** 3: strings as UTF-16LE (decoded ~10× faster than UTF-8 for Vietnamese titles), byte starts in the table. */
const FORMAT = 3;
const SAMPLES = 16;
const SAMPLE_BYTES = 4096;
const KEEP = 16;
/** Smaller dumps (or parts) are read faster than their cache file is read and hashed: no reading kept. */
export const CACHE_MIN_CHARS = 2_000_000;

/** The key of bytes [start, end) of a file as it is now, from its stat and a few sampled blocks. */
export function readingKey(filePath: string, start: number, end: number): string {
  const stat = fs.statSync(filePath);
  const h = createHash('sha1').update(`${FORMAT}:${stat.size}:${stat.mtimeMs}:${start}:${end}`);
  const fd = fs.openSync(filePath, 'r');
  try {
    const block = Buffer.alloc(SAMPLE_BYTES);
    const span = Math.max(0, end - start - SAMPLE_BYTES);
    for (let i = 0; i < SAMPLES; i++) {
      const at = start + Math.floor((span * i) / (SAMPLES - 1));
      const n = fs.readSync(fd, block, 0, Math.min(SAMPLE_BYTES, end - at), at);
      h.update(block.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

const fileOf = (dir: string, key: string) => path.join(dir, `${key}.reading`);

export function loadReading(dir: string, key: string): CachedReading | undefined {
  try {
    const b = fs.readFileSync(fileOf(dir, key));
    mark('worker: cached reading read');
    return readingOfBytes(b);
  } catch {
    return undefined;
  }
}

/**
 * The same, its file read off the calling thread: the extension host takes a reopened dump's
 * reading in itself while its workers start, rather than waiting for them to send it.
 */
export async function loadReadingAsync(dir: string, key: string): Promise<CachedReading | undefined> {
  try {
    return readingOfBytes(await readWhole(fileOf(dir, key)));
  } catch {
    return undefined;
  }
}

/** A cached reading from its file's bytes, or undefined if they are not a whole one in this format. */
function readingOfBytes(b: Buffer): CachedReading | undefined {
  if (b.length < 4) return undefined;
  const headerLength = b.readUInt32LE(0);
  const header = JSON.parse(b.toString('utf8', 4, 4 + headerLength));
  if (header.format !== FORMAT || b.length !== 4 + headerLength + header.numbersBytes + header.stringsBytes)
    return undefined;
  let at = 4 + headerLength;
  const numbers = new Float64Array(header.numbersBytes / 8);
  new Uint8Array(numbers.buffer).set(b.subarray(at, at + header.numbersBytes));
  at += header.numbersBytes;
  const strings = b.toString('utf16le', at, at + header.stringsBytes);
  const table = { count: header.count, numbers, strings };
  if (!isWholeTable(table)) return undefined;
  return {
    hash: header.hash,
    textLength: header.textLength,
    // JSON drops a key whose value is undefined; the reading has `preamble` either way.
    rest: {
      articles: [],
      problems: header.rest.problems,
      preamble: header.rest.preamble,
      lineCount: header.rest.lineCount,
    },
    table,
  };
}

/** Writes a reading atomically, keeping the few most recent: storage does not grow without end. */
export function saveReading(dir: string, key: string, reading: CachedReading): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const strings = Buffer.from(reading.table.strings, 'utf16le');
    const numbers = Buffer.from(
      reading.table.numbers.buffer,
      reading.table.numbers.byteOffset,
      reading.table.numbers.byteLength,
    );
    const header = Buffer.from(
      JSON.stringify({
        format: FORMAT,
        hash: reading.hash,
        textLength: reading.textLength,
        rest: { ...reading.rest, articles: [] },
        count: reading.table.count,
        numbersBytes: numbers.length,
        stringsBytes: strings.length,
      }),
    );
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    const file = fileOf(dir, key);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.concat([length, header, numbers, strings]));
    fs.renameSync(tmp, file);
    const entries = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.reading'))
      .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const old of entries.slice(KEEP)) fs.rmSync(path.join(dir, old.f), { force: true });
  } catch {
    // A reading that cannot be kept costs a read of the file next time, nothing else.
  }
}

export function dropReading(dir: string, key: string): void {
  fs.rmSync(fileOf(dir, key), { force: true });
}
