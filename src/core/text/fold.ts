/**
 * Folding makes Vietnamese typed with or without tone marks, in NFC or NFD, in any case, the
 * same term: `Ngoại trưởng`, `NGOAI TRUONG` and `ngoai truong` all fold to `ngoai truong`.
 */
const COMBINING = /[\u0300-\u036f]/g;

function foldByUnicode(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

// What foldByUnicode makes of each precomposed Latin letter (below U+0300, U+1E00–U+1EFF) when that is one
// letter; SKIP for the combining marks it drops (U+0300–U+036F); 0 for the rest.
const SKIP = 0xffff;
const FOLDED = new Uint16Array(0x1f00);
for (let c = 0; c < 0x1f00; c++)
  if (c < 0x300 || c >= 0x1e00) {
    const f = foldByUnicode(String.fromCharCode(c));
    if (f.length === 1) FOLDED[c] = f.charCodeAt(0);
  } else if (c <= 0x36f) FOLDED[c] = SKIP;

/**
 * The fold of a text of precomposed Latin letters and combining marks (Vietnamese in NFC or NFD, with
 * spaces, digits and punctuation), letter by letter by the table, else undefined. Those letters are all
 * starters, so the normalisation decomposes each on its own and drops the marks the table skips: the fold
 * is the letters' folds, without asking ICU.
 */
export function foldLetters(text: string): string | undefined {
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) break;
  }
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = c < 0x1f00 ? FOLDED[c] : 0;
    if (f === 0) return undefined;
    if (f !== SKIP) out += String.fromCharCode(f);
  }
  return out;
}

export function foldDiacritics(text: string): string {
  return foldLetters(text) ?? foldByUnicode(text);
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** foldDiacritics for single words, memoised: a corpus's vocabulary is small next to its text. */
export function foldWord(word: string): string {
  let folded = cache.get(word);
  if (folded === undefined) {
    // A word cut from a text (13 characters or more: V8 keeps such a slice as a view of its parent)
    // is copied before it is kept, or the cache would keep the whole text it came from alive.
    const own = word.length >= 13 ? Buffer.from(word, 'utf16le').toString('utf16le') : word;
    folded = isPlainLower(own) ? own : foldDiacritics(own);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(own, folded);
  }
  return folded;
}

/** Forgets the memo: its words may be slices that keep a whole text alive, which a reader done with it lets go. */
export function clearFoldCache(): void {
  cache.clear();
}

/** foldDiacritics for a single word, not memoised: for a caller with a memo of its own (the index builder's spellings). */
export function foldOneWord(word: string): string {
  return isPlainLower(word) ? word : foldDiacritics(word);
}

function isPlainLower(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}
