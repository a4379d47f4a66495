import { parseDump } from '../../src/core/dump/reader';
import { extractEntities } from '../../src/core/entities/extract';

/** The mentions of a dump of these article bodies, one article each, all in `section` (`a0.txt`, `a1.txt` …). */
export function mentionsIn(section: string, ...articles: string[]) {
  const text = articles.map((body, i) => `<<<FILE>>> ${section}/a${i}.txt\n${body}\n`).join('');
  return extractEntities(text, parseDump(text)).mentions;
}

/** As mentionsIn, each mention as the rule tests compare them: `TYPE surface`. */
export const foundIn = (section: string, ...articles: string[]): string[] =>
  mentionsIn(section, ...articles).map((m) => `${m.type} ${m.surface}`);
