import * as assert from 'node:assert';
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateDump } from '../../bench/generate';
import {
  inferDatesFromBytes,
  inferPendingDates,
  lineFeedBeforeLt,
  readDumpFromBytes,
  withDates,
} from '../../src/core/dump/byteReader';
import { readDumpBytes } from '../../src/core/dump/decode';
import { bomEncoding } from '../../src/core/dump/encoding';
import { ArticleTableBuilder, packArticles, unpackArticles } from '../../src/core/dump/articleTable';
import { readPart, shiftArticle } from '../../src/core/dump/parts';
import { lineFeeds } from '../../src/core/dump/lineFeeds';
import { simdBytes } from '../../src/core/dump/simdCount';
import { utf16Length } from '../../src/core/dump/utf16Length';
import { dumpBytes, readInParts, utf8 } from '../support/dumpPieces';
import { repoRoot } from '../support/paths';

/** The byte reader's reading with the pending dates inferred from the decoded text: the whole reading. */
function byteReading(bytes: Buffer, last = true) {
  const r = readDumpFromBytes(bytes, last);
  if (!r) return undefined;
  const text = new TextDecoder().decode(bytes);
  const dates = inferDatesFromBytes(bytes, r);
  assert.deepStrictEqual(
    dates,
    inferPendingDates(text, r.dump, r.pending),
    'dates from the bytes = dates from the text',
  );
  return { dump: withDates(r.dump, dates), textLength: r.textLength, text };
}

/** Valid UTF-8 only (the byte path's input): Vietnamese in NFC and NFD, astral characters, every line end, BOMs. */
const validPieces = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: dumpBytes.map((b) => Buffer.from(new TextDecoder().decode(b))) },
      {
        weight: 2,
        arbitrary: fc
          .constantFrom(
            'Khủng hoảng với phương Tây',
            'Khủng hoảng'.normalize('NFD'),
            'date 2022-11-08 Ngoại trưởng',
            ' date 2022 ',
            'date 2022-13-01 x',
            'title: Nga',
            'date: 2021-02-29',
            '\u00a0\ufeff ',
            '😀 ngày 21 tháng 1 năm 2022',
            'ngày 21/1/2022'.normalize('NFD'),
            '(Vietnam+) - Hà Nội',
            '\\<<<END>>>',
            '<<<END>>>\nstray\n',
          )
          .map(utf8),
      },
      {
        weight: 3,
        arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n<<<FILE>>> a\n', '\r\n<<<FILE: b>>>\r\n').map(utf8),
      },
    ),
    { maxLength: 12 },
  )
  .chain((ps) =>
    fc.boolean().map((bom) => Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), ...ps])),
  );

/**
 * LF line ends only, where the reader takes an article's lines after its head at once (up to the
 * next line that starts with `<`): long tails of text, blank and whitespace-only lines (NBSP, BOM
 * characters), lines that start with `<` and are no marker, NUL bytes, a last line with no LF.
 */
const lfOnlyPieces = fc
  .array(
    fc.constantFrom(
      '<<<FILE>>> a\n',
      '<<<FILE: b>>>\n',
      '<<<END>>>\n',
      'date 2022-11-08 Ngoại trưởng\n',
      'title: Nga\n',
      'Khủng hoảng với phương Tây.\n',
      'ngày 21/1/2022 😀\n'.normalize('NFD'),
      '\n',
      '\n\n\n',
      '  \t\n',
      '\u00a0\ufeff \n',
      '<b>không phải dấu</b>\n',
      '<\n',
      'a\u0000b\n',
      'x'.repeat(300),
      'không kết thúc',
    ),
    { maxLength: 40 },
  )
  .map((ps) => utf8(ps.join('')));

/** `npm run fuzz` runs these longer too (FUZZ_RUNS). */
const runs = (n: number) => ({ numRuns: Number(process.env.FUZZ_RUNS) || n });

