import { inferDate } from '../dates/inferDate';
import { forEachLine } from '../text/lines';
import {
  bodyLine,
  finishArticle,
  isBlank,
  malformedMarker,
  nulBytes,
  type OpenArticle,
  openArticle,
  OutsideArticles,
} from './articleState';
import { classifyLine } from './markers';
import type { Article, Dump, DumpProblem } from './types';

export { untitledTitle } from './articleState';

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
  const outside = new OutsideArticles(problems);

  const close = (closed: boolean) => {
    if (!open) return;
    articles.push(finishArticle(open, articles.length, closed, problems, (from, to) => inferDate(text, from, to)));
    open = undefined;
  };

  const lineCount = forEachLine(text, (lineStart, end, line) => {
    const start = line === 0 ? lineStart + bom : lineStart;
    const first = text.charCodeAt(start);
    const kind = first === 60 ? classifyLine(text.slice(start, end)) : undefined;
    if (kind?.kind === 'marker') {
      close(false);
      outside.marker();
      open = openArticle(kind.name, line, start, end);
      return;
    }
    if (kind?.kind === 'end') {
      outside.end(line, open !== undefined);
      close(true);
      return;
    }
    if (kind?.kind === 'malformed-marker') {
      problems.push(malformedMarker(line));
    }
    const blank = isBlank(text, start, end);
    if (!open) {
      outside.line(line, blank);
      return;
    }
    bodyLine(open, text, start, end, 0, line, blank, problems);
  });
  close(false);
  outside.flushStray();

  const nul = text.indexOf('\0');
  if (nul >= 0) {
    problems.push(nulBytes(countLines(text, nul)));
  }
  problems.sort((a, b) => a.line - b.line);
  return { articles, problems, preamble: outside.preamble, lineCount };
}

function countLines(text: string, offset: number): number {
  let line = 0;
  forEachLine(text.slice(0, offset), (_s, _e, l) => {
    line = l;
  });
  return line;
}
