import type { Article } from '../dump/types';

export type Grouping = 'date' | 'source' | 'flat';
export type SortOrder = 'newest' | 'oldest';

/** What a group gathers: a period, the undated articles, one source, or the articles with no source. */
export type GroupLevel = 'year' | 'month' | 'day' | 'undated' | 'source' | 'no-source';

export interface ArticleGroup {
  readonly kind: 'group';
  /** Stable within a dump, so expansion survives refreshes: `y2022`, `m2022-11`, `undated`, `s:Tass`. */
  readonly id: string;
  readonly label: string;
  readonly level: GroupLevel;
  /** Articles anywhere below this group. */
  readonly count: number;
  readonly children: readonly ArticleTreeEntry[];
}

export interface ArticleLeaf {
  readonly kind: 'article';
  readonly article: Article;
}

export type ArticleTreeEntry = ArticleGroup | ArticleLeaf;

export interface GroupingOptions {
  readonly grouping: Grouping;
  readonly order: SortOrder;
  /** When false, dates found only in the text are ignored and such articles count as undated. */
  readonly includeInferred: boolean;
}

const leaf = (article: Article): ArticleLeaf => ({ kind: 'article', article });

function effectiveDate(a: Article, o: GroupingOptions) {
  return a.date && (o.includeInferred || a.date.kind === 'explicit') ? a.date : undefined;
}

/** Article positions below this fit beside a date key in one double (2^26 × 10^8 < 2^53). */
const POSITIONS = 2 ** 26;
/** Date keys (dateKey + 1) stay below this: four-digit years. */
const KEYS = 1e8;

/**
 * The positions of `keys` sorted by key (sign -1: largest first), equal keys in position order. At
 * 100,000 articles a comparator sort took ~50 ms of the extension host's main thread on every change
 * of filter, grouping or order; key and position packed in one number sort natively in a few ms.
 */
function sortedPositions(keys: Float64Array, sign: 1 | -1): Float64Array {
  const packed = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] + 1;
    if (k < 0 || k >= KEYS || keys.length >= POSITIONS) return comparedPositions(keys, sign);
    packed[i] = (sign < 0 ? KEYS - k : k) * POSITIONS + i;
  }
  packed.sort();
  for (let i = 0; i < packed.length; i++) packed[i] %= POSITIONS;
  return packed;
}

/** The same for keys that do not pack (not expected of real dates). */
function comparedPositions(keys: Float64Array, sign: 1 | -1): Float64Array {
  const order = Array.from({ length: keys.length }, (_, i) => i);
  order.sort((x, y) => (keys[x] === keys[y] ? x - y : (keys[x] - keys[y]) * sign));
  return Float64Array.from(order);
}

/** Groups articles year → month → day (coarser-precision articles sit at their own level), by source, or flat. */
export function groupArticles(articles: readonly Article[], options: GroupingOptions): ArticleTreeEntry[] {
  const sign = options.order === 'newest' ? -1 : 1;
  // Dates as numbers (2022 → 20220000, 2022-11 → 20221100, 2022-11-08 → 20221108, undated → -1), read
  // once an article: each pass over 100,000 article objects costs ~10 ms in cache misses alone.
  const dateKey = (a: Article) => {
    const d = effectiveDate(a, options);
    return d ? d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0) : -1;
  };
  // Equal dates keep the articles' order: a dump's, in index order.
  const inOrder = articles.every((a, i) => i === 0 || articles[i - 1].index < a.index);
  const byIndex = inOrder ? articles : [...articles].sort((a, b) => a.index - b.index);
  /** `list` by date, with its keys in the same order. */
  const sortByDate = (list: readonly Article[]): { sorted: Article[]; keys: Float64Array } => {
    const keys = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) keys[i] = dateKey(list[i]);
    const order = sortedPositions(keys, sign);
    const sorted = new Array<Article>(list.length);
    const sortedKeys = new Float64Array(list.length);
    for (let i = 0; i < order.length; i++) {
      sorted[i] = list[order[i]];
      sortedKeys[i] = keys[order[i]];
    }
    return { sorted, keys: sortedKeys };
  };
  if (options.grouping === 'flat') return sortByDate(byIndex).sorted.map(leaf);
  if (options.grouping === 'source') {
    const groups = new Map<string, Article[]>();
    for (const a of byIndex) {
      const key = a.source ?? '';
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(a);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'vi')))
      .map(
        ([source, list]) =>
          ({
            kind: 'group',
            id: `s:${source}`,
            label: source,
            level: source ? 'source' : 'no-source',
            count: list.length,
            children: sortByDate(list).sorted.map(leaf),
          }) as ArticleGroup,
      );
  }
  // One sort of every article, then each year, month and day is a run of it, read from the keys.
  const { sorted, keys } = sortByDate(byIndex);
  // Undated articles (key -1) are all at one end: the last newest first, the first oldest first.
  const edge = keys.findIndex((k) => (sign < 0 ? k < 0 : k >= 0));
  const [from, to] = sign < 0 ? [0, edge < 0 ? keys.length : edge] : [edge < 0 ? keys.length : edge, keys.length];
  /** The date's part at `depth` (year, month, day) of the `i`th sorted article; 0 for none. */
  const partOf = (i: number, depth: 0 | 1 | 2): number => {
    const k = keys[i];
    return depth === 0 ? Math.floor(k / 10000) : depth === 1 ? Math.floor(k / 100) % 100 : k % 100;
  };
  const levels = ['year', 'month', 'day'] as const;
  const idPrefix = ['y', 'm', 'd'] as const;
  /**
   * The groups of `sorted[start, end)`, all within the period `prefix`, one a value of the date's part
   * at `depth`: articles dated only to the period (no such part) first, then each part's run.
   */
  const nest = (start: number, end: number, depth: 0 | 1 | 2, prefix: string): ArticleTreeEntry[] => {
    const here: ArticleTreeEntry[] = [];
    const groups: ArticleTreeEntry[] = [];
    let i = start;
    while (i < end) {
      const part = partOf(i, depth);
      // Every dated article has its year; a month or day of 0 is none.
      if (!part && depth > 0) {
        here.push(leaf(sorted[i++]));
        continue;
      }
      let j = i + 1;
      while (j < end && partOf(j, depth) === part) j++;
      const label = depth === 0 ? String(part) : `${prefix}-${String(part).padStart(2, '0')}`;
      const key = depth === 0 ? String(part).padStart(4, '0') : label;
      groups.push({
        kind: 'group',
        id: `${idPrefix[depth]}${depth === 0 ? part : key}`,
        label,
        level: levels[depth],
        count: j - i,
        children: depth === 2 ? sorted.slice(i, j).map(leaf) : nest(i, j, (depth + 1) as 1 | 2, key),
      });
      i = j;
    }
    return [...here, ...groups];
  };
  const result = nest(from, to, 0, '');
  const undated = sign < 0 ? sorted.slice(to) : sorted.slice(0, from);
  if (undated.length) {
    result.push({
      kind: 'group',
      id: 'undated',
      label: '',
      level: 'undated',
      count: undated.length,
      children: undated.map(leaf),
    });
  }
  return result;
}

/** The first `shown` children and whether more remain, for "Load more" paging. */
export function page<T>(items: readonly T[], shown: number): { items: readonly T[]; remaining: number } {
  return shown >= items.length
    ? { items, remaining: 0 }
    : { items: items.slice(0, shown), remaining: items.length - shown };
}
