import {
  applyVotes,
  collectFirstNames,
  type FirstNames,
  keyFullNames,
  mergeTails,
  type PersonTails,
  resolveBareNames,
  tallyVotes,
  type TypeVotes,
} from './corpusPasses';
import { type EntityIndex, indexCandidates, listCandidates, type PartCandidates } from './extract';
import type { ListedEntity } from './listing';
import type { Gazetteer } from './gazetteer';

/** What one part tells the corpus after its article passes: its type votes and acronym pairs. */
export interface PartVotes {
  readonly votes: TypeVotes;
  readonly pairs: Set<string>;
}

/**
 * The entities of one part of a corpus split into parts (a large dump on several workers). The corpus
 * passes need the whole corpus's evidence, so a part goes step by step, and between steps the parts'
 * evidence is merged (`mergeVotes`, `mergeFirstNames`, `mergeTails`) and given back to every part:
 * 1. `votes()` after the article passes; 2. `applyVotes(corpus votes)` → first names;
 * 3. `keyPeople(corpus first names)` → person tails; 4. `finish(corpus tails)` → the part's index.
 * The result is the whole corpus's `extractEntities`, placed in the part (names and tie-breaks aside).
 */
export class PartExtraction {
  /**
   * `found`: the part's candidates (`findCandidates`, or a `CandidateFinder` run to its end);
   * `firstArticle`: the index in the whole corpus of the part's first article.
   */
  constructor(
    private readonly text: string,
    private readonly found: PartCandidates,
    private readonly gazetteer: Gazetteer,
    private readonly firstArticle = 0,
  ) {}

  votes(): PartVotes {
    return { votes: tallyVotes(this.found.candidates), pairs: this.found.pairs };
  }

  applyVotes(corpus: PartVotes): FirstNames {
    applyVotes(this.found.candidates, corpus.votes, corpus.pairs);
    return collectFirstNames(this.found.candidates);
  }

  keyPeople(firstNames: FirstNames): PersonTails {
    return keyFullNames(this.found.candidates, firstNames, this.firstArticle);
  }

  finish(tails: PersonTails): EntityIndex {
    return indexCandidates(this.text, this.resolved(tails), this.gazetteer);
  }

  /** `listEntities(finish(tails))`, without making the mentions: for a part that keeps only its listing. */
  finishListing(tails: PersonTails): ListedEntity[] {
    return listCandidates(this.text, this.resolved(tails), this.gazetteer);
  }

  /** The part's candidates with their bare names resolved against the corpus's tails (keyed in the whole corpus). */
  private resolved(tails: PersonTails): PartCandidates['candidates'] {
    resolveBareNames(this.found.candidates, tails, this.firstArticle);
    return this.found.candidates;
  }
}

export function mergeVotes(parts: readonly PartVotes[]): PartVotes {
  const votes: TypeVotes = new Map();
  const pairs = new Set<string>();
  for (const p of parts) {
    for (const [key, v] of p.votes) {
      const into = votes.get(key);
      if (!into) votes.set(key, { ...v });
      else {
        into.PER += v.PER;
        into.LOC += v.LOC;
        into.ORG += v.ORG;
      }
    }
    for (const a of p.pairs) pairs.add(a);
  }
  return { votes, pairs };
}

export function mergeFirstNames(parts: readonly FirstNames[]): FirstNames {
  const out: FirstNames = new Map();
  for (const p of parts)
    for (const [key, names] of p) {
      const into = out.get(key);
      if (!into) out.set(key, new Set(names));
      else for (const n of names) into.add(n);
    }
  return out;
}

export function mergePersonTails(parts: readonly PersonTails[]): PersonTails {
  const out: PersonTails = { byTail: new Map(), roles: new Map() };
  for (const p of parts) mergeTails(out, p);
  return out;
}

/**
 * The four steps over parts that may live elsewhere (workers): `step` runs one step on every part and
 * gives back their answers. In one process, pass the parts' own methods.
 */
export async function extractInParts<P>(
  parts: readonly P[],
  step: {
    votes(p: P): Promise<PartVotes> | PartVotes;
    applyVotes(p: P, corpus: PartVotes): Promise<FirstNames> | FirstNames;
    keyPeople(p: P, firstNames: FirstNames): Promise<PersonTails> | PersonTails;
    finish(p: P, tails: PersonTails): Promise<EntityIndex> | EntityIndex;
  },
): Promise<EntityIndex[]> {
  const votes = mergeVotes(await Promise.all(parts.map((p) => step.votes(p))));
  const firstNames = mergeFirstNames(await Promise.all(parts.map((p) => step.applyVotes(p, votes))));
  const tails = mergePersonTails(await Promise.all(parts.map((p) => step.keyPeople(p, firstNames))));
  return Promise.all(parts.map((p) => step.finish(p, tails)));
}
