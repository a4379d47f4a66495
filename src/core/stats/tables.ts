import type { Collocates } from './collocates';
import type { Cell } from './csv';
import type { DispersionPlot } from './dispersion';
import type { FrequencyList } from './frequency';
import type { Keywords } from './keywords';
import type { RisingFalling, Trend } from './trends';

/** Each statistic as a table: column names and rows of plain cells, for CSV, JSON and the panel alike. */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

export function frequencyTable(list: FrequencyList, spell: (term: string) => string): Table {
  return {
    columns: ['rank', 'word', 'folded', 'freq', 'per_million', 'range', 'dp'],
    rows: list.rows.map((r, i) => [i + 1, spell(r.term), r.term, r.freq, round(r.perMillion, 2), r.range, round(r.dp)]),
  };
}

export function collocateTable(c: Collocates, spell: (term: string) => string): Table {
  return {
    columns: ['rank', 'collocate', 'folded', 'observed', 'expected', 'freq', 'logdice', 'mi', 'll', 't'],
    rows: c.rows.map((r, i) => [
      i + 1,
      spell(r.term),
      r.term,
      r.observed,
      round(r.expected),
      r.freq,
      round(r.logDice),
      round(r.mi),
      round(r.ll),
      round(r.t),
    ]),
  };
}

export function keywordTable(k: Keywords, spell: (term: string) => string): Table {
  const row = (r: Keywords['positive'][number], i: number) => [
    r.positive ? 'positive' : 'negative',
    i + 1,
    spell(r.term),
    r.term,
    r.focus,
    r.reference,
    round(r.focusPerMillion, 2),
    round(r.referencePerMillion, 2),
    round(r.ll),
    round(r.logRatio),
    round(r.simpleMaths),
  ];
  return {
    columns: [
      'kind',
      'rank',
      'word',
      'folded',
      'focus',
      'reference',
      'focus_per_million',
      'reference_per_million',
      'll',
      'log_ratio',
      'simple_maths',
    ],
    rows: [...k.positive.map(row), ...k.negative.map(row)],
  };
}

export function trendTable(series: readonly { query: string; trend: Trend }[]): Table {
  return {
    columns: ['query', 'period', 'hits', 'per_million', 'matched_articles', 'articles', 'tokens'],
    rows: series.flatMap(({ query, trend }) =>
      trend.points.map((p) => [
        query,
        p.period,
        p.hits,
        round(p.perMillion, 2),
        p.matchedArticles,
        p.articles,
        p.tokens,
      ]),
    ),
  };
}

export function changingTable(rf: RisingFalling, spell: (term: string) => string): Table {
  const row = (kind: string) => (r: RisingFalling['rising'][number], i: number) => [
    kind,
    i + 1,
    spell(r.term),
    r.term,
    r.freq,
    round(r.slope, 2),
    r.perMillion.map((x) => round(x, 1)).join(' '),
  ];
  return {
    columns: ['kind', 'rank', 'word', 'folded', 'freq', 'slope_per_million', 'per_million_by_period'],
    rows: [...rf.rising.map(row('rising')), ...rf.falling.map(row('falling'))],
  };
}

export function dispersionTable(plot: DispersionPlot, nameOf: (index: number) => string): Table {
  const dateOf = new Map(plot.articles.map((a) => [a.index, a.date]));
  return {
    columns: ['x', 'article', 'name', 'date', 'word_position'],
    rows: plot.hits.map((h) => [round(h.x, 6), h.article, nameOf(h.article), dateOf.get(h.article) ?? '', h.position]),
  };
}
