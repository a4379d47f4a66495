import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDump } from '../src/core/dump/reader';
import { goldSpans, scoreMentions, type GoldFile, type TypeScore } from '../src/core/entities/evaluate';
import { extractEntities } from '../src/core/entities/extract';
import { EMPTY_GAZETTEER, parseGazetteer } from '../src/core/entities/gazetteer';
import { repoRoot } from '../test/support/paths';

// Entity quality on the hand-annotated sample: exact span and type, per type, with and without its gazetteer.
const text = fs.readFileSync(path.join(repoRoot, 'sample', 'sample.dump'), 'utf8');
const dump = parseDump(text);
const gold: GoldFile = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'sample.gold.json'), 'utf8'));
const { spans, missing } = goldSpans(text, dump, gold);
if (missing.length) console.warn(`gold spellings not found in the text: ${missing.join('; ')}`);
const gazetteer = parseGazetteer(
  fs.readFileSync(path.join(repoRoot, 'sample', 'sample.entities.json'), 'utf8'),
).gazetteer;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const runs = [
  { setup: 'rules only', scores: scoreMentions(spans, extractEntities(text, dump, EMPTY_GAZETTEER)) },
  { setup: 'rules + sample gazetteer', scores: scoreMentions(spans, extractEntities(text, dump, gazetteer)) },
];
console.log(`Entity quality on sample/sample.dump (${spans.length} gold mentions; exact span and type)\n`);
console.log('| setup | type | gold | found | correct | precision | recall | F1 |');
console.log('|---|---|---|---|---|---|---|---|');
for (const { setup, scores } of runs) {
  for (const s of scores)
    console.log(
      `| ${setup} | ${s.type} | ${s.tp + s.fn} | ${s.tp + s.fp} | ${s.tp} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`,
    );
}
if (process.argv.includes('--verbose')) {
  const index = extractEntities(text, dump, gazetteer);
  const key = (s: { type: string; start: number; end: number }) => `${s.type}:${s.start}:${s.end}`;
  const found = new Set(index.mentions.map(key));
  const wanted = new Set(spans.map(key));
  for (const s of spans) if (!found.has(key(s))) console.log(`missed\t${s.type}\t${s.text}`);
  for (const m of index.mentions) if (!wanted.has(key(m))) console.log(`wrong\t${m.type}\t${m.surface}`);
}
const out = path.join(repoRoot, 'bench', 'results');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(
  path.join(out, 'entities.json'),
  JSON.stringify(
    runs.map((r) => ({ setup: r.setup, scores: r.scores as TypeScore[] })),
    null,
    2,
  ),
);
