import { isUtf8 } from 'node:buffer';
import { inferDate } from '../dates/inferDate';
import {
  bodyLine,
  finishArticle,
  headRead,
  isBlank,
  malformedMarker,
  nulBytes,
  type OpenArticle,
  openArticle,
  OutsideArticles,
} from './articleState';
import type { ArticleTable, ArticleTableBuilder } from './articleTable';
import { bomEncoding } from './encoding';
import { lineFeeds } from './lineFeeds';
import { classifyLine } from './markers';
import type { Article, Dump, DumpProblem } from './types';
import { utf16Length } from './utf16Length';

/** A reading made from a dump's bytes, before (or without) decoding the whole text. */
export interface ByteReading {
  /** Exactly what `readDumpBytes` gives, except the dates of the `pending` articles. */
  readonly dump: Dump;
  /** Articles with no explicit date and some text: their date, if any, is inferred from the text (`inferDatesFromBytes`). */
  readonly pending: readonly number[];
  /**
   * For each pending article, the bytes from its marker to the end of its last line and where its
   * text is in the characters they decode to: [start, end, text start, text end, …].
   */
  readonly pendingBytes: readonly number[];
  /** The articles packed, when read `into` a table builder (then `dump.articles` is empty). */
  readonly table?: ArticleTable;
  /** Length in UTF-16 units of the text the bytes decode to. */
  readonly textLength: number;
}

const LF = 10;
const CR = 13;
const LT = 60;

/**
 * Reads a dump from its bytes as `readDumpBytes` (decode, then parse) would, decoding only what
 * the reading needs: lines that start with `<`, and each article's header lines and first line.
 * Every other line is looked at as bytes (where it ends, whether it is blank), and offsets are
 * counted in UTF-16 units from the bytes (utf16Length). So the articles view needs about one pass
 * over the bytes, not a decode of all of them. Valid UTF-8 only (the common case): for any other
 * bytes, undefined, and the caller decodes as before. `last` as in `readPart`: a part that is not
 * the last ends before the next part's marker.
 */
export function readDumpFromBytes(bytes: Uint8Array, last = true, into?: ArticleTableBuilder): ByteReading | undefined {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = b.length;
  if (bomEncoding(b) || !isUtf8(b)) return undefined;
  if (!last && n > 0 && b[n - 1] !== LF) return undefined;
  const skip = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const nul = b.indexOf(0, skip);
  let nulLine = -1;

  // Offsets in UTF-16 units, counted forward from the last place asked for (places come in order).
  let countedTo = skip;
  let units = 0;
  const unitsAt = (at: number): number => {
    units += utf16Length(b, countedTo, at);
    countedTo = at;
    return units;
  };

  const articles: Article[] = [];
  const problems: DumpProblem[] = [];
  const pending: number[] = [];
  const pendingBytes: number[] = [];
  let count = 0;
  let open: OpenArticle | undefined;
  let openByte = 0;
  /** Past the open article's head: its later lines are looked at as bytes, their ends kept as byte positions. */
  let tail = false;
  let lastEndByte = 0;
  let textEndByte = -1;
  const outside = new OutsideArticles(problems);
  const close = (closed: boolean) => {
    if (!open) return;
    if (tail) {
      if (textEndByte >= 0) open.textEndOffset = unitsAt(textEndByte);
      open.lastEnd = unitsAt(lastEndByte);
    }
    const index = count++;
    const article = finishArticle(open, index, closed, problems, (from, to) => {
      pending.push(index);
      pendingBytes.push(openByte, lastEndByte, from - open!.startOffset, to - open!.startOffset);
      return undefined;
    });
    if (into) into.add(article, openByte);
    else articles.push(article);
    open = undefined;
    tail = false;
  };

  const visit = (start: number, end: number, line: number) => {
    if (nulLine < 0 && nul >= 0 && nul < end) nulLine = line;
    let s: string | undefined;
    if (b[start] === LT) {
      s = b.toString('utf8', start, end);
      const kind = classifyLine(s);
      if (kind.kind === 'marker') {
        close(false);
        outside.marker();
        const startOffset = unitsAt(start);
        open = openArticle(kind.name, line, startOffset, startOffset + s.length);
        openByte = start;
        lastEndByte = end;
        return;
      }
      if (kind.kind === 'end') {
        outside.end(line, open !== undefined);
        close(true);
        return;
      }
      if (kind.kind === 'malformed-marker') problems.push(malformedMarker(line));
    }
    if (!open) {
      outside.line(line, blankBytes(b, start, end));
      return;
    }
    if (tail) {
      open.lastLine = line;
      lastEndByte = end;
      if (!blankBytes(b, start, end)) textEndByte = end;
      return;
    }
    s ??= b.toString('utf8', start, end);
    bodyLine(open, s, 0, s.length, unitsAt(start), line, isBlank(s, 0, s.length), problems);
    lastEndByte = end;
    if (headRead(open)) {
      tail = true;
      textEndByte = -1;
    }
  };

  /**
   * Past the open article's head, in a dump with LF line ends only: its lines from `from` (a line
   * start, not `<`) to the next that starts with `<` are taken at once, as visit would take them one
   * by one (where the last ends, where the last non-blank one ends, how many), without a step a line.
   */
  const skipTail = (from: number, line: number): { bytes: number; lines: number } => {
    let to = lineFeedBeforeLt(b, from);
    if (to < 0) to = b.lastIndexOf(LF, n - 1);
    if (to < from) return { bytes: 0, lines: 0 };
    const lines = lineFeeds(b, from, to + 1);
    if (nulLine < 0 && nul >= from && nul < to) nulLine = line + lineFeeds(b, from, nul);
    open!.lastLine = line + lines - 1;
    lastEndByte = to;
    for (let lineEnd = to; ; ) {
      const lineStart = Math.max(from, b.lastIndexOf(LF, lineEnd - 1) + 1);
      if (!blankBytes(b, lineStart, lineEnd)) {
        textEndByte = lineEnd;
        break;
      }
      if (lineStart <= from) break;
      lineEnd = lineStart - 1;
    }
    return { bytes: to + 1 - from, lines };
  };

  // The lines as forEachLine finds them in the decoded text: CRLF, LF and a lone CR each end one.
  const hasCr = b.indexOf(CR, skip) >= 0;
  let start = skip;
  let line = 0;
  let nextLf = -1;
  let nextCr = hasCr ? -1 : n;
  for (;;) {
    if (nextLf < start) {
      nextLf = b.indexOf(LF, start);
      if (nextLf < 0) nextLf = n;
    }
    if (nextCr < start) {
      nextCr = b.indexOf(CR, start);
      if (nextCr < 0) nextCr = n;
    }
    const end = Math.min(nextLf, nextCr);
    // A part that is not the last is read as the whole dump is: its last (empty) line is the next part's marker.
    if (!last && start === n) {
      close(false);
      outside.flushStray();
      line++;
      break;
    }
    visit(start, end, line++);
    if (end >= n) break;
    start = end + (end === nextCr && b[end + 1] === LF ? 2 : 1);
    if (tail && !hasCr && b[start] !== LT) {
      const skipped = skipTail(start, line);
      start += skipped.bytes;
      line += skipped.lines;
    }
  }
  close(false);
  outside.flushStray();
  if (nulLine >= 0) problems.push(nulBytes(nulLine));
  problems.sort((x, y) => x.line - y.line);
  return {
    dump: { articles, problems, preamble: outside.preamble, lineCount: line },
    pending,
    pendingBytes,
    textLength: unitsAt(n),
    table: into?.finish(),
  };
}

