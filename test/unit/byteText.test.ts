import * as assert from 'node:assert';
import fc from 'fast-check';
import { ArticleTableBuilder } from '../../src/core/dump/articleTable';
import { readDumpFromBytes } from '../../src/core/dump/byteReader';
import { byteTextOf } from '../../src/core/dump/byteText';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** The text of dump bytes as the byte reader's table places it, and the bytes' reads counted. */
function textOf(bytes: Buffer) {
  const reading = readDumpFromBytes(bytes, true, new ArticleTableBuilder());
  assert.ok(reading?.table);
  const reads: number[] = [];
  const text = byteTextOf(
    reading.table,
    (s, e) => {
      reads.push(e - s);
      return bytes.subarray(s, e);
    },
    reading.textLength,
    bytes.length,
  );
  assert.ok(text, 'a reading from the bytes knows where its articles start');
  return { text, reads, decoded: new TextDecoder().decode(bytes) };
}

/** Dumps of valid UTF-8: Vietnamese in NFC and NFD, astral characters, every line end, a BOM, an article of 200 KB. */
const dumps = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          'Khủng hoảng với phương Tây',
          'Khủng hoảng'.normalize('NFD'),
          '😀 ngày 21 tháng 1 năm 2022',
          'đường Điện Biên Phủ',
          '\u00a0\ufeff ',
        ),
      },
      { weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n<<<FILE>>> a\n', '\r\n<<<FILE: b>>>\r\n') },
      { weight: 1, arbitrary: fc.constant(`\n<<<FILE>>> dài\n${'Hà Nội 😀 '.repeat(20_000)}\n`) },
    ),
    { maxLength: 14 },
  )
  .chain((ps) =>
    fc.boolean().map((bom) => Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), ...ps.map(utf8)])),
  );

describe('a dump text decoded by ranges from its bytes', () => {
  it('slices exactly as the decoded text does, at any range (fuzzed: NFD, surrogate pairs, BOM, a 200 KB article)', () => {
    fc.assert(
      fc.property(dumps, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }), (bytes, ranges) => {
        const { text, decoded } = textOf(bytes);
        assert.strictEqual(text.length, decoded.length);
        assert.strictEqual(text.slice(0, text.length), decoded);
        for (const [a, b] of ranges) {
          const from = a % (decoded.length + 2);
          const to = from + (b % 300_000);
          assert.strictEqual(text.slice(from, to), decoded.slice(from, to), `[${from}, ${to})`);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS) || 150 },
    );
  });

  it("decodes only what it slices: an article's bytes, or a piece of a huge one", () => {
    const small = `<<<FILE>>> a\nMột bài ngắn.\n<<<FILE>>> b\n${'Hà Nội, '.repeat(200_000)}\n<<<FILE>>> c\nCuối.\n`;
    const { text, reads, decoded } = textOf(utf8(small));
    const at = decoded.indexOf('Cuối');
    assert.strictEqual(text.slice(at, at + 4), 'Cuối');
    assert.ok(Math.max(...reads) < 100, `read ${reads}`);
    reads.length = 0;
    const mid = decoded.length >> 1;
    assert.strictEqual(text.slice(mid, mid + 50), decoded.slice(mid, mid + 50));
    // The long article is counted once to cut it in pieces, then only a piece is decoded.
    assert.strictEqual(reads.filter((n) => n > 200_000).length, 1);
    reads.length = 0;
    assert.strictEqual(text.slice(mid + 10, mid + 80), decoded.slice(mid + 10, mid + 80));
    assert.ok(Math.max(0, ...reads) <= (1 << 16) + 3, `read ${reads}`);
  });
});
