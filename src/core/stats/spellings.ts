import { foldWord } from '../text/fold';
import { forEachWord } from '../text/tokenize';
import type { StatsCorpus } from './corpus';

/**
 * The most frequent written form (NFC, case kept) of each wanted folded term, counted in the
 * articles' text, up to `budget` characters of it (spread across the articles, so a large subset
 * is sampled rather than read whole). A term not seen shows its folded form.
 */
export function spellingsOf(
  corpus: StatsCorpus,
  docs: Uint32Array,
  wanted: Iterable<string>,
  budget = 4_000_000,
): Map<string, string> {
  const want = new Set(wanted);
  const counts = new Map<string, Map<string, number>>();
  const { text, dump } = corpus;
  let size = 0;
  for (const d of docs) size += dump.articles[d].textEndOffset - dump.articles[d].textStartOffset;
  const step = size > budget ? Math.ceil(size / budget) : 1;
  for (let k = 0; k < docs.length; k += step) {
    const a = dump.articles[docs[k]];
    forEachWord(text, a.textStartOffset, a.textEndOffset, (word) => {
      const folded = foldWord(word);
      if (!want.has(folded)) return;
      const written = word.normalize('NFC');
      let m = counts.get(folded);
      if (!m) counts.set(folded, (m = new Map()));
      m.set(written, (m.get(written) ?? 0) + 1);
    });
  }
  const out = new Map<string, string>();
  for (const term of want) {
    let best = term;
    let bestCount = 0;
    for (const [w, c] of counts.get(term) ?? []) if (c > bestCount || (c === bestCount && w < best)) [best, bestCount] = [w, c];
    out.set(term, best);
  }
  return out;
}

/** An n-gram's spelling: each syllable's most frequent form. */
export function spellGram(term: string, spellings: ReadonlyMap<string, string>): string {
  return term
    .split(' ')
    .map((t) => spellings.get(t) ?? t)
    .join(' ');
}
