// Before and after in the same run, side by side: the statistics of one dump through the real
// workers of two builds of this repository (each its out/ and dist/), a dump over the split size
// read in two parts on two workers as the editor reads it, each request in turn on each build,
// best of a few rounds, wall-clock and the process's CPU time, and whether both give the same
// table. On a shared machine this is the fair comparison: both builds see the same load.
//   node out/bench/statsAB.js OLD_REPO [NEW_REPO] --file DUMP [--rounds 3]
import * as os from 'node:os';
import * as path from 'node:path';
import type { CorpusWorkerPool } from '../src/corpus/corpusWorkerPool';
import type { StatisticsService } from '../src/corpus/statisticsService';
import type { StatsReply, StatsRequest } from '../src/core/stats/request';
import { benchDump } from './generate';

const REQUESTS: StatsRequest[] = [
  { stat: 'trends', queries: ['nga', '"hợp tác"'], by: 'month' },
  { stat: 'trends', queries: ['nga'], by: 'month' },
  { stat: 'collocates', query: 'nga', limit: 1000 },
  { stat: 'keywords', subset: { from: '2020-12', to: '2020-12' }, limit: 1000 },
  { stat: 'dispersion', query: 'Lavrov' },
  { stat: 'words' },
  { stat: 'words', n: 2 },
];

interface Build {
  readonly root: string;
  readonly pool: CorpusWorkerPool;
  readonly compute: (r: StatsRequest) => Promise<StatsReply>;
}

async function measure<T>(f: () => Promise<T>) {
  const c = process.cpuUsage();
  const t = performance.now();
  const result = await f();
  const u = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (u.user + u.system) / 1000, result };
}

async function open(root: string, file: string): Promise<Build> {
  const { CorpusWorkerPool: Pool } = require(path.join(root, 'out/src/corpus/corpusWorkerPool'));
  const { StatisticsService: Service } = require(path.join(root, 'out/src/corpus/statisticsService'));
  const pool: CorpusWorkerPool = new Pool(path.join(root, 'dist/corpusWorker.js'), 2);
  const key = 'bench-ab';
  await pool.parseFile(file, undefined, key, 'v1').result;
  const indexed = pool.index([{ key, version: 'v1' }], undefined).result;
  await indexed;
  const service: StatisticsService = new Service(pool, () => indexed);
  const compute = (r: StatsRequest) => service.compute(key, r).result;
  const first = await measure(() => compute({ stat: 'trends', queries: ['nga'], by: 'month' }));
  const memory = typeof pool.memory === 'function' ? await pool.memory() : [];
  const mb = memory.map((m) => `${((m.heapUsed + m.arrayBuffers) / 2 ** 20).toFixed(0)} MB`).join(' + ');
  console.log(
    `${root}: first request ${first.wall.toFixed(0)} ms / ${first.cpu.toFixed(0)} ms CPU${mb ? `; workers ${mb}` : ''}`,
  );
  return { root, pool, compute };
}

async function main(argv: string[]): Promise<void> {
  const keepAlive = setInterval(() => undefined, 1000);
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const roots = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const here = path.resolve(__dirname, '..', __dirname.includes(`${path.sep}out${path.sep}`) ? '..' : '');
  const [before, after = here] = roots;
  if (!before) throw new Error('usage: statsAB.js OLD_REPO [NEW_REPO] --file DUMP [--rounds 3]');
  const file = option('--file') ?? benchDump(100000);
  const rounds = Number(option('--rounds') ?? 3);
  const builds: Build[] = [];
  for (const root of [before, after]) builds.push(await open(path.resolve(root), file));
  console.log(`\n| request | before: wall / CPU | after: wall / CPU | same table |\n|---|---|---|---|`);
  for (const r of REQUESTS) {
    const best = builds.map(() => ({ wall: Infinity, cpu: Infinity }));
    let same = true;
    for (let round = 0; round < rounds; round++) {
      const tables: string[] = [];
      for (const [i, b] of builds.entries()) {
        const m = await measure(() => b.compute(r));
        best[i] = { wall: Math.min(best[i].wall, m.wall), cpu: Math.min(best[i].cpu, m.cpu) };
        tables.push(JSON.stringify(m.result));
      }
      same &&= tables[0] === tables[1];
    }
    const cell = (x: { wall: number; cpu: number }) => `${x.wall.toFixed(0)} ms / ${x.cpu.toFixed(0)} ms`;
    console.log(`| \`${JSON.stringify(r)}\` | ${cell(best[0])} | ${cell(best[1])} | ${same ? 'yes' : 'NO'} |`);
  }
  console.log(`\nload average ${os.loadavg()[0].toFixed(1)}`);
  for (const b of builds) b.pool.dispose();
  clearInterval(keepAlive);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
