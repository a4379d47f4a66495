import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDump } from '../src/core/dump/reader';
import type { Dump } from '../src/core/dump/types';
import {
  type GoldFile,
  goldSpans,
  scoreMentions,
  scoreOverlap,
  type Span,
  type TypeScore,
} from '../src/core/entities/evaluate';
import { type EntityIndex, extractEntities } from '../src/core/entities/extract';
import { EMPTY_GAZETTEER, ENTITY_TYPES, parseGazetteer } from '../src/core/entities/gazetteer';
import { repoRoot } from '../test/support/paths';
import { newsDevPath } from './goldTool';

// Entity quality: the hand-annotated sample, then the news-dev gold (development and held-out parts
// apart), exact span and overlap, per type and per section; the most mentioned entities of news-dev.
// Usage: node out/bench/entityQuality.js [--gold DIR] [--verbose] [--errors PART] [--without PART[,PART]] (verbose
// lists the errors of the dev part; --errors those of other parts, comma-separated, never of `final`, which is
// scored blind; --without skips scoring and printing those parts, so that rule writers run `--without final`).
const argv = process.argv.slice(2);
const goldDir = argv.includes('--gold')
  ? argv[argv.indexOf('--gold') + 1]
  : path.join(repoRoot, 'test', 'fixtures', 'gold');
const verbose = argv.includes('--verbose');
const errorsOf = argv.includes('--errors') ? argv[argv.indexOf('--errors') + 1] : verbose ? 'dev' : '';
const without = new Set(argv.includes('--without') ? argv[argv.indexOf('--without') + 1].split(',') : []);
const pct = (x: number) => (x * 100).toFixed(1);
const results: Record<string, unknown> = {};

function sampleFigures(): void {
  const text = fs.readFileSync(path.join(repoRoot, 'sample', 'sample.dump'), 'utf8');
  const dump = parseDump(text);
  const gold: GoldFile = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'sample.gold.json'), 'utf8'),
  );
  const { spans, missing } = goldSpans(text, dump, gold);
  if (missing.length) console.warn(`gold spellings not found in the text: ${missing.join('; ')}`);
  const gazetteer = parseGazetteer(
    fs.readFileSync(path.join(repoRoot, 'sample', 'sample.entities.json'), 'utf8'),
  ).gazetteer;
  const runs = [
    { setup: 'rules only', scores: scoreMentions(spans, extractEntities(text, dump, EMPTY_GAZETTEER)) },
    { setup: 'rules + sample gazetteer', scores: scoreMentions(spans, extractEntities(text, dump, gazetteer)) },
  ];
  console.log(`Entity quality on sample/sample.dump (${spans.length} gold mentions; exact span and type)\n`);
  console.log('| setup | type | gold | found | correct | precision | recall | F1 |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { setup, scores } of runs)
    for (const s of scores)
      console.log(
        `| ${setup} | ${s.type} | ${s.tp + s.fn} | ${s.tp + s.fp} | ${s.tp} | ${pct(s.precision)}% | ${pct(s.recall)}% | ${pct(s.f1)}% |`,
      );
  results.sample = runs;
}

/**
 * The gold's parts: `dev` (tuned on), `heldout` (scored once at the end of the round that wrote the rules) and
 * `unseen` (annotated later from articles in neither, for rules tuned after the held-out score was seen) and
 * `fresh` (a third draw, annotated blind after the unseen score had been seen) and `later` (a fourth, annotated
 * blind after the fresh score had been seen; scored blind four times, then opened to the rules) and `final` (a
 * fifth, annotated blind once later was opened).
 */
type GoldPart = 'dev' | 'heldout' | 'unseen' | 'fresh' | 'later' | 'final';

/** Gold files of one part: `news-dev.dev-*.json` or `news-dev.heldout-*.json` in the gold folder (also `dev-*.json`). */
function goldOf(part: GoldPart): GoldFile | undefined {
  if (!fs.existsSync(goldDir)) return undefined;
  const files = fs
    .readdirSync(goldDir)
    .filter((f) => new RegExp(`^(news-dev\\.)?${part}-[a-z0-9]+\\.json$`).test(f))
    .sort();
  if (!files.length) return undefined;
  const articles = files.flatMap(
    (f) => (JSON.parse(fs.readFileSync(path.join(goldDir, f), 'utf8')) as GoldFile).articles,
  );
  // An article annotated twice counts once (the first file's).
  const seen = new Set<number>();
  return { articles: articles.filter((a) => !seen.has(a.article) && seen.add(a.article)) };
}

const row = (label: string, exact: TypeScore, overlap: TypeScore) =>
  `| ${label} | ${exact.tp + exact.fn} | ${pct(exact.precision)} / ${pct(exact.recall)} / ${pct(exact.f1)} | ${pct(overlap.precision)} / ${pct(overlap.recall)} / ${pct(overlap.f1)} |`;

