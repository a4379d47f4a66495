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
    for (let at = 0; at < this.order.length; at++) {
      const other = this.terms[this.order[at]];
      const d = other.length - n;
      if (d >= -1 && d <= 1 && other !== term && oneEditApart(term, other)) found.push(this.order[at]);
    }
    return found;
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
