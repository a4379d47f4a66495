import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CorpusWorkerPool } from '../../src/corpus/corpusWorkerPool';
import { StatisticsService } from '../../src/corpus/statisticsService';
import { readDumpBytes } from '../../src/core/dump/decode';
import { statsCorpus } from '../../src/core/stats/corpus';
import { runStats, type StatsRequest } from '../../src/core/stats/request';
import { repoRoot, samplePath } from '../support/paths';

// The real worker (dist/corpusWorker.js): statistics computed there equal those computed in-process.
describe('statistics on the corpus worker (StatisticsService)', function () {
  this.timeout(20000);
  let pool: CorpusWorkerPool;
  let service: StatisticsService;
  const key = 'file:///sample.dump';
  const keepAlive = setInterval(() => undefined, 1000);
  const read = readDumpBytes(fs.readFileSync(samplePath));
  const local = statsCorpus(read.text, read.dump);

  before(async () => {
    pool = new CorpusWorkerPool(path.join(repoRoot, 'dist', 'corpusWorker.js'), 2);
    await pool.parseFile(samplePath, undefined, key, 'v1').result;
    const indexed = pool.index([{ key, version: 'v1' }], undefined).result;
    service = new StatisticsService(pool, () => indexed);
  });
  after(() => {
    pool.dispose();
    clearInterval(keepAlive);
  });

  const requests: StatsRequest[] = [
    { stat: 'words' },
    { stat: 'words', n: 2, stopWords: 'none', subset: { from: '2025' } },
    { stat: 'collocates', query: 'Lavrov', minFreq: 2 },
    { stat: 'keywords', subset: { query: 'Jaishankar' }, minFreq: 2 },
    { stat: 'trends', queries: ['Nga', '"hợp tác"'], by: 'year' },
    { stat: 'rising', by: 'year', minPeriodTokens: 1 },
    { stat: 'dispersion', query: 'Lavrov' },
  ];
  for (const request of requests)
    it(`${request.stat} ${JSON.stringify(request).slice(0, 60)}`, async () => {
      let progressed = false;
      const reply = await service.compute(key, request, () => {
        progressed = true;
      }).result;
      assert.deepStrictEqual(reply, runStats(local, request));
      assert.ok(reply.table.rows.length > 0 || request.stat === 'rising');
      assert.ok(progressed, 'reports progress');
    });

  it('says why a malformed query fails', async () => {
    await assert.rejects(service.compute(key, { stat: 'collocates', query: '"open' }).result, /closing quote/);
  });

  it('a new request for the same dump cancels the one before', async () => {
    const first = service.compute(key, { stat: 'words', n: 3 });
    const second = service.compute(key, { stat: 'words' });
    await assert.rejects(first.result);
    assert.ok((await second.result).table.rows.length > 0);
  });
});

// A dump over the split size is read in parts on both workers; its statistics are the whole dump's.
describe('statistics of a dump split across workers (CorpusWorkerPool)', function () {
  this.timeout(30000);
  const sample = fs.readFileSync(samplePath, 'utf8');
  const body = sample.slice(sample.indexOf('<<<FILE>>>'));
  const text = Array.from({ length: 12 }, (_, i) => body.replace(/<<<FILE>>> (\S+)/g, `<<<FILE>>> ${i}_$1`)).join('');
  const file = path.join(os.tmpdir(), `stats-split-${process.pid}.dump`);
  const key = 'file:///split.dump';
  const keepAlive = setInterval(() => undefined, 1000);
  let pool: CorpusWorkerPool;
  let service: StatisticsService;
  let local: ReturnType<typeof statsCorpus>;

  before(async () => {
    fs.writeFileSync(file, text);
    const read = readDumpBytes(fs.readFileSync(file));
    local = statsCorpus(read.text, read.dump);
    // Split from 1 KB: the file is cut in two parts, one per worker.
    pool = new CorpusWorkerPool(path.join(repoRoot, 'dist', 'corpusWorker.js'), 2, 1024);
    await pool.parseFile(file, undefined, key, 'v1').result;
    const indexed = pool.index([{ key, version: 'v1' }], undefined).result;
    service = new StatisticsService(pool, () => indexed);
  });
  after(() => {
    pool.dispose();
    fs.rmSync(file, { force: true });
    clearInterval(keepAlive);
  });

  it('reports progress while its parts are read and joined, the first time', async () => {
    const seen: number[] = [];
    const reply = await service.compute(key, { stat: 'words' }, (f) => seen.push(f)).result;
    assert.deepStrictEqual(reply, runStats(local, { stat: 'words' }));
    assert.ok(seen.includes(0.45) && seen.includes(0.9), JSON.stringify(seen));
  });

  it('a cancelled request rejects, and the next one is answered', async () => {
    const job = service.compute(key, { stat: 'words', n: 4 });
    job.cancel();
    await assert.rejects(job.result);
    assert.deepStrictEqual(
      await service.compute(key, { stat: 'words', n: 4 }).result,
      runStats(local, { stat: 'words', n: 4 }),
    );
  });

  const requests: StatsRequest[] = [
    { stat: 'words' },
    { stat: 'words', n: 2 },
    { stat: 'collocates', query: 'Lavrov', minFreq: 2 },
    { stat: 'keywords', subset: { query: 'Jaishankar' }, minFreq: 2 },
    { stat: 'trends', queries: ['Nga', '"hợp tác"'], by: 'year' },
    { stat: 'dispersion', query: 'Lavrov' },
  ];
  for (const request of requests)
    it(`${request.stat} ${JSON.stringify(request).slice(0, 50)} equals the whole dump’s`, async () => {
      const reply = await service.compute(key, request).result;
      assert.deepStrictEqual(reply, runStats(local, request));
      assert.ok(reply.table.rows.length > 0);
      assert.ok(reply.articles > 0);
    });

  it('joins again after a part is read again', async () => {
    await pool.parseFile(file, undefined, key, 'v2').result;
    const indexed = pool.index([{ key, version: 'v2' }], undefined).result;
    service = new StatisticsService(pool, () => indexed);
    const reply = await service.compute(key, { stat: 'words', n: 3 }).result;
    assert.deepStrictEqual(reply, runStats(local, { stat: 'words', n: 3 }));
  });
});