function partFigures(part: GoldPart, text: string, dump: Dump, index: EntityIndex): void {
  if (without.has(part)) return;
  const gold = goldOf(part);
  if (!gold) {
    console.log(`\n(no ${part} gold in ${goldDir})`);
    return;
  }
  const { spans, missing } = goldSpans(text, dump, gold);
  if (missing.length) console.warn(`${part}: ${missing.length} gold spellings not found in their article`);
  const inGold = new Set(gold.articles.map((a) => a.article));
  const found = index.mentions.filter((m) => inGold.has(m.articleIndex));
  const sectionOf = (i: number) => dump.articles[i].name.split('/')[0];
  const articleOf = (s: { start: number }) =>
    dump.articles.find((a) => s.start >= a.textStartOffset && s.start <= a.textEndOffset)!.index;
  const exact = scoreMentions(spans, { entities: index.entities, mentions: found });
  const overlap = scoreOverlap(spans, found);
  console.log(`\n### news-dev gold, ${part} part: ${gold.articles.length} articles, ${spans.length} gold mentions\n`);
  console.log('| type | gold | exact P / R / F1 | overlap P / R / F1 |');
  console.log('|---|---|---|---|');
  for (let k = 0; k < exact.length; k++) console.log(row(exact[k].type, exact[k], overlap[k]));
  console.log(`\n| section (${part}) | gold | exact P / R / F1 (all types) | overlap P / R / F1 |`);
  console.log('|---|---|---|---|');
  const bySection: Record<string, unknown> = {};
  for (const section of [...new Set(gold.articles.map((a) => sectionOf(a.article)))].sort()) {
    const g = spans.filter((s) => sectionOf(articleOf(s)) === section);
    const f = found.filter((m) => sectionOf(m.articleIndex) === section);
    const e = scoreMentions(g, { entities: index.entities, mentions: f });
    const o = scoreOverlap(g, f);
    console.log(row(section, e[3], o[3]));
    bySection[section] = { exact: e[3], overlap: o[3] };
  }
  results[part] = { articles: gold.articles.length, mentions: spans.length, exact, overlap, bySection };
  if (errorsOf.split(',').includes(part) && part !== 'final') {
    const key = (s: { type: string; start: number; end: number }) => `${s.type}:${s.start}:${s.end}`;
    const foundKeys = new Set(found.map(key));
    const goldKeys = new Set(spans.map(key));
    const ctx = (s: Span | { start: number; end: number }) =>
      text.slice(Math.max(0, s.start - 25), s.start).replace(/\s+/g, ' ') +
      '[' +
      text.slice(s.start, s.end) +
      ']' +
      text.slice(s.end, s.end + 20).replace(/\s+/g, ' ');
    // An error whose span overlaps one of the same type on the other side is only a span error (`span-` prefix).
    type Located = { type: string; start: number; end: number };
    const kind = (x: Located, ys: readonly Located[]) =>
      ys.some((y) => y.type === x.type && y.start < x.end && y.end > x.start) ? 'span-' : '';
    for (const s of spans)
      if (!foundKeys.has(key(s)))
        console.log(`${kind(s, found)}missed\t${s.type}\t${s.text}\t${sectionOf(articleOf(s))}\t${ctx(s)}`);
    for (const m of found)
      if (!goldKeys.has(key(m)))
        console.log(`${kind(m, spans)}wrong\t${m.type}\t${m.surface}\t${sectionOf(m.articleIndex)}\t${ctx(m)}`);
  }
}

function newsDevFigures(): void {
  if (!fs.existsSync(newsDevPath)) {
    console.log(`\n(${newsDevPath} not found: news-dev figures skipped)`);
    return;
  }
  const text = fs.readFileSync(newsDevPath, 'utf8');
  const dump = parseDump(text);
  const started = process.hrtime.bigint();
  const index = extractEntities(text, dump);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const mb = Buffer.byteLength(text) / 1e6;
  console.log(
    `\nEntities of news-dev.dump (${dump.articles.length} articles, ${mb.toFixed(1)} MB) found in ${seconds.toFixed(2)} s in one thread: ${(mb / seconds).toFixed(1)} MB/s`,
  );
  results.speed = { articles: dump.articles.length, megabytes: mb, seconds };
  partFigures('dev', text, dump, index);
  if (!argv.includes('--dev-only')) {
    partFigures('heldout', text, dump, index);
    partFigures('unseen', text, dump, index);
    partFigures('fresh', text, dump, index);
    partFigures('later', text, dump, index);
    partFigures('final', text, dump, index);
  }
  if (argv.includes('--no-top')) return;
  for (const type of ENTITY_TYPES) {
    const top = [...index.entities.values()]
      .filter((e) => e.type === type)
      .sort((a, b) => b.mentions - a.mentions)
      .slice(0, 30);
    console.log(
      `\nThe 30 most mentioned ${type} of news-dev.dump: ${top.map((e) => `${e.name} (${e.mentions})`).join(', ')}`,
    );
    results[`top${type}`] = top.map((e) => ({ name: e.name, mentions: e.mentions }));
  }
}

sampleFigures();
newsDevFigures();
const out = path.join(repoRoot, 'bench', 'results');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'entities.json'), JSON.stringify(results, null, 2));
