import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateDump } from '../../bench/generate';
import { ArticleTableBuilder, byteStarts, unpackArticles } from '../../src/core/dump/articleTable';
import { readDumpFromBytes } from '../../src/core/dump/byteReader';
import { buildTermIndex } from '../../src/core/search/termIndex';
import { forEachWordSpan } from '../../src/core/text/tokenize';
import { forEachUtf8WordSpan } from '../../src/core/text/utf8Words';
import { utf8 } from '../support/dumpPieces';
import { repoRoot } from '../support/paths';

/** A reading from the bytes, its articles made from its table, and the text the bytes decode to. */
function readBytes(bytes: Buffer, last = true) {
  const reading = readDumpFromBytes(bytes, last, new ArticleTableBuilder());
  if (!reading?.table) return undefined;
  const dump = { ...reading.dump, articles: unpackArticles(reading.table) };
  const starts = byteStarts(reading.table);
  assert.ok(starts, 'a reading from the bytes knows where each article starts in them');
  return { dump, starts, text: new TextDecoder().decode(bytes) };
}

/** The index built from the bytes is the index built from the decoded text, array for array. */
function assertSameIndex(bytes: Buffer, last = true): number {
  const read = readBytes(bytes, last);
  if (!read) return 0;
  const fromText = buildTermIndex(read.text, read.dump);
  const fromBytes = buildTermIndex({ bytes, starts: read.starts }, read.dump);
  assert.deepStrictEqual(fromBytes.terms, fromText.terms);
  assert.deepStrictEqual(fromBytes, fromText);
  return fromText.docs.length;
}

// Words of every kind the scan cuts: NFC and NFD Vietnamese, đ, letters and marks past the BMP
// (two UTF-16 units, four bytes), a mark with no letter before it, digits, CJK, symbols between.
const word = fc.constantFrom(
  'Khủng',
  'hoảng',
  'Ngoại trưởng'.normalize('NFD'),
  'ĐÀ NẴNG',
  'đường',
  '𝐀𝐁c',
  'x𝐀',
  '😀',
  'a😀b',
  '\u0301a',
  'a\u0301\u0323',
  '𝅘𝅥𝅮',
  '2022',
  'Hà-Nội',
  '北京',
  'COVID-19',
  "l'été",
  '\u00a0',
  '\ufeff',
  '\u2028',
  '—',
  '«x»',
);
const line = fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' '));
const piece = fc.oneof(
  { weight: 6, arbitrary: line },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('date 2022-11-08 Tin', 'title: Nga', '(Vietnam+) - Hà Nội', '<<<END>>>') },
  {
    weight: 3,
    arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n<<<FILE>>> a\n', '\r\n<<<FILE: b>>>\r\n', '\n<<<FILE>>> c\n'),
  },
);
const dumpText = fc
  .tuple(fc.boolean(), fc.array(piece, { maxLength: 40 }))
  .map(([bom, ps]) => (bom ? '\ufeff' : '') + '<<<FILE>>> first\n' + ps.join(''));

const runs = (n: number) => ({ numRuns: Number(process.env.FUZZ_RUNS) || n });

describe('search index built from the bytes', () => {
  it('cuts the words of UTF-8 bytes as the scan of the decoded text does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(60), fc.nat(60), (s, a, b) => {
        const from = Math.min(a, b, s.length);
        const to = Math.min(Math.max(a, b), s.length);
        const bytes = utf8(s);
        const decoded = new TextDecoder().decode(bytes);
        const expected: string[] = [];
        forEachWordSpan(decoded, from, to, (start, end) => expected.push(decoded.slice(start, end)));
        const got: string[] = [];
        forEachUtf8WordSpan(bytes, 0, 0, from, to, (start, end) => got.push(bytes.toString('utf8', start, end)));
        assert.deepStrictEqual(got, expected);
      }),
      runs(2000),
    );
  });

  it('gives the index the decoded text gives (fuzzed dumps: NFD, astral letters and marks, CR/CRLF, BOM)', () => {
    let postings = 0;
    fc.assert(
      fc.property(dumpText, (text) => {
        postings += assertSameIndex(utf8(text));
      }),
      runs(500),
    );
    assert.ok(postings > 0, 'the dumps have words');
  });

  it('gives each part of a split dump the index of its decoded text', () => {
    fc.assert(
      fc.property(dumpText, fc.nat(), (text, at) => {
        const bytes = utf8(text);
        // A part that is not the last ends with a line break, before the next part's marker.
        const cut = bytes.indexOf('\n<<<FILE', at % Math.max(1, bytes.length));
        if (cut < 0) return;
        assertSameIndex(bytes.subarray(0, cut + 1), false);
        assertSameIndex(bytes.subarray(cut + 1), true);
      }),
      runs(300),
    );
  });

  it('gives the same index on real and generated dumps', () => {
    const dev = path.join(repoRoot, '..', 'shared', 'corpus', 'news-dev.dump');
    if (fs.existsSync(dev)) assert.ok(assertSameIndex(fs.readFileSync(dev)) > 100_000);
    assert.ok(assertSameIndex(utf8(generateDump(300, 7))) > 10_000);
  });
});
