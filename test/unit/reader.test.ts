import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { parseDump } from '../../src/core/dump/reader';
import { decodeDump, readDumpBytes } from '../../src/core/dump/decode';
import { joinParts, partBases, readPart, shiftDump, splitPoints } from '../../src/core/dump/parts';
import { articleText } from '../../src/core/dump/articleText';
import { samplePath } from '../support/paths';

const sample = fs.readFileSync(samplePath, 'utf8');

describe("parseDump: the spec's reference reading of sample.dump", () => {
  const dump = parseDump(sample);

  it('finds three articles with their names', () => {
    assert.deepStrictEqual(
      dump.articles.map((a) => a.name),
      ['000_e01224fb4e327516.txt', '002_b1bf1735abcb68b8.txt', '003_31dd98de63432580.txt'],
    );
    assert.deepStrictEqual(dump.problems, []);
  });

  it('reads dates with precision and kind', () => {
    const [a, b, c] = dump.articles;
    assert.deepStrictEqual([a.date?.value, a.date?.precision, a.date?.kind], ['2022-11', 'month', 'explicit']);
    assert.deepStrictEqual([b.date?.value, b.date?.precision, b.date?.kind], ['2025-10-29', 'day', 'explicit']);
    assert.strictEqual(c.date, undefined, '"ngày 6/8" has no year and must not date the article');
  });

  it('reads titles and the source credit', () => {
    const [a, b, c] = dump.articles;
    assert.ok(a.title.startsWith('Ngày 8/11, tại thủ đô Moskva'), a.title);
    assert.ok(a.title.length <= 120 && a.title.endsWith('…'), 'a long first sentence is cut with an ellipsis');
    assert.ok(b.title.startsWith('Nga đề xuất phát triển quan hệ đối tác Á-Âu'), b.title);
    assert.strictEqual(b.source, 'Ngày Nay');
    assert.strictEqual(c.title, 'Khủng hoảng với phương Tây, Nga đẩy mạnh hợp tác với ASEAN');
  });

  it('gives line ranges from marker to last body line', () => {
    const lines = sample.split('\n');
    for (const a of dump.articles) {
      assert.ok(lines[a.startLine].startsWith('<<<FILE>>>'));
      assert.ok(a.endLine < lines.length);
      assert.strictEqual(sample.slice(a.startOffset, a.startOffset + 10), '<<<FILE>>>');
    }
    assert.strictEqual(dump.articles[0].endLine + 1, dump.articles[1].startLine);
  });

  it('strips the date tag from the text', () => {
    const t = articleText(sample, dump.articles[0]);
    assert.ok(t.startsWith('Ngày 8/11'), t.slice(0, 40));
  });
});

