import type { Article } from '../../core/dump/types';
import type { ConcordanceLine, SearchHit } from '../../core/search/engine';

// The Search Results view's data, in plain TypeScript (no vscode at run time): the hits of one query grouped by
// dump (only when the results span more than one) and article, and the order F4 / Shift+F4 walk them in.

export interface ResultHit {
  readonly kind: 'hit';
  readonly id: string;
  readonly parent: ResultArticle;
  /** Offsets of the match in the dump's text. */
  readonly start: number;
  readonly end: number;
  /** 0-based line of the match, when known. */
  readonly line?: number;
  /** The snippet shown, and the matched words' ranges in it. */
  readonly text: string;
  readonly highlights: readonly [number, number][];
}

export interface ResultArticle {
  readonly kind: 'article';
  readonly id: string;
  readonly parent: ResultDump;
  readonly dumpKey: string;
  readonly article: Article;
  readonly hits: ResultHit[];
}

export interface ResultDump {
  readonly kind: 'dump';
  readonly id: string;
  readonly dumpKey: string;
  readonly label: string;
  readonly articles: ResultArticle[];
  hitCount: number;
}

export type ResultNode = ResultDump | ResultArticle | ResultHit;

const CONTEXT_LEFT = 18;
const CONTEXT_RIGHT = 50;

/** A one-line snippet of a concordance line: a little left context, the match, more right context. */
export function lineSnippet(line: Pick<ConcordanceLine, 'left' | 'match' | 'right'>): {
  text: string;
  highlights: [number, number][];
} {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  let left = flat(line.left);
  if (left.length > CONTEXT_LEFT) left = `…${left.slice(left.length - CONTEXT_LEFT).replace(/^\S*\s/, '')}`;
  let right = flat(line.right);
  if (right.length > CONTEXT_RIGHT) right = `${right.slice(0, CONTEXT_RIGHT).replace(/\s\S*$/, '')}…`;
  const match = flat(line.match);
  return { text: left + match + right, highlights: [[left.length, left.length + match.length]] };
}

/** A title cut to `max` characters at a word, so the date after it stays in view. */
export function cutTitle(title: string, max = 34): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export class SearchResultsModel {
  query = '';
  /** Dump groups, in the order of their best article. */
  dumps: ResultDump[] = [];
  private hitsInOrder: ResultHit[] = [];
  private articleTotal = 0;
  truncated = false;

  get hitCount(): number {
    return this.hitsInOrder.length;
  }

  get articleCount(): number {
    return this.articleTotal;
  }

  get isEmpty(): boolean {
    return this.hitsInOrder.length === 0;
  }

  /** Top-level nodes (getParent of an article is its dump only when grouped): dumps when the hits come from more than one, else that dump's articles. */
  roots(): ResultNode[] {
    if (this.dumps.length === 1) return this.dumps[0].articles;
    return this.dumps;
  }

  get grouped(): boolean {
    return this.dumps.length > 1;
  }

  /**
   * Sets the results of `query`: `hits` are the ranked articles (one best match each), `lines` every match
   * (the concordance); an article's hits are its lines in text order, or its best match when it has none.
   */
  set(
    query: string,
    hits: readonly SearchHit[],
    lines: readonly ConcordanceLine[],
    dumpLabel: (key: string) => string,
    truncated = false,
  ): void {
    this.query = query;
    this.truncated = truncated;
    const linesOf = new Map<string, ConcordanceLine[]>();
    for (const l of lines) {
      const key = `${l.dumpKey}#${l.article.index}`;
      let list = linesOf.get(key);
      if (!list) linesOf.set(key, (list = []));
      list.push(l);
    }
    const dumps = new Map<string, ResultDump>();
    this.articleTotal = 0;
    for (const hit of hits) {
      let dump = dumps.get(hit.dumpKey);
      if (!dump) {
        dump = {
          kind: 'dump',
          id: `d:${hit.dumpKey}`,
          dumpKey: hit.dumpKey,
          label: dumpLabel(hit.dumpKey),
          articles: [],
          hitCount: 0,
        };
        dumps.set(hit.dumpKey, dump);
      }
      const articleKey = `${hit.dumpKey}#${hit.article.index}`;
      if (dump.articles.some((a) => a.id === `a:${articleKey}`)) continue;
      const article: ResultArticle = {
        kind: 'article',
        id: `a:${articleKey}`,
        parent: dump,
        dumpKey: hit.dumpKey,
        article: hit.article,
        hits: [],
      };
      const own = [...(linesOf.get(articleKey) ?? [])].sort((a, b) => a.start - b.start);
      if (own.length) {
        for (const l of own)
          article.hits.push({
            kind: 'hit',
            id: `h:${articleKey}:${l.start}`,
            parent: article,
            start: l.start,
            end: l.end,
            line: l.line,
            ...lineSnippet(l),
          });
      } else {
        article.hits.push({
          kind: 'hit',
          id: `h:${articleKey}:${hit.matchStart}`,
          parent: article,
          start: hit.matchStart,
          end: hit.matchEnd,
          text: hit.snippet.replace(/\s+/g, ' '),
          highlights: hit.highlights,
        });
      }
      dump.articles.push(article);
      dump.hitCount += article.hits.length;
      this.articleTotal++;
    }
    this.dumps = [...dumps.values()];
    this.hitsInOrder = this.dumps.flatMap((d) => d.articles.flatMap((a) => a.hits));
  }

  clear(): void {
    this.query = '';
    this.dumps = [];
    this.hitsInOrder = [];
    this.articleTotal = 0;
    this.truncated = false;
  }

  hits(): readonly ResultHit[] {
    return this.hitsInOrder;
  }

  /** The hit after `current` in view order (wrapping); the first hit when `current` is not a hit. */
  next(current?: ResultNode): ResultHit | undefined {
    return this.step(current, 1);
  }

  previous(current?: ResultNode): ResultHit | undefined {
    return this.step(current, -1);
  }

  private step(current: ResultNode | undefined, by: 1 | -1): ResultHit | undefined {
    const all = this.hitsInOrder;
    if (!all.length) return undefined;
    const first = by === 1 ? 0 : all.length - 1;
    if (!current) return all[first];
    let at: number;
    if (current.kind === 'hit') at = all.findIndex((h) => h.id === current.id);
    else {
      // From a group: its first hit going forward, the hit before it going back.
      const inside = all.findIndex((h) =>
        h.id.startsWith(current.kind === 'article' ? `h:${current.id.slice(2)}:` : `h:${current.dumpKey}#`),
      );
      if (inside < 0) return all[first];
      return by === 1 ? all[inside] : all[(inside - 1 + all.length) % all.length];
    }
    if (at < 0) return all[first];
    return all[(at + by + all.length) % all.length];
  }

  find(id: string): ResultNode | undefined {
    for (const d of this.dumps) {
      if (d.id === id) return d;
      for (const a of d.articles) {
        if (a.id === id) return a;
        for (const h of a.hits) if (h.id === id) return h;
      }
    }
    return undefined;
  }
}
