/**
 * One record per spelling of a word, shared by every occurrence: the passes ask each word's lower case, its
 * sets, whether it is a syllable, and a corpus writes its few thousand common words millions of times. A table
 * keyed by the tokenizer's hash of the word's characters finds the record without cutting a string of each
 * occurrence, and whatever a record has worked out is worked out once per spelling, not once per occurrence.
 */

/**
 * What a spelling is, to the `Word`s that share it: its text, and room for what is worked out of it once asked
 * (the Word getters fill these). `nfc`: read in an article without combining marks, which decides its lower case.
 */
export class WordForm {
  /** The folded form, lower case, inSets bits and flags (see Word), once asked. */
  f: string | undefined = undefined;
  l: string | undefined = undefined;
  s = -1;
  b: number;
  constructor(
    readonly text: string,
    readonly nfc: boolean,
  ) {
    this.b = 0;
  }
}

// Open addressing over a power of two of slots, small enough to stay in the processor's cache, at most half of
// them full. Once full, the table keeps what it has: the words met first in a corpus are mostly its common ones,
// and a spelling not kept gets a record of its own (what every word had before the table).
const SLOTS = 1 << 14;
const MAX_FORMS = SLOTS >> 1;
// V8 cuts a string of 13 units or more as a slice that keeps the whole text alive: such a word (rare) gets a
// record of its own, not kept in the table.
const MAX_KEPT_LENGTH = 12;
// A slot's key, 0 where it is empty (a key of 0 is kept as 1: the spelling is compared anyway).
const keys = new Int32Array(SLOTS);
let forms: (WordForm | null)[] = new Array<WordForm | null>(SLOTS).fill(null);
let count = 0;

/** The shared record of the spelling text[start, end), whose spanHash is `hash`. */
export function formAt(text: string, start: number, end: number, hash: number, nfc: boolean): WordForm {
  const length = end - start;
  if (length > MAX_KEPT_LENGTH) return new WordForm(text.slice(start, end), nfc);
  // The two readings of a spelling (in an NFC article or not) are two records.
  const key = (nfc ? hash : ~hash) || 1;
  let i = key & (SLOTS - 1);
  for (let k = keys[i]; k !== 0; k = keys[i]) {
    if (k === key) {
      const f = forms[i]!;
      if (f.nfc === nfc && spells(f.text, text, start, length)) return f;
    }
    i = (i + 1) & (SLOTS - 1);
  }
  const form = new WordForm(text.slice(start, end), nfc);
  if (count < MAX_FORMS) {
    forms[i] = form;
    keys[i] = key;
    count++;
  }
  return form;
}

function spells(word: string, text: string, start: number, length: number): boolean {
  if (word.length !== length) return false;
  for (let k = 0; k < length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** Forgets every record (the Words that hold one keep it). */
export function clearWordForms(): void {
  forms = new Array<WordForm | null>(SLOTS).fill(null);
  keys.fill(0);
  count = 0;
}
