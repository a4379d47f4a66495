import * as assert from 'node:assert';
import * as fs from 'node:fs';
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
