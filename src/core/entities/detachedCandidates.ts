import type { Candidate, NameWord } from './candidates';
import { clearFoldCache } from '../text/fold';
import type { PartCandidates } from './extract';
import { clearLowerWordCache } from './words';

/**
 * The candidates of a dump read part after part, placed in the whole dump and cut loose from each
 * part's text, so a part's text can go once its article passes are done: what the corpus passes read
 * (keys, roles, a name's words, the span's NFC text) is copied once per distinct string and shared.
 * Then the corpus passes run over all of them as over one corpus (`entitiesOfCandidates`, no text).
 */
export class DetachedCandidates implements PartCandidates {
  readonly candidates: Candidate[] = [];
  readonly pairs = new Set<string>();
  private readonly strings = new Map<string, string>();
  private readonly names = new Map<string, readonly NameWord[]>();

  /** Adds a part's candidates; `base`: the part's first article and first character in the whole dump. */
  add(text: string, part: PartCandidates, base: { article: number; offset: number }): void {
    for (const a of part.pairs) this.pairs.add(this.own(a));
    // Indexed, as every loop over the candidates: a for-of made an iterator result per candidate (one pass, rarely optimised).
    for (let k = 0; k < part.candidates.length; k++) {
      const c = part.candidates[k];
      // Millions of these: only the fields a candidate has (the corpus passes read a missing one as undefined).
      const candidate: { -readonly [K in keyof Candidate]: Candidate[K] } = {
        article: c.article + base.article,
        start: c.start + base.offset,
        end: c.end + base.offset,
        type: c.type,
        strength: c.strength,
        voteKey: this.own(c.voteKey),
        key: c.key === undefined ? undefined : this.own(c.key),
        surface: this.own(text.slice(c.start, c.end).normalize('NFC')),
      };
      if (c.role !== undefined) candidate.role = this.own(c.role);
      if (c.words) candidate.words = this.name(c.words);
      if (c.entry) candidate.entry = c.entry;
      if (c.acronym) candidate.acronym = true;
      if (c.cued) candidate.cued = true;
      if (c.keep) candidate.keep = true;
      this.candidates.push(candidate);
    }
    // The memos of folded and lower-case words hold slices of this text too.
    clearFoldCache();
    clearLowerWordCache();
  }

  /** One copy of a string, flat: a slice of a part's text would keep the whole text alive. */
  private own(s: string): string {
    let copy = this.strings.get(s);
    if (copy === undefined) {
      copy = flatCopy(s);
      this.strings.set(copy, copy);
    }
    return copy;
  }

  private name(words: readonly NameWord[]): readonly NameWord[] {
    const spelled = words.map((w) => w.text).join('\u0000');
    let name = this.names.get(spelled);
    if (!name) {
      name = words.map((w) => ({ text: this.own(w.text), folded: this.own(w.folded), lower: this.own(w.lower) }));
      this.names.set(this.own(spelled), name);
    }
    return name;
  }
}

/** A new string with the same characters, sharing no storage with the one given. */
const flatCopy = (s: string): string => JSON.parse(JSON.stringify(s));
