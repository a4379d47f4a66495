import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDump } from '../src/core/dump/reader';
import type { Dump } from '../src/core/dump/types';
import { type GoldFile, goldSpans, wholeWordPattern } from '../src/core/entities/evaluate';
import { repoRoot } from '../test/support/paths';

// The annotators' tool for the news-dev gold: which articles, each article's text, where a spelling occurs,
// and a gold file's spans marked in the text. Usage: node out/bench/goldTool.js select|show|find|check …
export const newsDevPath = path.resolve(repoRoot, '..', 'shared', 'corpus', 'news-dev.dump');

/**
 * Articles of moderate length drawn by a fixed seed, `perSection` from each section in name order, leaving out
 * `skip`: each with the rank it was drawn at in its section.
 */
function drawBySection(dump: Dump, seed: number, perSection: number, skip: ReadonlySet<number> = new Set()) {
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const bySection = new Map<string, number[]>();
  for (const a of dump.articles) {
    const length = a.textEndOffset - a.textStartOffset;
    if (length < 1500 || length > 5000 || skip.has(a.index)) continue;
    const section = a.name.split('/')[0];
    bySection.set(section, [...(bySection.get(section) ?? []), a.index]);
  }
  const picked: { article: number; name: string; section: string; rank: number }[] = [];
  for (const section of [...bySection.keys()].sort()) {
    const pool = [...bySection.get(section)!];
    for (let rank = 0; rank < perSection && pool.length; rank++) {
      const [index] = pool.splice(Math.floor(random() * pool.length), 1);
      picked.push({ article: index, name: dump.articles[index].name, section, rank });
    }
  }
  return picked;
}

/** Articles of moderate length, six a section, picked by a fixed seed: the first three dev, the rest held out. */
export function goldSelection(dump: Dump): { article: number; name: string; section: string; split: string }[] {
  return drawBySection(dump, 20261202, 6).map(({ rank, ...s }) => ({ ...s, split: rank < 3 ? 'dev' : 'heldout' }));
}

/**
 * The draws after the first, in the order they were made: two articles a section each, by their own seed, from
 * the articles in no earlier draw and no gold file of an earlier part, so that no rule was tuned on them.
 * `unseen` was drawn once dev and held-out were written; `fresh` once unseen was, and annotated blind after the
 * unseen score had been seen and tuned on; `later` once fresh had been scored, annotated blind for the rules of
 * 3 December; `final` once later had been scored four times and opened to the rules of the fourth session, annotated
 * blind for it. A later part's files never enter an earlier draw, so each draw stays
 * the one its part was annotated from.
 */
const LATER_DRAWS = [
  { part: 'unseen', seed: 20261203 },
  { part: 'fresh', seed: 20261204 },
  { part: 'later', seed: 20261205 },
  { part: 'final', seed: 20261206 },
] as const;
type LaterPart = (typeof LATER_DRAWS)[number]['part'];

/** The articles of the gold files of these parts (`news-dev.PART-x.json`). */
function goldArticlesOf(parts: readonly string[]): number[] {
  const goldDir = path.join(repoRoot, 'test', 'fixtures', 'gold');
  return fs
    .readdirSync(goldDir)
    .filter((f) => f.endsWith('.json') && parts.some((part) => f.includes(`.${part}-`)))
    .flatMap((f) => (JSON.parse(fs.readFileSync(path.join(goldDir, f), 'utf8')) as GoldFile).articles)
    .map((a) => a.article);
}

export function laterSelection(dump: Dump, part: LaterPart): { article: number; name: string; section: string }[] {
  const taken = new Set(goldSelection(dump).map((s) => s.article));
  const earlierParts: string[] = ['dev', 'heldout'];
  for (const draw of LATER_DRAWS) {
    for (const article of goldArticlesOf(earlierParts)) taken.add(article);
    const drawn = drawBySection(dump, draw.seed, 2, taken).map(({ rank: _rank, ...s }) => s);
    if (draw.part === part) return drawn;
    for (const s of drawn) taken.add(s.article);
    earlierParts.push(draw.part);
  }
  throw new Error(`no draw for ${part}`);
}

function main(): void {
  const [command, ...args] = process.argv.slice(2);
  const text = fs.readFileSync(newsDevPath, 'utf8');
  const dump = parseDump(text);
  const body = (i: number) => text.slice(dump.articles[i].textStartOffset, dump.articles[i].textEndOffset);
  if (command === 'select' && args[0] === '--unseen') {
    for (const s of laterSelection(dump, 'unseen')) console.log(`unseen\t${s.article}\t${s.name}`);
  } else if (command === 'select' && ['--fresh', '--later', '--final'].includes(args[0])) {
    const part = args[0].slice(2) as LaterPart;
    for (const s of laterSelection(dump, part)) console.log(`${part}\t${s.article}\t${s.name}`);
  } else if (command === 'select') {
    for (const s of goldSelection(dump)) console.log(`${s.split}\t${s.article}\t${s.name}`);
  } else if (command === 'show') {
    const i = Number(args[0]);
    console.log(`# article ${i}: ${dump.articles[i].name}\n${body(i)}`);
  } else if (command === 'find') {
    // Every whole-word occurrence of a spelling in one article, numbered as a gold entry's third element counts.
    const i = Number(args[0]);
    const re = wholeWordPattern(args[1]);
    let n = 0;
    for (const m of body(i).matchAll(re)) {
      const b = body(i);
      console.log(
        `${n++}\t…${b.slice(Math.max(0, m.index - 50), m.index)}[${m[0]}]${b.slice(m.index + m[0].length, m.index + m[0].length + 50)}…`.replace(
          /\n/g,
          ' ⏎ ',
        ),
      );
    }
    if (!n) console.log('no whole-word occurrence');
  } else if (command === 'check') {
    const gold: GoldFile = JSON.parse(fs.readFileSync(args[0], 'utf8'));
    const { spans, missing } = goldSpans(text, dump, gold);
    const counts: Record<string, number> = {};
    for (const s of spans) counts[s.type] = (counts[s.type] ?? 0) + 1;
    if (!args.includes('--quiet'))
      for (const { article } of gold.articles) {
        const a = dump.articles[article];
        let marked = '';
        let at = a.textStartOffset;
        for (const s of spans.filter((x) => x.start >= a.textStartOffset && x.end <= a.textEndOffset)) {
          marked += `${text.slice(at, s.start)}[[${s.type}:${s.text}]]`;
          at = s.end;
        }
        console.log(`\n# article ${article}: ${a.name}\n${marked}${text.slice(at, a.textEndOffset)}`);
      }
    for (const m of missing) console.log(`MISSING ${m}`);
    console.log(`\n${gold.articles.length} articles, ${spans.length} mentions: ${JSON.stringify(counts)}`);
  } else {
    console.log(
      'usage: goldTool select [--unseen|--fresh|--later|--final] | show ARTICLE | find ARTICLE SPELLING | check GOLD.json [--quiet]',
    );
  }
}

if (require.main === module) main();
