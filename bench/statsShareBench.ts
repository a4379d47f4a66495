// What splitting a statistic by article across two workers saves, in one process on one thread
// (so the machine's load moves it little): a dump read in two parts and joined as the workers
// join it, then each article-split statistic (src/core/stats/articleShares.ts) counted whole and
// in two shares, CPU time of each (process.cpuUsage), best of three rounds taken in turn. With
// two workers the wait is the slower share plus the scoring; the memory a worker holds for the
// statistics is measured after a full collection (node --expose-gc).
import * as fs from 'node:fs';
import * as os from 'node:os';
import { readPart, splitPoints } from '../src/core/dump/parts';
import { articleRange } from '../src/core/stats/articleRange';
import { type ArticleSplitRequest, finishStats, partialStats } from '../src/core/stats/articleShares';
import { statsCorpus } from '../src/core/stats/corpus';
import { occurrencesOf } from '../src/core/stats/occurrences';
import { corpusPart, joinParts } from '../src/core/stats/streamParts';
import { benchDump } from './generate';

const cpu = (f: () => unknown) => {
  const c = process.cpuUsage();
  f();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
};

const gc = (globalThis as { gc?: () => void }).gc;
const held = () => {
  gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
};

/** As worker 0 holds it: its own part read, the other's words received, joined, the occurrence lists built. */
function joinedAsWorker(reads: { text: string; dump: Parameters<typeof statsCorpus>[1] }[]) {
  const own = corpusPart(statsCorpus(reads[0].text, reads[0].dump));
  const other = corpusPart(statsCorpus(reads[1].text, reads[1].dump));
  const corpus = joinParts([own, other]);
  occurrencesOf(corpus.stream);
  return corpus;
}

function main(): void {
  const count = Number(process.argv[2] ?? 100000);
  const bytes = fs.readFileSync(benchDump(count));
  const cuts = [0, ...splitPoints((s, l) => bytes.subarray(s, s + l), bytes.length, 2), bytes.length];
  const reads = cuts.slice(0, -1).map((at, i) => readPart(bytes.subarray(at, cuts[i + 1]), i === cuts.length - 2));
  const before = held();
  const corpus = joinedAsWorker(reads);
  const words = corpus.stream.ids.length;
  const memory = held() - before;
  const requests: [string, ArticleSplitRequest][] = [
    ['collocates of nga', { stat: 'collocates', query: 'nga', limit: 1000 }],
    ['trend of nga', { stat: 'trends', queries: ['nga'], by: 'month' }],
    ['trend of "hợp tác"', { stat: 'trends', queries: ['"hợp tác"'], by: 'month' }],
    ['keywords of 2020-12', { stat: 'keywords', subset: { from: '2020-12', to: '2020-12' }, limit: 1000 }],
    ['dispersion of Lavrov', { stat: 'dispersion', query: 'Lavrov' }],
  ];
  console.log(
    `\n${count.toLocaleString('en')} articles, ${words.toLocaleString('en')} words; statistics memory of a worker ${memory.toFixed(0)} MB (${((memory * 2 ** 20) / words) | 0} bytes a word), load ${os.loadavg()[0].toFixed(1)}\n`,
  );
  console.log('| statistic | whole (CPU) | share 1 | share 2 | scoring | two workers: slower share + scoring |');
  console.log('|---|---|---|---|---|---|');
  const starts = corpus.stream.starts;
  for (const [name, r] of requests) {
    const best = [Infinity, Infinity, Infinity, Infinity];
    for (let round = 0; round < 3; round++) {
      best[0] = Math.min(
        best[0],
        cpu(() => finishStats(corpus, r, [partialStats(corpus, r)])),
      );
      const shares = [0, 1].map((index) => {
        let p: ReturnType<typeof partialStats> | undefined;
        const ms = cpu(() => {
          p = partialStats(corpus, r, articleRange(starts, { index, of: 2 }));
        });
        return { p: p!, ms };
      });
      best[1] = Math.min(best[1], shares[0].ms);
      best[2] = Math.min(best[2], shares[1].ms);
      best[3] = Math.min(
        best[3],
        cpu(() => finishStats(corpus, r, [shares[0].p, shares[1].p])),
      );
    }
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.log(
      `| ${name} | ${ms(best[0])} | ${ms(best[1])} | ${ms(best[2])} | ${ms(best[3])} | ${ms(Math.max(best[1], best[2]) + best[3])} |`,
    );
  }
  console.log(`\nload ${os.loadavg()[0].toFixed(1)}`);
}

main();
