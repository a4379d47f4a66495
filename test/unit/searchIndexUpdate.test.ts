import * as assert from 'node:assert';
import fc from 'fast-check';
import { dateInRange } from '../../src/core/articles/filter';
import { parseDump } from '../../src/core/dump/reader';
import { dateTest } from '../../src/core/search/dateBounds';
import { TermDictionary } from '../../src/core/search/termDictionary';
import { SearchEngine } from '../../src/core/search/engine';
import { changedArticles, commonPrefix, commonSuffix, updateTermIndex } from '../../src/core/search/indexUpdate';
import { parseQuery } from '../../src/core/search/query';
import {
  buildTermIndex,
  deserializeTermIndex,
  packOffsets,
  positionsStart,
  serializeTermIndex,
  termFrequency,
  type TermIndex,
} from '../../src/core/search/termIndex';

// A small vocabulary, so that articles share words and edits add and remove whole terms.
const WORDS = [
  'Nga',
  'ngà',
  'Lavrov',
  'hợp',
  'tác',
  'hop',
  'đàm',
  'dam',
  'Hà',
  'Nội',
  'nội',
  'ASEAN',
  'asean',
  'bão',
  'lũ',
];
const word = fc.constantFrom(...WORDS);
const line = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
  fc.constantFrom(' date 2022-11 Nga', 'title: Hà Nội', '', '<<<END>>>'),
);
const article = fc
  .tuple(fc.nat(99), fc.array(line, { maxLength: 6 }))
  .map(([n, lines]) => `<<<FILE>>> a${n}.txt\n${lines.join('\n')}\n`);
