// Corpus statistics at news-dev size and on generated dumps, through the real workers as the editor
// uses them (StatisticsService), the main thread's event-loop delay watched throughout. A dump over
// 32 MB (100,000 articles) is split across the two workers, as the editor splits it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CorpusWorkerPool } from '../src/corpus/corpusWorkerPool';
import { StatisticsService } from '../src/corpus/statisticsService';
import { readDumpBytes } from '../src/core/dump/decode';
import { statsCorpus } from '../src/core/stats/corpus';
import { runStats, type StatsReply, type StatsRequest } from '../src/core/stats/request';
import { benchDump } from './generate';
import { newsDevPath } from './goldTool';
import { StallProbe } from './stallProbe';

const repoRoot = path.resolve(__dirname, '..', __dirname.includes(`${path.sep}out${path.sep}`) ? '..' : '');
const WORKER = path.join(repoRoot, 'dist', 'corpusWorker.js');

interface StatsFigures {
  name: string;
  articles: number;
  mode: 'worker' | 'in-process';
  firstMs: number;
  wordsMs: number;
  bigramsMs: number;
  collocatesMs: number;
  trendMs: number;
  keywordsMs: number;
  /** CPU time of each, in the same order. */
  cpuMs: number[];
  load: number;
  stallMs: number;
  /** The process's resident memory after the first request (both workers hold the words by then). */
  rssAfterFirstMb: number;
  /** Each worker's heap + typed arrays after the first request, after a full collection. */
  workerMb: number[];
  /** Each main-thread gap over 30 ms, with what ran (stallProbe.ts). */
  stalls: string[];
  word: string;
  month: string;
}

const now = () => performance.now();

async function measureOne(name: string, file: string, inProcess: boolean): Promise<StatsFigures> {
  let compute: (r: StatsRequest) => Promise<StatsReply>;
  let dispose: () => void = () => {};
  let workerMemory: () => Promise<number[]> = async () => [];
  let articles: number;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const probe = new StallProbe(30);
  if (inProcess) {
    const read = readDumpBytes(fs.readFileSync(file));
    articles = read.dump.articles.length;
    const corpus = statsCorpus(read.text, read.dump);
    compute = async (r) => runStats(corpus, r);
  } else {
    const pool = new CorpusWorkerPool(WORKER, 2);
    const key = 'bench-stats';
    const dump = await pool.parseFile(file, undefined, key, 'v1').result;
    articles = dump.articles.length;
    const indexed = pool.index([{ key, version: 'v1' }], undefined).result;
    await indexed;
    const service = new StatisticsService(pool, () => indexed);
    compute = (r) => service.compute(key, r).result;
    dispose = () => pool.dispose();
    workerMemory = async () => (await pool.memory()).map((m) => (m.heapUsed + m.arrayBuffers) / 2 ** 20);
    delay.enable();
    probe.start();
  }
  // Wall-clock time, and the process's CPU time over it: while a statistic runs only the worker
  // computing it works, so on a shared machine the CPU time is what a quiet one would take.
  const time = async (r: StatsRequest, label: string) => {
    probe.mark(label);
    const t = now();
    const c = process.cpuUsage();
    const reply = await compute(r);
    const used = process.cpuUsage(c);
    // What the panel then does with it on the host: VS Code posts a webview message as JSON.
    probe.mark(`${label}, posted as JSON`);
    await new Promise((r) => setTimeout(r, 10));
    JSON.stringify(reply);
    await new Promise((r) => setTimeout(r, 10));
    probe.mark('idle');
    return { ms: now() - t, cpu: (used.user + used.system) / 1000, reply };
  };
  // The first request rebuilds the word stream from the index.
  const first = await time({ stat: 'trends', queries: ['nga'], by: 'month' }, 'the first request');
  const rssAfterFirstMb = process.memoryUsage().rss / 2 ** 20;
  const workerMb = await workerMemory();
  const words = await time({ stat: 'words' }, 'the word list');
  const bigrams = await time({ stat: 'words', n: 2 }, '2-grams');
  const word = String(words.reply.table.rows[0][2]);
  // Collocates and keywords as the panel asks for them (its first 1,000 rows).
  const collocates = await time({ stat: 'collocates', query: word, limit: 1000 }, 'collocates');
  const trend = await time({ stat: 'trends', queries: [word, '"hợp tác"'], by: 'month' }, 'a trend');
  // The month with the most articles, against the rest.
  const months = new Map<string, number>();
  for (const row of first.reply.table.rows) months.set(String(row[1]), Number(row[5]));
  const month = [...months].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '2022-01';
  const keywords = await time({ stat: 'keywords', subset: { from: month, to: month }, limit: 1000 }, 'keywords');
  // Where the top word's hits fall, as the panel asks for it (5,000 marks at most): in the stall, not timed.
  await time({ stat: 'dispersion', query: word, limit: 5000 }, 'dispersion');
  delay.disable();
  probe.stop();
  dispose();
  return {
    name,
    articles,
    mode: inProcess ? 'in-process' : 'worker',
    firstMs: first.ms,
    wordsMs: words.ms,
    bigramsMs: bigrams.ms,
    collocatesMs: collocates.ms,
    trendMs: trend.ms,
    keywordsMs: keywords.ms,
    cpuMs: [first, words, bigrams, collocates, trend, keywords].map((x) => x.cpu),
    load: os.loadavg()[0],
    stallMs: inProcess ? Number.NaN : delay.max / 1e6,
    rssAfterFirstMb,
    workerMb,
    stalls: probe.report(),
    word,
    month,
  };
}

