import * as assert from 'node:assert';
import { foldedPhrasePattern, foldedTermPattern } from '../../src/core/text/foldPattern';
import { foldDiacritics } from '../../src/core/text/fold';
import { tokenize } from '../../src/core/text/tokenize';

describe('foldDiacritics', () => {
  it('drops tone and vowel marks and case', () => {
    assert.strictEqual(foldDiacritics('Ngoại trưởng'), 'ngoai truong');
    assert.strictEqual(foldDiacritics('Khủng hoảng'), 'khung hoang');
    assert.strictEqual(foldDiacritics('MOSKVA'), 'moskva');
  });

  it('maps đ and Đ to d', () => {
    assert.strictEqual(foldDiacritics('Đặc phái viên đã đến'), 'dac phai vien da den');
  });

  it('gives NFC and NFD text the same fold', () => {
    const nfc = 'Hội nghị Bộ trưởng Ấn Độ';
    assert.strictEqual(foldDiacritics(nfc.normalize('NFD')), foldDiacritics(nfc));
  });
});

describe('tokenize', () => {
  it('keeps original offsets, also for NFD words', () => {
    const text = 'Ông Lavrov, ' + 'Ngoại trưởng'.normalize('NFD');
    const tokens = tokenize(text);
    assert.deepStrictEqual(
      tokens.map((t) => t.term),
      ['ong', 'lavrov', 'ngoai', 'truong'],
    );
    for (const t of tokens) assert.strictEqual(foldDiacritics(text.slice(t.start, t.end)), t.term);
  });
});

describe('foldedTermPattern', () => {
  const find = (term: string, text: string, prefix = false) =>
    [...text.matchAll(new RegExp(foldedTermPattern(term, prefix), 'giu'))].map((m) => m[0]);

  it('matches every spelling that folds to the term, NFC or NFD, any case, đ as d', () => {
    assert.deepStrictEqual(find('ngoai', 'Ngoại NGOẠI ngoai'), ['Ngoại', 'NGOẠI', 'ngoai']);
    assert.deepStrictEqual(find('ngoai', 'Ngoại'.normalize('NFD')), ['Ngoại'.normalize('NFD')]);
    assert.deepStrictEqual(find('dac', 'Đặc đặc dac'), ['Đặc', 'đặc', 'dac']);
  });

  it('matches whole words only, or words that begin with a prefix', () => {
    assert.deepStrictEqual(find('nga', 'Nga ngay Ngân nga-ấn'), ['Nga', 'nga']);
    assert.deepStrictEqual(find('ngo', 'ngoại ngõ ang', true), ['ngoại', 'ngõ']);
    assert.deepStrictEqual(
      [...'Ngoại trưởng, Lavrov'.matchAll(new RegExp(foldedPhrasePattern(['truong', 'lavrov']), 'giu'))].map(
        (m) => m[0],
      ),
      ['trưởng, Lavrov'],
    );
  });
});
