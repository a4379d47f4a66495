import * as assert from 'node:assert';
import fc from 'fast-check';
import { readDumpBytes } from '../../src/core/dump/decode';
import { readPart, splitPoints } from '../../src/core/dump/parts';
import { writeDump } from '../../src/core/dump/writer';
import { statsCorpus } from '../../src/core/stats/corpus';
import { runStats, type StatsRequest } from '../../src/core/stats/request';
import { corpusPart, joinParts } from '../../src/core/stats/streamParts';

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
  { stat: 'trends', queries: ['nga', '"ấn độ"', 'ha*'], by: 'month' },
  { stat: 'rising', by: 'month', minPeriodTokens: 1, minFreq: 1 },
  { stat: 'dispersion', query: 'bão' },
  { stat: 'words', subset: { query: 'lũ -nga' } },
];

describe('statistics of a dump split in parts equal the whole dump’s (streamParts)', () => {
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
        for (const request of requests) assert.deepStrictEqual(runStats(joined, request), runStats(whole, request));
      }),
      { numRuns: 60 },
    );
  });
});