describe('parseDump: what readers must survive', () => {
  it('reads CRLF and mixed line ends with the same lines as the editor', () => {
    const text = '<<<FILE>>> a\r\ndate: 2022-01-02\r\nHello\n\r\n<<<FILE>>> b\r\nWorld\r\n';
    const d = parseDump(text);
    assert.strictEqual(d.articles.length, 2);
    assert.strictEqual(d.articles[0].date?.value, '2022-01-02');
    assert.strictEqual(d.articles[0].title, 'Hello');
    assert.strictEqual(d.articles[1].startLine, 4);
    assert.strictEqual(d.articles[1].title, 'World');
    assert.ok(!text.slice(d.articles[1].textStartOffset, d.articles[1].textEndOffset).includes('\r'));
  });

  it('treats a lone CR as a line break, like the editor', () => {
    const d = parseDump('<<<FILE>>> a\rone\r<<<FILE>>> b\rtwo');
    assert.deepStrictEqual(
      d.articles.map((a) => [a.name, a.startLine, a.title]),
      [
        ['a', 0, 'one'],
        ['b', 2, 'two'],
      ],
    );
  });

  it('reads a file with a BOM, as bytes and as a string', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<<<FILE>>> x\nBody\n')]);
    const decoded = decodeDump(bytes);
    assert.strictEqual(decoded.text.charCodeAt(0), 60);
    assert.strictEqual(parseDump(decoded.text).articles.length, 1);
    const withBom = parseDump('\ufeff<<<FILE>>> x\nBody\n');
    assert.strictEqual(withBom.articles.length, 1);
    assert.strictEqual(withBom.articles[0].name, 'x');
  });

  it('reads NFD text: dates inferred and titles kept as written', () => {
    const body = 'Hà Nội, ngày 21 tháng 1 năm 2022, trời lạnh'.normalize('NFD');
    const d = parseDump(`<<<FILE>>> n\n${body}\n`);
    assert.strictEqual(d.articles[0].date?.value, '2022-01-21');
    assert.strictEqual(d.articles[0].date?.kind, 'inferred');
    assert.strictEqual(d.articles[0].title, body);
  });

  it('accepts empty names and the other marker forms', () => {
    const d = parseDump('<<<FILE>>>\na\n<<<FILE: two.txt>>>\nb\n<<<FILE three.txt>>>\nc\n  <<<FILE>>> not a marker\n');
    assert.deepStrictEqual(
      d.articles.map((a) => a.name),
      ['', 'two.txt', 'three.txt'],
    );
    assert.strictEqual(d.articles[2].endLine, 7, 'an indented marker is ordinary text; the body runs to the end');
  });

  it('closes articles at end lines and reports stray text, keeping it', () => {
    const text =
      '<<<FILE>>> a\nbody\n<<<END>>>\nstray one\n\nstray two\n<<<FILE>>> b\nx\n<<<END FILE>>>  \n<<<ENDFILE>>>\n';
    const d = parseDump(text);
    assert.strictEqual(d.articles.length, 2);
    assert.strictEqual(d.articles[0].endLine, 1);
    assert.ok(d.articles[0].closed);
    const stray = d.problems.filter((p) => p.code === 'stray-text');
    assert.deepStrictEqual(
      stray.map((p) => [p.line, p.endLine]),
      [[3, 5]],
    );
    assert.deepStrictEqual(
      d.problems.filter((p) => p.code === 'end-without-article').map((p) => p.line),
      [9],
    );
  });

  it('reports a file with no markers as zero articles, no error', () => {
    const d = parseDump('just some text\nand more\n');
    assert.strictEqual(d.articles.length, 0);
    assert.deepStrictEqual(d.problems, []);
    assert.deepStrictEqual(d.preamble, { startLine: 0, endLine: 1 });
  });

  it('handles an empty file and a marker on the last line', () => {
    assert.strictEqual(parseDump('').articles.length, 0);
    const d = parseDump('<<<FILE>>> last');
    assert.strictEqual(d.articles.length, 1);
    assert.strictEqual(d.articles[0].title, 'last', 'an empty article falls back to its name');
  });

  it('reports invalid UTF-8 at its line and keeps the rest', () => {
    const bytes = Buffer.concat([
      Buffer.from('<<<FILE>>> a\nok\nbad '),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('\n<<<FILE>>> b\nfine\n'),
    ]);
    const { text, problems } = decodeDump(bytes);
    assert.deepStrictEqual(
      problems.map((p) => [p.code, p.line]),
      [['invalid-utf8', 2]],
    );
    assert.strictEqual(parseDump(text).articles.length, 2);
  });

  it('reports NUL bytes', () => {
    const d = parseDump('<<<FILE>>> a\nx\n\0\0\n');
    assert.deepStrictEqual(
      d.problems.map((p) => [p.code, p.line]),
      [['nul-bytes', 2]],
    );
  });

  it('reads a 5 MB single line', () => {
    const big = 'Lavrov '.repeat(750_000);
    const d = parseDump(`<<<FILE>>> big\n${big}\n`);
    assert.strictEqual(d.articles.length, 1);
    assert.ok(d.articles[0].title.length <= 120);
    assert.strictEqual(d.articles[0].textEndOffset - d.articles[0].textStartOffset, big.length);
  });

  it('warns about a line that looks like a marker but is not', () => {
    const d = parseDump('<<<FILE>>> a\nx\n<<<FILE broken\ny\n');
    assert.strictEqual(d.articles.length, 1);
    assert.deepStrictEqual(
      d.problems.map((p) => [p.code, p.line]),
      [['malformed-marker', 2]],
    );
  });

  it('reads header lines as metadata and stops at the first other line', () => {
    const d = parseDump('<<<FILE>>> h\ntitle: Tiêu đề\nsource: VnExpress\ndate: 2021-12\nnote: not a header\nBody\n');
    const a = d.articles[0];
    assert.strictEqual(a.title, 'Tiêu đề');
    assert.strictEqual(a.source, 'VnExpress');
    assert.strictEqual(a.date?.value, '2021-12');
    assert.strictEqual(a.headers.note, undefined);
  });

  it('infers the latest complete date of each article, never one from the next article', () => {
    const d = parseDump(
      '<<<FILE>>> a\nNhà thơ (9/7/1912-9/7/2017) được tưởng niệm.\n<<<FILE>>> b\nHôm 1/1/2019 họp.\n<<<FILE>>> c\ndate 2015 Vào 3/3/2020.\n',
    );
    assert.deepStrictEqual(
      d.articles.map((a) => [a.date?.value, a.date?.kind]),
      [
        ['2017-07-09', 'inferred'],
        ['2019-01-01', 'inferred'],
        ['2015', 'explicit'],
      ],
    );
  });

  it('reports an impossible date tag and does not use it', () => {
    const d = parseDump('<<<FILE>>> x\ndate 2022-02-30 Text on 1/2/2020\n');
    assert.strictEqual(d.articles[0].date?.value, '2020-02-01');
    assert.strictEqual(d.articles[0].date?.kind, 'inferred');
    assert.deepStrictEqual(
      d.problems.map((p) => [p.code, p.line]),
      [['invalid-date', 1]],
    );
  });

  it('takes the next line as first line when the date tag stands alone', () => {
    const d = parseDump('<<<FILE>>> x\n date 2024\n\nThe real title\n');
    assert.strictEqual(d.articles[0].title, 'The real title');
    assert.strictEqual(d.articles[0].date?.precision, 'year');
  });
});

