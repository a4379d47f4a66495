// Ranking of unquoted two-syllable words on real news (../shared/corpus/news-dev.dump): for the corpus's most
// frequent two-syllable words that also occur scattered, the share of the top 10 hits where the two syllables stand
// together. Candidates are chosen by the rule below, from the corpus alone; every other one is held out as an unseen set.
import * as fs from 'node:fs';
import { parseDump } from '../src/core/dump/reader';
import { SearchEngine } from '../src/core/search/engine';
import { parseQuery } from '../src/core/search/query';
import { tokenize } from '../src/core/text/tokenize';
import { newsDevPath } from './goldTool';

/** At least this many articles with the pair adjacent (so a full top 10 is possible) and this many with it only scattered. */
const MIN_ADJACENT = 20;
const MIN_SCATTERED = 10;
/** A word, not two frequent syllables side by side: the pair occurs ≥ 16× as often as chance (4 bits of PMI). */
const MIN_ASSOCIATION = 16;
const CANDIDATES = 40;

export interface AdjacencyResult {
  readonly set: 'dev' | 'held-out';
  readonly query: string;
  readonly share: number;
}

export function runAdjacency(): { dev: AdjacencyResult[]; heldOut: AdjacencyResult[] } | undefined {
  if (!fs.existsSync(newsDevPath)) {
    console.log(`ranking: ${newsDevPath} not found, skipped`);
    return undefined;
  }
  const text = fs.readFileSync(newsDevPath, 'utf8');
  const dump = parseDump(text);
  const unigram = new Map<string, number>();
  const bigram = new Map<string, number>();
  const adjacentDocs = new Map<string, number>();
  const docTerms: Set<string>[] = [];
  const docPairs: Set<string>[] = [];
  let tokens = 0;
  for (const article of dump.articles) {
    const words = tokenize(text, article.textStartOffset, article.textEndOffset).map((t) => t.term);
    const pairs = new Set<string>();
    words.forEach((w, i) => {
      unigram.set(w, (unigram.get(w) ?? 0) + 1);
      tokens++;
      const next = words[i + 1];
      if (next === undefined || next === w || !/^\p{L}+$/u.test(w) || !/^\p{L}+$/u.test(next)) return;
      const pair = `${w} ${next}`;
      bigram.set(pair, (bigram.get(pair) ?? 0) + 1);
      pairs.add(pair);
    });
    for (const pair of pairs) adjacentDocs.set(pair, (adjacentDocs.get(pair) ?? 0) + 1);
    docTerms.push(new Set(words));
    docPairs.push(pairs);
  }
  const candidates = [...adjacentDocs]
    .filter(([pair, df]) => {
      if (df < MIN_ADJACENT) return false;
      const [a, b] = pair.split(' ');
      const association = ((bigram.get(pair) ?? 0) * tokens) / ((unigram.get(a) ?? 1) * (unigram.get(b) ?? 1));
      if (association < MIN_ASSOCIATION) return false;
      let scattered = 0;
      docTerms.forEach((t, d) => {
        if (t.has(a) && t.has(b) && !docPairs[d].has(pair)) scattered++;
      });
      return scattered >= MIN_SCATTERED;
    })
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, CANDIDATES)
    .map(([pair]) => pair);

  const engine = new SearchEngine();
  engine.set('news-dev', text, dump);
  const docOf = new Map(dump.articles.map((a, i) => [a, i]));
  const results = candidates.map((query, rank): AdjacencyResult => {
    const parsed = parseQuery(query);
    if (!parsed.ok) throw new Error(parsed.error);
    const hits = engine.query(parsed.query, 10);
    const adjacent = hits.filter((h) => docPairs[docOf.get(h.article) ?? -1]?.has(query)).length;
    return { set: rank % 2 ? 'held-out' : 'dev', query, share: hits.length ? adjacent / hits.length : 0 };
  });
  const dev = results.filter((r) => r.set === 'dev');
  const heldOut = results.filter((r) => r.set === 'held-out');
  const line = (name: string, rs: AdjacencyResult[]) => {
    const mean = rs.reduce((s, r) => s + r.share, 0) / (rs.length || 1);
    const worst = rs.reduce((m, r) => (r.share < m.share ? r : m), rs[0]);
    console.log(
      `${name}: ${rs.length} words, mean ${mean.toFixed(3)}, lowest ${worst?.share.toFixed(2)} (${worst?.query})`,
    );
  };
  console.log(
    `ranking on news-dev (${dump.articles.length} articles): share of the top 10 with the two syllables adjacent`,
  );
  line('  dev', dev);
  line('  held-out', heldOut);
  console.log(`  ${results.map((r) => `${r.query} ${r.share.toFixed(1)}`).join(', ')}`);
  return { dev, heldOut };
}

if (require.main === module) runAdjacency();
