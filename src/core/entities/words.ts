import { foldLetters, foldWord } from '../text/fold';
import { forEachWordSpan, spanHash } from '../text/tokenize';
import { lowerKey } from './lexicon';
import { isPlace } from './places';
import { formAt, WordForm } from './wordForms';

// Upper- and lower-case letters of the BMP, built once: a table lookup beats a Unicode-property regex per word.
const UPPER = new Uint8Array(65536);
const LOWER = new Uint8Array(65536);
for (let c = 0; c < 65536; c++)
  if (c < 0xd800 || c > 0xdfff) {
    UPPER[c] = /\p{Lu}/u.test(String.fromCharCode(c)) ? 1 : 0;
    LOWER[c] = /\p{Ll}/u.test(String.fromCharCode(c)) ? 1 : 0;
  }

// The letters toLowerCase changes, among the precomposed Latin ones lowerWord reads itself: capitals and
// the title-case digraphs (`ǅ`), which are no capitals.
const LOWERS_DIFFER = new Uint8Array(0x1f00);
for (let c = 0; c < 0x1f00; c++)
  if (c < 0x300 || c >= 0x1e00)
    LOWERS_DIFFER[c] = String.fromCharCode(c).toLowerCase() === String.fromCharCode(c) ? 0 : 1;

/**
 * foldWord of a word of the text: a word of precomposed Latin letters and combining marks (Vietnamese in NFC
 * or NFD) folded by the letters' table (foldLetters) rather than by asking foldWord's memo, whose look-ups
 * miss the processor's cache in a table of a corpus's words (see lowerWord).
 */
export const foldedWord = (word: string): string => foldLetters(word) ?? foldWord(word);

const lowerCache = new Map<string, string>();
/**
 * lowerKey for single words. A word of precomposed Latin letters (what NFC Vietnamese is written in) is
 * its own NFC and holds no space or hyphen, so its lowerKey is its toLowerCase; an NFD word, once composed,
 * most often is one. Both are cheaper than asking a memo: a table of a corpus's words is so large that
 * each look-up misses the processor's cache. Any other word is memoised.
 */
export function lowerWord(word: string): string {
  const lower = plainLower(word);
  if (lower !== undefined) return lower;
  // An NFD word (a text typed with combining marks) is most often a plain one once composed.
  return plainLower(word.normalize('NFC')) ?? memoisedLowerKey(word);
}

/** The lowerKey of a word of precomposed Latin letters without spaces or hyphens, else undefined. */
function plainLower(word: string): string | undefined {
  let upper = false;
  let plain = true;
  for (let i = 0; i < word.length && plain; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) continue;
    plain = (c > 32 && c < 127 && c !== 45) || (c > 160 && c < 0x300) || (c >= 0x1e00 && c <= 0x1eff);
    if (plain && LOWERS_DIFFER[c] === 1) upper = true;
  }
  if (!plain) return undefined;
  return upper ? word.toLowerCase() : word;
}

function memoisedLowerKey(word: string): string {
  let lower = lowerCache.get(word);
  if (lower === undefined) {
    if (lowerCache.size > 200_000) lowerCache.clear();
    lowerCache.set(word, (lower = lowerKey(word)));
  }
  return lower;
}

/** Forgets the memo: its words may be slices that keep a whole text alive, which a reader done with it lets go. */
export function clearLowerWordCache(): void {
  lowerCache.clear();
}

/** Whether any character of a word is upper case. */
export function hasUpper(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (UPPER[w.charCodeAt(i)] === 1) return true;
  return false;
}
export const isCapital = (w: string): boolean => UPPER[w.charCodeAt(0)] === 1;
const MIXED_CASE = /\p{Ll}\p{Lu}/u;
/** Whether a lower-case letter stands right before a capital (`iPhone`, `SARS-CoV-2`): MIXED_CASE.test(w), by the tables. */
export function hasMixedCase(w: string): boolean {
  for (let i = 1; i < w.length; i++) {
    const c = w.charCodeAt(i);
    // Past the BMP (a surrogate pair), the regular expression reads the code points.
    if (c >= 0xd800 && c <= 0xdfff) return MIXED_CASE.test(w);
    if (UPPER[c] === 1 && LOWER[w.charCodeAt(i - 1)] === 1) return true;
  }
  return false;
}
// Two letters or digits at least, marks aside: `Ở` or `Á` typed with combining marks (NFD) is one capital, no acronym.
const ALL_CAPS = /^\p{Lu}\p{M}*[\p{Lu}\d][\p{Lu}\p{M}\d]*$/u;
/** `NATO`, `BN521`, `F1`: two or more capitals or digits after a capital. */
export const isAllCaps = (w: string): boolean =>
  w.length >= 2 &&
  isCapital(w) &&
  (UPPER[w.charCodeAt(1)] === 1 || w.charCodeAt(1) < 58 || (w.charCodeAt(1) >= 0x300 && w.charCodeAt(1) <= 0x36f)) &&
  ALL_CAPS.test(w);

