import * as assert from 'node:assert';
import { clearWordForms, formAt } from '../../src/core/entities/wordForms';
import { wordsIn } from '../../src/core/entities/words';
import { forEachWordSpan, spanHash } from '../../src/core/text/tokenize';

// Every word of a spelling shares one record, so what one occurrence works out (lower case, sets) is every
// occurrence's: a record must never be shared by two spellings, nor by the two readings of one.
describe('the shared records of word spellings', () => {
  // Once full, the table keeps no new spelling: start each test from an empty one.
  beforeEach(clearWordForms);

  it('hashes a span as the word scan does', () => {
    const text = 'Bộ Y tế, Nguyễn Văn A và NATO 2024 ở Hà Nội';
    forEachWordSpan(text, 0, text.length, (start, end, hash) => assert.strictEqual(spanHash(text, start, end), hash));
  });

  it('gives one record to one spelling wherever it stands, and another to another spelling of the same hash', () => {
    const text = 'Hà Nội và Hà Nam';
    const first = formAt(text, 0, 2, spanHash(text, 0, 2), true);
    assert.strictEqual(formAt(text, 10, 12, spanHash(text, 10, 12), true), first);
    assert.strictEqual(first.text, 'Hà');
    // A hash shared by two spellings (made so here) still finds each its own.
    const nam = formAt(text, 13, 16, spanHash(text, 0, 2), true);
    assert.strictEqual(nam.text, 'Nam');
    assert.notStrictEqual(nam, first);
    assert.strictEqual(formAt(text, 0, 2, spanHash(text, 0, 2), true), first);
  });

  it('keeps a spelling read in an NFC article apart from the same read in an NFD one', () => {
    const text = 'Đà Nẵng';
    const hash = spanHash(text, 0, 2);
    assert.notStrictEqual(formAt(text, 0, 2, hash, true), formAt(text, 0, 2, hash, false));
    assert.strictEqual(formAt(text, 0, 2, hash, false).nfc, false);
  });

  it('gives a long word a record of its own, holding no slice of the text', () => {
    const text = 'Internationalisation';
    const hash = spanHash(text, 0, text.length);
    assert.notStrictEqual(formAt(text, 0, text.length, hash, true), formAt(text, 0, text.length, hash, true));
  });

  it('gives the words of an article the lower case of their own spelling, the same at every occurrence', () => {
    const text = 'Ông Nam về Nam Định. ông nam';
    const words = wordsIn(text, 0, text.length);
    assert.deepStrictEqual(
      words.map((w) => w.lower),
      ['ông', 'nam', 'về', 'nam', 'định', 'ông', 'nam'],
    );
    assert.strictEqual(words[1].form, words[3].form);
    assert.notStrictEqual(words[1].form, words[6].form);
  });
});
