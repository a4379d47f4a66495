import * as assert from 'node:assert';
import fc from 'fast-check';
import { readDumpBytes } from '../../src/core/dump/decode';
import { readPart, splitPoints } from '../../src/core/dump/parts';
import { writeDump } from '../../src/core/dump/writer';
import { bigramList } from '../../src/core/stats/bigrams';
import { statsCorpus } from '../../src/core/stats/corpus';
import { frequencyList } from '../../src/core/stats/frequency';
import { runStats, type StatsReply, type StatsRequest } from '../../src/core/stats/request';
import { articleRange } from '../../src/core/stats/articleRange';
import { finishStats, partialStats, type StatsPartial, splitsByArticle } from '../../src/core/stats/articleShares';
import { mergeShares } from '../../src/core/stats/shares';
import { corpusPart, joinParts } from '../../src/core/stats/streamParts';
import { selectArticles } from '../../src/core/stats/subset';
import { isBreak } from '../../src/core/stats/tokenStream';

// A dump split across workers is counted whole: each part's words read apart, then joined. Every
// statistic of the joined parts must equal the whole dump's, on any dump and any cut.
const WORDS = [
  'do',
  'Độ',
  'đó',
  'Ấn',
  'bão',
  'Lũ',
  'lũ',
  'Nga',
  'hợp',
  'tác',
  'và',
  'của',
  'kinh',
  'tế',
  '3',
  'Việt',
  'Nam',
  'năm',
];
const GAPS = [' ', ' ', ' ', ', ', '. ', '! ', '.', '\n', ' "', '". '];

const article = fc.record({
  words: fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { maxLength: 40 }),
  month: fc.integer({ min: 1, max: 6 }),
  dated: fc.boolean(),
  source: fc.constantFrom('Ngày Nay', 'Tin Tức', ''),
  nfd: fc.boolean(),
});

const requests: StatsRequest[] = [
  { stat: 'words' },
  { stat: 'words', stopWords: 'none', limit: 7 },
  { stat: 'words', n: 2 },
  { stat: 'words', n: 3, stopWords: 'none' },
  { stat: 'words', n: 4, stopWords: ['do', 'và'] },
  { stat: 'collocates', query: 'do', minFreq: 1 },
  { stat: 'collocates', query: '"kinh tế"', minFreq: 1, left: 2, right: 1, sortBy: 'll' },
  { stat: 'keywords', subset: { from: '2022-02', to: '2022-03' }, minFreq: 1 },
  { stat: 'keywords', subset: { source: 'ngay nay' }, reference: { query: 'nga' }, minFreq: 1 },
  { stat: 'collocates', query: 'nga -bão', minFreq: 1, sortBy: 'mi', stopWords: 'none', subset: { query: 'lũ' } },
  { stat: 'trends', queries: ['nga', '"ấn độ"', 'ha*'], by: 'month' },
  {
    stat: 'trends',
    queries: ['"bão lũ" title:tin', 'lũ source:ngay', 'tin'],
    by: 'week',
    subset: { source: 'tin tuc' },
  },
  { stat: 'rising', by: 'month', minPeriodTokens: 1, minFreq: 1 },
  { stat: 'dispersion', query: 'bão' },
  { stat: 'dispersion', query: '"kinh tế" năm', subset: { from: '2022-02' } },
  { stat: 'keywords', subset: { query: 'việt' }, stopWords: 'none', sortBy: 'logRatio', minFreq: 1 },
  { stat: 'words', subset: { query: 'lũ -nga' } },
];

describe('statistics of a dump split in parts equal the whole dump’s (streamParts)', function () {
  this.timeout(60000);
  it('joins parts read apart into the whole dump’s words, and every statistic agrees', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 12 }), fc.integer({ min: 2, max: 4 }), (list, count) => {
        const text = writeDump(
          list.map((a, i) => {
            const body = a.words.map(([w, g]) => w + g).join('');
            const dated = a.dated ? `date 2022-0${a.month}-1${i % 9} ` : '';
            const t = `${dated}Tin ${i}\n\n${body}`;
            return {
              name: `a${i}.txt`,
              text: a.nfd ? t.normalize('NFD') : t,
              headers: a.source ? { source: a.source } : undefined,
            };
          }),
        );
        const bytes = Buffer.from(text);
        const cuts = [0, ...splitPoints((s, l) => bytes.subarray(s, s + l), bytes.length, count), bytes.length];
        const parts = cuts.slice(0, -1).map((at, i) => {
          const read = readPart(bytes.subarray(at, cuts[i + 1]), i === cuts.length - 2);
          return corpusPart(statsCorpus(read.text, read.dump));
        });
        const joined = joinParts(parts);
        const read = readDumpBytes(bytes);
        const whole = statsCorpus(read.text, read.dump);
        assert.deepStrictEqual(joined.stream, whole.stream);
        for (const request of requests) {
          const expected = runStats(whole, request);
          assert.deepStrictEqual(runStats(joined, request), expected);
          // A word or n-gram list in shares (one a worker) merges into the whole list.
          // Collocates, keywords, trends and dispersion counted by article in shares (one a worker), added up.
          if (splitsByArticle(request))
            for (const count of [2, 3]) {
              const partials: StatsPartial[] = [];
              for (let index = 0; index < count; index++)
                partials.push(partialStats(joined, request, articleRange(joined.stream.starts, { index, of: count })));
              assert.deepStrictEqual(finishStats(joined, request, partials), expected, `${request.stat} in ${count}`);
            }
          if (request.stat === 'words')
            for (const count of [2, 3]) {
              const lists: StatsReply[] = [];
              for (let index = 0; index < count; index++) lists.push(runStats(joined, request, { index, of: count }));
              assert.deepStrictEqual(mergeShares(request, lists), expected, `${count} shares`);
            }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('2-grams without a hash table (bigrams.ts)', function () {
  this.timeout(60000);
  it('count, range and DP as a plain count of neighbouring pairs says, in one chunk or many', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 10 }), (list) => {
        const text = writeDump(list.map((a, i) => ({ name: `a${i}`, text: a.words.map(([w, g]) => w + g).join('') })));
        const corpus = statsCorpus(text, readDumpBytes(Buffer.from(text)).dump);
        const docs = selectArticles(corpus);
        const { ids, breaks, starts, terms } = corpus.stream;
        // The plain way: a map of "a b" to its count and articles.
        const plain = new Map<string, { freq: number; docs: Set<number> }>();
        for (const d of docs)
          for (let i = starts[d]; i + 1 < starts[d + 1]; i++) {
            if (isBreak(breaks, i + 1)) continue;
            const key = `${terms[ids[i]]} ${terms[ids[i + 1]]}`;
            const e = plain.get(key) ?? { freq: 0, docs: new Set<number>() };
            e.freq++;
            e.docs.add(d);
            plain.set(key, e);
          }
        const list1 = frequencyList(corpus, docs, { n: 2 });
        assert.deepStrictEqual(
          new Map(list1.rows.map((r) => [r.term, [r.freq, r.range]])),
          new Map([...plain].map(([k, e]) => [k, [e.freq, e.docs.size]])),
        );
        const chunked = bigramList(
          corpus,
          docs,
          new Uint8Array(corpus.stream.formText.length),
          1,
          undefined,
          undefined,
          2,
        );
        assert.deepStrictEqual(chunked, list1);
        const top = frequencyList(corpus, docs, { n: 2, limit: 3 });
        assert.deepStrictEqual(top.rows, list1.rows.slice(0, 3));
      }),
      { numRuns: 80 },
    );
  });
});