// The sets of lower-case words the passes look every word up in (the first words of their keys), as bits of
// one table: each word asks the table once (`Word.inSets`) instead of every set in every pass.
const IN_SETS = new Map<string, number>();
let setsMade = 0;
// Whether some word of the sets has a signature (length, first, middle and last letters): two words in three of a
// text have one none has, and skip the look-up in IN_SETS.
const SIGNED = new Uint8Array(0x10000);
const signature = (w: string): number =>
  ((w.charCodeAt(0) * 961 + w.charCodeAt(w.length >> 1) * 31 + w.charCodeAt(w.length - 1)) * 8 +
    Math.min(w.length, 7)) &
  0xffff;
/**
 * The bit that stands for `words` in `Word.inSets`. Made when a pass's module loads, before any word is read
 * (a word asks the table once).
 */
export function wordSetBit(words: Iterable<string>): number {
  if (setsMade >= 30) throw new Error('wordSetBit: no bit left');
  const bit = 1 << setsMade++;
  for (const w of words) {
    IN_SETS.set(w, (IN_SETS.get(w) ?? 0) | bit);
    SIGNED[signature(w)] = 1;
  }
  return bit;
}

const INITIAL_CUES = new Set(['anh', 'chị', 'ông', 'bà', 'em', 'cháu', 'bé', 'cô', 'cụ', 'và', 'của', 'bạn']);

// WordForm.b: the answers of allCaps and syllable once worked out (one small integer for both).
const ALL_CAPS_KNOWN = 2;
const ALL_CAPS_YES = 4;
const SYLLABLE_KNOWN = 8;
const SYLLABLE_YES = 16;

/**
 * A word of the text. What its spelling decides (folded and lower-case forms, sets, syllable) is kept on its
 * WordForm, shared by every word of that spelling, and worked out only when first asked.
 */
export class Word {
  /** The form's text, kept here too: the passes read it of every word, most without asking anything else. */
  readonly text: string;
  constructor(
    readonly form: WordForm,
    readonly start: number,
    readonly end: number,
  ) {
    this.text = form.text;
  }
  get folded(): string {
    const form = this.form;
    return (form.f ??= foldedWord(form.text));
  }
  /** Lower case with tone marks: the form every cue and list is compared in. */
  get lower(): string {
    const form = this.form;
    if (form.l === undefined) {
      const t = form.text;
      // In an article without combining marks, a word without capitals is its own lower case.
      form.l = form.nfc && !hasUpper(t) ? t : lowerWord(t);
    }
    return form.l;
  }
  /** isCapital of the word (a table look-up: cheaper than keeping it). */
  get capital(): boolean {
    return isCapital(this.text);
  }
  /** isAllCaps of the word, asked by several passes of the same word. */
  get allCaps(): boolean {
    const form = this.form;
    const b = form.b;
    if (b & ALL_CAPS_KNOWN) return (b & ALL_CAPS_YES) !== 0;
    const caps = isAllCaps(form.text);
    form.b = b | ALL_CAPS_KNOWN | (caps ? ALL_CAPS_YES : 0);
    return caps;
  }
  /** The wordSetBit bits of the sets that hold the word's lower case. */
  get inSets(): number {
    const form = this.form;
    if (form.s < 0) {
      const l = this.lower;
      form.s = SIGNED[signature(l)] === 1 ? (IN_SETS.get(l) ?? 0) : 0;
    }
    return form.s;
  }
  /** Whether the word is a Vietnamese syllable, kept here by the pass that asks (several passes ask it of one word). */
  get syllable(): boolean | undefined {
    const b = this.form.b;
    return b & SYLLABLE_KNOWN ? (b & SYLLABLE_YES) !== 0 : undefined;
  }
  set syllable(yes: boolean | undefined) {
    const form = this.form;
    const b = form.b & ~(SYLLABLE_KNOWN | SYLLABLE_YES);
    form.b = yes === undefined ? b : b | SYLLABLE_KNOWN | (yes ? SYLLABLE_YES : 0);
  }
}

/** A word whose spelling is not read off the text as it stands (joined initials): a form of its own. */
const wordOf = (text: string, start: number, end: number) => new Word(new WordForm(text, false), start, end);

const THEO_HASH = spanHash('Theo', 0, 4);
const endsWithTheo = (text: string, end: number) =>
  text.charCodeAt(end - 4) === 84 &&
  text.charCodeAt(end - 3) === 104 &&
  text.charCodeAt(end - 2) === 101 &&
  text.charCodeAt(end - 1) === 111;