const dumpText = fc.array(article, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
/** Replace text[at, at + cut) by `insert`; `at` and `cut` as fractions of the text. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  cut: fc.nat(40),
  insert: fc.oneof(
    fc.array(word, { maxLength: 4 }).map((w) => w.join(' ')),
    fc.constantFrom('\n<<<FILE>>> new.txt\nbão lũ Nga\n', '\n', ' ', 'x', '<<<FILE>>> b.txt\n'),
  ),
});
const applyEdit = (text: string, e: { at: number; cut: number; insert: string }) => {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.cut);
};

/** Every term some article has, with its postings (articles, frequencies, positions), by term. */
function postingsByTerm(index: TermIndex): Map<string, string> {
  const out = new Map<string, string>();
  index.terms.forEach((term, t) => {
    const from = index.offsets[t];
    const to = index.offsets[t + 1];
    if (from === to) return;
    const list: string[] = [];
    for (let p = from; p < to; p++)
      list.push(
        `${index.docs[p]}:${termFrequency(index, p)}:${[...index.positions.subarray(positionsStart(index, p), positionsStart(index, p + 1))].join(',')}`,
      );
    out.set(term, list.join(' '));
  });
  return out;
}

const QUERIES = ['nga', 'hop tac', '"ha noi"', 'nga*', 'lavrov -asean', 'bao lu', 'title:ha', 'dam date:2022'];

function answers(text: string, index: TermIndex): string[] {
  const engine = new SearchEngine();
  engine.set('k', text, parseDump(text), index);
  return QUERIES.map((q) => {
    const parsed = parseQuery(q);
    assert.ok(parsed.ok, q);
    return JSON.stringify(engine.query(parsed.query, 100).map((h) => [h.article.index, h.score, h.matchStart]));
  });
}

describe('search: incremental re-index', function () {
  // Hundreds of random dumps, each indexed twice: seconds on a loaded machine.
  this.timeout(60_000);
  it('finds the common start and end of two texts', () => {
    const a = `${'x'.repeat(70_000)}abc${'y'.repeat(5)}`;
    const b = `${'x'.repeat(70_000)}aXc${'y'.repeat(5)}`;
    assert.strictEqual(commonPrefix(a, b), 70_001);
    assert.strictEqual(commonSuffix(a, b, a.length - 70_001), 6);
    assert.strictEqual(commonPrefix('', 'a'), 0);
    assert.strictEqual(commonSuffix('ab', 'ab', 0), 0);
  });

  it('names only the articles an edit touched', () => {
    const before = '<<<FILE>>> a\nNga\n<<<FILE>>> b\nLavrov\n<<<FILE>>> c\nhợp tác\n';
    const after = before.replace('Lavrov', 'Lavrov Nga');
    const change = changedArticles(before, parseDump(before), after, parseDump(after));
    assert.deepStrictEqual(change, { from: 1, oldEnd: 2, newEnd: 2 });
  });

  it('gives the same postings and answers as a build of the edited text (property)', () => {
    fc.assert(
      fc.property(dumpText, fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
        let current = text;
        let dump = parseDump(current);
        let index = buildTermIndex(current, dump);
        for (const e of edits) {
          const next = applyEdit(current, e);
          const nextDump = parseDump(next);
          const updated = updateTermIndex(index, current, dump, next, nextDump);
          if (!updated) {
            // Refused only when most of the dump changed.
            index = buildTermIndex(next, nextDump);
          } else {
            const rebuilt = buildTermIndex(next, nextDump);
            assert.deepStrictEqual(postingsByTerm(updated), postingsByTerm(rebuilt));
            assert.deepStrictEqual([...updated.lengths], [...rebuilt.lengths]);
            assert.strictEqual(updated.averageLength, rebuilt.averageLength);
            assert.deepStrictEqual(
              [...updated.dictionary.keys()].sort(),
              [...rebuilt.dictionary.keys()].sort(),
              'the same vocabulary',
            );
            assert.deepStrictEqual(answers(next, updated), answers(next, rebuilt));
            // And it survives the cache: a reloaded updated index answers the same.
            const reloaded = deserializeTermIndex(serializeTermIndex(updated));
            assert.ok(reloaded);
            assert.deepStrictEqual(answers(next, reloaded), answers(next, rebuilt));
            index = updated;
          }
          current = next;
          dump = nextDump;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an update when most articles changed', () => {
    const articles = Array.from({ length: 300 }, (_, i) => `<<<FILE>>> a${i}\nNga ${i}\n`);
    const before = articles.join('');
    const after = articles.map((a) => a.replace('Nga', 'Lavrov')).join('');
    const dump = parseDump(before);
    assert.strictEqual(updateTermIndex(buildTermIndex(before, dump), before, dump, after, parseDump(after)), undefined);
  });
});

describe('search: date filter bounds', () => {
  it('agree with the articles filter on every date and range (property)', () => {
    const iso = fc.oneof(
      fc.integer({ min: 2019, max: 2023 }).map(String),
      fc
        .tuple(fc.integer({ min: 2019, max: 2023 }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      fc
        .tuple(fc.integer({ min: 2019, max: 2023 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
        .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.option(iso), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(iso, iso), { minLength: 1, maxLength: 3 }),
        (dates, ranges) => {
          const text = dates.map((d, i) => `<<<FILE>>> a${i}\n${d ? ` date ${d} ` : ''}Nga\n`).join('');
          const dump = parseDump(text);
          const rs = ranges.map(([from, to]) => ({ from, to }));
          const test = dateTest(dump, rs);
          dump.articles.forEach((a, doc) => {
            assert.strictEqual(
              test(doc),
              rs.some((r) => dateInRange(a, r)),
              `${a.date?.value} in ${JSON.stringify(rs)}`,
            );
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('search: position starts in two parts', () => {
  it('give back every start, narrow or wide', () => {
    for (const starts of [
      Array.from({ length: 300 }, (_, i) => i * 7),
      [0, 70_000, 70_001, 140_000],
      Array.from({ length: 200 }, (_, i) => i * 2000),
    ]) {
      const offsets = Uint32Array.from(starts);
      const packed = packOffsets(offsets);
      const index = { ...packed } as unknown as TermIndex;
      assert.deepStrictEqual(
        starts.map((_, p) => positionsStart(index, p)),
        starts,
      );
      // Wide only where 64 starts in a row span more than 65,535 positions.
      assert.strictEqual(packed.posLow instanceof Uint16Array, starts[starts.length - 1] === 299 * 7);
    }
  });
});

describe('search: a month in a date filter', () => {
  it('runs to its last day, in the filter and in the check for reversed ranges', () => {
    const dump = parseDump('<<<FILE>>> a\n date 2020-04 Nga\n');
    assert.ok(dateInRange(dump.articles[0], { from: '2020-04-13', to: '2020-04-20' }));
    const parsed = parseQuery('nga date:2020-04-20..2020-04');
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  });
});

describe('search: the term dictionary', () => {
  const words = ['nga', 'ngay', 'ngà', 'ngan', 'ngoai', 'ng', 'lavrov', 'lavrova', 'avrov', 'lavrpv', 'lvrov'];
  const dictionary = TermDictionary.of(words);

  it('looks up terms and prefixes in order', () => {
    assert.strictEqual(dictionary.get('ngay'), 1);
    assert.strictEqual(dictionary.get('ngx'), undefined);
    assert.deepStrictEqual(
      dictionary.atPrefix('nga').map(([t]) => t),
      ['nga', 'ngan', 'ngay'],
    );
  });

  it('finds the terms one edit away (property: as a plain edit distance says)', () => {
    const distance = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
      for (let j = 1; j <= b.length; j++) d[0][j] = j;
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++)
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      return d[a.length][b.length];
    };
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 5 }), { maxLength: 30 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 5 }),
        (terms, query) => {
          const d = TermDictionary.of(terms);
          const want = terms
            .map((t, i) => [t, i] as const)
            .filter(([t]) => t !== query && distance(t, query) === 1)
            .map(([, i]) => i)
            .sort();
          assert.deepStrictEqual(d.nearby(query).sort(), want);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('updates by merging: terms added and gone', () => {
    const terms = [...words, 'ngat'];
    const next = dictionary.updated(terms, [terms.length - 1], new Set([0]));
    assert.deepStrictEqual([...next.keys()], [...TermDictionary.of(terms.slice(1)).keys()]);
    assert.strictEqual(next.get('ngat'), terms.length - 1);
    assert.strictEqual(next.get('nga'), undefined);
  });
});

describe('search: the cached index loaded in place', () => {
  it('answers the same whether its bytes are copied, adopted, or adopted at an odd offset', () => {
    const text = '<<<FILE>>> a\nNga và Lavrov\n<<<FILE>>> b\nHà Nội, bão lũ\n';
    const built = buildTermIndex(text, parseDump(text));
    const bytes = serializeTermIndex(built);
    const odd = new Uint8Array(bytes.length + 1).subarray(1);
    odd.set(bytes);
    for (const loaded of [
      deserializeTermIndex(bytes),
      deserializeTermIndex(bytes.slice(), { adopt: true }),
      deserializeTermIndex(odd, { adopt: true }),
    ]) {
      assert.ok(loaded);
      assert.deepStrictEqual(answers(text, loaded), answers(text, built));
    }
    const adopted = bytes.slice();
    const view = deserializeTermIndex(adopted, { adopt: true })!;
    assert.strictEqual(view.docs.buffer, adopted.buffer, 'no copy');
  });
});
