import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRange, readWhole } from '../../src/worker/fileBytes';

describe('file bytes read off the thread (cached index, cached reading, the check)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-bytes-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'f.bin');
  const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251));
  fs.writeFileSync(file, bytes);

  it('reads a whole file and any range of it, as a synchronous read does', async () => {
    assert.ok((await readWhole(file)).equals(bytes));
    assert.ok((await readRange(file, 1234, 200_001)).equals(bytes.subarray(1234, 200_001)));
    assert.strictEqual((await readRange(file, 5, 5)).length, 0);
  });

  it('gives what is there when a range runs past the end, and fails on a missing file', async () => {
    assert.ok((await readRange(file, 299_990, 400_000)).equals(bytes.subarray(299_990)));
    await assert.rejects(readWhole(path.join(dir, 'missing')));
  });
});
