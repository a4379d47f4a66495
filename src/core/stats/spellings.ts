import type { StatsCorpus } from './corpus';
import { gramAt } from './frequency';
import { NO_STOP_WORDS, stopForms } from './stopWords';
import { tokensIn } from './subset';

/**
 * The most frequent written form (NFC, case kept) of each wanted folded word or n-gram (syllables
 * joined by a space), among the occurrences the statistic counted (stop words left out the same
 * way). An n-gram is spelled as a whole, so `viet nam` shows `Việt Nam` even where `năm` is the
 * commonest `nam`. Words are counted over up to ten times `budget` words (a cheap pass over the
 * forms); n-grams over up to `budget` words (every k-th article past that, so a large subset is sampled rather than read
 * whole). A term not seen shows its folded form; ties go to the form that sorts first.
 */
export function spellingsOf(
  corpus: StatsCorpus,
  docs: Uint32Array,
  wanted: Iterable<string>,
  budget = 1_000_000,
  stopWords: ReadonlySet<string> = NO_STOP_WORDS,
): Map<string, string> {
  const stream = corpus.stream;
  const { ids, forms, starts, terms, formText, formTerm } = stream;
  const stop = stopForms(stream, stopWords);
  const termId = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) termId.set(terms[i], i);
  const want = [...new Set(wanted)];
  const out = new Map<string, string>(want.map((w) => [w, w]));
  const grams: { key: string; ids: number[] }[] = [];
  const words = new Uint8Array(terms.length);
  for (const w of want) {
    const gram = w.split(' ').map((t) => termId.get(t));
    if (gram.some((id) => id === undefined)) continue;
    if (gram.length === 1) words[gram[0]!] = 1;
    else grams.push({ key: w, ids: gram as number[] });
  }
  // Words: count every form of a wanted term, then take each term's best form.
  const formCount = new Uint32Array(formText.length);
  const total = tokensIn(corpus, docs);
  const wordStep = total > 10 * budget ? Math.ceil(total / (10 * budget)) : 1;
  for (let k = 0; k < docs.length; k += wordStep)
    for (let i = starts[docs[k]]; i < starts[docs[k] + 1]; i++)
      if (words[ids[i]] && !stop[forms[i]]) formCount[forms[i]]++;
  const best = new Int32Array(terms.length).fill(-1);
  for (let f = 0; f < formText.length; f++) {
    if (!formCount[f]) continue;
    const t = formTerm[f];
    const b = best[t];
    if (b < 0 || formCount[f] > formCount[b] || (formCount[f] === formCount[b] && formText[f] < formText[b]))
      best[t] = f;
  }
  for (let t = 0; t < terms.length; t++) if (best[t] >= 0) out.set(terms[t], formText[best[t]]);
  if (!grams.length) return out;
  // N-grams: by length, keyed by their ids (a number for two: the common case, kept cheap); only
  // positions whose first and last ids start and end a wanted one are looked up.
  const V = terms.length;
  const F = formText.length;
  const idKey = (at: number, n: number) =>
    n === 2 ? ids[at] * V + ids[at + 1] : Array.from(ids.subarray(at, at + n)).join(' ');
  const formKey = (at: number, n: number) =>
    n === 2 ? forms[at] * F + forms[at + 1] : Array.from(forms.subarray(at, at + n)).join(' ');
  const byLength = new Map<number, { keys: Map<string | number, number>; first: Uint8Array; last: Uint8Array }>();
  grams.forEach((g, k) => {
    const n = g.ids.length;
    let entry = byLength.get(n);
    if (!entry) byLength.set(n, (entry = { keys: new Map(), first: new Uint8Array(V), last: new Uint8Array(V) }));
    entry.keys.set(n === 2 ? g.ids[0] * V + g.ids[1] : g.ids.join(' '), k);
    entry.first[g.ids[0]] = 1;
    entry.last[g.ids[n - 1]] = 1;
  });
  const counts = grams.map(() => new Map<string | number, number>());
  const step = total > budget ? Math.ceil(total / budget) : 1;
  for (let k = 0; k < docs.length; k += step) {
    const d = docs[k];
    for (const [n, g] of byLength)
      for (let i = starts[d]; i + n <= starts[d + 1]; i++) {
        if (!g.first[ids[i]] || !g.last[ids[i + n - 1]] || !gramAt(stream, stop, i, n)) continue;
        const w = g.keys.get(idKey(i, n));
        if (w === undefined) continue;
        const form = formKey(i, n);
        counts[w].set(form, (counts[w].get(form) ?? 0) + 1);
      }
  }
  const spelled = (key: string | number) =>
    typeof key === 'number'
      ? `${formText[Math.floor(key / F)]} ${formText[key % F]}`
      : key
          .split(' ')
          .map((f) => formText[Number(f)])
          .join(' ');
  grams.forEach((g, k) => {
    let top = g.key;
    let topCount = 0;
    for (const [key, c] of counts[k]) {
      if (c < topCount) continue;
      const w = spelled(key);
      if (c > topCount || w < top) [top, topCount] = [w, c];
    }
    out.set(g.key, top);
  });
  return out;
}
