import { foldDiacritics } from '../text/fold';
import { type Candidate, FIXED, NONE, STRONG, WEAK } from './candidates';
import type { EntityType } from './gazetteer';
import type { Word } from './words';

/**
 * One name, one type across the corpus: every mention's evidence votes for its name's type
 * (`tại Đà Nẵng`, `TP Đà Nẵng`, `người dân Đà Nẵng` make `Đà Nẵng` a place everywhere). Mentions with no
 * evidence of their own take the corpus's type; a clear majority also overrules a weaker guess.
 */
export function voteTypes(candidates: Candidate[], pairs: ReadonlySet<string>): void {
  const votes = new Map<string, Record<EntityType, number>>();
  for (const c of candidates) {
    if (c.strength < STRONG) continue;
    let v = votes.get(c.voteKey);
    if (!v) votes.set(c.voteKey, (v = { PER: 0, LOC: 0, ORG: 0 }));
    v[c.type] += c.strength === FIXED ? 2 : 1;
  }
  for (const c of candidates) {
    if (c.strength === FIXED || c.entry || c.cued) continue;
    // An acronym the corpus pairs with a long name is that organisation.
    if (c.acronym && c.key && pairs.has(c.key)) c.keep = true;
    // An acronym's capitals are no evidence: `TS`, `CA` take no type from a person or a place spelled alike.
    if (c.acronym) continue;
    const v = votes.get(c.voteKey);
    if (!v) continue;
    const best = (['PER', 'LOC', 'ORG'] as const).reduce((a, b) => (v[b] > v[a] ? b : a));
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

const INITIALS_ONLY = /^(?:\p{Lu}\.)*\p{Lu}\.?$/u;

/** A person's key: a Vietnamese name by its whole spelling, tone marks kept; a foreign one by initials and last name. */
export function personKey(words: readonly Word[]): string {
  const last = words[words.length - 1];
  const initial = /^((?:\p{L}\.\s?)+)(.*)$/u.exec(last.text);
  if (words.length === 1 && initial) {
    const letters = foldDiacritics(initial[1]).replace(/[.\s]/g, '');
    return initial[2] ? `${letters}.${foldDiacritics(initial[2])}` : `${letters}.`;
  }
  const foreign = words.some((w) => !SYLLABLE_SHAPE.test(w.folded));
  if (foreign && words.length >= 2)
    return `${words
      .slice(0, -1)
      .map((w) => w.folded[0])
      .join('')}.${last.folded}`;
  return words.map((w) => w.lower).join(' ');
}

/**
 * People: full names are one person per key; a bare name (`ông Hùng`, `Lavrov`) joins the one person of
 * the article whose name ends with it, tone marks and all (else the only such person of the corpus), and
 * is left out when that is ambiguous. A cued name with no such person is a person of its own.
 */
export function resolvePeople(candidates: Candidate[]): void {
  const isFull = (c: Candidate) => c.words!.length >= 2 || /\./.test(c.words![0].text);
  const byTail = new Map<string, Map<string, Set<number>>>();
  const tailsOf = (words: readonly Word[]) => {
    const out: string[] = [];
    for (let k = words.length - 1; k >= 1; k--)
      out.push(
        words
          .slice(k)
          .map((w) => w.lower)
          .join(' '),
      );
    return out;
  };
  // `Joe Biden` and `Jill Biden` share initials and last name: where one key holds first names that differ
  // from their second letter on, the key takes the first two letters (`Sergei` and `Sergey` stay one).
  const firstNames = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (c.type !== 'PER' || !c.words || c.strength === NONE || c.entry || !isFull(c) || c.words.length < 2) continue;
    const key = personKey(c.words);
    if (!/^[a-z]+\./.test(key)) continue;
    let names = firstNames.get(key);
    if (!names) firstNames.set(key, (names = new Set()));
    names.add(c.words[0].folded.slice(0, 2));
  }
  const keyOf = (words: readonly Word[]) => {
    const key = personKey(words);
    return words.length >= 2 && (firstNames.get(key)?.size ?? 0) > 1
      ? `${words[0].folded.slice(0, 2)}${key.slice(key.indexOf('.'))}`
      : key;
  };
  const rolesOf = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (c.type !== 'PER' || !c.words || c.strength === NONE || c.entry || !isFull(c)) continue;
    c.key = keyOf(c.words);
    // `H.`, `N.T.D.`, `Nguyễn T.`: a name the paper kept back is someone of this article only.
    if (INITIALS_ONLY.test(c.words[c.words.length - 1].text)) c.key += `#${c.article}`;
    if (c.role) {
      let roles = rolesOf.get(c.key);
      if (!roles) rolesOf.set(c.key, (roles = new Set()));
      roles.add(c.role);
    }
    const lastFolded = c.words[c.words.length - 1].folded;
    // A foreign person is also named by the first name alone (`Rosie`, `Jason`).
    const firstName = c.words.length >= 2 && !SYLLABLE_SHAPE.test(c.words[0].folded) ? [`#${c.words[0].folded}`] : [];
    for (const tail of [...tailsOf(c.words), `#${lastFolded}`, ...firstName]) {
      let keys = byTail.get(tail);
      if (!keys) byTail.set(tail, (keys = new Map()));
      let arts = keys.get(c.key);
      if (!arts) keys.set(c.key, (arts = new Set()));
      arts.add(c.article);
    }
  }
  for (const c of candidates) {
    if (c.type !== 'PER' || !c.words || c.entry || c.key) continue;
    if (isFull(c) && c.strength >= WEAK) continue;
    const spelled = c.words.map((w) => w.lower).join(' ');
    // Foreign names are matched by last name without tone marks (`Lavrov`); Vietnamese with them.
    const keys = [...(byTail.get(spelled) ?? new Map<string, Set<number>>()).entries()];
    const foreign = c.words.some((w) => !SYLLABLE_SHAPE.test(w.folded));
    const all =
      keys.length || !foreign
        ? keys
        : [...(byTail.get(`#${c.words[c.words.length - 1].folded}`) ?? new Map()).entries()];
    const here = all.filter(([, arts]) => arts.has(c.article));
    // The corpus's one person of the name, only for a mention with no role of its own: `Tổng thống Biden` in an
    // article that never names him in full is not `Jill Biden` of another article.
    // With a role, it is that person only if the corpus gives them that role too: `HLV Kiatisuk` is `HLV Zico Kiatisuk`.
    const chosen =
      here.length === 1
        ? here[0][0]
        : here.length === 0 && all.length === 1 && (!c.role || rolesOf.get(all[0][0])?.has(c.role))
          ? all[0][0]
          : undefined;
    if (chosen !== undefined) c.key = chosen;
    else if ((c.cued || c.strength >= WEAK || c.keep) && !here.length && (all.length <= 1 || c.role))
      c.key = personKey(c.words);
  }
}
