import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { isUtf8 } from 'node:buffer';
import { CorpusWorkerPool } from '../src/corpus/corpusWorkerPool';
import { articleSlices, ArticleTableBuilder } from '../src/core/dump/articleTable';
import { readDumpFromBytes } from '../src/core/dump/byteReader';
import { splitPoints } from '../src/core/dump/parts';
import { repoRoot } from '../test/support/paths';
import { benchDump } from './generate';

/**
 * The open-to-view-ready step alone, quick to repeat. First the steps of one part (the first of
 * two, as the pool cuts the file) in this thread, with their CPU time: the bytes read, checked as
 * UTF-8, read from the bytes into the table, the table copied to send, its articles made as the
 * extension host makes them; and a worker thread started. Then, in fresh processes, the real pool
 * opening the file (as the scale benchmark's "articles view ready"), with the raw read of the file
 * in the same process, the moments each part's reading arrived, CPU time of every thread and the
 * load average. Usage: `node out/bench/viewReadyBench.js [articles] [runs]` (100,000, 3).
 */
const WORKER = path.join(repoRoot, 'dist', 'corpusWorker.js');

const now = () => Number(process.hrtime.bigint()) / 1e6;
const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const loadText = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

interface PoolRun {
  rawReadMs: number;
  viewReadyMs: number;
  partsAtMs: number[];
  datesInMs: number;
  cpuMs: number;
  stallMs: number;
  load: string;
}

async function child(file: string): Promise<PoolRun> {
  const pool = new CorpusWorkerPool(WORKER);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const cpu0 = cpuNow();
  delay.enable();
  const t0 = now();
  const partsAtMs: number[] = [];
  const reading = pool.parseFile(file, () => partsAtMs.push(now() - t0), 'bench', 'v1');
  await reading.result;
  const viewReadyMs = now() - t0;
  const cpuMs = cpuNow() - cpu0;
  delay.disable();
  await reading.complete;
  const datesInMs = now() - t0;
  pool.dispose();
  const t = now();
  fs.readFileSync(file);
  const rawReadMs = now() - t;
  return { rawReadMs, viewReadyMs, partsAtMs, datesInMs, cpuMs, stallMs: delay.max / 1e6, load: loadText() };
}

/** One part's steps in this thread, CPU ms each (the whole process's: only this thread works). */
function partSteps(file: string): Record<string, number> {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  const [cut] = splitPoints(
    (start, length) => {
      const b = Buffer.alloc(length);
      fs.readSync(fd, b, 0, length, start);
      return b;
    },
    size,
    2,
  );
  const steps: Record<string, number> = {};
  let c = cpuNow();
  const step = (name: string) => {
    const t = cpuNow();
    steps[name] = t - c;
    c = t;
  };
  const bytes = Buffer.allocUnsafe(cut);
  fs.readSync(fd, bytes, 0, cut, 0);
  fs.closeSync(fd);
  step('bytes read');
  isUtf8(bytes);
  step('UTF-8 checked');
  const reading = readDumpFromBytes(bytes, false, new ArticleTableBuilder());
  step('articles read into the table');
  const table = reading!.table!;
  const copy = { ...table, numbers: table.numbers.slice() };
  step('table copied to send');
  let made = 0;
  for (const slice of articleSlices(copy, undefined, 1_000)) made += slice.length;
  step(`${made.toLocaleString('en')} articles made (host)`);
  return steps;
}

function workerStartMs(): Promise<number> {
  const t = now();
  const w = new Worker(WORKER);
  return new Promise((resolve) =>
    w.once('online', () => {
      resolve(now() - t);
      void w.terminate();
    }),
  );
}

function spawn(file: string): PoolRun {
  const out = execFileSync(process.execPath, [__filename, '--child', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = out.split('\n').find((l) => l.startsWith('##run '));
  return JSON.parse(line!.slice(6));
}

export async function runViewReady(argv: string[]): Promise<void> {
  if (argv[0] === '--child') {
    // The pool's workers are unref'd (they never keep an editor alive): this keeps the process up.
    const keepAlive = setInterval(() => undefined, 1000);
    const r = await child(argv[1]);
    clearInterval(keepAlive);
    console.log(`##run ${JSON.stringify(r)}`);
    return;
  }
  const count = Number(argv[0] ?? 100_000);
  const runs = Number(argv[1] ?? 3);
  const file = benchDump(count);
  const f = (x: number) => x.toFixed(0);
  console.log(`${path.basename(file)}, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB; load average ${loadText()}`);
  const steps = partSteps(file);
  console.log(
    `one part (of two), this thread, CPU ms: ${Object.entries(steps)
      .map(([k, v]) => `${k} ${f(v)}`)
      .join(' · ')}`,
  );
  const keepAlive = setInterval(() => undefined, 1000);
  console.log(`a worker thread started (online): ${f(await workerStartMs())} ms`);
  clearInterval(keepAlive);
  console.log(
    '| run | load average | raw read ms | parts in at ms | view ready ms (× raw) | CPU ms to view | stall ms | dates in ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (let i = 0; i < runs; i++) {
    const r = spawn(file);
    console.log(
      `| ${i + 1} | ${r.load} | ${f(r.rawReadMs)} | ${r.partsAtMs.map(f).join(', ')} | ${f(r.viewReadyMs)} (${(r.viewReadyMs / r.rawReadMs).toFixed(1)}×) | ${f(r.cpuMs)} | ${f(r.stallMs)} | ${f(r.datesInMs)} |`,
    );
  }
}

if (require.main === module) {
  runViewReady(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
