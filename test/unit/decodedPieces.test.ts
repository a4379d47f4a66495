import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ArticleTableBuilder } from '../../src/core/dump/articleTable';
import { readDumpFromBytes } from '../../src/core/dump/byteReader';
import { decodeDump } from '../../src/core/dump/decode';
import { DecodedPieces } from '../../src/core/dump/decodedPieces';
import { SearchEngine } from '../../src/core/search/engine';
import { parseQuery } from '../../src/core/search/query';
import { TermIndexBuilder } from '../../src/core/search/termIndex';
import { HeldDump } from '../../src/worker/heldDump';
import { repoRoot } from '../support/paths';

/** Articles of valid UTF-8 (NFC and NFD, astral characters, every line end), with or without a BOM. */
const dumpBytes = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.tuple(
        fc.constantFrom('<<<FILE>>> a\n', '<<<FILE: b>>>\r\n', '<<<FILE c>>>\r'),
        fc.array(
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 30 }),
            fc.constantFrom('Khủng hoảng'.normalize('NFD'), '😀 năm 2022', '\ufeff\u00a0', '\n', '\r\n', '\r'),
          ),
          { maxLength: 20 },
        ),
      ),
      { maxLength: 12 },
    ),
  )
  .map(([bom, articles]) =>
    Buffer.concat([
      Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []),
      ...articles.map(([marker, lines]) => Buffer.from(`\n${marker}${lines.join('')}\n`, 'utf8')),
    ]),
  );

describe('a dump text decoded a piece at a time', () => {
  it('slices as the decoded text does once the pieces up to a range are in, and joins into it (fuzzed)', () => {
    fc.assert(
      fc.property(
        dumpBytes,
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 10 }),
        (bytes, pieceBytes, ranges) => {
          const reading = readDumpFromBytes(bytes, true, new ArticleTableBuilder());
          if (!reading?.table) return;
          const text = decodeDump(bytes).text;
          const pieces = DecodedPieces.of(reading.table, bytes, reading.textLength, pieceBytes);
          assert.ok(pieces);
          for (;;) {
            for (const [a, b] of ranges) {
              const from = a % (text.length + 2);
              const to = from + (b % (text.length + 2));
              const sliced = pieces.slice(from, to);
              const expected = text.slice(from, to);
              if (expected && Math.min(to, text.length) > pieces.decodedUnits) assert.strictEqual(sliced, undefined);
              else assert.strictEqual(sliced, expected, `[${from}, ${to}) with ${pieces.decodedUnits} decoded`);
            }
            if (!pieces.step()) break;
          }
          assert.ok(pieces.complete);
          assert.strictEqual(pieces.decodedUnits, text.length);
          assert.strictEqual(pieces.join(), text);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS) || 150 },
    );
  });

  it('answers a query while it is under way as it does once the text is whole (news-dev, 10 MB)', () => {
    const bytes = fs.readFileSync(path.join(repoRoot, '..', 'shared', 'corpus', 'news-dev.dump'));
    const held = HeldDump.fromBytes('v', bytes, true);
    const source = held.dumpBytes;
    assert.ok(source, 'a reading from the bytes');
    const builder = new TermIndexBuilder(source, held.dump);
    while (builder.addNext(500) > 0);
    const engine = new SearchEngine();
    engine.set('dev', held.textSource, held.dump, builder.finish());
    const queries = [
      'Hà Nội',
      'bão lũ',
      '"Bộ Y tế"',
      'chính*',
      'khủng hoảnq',
      'kinh tế date:2021',
      'covid -vaccine',
    ].map((q) => {
      const parsed = parseQuery(q);
      assert.ok(parsed.ok, q);
      return parsed.query;
    });
    const answers = () => queries.map((q) => engine.search(q, 100));
    const fromBytes = answers();
    for (const [i, r] of fromBytes.entries()) assert.ok(r.hits.length > 0, `query ${i} has hits`);
    let steps = 0;
    while (held.decodeStep()) {
      steps++;
      if (steps % 3 === 0) assert.deepStrictEqual(answers(), fromBytes, `after ${steps} pieces`);
    }
    assert.ok(steps >= 5, `${steps} pieces of about 1 MB`);
    assert.deepStrictEqual(answers(), fromBytes, 'every piece in');
    assert.strictEqual(held.text, decodeDump(bytes).text);
    assert.deepStrictEqual(answers(), fromBytes, 'the whole text');
    assert.strictEqual(held.decodeStep(), false);
  });
});
