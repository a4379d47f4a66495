import { foldDiacritics } from '../text/fold';
import { type Candidate, FIXED, type NameWord, NONE, STRONG, WEAK } from './candidates';
import type { EntityType } from './gazetteer';

/** Each name's type votes, summed over the mentions with evidence (a FIXED one counts twice). */
export type TypeVotes = Map<string, Record<EntityType, number>>;

/** The type votes of some candidates, added to `into` (a corpus split into parts sums its parts' votes). */
export function tallyVotes(candidates: readonly Candidate[], into: TypeVotes = new Map()): TypeVotes {
  // Indexed, as every loop over the candidates: a for-of made an iterator result per candidate (one pass, rarely optimised).
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (c.strength < STRONG) continue;
    let v = into.get(c.voteKey);
    if (!v) into.set(c.voteKey, (v = { PER: 0, LOC: 0, ORG: 0 }));
    v[c.type] += c.strength === FIXED ? 2 : 1;
  }
  return into;
}

/**
 * One name, one type across the corpus: every mention's evidence votes for its name's type
 * (`tại Đà Nẵng`, `TP Đà Nẵng`, `người dân Đà Nẵng` make `Đà Nẵng` a place everywhere). Mentions with no
 * evidence of their own take the corpus's type; a clear majority also overrules a weaker guess.
 */
export function voteTypes(candidates: Candidate[], pairs: ReadonlySet<string>): void {
  applyVotes(candidates, tallyVotes(candidates), pairs);
}

/** voteTypes with the corpus's votes and acronym pairs given: those of every part of the corpus. */
export function applyVotes(candidates: Candidate[], votes: TypeVotes, pairs: ReadonlySet<string>): void {
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (c.strength === FIXED || c.entry || c.cued) continue;
    // An acronym the corpus pairs with a long name is that organisation.
    if (c.acronym && c.key && pairs.has(c.key)) c.keep = true;
    // An acronym's capitals are no evidence: `TS`, `CA` take no type from a person or a place spelled alike.
    if (c.acronym) continue;
    const v = votes.get(c.voteKey);
    if (!v) continue;
    // The most votes, the first of PER, LOC, ORG on a tie.
    const best: EntityType = v.ORG > Math.max(v.PER, v.LOC) ? 'ORG' : v.LOC > v.PER ? 'LOC' : 'PER';
    const total = v.PER + v.LOC + v.ORG;
    const own = v[c.type];
    if (c.strength <= WEAK ? v[best] > 0 : v[best] >= 3 * Math.max(1, own) && v[best] / total >= 0.75) {
      if (best !== c.type) {
        c.type = best;
        if (best !== 'PER') c.key = foldDiacritics(c.voteKey);
      }
      c.keep = true;
    }
  }
}

// The shape of a Vietnamese syllable, tone marks folded: onset, one to three vowels, a final consonant.
export const SYLLABLE_SHAPE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?(ieu|yeu|oai|oay|oao|oeo|uay|uoi|uou|uya|uye|uyu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|[aeiouy])(ch|ng|nh|[cmnpt])?$/;

const shapes = new Map<string, boolean>();
/** SYLLABLE_SHAPE.test, memoised: the corpus passes ask it of the same few thousand names' words millions of times. */
function syllableShaped(folded: string): boolean {
  let shaped = shapes.get(folded);
  if (shaped === undefined) {
    if (shapes.size >= 100_000) shapes.clear();
    shapes.set(folded, (shaped = SYLLABLE_SHAPE.test(folded)));
  }
  return shaped;
}

/** A person's key: a Vietnamese name by its whole spelling, tone marks kept; a foreign one by initials and last name. */
export function personKey(words: readonly NameWord[]): string {
  const last = words[words.length - 1];
  // Initials have dots: most names have none and skip the regular expression.
  const initial = last.text.includes('.') ? /^((?:\p{L}\.\s?)+)(.*)$/u.exec(last.text) : null;
  if (words.length === 1 && initial) {
    const letters = foldDiacritics(initial[1]).replace(/[.\s]/g, '');
    return initial[2] ? `${letters}.${foldDiacritics(initial[2])}` : `${letters}.`;
  }
  if (words.length >= 2 && isForeign(words)) {
    let initials = '';
    // (`?? ''`: an empty folded form gives nothing, as join gave.)
    for (let k = 0; k < words.length - 1; k++) initials += words[k].folded[0] ?? '';
    return `${initials}.${last.folded}`;
  }
  return spelledLower(words);
}

/** Whether a word of the name is no Vietnamese syllable. */
function isForeign(words: readonly NameWord[]): boolean {
  for (let k = 0; k < words.length; k++) if (!syllableShaped(words[k].folded)) return true;
  return false;
}

