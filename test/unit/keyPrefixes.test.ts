import * as assert from 'node:assert';
import {
  type KeyAffixes,
  keyPrefixes,
  keySuffixes,
  longestKeyEndingAt,
  prefixReach,
} from '../../src/core/entities/keyPrefixes';
import { joined, type Word, wordsIn } from '../../src/core/entities/words';

const reachIn = (text: string, at: number, max: number, prefixes: KeyAffixes) =>
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

describe('key suffixes: a lookup backwards from a name tries no phrase longer than one a key ends with', () => {
  const roles = new Set(['bộ trưởng', 'bộ trưởng ngoại giao', 'thứ trưởng', 'anh', 'tổng thống']);
  const suffixes = keySuffixes(roles);
  const isRole = (key: string) => roles.has(key);
  // The lookup it replaces: every length from the longest down, the phrase '' across a break.
  const everyLength = (text: string, words: readonly Word[], at: number, max: number) => {
    for (let n = Math.min(max, at); n >= 1; n--) {
      let key = words[at - n].lower;
      let whole = true;
      for (let k = at - n + 1; k < at && whole; k++) {
        whole = joined(text, words, k);
        key += ` ${words[k].lower}`;
      }
      if (whole && roles.has(key)) return n;
    }
    return 0;
  };

  it('holds every word-suffix of every key, and nothing else', () => {
    assert.deepStrictEqual(
      [...suffixes].sort(),
      [
        'anh',
        'bộ trưởng',
        'bộ trưởng ngoại giao',
        'giao',
        'ngoại giao',
        'trưởng ngoại giao',
        'trưởng',
        'thứ trưởng',
        'thống',
        'tổng thống',
      ].sort(),
    );
  });

  it('finds the longest key ending before a name, as trying every length does', () => {
    const sentences = [
      'Bộ trưởng Ngoại giao Sergei Lavrov nói',
      'theo Thứ trưởng Nguyễn Văn A',
      'Tổng thống, Joe Biden',
      'ông bộ trưởng Lê B',
      'anh Tuấn và chị Hoa',
    ];
    let found = 0;
    for (const text of sentences) {
      const words = wordsIn(text, 0, text.length);
      for (let at = 0; at <= words.length; at++) {
        const n = longestKeyEndingAt(text, words, at, 4, suffixes, isRole);
        assert.strictEqual(n, everyLength(text, words, at, 4), `${text} @${at}`);
        if (n) found++;
      }
    }
    assert.strictEqual(found, 6);
    const text = 'Bộ trưởng Ngoại giao Sergei Lavrov';
    const words = wordsIn(text, 0, text.length);
    assert.strictEqual(longestKeyEndingAt(text, words, 4, 4, suffixes, isRole), 4);
    assert.strictEqual(longestKeyEndingAt(text, words, 4, 3, suffixes, isRole), 0);
    assert.strictEqual(longestKeyEndingAt(text, words, 2, 4, suffixes, isRole), 2);
  });
});
