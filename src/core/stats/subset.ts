import { parseQuery } from '../search/query';
import { foldDiacritics } from '../text/fold';
import { type ArticleRange, allArticles } from './articleRange';
import type { StatsCorpus } from './corpus';
import { inRange } from './filters';
import { queryHits } from './queryHits';

/** Which articles a statistic covers; every field narrows (all must hold). Empty: the whole dump. */
export interface SubsetSpec {
  /** A search query: its matching articles. */
  readonly query?: string;
  /** Dates `2022`, `2022-11` or `2022-11-08`: articles whose date period overlaps [from, to]. */
  readonly from?: string;
  readonly to?: string;
  /** Part of a source's name, tone marks optional. */
  readonly source?: string;
  /** Article indexes (an entity's articles, the Articles view's filter). */
  readonly articles?: readonly number[];
  /** Inferred dates count as dates (the Articles view's setting). Default true. */
  readonly includeInferredDates?: boolean;
}

export class SubsetError extends Error {}

/** The subset's articles (of `range` only, when given), ascending. Throws SubsetError for a malformed query or date. */
export function selectArticles(
  corpus: StatsCorpus,
  spec: SubsetSpec = {},
  range: ArticleRange = allArticles(corpus.stream.starts),
): Uint32Array {
  const includeInferred = spec.includeInferredDates ?? true;
  const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
  for (const d of [spec.from, spec.to])
    if (d !== undefined && d !== '' && !DATE.test(d))
      throw new SubsetError(`dates are 2022, 2022-11 or 2022-11-08, not "${d}"`);
  let keep: (d: number) => boolean = () => true;
  const and = (f: (d: number) => boolean) => {
    const before = keep;
    keep = (d) => before(d) && f(d);
  };
  if (spec.query?.trim()) {
    const parsed = parseQuery(spec.query);
    if (!parsed.ok) throw new SubsetError(parsed.error);
    const set = new Set(queryHits(corpus, parsed.query, includeInferred, undefined, range).articles);
    and((d) => set.has(d));
  }
  if (spec.from || spec.to) {
    const range = { from: spec.from || '0000', to: spec.to || '9999' };
    and((d) => inRange(corpus.articles[d], range, includeInferred));
  }
  if (spec.source?.trim()) {
    const s = foldDiacritics(spec.source).trim();
    and((d) => foldDiacritics(corpus.articles[d].source ?? '').includes(s));
  }
  if (spec.articles) {
    const set = new Set(spec.articles);
    and((d) => set.has(d));
  }
  const out: number[] = [];
  for (let d = range.from; d < range.to; d++) if (keep(d)) out.push(d);
  return Uint32Array.from(out);
}

/** Words in the given articles. */
export function tokensIn(corpus: StatsCorpus, docs: Uint32Array): number {
  let n = 0;
  for (const d of docs) n += corpus.stream.starts[d + 1] - corpus.stream.starts[d];
  return n;
}
