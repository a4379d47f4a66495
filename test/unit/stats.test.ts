import { isBreak } from '../../src/core/stats/tokenStream';
import * as assert from 'node:assert';
import { parseDump } from '../../src/core/dump/reader';
import { parseQuery } from '../../src/core/search/query';
import { collocates } from '../../src/core/stats/collocates';
import { type StatsCorpus, statsCorpus } from '../../src/core/stats/corpus';
import { dispersion, evenlySpread } from '../../src/core/stats/dispersion';
import { frequencyList } from '../../src/core/stats/frequency';
import { keywordsAcrossDumps, wordCountsRequest } from '../../src/core/stats/crossDump';
import { keywords } from '../../src/core/stats/keywords';
import { runStats } from '../../src/core/stats/request';
import { periodOf, periodRange } from '../../src/core/stats/periods';
import { queryHits } from '../../src/core/stats/queryHits';
import { spellingsOf } from '../../src/core/stats/spellings';
import { stopWordSet, VIETNAMESE_STOP_WORDS } from '../../src/core/stats/stopWords';
import { selectArticles, SubsetError } from '../../src/core/stats/subset';
import { risingFalling, trend } from '../../src/core/stats/trends';
import { STATS_FIXTURE } from '../support/statsFixture';

// The hand-worked fixture: see test/support/statsFixture.ts.
const TEXT = STATS_FIXTURE;

