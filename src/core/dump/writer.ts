import { needsEscape } from './markers';

export interface ArticleToWrite {
  readonly name: string;
  readonly text: string;
  /** Written as header lines, so that reading gives them back as metadata. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Writes articles as spec §5 says; lines that would read as markers are escaped. */
export function writeDump(articles: Iterable<ArticleToWrite>): string {
  const out: string[] = [];
  for (const a of articles) {
    out.push(`<<<FILE>>> ${oneLine(a.name)}\n`);
    for (const [key, value] of Object.entries(a.headers ?? {})) out.push(`${key}: ${oneLine(value)}\n`);
    const body = a.text
      .split(/\r\n|\n|\r/)
      .map((l) => (needsEscape(l) ? '\\' + l : l))
      .join('\n');
    out.push(body, '\n');
  }
  return out.join('');
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').trim();
}
