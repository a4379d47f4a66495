/**
 * The index's terms in sorted order, as an array of term ids: exact and prefix lookup by binary
 * search, near spellings by a scan of the terms of about the right length. A fraction of the
 * memory of a radix tree (4 bytes a term beside the terms themselves), and nothing to build when
 * the order comes from the cache.
 */
export class TermDictionary {
  constructor(
    private readonly terms: readonly string[],
    /** Term ids, sorted by term; only terms some article has. */
    readonly order: Uint32Array,
  ) {}

  /** The dictionary of every term in `ids` (default: all of `terms`). */
  static of(terms: readonly string[], ids?: Iterable<number>): TermDictionary {
    const order = Uint32Array.from(ids ?? terms.keys());
    order.sort((a, b) => compare(terms[a], terms[b]));
    return new TermDictionary(terms, order);
  }

  get size(): number {
    return this.order.length;
  }

  /** Where `term` is or would go in the order. */
  private lowerBound(term: string): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[this.order[mid]] < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(term: string): number | undefined {
    const at = this.lowerBound(term);
    const id = this.order[at];
    return at < this.order.length && this.terms[id] === term ? id : undefined;
  }

  /** Every term that begins with `prefix`, in order, with its id. */
  atPrefix(prefix: string): [string, number][] {
    const found: [string, number][] = [];
    for (let at = this.lowerBound(prefix); at < this.order.length; at++) {
      const term = this.terms[this.order[at]];
      if (!term.startsWith(prefix)) break;
      found.push([term, this.order[at]]);
    }
    return found;
  }

  /** Ids of the terms one edit (a letter changed, added or dropped) from `term`, itself aside. */
  nearby(term: string): number[] {
    const found: number[] = [];
    const n = term.length;
    const { ids, starts } = this.byLength();
    // Only the terms one letter shorter, as long, or one longer: a fifth of the vocabulary, not all of it.
    const from = starts[Math.max(0, Math.min(starts.length - 1, n - 1))];
    const to = starts[Math.min(starts.length - 1, n + 2)];
    for (let at = from; at < to; at++) {
      const other = this.terms[ids[at]];
      if (other !== term && oneEditApart(term, other)) found.push(ids[at]);
    }
    return found;
  }

  private lengthOrder: { ids: Uint32Array; starts: Uint32Array } | undefined;

  /** The live terms grouped by length (a counting sort, once): terms of length L are ids[starts[L] .. starts[L + 1]). */
  byLength(): { ids: Uint32Array; starts: Uint32Array } {
    if (this.lengthOrder) return this.lengthOrder;
    let longest = 0;
    for (const id of this.order) longest = Math.max(longest, this.terms[id].length);
    const starts = new Uint32Array(longest + 2);
    for (const id of this.order) starts[this.terms[id].length + 1]++;
    for (let l = 0; l + 1 < starts.length; l++) starts[l + 1] += starts[l];
    const next = starts.slice();
    const ids = new Uint32Array(this.order.length);
    for (const id of this.order) ids[next[this.terms[id].length]++] = id;
    this.lengthOrder = { ids, starts };
    return this.lengthOrder;
  }

  /** Live terms in order. */
  *keys(): IterableIterator<string> {
    for (const id of this.order) yield this.terms[id];
  }

  /**
   * This dictionary over a longer `terms` (the same ids and more), without the ids in `gone` and
   * with those in `added`: a merge of sorted lists, no sort of the whole.
   */
  updated(terms: readonly string[], added: readonly number[], gone: ReadonlySet<number>): TermDictionary {
    const add = Uint32Array.from(added).sort((a, b) => compare(terms[a], terms[b]));
    const order = new Uint32Array(this.order.length - gone.size + add.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.order.length || j < add.length) {
      if (i < this.order.length && gone.has(this.order[i])) {
        i++;
        continue;
      }
      if (j >= add.length || (i < this.order.length && terms[this.order[i]] < terms[add[j]]))
        order[k++] = this.order[i++];
      else order[k++] = add[j++];
    }
    return new TermDictionary(terms, order.subarray(0, k));
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a and b (lengths at most one apart) are one substitution, insertion or deletion apart. */
function oneEditApart(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length < b.length ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}