/** The lower cases of words[from..] joined by spaces. */
function spelledLower(words: readonly NameWord[], from = 0): string {
  let out = words[from].lower;
  for (let k = from + 1; k < words.length; k++) out += ` ${words[k].lower}`;
  return out;
}

/** For each initials-and-last-name key, the first two letters of its first names (`Joe` and `Jill` Biden). */
export type FirstNames = Map<string, Set<string>>;
/**
 * What bare names are resolved against: `byTail`, for each tail of a full name (`Hùng`, `Văn Hùng`, `#hung`),
 * its one person's key, or null when several share it; `roles`, the roles the text gives each such person.
 */
export interface PersonTails {
  readonly byTail: Map<string, string | null>;
  readonly roles: Map<string, Set<string>>;
}

const isFull = (c: Candidate) => c.words!.length >= 2 || c.words![0].text.includes('.');
const isFullPerson = (c: Candidate) => c.type === 'PER' && !!c.words && c.strength !== NONE && !c.entry && isFull(c);

/** The tails a full name is also called by: its last words, its folded last name, a foreign first name. */
function tailsOf(words: readonly NameWord[]): string[] {
  const out: string[] = [];
  for (let k = words.length - 1; k >= 1; k--) out.push(spelledLower(words, k));
  out.push(`#${words[words.length - 1].folded}`);
  // A foreign person is also named by the first name alone (`Rosie`, `Jason`).
  if (words.length >= 2 && !syllableShaped(words[0].folded)) out.push(`#${words[0].folded}`);
  return out;
}

/**
 * `Joe Biden` and `Jill Biden` share initials and last name: where one key holds first names that differ
 * from their second letter on, the key takes the first two letters (`Sergei` and `Sergey` stay one).
 * Run after the types are voted; a corpus in parts unites its parts' first names.
 */
export function collectFirstNames(candidates: readonly Candidate[], into: FirstNames = new Map()): FirstNames {
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (!isFullPerson(c) || c.words!.length < 2) continue;
    const key = personKey(c.words!);
    if (!/^[a-z]+\./.test(key)) continue;
    let names = into.get(key);
    if (!names) into.set(key, (names = new Set()));
    names.add(c.words![0].folded.slice(0, 2));
  }
  return into;
}

const addTail = (map: Map<string, string | null>, tail: string, key: string) => {
  const had = map.get(tail);
  if (had === undefined) map.set(tail, key);
  else if (had !== null && had !== key) map.set(tail, null);
};

const addRole = (roles: Map<string, Set<string>>, key: string, role: string) => {
  let had = roles.get(key);
  if (!had) roles.set(key, (had = new Set()));
  had.add(role);
};

/** Merges one part's person tails into the corpus's (the same tail with two keys names nobody for sure). */
export function mergeTails(into: PersonTails, more: PersonTails): PersonTails {
  for (const [tail, key] of more.byTail) {
    if (key === null) into.byTail.set(tail, null);
    else addTail(into.byTail, tail, key);
  }
  for (const [key, roles] of more.roles) for (const role of roles) addRole(into.roles, key, role);
  return into;
}

// `H.`, `N.T.D.`, `Nguyễn T.`: the last word is initials only, a name the paper kept back.
const INITIALS_ONLY = /^(?:\p{Lu}\.)*\p{Lu}\.?$/u;

/**
 * Keys the full names by the corpus's first names; returns their tails and roles across these candidates.
 * A withheld name is someone of its article only: its key takes the article's index in the whole corpus,
 * `firstArticle` + the candidate's (a part's first article), so two articles' `H.` never merge.
 */
export function keyFullNames(candidates: readonly Candidate[], firstNames: FirstNames, firstArticle = 0): PersonTails {
  const keyOf = (words: readonly NameWord[]) => {
    const key = personKey(words);
    return words.length >= 2 && (firstNames.get(key)?.size ?? 0) > 1
      ? `${words[0].folded.slice(0, 2)}${key.slice(key.indexOf('.'))}`
      : key;
  };
  const tails: PersonTails = { byTail: new Map(), roles: new Map() };
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (!isFullPerson(c)) continue;
    const words = c.words!;
    c.key = keyOf(words);
    if (INITIALS_ONLY.test(words[words.length - 1].text)) c.key += `#${firstArticle + c.article}`;
    if (c.role) addRole(tails.roles, c.key, c.role);
    for (const tail of tailsOf(words)) addTail(tails.byTail, tail, c.key);
  }
  return tails;
}

