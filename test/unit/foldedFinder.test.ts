import * as assert from 'node:assert';
import fc from 'fast-check';
import { findFolded, folded, phraseFinder } from '../../src/core/text/foldedFinder';
import { foldedPhrasePattern, foldedTermPattern } from '../../src/core/text/foldPattern';
import { foldWord } from '../../src/core/text/fold';
import { wordCharBefore } from '../../src/core/text/tokenize';

/** The search's scan of a global regex over a body (src/core/search/engine.ts), the finder's reference. */
function regexScan(
  re: RegExp,
  body: string,
  before: boolean,
  accept: ((s: number, e: number) => boolean) | undefined,
  limit: number,
): [number, number][] {
  const found: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(body); m && found.length < limit; m = re.exec(body)) {
    const end = m.index + m[0].length;
    if (!wordCharBefore(body, m.index) && !(m.index === 0 && before) && (!accept || accept(m.index, end)))
      found.push([m.index, end]);
    else re.lastIndex = m.index + 1;
  }
  return found;
}

// Units of Vietnamese text in every spelling, with what is rarer: lone and other marks, letters and
// marks past the BMP, lone surrogates, digits, letters that fold to two units or not at all.
const UNIT = fc.constantFrom(
  'a',
  'A',
  'à',
  'Ạ',
  'ă',
  'ệ',
  'e\u0302\u0323',
  'ẹ\u0302',
  'e',
  'E',
  'đ',
  'Đ',
  'd',
  'o',
  'ơ',
  'Ờ',
  'n',
  'N',
  'g',
  't',
  '1',
  ' ',
  ',',
  '-',
  '\n',
  '\u00a0',
  '\u0301',
  '\u0903',
  '\u{1D400}',
  '\u{1D167}',
  '\u{1F600}',
  '\ud800',
  '\udc00',
  'ß',
  'İ',
  'ǅ',
);
const text = fc.array(UNIT, { maxLength: 60 }).map((u) => u.join(''));
const WORD = fc.oneof(
  fc.constantFrom('a', 'ae', 'da', 'nga', 'ngo', 'ten', 'den', 'e', 'o', 'ta1', 'ß'),
  fc
    .array(fc.constantFrom('a', 'd', 'e', 'o', 'n', 'g', 't', '1'), { minLength: 1, maxLength: 4 })
    .map((u) => u.join('')),
);

// A regex of these classes takes a few milliseconds to parse: each made once.
const regexes = new Map<string, RegExp>();
const regex = (source: string) => {
  let re = regexes.get(source);
  if (!re) regexes.set(source, (re = new RegExp(source, 'gu')));
  return re;
};

// Spellings of folded letters, so that the words searched for are often there.
const SPELLINGS: Record<string, string[]> = {
  a: ['a', 'A', 'à', 'Ạ', 'ă', 'a\u0301', 'a\u0301\u0301'],
  e: ['e', 'E', 'ệ', 'e\u0302\u0323', 'ẹ\u0302', 'e\u{1D167}'],
  d: ['d', 'D', 'đ', 'Đ'],
  o: ['o', 'ơ', 'Ờ', 'o\u031b\u0300'],
};
const spelled = (word: string) =>
  fc
    .tuple(...[...word].map((ch) => fc.constantFrom(...(SPELLINGS[ch] ?? [ch, ch.toUpperCase()]))))
    .map((units) => units.join(''));
const SEPARATOR = fc.constantFrom(' ', ', ', '-', '\n', ' \u{1F600} ', '\u0301 ', '');
/** Text with the words in it, spelled every way, between other text. */
const withWords = (words: string[]) =>
  fc
    .array(
      fc.oneof(
        text,
        fc.tuple(...words.map(spelled), SEPARATOR).map(([...p]) => p.slice(0, -1).join(p[p.length - 1] || ' ')),
      ),
      {
        maxLength: 4,
      },
    )
    .map((parts) => parts.join(''));

describe('FoldedFinder: the folded regexes without a regex', () => {
  it('finds what the alternation of term patterns finds, passing over what they pass over', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.record({ term: WORD, prefix: fc.boolean() }), { minLength: 1, maxLength: 4 })
          .chain((terms) => fc.tuple(withWords(terms.map((t) => t.term)), fc.constant(terms))),
        fc.boolean(),
        fc.nat(3),
        fc.constantFrom(1, 2, Infinity),
        ([body, terms], before, refuse, limit) => {
          const finder = folded(terms);
          assert.ok(finder);
          const re = regex(terms.map((t) => foldedTermPattern(t.term, t.prefix, false)).join('|'));
          // Refuses some matches by their text, as the search refuses a capped prefix's other words.
          const accept = refuse
            ? (s: number, e: number) => foldWord(body.slice(s, e)).length % 4 !== refuse
            : undefined;
          assert.deepStrictEqual(
            findFolded(finder, body, before, accept, limit),
            regexScan(re, body, before, accept, limit),
          );
        },
      ),
      { numRuns: 700 },
    );
  });

  it('finds what the phrase pattern finds', () => {
    fc.assert(
      fc.property(
        fc.array(WORD, { minLength: 1, maxLength: 3 }).chain((words) => fc.tuple(fc.constant(words), withWords(words))),
        fc.boolean(),
        ([words, body], before) => {
          const finder = phraseFinder(words);
          assert.ok(finder);
          const re = regex(foldedPhrasePattern(words, false));
          assert.deepStrictEqual(
            findFolded(finder, body, before, undefined, Infinity),
            regexScan(re, body, before, undefined, Infinity),
          );
        },
      ),
      { numRuns: 700 },
    );
  });

  it('finds the phrases of real text, NFC or NFD', () => {
    const body = 'Ngoại trưởng, LAVROV nói: “Ngoai truong Lavrov” và ngoại-trưởng lavrov.';
    for (const s of [body, body.normalize('NFD')]) {
      const finder = phraseFinder(['ngoai', 'truong', 'lavrov']);
      assert.ok(finder);
      const found = findFolded(finder, s, false, undefined, Infinity).map(([a, b]) => s.slice(a, b).normalize('NFC'));
      assert.deepStrictEqual(found, ['Ngoại trưởng, LAVROV', 'Ngoai truong Lavrov', 'ngoại-trưởng lavrov']);
    }
  });

  it('leaves to the regex a word with a mark of its own or a letter past the BMP', () => {
    assert.strictEqual(folded([{ term: 'i\u0307', prefix: false }]), undefined);
    assert.strictEqual(phraseFinder(['a', '\u{1D400}b']), undefined);
    assert.ok(folded([{ term: 'nga', prefix: true }]));
  });
});
