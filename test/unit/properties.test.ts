import * as assert from 'node:assert';
import fc from 'fast-check';
import { parseDump } from '../../src/core/dump/reader';
import { decodeDump } from '../../src/core/dump/decode';
import { writeDump } from '../../src/core/dump/writer';
import { articleText } from '../../src/core/dump/articleText';

const lineish = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '<<<FILE>>> x',
    '<<<FILE>>>',
    '<<<FILE: a>>>',
    '<<<END>>>',
    '<<<ENDFILE>>>',
    '<<<FILE',
    '\\<<<FILE>>> e',
    ' date 2022-11 x',
    'date: 2022-02-30',
    'title: t',
    '(Nguồn) - x',
    'ngày 21/1/2022',
    '',
    '\r',
    '\ufeff',
    '\0',
  ),
);

describe('properties', () => {
  it('parseDump never throws and its ranges stay inside the text', () => {
    fc.assert(
      fc.property(fc.array(lineish, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const text = lines.join(eol);
        const d = parseDump(text);
        let prevEnd = -1;
        for (const a of d.articles) {
          assert.ok(a.startOffset > prevEnd || (a.startOffset === 0 && prevEnd === -1));
          assert.ok(
            a.startOffset <= a.textStartOffset &&
              a.textStartOffset <= a.textEndOffset &&
              a.textEndOffset <= text.length,
          );
          assert.ok(a.startLine <= a.endLine && a.endLine < d.lineCount);
          prevEnd = a.endOffset;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('decodeDump never throws on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const { text } = decodeDump(bytes);
        parseDump(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('write then read gives the same articles', () => {
    const bodyLine = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'ă', 'Đ', ' ', '<', '>', 'F', 'I', 'L', 'E', '\\', ':', 'ệ', '1') }),
      fc.constantFrom('<<<FILE>>> x', '<<<END>>>', '\\<<<FILE>>> y', '\\\\<<<END', '<<<ENDFILE>>>'),
    );
    // Text as a reader returns it: no surrounding blank lines, a first line that is no metadata.
    const text = fc.array(bodyLine, { minLength: 1, maxLength: 8 }).map((ls) => ['Body', ...ls, 'end.'].join('\n'));
    const article = fc.record({ name: fc.string({ unit: fc.constantFrom('a', 'b', '.', '_', '0', 'ơ') }), text });
    fc.assert(
      fc.property(fc.array(article, { maxLength: 6 }), (articles) => {
        const written = writeDump(articles);
        const d = parseDump(written);
        assert.deepStrictEqual(
          d.articles.map((a) => ({ name: a.name, text: articleText(written, a) })),
          articles.map((a) => ({ ...a })),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
