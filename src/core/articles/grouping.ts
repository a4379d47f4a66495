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

/** Groups articles year → month → day (coarser-precision articles sit at their own level), by source, or flat. */
export function groupArticles(articles: readonly Article[], options: GroupingOptions): ArticleTreeEntry[] {
  const sign = options.order === 'newest' ? -1 : 1;
  // Dates as numbers (2022 → 20220000, 2022-11 → 20221100, undated → -1), worked out once a sort:
  // string keys looked up in the comparator cost ~1 s of sorting at 100,000 articles.
  const dateKey = (a: Article) => {
    const d = effectiveDate(a, options);
    return d ? d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0) : -1;
  };
  const sortByDate = (list: readonly Article[]): Article[] => {
    const keys = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) keys[i] = dateKey(list[i]);
    const order = Array.from({ length: list.length }, (_, i) => i);
    order.sort((x, y) => (keys[x] === keys[y] ? list[x].index - list[y].index : (keys[x] - keys[y]) * sign));
    return order.map((i) => list[i]);
  };
  if (options.grouping === 'flat') return sortByDate(articles).map(leaf);
  if (options.grouping === 'source') {
    const groups = new Map<string, Article[]>();
    for (const a of articles) {
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
            children: sortByDate(list).map(leaf),
          }) as ArticleGroup,
      );
  }
  const undated: Article[] = [];
  const years = new Map<number, Article[]>();
  for (const a of articles) {
    const d = effectiveDate(a, options);
    if (!d) {
      undated.push(a);
      continue;
    }
    let list = years.get(d.year);
    if (!list) years.set(d.year, (list = []));
    list.push(a);
  }
  const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) * sign;
  const nest = (list: Article[], depth: 0 | 1 | 2, prefix: string): ArticleTreeEntry[] => {
    // Articles dated only to this level come before the finer groups.
    const here: Article[] = [];
    const finer = new Map<string, Article[]>();
    for (const a of list) {
      const d = effectiveDate(a, options)!;
      const part = depth === 0 ? d.month : depth === 1 ? d.day : undefined;
      if (part === undefined || depth === 2) {
        here.push(a);
        continue;
      }
      const key = `${prefix}-${String(part).padStart(2, '0')}`;
      let sub = finer.get(key);
      if (!sub) finer.set(key, (sub = []));
      sub.push(a);
    }
    const groups: ArticleGroup[] = [...finer.keys()].sort(compareKeys).map((key) => ({
      kind: 'group',
      id: `${depth === 0 ? 'm' : 'd'}${key}`,
      label: key,
      level: depth === 0 ? 'month' : 'day',
      count: finer.get(key)!.length,
      children: nest(finer.get(key)!, (depth + 1) as 1 | 2, key),
    }));
    return [...sortByDate(here).map(leaf), ...groups];
  };
  const result: ArticleTreeEntry[] = [...years.keys()]
    .sort((a, b) => (a - b) * sign)
    .map((year) => ({
      kind: 'group',
      id: `y${year}`,
      label: String(year),
      level: 'year',
      count: years.get(year)!.length,
      children: nest(years.get(year)!, 0, String(year).padStart(4, '0')),
    }));
  if (undated.length) {
    result.push({
      kind: 'group',
      id: 'undated',
      label: '',
      level: 'undated',
      count: undated.length,
      children: undated.sort((a, b) => a.index - b.index).map(leaf),
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
