import MiniSearch from 'minisearch';
import { dateInRange } from '../src/core/articles/filter';
import { articleText } from '../src/core/dump/articleText';
import type { Article, Dump } from '../src/core/dump/types';
import { excerpt, collapseSpace } from '../src/core/text/excerpt';
import { foldDiacritics } from '../src/core/text/fold';
import { forEachToken, terms } from '../src/core/text/tokenize';
import type { SearchHit } from '../src/core/search/engine';
import type { SearchQuery } from '../src/core/search/query';


interface Source { readonly key: string; readonly text: string; readonly dump: Dump }
interface Doc { id: number; title: string; text: string }

const FUZZY_MIN = 5;

/** The first search index, all minisearch (kept as the benchmark baseline the compact TermIndex is measured against). */
export class CorpusIndex {
  private readonly search = new MiniSearch<Doc>({
    fields: ['title', 'text'],
    tokenize: (s) => terms(s),
    processTerm: (t) => t,
    searchOptions: { tokenize: (s) => terms(s), processTerm: (t) => t },
  });
  private readonly docs: { source: Source; article: Article }[] = [];

  add(key: string, text: string, dump: Dump): void {
    const source = { key, text, dump };
    const batch: Doc[] = [];
    for (const article of dump.articles) {
      const id = this.docs.length;
      this.docs.push({ source, article });
      batch.push({ id, title: article.title, text: articleText(text, article) });
    }
    this.search.addAll(batch);
  }

  private hasTerm(term: string): boolean {
    return this.search.search(term, { prefix: false, fuzzy: false }).length > 0;
  }

  get size(): number {
    return this.docs.length;
  }

  query(q: SearchQuery, limit = 50): SearchHit[] {
    const wanted = [...q.required.map((t) => t.term), ...q.phrases.flat(), ...q.titleTerms];
    const subQueries = [
      ...q.required.map((t) => ({
        queries: [t.term], combineWith: 'AND' as const, prefix: t.prefix,
        // Fuzzy only as a fallback for a word the corpus does not contain: misspellings, not near neighbours.
        fuzzy: !t.prefix && t.term.length >= FUZZY_MIN && !this.hasTerm(t.term) ? 0.2 : false,
      })),
      ...q.phrases.flat().map((term) => ({ queries: [term], combineWith: 'AND' as const })),
      ...q.titleTerms.map((term) => ({ queries: [term], fields: ['title'], combineWith: 'AND' as const })),
    ];
    const results = this.search.search({ queries: subQueries, combineWith: 'AND' }, { boost: { title: 2 } });
    const excludedIds = new Set<number>();
    for (const term of q.excluded) for (const r of this.search.search(term)) excludedIds.add(r.id as number);
    const hits: SearchHit[] = [];
    for (const r of results) {
      if (excludedIds.has(r.id as number)) continue;
      const { source, article } = this.docs[r.id as number];
      if (q.dates && !q.dates.ranges.some((range) => dateInRange(article, range))) continue;
      if (q.source && !foldDiacritics(article.source ?? '').includes(q.source)) continue;
      const match = findMatch(source.text, article, q, new Set([...r.terms, ...wanted]));
      if (!match) continue;
      hits.push({ dumpKey: source.key, article, score: r.score, ...match, ...snippetAround(source.text, article, match.matchStart, match.matchEnd, match.words) });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

/** The exact place in the text: the first phrase occurrence, else the first matched word. */
function findMatch(text: string, article: Article, q: SearchQuery, matched: Set<string>) {
  const tokens: { term: string; start: number; end: number }[] = [];
  forEachToken(text, article.textStartOffset, article.textEndOffset, (term, start, end) => { tokens.push({ term, start, end }); });
  const words: [number, number][] = [];
  let phraseRange: [number, number] | undefined;
  for (const phrase of q.phrases) {
    let found = false;
    for (let i = 0; i + phrase.length <= tokens.length && !found; i++) {
      if (phrase.every((p, k) => tokens[i + k].term === p)) {
        found = true;
        const range: [number, number] = [tokens[i].start, tokens[i + phrase.length - 1].end];
        phraseRange ??= range;
        words.push(range);
      }
    }
    if (!found) return undefined;
  }
  const prefixes = q.required.filter((t) => t.prefix).map((t) => t.term);
  const isMatch = (term: string) => matched.has(term) || prefixes.some((p) => term.startsWith(p));
  for (const t of tokens) if (isMatch(t.term)) words.push([t.start, t.end]);
  if (!words.length) {
    // Only the title matched: point at the article's first line.
    return { matchStart: article.textStartOffset, matchEnd: article.textStartOffset, words };
  }
  words.sort((a, b) => a[0] - b[0]);
  const first = phraseRange ?? words[0];
  return { matchStart: first[0], matchEnd: first[1], words };
}

function snippetAround(text: string, article: Article, start: number, end: number, words: [number, number][]) {
  const ex = excerpt(text, article, start, end, 60, 80);
  // White space collapses in the excerpt, so offsets map through the same collapse.
  const mapOffset = (o: number) => ex.lead.length + collapseSpace(text.slice(ex.from, o)).length;
  const highlights = words.filter(([s, e]) => s >= ex.from && e <= ex.to).map(([s, e]) => [mapOffset(s), mapOffset(e)] as [number, number]);
  return { snippet: ex.text, highlights };
}
