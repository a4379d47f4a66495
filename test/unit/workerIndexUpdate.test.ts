import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusWorkerPool } from '../../src/corpus/corpusWorkerPool';
import { parseQuery } from '../../src/core/search/query';
import { repoRoot, samplePath } from '../support/paths';

// The real worker (dist/corpusWorker.js): an open dump edited, as the editor sends it, is
// re-indexed from its previous index, and answers as a fresh build would.
describe('corpus worker: an edited dump is re-indexed, not rebuilt', function () {
  this.timeout(20000);
  const sample = fs.readFileSync(samplePath, 'utf8');
  const body = sample.slice(sample.indexOf('<<<FILE>>>'));
  const text = Array.from({ length: 30 }, (_, i) => body.replace(/<<<FILE>>> (\S+)/g, `<<<FILE>>> ${i}_$1`)).join('');
  const keepAlive = setInterval(() => undefined, 1000);
  let pool: CorpusWorkerPool;
  let fresh: CorpusWorkerPool;
  before(() => {
    pool = new CorpusWorkerPool(path.join(repoRoot, 'dist', 'corpusWorker.js'), 1);
    fresh = new CorpusWorkerPool(path.join(repoRoot, 'dist', 'corpusWorker.js'), 1);
  });
  after(() => {
    pool.dispose();
    fresh.dispose();
    clearInterval(keepAlive);
  });

  it('updates the index of the edited articles and answers as a rebuild does', async () => {
    await pool.parseText(text, undefined, 'doc', 'doc:1').result;
    const first = await pool.index([{ key: 'doc', version: 'doc:1' }], undefined).result;
    assert.strictEqual(first.built, 1);
    const at = text.indexOf('Lavrov', text.length / 2);
    const edited = `${text.slice(0, at)}Zyxwvu ${text.slice(at)}`;
    await pool.parseText(edited, undefined, 'doc', 'doc:2').result;
    const second = await pool.index([{ key: 'doc', version: 'doc:2' }], undefined).result;
    assert.deepStrictEqual({ updated: second.updated, built: second.built }, { updated: 1, built: 0 });

    await fresh.parseText(edited, undefined, 'doc', 'doc:2').result;
    await fresh.index([{ key: 'doc', version: 'doc:2' }], undefined).result;
    for (const q of ['zyxwvu', 'lavrov', '"ngoai truong lavrov"', 'hop tac asean date:2022']) {
      const parsed = parseQuery(q);
      assert.ok(parsed.ok);
      const got = (await pool.query(parsed.query, 500)).hits;
      const want = (await fresh.query(parsed.query, 500)).hits;
      assert.deepStrictEqual(
        got.map((h) => [h.article.index, h.score, h.matchStart]),
        want.map((h) => [h.article.index, h.score, h.matchStart]),
        q,
      );
      if (q === 'zyxwvu') assert.strictEqual(got.length, 1);
    }
  });
});
