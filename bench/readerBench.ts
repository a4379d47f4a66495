import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeDump } from '../src/core/dump/decode';
import { parseDump } from '../src/core/dump/reader';
import { writeDump } from '../src/core/dump/writer';
import { repoRoot } from '../test/support/paths';

/** Seeded generator: a dump of `count` articles built from the sample's own Vietnamese sentences. */
function generate(count: number, seed = 1): string {
  const sample = fs.readFileSync(path.join(repoRoot, 'sample', 'sample.dump'), 'utf8');
  const sentences = sample.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20 && !s.includes('<<<'));
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const articles = [];
  for (let i = 0; i < count; i++) {
    const body: string[] = [];
    for (let p = 0; p < 6; p++) body.push(Array.from({ length: 3 }, () => sentences[Math.floor(rand() * sentences.length)]).join(' '));
    const month = 1 + Math.floor(rand() * 12);
    const text = `date 20${10 + Math.floor(rand() * 15)}-${String(month).padStart(2, '0')} ${body.join('\n\n')}`;
    articles.push({ name: `${String(i).padStart(6, '0')}.txt`, text: i % 7 === 0 ? text.normalize('NFD') : text });
  }
  return writeDump(articles);
}

function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const r = fn();
  return [r, Number(process.hrtime.bigint() - t0) / 1e6];
}

const sizes = (process.argv.includes('--100k') ? [1000, 10000, 100000] : [1000, 10000]);
const rows: Record<string, string | number>[] = [];
for (const count of sizes) {
  const file = path.join(os.tmpdir(), `corpus-bench-${count}.dump`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, generate(count));
  const mb = fs.statSync(file).size / 1e6;
  const [bytes, readMs] = time(() => fs.readFileSync(file));
  const [decoded, decodeMs] = time(() => decodeDump(bytes));
  const runs = [0, 1, 2].map(() => time(() => parseDump(decoded.text)));
  const parseMs = Math.min(...runs.map((r) => r[1]));
  rows.push({
    articles: count, 'size MB': mb.toFixed(1), 'read MB/s': (mb / (readMs / 1000)).toFixed(0),
    'decode MB/s': (mb / (decodeMs / 1000)).toFixed(0), 'parse MB/s': (mb / (parseMs / 1000)).toFixed(0),
    'parse ms': parseMs.toFixed(1), found: runs[0][0].articles.length,
  });
}
console.table(rows);
console.log(JSON.stringify({ machine: `${os.cpus().length} cores, Node ${process.version}`, rows }));