describe('reading a dump in parts', () => {
  for (const [name, source] of [
    ['a small dump with CRLF, a BOM, an end line and stray text', 'inline'],
    ['the sample', 'sample'],
  ] as const)
    it(`gives the same articles, offsets and lines as reading it whole: ${name}`, () => {
      const whole =
        source === 'sample'
          ? fs.readFileSync(samplePath, 'utf8')
          : `\uFEFF<<<FILE>>> a\ndate 2022-01-02 Một\r\nhai\n<<<FILE>>> b\nBa\n\n<<<FILE>>> c\nBốn\n<<<END>>>\nlạc\n<<<FILE>>> d\nNăm\n`;
      const bytes = Buffer.from(whole, 'utf8');
      const points = splitPoints((s, n) => bytes.subarray(s, s + n), bytes.length, 3, 4096);
      assert.ok(points.length >= 1);
      const cuts = [0, ...points, bytes.length];
      const parts = cuts.slice(0, -1).map((s, i) => readPart(bytes.subarray(s, cuts[i + 1]), i === cuts.length - 2));
      const bases = partBases(
        parts.map((p) => ({
          articles: p.dump.articles.length,
          textLength: p.text.length,
          lineCount: p.dump.lineCount,
        })),
      );
      const joined = joinParts(parts.map((p, i) => shiftDump(p.dump, bases[i])));
      const direct = readDumpBytes(bytes).dump;
      assert.deepStrictEqual(joined.articles, direct.articles);
      assert.deepStrictEqual(joined.problems, direct.problems);
      assert.strictEqual(joined.lineCount, direct.lineCount);
    });
});
