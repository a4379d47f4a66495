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