describe('byte reader', () => {
  it('counts UTF-16 units of UTF-8 bytes, short and long, at any alignment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.nat(7), (s, pad) => {
        const b = Buffer.concat([Buffer.alloc(pad), utf8(s)]);
        assert.strictEqual(utf16Length(b, pad, b.length), s.length);
      }),
      runs(1000),
    );
  });

  it('counts line feeds, short and long, at any alignment', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('\n', 'a', 'ệ', '\r', '\n\n'), { maxLength: 400 }), fc.nat(7), (ps, pad) => {
        const s = ps.join('');
        const b = Buffer.concat([Buffer.alloc(pad, 10), utf8(s)]);
        assert.strictEqual(lineFeeds(b, pad, b.length), s.split('\n').length - 1);
      }),
      runs(1000),
    );
  });

  it("finds the next line feed before a '<' as a search for the two bytes does", () => {
    const LF_LT = Buffer.from('\n<');
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('\n', '<', 'a', '\n<', '<<', 'ệ'), { maxLength: 60 }),
        fc.nat(),
        (ps, at) => {
          const b = utf8(ps.join(''));
          const from = b.length ? at % (b.length + 1) : 0;
          assert.strictEqual(lineFeedBeforeLt(b, from), b.indexOf(LF_LT, from));
        },
      ),
      runs(2000),
    );
  });

  it('counts bytes held in a memory of their own (simdBytes) in place, as it counts a copy', () => {
    const inPlace = (b: Uint8Array, pad: number) => {
      const held = simdBytes(b.length + pad);
      assert.ok(held.every((x) => x === 0));
      held.set(b, pad);
      return held;
    };
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.nat(7),
        fc.array(fc.constantFrom('\n', 'a', 'ệ', '\r'), { maxLength: 200 }),
        (s, pad, feeds) => {
          const b = utf8(s + feeds.join(''));
          const held = inPlace(b, pad);
          assert.strictEqual(utf16Length(held, pad, held.length), utf16Length(b, 0, b.length));
          assert.strictEqual(lineFeeds(held, pad, held.length), lineFeeds(b, 0, b.length));
        },
      ),
      runs(500),
    );
    // Longer than the slice a copy is counted in (64 KB), and counted from inside a view of the memory.
    const long = utf8('Bộ trưởng Ngoại giao 𝔸\n'.repeat(20_000));
    const held = inPlace(long, 5);
    const view = held.subarray(3);
    assert.strictEqual(utf16Length(view, 2, view.length), long.toString().length);
    assert.strictEqual(lineFeeds(view, 2 + 1000, view.length - 7), lineFeeds(long, 1000, long.length - 7));
  });

  it('reads bytes held in a memory of their own as it reads a plain copy of them', () => {
    fc.assert(
      fc.property(lfOnlyPieces, (bytes) => {
        const held = simdBytes(bytes.length);
        held.set(bytes);
        assert.deepStrictEqual(readDumpFromBytes(held), readDumpFromBytes(bytes));
      }),
      runs(300),
    );
    const bytes = utf8(generateDump(3000, 7));
    const held = simdBytes(bytes.length);
    held.set(bytes);
    const r = readDumpFromBytes(held, true, new ArticleTableBuilder());
    assert.deepStrictEqual(r, readDumpFromBytes(bytes, true, new ArticleTableBuilder()));
  });

  it("reads LF-only dumps, their articles' later lines taken at once, as decoding then parsing does, whole and in parts", () => {
    fc.assert(
      fc.property(lfOnlyPieces, fc.integer({ min: 2, max: 4 }), (bytes, parts) => {
        const expected = readDumpBytes(bytes);
        const got = byteReading(bytes);
        assert.ok(got);
        assert.strictEqual(got.textLength, expected.text.length);
        assert.deepStrictEqual(got.dump, expected.dump);
        const split = readInParts(bytes, parts, 16, (part, last) => {
          const read = byteReading(part, last);
          assert.ok(read);
          assert.deepStrictEqual(read.dump, readPart(part, last).dump);
          return read;
        });
        assert.deepStrictEqual(split, expected.dump);
      }),
      runs(1500),
    );
  });

  it('reads into a table the articles it reads as objects (a generated dump of thousands)', () => {
    const bytes = utf8(generateDump(3000, 7));
    const r = readDumpFromBytes(bytes, true, new ArticleTableBuilder());
    assert.ok(r?.table);
    assert.deepStrictEqual(unpackArticles(r.table), readDumpFromBytes(bytes)?.dump.articles);
  });

  it('reads valid UTF-8 bytes exactly as decoding then parsing does (fuzzed dumps: NFD, CR/CRLF, BOM)', () => {
    fc.assert(
      fc.property(validPieces, (bytes) => {
        const expected = readDumpBytes(bytes);
        const got = byteReading(bytes);
        assert.ok(got, 'valid UTF-8 is read from its bytes');
        assert.strictEqual(got.textLength, expected.text.length);
        assert.deepStrictEqual(got.dump, expected.dump);
      }),
      runs(1500),
    );
  });

  it('leaves bytes that are not valid UTF-8 to the text path', () => {
    fc.assert(
      fc.property(dumpBytes, (bytes) => {
        const got = byteReading(bytes);
        if (got) assert.deepStrictEqual(got.dump, readDumpBytes(bytes).dump);
        else assert.ok(!isUtf8(bytes) || bomEncoding(bytes));
      }),
      runs(500),
    );
  });

  it('reads each part of a split dump as readPart does, so the joined reading is the same', () => {
    fc.assert(
      fc.property(
        validPieces,
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 16, max: 256 }),
        (bytes, parts, window) => {
          const whole = readDumpBytes(bytes).dump;
          const split = readInParts(bytes, parts, window, (part, last) => {
            const got = byteReading(part, last);
            assert.ok(got);
            const expected = readPart(part, last);
            assert.deepStrictEqual(got.dump, expected.dump);
            return got;
          });
          assert.deepStrictEqual(split, whole);
        },
      ),
      runs(500),
    );
  });

  it('reads generated news dumps and the sample as the text path does', () => {
    const inputs = [utf8(generateDump(300, 5)), fs.readFileSync(path.join(repoRoot, 'sample', 'sample.dump'))];
    const dev = path.join(repoRoot, '..', 'shared', 'corpus', 'news-dev.dump');
    if (fs.existsSync(dev)) inputs.push(fs.readFileSync(dev));
    for (const bytes of inputs) {
      const got = byteReading(bytes);
      assert.ok(got);
      assert.deepStrictEqual(got.dump, readDumpBytes(bytes).dump);
      const crlf = Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n'));
      assert.deepStrictEqual(byteReading(crlf)?.dump, readDumpBytes(crlf).dump);
    }
  });

  it('packs articles into a table and back unchanged, placed by a part base as shiftArticle places them', () => {
    fc.assert(
      fc.property(validPieces, fc.nat(50), fc.nat(5000), fc.nat(300), (bytes, article, offset, line) => {
        const { articles } = readDumpBytes(bytes).dump;
        const table = packArticles(articles);
        assert.deepStrictEqual(unpackArticles(table), articles);
        const base = { article, offset, line };
        assert.deepStrictEqual(
          unpackArticles(table, base),
          articles.map((a) => shiftArticle(a, base)),
        );
      }),
      runs(500),
    );
  });

  it('leaves inferred dates pending, and only those', () => {
    const bytes = utf8('<<<FILE>>> a\nTin ngày 21/1/2022.\n<<<FILE>>> b\ndate 2020 Tin.\n<<<FILE>>> c\n');
    const r = readDumpFromBytes(bytes);
    assert.ok(r);
    assert.deepStrictEqual(r.pending, [0]);
    assert.strictEqual(r.dump.articles[0].date, undefined);
    assert.strictEqual(r.dump.articles[1].date?.value, '2020');
    assert.strictEqual(byteReading(bytes)?.dump.articles[0].date?.value, '2022-01-21');
  });
});
