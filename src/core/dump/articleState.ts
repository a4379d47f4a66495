import { parseIsoDate } from '../dates/calendar';
import { unescapeLine } from './markers';
import { parseDateTag, parseHeaderLine, parseSourceCredit, titleFromLine } from './metadata';
import type { Article, ArticleDate, DumpProblem } from './types';

/**
 * An article being read, line by line. The text reader (reader.ts) and the byte reader
 * (byteReader.ts) both feed it through `bodyLine`, so the two readings cannot drift apart.
 */
export interface OpenArticle {
  name: string;
  startLine: number;
  startOffset: number;
  lastLine: number;
  lastEnd: number;
  inHeader: boolean;
  headers: Record<string, string>;
  tagDate?: ArticleDate;
  /** Set once the first non-blank body line is seen. */
  textStartOffset: number;
  textStartLine: number;
  textEndOffset: number;
  firstLine?: string;
  /** The date tag stood alone on its line, so the next non-blank line is the first line. */
  awaitingFirstLine: boolean;
}

export function openArticle(name: string, line: number, start: number, end: number): OpenArticle {
  return {
    name,
    startLine: line,
    startOffset: start,
    lastLine: line,
    lastEnd: end,
    inHeader: true,
    headers: {},
    textStartOffset: -1,
    textStartLine: -1,
    textEndOffset: -1,
    awaitingFirstLine: false,
  };
}

export const isBlank = (text: string, start: number, end: number): boolean => {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xfeff && c !== 0xa0) return false;
  }
  return true;
};

/** Whether the article's metadata and first line are read, so later lines change only where it ends. */
export const headRead = (open: OpenArticle): boolean =>
  !open.inHeader && open.textStartOffset >= 0 && !open.awaitingFirstLine;

/**
 * One body line `s[start, end)` of an open article, at `line`; `delta` turns positions in `s`
 * into offsets in the whole text (0 when `s` is the whole text, the line's offset when `s` is the line).
 */
export function bodyLine(
  open: OpenArticle,
  s: string,
  start: number,
  end: number,
  delta: number,
  line: number,
  blank: boolean,
  problems: DumpProblem[],
): void {
  open.lastLine = line;
  open.lastEnd = end + delta;
  if (open.inHeader) {
    const header = blank ? undefined : parseHeaderLine(s.slice(start, end));
    if (header) {
      open.headers[header.key] = header.value;
      return;
    }
    open.inHeader = false;
  }
  if (blank) return;
  if (open.textStartOffset < 0 || open.awaitingFirstLine) {
    let textStart = start;
    if (open.textStartOffset < 0) {
      const tag = s.charCodeAt(start) === 60 ? undefined : parseDateTag(s.slice(start, Math.min(end, start + 64)));
      if (tag) {
        if (tag.date) open.tagDate = tag.date;
        else
          problems.push({
            code: 'invalid-date',
            line,
            endLine: line,
            message: `Date tag "${tag.raw}" is not a real date; ignored.`,
          });
        textStart = start + tag.length;
      }
    }
    if (open.textStartOffset < 0) {
      open.textStartOffset = textStart + delta;
      open.textStartLine = line;
    }
    if (textStart < end) {
      open.firstLine = unescapeLine(s.slice(textStart, end));
      open.awaitingFirstLine = false;
    } else {
      open.awaitingFirstLine = true;
    }
  }
  open.textEndOffset = end + delta;
}

/** The title of an article with nothing to name it by: its 1-based place in the dump. */
export const untitledTitle = (index: number): string => `#${index + 1}`;

/** Finds the date an article's text implies, if it has no explicit one: [from, to) are offsets of its text. */
export type InferDate = (from: number, to: number) => ArticleDate | undefined;

export function finishArticle(
  open: OpenArticle,
  index: number,
  closed: boolean,
  problems: DumpProblem[],
  infer: InferDate,
): Article {
  const headers = open.headers;
  let date = open.tagDate;
  if (headers.date !== undefined) {
    const headerDate = parseIsoDate(headers.date, 'explicit');
    if (headerDate) date = headerDate;
    else
      problems.push({
        code: 'invalid-date',
        line: open.startLine + 1,
        endLine: open.startLine + 1,
        message: `Date header "${headers.date}" is not a real date; ignored.`,
      });
  }
  const hasText = open.textStartOffset >= 0;
  const textStartOffset = hasText ? open.textStartOffset : open.lastEnd;
  const textEndOffset = hasText ? Math.max(open.textEndOffset, textStartOffset) : open.lastEnd;
  if (!date && hasText) date = infer(textStartOffset, textEndOffset);

  let firstLine = open.firstLine ?? '';
  let source = headers.source;
  const credit = parseSourceCredit(firstLine);
  if (credit) {
    source ??= credit.source;
    firstLine = firstLine.slice(credit.length);
  }
  const named = headers.title || titleFromLine(firstLine) || open.name;
  const article: Article & { untitled?: true } = {
    index,
    name: open.name,
    title: named || untitledTitle(index),
    source,
    date,
    headers,
    startLine: open.startLine,
    endLine: open.lastLine,
    startOffset: open.startOffset,
    endOffset: open.lastEnd,
    textStartOffset,
    textEndOffset,
    textStartLine: hasText ? open.textStartLine : open.lastLine,
    closed,
  };
  // Added after the literal, not spread into it: a spread makes a million articles slow dictionary objects.
  if (!named) article.untitled = true;
  return article;
}

/** The reader's problems that both readers report alike. */
export const strayText = (line: number, endLine: number): DumpProblem => ({
  code: 'stray-text',
  line,
  endLine,
  message: 'Text after an end line belongs to no article.',
});

export const endWithoutArticle = (line: number): DumpProblem => ({
  code: 'end-without-article',
  line,
  endLine: line,
  message: 'End line with no article open.',
});

export const malformedMarker = (line: number): DumpProblem => ({
  code: 'malformed-marker',
  line,
  endLine: line,
  message:
    'Line starts like a marker but is not one; read as text. Markers are <<<FILE>>> NAME, <<<FILE: NAME>>> or <<<FILE NAME>>>.',
});

export const nulBytes = (line: number): DumpProblem => ({
  code: 'nul-bytes',
  line,
  endLine: line,
  message: 'The file contains NUL bytes; is it really text?',
});

/** What both readers track between articles: end lines, text after them that no article holds, the preamble. */
export class OutsideArticles {
  preamble: { startLine: number; endLine: number } | undefined;
  private afterEnd = false;
  private seenMarker = false;
  private stray: { line: number; endLine: number } | undefined;

  constructor(private readonly problems: DumpProblem[]) {}

  /** A marker line (after the open article, if any, is closed). */
  marker(): void {
    this.flushStray();
    this.afterEnd = false;
    this.seenMarker = true;
  }

  /** An end line, before the article it closes (if `closing`) is finished. */
  end(line: number, closing: boolean): void {
    this.flushStray();
    if (!closing) this.problems.push(endWithoutArticle(line));
    this.afterEnd = true;
  }

  /** A line outside every article. */
  line(line: number, blank: boolean): void {
    if (blank) return;
    if (this.afterEnd) {
      // One warning per run between an end line and the next marker.
      if (this.stray) this.stray.endLine = line;
      else this.stray = { line, endLine: line };
    } else if (!this.seenMarker) {
      this.preamble = this.preamble
        ? { startLine: this.preamble.startLine, endLine: line }
        : { startLine: line, endLine: line };
    }
  }

  flushStray(): void {
    if (!this.stray) return;
    this.problems.push(strayText(this.stray.line, this.stray.endLine));
    this.stray = undefined;
  }
}
