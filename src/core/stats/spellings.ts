import { foldWord } from '../text/fold';
import { forEachWord } from '../text/tokenize';
import type { StatsCorpus } from './corpus';

/**
 * The most frequent written form (NFC, case kept) of each wanted folded word or n-gram (syllables
 * joined by a space). An n-gram is spelled as a whole, so `viet nam` shows `Việt Nam` even where
 * `năm` is the commonest `nam`. Counted in the articles' text, up to `budget` characters of it
 * (every k-th article past that, so a large subset is sampled rather than read whole); a term not
 * seen shows its folded form.
 */
export function spellingsOf(
  corpus: StatsCorpus,
  docs: Uint32Array,
  wanted: Iterable<string>,
  budget = 1_000_000,
): Map<string, string> {
  const want = new Set(wanted);
  const lengths = new Set<number>();
  for (const w of want) lengths.add(w.split(' ').length);
  const n = Math.max(1, ...lengths);
  const counts = new Map<string, Map<string, number>>();
  const { text, dump } = corpus;
  let size = 0;
  for (const d of docs) size += dump.articles[d].textEndOffset - dump.articles[d].textStartOffset;
  const step = size > budget ? Math.ceil(size / budget) : 1;
  const folded: string[] = [];
  const written: string[] = [];
  const count = (from: number) => {
    const key = folded.slice(from).join(' ');
    if (!want.has(key)) return;
    const form = written.slice(from).join(' ').normalize('NFC');
    let m = counts.get(key);
    if (!m) counts.set(key, (m = new Map()));
    m.set(form, (m.get(form) ?? 0) + 1);
  };
  for (let k = 0; k < docs.length; k += step) {
    const a = dump.articles[docs[k]];
    folded.length = 0;
    written.length = 0;
    forEachWord(text, a.textStartOffset, a.textEndOffset, (word) => {
      folded.push(foldWord(word));
      written.push(word);
      if (folded.length > n) {
        folded.shift();
        written.shift();
      }
      for (const len of lengths) if (len <= folded.length) count(folded.length - len);
    });
  }
  const out = new Map<string, string>();
  for (const term of want) {
    let best = term;
    let bestCount = 0;
    for (const [w, c] of counts.get(term) ?? [])
      if (c > bestCount || (c === bestCount && w < best)) [best, bestCount] = [w, c];
    out.set(term, best);
  }
  return out;
}
