import { foldDiacritics } from './fold';
import { escapeRegex } from './nfdPattern';

let classes: Map<string, string> | undefined;

/** For each folded letter, every character that folds to it: `a` → `aàáảãạăằắ…`, `d` → `dđ`. Built once, on first use. */
function foldClasses(): Map<string, string> {
  if (classes) return classes;
  const sets = new Map<string, string>();
  for (let c = 0; c < 0x2000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (!/\p{L}/u.test(ch)) continue;
    const folded = foldDiacritics(ch);
    if (folded.length !== 1 || folded === ch) continue;
    sets.set(folded, (sets.get(folded) ?? folded) + ch);
  }
  classes = sets;
  return sets;
}

let letterTable: Uint16Array | undefined;

/**
 * The same classes as a table: for each UTF-16 unit that is another spelling of a folded letter,
 * that letter (`Ạ` → `a`); 0 for the rest. A unit c matches folded letter f where the term
 * pattern's class for f would: c === f or table[c] === f.
 */
export function foldedLetterTable(): Uint16Array {
  if (letterTable) return letterTable;
  const table = new Uint16Array(65536);
  for (const [folded, variants] of foldClasses())
    for (const ch of variants) if (ch !== folded) table[ch.charCodeAt(0)] = folded.charCodeAt(0);
  letterTable = table;
  return table;
}

const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';

/**
 * A regex source matching every spelling of a folded term: any case, tone marks or none, NFC or
 * NFD (combining marks after each letter), `d` for `đ`. With `prefix`, the rest of the word may follow.
 * Used with the `u` flag (the classes hold the capitals). Without `leading`, the start of the word is
 * not checked: a pattern that begins with a character class scans much faster, and the caller checks
 * the character before the match instead.
 */
export function foldedTermPattern(term: string, prefix = false, leading = true): string {
  const letters = foldClasses();
  let out = leading ? '(?<![\\p{L}\\p{N}\\p{M}])' : '';
  for (const ch of term) {
    const variants = letters.get(ch);
    out += `${variants ? `[${escapeRegex(variants).replace(/-/g, '\\-')}]` : escapeRegex(ch)}\\p{M}*`;
  }
  return out + (prefix ? `${WORD_CHAR}*` : `(?!${WORD_CHAR})`);
}

/** Words of a phrase, in order, separated by anything that is not part of a word, as the tokenizer reads them. */
export function foldedPhrasePattern(words: readonly string[], leading = true): string {
  return words.map((w, i) => foldedTermPattern(w, false, leading || i > 0)).join('[^\\p{L}\\p{N}\\p{M}]+');
}
