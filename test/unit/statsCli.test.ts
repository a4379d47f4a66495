import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toCsv } from '../../src/core/stats/csv';
import { repoRoot, samplePath } from '../support/paths';
import { STATS_FIXTURE } from '../support/statsFixture';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const json = (...args: string[]) => {
  const r = run(...args, '--json');
  assert.strictEqual(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
};

// The hand-worked fixture: see test/support/statsFixture.ts.
const FIXTURE = STATS_FIXTURE;

describe('corpus statistics CLI (dist/cli.js words|ngrams|collocates|keywords|trends)', function () {
  this.timeout(30000);
  let file: string;
  before(() => {
    if (!fs.existsSync(cli)) throw new Error('run `npm run build` first: dist/cli.js is missing');
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stats-cli-')), 'tiny.dump');
    fs.writeFileSync(file, FIXTURE);
  });

  it('words: counts with the most frequent spelling; stop words off on request', () => {
    const rows = json('words', file, '--no-stopwords');
    assert.strictEqual(
      rows.reduce((s: number, r: { freq: number }) => s + r.freq, 0),
      21,
    );
    assert.deepStrictEqual([rows[0].word, rows[0].freq, rows[0].range], ['Hợp', 3, 2]);
    const stopped = json('words', file);
    assert.ok(!stopped.some((r: { folded: string }) => r.folded === 'va'), 'và is a stop word');
    assert.ok(rows.some((r: { folded: string }) => r.folded === 'va'));
  });

  it('words with a replacement stop-word file, and a subset by source', () => {
    const stop = path.join(path.dirname(file), 'stop.txt');
    fs.writeFileSync(stop, 'hợp\ntác\n');
    const rows = json('words', file, '--stopwords', stop);
    assert.ok(!rows.some((r: { folded: string }) => r.folded === 'hop' || r.folded === 'tac'));
    assert.ok(rows.some((r: { folded: string }) => r.folded === 'va'));
    const b = json('words', file, '--source', 'ngay nay', '--no-stopwords');
    assert.strictEqual(
      b.reduce((s: number, r: { freq: number }) => s + r.freq, 0),
      8,
    );
  });

  it('ngrams --n 2 as CSV, RFC 4180 with a header', () => {
    const r = run('ngrams', file, '--n', '2', '--csv', '--limit', '2', '--no-stopwords');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(
      r.stdout,
      // DP of hợp tác: ½(|2/3 − 9/21| + |1/3 − 8/21| + 4/21) = 5/21; of ấn độ: ½(9/21 + |½ − 8/21| + |½ − 4/21|) = 9/21.
      'rank,word,folded,freq,per_million,range,dp\r\n1,Hợp tác,hop tac,3,142857.14,2,0.2381\r\n2,Ấn Độ,an do,2,95238.1,2,0.4286\r\n',
    );
  });

  it('collocates of a query with a chosen window', () => {
    const rows = json('collocates', file, 'Nga', '--left', '2', '--right', '2', '--min-freq', '1', '--no-stopwords');
    const hop = rows.find((r: { folded: string }) => r.folded === 'hop');
    assert.deepStrictEqual([hop.observed, hop.freq], [1, 3]);
    assert.strictEqual(hop.expected, Math.round((24 / 21) * 1e4) / 1e4);
  });

  it('keywords of a period against the rest of the dump', () => {
    const rows = json('keywords', file, '--from', '2022-01', '--to', '2022-01', '--min-freq', '1');
    const hop = rows.find((r: { folded: string }) => r.folded === 'hop');
    assert.deepStrictEqual([hop.kind, hop.focus, hop.reference], ['positive', 2, 1]);
    assert.ok(rows.some((r: { kind: string; folded: string }) => r.kind === 'negative' && r.folded === 'nga'));
    assert.strictEqual(run('keywords', file).status, 1, 'a subset or reference is required');
  });

  it('trends of several queries per month, summing to their hits', () => {
    const rows = json('trends', file, 'hợp', '"Ấn Độ"', '--by', 'month');
    assert.deepStrictEqual(
      rows.map((r: { query: string; period: string; hits: number }) => [r.query, r.period, r.hits]),
      [
        ['hợp', '2022-01', 2],
        ['hợp', '2022-02', 1],
        ['hợp', '2022-03', 0],
        ['"Ấn Độ"', '2022-01', 0],
        ['"Ấn Độ"', '2022-02', 1],
        ['"Ấn Độ"', '2022-03', 1],
      ],
    );
    const rising = run('trends', file, '--rising', '--min-period-tokens', '1', '--min-freq', '1', '--json');
    assert.strictEqual(rising.status, 0, rising.stderr);
    assert.strictEqual(JSON.parse(rising.stdout)[0].folded, 'nga');
    const sparse = run('trends', file, '--rising', '--min-period-tokens', '5');
    assert.match(sparse.stderr, /2022-03 \(4\)/);
    assert.match(sparse.stderr, /fewer than three/);
  });

  it('works on the sample and rejects bad usage', () => {
    assert.ok(json('words', samplePath).length > 10);
    assert.strictEqual(run('words').status, 1);
    assert.strictEqual(run('words', samplePath, '--bogus').status, 1);
    assert.strictEqual(run('words', samplePath, '--from', 'soon').status, 1);
    assert.strictEqual(run('ngrams', samplePath, '--n', '7').status, 1);
    assert.strictEqual(run('collocates', samplePath, '"open').status, 1);
    assert.strictEqual(run('words', '/nonexistent.dump').status, 2);
  });

  it('text output and warnings show terminal control characters escaped', () => {
    // A date header with an OSC 52 clipboard write and a screen clear, and a query with an SGR colour.
    const hostile = path.join(path.dirname(file), 'hostile.dump');
    fs.writeFileSync(hostile, `<<<FILE>>> x\ndate: \x1b]52;c;aGk=\x07\x1b[2J\n\nNga và Ấn Độ.\n`);
    for (const command of ['words', 'ngrams', 'trends']) {
      const r = run(command, hostile, ...(command === 'trends' ? ['nga\x1b[31m'] : []));
      assert.strictEqual(r.status, 0, r.stderr);
      assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(r.stdout + r.stderr), `${command}: ${JSON.stringify(r.stderr)}`);
      assert.match(r.stderr, /\\x1B\]52;c;aGk=\\x07\\x1B\[2J/);
      if (command === 'trends') assert.match(r.stdout, /nga\\x1B\[31m\t2022|nga\\x1B\[31m/);
    }
    const bad = run('collocates', hostile, '"\x1b[2J');
    assert.strictEqual(bad.status, 1);
    assert.ok(!/\x1b/.test(bad.stderr), bad.stderr);
  });
});

describe('CSV cells (src/core/stats/csv)', () => {
  it('quotes per RFC 4180 and neutralises formula-looking text cells', () => {
    assert.strictEqual(
      toCsv(
        ['a', 'b'],
        [
          ['=SUM(A1)', -1.5],
          ['say "hi", ok', '@x'],
          ['+1', null],
        ],
      ),
      `a,b\r\n'=SUM(A1),-1.5\r\n"say ""hi"", ok",'@x\r\n'+1,\r\n`,
    );
  });
});
