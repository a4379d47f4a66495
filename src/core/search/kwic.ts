import { tableText } from '../export/csv';
import { foldDiacritics } from '../text/fold';
import type { ConcordanceLine } from './engine';

export type ConcordanceOrder = 'position' | 'left' | 'right' | 'match';

const words = (s: string) =>
  foldDiacritics(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const compareWords = (a: string[], b: string[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = a[i].localeCompare(b[i]);
    if (c) return c;
  }
  return a.length - b.length;
};

/**
 * Orders concordance lines as corpus tools do: by position, or alphabetically by the words just
 * left of the match (nearest first), right of it, or by the match itself; tone marks ignored.
 */
export function sortConcordance(lines: readonly ConcordanceLine[], order: ConcordanceOrder): ConcordanceLine[] {
  const position = (a: ConcordanceLine, b: ConcordanceLine) => a.dumpKey.localeCompare(b.dumpKey) || a.start - b.start;
  const keyed = lines.map((line) => ({
    line,
    key:
      order === 'left'
        ? words(line.left).reverse()
        : order === 'right'
          ? words(line.right)
          : order === 'match'
            ? words(line.match)
            : [],
  }));
  return keyed.sort((a, b) => compareWords(a.key, b.key) || position(a.line, b.line)).map((k) => k.line);
}

/** Aligned keyword-in-context text: left context right-aligned, the match, right context, then date and title. */
export function formatConcordance(lines: readonly ConcordanceLine[], width = 50): string[] {
  const nfc = (s: string) => s.normalize('NFC');
  const left = (s: string) => {
    const t = nfc(s);
    return t.length > width ? `…${t.slice(t.length - width + 1)}` : t.padStart(width);
  };
  const right = (s: string) => {
    const t = nfc(s);
    return t.length > width ? `${t.slice(0, width - 1)}…` : t.padEnd(width);
  };
  const matchWidth = Math.min(30, Math.max(0, ...lines.map((l) => nfc(l.match).length)));
  return lines.map(
    (l) =>
      `${left(l.left)}  ${nfc(l.match).padEnd(matchWidth)}  ${right(l.right)}  ${(l.article.date?.value ?? '—').padEnd(10)}  ${nfc(l.article.title)}`,
  );
}

/** Where the match sits in a formatted line, for highlighting it. */
export function matchColumn(width = 50): number {
  return width + 2;
}

/** CSV (RFC 4180) or TSV of the lines, with a header row; cells neutralised against spreadsheet formulas (see tableCell). */
export function concordanceTable(
  lines: readonly ConcordanceLine[],
  separator: ',' | '\t',
  dumpName: (key: string) => string,
): string {
  const header = ['dump', 'article', 'name', 'date', 'title', 'line', 'column', 'left', 'match', 'right'];
  const rows = lines.map((l) => [
    dumpName(l.dumpKey),
    l.article.index,
    l.article.name,
    l.article.date?.value ?? '',
    l.article.title,
    l.line + 1,
    l.column + 1,
    l.left,
    l.match,
    l.right,
  ]);
  return tableText([header, ...rows], separator);
}