const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual} ≠ ${expected}`);
const hitsOf = (c: StatsCorpus, q: string) => {
  const p = parseQuery(q);
  assert.ok(p.ok);
  return queryHits(c, p.query);
};

describe('corpus statistics (src/core/stats)', () => {
  const corpus = statsCorpus(TEXT, parseDump(TEXT));
  const all = selectArticles(corpus);

  it('reads each article’s words, written forms and sentence breaks from the text', () => {
    const { stream } = corpus;
    assert.deepStrictEqual([...stream.starts], [0, 9, 17, 21]);
    assert.strictEqual(
      [...stream.ids].map((i) => stream.terms[i]).join(' '),
      'hop tac kinh te hop tac va phat trien kinh te nga hop tac voi an do nga va an do',
    );
    assert.strictEqual(stream.formText[stream.forms[0]], 'Hợp');
    assert.strictEqual(stream.formText[stream.forms[19]], 'Ấn');
    // Each article's first word, and `Hợp` after `tế. `.
    assert.deepStrictEqual(
      [...stream.ids].flatMap((_, i) => (isBreak(stream.breaks, i) ? [i] : [])),
      [0, 4, 9, 17],
    );
    // The first line is each article's title here: c's title words are its words.
    assert.deepStrictEqual(
      [...stream.titleIds.subarray(stream.titleStarts[2], stream.titleStarts[3])].map((i) => stream.terms[i]),
      ['nga', 'va', 'an', 'do'],
    );
  });

  it('word list: frequency, per million, range and Gries’ DP worked by hand', () => {
    const list = frequencyList(corpus, all);
    assert.strictEqual(list.tokens, 21);
    assert.strictEqual(
      list.rows.reduce((s, r) => s + r.freq, 0),
      21,
    );
    const hop = list.rows.find((r) => r.term === 'hop')!;
    assert.deepStrictEqual([hop.freq, hop.range], [3, 2]);
    close(hop.perMillion, (3 / 21) * 1e6, 'per million');
    // s = 9/21, 8/21, 4/21; v = 2/3, 1/3, 0: ½(5/21 + 1/21 + 4/21) = 5/21.
    close(hop.dp, 5 / 21, 'DP of hop');
    // phát only in a: ½(12/21 + 8/21 + 4/21) = 12/21.
    close(list.rows.find((r) => r.term === 'phat')!.dp, 12 / 21, 'DP of phat');
  });

  it('n-grams stay in their article and sentence, and drop those that start or end with a stop word', () => {
    const bigrams = frequencyList(corpus, all, { n: 2 });
    // a: (hop tac, tac kinh, kinh te) + (hop tac, tac va, va phat, phat trien) = 7, b: 7, c: 3.
    assert.strictEqual(
      bigrams.rows.reduce((s, r) => s + r.freq, 0),
      17,
    );
    assert.deepStrictEqual(
      bigrams.rows.slice(0, 3).map((r) => [r.term, r.freq, r.range]),
      [
        ['hop tac', 3, 2],
        ['an do', 2, 2],
        ['kinh te', 2, 2],
      ],
    );
    assert.ok(!bigrams.rows.some((r) => r.term === 'trien kinh'), 'no bigram across articles');
    assert.ok(!bigrams.rows.some((r) => r.term === 'te hop'), 'no bigram across `tế. Hợp`');
    const stopped = frequencyList(corpus, all, { n: 2, stopWords: stopWordSet(['và', 'với']) });
    assert.ok(!stopped.rows.some((r) => r.term === 'tac va' || r.term === 'va an'));
    assert.ok(stopped.rows.some((r) => r.term === 'phat trien'));
    const fourgrams = frequencyList(corpus, all, { n: 4 });
    assert.strictEqual(fourgrams.rows.find((r) => r.term === 'nga va an do')?.freq, 1);
    // a's 4-grams: hop tac kinh te, then hop tac va phat, tac va phat trien (none across the break).
    assert.strictEqual(
      fourgrams.rows.reduce((s, r) => s + r.freq, 0),
      3 + 5 + 1,
    );
    assert.ok(!fourgrams.rows.some((r) => r.term === 'kinh te hop tac'), 'not across `tế. Hợp`');
  });

  it('a sentence break ends n-grams and collocate windows: `bão. Lũ` is no pair', () => {
    const text = '<<<FILE>>> x\n date 2022-01-01 Mưa bão. Lũ lên! Bão lũ?\nLũ bão 3.5 mét.\n';
    const c = statsCorpus(text, parseDump(text));
    const docs = selectArticles(c);
    const bigrams = frequencyList(c, docs, { n: 2 });
    // Sentences: mưa bão | lũ lên | bão lũ | lũ bão 3 5 mét (3.5 is no break): 1 + 1 + 1 + 4.
    assert.deepStrictEqual(
      bigrams.rows.map((r) => [r.term, r.freq]),
      [
        ['3 5', 1],
        ['5 met', 1],
        ['bao 3', 1],
        ['bao lu', 1],
        ['lu bao', 1],
        ['lu len', 1],
        ['mua bao', 1],
      ],
    );
    // lũ at 2, 5 and 6; windows 1/1 inside sentences: (lên), (bão), (bão): lên 1, bão 2, mưa 0.
    const col = collocates(c, docs, hitsOf(c, 'lu'), { left: 1, right: 1, minFreq: 1 });
    assert.deepStrictEqual(col.rows.map((r) => [r.term, r.observed]).sort(), [
      ['bao', 2],
      ['len', 1],
    ]);
    assert.strictEqual(col.windowTokens, 3);
  });

  it('stop words compare with tone marks: `do` removes itself, not `Độ` of Ấn Độ', () => {
    const text = '<<<FILE>>> x\n date 2022-01-01 Lũ do bão ở Ấn Độ, do đó Độ đi.\n';
    const c = statsCorpus(text, parseDump(text));
    const docs = selectArticles(c);
    const stop = stopWordSet(['do', 'đó', 'ở']);
    const words = frequencyList(c, docs, { stopWords: stop });
    // Folded `do` groups do, Độ, do, đó, Độ: the stop words take do, do and đó; both Độ stay.
    assert.strictEqual(words.rows.find((r) => r.term === 'do')?.freq, 2);
    assert.strictEqual(spellingsOf(c, docs, ['do'], undefined, stop).get('do'), 'Độ');
    const bigrams = frequencyList(c, docs, { n: 2, stopWords: stop });
    // Lũ do | do bão | bão ở | ở Ấn | Ấn Độ ✓ | Độ do | do đó | đó Độ | Độ đi ✓.
    assert.deepStrictEqual(bigrams.rows.map((r) => r.term).sort(), ['an do', 'do di']);
    const all = frequencyList(c, docs, { stopWords: stopWordSet('') });
    assert.strictEqual(all.rows.find((r) => r.term === 'do')!.freq, 5);
    // The shipped list stops `do` but not `Độ`.
    assert.strictEqual(frequencyList(c, docs, { stopWords: stopWordSet() }).rows.find((r) => r.term === 'do')?.freq, 2);
  });

  it('shows the most frequent spelling of a tone-insensitive group', () => {
    const spell = spellingsOf(corpus, all, ['hop', 'an', 'do', 'an do', 'hop tac']);
    assert.strictEqual(spell.get('hop'), 'Hợp');
    assert.strictEqual(spell.get('an do'), 'Ấn Độ');
    assert.strictEqual(spell.get('hop tac'), 'Hợp tác');
    assert.strictEqual(spell.get('an'), 'Ấn');
    assert.strictEqual(spell.get('do'), 'Độ');
  });

  it('ships a Vietnamese stop-word list, compared with tone marks', () => {
    const set = stopWordSet();
    assert.ok(VIETNAMESE_STOP_WORDS.length > 200);
    assert.ok(set.has('của') && set.has('những') && set.has('được') && set.has('ngay'));
    assert.ok(!set.has('cua') && !set.has('ngày'));
    for (const w of ['bộ', 'người', 'ngày', 'số', 'bản', 'đi', 'thấy', 'độ']) assert.ok(!set.has(w), w);
    assert.ok(stopWordSet(['Của', 'NHỮNG']).has('những'), 'lower-case');
    assert.ok(stopWordSet(['của'.normalize('NFD')]).has('của'), 'NFC');
    assert.strictEqual(stopWordSet('').size, 0);
  });

  it('subsets: query, dates, source, article list', () => {
    assert.deepStrictEqual([...selectArticles(corpus, { query: 'nga' })], [1, 2]);
    assert.deepStrictEqual([...selectArticles(corpus, { query: '"an do" -voi' })], [2]);
    assert.deepStrictEqual([...selectArticles(corpus, { from: '2022-02', to: '2022-03' })], [1, 2]);
    assert.deepStrictEqual([...selectArticles(corpus, { source: 'ngay nay' })], [1]);
    assert.deepStrictEqual([...selectArticles(corpus, { articles: [0, 2], query: 'va' })], [0, 2]);
    assert.throws(() => selectArticles(corpus, { from: 'soon' }), SubsetError);
    assert.throws(() => selectArticles(corpus, { query: '"open' }), SubsetError);
  });

  it('collocates: observed, expected, logDice, MI, t-score and log-likelihood worked by hand', () => {
    // nga at b:2 and c:0; window 2/2 → b: kinh te hop tac, c: va an (6 positions).
    const result = collocates(corpus, all, hitsOf(corpus, 'nga'), { left: 2, right: 2, minFreq: 1 });
    assert.strictEqual(result.nodeFreq, 2);
    assert.strictEqual(result.windowTokens, 6);
    const hop = result.rows.find((r) => r.term === 'hop')!;
    assert.strictEqual(hop.observed, 1);
    close(hop.expected, (2 * 3 * 4) / 21, 'E = f(n) f(c) W / N');
    close(hop.logDice, 14 + Math.log2(2 / 5), 'logDice');
    close(hop.mi, Math.log2(21 / 24), 'MI');
    close(hop.t, (1 - 24 / 21) / 1, 't');
    // Table: 1, 8−1, 3−1, 21−8−3+1.
    close(hop.ll, 0.034164217814171116, 'G²');
    assert.ok(!result.rows.some((r) => r.term === 'nga'), 'the node is not its own collocate');
    assert.ok(!result.rows.some((r) => r.term === 'phat'), 'outside the window');
  });

  it('keywords: log-likelihood, log ratio and simple maths worked by hand', () => {
    const kw = keywords({ corpus, docs: Uint32Array.of(0) }, { corpus, docs: Uint32Array.of(1, 2) }, { minFreq: 1 });
    assert.deepStrictEqual([kw.focusTokens, kw.referenceTokens], [9, 12]);
    const hop = kw.positive.find((r) => r.term === 'hop')!;
    // a=2, b=1, c=9, d=12: E1 = 9/7, E2 = 12/7.
    close(hop.ll, 2 * (2 * Math.log(2 / (9 / 7)) + Math.log(1 / (12 / 7))), 'LL');
    close(hop.logRatio, Math.log2(2 / 9 / (1 / 12)), 'log ratio');
    close(hop.simpleMaths, ((2 / 9) * 1e6 + 1) / ((1 / 12) * 1e6 + 1), 'simple maths');
    const nga = kw.negative.find((r) => r.term === 'nga')!;
    close(nga.ll, 4 * Math.log(1.75), 'LL with a zero');
    close(nga.logRatio, Math.log2(0.5 / 9 / (2 / 12)), 'log ratio with 0 → 0.5');
    assert.ok(!kw.positive.some((r) => r.term === 'nga'));
  });

  it('trends per month and week, summing to the query’s hits', () => {
    const hop = hitsOf(corpus, 'hop');
    const byMonth = trend(corpus, all, hop, 'month');
    assert.deepStrictEqual(
      byMonth.points.map((p) => [p.period, p.hits, p.tokens, p.matchedArticles, p.articles]),
      [
        ['2022-01', 2, 9, 1, 1],
        ['2022-02', 1, 8, 1, 1],
        ['2022-03', 0, 4, 0, 1],
      ],
    );
    close(byMonth.points[1].perMillion, 125000, 'per million of the period');
    assert.strictEqual(byMonth.total, 3);
    assert.strictEqual(byMonth.unplaced, 0);
    const byWeek = trend(corpus, all, hop, 'week');
    // 2022-01-10 is a Monday of week 2; 2022-03-05 a Saturday of week 9.
    assert.strictEqual(byWeek.points[0].period, '2022-W02');
    assert.strictEqual(byWeek.points.at(-1)!.period, '2022-W09');
    assert.strictEqual(byWeek.points.length, 8);
    assert.strictEqual(
      byWeek.points.reduce((s, p) => s + p.hits, 0),
      3,
    );
  });

  it('periods: ISO weeks across a year end, precision respected', () => {
    const day = (value: string) => {
      const [year, month, d] = value.split('-').map(Number);
      return { value, year, month, day: d, precision: 'day' as const, kind: 'explicit' as const };
    };
    assert.strictEqual(periodOf(day('2021-01-03'), 'week'), '2020-W53');
    assert.strictEqual(periodOf(day('2024-12-30'), 'week'), '2025-W01');
    assert.strictEqual(
      periodOf({ value: '2022', year: 2022, precision: 'year', kind: 'explicit' }, 'month'),
      undefined,
    );
    assert.deepStrictEqual(periodRange(['2022-11', '2023-02'], 'month'), ['2022-11', '2022-12', '2023-01', '2023-02']);
    assert.deepStrictEqual(periodRange(['2022-12-31', '2023-01-02'], 'day'), [
      '2022-12-31',
      '2023-01-01',
      '2023-01-02',
    ]);
  });

  it('rising and falling words: slope over three periods, sparse periods left out', () => {
    const rf = risingFalling(corpus, all, 'month', { minPeriodTokens: 1, minFreq: 1 });
    // nga: 0, 125000, 250000 per million → slope 125000; hop: 222222.2, 125000, 0 → −111111.1.
    close(rf.rising.find((r) => r.term === 'nga')!.slope, 125000, 'nga');
    close(rf.falling.find((r) => r.term === 'hop')!.slope, (-(2 / 9) * 1e6) / 2, 'hop');
    const sparse = risingFalling(corpus, all, 'month', { minPeriodTokens: 5, minFreq: 1 });
    assert.deepStrictEqual(sparse.sparse, [{ period: '2022-03', tokens: 4 }]);
    assert.strictEqual(sparse.tooFewPeriods, true);
  });

  it('dispersion: hits in date order along the word axis', () => {
    const plot = dispersion(corpus, all, hitsOf(corpus, 'nga'));
    assert.strictEqual(plot.tokens, 21);
    assert.deepStrictEqual(
      plot.hits.map((h) => [h.article, h.position]),
      [
        [1, 2],
        [2, 0],
      ],
    );
    close(plot.hits[0].x, 11 / 21, 'x');
    close(plot.hits[1].x, 17 / 21, 'x');
  });

  it('dispersion: a limit keeps that many hits, evenly spread in order, and says so', () => {
    const spread = evenlySpread([...Array(10).keys()], 4);
    assert.deepStrictEqual(spread, [0, 2, 5, 7]);
    assert.deepStrictEqual(evenlySpread([1, 2, 3], 5), [1, 2, 3]);
    assert.deepStrictEqual(evenlySpread([1, 2, 3], 0), []);
    const capped = runStats(corpus, { stat: 'dispersion', query: 'nga', limit: 1 });
    assert.deepStrictEqual(
      capped.table.rows.map((r) => r[1]),
      [1],
    );
    assert.deepStrictEqual(capped.notes, ['1 of 2 hits shown, evenly spread']);
    assert.deepStrictEqual(runStats(corpus, { stat: 'dispersion', query: 'nga', limit: 2 }).notes, []);
  });

  it('phrase hits count once, not as their words', () => {
    const h = hitsOf(corpus, '"an do"');
    assert.deepStrictEqual([...h.docs], [1, 2]);
    assert.deepStrictEqual([...h.lengths], [2, 2]);
  });
});

describe('keywords against another dump (src/core/stats/crossDump)', () => {
  const corpus = statsCorpus(TEXT, parseDump(TEXT));

  it('gives what keywords within one dump give, from the two sides’ word lists', () => {
    // Article a against the whole fixture: once within the dump, once as two dumps' word lists.
    const req = { stat: 'keywords', subset: { query: 'phat' }, reference: {}, minFreq: 1, stopWords: 'none' } as const;
    const within = runStats(corpus, req);
    const across = keywordsAcrossDumps(
      runStats(corpus, wordCountsRequest({ query: 'phat' })),
      runStats(corpus, wordCountsRequest()),
      req,
    );
    assert.deepStrictEqual(across.table, within.table);
    assert.strictEqual(across.articles, 1);
    assert.deepStrictEqual(across.notes, ['reference: 3 articles, 21 words']);
    assert.ok(across.table.rows.some((r) => r[0] === 'positive' && r[3] === 'phat'));
  });

  it('leaves out stop words as the request says', () => {
    const sides = [
      runStats(corpus, wordCountsRequest({ query: 'phat' })),
      runStats(corpus, wordCountsRequest()),
    ] as const;
    const base = { stat: 'keywords', minFreq: 1 } as const;
    const folded = (stopWords: 'none' | readonly string[]) =>
      keywordsAcrossDumps(...sides, { ...base, stopWords }).table.rows.map((r) => r[3]);
    assert.ok(folded('none').includes('va'));
    assert.ok(!folded(['và']).includes('va'));
  });
});