/**
 * A bare name (`ông Hùng`, `Lavrov`) joins the one person of the article whose name ends with it, tone
 * marks and all (else the only such person of the corpus), and is left out when that is ambiguous, unless a
 * cue says it is someone: then it is someone of its article (keyed by `firstArticle` + its article, as a
 * withheld name is). A cued name with no such person is a person of its own. `tails` are the corpus's (keyFullNames, merged across
 * parts); an article's own are worked out here, article by article (the candidates come in article order).
 */
export function resolveBareNames(candidates: Candidate[], tails: PersonTails, firstArticle = 0): void {
  for (let from = 0; from < candidates.length; ) {
    const article = candidates[from].article;
    let to = from + 1;
    while (to < candidates.length && candidates[to].article === article) to++;
    if (to < candidates.length && candidates[to].article < article)
      throw new Error('resolveBareNames: candidates out of article order');
    // The article's own tails, worked out only for an article with a bare name to resolve.
    let here: Map<string, string | null> | undefined;
    const hereOf = (): Map<string, string | null> => {
      if (here) return here;
      here = new Map();
      for (let k = from; k < to; k++) {
        const c = candidates[k];
        if (isFullPerson(c)) for (const tail of tailsOf(c.words!)) addTail(here, tail, c.key!);
      }
      return here;
    };
    for (let k = from; k < to; k++) resolveBareName(candidates[k], tails, hereOf, firstArticle);
    from = to;
  }
}

/** A bare name's role fits the one person of its name: theirs too, or (foreign) they have none in the corpus. */
function roleFits(role: string, theirs: ReadonlySet<string> | undefined, foreign: boolean): boolean {
  return theirs?.has(role) === true || (foreign && !theirs?.size);
}

function resolveBareName(
  c: Candidate,
  tails: PersonTails,
  hereOf: () => Map<string, string | null>,
  firstArticle: number,
): void {
  if (c.type !== 'PER' || !c.words || c.entry || c.key) return;
  if (isFull(c) && c.strength >= WEAK) return;
  const here = hereOf();
  const spelled = spelledLower(c.words);
  // Foreign names are matched by last name without tone marks (`Lavrov`); Vietnamese with them.
  const foreign = isForeign(c.words);
  const tail = tails.byTail.has(spelled) || !foreign ? spelled : `#${c.words[c.words.length - 1].folded}`;
  // How many people the tail names (0, 1 or several): in the corpus, and in this article.
  const all = tails.byTail.get(tail);
  const allCount = all === undefined ? 0 : all === null ? 2 : 1;
  const local = here.get(tail);
  const hereCount = local === undefined ? 0 : local === null ? 2 : 1;
  // The corpus's one person of the name. A Vietnamese given name is shared by many people: only a cued one
  // without a role of its own takes it (`Tổng thống Hùng` of one article is not `Nguyễn Văn Hùng` of another),
  // or one whose role the corpus gives that person too (`HLV Mourinho` is `HLV Jose Mourinho`). A foreign last
  // name is rare enough to take it without a role, or with one when the full name never has a role of its own
  // (`HLV Kiatisuk` is `Zico Kiatisuk`); `Tổng thống Biden` is not `Đệ nhất phu nhân Jill Biden`.
  const corpusWide = foreign || c.cued || c.strength >= WEAK;
  const chosen =
    hereCount === 1
      ? local!
      : hereCount === 0 &&
          allCount === 1 &&
          ((corpusWide && !c.role) || (c.role !== undefined && roleFits(c.role, tails.roles.get(all!), foreign)))
        ? all!
        : undefined;
  if (chosen !== undefined) c.key = chosen;
  else if ((c.cued || c.strength >= WEAK || c.keep) && !hereCount && (allCount <= 1 || c.role))
    c.key = personKey(c.words);
  // A cued name is someone even when it cannot be told which of several people it is (`ông Lee` of an article
  // with `Lee Kun-hee` and `Jay Y. Lee`), and so is a foreign name two people of its article are called by
  // (`Rosie` of `Rosie Huntington-Whiteley` and a misspelt `Rosie Huntington-Whitley`; a Vietnamese one may be a
  // word two false names end with, `Lịch` of `Atlat Lịch sử`): someone of that article, joined to nobody.
  else if (c.cued || (foreign && hereCount > 1) || (c.words.length >= 2 && allCount > 1 && !hereCount))
    c.key = `${personKey(c.words)}#${firstArticle + c.article}`;
}

/**
 * People: full names are one person per key; a bare name joins the one person its article (else the
 * corpus) has of that name. Linear in the candidates: each tail keeps one key or "several", not a list.
 */
export function resolvePeople(candidates: Candidate[]): void {
  resolveBareNames(candidates, keyFullNames(candidates, collectFirstNames(candidates)));
}
