/**
 * The least frequency a row needs to be among the `limit` most frequent, from a histogram of
 * frequencies (frequency → how many rows have it): rows are sorted and cut only past it, so the
 * millions of rare n-grams never become objects. Ties at the cut-off are all kept, then cut.
 */
export function cutoffOf(byFreq: ReadonlyMap<number, number>, minFreq: number, limit: number | undefined): number {
  let cutoff = minFreq;
  if (!limit) return cutoff;
  let seen = 0;
  for (const f of [...byFreq.keys()].sort((x, y) => y - x)) {
    seen += byFreq.get(f)!;
    cutoff = Math.max(minFreq, f);
    if (seen >= limit) break;
  }
  return cutoff;
}

/** Most frequent first, then by term. */
export const byFreqThenTerm = (a: { freq: number; term: string }, b: { freq: number; term: string }) =>
  b.freq - a.freq || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
