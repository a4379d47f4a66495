import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDump } from '../../src/core/dump/reader';
import { extractEntities } from '../../src/core/entities/extract';
import { repoRoot, samplePath } from '../support/paths';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('corpus CLI (dist/cli.js)', () => {
  before(() => {
    if (!fs.existsSync(cli)) throw new Error('run `npm run build` first: dist/cli.js is missing');
  });

  it('prints the reference reading as JSON', () => {
    const r = run('articles', samplePath, '--json');
    assert.strictEqual(r.status, 0);
    const records = JSON.parse(r.stdout);
    assert.deepStrictEqual(
      records.map((a: { date: string | null; precision: string | null; kind: string }) => [
        a.date,
        a.precision,
        a.kind,
      ]),
      [
        ['2022-11', 'month', 'explicit'],
        ['2025-10-29', 'day', 'explicit'],
        [null, null, 'undated'],
      ],
    );
    assert.strictEqual(records[1].source, 'Ngày Nay');
    assert.deepStrictEqual(
      records.map((a: { startLine: number }) => a.startLine),
      [1, 21, 41],
    );
  });

  it('searches with the same engine, giving line and column of the match', () => {
    const r = run('search', samplePath, '"Ngoại trưởng Lavrov"', '--json');
    assert.strictEqual(r.status, 0);
    const hits = JSON.parse(r.stdout);
    assert.deepStrictEqual(hits.map((h: { index: number }) => h.index).sort(), [1, 2]);
    const lines = fs.readFileSync(samplePath, 'utf8').split('\n');
    for (const h of hits) assert.ok(lines[h.line - 1].slice(h.column - 1).startsWith('Ngoại trưởng Lavrov'));
  });

  it('exits 1 on bad usage and 2 on unreadable files, with a message', () => {
    assert.strictEqual(run('bogus').status, 1);
    assert.strictEqual(run('search', samplePath, '"open').status, 1);
    const r = run('articles', '/no/such/file.dump');
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /cannot read/);
  });
});

describe('corpus entities (dist/cli.js)', () => {
  it('lists Lavrov once with his aliases, and mentions with offsets that point at the text', () => {
    const r = run('entities', samplePath, '--json');
    assert.strictEqual(r.status, 0);
    const lavrov = JSON.parse(r.stdout).filter((e: { name: string }) => /Lavrov/.test(e.name));
    assert.strictEqual(lavrov.length, 1);
    assert.strictEqual(lavrov[0].type, 'PER');
    assert.strictEqual(lavrov[0].articles, 3);
    const m = run('entities', samplePath, '--mentions', '--json');
    const text = fs.readFileSync(samplePath, 'utf8');
    const mentions = JSON.parse(m.stdout);
    assert.ok(mentions.length > 50);
    for (const x of mentions) assert.strictEqual(text.slice(x.offset, x.offset + x.length), x.text);
  });

  it('reads a dump over 8 MB part after part and lists the same entities as one reading of it', function () {
    this.timeout(120_000);
    const sample = fs.readFileSync(samplePath, 'utf8');
    const body = sample.slice(sample.indexOf('<<<FILE>>>'));
    const copies = Math.ceil((9 * 1024 * 1024) / Buffer.byteLength(body));
    const file = path.join(os.tmpdir(), `cli-parts-${process.pid}.dump`);
    const text = Array.from({ length: copies }, (_, i) => body.replace(/<<<FILE>>> (\S+)/g, `<<<FILE>>> ${i}_$1`)).join(
      '',
    );
    fs.writeFileSync(file, text);
    try {
      const r = run('entities', file, '--json', '--no-gazetteer');
      assert.strictEqual(r.status, 0, r.stderr);
      const index = extractEntities(text, parseDump(text));
      const listed = JSON.parse(r.stdout) as { name: string; type: string; mentions: number; articles: number }[];
      assert.deepStrictEqual(
        listed.map((e) => [e.name, e.type, e.mentions, e.articles]).sort(),
        [...index.entities.values()].map((e) => [e.name, e.type, e.mentions, e.articles.size]).sort(),
      );
      assert.ok(listed.find((e) => /Lavrov/.test(e.name))!.articles >= copies);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
