import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CorpusWorkerPool } from '../../src/corpus/corpusWorkerPool';
import { generateDump } from '../../bench/generate';
import { readDumpBytes } from '../../src/core/dump/decode';
import { extractEntities } from '../../src/core/entities/extract';
import { EMPTY_GAZETTEER } from '../../src/core/entities/gazetteer';
import { type ListedEntity, listEntities, refCount } from '../../src/core/entities/listing';
import { summarizeEntities } from '../../src/core/entities/summary';
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

  it('reads from the bytes first, then completes the dates only the text gives, in parts and whole', async () => {
    const dated = path.join(os.tmpdir(), `pool-dated-${process.pid}.dump`);
    const articles = Array.from({ length: 30 }, (_, i) =>
      i % 3 ? `<<<FILE>>> ${i}\ndate 2021 Tin ${i}.\n` : `<<<FILE>>> ${i}\nTin ${i}, ngày ${(i % 27) + 1}/1/2022.\n`,
    );
    fs.writeFileSync(dated, articles.join(''));
    try {
      for (const [split, label] of [
        [1, 'in parts'],
        [1 << 30, 'whole'],
      ] as const) {
        const reader = new CorpusWorkerPool(path.join(repoRoot, 'dist', 'corpusWorker.js'), 2, split);
        const job = reader.parseFile(dated, undefined, 'd', 'v1');
        const early = await job.result;
        const complete = await job.complete;
        reader.dispose();
        const expected = readDumpBytes(fs.readFileSync(dated)).dump;
        assert.deepStrictEqual(complete, expected, label);
        assert.deepStrictEqual(
          early.articles.map((a) => a.date?.value),
          expected.articles.map((a, i) => (i % 3 ? a.date?.value : undefined)),
          label,
        );
      }
    } finally {
      fs.rmSync(dated, { force: true });
    }
  });

  it('reopens a dump from its cached reading, checks it against the file, and reads a changed file afresh', async function () {
    // Six sessions of a 5 MB dump, each read, indexed and searched: slow on a loaded machine (53 s at load 15).
    this.timeout(150_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-cache-'));
    const big = path.join(dir, 'big.dump');
    fs.writeFileSync(big, generateDump(2000, 9));
    const cached = () => {
      const files = fs.existsSync(path.join(dir, 'cache')) ? fs.readdirSync(path.join(dir, 'cache')) : [];
      return files.filter((f) => f.endsWith('.reading')).length;
    };
    const session = async (split: number, parts = 0) => {
      const reader = new CorpusWorkerPool(path.join(repoRoot, 'dist', 'corpusWorker.js'), 2, split);
      const job = reader.parseFile(big, undefined, 'b', 'v1', path.join(dir, 'cache'));
      const early = await job.result;
      // Indexed before the dates are in: a reopened dump's searches read the text from its bytes.
      const summary = await reader.index([{ key: 'b', version: 'v1' }], path.join(dir, 'cache')).result;
      const found = [];
      for (const q of ['nga', '"ngoại trưởng"', 'hop tac date:2022', 'viet*']) {
        const parsed = parseQuery(q);
        assert.ok(parsed.ok);
        const hits = (await reader.query(parsed.query, 30)).hits.map((h) => [h.article.index, h.matchStart, h.snippet]);
        found.push(
          hits,
          (await reader.concordance(parsed.query, 200)).lines.map((l) => [l.left, l.match, l.right]),
        );
      }
      const sliced = await reader.slice('b', 1000, 1300);
      const complete = await job.complete;
      // The reading is written once the worker has hashed the bytes: wait for it, one per part.
      for (let waited = 0; cached() < parts && waited < 15000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      reader.dispose();
      return { early, complete, summary, found, sliced };
    };
    try {
      for (const split of [1, 1 << 30]) {
        fs.rmSync(path.join(dir, 'cache'), { recursive: true, force: true });
        const expected = readDumpBytes(fs.readFileSync(big)).dump;
        const first = await session(split, split === 1 ? 2 : 1);
        assert.deepStrictEqual(first.complete, expected);
        assert.strictEqual(cached(), split === 1 ? 2 : 1);
        const reopened = await session(split);
        // From the cache the reading is whole at once, inferred dates included.
        assert.deepStrictEqual(reopened.early, expected);
        assert.deepStrictEqual(reopened.complete, expected);
        // The index from the cache, the text not decoded: the same hits, snippets, concordance and slices.
        assert.strictEqual(reopened.summary.fromCache, split === 1 ? 2 : 1);
        assert.ok(first.found.flat().length > 50);
        assert.deepStrictEqual(reopened.found, first.found);
        assert.strictEqual(reopened.sliced, fs.readFileSync(big, 'utf8').slice(1000, 1300));
        // Same size, same time, same sampled blocks, one date changed between them: found by the hash
        // (in parts, the host shows the cached readings it took in itself, and reads afresh all the same).
        const bytes = fs.readFileSync(big);
        const { mtime } = fs.statSync(big);
        const at = bytes.indexOf('date 20', Math.floor(bytes.length / 30) + 5000);
        bytes[at + 7] = bytes[at + 7] === 0x31 ? 0x32 : 0x31;
        fs.writeFileSync(big, bytes);
        fs.utimesSync(big, mtime, mtime);
        const changed = readDumpBytes(bytes).dump;
        const stale = await session(split);
        assert.notDeepStrictEqual(stale.early, changed);
        assert.deepStrictEqual(stale.complete, changed);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
      const split = (await pool.query(parsed.query, 500)).hits;
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

  it('sends a long reading as a packed table, unpacked a slice at a time, in order', async () => {
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
      list.map((e) => [e.id, e.type, e.mentions, e.refs.flatMap((r) => Array.from(r)).join(',')]).sort();
    assert.deepStrictEqual(shape(listing), shape(direct));
    assert.strictEqual(refCount(listing.find((e) => e.id === 'PER:s.lavrov')!), 120);
    // Each part's refs are views of the one buffer its listing came in: one buffer a part, none per entity.
    // (Whether the worker transferred that buffer or it was cloned on the way cannot be seen from here.)
    const buffers = new Set(listing.flatMap((e) => e.refs.map((r) => r.buffer)));
    assert.strictEqual(buffers.size, 2);
    // What the Entities view shows of it: the same as of the dump read whole, article for article.
    const seen = (list: ListedEntity[]) =>
      summarizeEntities([{ key: 'k', listing: list }]).map((e) => [
        e.id,
        e.mentions,
        e.articleCount,
        e.articles.map((r) => `${r.articleIndex}:${r.mentions}:${r.firstStart}-${r.firstEnd}`).join(' '),
      ]);
    assert.deepStrictEqual(seen(listing), seen(direct));
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