const fmt = (ms: number) =>
  Number.isNaN(ms) ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;

export async function runStatsBench(argv: string[]): Promise<void> {
  const keepAlive = setInterval(() => undefined, 1000);
  const targets: [string, string, boolean][] = [];
  const only = argv.includes('--only') ? Number(argv[argv.indexOf('--only') + 1]) : undefined;
  if (fs.existsSync(newsDevPath) && only === undefined) targets.push(['news-dev', newsDevPath, false]);
  if (only === undefined || only === 10000) targets.push(['generated 10,000', benchDump(10000), false]);
  if (argv.includes('--100k') || only === 100000) targets.push(['generated 100,000', benchDump(100000), false]);
  const results: StatsFigures[] = [];
  for (const [name, file, inProcess] of targets) {
    process.stderr.write(`bench: statistics of ${name}…\n`);
    results.push(await measureOne(name, file, inProcess));
  }
  clearInterval(keepAlive);
  const dir = path.join(repoRoot, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'stats.json'), JSON.stringify(results, null, 2));
  console.log(
    '\nCorpus statistics through the workers, wall-clock / CPU time (the first request includes reading the words from the text, and joining the parts of a split dump):\n',
  );
  console.log(
    '| dump | articles | first request | word list | 2-grams | collocates of the top word | trend of 2 queries | keywords of the largest month | longest main-thread stall | memory after the first request (RSS; heap + arrays of each worker) | load average |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const c = r.cpuMs.map(fmt);
    console.log(
      `| ${r.name} | ${r.articles.toLocaleString('en')} | ${fmt(r.firstMs)} / ${c[0]} | ${fmt(r.wordsMs)} / ${c[1]} | ${fmt(r.bigramsMs)} / ${c[2]} | ${fmt(r.collocatesMs)} / ${c[3]} (\`${r.word}\`) | ${fmt(r.trendMs)} / ${c[4]} | ${fmt(r.keywordsMs)} / ${c[5]} (${r.month}) | ${fmt(r.stallMs)} | ${r.rssAfterFirstMb.toFixed(0)} MB; ${r.workerMb.map((m) => `${m.toFixed(0)} MB`).join(' + ')} | ${r.load.toFixed(1)} |`,
    );
  }
  console.log(
    '\nMain-thread gaps over 30 ms while statistics ran (what ran; handler times of the worker messages in the gap):',
  );
  for (const r of results) console.log(`- ${r.name}: ${r.stalls.join('; ') || 'none'}`);
}

if (require.main === module) {
  runStatsBench(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
