import * as assert from 'node:assert';
import { hasDigit, markOrPossessiveAt } from '../../src/core/entities/articlePasses';

// The name pass reads a few characters by their codes where it once cut a slice for a regular expression:
// the answers must be the expressions' on every text, its ends included.
describe('the character tests of the name pass', () => {
  const texts = [
    'Aeria™ mới',
    'Victoria’s Secret',
    "Victoria's Secret",
    "Victoria'S",
    'Bảo®',
    "Jones'",
    'Covid-19 và',
    'Nanggala-402',
    'Hà Nội',
    '١٢ số',
    '',
  ];

  it("finds `™`, `®` and a possessive `'s` where /^(™|®|'s|’s)/ does", () => {
    for (const text of texts)
      for (let at = 0; at <= text.length + 1; at++)
        assert.strictEqual(
          markOrPossessiveAt(text, at),
          /^(™|®|'s|’s)/.test(text.slice(at, at + 3)),
          `${JSON.stringify(text)} at ${at}`,
        );
  });

  it('finds an ASCII digit where /\\d/ finds one in the slice, past the end of the text too', () => {
    for (const text of texts)
      for (let from = 0; from <= text.length; from++)
        for (let to = from; to <= text.length + 3; to++)
          assert.strictEqual(
            hasDigit(text, from, to),
            /\d/.test(text.slice(from, to)),
            `${JSON.stringify(text)} ${from}-${to}`,
          );
  });
});
