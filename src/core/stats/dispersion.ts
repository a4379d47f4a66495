import { type StatsCorpus, dateOf } from './corpus';
import type { QueryHits } from './queryHits';

export interface DispersionPlot {
  /** The subset's articles in date order (undated last), each with where it starts in the plot's word axis. */
  readonly articles: { index: number; date?: string; offset: number; length: number }[];
  /** One mark a hit: its article, word position in it, and place on the axis from 0 to 1. */
  readonly hits: { article: number; position: number; x: number }[];
  readonly tokens: number;
}

/** Where a query's hits fall across the subset, articles laid end to end in date order. */
export function dispersion(
  corpus: StatsCorpus,
  docs: Uint32Array,
  hits: QueryHits,
  includeInferred = true,
): DispersionPlot {
  const { starts } = corpus.stream;
  const order = [...docs].map((d) => ({ d, date: dateOf(corpus.articles[d], includeInferred)?.value }));
  order.sort((a, b) =>
    a.date === b.date ? a.d - b.d : a.date === undefined ? 1 : b.date === undefined ? -1 : a.date < b.date ? -1 : 1,
  );
  const offsetOf = new Map<number, number>();
  let total = 0;
  const articles = order.map(({ d, date }) => {
    const length = starts[d + 1] - starts[d];
    offsetOf.set(d, total);
    const a = { index: d, date, offset: total, length };
    total += length;
    return a;
  });
  const marks: DispersionPlot['hits'] = [];
  for (let k = 0; k < hits.docs.length; k++) {
    const at = offsetOf.get(hits.docs[k]);
    if (at === undefined) continue;
    marks.push({ article: hits.docs[k], position: hits.positions[k], x: total ? (at + hits.positions[k]) / total : 0 });
  }
  marks.sort((a, b) => a.x - b.x);
  return { articles, hits: marks, tokens: total };
}

/** At most `limit` of the items, evenly spread (the first, then every n/limit-th), in their order; all without a limit. */
export function evenlySpread<T>(items: T[], limit?: number): T[] {
  if (limit === undefined || !(limit >= 0) || items.length <= limit) return items;
  const out: T[] = [];
  for (let i = 0; i < Math.floor(limit); i++) out.push(items[Math.floor((i * items.length) / Math.floor(limit))]);
  return out;
}
