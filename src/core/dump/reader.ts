import { parseIsoDate } from '../dates/calendar';
import { inferDate } from '../dates/inferDate';
import { forEachLine } from '../text/lines';
import { classifyLine, unescapeLine } from './markers';
import { parseDateTag, parseHeaderLine, parseSourceCredit, titleFromLine } from './metadata';
import type { Article, ArticleDate, Dump, DumpProblem } from './types';

interface OpenArticle {
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

const isBlank = (text: string, start: number, end: number): boolean => {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xfeff && c !== 0xa0) return false;
  }
  return true;
};

/**
 * Reads a dump as spec §2–§4 say. Never throws: whatever it cannot make sense of becomes a
 * problem with its line, and every article it could read is returned.
 */
export function parseDump(input: string): Dump {
  const text = input;
  // A BOM left in the string is not part of line 0's content; offsets still count it.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const articles: Article[] = [];
  const problems: DumpProblem[] = [];
  let open: OpenArticle | undefined;
  let afterEnd = false;
  let stray: { line: number; endLine: number } | undefined;
  let preamble: { startLine: number; endLine: number } | undefined;
  let seenMarker = false;

  const flushStray = () => {
    if (!stray) return;
    problems.push({
      code: 'stray-text',
      line: stray.line,
      endLine: stray.endLine,
      message: 'Text after an end line belongs to no article.',
    });
    stray = undefined;
  };

  const close = (closed: boolean) => {
    if (!open) return;
    articles.push(finish(text, open, articles.length, closed, problems));
    open = undefined;
  };

  const lineCount = forEachLine(text, (lineStart, end, line) => {
    const start = line === 0 ? lineStart + bom : lineStart;
    const first = text.charCodeAt(start);
    const kind = first === 60 ? classifyLine(text.slice(start, end)) : undefined;
    if (kind?.kind === 'marker') {
      close(false);
      flushStray();
      afterEnd = false;
      seenMarker = true;
      open = {
        name: kind.name,
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
      return;
    }
    if (kind?.kind === 'end') {
      flushStray();
      if (open) close(true);
      else
        problems.push({ code: 'end-without-article', line, endLine: line, message: 'End line with no article open.' });
      afterEnd = true;
      return;
    }
    if (kind?.kind === 'malformed-marker') {
      problems.push({
        code: 'malformed-marker',
        line,
        endLine: line,
        message:
          'Line starts like a marker but is not one; read as text. Markers are <<<FILE>>> NAME, <<<FILE: NAME>>> or <<<FILE NAME>>>.',
      });
    }
    const blank = isBlank(text, start, end);
    if (!open) {
      if (blank) return;
      if (afterEnd) {
        // One warning per run between an end line and the next marker.
        if (stray) stray.endLine = line;
        else stray = { line, endLine: line };
      } else if (!seenMarker) {
        preamble = preamble ? { startLine: preamble.startLine, endLine: line } : { startLine: line, endLine: line };
      }
      return;
    }
    open.lastLine = line;
    open.lastEnd = end;
    if (open.inHeader) {
      const header = blank ? undefined : parseHeaderLine(text.slice(start, end));
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
        const tag = first === 60 ? undefined : parseDateTag(text.slice(start, Math.min(end, start + 64)));
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
        open.textStartOffset = textStart;
        open.textStartLine = line;
      }
      if (textStart < end) {
        open.firstLine = unescapeLine(text.slice(textStart, end));
        open.awaitingFirstLine = false;
      } else {
        open.awaitingFirstLine = true;
      }
    }
    open.textEndOffset = end;
  });
  close(false);
  flushStray();

  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = countLines(text, nul);
    problems.push({
      code: 'nul-bytes',
      line,
      endLine: line,
      message: 'The file contains NUL bytes; is it really text?',
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return { articles, problems, preamble, lineCount };
}

function countLines(text: string, offset: number): number {
  let line = 0;
  forEachLine(text.slice(0, offset), (_s, _e, l) => {
    line = l;
  });
  return line;
}

/** The title of an article with nothing to name it by: its 1-based place in the dump. */
export const untitledTitle = (index: number): string => `#${index + 1}`;

function finish(text: string, open: OpenArticle, index: number, closed: boolean, problems: DumpProblem[]): Article {
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
  if (!date && hasText) date = inferDate(text, textStartOffset, textEndOffset);

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
