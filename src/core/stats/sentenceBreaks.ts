/**
 * Whether the text between two words, text[from, to), ends a sentence: it holds a line break (a
 * dump's lines are paragraphs, captions, bylines: none runs on to the next line), or one of
 * `. ! ? …` with white space after it in the gap. So `bão. Lũ` and `"SA-5". Theo` break, while
 * `3.5`, `Tp.HCM` and `S-200` do not; an initial (`A. Smith`) breaks too, which costs an n-gram.
 */
export function isSentenceBreak(text: string, from: number, to: number): boolean {
  let stop = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
    if (c === 46 || c === 33 || c === 63 || c === 0x2026) stop = true;
    else if (stop && (c === 32 || c === 9 || c === 0xa0 || c === 0x3000)) return true;
  }
  return false;
}
