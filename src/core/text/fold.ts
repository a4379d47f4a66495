/**
 * Folding makes Vietnamese typed with or without tone marks, in NFC or NFD, in any case, the
 * same term: `Ngoại trưởng`, `NGOAI TRUONG` and `ngoai truong` all fold to `ngoai truong`.
 */
const COMBINING = /[\u0300-\u036f]/g;

export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase();
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
