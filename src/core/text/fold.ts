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
    folded = isPlainLower(word) ? word : foldDiacritics(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, folded);
  }
  return folded;
}

/** Forgets the memo: its words may be slices that keep a whole text alive, which a reader done with it lets go. */
export function clearFoldCache(): void {
  cache.clear();
}

function isPlainLower(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}
