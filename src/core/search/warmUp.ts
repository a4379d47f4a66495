import { parseQuery, type SearchQuery } from './query';
import type { TermIndex } from './termIndex';

/**
 * Queries of every kind the search answers (two words, a prefix, a near spelling, two phrases, a
 * date filter, an excluded word), made from an index's own terms. Run once when a dump is
 * indexed, they make the engine compile each query path then, so a person's first query of a
 * kind does not pay for it (a first two-word query cost 3–10× a second one: its pair scoring
 * still interpreted). Their results are thrown away.
 */
export function warmUpQueries(index: TermIndex): SearchQuery[] {
  const df = (id: number) => index.offsets[id + 1] - index.offsets[id];
  // Two plain words of middling frequency (in a small dump, any two): enough candidates to run each loop, few enough to be quick.
  const low = Math.max(1, index.articleCount >> 6);
  const high = Math.max(1, index.articleCount >> 2);
  const plain: string[] = [];
  const middling: string[] = [];
  for (let id = 0; id < index.terms.length && middling.length < 2; id++) {
    const term = index.terms[id];
    if (!df(id) || !/^[a-z]{4,12}$/.test(term)) continue;
    if (plain.length < 2) plain.push(term);
    if (df(id) >= low && df(id) <= high) middling.push(term);
  }
  const words = middling.length === 2 ? middling : plain;
  if (words.length < 2) return [];
  const [a, b] = words;
  // And a phrase of the two most frequent words: most articles hold both, so the in-row check runs
  // over most of the index and is compiled here, not on a person's first phrase of common words (its
  // first run took 46–69 ms of each worker's CPU against 4–13 ms later; README, the query mix's slowest runs).
  let first = -1;
  let second = -1;
  for (let id = 0; id < index.terms.length; id++) {
    // The count first: the pattern is tested only on a word that would rank.
    if (!df(id) || (second >= 0 && df(id) <= df(second)) || !/^[a-z]{2,12}$/.test(index.terms[id])) continue;
    if (first < 0 || df(id) > df(first)) {
      second = first;
      first = id;
    } else if (second < 0 || df(id) > df(second)) second = id;
  }
  const typo = `${a.slice(0, 2)}q${a.slice(3)}`;
  const texts = [
    `${a} ${b}`,
    `${a.slice(0, 3)}*`,
    a.length >= 5 ? typo : `${typo}q`,
    `"${a} ${b}"`,
    ...(second >= 0 ? [`"${index.terms[first]} ${index.terms[second]}"`] : []),
    `${a} date:2000..2030`,
    `${a} -${b}`,
  ];
  return texts.flatMap((t) => {
    const parsed = parseQuery(t);
    return parsed.ok ? [parsed.query] : [];
  });
}
