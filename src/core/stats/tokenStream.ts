import type { Article } from '../dump/types';
import { foldWord } from '../text/fold';
import { forEachWord } from '../text/tokenize';
import { isSentenceBreak } from './sentenceBreaks';
import { WordTable } from './wordTable';

/**
 * Every article's words in text order, read from the text once (the search index is not needed,
 * so its layout can change freely): article d's words are [starts[d], starts[d + 1]), each with
 * its folded term (`ids`, what the statistics group by), its written form (`forms`, NFC with case
 * kept: for spellings and for stop words, which compare with tone marks) and whether a sentence
 * break stands before it (`breaks`, 1 on every article's first word too). Positions are the search
 * index's (the n-th word of the article's text), so a hit found by either is the same word.
 * Titles are kept apart (title words count for a query's articles, not as text). 8⅛ bytes a
 * word: the breaks are bits (isBreak), a byte each would be 43 MB per worker at 100,000 articles.
 */
export interface TokenStream {
  readonly ids: Uint32Array;
  readonly forms: Uint32Array;
  /** One bit a word (isBreak). */
  readonly breaks: Uint8Array;
  readonly starts: Uint32Array;
  /** term id → folded term; form id → written form and its term. */
  readonly terms: readonly string[];
  readonly formText: readonly string[];
  readonly formTerm: Uint32Array;
  /** Title words' terms: article d's are titleIds[titleStarts[d] .. titleStarts[d + 1]). */
  readonly titleIds: Uint32Array;
  readonly titleStarts: Uint32Array;
}

/** Whether a sentence break stands before word i of a stream (0 or 1; 0 past its end). */
export const isBreak = (breaks: Uint8Array, i: number): number => (breaks[i >>> 3] >>> (i & 7)) & 1;

/** The break bits of a stream of `words` words with breaks before the words at `positions`. */
export function breakBits(words: number, positions: Iterable<number>): Uint8Array {
  const bits = new Uint8Array((words + 7) >>> 3);
  for (const b of positions) bits[b >>> 3] |= 1 << (b & 7);
  return bits;
}

/** A growable Uint32Array. */
export class U32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const d = new Uint32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = x;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** Interns written forms and folded terms, so each distinct spelling is normalised and folded once. */
export class Vocabulary {
  readonly terms: string[] = [];
  readonly formText: string[] = [];
  readonly formTerm = new U32();
  private readonly termIds = new Map<string, number>();
  private readonly formIds = new Map<string, number>();
  /** Words as written (NFC or NFD) → form id: one lookup a word. */
  private readonly raw = new Map<string, number>();

  termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** The id of a written form (already NFC). */
  formId(form: string): number {
    let id = this.formIds.get(form);
    if (id === undefined) {
      id = this.formText.length;
      this.formIds.set(form, id);
      this.formText.push(form);
      this.formTerm.push(this.termId(foldWord(form)));
    }
    return id;
  }

  /** The form id of a word as the text has it. */
  wordForm(word: string): number {
    let id = this.raw.get(word);
    if (id === undefined) {
      id = this.formId(word.normalize('NFC'));
      if (this.raw.size < 2_000_000) this.raw.set(word, id);
    }
    return id;
  }
}

type StreamArticle = Pick<Article, 'title' | 'textStartOffset' | 'textEndOffset'>;

export function tokenStreamOf(
  text: string,
  articles: readonly StreamArticle[],
  vocabulary = new Vocabulary(),
): TokenStream {
  const v = vocabulary;
  const forms = new U32(text.length >>> 2);
  const breakAt = new U32(1024);
  const starts = new Uint32Array(articles.length + 1);
  const titleIds = new U32(articles.length * 8);
  const titleStarts = new Uint32Array(articles.length + 1);
  const words = new WordTable(text);
  const make = (word: string) => v.wordForm(word);
  articles.forEach((a, d) => {
    let previousEnd = -1;
    forEachWord(text, a.textStartOffset, a.textEndOffset, (_word, start, end) => {
      if (previousEnd < 0 || isSentenceBreak(text, previousEnd, start)) breakAt.push(forms.length);
      previousEnd = end;
      forms.push(words.idOf(start, end, make));
    });
    starts[d + 1] = forms.length;
    forEachWord(a.title, 0, a.title.length, (word) => {
      titleIds.push(v.formTerm.data[v.wordForm(word)]);
    });
    titleStarts[d + 1] = titleIds.length;
  });
  return streamFrom(v, forms.done(), breakAt.done(), starts, titleIds.done(), titleStarts);
}

/** A stream from its forms and the positions of its sentence breaks. */
export function streamFrom(
  v: Vocabulary,
  forms: Uint32Array,
  breakAt: Uint32Array,
  starts: Uint32Array,
  titleIds: Uint32Array,
  titleStarts: Uint32Array,
): TokenStream {
  const formTerm = v.formTerm.done();
  const ids = new Uint32Array(forms.length);
  for (let i = 0; i < forms.length; i++) ids[i] = formTerm[forms[i]];
  const breaks = breakBits(forms.length, breakAt);
  return { ids, forms, breaks, starts, terms: v.terms, formText: v.formText, formTerm, titleIds, titleStarts };
}
