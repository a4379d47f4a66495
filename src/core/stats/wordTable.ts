import { spanHash } from '../text/tokenize';

/**
 * Words of one text → ids, looked up from the text's characters without making a string a word:
 * a Map keyed by each word's slice spends most of its time hashing those strings (~0.4 µs a
 * word, most of reading 43 million words). Open addressing over FNV-1a hashes of the UTF-16
 * units; an entry is known by where its word first occurs, and compared unit by unit.
 */
export class WordTable {
  private slots: Int32Array;
  private hashes: Uint32Array;
  private at = new Uint32Array(1024);
  private lengths = new Uint32Array(1024);
  private values = new Uint32Array(1024);
  private size = 0;

  constructor(private readonly text: string) {
    this.slots = new Int32Array(1 << 12).fill(-1);
    this.hashes = new Uint32Array(1 << 12);
  }

  /** The id of the word text[start, end), from `make(word)` the first time it is met. */
  idOf(start: number, end: number, make: (word: string) => number): number {
    const text = this.text;
    const h = spanHash(text, start, end) >>> 0;
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s];
      if (e < 0) {
        const value = make(text.slice(start, end));
        this.add(s, h, start, length, value);
        return value;
      }
      if (this.hashes[s] !== h || this.lengths[e] !== length) continue;
      const from = this.at[e];
      let same = true;
      for (let k = 0; k < length && same; k++) same = text.charCodeAt(from + k) === text.charCodeAt(start + k);
      if (same) return this.values[e];
    }
  }

  private add(slot: number, hash: number, start: number, length: number, value: number): void {
    if (this.size === this.at.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.at = grow(this.at);
      this.lengths = grow(this.lengths);
      this.values = grow(this.values);
    }
    const e = this.size++;
    this.at[e] = start;
    this.lengths[e] = length;
    this.values[e] = value;
    this.slots[slot] = e;
    this.hashes[slot] = hash;
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const old = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.hashes = new Uint32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (let s = 0; s < old.length; s++) {
      if (old[s] < 0) continue;
      let t = oldHashes[s] & mask;
      while (this.slots[t] >= 0) t = (t + 1) & mask;
      this.slots[t] = old[s];
      this.hashes[t] = oldHashes[s];
    }
  }
}