/** The words of text[from, to); an initial joins the name after it: `S.Lavrov`, `S. Lavrov`, `N.T.D.`. */
export function wordsIn(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  const nfc = !/[\u0300-\u036f]/.test(text.slice(from, to));
  const add = (form: WordForm, start: number, end: number) => {
    const prev = words[words.length - 1];
    if (
      prev &&
      text.charCodeAt(prev.end) === 46 &&
      prev.text.length <= 6 &&
      /^(\p{Lu}\.)*\p{Lu}$/u.test(prev.text.replace(/\.$/, '')) &&
      prev.text.replace(/\./g, '').length <= 3 &&
      isCapital(form.text) &&
      text.charCodeAt(prev.end) === 46 &&
      (start === prev.end + 1 || (start === prev.end + 2 && text.charCodeAt(prev.end + 1) === 32)) &&
      (prev.text.length === 1 || prev.text.includes('.')) &&
      // `USB Type-C. Ông Tim Cook`: a letter after a hyphen is no initial.
      text.charCodeAt(prev.start - 1) !== 45 &&
      // `Châu Á. Điều này`: a place's last letter ends the sentence, it is no initial.
      !(
        prev.text.length === 1 &&
        words.length > 1 &&
        prev.start === words[words.length - 2].end + 1 &&
        isPlace(`${words[words.length - 2].lower} ${lowerWord(prev.text)}`)
      )
    ) {
      // `N.T.D.` and `S. Lavrov`: initials joined with their dots.
      words[words.length - 1] = wordOf(text.slice(prev.start, end), prev.start, end);
    } else {
      words.push(new Word(form, start, end));
    }
  };
  forEachWordSpan(text, from, to, (start, end, hash) => {
    // `Nhật LinhTheo Bloomberg`: a crawl glued the byline to the `Theo` of its source line.
    if (end - start > 5 && endsWithTheo(text, end) && UPPER[text.charCodeAt(end - 5)] === 0) {
      add(formAt(text, start, end - 4, spanHash(text, start, end - 4), nfc), start, end - 4);
      add(formAt(text, end - 4, end, THEO_HASH, nfc), end - 4, end);
    } else add(formAt(text, start, end, hash, nfc), start, end);
  });
  // `N.T.D.`, `Bảo M.`: a trailing dot after the last initial belongs to the name.
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (
      text.charCodeAt(w.end) === 46 &&
      w.text.length <= 6 &&
      (/^(\p{Lu}\.)+\p{Lu}$/u.test(w.text) ||
        // A lone letter is an initial only after a name or a kinship word: `Bảo M.`, `anh K.`, not `châu Á.`
        (/^\p{Lu}$/u.test(w.text) &&
          k > 0 &&
          !/^\.\s*(\n|\r|$|\p{Lu})/u.test(text.slice(w.end, w.end + 3)) &&
          words[k - 1].end === w.start - 1 &&
          (isCapital(words[k - 1].text) || INITIAL_CUES.has(words[k - 1].text.normalize('NFC')))) ||
        (/^\p{Lu}$/u.test(w.text) && /^\.(?: [\p{Ll}(]|,)/u.test(text.slice(w.end, w.end + 3))))
    )
      words[k] = wordOf(`${w.text}.`, w.start, w.end + 1);
  }
  return words;
}

/** Whether words[k] follows words[k-1] with one space or one hyphen between (so they may be one name). */
export function joined(text: string, words: readonly Word[], k: number, strict = false): boolean {
  if (k <= 0 || k >= words.length) return false;
  const gap = words[k].start - words[k - 1].end;
  if (gap === 1) {
    const c = text.charCodeAt(words[k - 1].end);
    return c === 32 || c === 45 || c === 38;
  }
  if (strict) return false;
  // `Bà Rịa - Vũng Tàu`, `Lao động - Thương binh`: a spaced hyphen.
  return gap === 3 && text.slice(words[k - 1].end, words[k].start) === ' - ';
}

/** Whether a sentence starts at words[k]: the text's start, a line start, or after `.`, `!`, `?`, `:`, a quote or a dash. */
export function sentenceStart(text: string, words: readonly Word[], k: number, articleStart: number): boolean {
  let i = words[k].start - 1;
  while (i >= articleStart && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < articleStart) return true;
  const c = text[i];
  if (c === '"' || c === '“' || c === "'" || c === '(' || c === '-' || c === '–' || c === '‘') {
    let j = i - 1;
    while (j >= articleStart && text.charCodeAt(j) === 32) j--;
    return j < articleStart || /[.!?:\n\r…]/.test(text[j]) || c !== '(';
  }
  return c === '.' || c === '!' || c === '?' || c === ':' || c === '\n' || c === '\r' || c === '…' || c === ';';
}
