import * as assert from 'node:assert';
import { keyPrefixes, prefixReach } from '../../src/core/entities/keyPrefixes';
import { wordsIn } from '../../src/core/entities/words';

const reachIn = (text: string, at: number, max: number, prefixes: ReadonlySet<string>) =>
  prefixReach(text, wordsIn(text, 0, text.length), at, max, prefixes);

describe('key prefixes: a longest-first lookup tries no phrase longer than one a key starts with', () => {
  const heads = keyPrefixes(new Set(['bộ y tế', 'bộ', 'sở y tế', 'trung tâm y tế']), ['đội tuyển']);

  it('holds every word-prefix of every key, and nothing else', () => {
    assert.deepStrictEqual(
      [...heads].sort(),
      [
        'bộ',
        'bộ y',
        'bộ y tế',
        'sở',
        'sở y',
        'sở y tế',
        'trung',
        'trung tâm',
        'trung tâm y',
        'trung tâm y tế',
        'đội',
        'đội tuyển',
      ].sort(),
    );
  });

  it('reaches as far as the words spell the start of a key', () => {
    assert.strictEqual(reachIn('Sở Y tế Quảng Trị cho biết', 0, 5, heads), 3);
    assert.strictEqual(reachIn('theo Trung tâm Y tế huyện', 1, 5, heads), 4);
    // `Bộ Công Thương`: `bộ` starts a key, `bộ công` none.
    assert.strictEqual(reachIn('Bộ Công Thương', 0, 5, heads), 1);
    assert.strictEqual(reachIn('Quảng Trị', 0, 5, heads), 0);
  });

  it('stops at a break between words and at the most asked for', () => {
    assert.strictEqual(reachIn('Sở Y, tế', 0, 5, heads), 2);
    assert.strictEqual(reachIn('Trung tâm Y tế', 0, 2, heads), 2);
    assert.strictEqual(reachIn('đội tuyển Việt Nam', 0, 5, heads), 2);
  });
});
