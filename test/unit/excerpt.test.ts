import * as assert from 'node:assert';
import fc from 'fast-check';
import { collapsedLengths, collapseSpace } from '../../src/core/text/excerpt';

describe('white space collapsed in an excerpt', () => {
  it('gives the collapsed length of every prefix as collapsing that prefix does (fuzzed: every kind of white space)', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '😀', 'Hà Nội'),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        const length = collapsedLengths(s);
        for (let p = 0; p <= s.length; p++) assert.strictEqual(length(p), collapseSpace(s.slice(0, p)).length, `${p}`);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS) || 200 },
    );
  });
});
