import type { StatsCorpus } from './corpus';
import { gramAt } from './frequency';
import { NO_STOP_WORDS, stopForms } from './stopWords';
import { tokensIn } from './subset';

/**
 * The most frequent written form (NFC, case kept) of each wanted folded word or n-gram (syllables
 * joined by a space), among the occurrences the statistic counted (stop words left out the same
 * way). An n-gram is spelled as a whole, so `viet nam` shows `Việt Nam` even where `năm` is the
 * commonest `nam`. Counted from the word stream's forms, up to `budget` words (every k-th article
 * past that, so a large subset is sampled rather than read whole); a term not seen shows its
 * folded form.
 */
export function spellingsOf(
  corpus: StatsCorpus,
  docs: Uint32Array,
  wanted: Iterable<string>,
  budget = 2_000_000,
  stopWords: ReadonlySet<string> = NO_STOP_WORDS,
): Map<string, string> {
  const stream = corpus.stream;
  const { ids, forms, starts, terms, formText } = stream;
  const stop = stopForms(stream, stopWords);
  const termId = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) termId.set(terms[i], i);
  const want = [...new Set(wanted)];
  // By length: the wanted n-grams as "id id …" keys, and which ids start one.
  const byLength = new Map<number, { keys: Map<string, number>; first: Uint8Array }>();
  want.forEach((w, k) => {
    const gram = w.split(' ').map((t) => termId.get(t));
    if (gram.some((id) => id === undefined)) return;
    let g = byLength.get(gram.length);
    if (!g) byLength.set(gram.length, (g = { keys: new Map(), first: new Uint8Array(terms.length) }));
    g.keys.set(gram.join(' '), k);
    g.first[gram[0]!] = 1;
  });
  const counts = want.map(() => new Map<string, number>());
  const total = tokensIn(corpus, docs);
  const step = total > budget ? Math.ceil(total / budget) : 1;
  for (let k = 0; k < docs.length; k += step) {
    const d = docs[k];
    for (const [n, g] of byLength)
      for (let i = starts[d]; i + n <= starts[d + 1]; i++) {
        if (!g.first[ids[i]] || !gramAt(stream, stop, i, n)) continue;
        const w = n === 1 ? g.keys.get(String(ids[i])) : g.keys.get(Array.from(ids.subarray(i, i + n)).join(' '));
        if (w === undefined) continue;
        const form = n === 1 ? String(forms[i]) : Array.from(forms.subarray(i, i + n)).join(' ');
        counts[w].set(form, (counts[w].get(form) ?? 0) + 1);
      }
  }
  const out = new Map<string, string>();
  want.forEach((term, k) => {
    let best = term;
    let bestCount = 0;
    for (const [key, c] of counts[k]) {
      const w = key
        .split(' ')
        .map((f) => formText[Number(f)])
        .join(' ');
      if (c > bestCount || (c === bestCount && w < best)) [best, bestCount] = [w, c];
    }
    out.set(term, best);
  });
  return out;
}
