import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CorpusWorkerPool } from '../src/corpus/corpusWorkerPool';
import { parseQuery } from '../src/core/search/query';
import { repoRoot } from '../test/support/paths';
import { mark } from '../src/worker/timeline';
import { benchDump } from './generate';
import { phasesOf, phaseTable } from './timeline';

/**
 * The reading half of the scale benchmark alone, quicker to repeat: a fresh process opens the
 * dump (view ready, longest main-thread stall), and another reopens it with the cache a first
 * open wrote (view ready, index loaded, first query), each beside the raw read of the file in
 * the same process, with the process's CPU time (every thread). Usage:
 * `node out/bench/reopenBench.js [articles] [runs] [cache folder]` (default 100,000 articles, 3
 * runs, a fresh folder removed after; a folder given is kept, and its cache reused next time);
 * `reopen` after the folder runs the reopens alone.
 * With `CORPUS_TIMELINE=1`, each run's marks (src/worker/timeline.ts) are printed too, as phases
 * with their wall and CPU time, thread by thread.
 */
const WORKER = path.join(repoRoot, 'dist', 'corpusWorker.js');

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

interface Run {
  rawReadMs: number;
  viewReadyMs: number;
  viewCpuMs: number;
  stallMs: number;
  indexMs?: number;
  firstQueryMs?: number;
  totalCpuMs: number;
}

async function child(mode: 'open' | 'reopen', file: string, cacheDir: string): Promise<Run> {
  mark('bench: child started');
  const pool = new CorpusWorkerPool(WORKER);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const cpu0 = process.cpuUsage();
  delay.enable();
  let t = process.hrtime.bigint();
  const reading = pool.parseFile(file, undefined, 'bench', 'v1', mode === 'reopen' ? cacheDir : undefined);
  await reading.result;
  const viewReadyMs = ms(t);
  mark('bench: view ready');
  const viewCpuMs = cpuMs(process.cpuUsage(cpu0));
  let indexMs: number | undefined;
  let firstQueryMs: number | undefined;
  if (mode === 'reopen') {
    t = process.hrtime.bigint();
    const summary = await pool.index([{ key: 'bench', version: 'v1' }], cacheDir).result;
    indexMs = ms(t);
    mark('bench: index in');
    if (summary.built !== 0) throw new Error('the reopened index did not come from the cache');
    const q = parseQuery('nhà');
    t = process.hrtime.bigint();
    if (q.ok) await pool.query(q.query, 100);
    firstQueryMs = ms(t);
    mark('bench: first query answered');
  }
  await reading.complete;
  mark('bench: reading complete (checked)');
  delay.disable();
  const totalCpuMs = cpuMs(process.cpuUsage(cpu0));
  pool.dispose();
  t = process.hrtime.bigint();
  fs.readFileSync(file);
  const rawReadMs = ms(t);
  return { rawReadMs, viewReadyMs, viewCpuMs, stallMs: delay.max / 1e6, indexMs, firstQueryMs, totalCpuMs };
}

function spawn(mode: string, file: string, cacheDir: string): Run {
  const child = spawnSync(process.execPath, [__filename, '--child', mode, file, cacheDir], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', process.env.CORPUS_TIMELINE ? 'pipe' : 'inherit'],
  });
  if (child.status !== 0) throw new Error(`the ${mode} run failed: ${child.stderr ?? ''}`);
  if (child.stderr) printTimeline(mode, child.stderr);
  return JSON.parse(
    child.stdout
      .split('\n')
      .find((l) => l.startsWith('##run '))!
      .slice(6),
  );
}

/** The marks of a run as phases, thread by thread (bench/timeline.ts). */
function printTimeline(mode: string, stderr: string): void {
  const phases = phasesOf(stderr);
  if (phases.length) console.log(`timeline of the ${mode}:\n${phaseTable(phases)}`);
}

async function prepare(file: string, cacheDir: string): Promise<void> {
  if (fs.existsSync(cacheDir) && fs.readdirSync(cacheDir).some((f) => f.endsWith('.idx'))) return;
  fs.mkdirSync(cacheDir, { recursive: true });
  const pool = new CorpusWorkerPool(WORKER);
  const reading = pool.parseFile(file, undefined, 'bench', 'v1', cacheDir);
  await reading.complete;
  await pool.index([{ key: 'bench', version: 'v1' }], cacheDir).result;
  // The readings are written once hashed, in the background: wait for them.
  for (let i = 0; i < 100 && !fs.readdirSync(cacheDir).some((f) => f.endsWith('.reading')); i++)
    await new Promise((r) => setTimeout(r, 100));
  pool.dispose();
}

export async function runReopen(argv: string[]): Promise<void> {
  const at = argv.indexOf('--child');
  if (at >= 0) {
    const keepAlive = setInterval(() => undefined, 1000);
    const run = await child(argv[at + 1] as 'open' | 'reopen', argv[at + 2], argv[at + 3]);
    clearInterval(keepAlive);
    process.stdout.write(`##run ${JSON.stringify(run)}\n`);
    return;
  }
  const count = Number(argv[0] ?? 100_000);
  const runs = Number(argv[1] ?? 3);
  const file = benchDump(count);
  const kept = argv[2];
  const cacheDir = kept ?? path.join(os.tmpdir(), `corpus-reopen-bench-${count}-${process.pid}`);
  const keepAlive = setInterval(() => undefined, 1000);
  await prepare(file, cacheDir);
  clearInterval(keepAlive);
  const f = (x: number | undefined) => (x === undefined ? '' : x.toFixed(0));
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    '| mode | raw read ms | view ready ms (×raw) | stall ms | index ms | first query ms | reopen (view+index) ×raw | CPU ms to view | CPU ms total |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (let i = 0; i < runs; i++) {
    for (const mode of argv[3] === 'reopen' ? ['reopen'] : ['open', 'reopen']) {
      const r = spawn(mode, file, cacheDir);
      const whole = r.viewReadyMs + (r.indexMs ?? 0);
      console.log(
        `| ${mode} | ${f(r.rawReadMs)} | ${f(r.viewReadyMs)} (${(r.viewReadyMs / r.rawReadMs).toFixed(1)}×) | ${f(r.stallMs)} | ${f(r.indexMs)} | ${f(r.firstQueryMs)} | ${mode === 'reopen' ? `${(whole / r.rawReadMs).toFixed(1)}×` : ''} | ${f(r.viewCpuMs)} | ${f(r.totalCpuMs)} |`,
      );
    }
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (!kept) fs.rmSync(cacheDir, { recursive: true, force: true });
}

if (require.main === module) {
  runReopen(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
