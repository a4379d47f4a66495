import type { EntityType, GazetteerEntry } from './gazetteer';
/** What the corpus passes read of a name's words (a `Word` of the text, or a copy cut loose from it). */
export interface NameWord {
  readonly text: string;
  readonly folded: string;
  readonly lower: string;
}

/**
 * How sure an article pass is of a candidate's type. FIXED: a gazetteer entry or a name whose own words
 * say what it is (`tỉnh Quảng Nam`, `Bộ Y tế`); STRONG: a cue or a list (`ông`, a surname, a known place);
 * WEAK: a guess the corpus may overrule; NONE: a capitalised name with no evidence, typed only by the corpus.
 */
export const FIXED = 3;
export const STRONG = 2;
export const WEAK = 1;
export const NONE = 0;

/** A span an article pass found, before the corpus passes type, key and merge it. */
export interface Candidate {
  readonly article: number;
  readonly start: number;
  readonly end: number;
  type: EntityType;
  readonly strength: number;
  /** The name as compared across the corpus for voting: lower case with tone marks, no unit or role word. */
  voteKey: string;
  /** The entity key, when the pass knows it (places, organisations, acronyms, gazetteer entries). */
  key?: string;
  readonly role?: string;
  /** A person's words, for keying by name. */
  readonly words?: readonly NameWord[];
  readonly entry?: GazetteerEntry;
  /** An acronym kept only with evidence: a known list, a paired long form, a gazetteer. */
  readonly acronym?: boolean;
  readonly cued?: boolean;
  /** Set by the corpus passes when evidence elsewhere decides a candidate with none of its own. */
  keep?: boolean;
  /** The span's text in NFC, when the candidate was cut loose from its text (DetachedCandidates). */
  readonly surface?: string;
}
