import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitPoints } from '../src/core/dump/parts';
import { SearchEngine } from '../src/core/search/engine';
import { parseQuery } from '../src/core/search/query';
import { deserializeTermIndex, serializeTermIndex, TermIndexBuilder } from '../src/core/search/termIndex';
import { HeldDump } from '../src/worker/heldDump';
import { benchDump } from './generate';
import { queryMix } from './scaleBench';

/**
 * One worker's share of the 100,000-article bench dump (its first part of two), in one process on
 * one thread: the index build step by step and every query of the scale bench's mix, cold (its
 * first run) and warm, in CPU time (`process.cpuUsage`, steadier than wall time on a shared
 * machine). `node --expose-gc out/bench/queryBench.js [articles] [--cached] [--cold]`.
 */

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const wall = () => Number(process.hrtime.bigint()) / 1e6;
const time = <T>(label: string, f: () => T): T => {
  const c = cpu();
  const w = wall();
  const out = f();
  console.log(`${label}: ${(cpu() - c).toFixed(0)} ms CPU, ${(wall() - w).toFixed(0)} ms wall`);
  return out;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

function main(): void {
  const count = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100_000);
  const file = benchDump(count);
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  const read = (start: number, length: number) => {
    const b = Buffer.alloc(length);
    fs.readSync(fd, b, 0, length, start);
    return b;
  };
  const [cut] = splitPoints(read, size, 2);
  const bytes = read(0, cut ?? size);
  fs.closeSync(fd);
  const held = time('read from the bytes', () => HeldDump.fromBytes('v', bytes, cut === undefined));
  const dump = time('articles unpacked, dates inferred', () => held.dump);
  const text = time('text decoded', () => held.text);
  // With --cached, the part's index is kept in bench/data after the first build: query work alone is quicker to repeat.
  const cacheFile = path.join(path.dirname(file), `${path.basename(file)}.part1.idx`);
  const cachedIndex =
    process.argv.includes('--cached') && fs.existsSync(cacheFile)
      ? time('index loaded', () => deserializeTermIndex(fs.readFileSync(cacheFile)))
      : undefined;
  const index =
    cachedIndex ??
    time(`index of ${dump.articles.length} articles built`, () => {
      const builder = new TermIndexBuilder(text, dump);
      while (builder.addNext(500) > 0);
      return builder.finish();
    });
  if (!cachedIndex) fs.writeFileSync(cacheFile, serializeTermIndex(index));
  const engine = new SearchEngine();
  time('engine set', () => engine.set('part', text, dump, index));
  // As the worker does once a dump is indexed; --cold leaves it out, to see what it saves.
  if (!process.argv.includes('--cold')) time('query paths warmed up', () => engine.warmUp('part'));
  const mix = queryMix(
    index,
    text,
    dump.articles.map((a) => [a.textStartOffset, a.textEndOffset] as [number, number]),
  );
  const run = (q: string) => {
    const parsed = parseQuery(q);
    if (!parsed.ok) throw new Error(q);
    const c = cpu();
    engine.search(parsed.query, 100);
    return cpu() - c;
  };
  for (const w of mix.warmup) run(w);
  const { warmup: _, ...kinds } = mix;
  for (const [kind, queries] of Object.entries(kinds)) {
    const cold = queries.map(run);
    const warm: number[] = [];
    for (let round = 0; round < 3; round++) for (const q of queries) warm.push(run(q));
    console.log(
      `${kind}: cold ${cold.map((x) => x.toFixed(1)).join(' ')} ms; warm p50 ${quantile(warm, 0.5).toFixed(1)}, max ${Math.max(...warm).toFixed(1)} ms CPU (${queries.slice(0, 2).join(', ')})`,
    );
  }
}

main();
