import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDump } from '../src/core/dump/reader';
import { SearchEngine } from '../src/core/search/engine';
import { parseQuery } from '../src/core/search/query';
import { terms } from '../src/core/text/tokenize';
import { repoRoot } from '../test/support/paths';

/*
 * Ranking quality for unquoted two-syllable words on ../shared/corpus/news-dev.dump. The queries come
 * from the corpus by a fixed rule: adjacent syllable pairs (letters only, neither syllable a single
 * letter) by the number of articles holding them side by side, keeping those that also stand scattered
 * (both syllables, never adjacent) in at least SCATTERED_MIN other articles, the top QUERIES of them.
 * They alternate by rank into two halves, so a change tuned on one half is checked on the other.
 * Figure: the share of the top 10 hits whose text has the two syllables side by side.
 */
const QUERIES = 40;
const SCATTERED_MIN = 20;
const TOP = 10;

const dumpPath = path.join(repoRoot, '..', 'shared', 'corpus', 'news-dev.dump');
if (!fs.existsSync(dumpPath)) {
  console.log(`Ranking quality: ${dumpPath} not found, skipped`);
} else {
  const text = fs.readFileSync(dumpPath, 'utf8');
  const dump = parseDump(text);
  const articleTerms = dump.articles.map((a) => terms(text.slice(a.textStartOffset, a.textEndOffset)));
  const adjacentIn = new Map<string, number>();
  const pairsOf = articleTerms.map((words) => {
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`);
    return pairs;
  });
  const syllable = /^\p{L}{2,}$/u;
  for (const pairs of pairsOf)
    for (const pair of pairs) {
      const [a, b] = pair.split(' ');
      if (a !== b && syllable.test(a) && syllable.test(b)) adjacentIn.set(pair, (adjacentIn.get(pair) ?? 0) + 1);
    }
  const wordSets = articleTerms.map((words) => new Set(words));
  const scattered = (pair: string) => {
    const [a, b] = pair.split(' ');
    let n = 0;
    for (let d = 0; d < wordSets.length; d++)
      if (wordSets[d].has(a) && wordSets[d].has(b) && !pairsOf[d].has(pair)) n++;
    return n;
  };
  const ranked = [...adjacentIn].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const chosen: { pair: string; adjacent: number; scattered: number }[] = [];
  for (const [pair, adjacent] of ranked) {
    if (chosen.length >= QUERIES) break;
    const s = scattered(pair);
    if (s >= SCATTERED_MIN) chosen.push({ pair, adjacent, scattered: s });
  }

  const engine = new SearchEngine();
  engine.set('news-dev', text, dump);
  const shareAdjacent = (pair: string) => {
    const parsed = parseQuery(pair);
    if (!parsed.ok) return 0;
    const hits = engine.query(parsed.query, TOP);
    if (!hits.length) return 0;
    return hits.filter((h) => pairsOf[h.article.index].has(pair)).length / hits.length;
  };
  const halves = [
    { name: 'half A (ranks 1, 3, 5 …)', rows: chosen.filter((_, i) => i % 2 === 0) },
    { name: 'half B (ranks 2, 4, 6 …)', rows: chosen.filter((_, i) => i % 2 === 1) },
  ];
  console.log(
    `Ranking quality on news-dev.dump (${dump.articles.length} articles): top ${TOP} hits with the syllables adjacent,` +
      ` for the ${chosen.length} most frequent two-syllable words also scattered in ≥ ${SCATTERED_MIN} articles\n`,
  );
  console.log('| queries | average | minimum | lowest query |');
  console.log('|---|---|---|---|');
  for (const { name, rows } of halves) {
    const shares = rows.map((r) => ({ pair: r.pair, share: shareAdjacent(r.pair) }));
    const average = shares.reduce((s, x) => s + x.share, 0) / Math.max(1, shares.length);
    const lowest = shares.reduce((m, x) => (x.share < m.share ? x : m), shares[0] ?? { pair: '-', share: 0 });
    console.log(
      `| ${name}: ${rows.map((r) => r.pair).join(', ')} | ${average.toFixed(3)} | ${lowest.share.toFixed(2)} | ${lowest.pair} |`,
    );
  }
}
