/**
 * A hash table of n-grams of a word stream, in typed arrays: an n-gram is known by where it first
 * occurs (`first[slot]`), so no key is ever built (a Map with string or number keys costs several
 * times more at millions of n-grams). Open addressing with linear probing, grown at half full.
 */
export class GramTable {
  private table: Int32Array;
  /** The n-gram's first two ids beside its slot, so most probes compare without leaving the table. */
  private keyA: Uint32Array;
  private keyB: Uint32Array;
  private mask: number;
  first: Uint32Array;
  size = 0;

  constructor(
    private readonly ids: Uint32Array,
    private readonly n: number,
    capacity = 1 << 12,
  ) {
    let c = 1 << 10;
    while (c < capacity * 2) c <<= 1;
    this.table = new Int32Array(c).fill(-1);
    this.keyA = new Uint32Array(c);
    this.keyB = new Uint32Array(c);
    this.mask = c - 1;
    this.first = new Uint32Array(capacity);
  }

  private hash(i: number): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < this.n; k++) h = Math.imul(h ^ this.ids[i + k], 0x01000193);
    return (h ^ (h >>> 15)) >>> 0;
  }

  private same(a: number, b: number): boolean {
    for (let k = 0; k < this.n; k++) if (this.ids[a + k] !== this.ids[b + k]) return false;
    return true;
  }

  /** The slot of the n-gram starting at stream position i, added if new. */
  slotOf(i: number): number {
    let h = this.hash(i) & this.mask;
    const a = this.ids[i];
    const b = this.n > 1 ? this.ids[i + 1] : 0;
    for (;;) {
      const s = this.table[h];
      if (s < 0) break;
      if (this.keyA[h] === a && this.keyB[h] === b && (this.n <= 2 || this.same(this.first[s], i))) return s;
      h = (h + 1) & this.mask;
    }
    const s = this.size++;
    if (s === this.first.length) {
      const f = new Uint32Array(this.first.length * 2);
      f.set(this.first);
      this.first = f;
    }
    this.first[s] = i;
    this.table[h] = s;
    this.keyA[h] = a;
    this.keyB[h] = b;
    if (this.size * 2 > this.table.length) this.grow();
    return s;
  }

  private grow(): void {
    const size = this.table.length * 2;
    this.table = new Int32Array(size).fill(-1);
    this.keyA = new Uint32Array(size);
    this.keyB = new Uint32Array(size);
    this.mask = size - 1;
    for (let s = 0; s < this.size; s++) {
      const at = this.first[s];
      let h = this.hash(at) & this.mask;
      while (this.table[h] >= 0) h = (h + 1) & this.mask;
      this.table[h] = s;
      this.keyA[h] = this.ids[at];
      this.keyB[h] = this.n > 1 ? this.ids[at + 1] : 0;
    }
  }
}
