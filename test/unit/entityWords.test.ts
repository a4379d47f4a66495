import * as assert from 'node:assert';
import { lowerKey } from '../../src/core/entities/lexicon';
import { lowerWord } from '../../src/core/entities/words';

// lowerWord reads precomposed Latin words itself (toLowerCase) and memoises the rest: either way it must
// give every word the form the cue and place lists are keyed in.
describe('the lower case of a word', () => {
  it('is its lowerKey for every character of the BMP, alone and inside a word', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const word of [ch, `A${ch}`, `${ch}a`, `Đ${ch}Ư`])
        if (lowerWord(word) !== lowerKey(word)) differ.push(`U+${c.toString(16)} in ${JSON.stringify(word)}`);
    }
    assert.deepStrictEqual(differ.slice(0, 5), []);
  });

  it('is its lowerKey for every Latin letter written in NFD, in order or not, and for mark sequences that compose to nothing', () => {
    const differ: string[] = [];
    for (let c = 0xc0; c < 0x1f00; c++) {
      const nfd = String.fromCharCode(c).normalize('NFD');
      const swapped = nfd.length === 3 ? nfd[0] + nfd[2] + nfd[1] : nfd;
      for (const word of [nfd, `Ng${nfd}`, `${nfd}${nfd}n`, `Q${swapped}ng`, `${nfd}\u0301`, `x\u0323\u0302\u0301`])
        if (lowerWord(word) !== lowerKey(word)) differ.push(`U+${c.toString(16)} in ${JSON.stringify(word)}`);
    }
    assert.deepStrictEqual(differ.slice(0, 5), []);
  });

  it('keeps tone marks and reads NFD, title-case digraphs and initials as lowerKey does', () => {
    for (const word of ['Đà', 'NẴNG', 'Hải', 'Hai', 'Quảng'.normalize('NFD'), 'ǅa', 'S. Lavrov', 'Jong-un', 'İ'])
      assert.strictEqual(lowerWord(word), lowerKey(word), word);
    assert.strictEqual(lowerWord('ĐỖ'), 'đỗ');
    assert.strictEqual(lowerWord('Năm'.normalize('NFD')), 'năm');
  });
});
