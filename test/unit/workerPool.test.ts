import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CorpusWorkerPool } from '../../src/corpus/corpusWorkerPool';
import { readDumpBytes } from '../../src/core/dump/decode';
import { extractEntities } from '../../src/core/entities/extract';
import { EMPTY_GAZETTEER } from '../../src/core/entities/gazetteer';
import { type ListedEntity, listEntities, REF_FIELDS } from '../../src/core/entities/listing';
import { SearchEngine } from '../../src/core/search/engine';
import { parseQuery } from '../../src/core/search/query';
import { repoRoot, samplePath } from '../support/paths';

// The real worker threads (dist/corpusWorker.js, built by `npm run build`), splitting a file in
// parts as they do for large dumps: everything must come back as if the dump were read whole.
describe('corpus worker pool: a dump read, indexed and searched in parts', function () {
  this.timeout(20000);
  const sample = fs.readFileSync(samplePath, 'utf8');
  const body = sample.slice(sample.indexOf('<<<FILE>>>'));
  const text = Array.from({ length: 40 }, (_, i) => body.replace(/<<<FILE>>> (\S+)/g, `<<<FILE>>> ${i}_$1`)).join('');
  const file = path.join(os.tmpdir(), `pool-${process.pid}.dump`);
  let pool: CorpusWorkerPool;
  const keepAlive = setInterval(() => undefined, 1000);

  before(() => {
    fs.writeFileSync(file, text);
    pool = new CorpusWorkerPool(path.join(repoRoot, 'dist', 'corpusWorker.js'), 2, 1);
  });
  after(() => {
    pool.dispose();
    fs.rmSync(file, { force: true });
    clearInterval(keepAlive);
  });

  const whole = () => readDumpBytes(fs.readFileSync(file));

  it('reads the same articles, lines and offsets', async () => {
    const dump = await pool.parseFile(file, undefined, 'k', 'v1').result;
    assert.deepStrictEqual(dump.articles, whole().dump.articles);
  });

  it("answers searches and concordances with the whole dump's offsets", async () => {
    const summary = await pool.index([{ key: 'k', version: 'v1' }], undefined).result;
    assert.strictEqual(summary.articles, 120);
    const engine = new SearchEngine();
    const { text: t, dump } = whole();
    engine.set('k', t, dump);
    for (const q of ['lavrov', '"ngoai truong lavrov"', 'hop tac asean date:2022']) {
      const parsed = parseQuery(q);
      assert.ok(parsed.ok);
      const split = await pool.query(parsed.query, 500);
      const one = engine.query(parsed.query, 500);
      assert.deepStrictEqual(
        split.map((h) => [h.article.index, h.matchStart, h.matchEnd]).sort(),
        one.map((h) => [h.article.index, h.matchStart, h.matchEnd]).sort(),
        q,
      );
      for (const h of split)
        assert.strictEqual(t.slice(h.matchStart, h.matchEnd), t.slice(h.matchStart, h.matchEnd).trim());
      const lines = (await pool.concordance(parsed.query, 10000)).lines;
      assert.deepStrictEqual(
        lines.map((l) => [l.start, l.line, l.column]),
        engine.concordance(parsed.query, 10000).lines.map((l) => [l.start, l.line, l.column]),
      );
    }
  });

  it('sends a long reading in chunks and puts it back together in order', async () => {
    const many = path.join(os.tmpdir(), `pool-many-${process.pid}.dump`);
    fs.writeFileSync(
      many,
      Array.from({ length: 12_345 }, (_, i) => `<<<FILE>>> a${i}\ndate 2020-01-0${1 + (i % 9)} Bài ${i}\n`).join(''),
    );
    try {
      const dump = await pool.parseFile(many, undefined, 'many', 'v1').result;
      assert.deepStrictEqual(dump.articles, readDumpBytes(fs.readFileSync(many)).dump.articles);
    } finally {
      fs.rmSync(many, { force: true });
    }
  });

  it('finds the same entities, typed and keyed across the parts, and keeps their mentions on the workers', async () => {
    const listing = await pool.entities('k', 'v1', {}, EMPTY_GAZETTEER).result;
    const { text: t, dump } = whole();
    const direct = listEntities(extractEntities(t, dump));
    const shape = (list: ListedEntity[]) =>
      list.map((e) => [e.id, e.type, e.mentions, Array.from(e.refs).join(',')]).sort();
    assert.deepStrictEqual(shape(listing), shape(direct));
    assert.strictEqual(listing.find((e) => e.id === 'PER:s.lavrov')!.refs.length / REF_FIELDS, 120);
    // Cards and spans need the whole text on one worker: a dump in parts has only its listing.
    await assert.rejects(pool.entitySpans('k'));
  });

  it('answers cards, spans and references of a dump held whole, from the worker', async () => {
    await pool.parseText(sample, undefined, 'doc', 'd1').result;
    const listing = await pool.entities('doc', 'd1', {}, EMPTY_GAZETTEER).result;
    const index = extractEntities(sample, readDumpBytes(Buffer.from(sample)).dump);
    assert.strictEqual(listing.length, index.entities.size);
    const spans = await pool.entitySpans('doc');
    assert.deepStrictEqual(
      Array.from(spans.starts),
      index.mentions.map((m) => m.start),
    );
    const lavrov = index.mentions.find((m) => m.entity === 'PER:s.lavrov')!;
    const card = await pool.entityCard('doc', lavrov.start + 1);
    assert.strictEqual(card?.card.entity.name, 'Sergei Lavrov');
    assert.deepStrictEqual([card.start, card.end], [lavrov.start, lavrov.end]);
    const refs = await pool.entityRefs('doc', lavrov.start);
    assert.strictEqual(refs.starts.length, index.entities.get('PER:s.lavrov')!.mentions);
    assert.strictEqual(await pool.entityCard('doc', 0), undefined, 'no mention at the marker line');
  });
});
