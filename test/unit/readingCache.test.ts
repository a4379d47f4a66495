import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packArticles, unpackArticles } from '../../src/core/dump/articleTable';
import { readDumpBytes } from '../../src/core/dump/decode';
import { loadReading, loadReadingAsync, readingKey, saveReading } from '../../src/worker/readingCache';
import { samplePath } from '../support/paths';

describe('cached readings (reopen)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reading-cache-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const { text, dump } = readDumpBytes(fs.readFileSync(samplePath));
  const reading = { hash: 'abc', textLength: text.length, rest: dump, table: packArticles(dump.articles) };

  it('gives back the reading it kept, articles and the rest', () => {
    saveReading(dir, 'k1', reading);
    const loaded = loadReading(dir, 'k1');
    assert.ok(loaded);
    assert.strictEqual(loaded.hash, 'abc');
    assert.strictEqual(loaded.textLength, text.length);
    assert.deepStrictEqual({ ...loaded.rest, articles: unpackArticles(loaded.table) }, dump);
  });

  it('refuses a cut or altered file rather than give wrong articles', async () => {
    saveReading(dir, 'k2', reading);
    const file = path.join(dir, 'k2.reading');
    const whole = fs.readFileSync(file);
    for (const bad of [
      whole.subarray(0, whole.length - 5),
      Buffer.concat([whole, Buffer.from('x')]),
      whole.subarray(0, 2),
    ]) {
      fs.writeFileSync(file, bad);
      assert.strictEqual(loadReading(dir, 'k2'), undefined);
      assert.strictEqual(await loadReadingAsync(dir, 'k2'), undefined);
    }
    assert.strictEqual(loadReading(dir, 'missing'), undefined);
    assert.strictEqual(await loadReadingAsync(dir, 'missing'), undefined);
  });

  it('gives the same reading read off the thread (the host, while its workers start)', async () => {
    saveReading(dir, 'k4', reading);
    assert.deepStrictEqual(await loadReadingAsync(dir, 'k4'), loadReading(dir, 'k4'));
  });

  it('keys a file by its size, time and sampled bytes: a change in a sampled block changes the key', () => {
    const file = path.join(dir, 'd.dump');
    fs.writeFileSync(file, 'a'.repeat(100_000));
    const before = readingKey(file, 0, 100_000);
    const { mtime } = fs.statSync(file);
    const bytes = fs.readFileSync(file);
    bytes[10] = 0x62;
    fs.writeFileSync(file, bytes);
    fs.utimesSync(file, mtime, mtime);
    assert.notStrictEqual(readingKey(file, 0, 100_000), before);
    assert.notStrictEqual(readingKey(file, 0, 50_000), readingKey(file, 50_000, 100_000));
  });
});
