import * as assert from 'node:assert';
import { nfcOrNfdPattern } from '../../src/core/text/nfdPattern';

const matches = (literal: string, text: string) => new RegExp(`^${nfcOrNfdPattern(literal)}$`, 'u').test(text);

describe('nfcOrNfdPattern', () => {
  it('matches a word in NFC and in NFD', () => {
    assert.ok(matches('Việt Nam', 'Việt Nam'.normalize('NFC')));
    assert.ok(matches('Việt Nam', 'Việt Nam'.normalize('NFD')));
  });

  it('matches the mixed forms found in news-dev.dump (ẹ + combining circumflex for ệ)', () => {
    // As article 2004 of news-dev.dump spells `Bệnh viện`: neither NFC nor NFD.
    const mixed = 'B\u1eb9\u0302nh vi\u1eb9\u0302n';
    assert.notStrictEqual(mixed, mixed.normalize('NFC'));
    assert.notStrictEqual(mixed, mixed.normalize('NFD'));
    assert.ok(matches('Bệnh viện', mixed));
    // ê + combining dot below, and both marks in non-canonical order.
    assert.ok(matches('Bệnh', 'B\u00ea\u0323nh'));
    assert.ok(matches('Bệnh', 'Be\u0302\u0323nh'));
  });

  it('does not match another letter', () => {
    assert.ok(!matches('Bệnh', 'Bênh'));
    assert.ok(!matches('Bệnh', 'B\u1eb9nh'));
    assert.ok(!matches('Việt', 'Viet'));
  });

  it('matches every canonically equivalent spelling of every Vietnamese letter', () => {
    const letters = 'aăâeêioôơuưy'.split('');
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    for (const l of letters)
      for (const t of tones) {
        const nfc = (l + t).normalize('NFC');
        const [base, ...marks] = Array.from(nfc.normalize('NFD'));
        const composedFirst = (base + marks[0]).normalize('NFC') + marks.slice(1).join('');
        // Equivalent exactly when it normalises to the letter: marks of one class (a + grave + breve) do not commute.
        for (const spelling of [nfc, nfc.normalize('NFD'), composedFirst, base + [...marks].reverse().join('')])
          assert.strictEqual(
            matches(nfc, spelling),
            spelling.normalize('NFC') === nfc,
            `${nfc} as ${JSON.stringify(spelling)}`,
          );
      }
  });
});
