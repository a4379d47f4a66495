import type { StatsReply, StatsRequest } from './request';
import { WORDS_LIMIT } from './request';

/**
 * A word or n-gram list computed in shares (each worker the n-grams of its first words, each row
 * whole: frequencyList's `share`) as the list of the whole: the rows of every share, most frequent
 * first then by folded form (frequencyList's order), cut to the limit and ranked again. Every row
 * of the whole list's top is in its share's top (fewer rows compete there), so nothing is lost.
 */
export function mergeShares(request: StatsRequest & { stat: 'words' }, replies: readonly StatsReply[]): StatsReply {
  const [first] = replies;
  const FREQ = first.table.columns.indexOf('freq');
  const FOLDED = first.table.columns.indexOf('folded');
  const rows = replies.flatMap((r) => r.table.rows);
  rows.sort((a, b) => {
    const fa = Number(a[FREQ]);
    const fb = Number(b[FREQ]);
    const ta = String(a[FOLDED]);
    const tb = String(b[FOLDED]);
    return fb - fa || (ta < tb ? -1 : ta > tb ? 1 : 0);
  });
  return {
    ...first,
    table: {
      columns: first.table.columns,
      rows: rows.slice(0, request.limit ?? WORDS_LIMIT).map((r, i) => [i + 1, ...r.slice(1)]),
    },
  };
}

/** Trends of several queries in `count` requests, each a run of the queries in order (none empty). */
export function splitTrends(
  request: StatsRequest & { stat: 'trends' },
  count: number,
): (StatsRequest & { stat: 'trends' })[] {
  const n = Math.min(count, request.queries.length);
  const size = Math.ceil(request.queries.length / n);
  const out: (StatsRequest & { stat: 'trends' })[] = [];
  for (let i = 0; i < request.queries.length; i += size)
    out.push({ ...request, queries: request.queries.slice(i, i + size) });
  return out;
}

/** The replies of splitTrends' requests, in order, as the reply to all the queries at once. */
export function mergeTrends(replies: readonly StatsReply[]): StatsReply {
  const [first] = replies;
  return {
    ...first,
    table: { columns: first.table.columns, rows: replies.flatMap((r) => r.table.rows) },
    notes: replies.flatMap((r) => r.notes),
  };
}
