import { decodeDump, MAX_LISTED_RANGES, mergeProblems, moreInvalidUtf8 } from './decode';
import { parseDump, untitledTitle } from './reader';
import type { Article, Dump, DumpProblem } from './types';

/**
 * A large dump is read in parts, one per worker thread, split just before a marker line so each
 * part is a dump of its own. A part's base says where it starts in the whole: its first article's
 * index, its first character's offset, its first line.
 */
export interface PartBase {
  readonly article: number;
  readonly offset: number;
  readonly line: number;
}

const MARKER = Buffer.from('\n<<<FILE>>>');

/** Byte offsets that cut `bytes` into about `parts` pieces, each just after a line break before a marker. */
export function splitPoints(
  read: (start: number, length: number) => Uint8Array,
  size: number,
  parts: number,
  window = 1 << 20,
): number[] {
  const points: number[] = [];
  for (let i = 1; i < parts; i++) {
    const target = Math.floor((size * i) / parts);
    const chunk = Buffer.from(read(target, Math.min(window, size - target)));
    const at = chunk.indexOf(MARKER);
    if (at < 0) continue;
    const point = target + at + 1;
    if (point > (points[points.length - 1] ?? 0) && point < size) points.push(point);
  }
  return points;
}

export function shiftArticle(a: Article, base: PartBase): Article {
  return {
    ...a,
    index: a.index + base.article,
    title: a.untitled ? untitledTitle(a.index + base.article) : a.title,
    startLine: a.startLine + base.line,
    endLine: a.endLine + base.line,
    textStartLine: a.textStartLine + base.line,
    startOffset: a.startOffset + base.offset,
    endOffset: a.endOffset + base.offset,
    textStartOffset: a.textStartOffset + base.offset,
    textEndOffset: a.textEndOffset + base.offset,
  };
}

/** A part's reading as it stands in the whole dump. */
export function shiftDump(dump: Dump, base: PartBase): Dump {
  if (!base.article && !base.offset && !base.line) return dump;
  return {
    ...dump,
    articles: dump.articles.map((a) => shiftArticle(a, base)),
    problems: dump.problems.map((p) => ({ ...p, line: p.line + base.line, endLine: p.endLine + base.line })),
    preamble: dump.preamble && {
      startLine: dump.preamble.startLine + base.line,
      endLine: dump.preamble.endLine + base.line,
    },
    lineCount: dump.lineCount + base.line,
  };
}

/** The parts' readings, already shifted, as one dump. Every part but the last ends with a line break, so its last line is the next part's first. */
export function joinParts(parts: readonly Dump[]): Dump {
  if (parts.length === 1) return parts[0];
  return {
    articles: parts.flatMap((p) => p.articles),
    problems: joinProblems(parts.map((p) => p.problems)),
    preamble: parts[0].preamble,
    lineCount: parts[parts.length - 1].lineCount,
  };
}

/**
 * The parts' problems as reading the whole would give them: one NUL warning (the first), and the
 * first MAX_LISTED_RANGES invalid UTF-8 places with one "more" warning where the next one is. A
 * part's "more" warning stands for its next range, so the first item not kept is where the whole
 * reading's "more" warning goes. (A guessed 8-bit encoding is guessed per part.)
 */
function joinProblems(lists: readonly (readonly DumpProblem[])[]): DumpProblem[] {
  const out: DumpProblem[] = [];
  let nul = false;
  let ranges = 0;
  let more = false;
  for (const list of lists)
    for (const p of list) {
      if (p.code === 'nul-bytes') {
        if (nul) continue;
        nul = true;
      } else if (p.code === 'invalid-utf8') {
        if (more) continue;
        if (ranges >= MAX_LISTED_RANGES || p.count === undefined) {
          more = true;
          out.push(moreInvalidUtf8(p.line));
          continue;
        }
        ranges++;
      }
      out.push(p);
    }
  return out;
}

/** The bases of parts with these text lengths and line counts. */
export function partBases(parts: readonly { articles: number; textLength: number; lineCount: number }[]): PartBase[] {
  const bases: PartBase[] = [];
  let base: PartBase = { article: 0, offset: 0, line: 0 };
  for (const p of parts) {
    bases.push(base);
    base = {
      article: base.article + p.articles,
      offset: base.offset + p.textLength,
      line: base.line + p.lineCount - 1,
    };
  }
  return bases;
}

/**
 * Reads one part. A part that is not the last is read with the next part's marker after it, as
 * the whole dump would be: its last article ends before that marker line, not at end of file.
 */
export function readPart(bytes: Uint8Array, last: boolean): { text: string; dump: Dump } {
  const { text, problems } = decodeDump(bytes);
  if (last) {
    const dump = parseDump(text);
    return { text, dump: problems.length ? { ...dump, problems: mergeProblems(problems, dump.problems) } : dump };
  }
  const read = parseDump(`${text}<<<FILE>>> next`);
  const nextLine = read.lineCount - 1;
  return {
    text,
    dump: {
      ...read,
      articles: read.articles.slice(0, -1),
      problems: mergeProblems(
        problems,
        read.problems.filter((p) => p.line < nextLine),
      ),
    },
  };
}