/**
 * Where the first line feed at or after `from` that is followed by `<` is (a line that may be a
 * marker or an end line starts after it), or -1: `b.indexOf('\n<', from)`, found by looking for
 * the `<`, rare in text, rather than the line feed: a search for the two bytes stops at every
 * line feed, a dozen or more an article.
 */
export function lineFeedBeforeLt(b: Buffer, from: number): number {
  for (let lt = b.indexOf(LT, from + 1); lt >= 0; lt = b.indexOf(LT, lt + 1)) if (b[lt - 1] === LF) return lt - 1;
  return -1;
}

/** Whether bytes [start, end) are blank as isBlank means it: spaces, tabs, U+00A0 and U+FEFF. */
function blankBytes(b: Uint8Array, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const c = b[i];
    if (c === 32 || c === 9) i++;
    else if (c === 0xc2 && b[i + 1] === 0xa0) i += 2;
    else if (c === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf) i += 3;
    else return false;
  }
  return true;
}

/**
 * The dates the pending articles' texts imply, decoding only those articles' bytes: [article
 * index, its date]. The same as inferPendingDates on the whole text: each article is decoded from
 * its marker (more than the 6 characters inferDate looks behind its text) to the end of its last
 * line, and what follows that line (a line break or the end) is no digit, `/` or `-` for its look-aheads.
 */
export function inferDatesFromBytes(bytes: Uint8Array, reading: ByteReading): [number, NonNullable<Article['date']>][] {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: [number, NonNullable<Article['date']>][] = [];
  const at = reading.pendingBytes;
  reading.pending.forEach((i, k) => {
    const date = inferDate(b.toString('utf8', at[4 * k], at[4 * k + 1]), at[4 * k + 2], at[4 * k + 3]);
    if (date) found.push([i, date]);
  });
  return found;
}

/** The dates the pending articles' texts imply, once the text is decoded: [article index, its date]. */
export function inferPendingDates(
  text: string,
  dump: Dump,
  pending: readonly number[],
): [number, NonNullable<Article['date']>][] {
  const found: [number, NonNullable<Article['date']>][] = [];
  for (const i of pending) {
    const a = dump.articles[i];
    const date = inferDate(text, a.textStartOffset, a.textEndOffset);
    if (date) found.push([i, date]);
  }
  return found;
}

/** The reading with these dates filled in: what the text reader gives. */
export function withDates(dump: Dump, dates: readonly (readonly [number, NonNullable<Article['date']>])[]): Dump {
  if (!dates.length) return dump;
  const articles = dump.articles.slice();
  for (const [i, date] of dates) articles[i] = { ...articles[i], date };
  return { ...dump, articles };
}
