// `node out/bench/entitiesBench.js [--size N] [--pool] [--repeat R]`: only the entities of the N-article bench
// dump (bench/generate.ts; default 10,000), with CPU time (process.cpuUsage, repeatable under load) beside the
// wall clock. In one thread: the article passes, then the corpus passes and the index, apart. With --pool: as
// the Entities view asks for them, on the workers (dist/corpusWorker.js), a dump over 32 MB in parts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CorpusWorkerPool } from '../src/corpus/corpusWorkerPool';
import { readDumpBytes } from '../src/core/dump/decode';
import { entitiesOfCandidates, findCandidates } from '../src/core/entities/extract';
import { EMPTY_GAZETTEER } from '../src/core/entities/gazetteer';
import { repoRoot } from '../test/support/paths';
import { benchDump } from './generate';

const WORKER = path.join(repoRoot, 'dist', 'corpusWorker.js');

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timed<T>(run: () => T): [T, Timing] {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const out = run();
  const used = process.cpuUsage(cpu);
  return [out, { wallMs: Number(process.hrtime.bigint() - wall) / 1e6, cpuMs: (used.user + used.system) / 1000 }];
}

async function timedAsync<T>(run: () => Promise<T>): Promise<[T, Timing]> {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const out = await run();
  const used = process.cpuUsage(cpu);
  return [out, { wallMs: Number(process.hrtime.bigint() - wall) / 1e6, cpuMs: (used.user + used.system) / 1000 }];
}

const shown = (t: Timing) => `${(t.wallMs / 1000).toFixed(2)} s wall, ${(t.cpuMs / 1000).toFixed(2)} s CPU`;

function inOneThread(file: string): string {
  const { text, dump } = readDumpBytes(fs.readFileSync(file));
  const [found, articleTime] = timed(() => findCandidates(text, dump));
  const [index, corpusTime] = timed(() => entitiesOfCandidates(text, found, EMPTY_GAZETTEER));
  return `article passes ${shown(articleTime)}; corpus passes and index ${shown(corpusTime)}; ${index.entities.size.toLocaleString('en')} entities, ${index.mentions.length.toLocaleString('en')} mentions`;
}

async function onTheWorkers(file: string): Promise<string> {
  const pool = new CorpusWorkerPool(WORKER);
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    await pool.parseFile(file, undefined, 'bench', 'v1').complete;
    const [listing, time] = await timedAsync(() => pool.entities('bench', 'v1', {}, EMPTY_GAZETTEER).result);
    return `on the workers (${os.cpus().length} cores) ${shown(time)} (CPU of every thread); ${listing.length.toLocaleString('en')} entities`;
  } finally {
    clearInterval(keepAlive);
    pool.dispose();
  }
}

async function main(argv: string[]): Promise<void> {
  const at = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? Number(argv[i + 1]) || fallback : fallback;
  };
  const size = at('--size', 10_000);
  const repeat = at('--repeat', 1);
  const file = benchDump(size);
  const mb = (fs.statSync(file).size / 1e6).toFixed(0);
  for (let run = 1; run <= repeat; run++) {
    const figures = argv.includes('--pool') ? await onTheWorkers(file) : inOneThread(file);
    console.log(
      `Entities of ${size.toLocaleString('en')} articles (${mb} MB), run ${run}: ${figures}; load average ${os.loadavg()[0].toFixed(1)}`,
    );
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
