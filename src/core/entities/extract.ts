import type { Dump } from '../dump/types';
import { nfcOrNfdPattern } from '../text/nfdPattern';
import {
  abbreviationPass,
  acronymPass,
  bylinePass,
  pairedAcronymPass,
  type ArticleContext,
  gazetteerPass,
  lexiconPass,
  namePass,
  organisationPass,
  unitPlacePass,
} from './articlePasses';
import { type Candidate, NONE } from './candidates';
import { landmarkPass } from './landmarkPass';
import { listedPeoplePass } from './listedPeoplePass';
import { orgShortFormPass } from './orgShortFormPass';
import { personKey, resolvePeople, voteTypes } from './corpusPasses';
import {
  EMPTY_GAZETTEER,
  gazetteerSpellings,
  nameKey,
  type EntityType,
  type Gazetteer,
  type GazetteerEntry,
} from './gazetteer';
import { addRef, type ListedEntity, listed, listEntities } from './listing';
import { type Word, wordsIn } from './words';

export type { EntityType } from './gazetteer';

export interface Mention {
  readonly entity: string;
  readonly type: EntityType;
  readonly articleIndex: number;
  /** Offsets in the dump's text as read. */
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  readonly role?: string;
}

export interface Entity {
  readonly id: string;
  type: EntityType;
  name: string;
  readonly aliases: Set<string>;
  role?: string;
  description?: string;
  link?: string;
  mentions: number;
  readonly articles: Set<number>;
}

export interface EntityIndex {
  readonly entities: Map<string, Entity>;
  /** Sorted by start offset. */
  readonly mentions: Mention[];
}

interface Span {
  start: number;
  end: number;
  /** The span's text in NFC, if known already (else read from the text). */
  surface?: string;
}

interface Seen {
  readonly e: Entity;
  readonly surfaces: Map<string, number>;
  article: number;
}

class IndexBuilder {
  readonly entities = new Map<string, Entity>();
  readonly mentions: Mention[] = [];
  /**
   * `text` undefined: the spans bring their surfaces; `keepMentions` false: entities only, no mention list;
   * `refs`: where to count each entity's listing refs (`listEntities`) straight from the spans.
   */
  constructor(
    private readonly text: string | undefined,
    private readonly keepMentions = true,
    private readonly refs?: Map<string, number[]>,
  ) {}

  /**
   * Per type, per key: the entity, its surfaces' counts, and the article its last mention was in. Keyed apart
   * by type, a mention finds its entity without the id `type:key` made (and hashed) for each.
   */
  private readonly seen: Record<EntityType, Map<string, Seen>> = { PER: new Map(), LOC: new Map(), ORG: new Map() };

  /** One mention of the entity `type:key`; `name` fixes the entity's name (a gazetteer's). */
  add(type: EntityType, key: string, article: number, span: Span, role?: string, name?: string): void {
    const surface = span.surface ?? nfcSlice(this.text!, span.start, span.end);
    const ofType = this.seen[type];
    let at = ofType.get(key);
    if (!at) {
      const id = `${type}:${key}`;
      const e: Entity = { id, type, name: name ?? surface, aliases: new Set(), mentions: 0, articles: new Set() };
      this.entities.set(id, e);
      ofType.set(key, (at = { e, surfaces: new Map(), article: -1 }));
    }
    const { e, surfaces: counts } = at;
    const id = e.id;
    e.aliases.add(surface);
    counts.set(surface, (counts.get(surface) ?? 0) + 1);
    if (!name && !e.description && this.better(e, surface, counts)) e.name = surface;
    if (role) this.noteRole(e, role);
    e.mentions++;
    // A listing's refs hold the articles, so its entities need no set of them; the same article as the last
    // mention's (mentions come article by article) is in the set already.
    if (this.refs) addRef(this.refs, id, article, span.start, span.end);
    else if (at.article !== article) e.articles.add(article);
    at.article = article;
    if (this.keepMentions)
      this.mentions.push({
        entity: id,
        type: e.type,
        articleIndex: article,
        start: span.start,
        end: span.end,
        surface,
        role,
      });
  }

  private readonly roles = new Map<string, Map<string, number>>();
  /** An entity's role is the one the text gives it most often, not the first one met: a card states it. */
  private noteRole(e: Entity, role: string): void {
    let counts = this.roles.get(e.id);
    if (!counts) this.roles.set(e.id, (counts = new Map()));
    const n = (counts.get(role) ?? 0) + 1;
    counts.set(role, n);
    if (!e.role || (role !== e.role && n > (counts.get(e.role) ?? 0))) e.role = role;
  }

  /** People and organisations go by their fullest name; places by their commonest (`Nga`, not `Liên bang Nga`). */
  private better(e: Entity, surface: string, counts: Map<string, number>): boolean {
    if (surface === e.name || /^\p{Lu}\./u.test(surface)) return false;
    if (e.type === 'LOC') return counts.get(surface)! > (counts.get(e.name) ?? 0);
    return surface.length > e.name.length;
  }
}

/**
 * text.slice(start, end).normalize('NFC') without asking ICU for a span of precomposed Latin letters (all
 * below U+0300 or in U+1E00–U+1EFF, what NFC Vietnamese is written in), which is its own NFC.
 */
function nfcSlice(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x300 && (c < 0x1e00 || c > 0x1eff)) return s.normalize('NFC');
  }
  return s;
}

/** Above this, an article's words are looked at a window at a time, so one huge article never holds them all. */
export const ARTICLE_WINDOW = 256 * 1024;

/**
 * Where the windows of text[from, to) end: each at most `max` long, cut just after a line break (a name never
 * spans one), else after a space, else anywhere. A normal article is one window.
 */
export function articleWindows(text: string, from: number, to: number, max = ARTICLE_WINDOW): number[] {
  const ends: number[] = [];
  let start = from;
  while (to - start > max) {
    const limit = start + max;
    let cut = text.lastIndexOf('\n', limit - 1) + 1;
    if (cut <= start + max / 2) cut = text.lastIndexOf(' ', limit - 1) + 1;
    if (cut <= start + max / 2) cut = limit;
    ends.push(cut);
    start = cut;
  }
  ends.push(to);
  return ends;
}

const alternation = (source: readonly string[]) =>
  [...source]
    .sort((a, b) => b.length - a.length)
    .map(nfcOrNfdPattern)
    .join('|');

/** A part of a corpus (or all of it) after the article passes: its candidates and its acronym pairs. */
export interface PartCandidates {
  readonly candidates: Candidate[];
  readonly pairs: Set<string>;
}

/**
 * The article passes, in order: each takes its spans, and the later ones see only the words left.
 * `next(n)` runs them on the next n articles, so a worker can report progress and heed a cancel between.
 */
export class CandidateFinder {
  readonly found: PartCandidates = { candidates: [], pairs: new Set() };
  private readonly known: RegExp | undefined;
  private readonly spellings: Map<string, GazetteerEntry>;
  private done = 0;

  constructor(
    private readonly text: string,
    private readonly dump: Dump,
    gazetteer: Gazetteer = EMPTY_GAZETTEER,
  ) {
    this.spellings = gazetteerSpellings(gazetteer);
    this.known = this.spellings.size
      ? new RegExp(
          `(?<![\\p{L}\\p{M}\\p{N}])(?:${alternation([...new Set(gazetteer.entries.flatMap((e) => [e.name, ...e.aliases]))])})(?![\\p{L}\\p{M}\\p{N}])`,
          'gu',
        )
      : undefined;
  }

  /** The fraction of the articles done. */
  get progress(): number {
    return this.dump.articles.length ? this.done / this.dump.articles.length : 1;
  }

  /** Runs the passes on the next `count` articles; false once every article is done. */
  next(count = Number.POSITIVE_INFINITY): boolean {
    const { text } = this;
    const { candidates, pairs } = this.found;
    const stop = Math.min(this.dump.articles.length, this.done + count);
    for (; this.done < stop; this.done++) {
      const article = this.dump.articles[this.done];
      const firstCandidate = candidates.length;
      const ends = articleWindows(text, article.textStartOffset, article.textEndOffset);
      let from = article.textStartOffset;
      for (let w = 0; w < ends.length; w++) {
        const words = wordsIn(text, from, ends[w]);
        const c: ArticleContext = {
          text,
          article: article.index,
          section: article.name.split('/')[0],
          base: from,
          words,
          taken: new Uint8Array(words.length),
          out: candidates,
          pairs,
        };
        gazetteerPass(c, this.known, this.spellings);
        // A byline stands on the article's last lines: only the last window has them.
        if (w === ends.length - 1) bylinePass(c);
        abbreviationPass(c);
        landmarkPass(c);
        organisationPass(c);
        unitPlacePass(c);
        lexiconPass(c);
        namePass(c);
        listedPeoplePass(c, firstCandidate);
        pairedAcronymPass(c, firstCandidate);
        orgShortFormPass(c, firstCandidate);
        acronymPass(c);
        from = ends[w];
      }
    }
    return this.done < this.dump.articles.length;
  }
}

export function findCandidates(text: string, dump: Dump, gazetteer: Gazetteer = EMPTY_GAZETTEER): PartCandidates {
  const finder = new CandidateFinder(text, dump, gazetteer);
  finder.next();
  return finder.found;
}

/** The entity index of candidates the corpus passes have typed and keyed. */
export function indexCandidates(
  text: string | undefined,
  candidates: readonly Candidate[],
  gazetteer: Gazetteer,
  keepMentions = true,
): EntityIndex {
  const spellings = gazetteerSpellings(gazetteer);
  const out = new IndexBuilder(text, keepMentions);
  addCandidates(out, candidates);
  mergeIntoGazetteer(out, gazetteer, spellings, (entry) => `${entry.type}:${nameKey(entry.name)}`);
  out.mentions.sort((a, b) => a.start - b.start);
  return { entities: out.entities, mentions: out.mentions };
}

/** The candidates that are mentions of an entity, each added to `out`. */
function addCandidates(out: IndexBuilder, candidates: readonly Candidate[]): void {
  // Indexed, as every loop over the candidates: a for-of made an iterator result per candidate (one pass, rarely optimised).
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (c.entry) {
      out.add(c.entry.type, nameKey(c.entry.name), c.article, c, c.role, c.entry.name);
      continue;
    }
    if (!c.key || (c.strength === NONE && !c.keep && c.type !== 'PER')) continue;
    out.add(c.type, c.key, c.article, c, c.role);
  }
}

/**
 * The listing of candidates the corpus passes have typed and keyed: `listEntities(indexCandidates(…))`, made
 * without the mentions (no mention records, no sort) for a part that keeps nothing but its listing. A gazetteer
 * renames and merges entities by their mentions, so with one the listing is made from the index.
 */
export function listCandidates(
  text: string | undefined,
  candidates: readonly Candidate[],
  gazetteer: Gazetteer,
): ListedEntity[] {
  if (gazetteer.entries.length) return listEntities(indexCandidates(text, candidates, gazetteer));
  const refs = new Map<string, number[]>();
  const out = new IndexBuilder(text, false, refs);
  addCandidates(out, candidates);
  return listed(out.entities.values(), refs);
}

/**
 * People, places and organisations in Vietnamese news text, with their mentions merged by alias.
 * Article passes find candidate spans with their evidence; corpus passes then give each name one type
 * from all its mentions, key people by name and drop what has no evidence. A gazetteer's names are found
 * wherever they occur, and its entries name, type and describe the entities whose spellings they list.
 * (A corpus split into parts goes through the same passes in `PartExtraction`, its evidence merged.)
 */
export function extractEntities(text: string, dump: Dump, gazetteer: Gazetteer = EMPTY_GAZETTEER): EntityIndex {
  return entitiesOfCandidates(text, findCandidates(text, dump, gazetteer), gazetteer);
}

/**
 * The corpus passes and the index, for the candidates of a whole corpus (`text` undefined: candidates that
 * bring their surfaces, see DetachedCandidates; `keepMentions` false: the entities without their mentions).
 */
export function entitiesOfCandidates(
  text: string | undefined,
  found: PartCandidates,
  gazetteer: Gazetteer,
  keepMentions = true,
): EntityIndex {
  const { candidates, pairs } = found;
  voteTypes(candidates, pairs);
  resolvePeople(candidates);
  return indexCandidates(text, candidates, gazetteer, keepMentions);
}

/** Entities found by the rules whose spellings a gazetteer lists become that entry's entity. */
function mergeIntoGazetteer(
  out: IndexBuilder,
  gazetteer: Gazetteer,
  spellings: Map<string, GazetteerEntry>,
  idOf: (e: GazetteerEntry) => string,
): void {
  if (!gazetteer.entries.length) return;
  // A person the rules found under initials and last name joins the entry with a full name of that shape.
  const byPersonId = new Map<string, GazetteerEntry>();
  for (const entry of gazetteer.entries) {
    if (entry.type !== 'PER') continue;
    for (const spelling of [entry.name, ...entry.aliases]) {
      const words: Word[] = wordsIn(spelling, 0, spelling.length);
      const id = words.length ? `PER:${personKey(words)}` : '';
      if (id && !byPersonId.has(id)) byPersonId.set(id, entry);
    }
  }
  const renamed = new Map<string, string>();
  for (const e of [...out.entities.values()]) {
    const entry = [e.name, ...e.aliases].map((s) => spellings.get(nameKey(s))).find(Boolean) ?? byPersonId.get(e.id);
    if (!entry || idOf(entry) === e.id) continue;
    renamed.set(e.id, idOf(entry));
  }
  for (const [from, to] of renamed) {
    const source = out.entities.get(from)!;
    out.entities.delete(from);
    const target = out.entities.get(to);
    if (!target) {
      out.entities.set(to, { ...source, id: to });
      continue;
    }
    for (const a of source.aliases) target.aliases.add(a);
    for (const a of source.articles) target.articles.add(a);
    target.mentions += source.mentions;
    target.role ??= source.role;
  }
  for (let k = 0; k < out.mentions.length; k++) {
    const to = renamed.get(out.mentions[k].entity);
    if (to) out.mentions[k] = { ...out.mentions[k], entity: to };
  }
  for (const entry of gazetteer.entries) {
    const e = out.entities.get(idOf(entry));
    if (!e) continue;
    e.name = entry.name;
    e.type = entry.type;
    e.description = entry.description;
    e.link = entry.link;
    for (const a of entry.aliases) e.aliases.add(a);
  }
  for (let k = 0; k < out.mentions.length; k++) {
    const type = out.entities.get(out.mentions[k].entity)!.type;
    if (out.mentions[k].type !== type) out.mentions[k] = { ...out.mentions[k], type };
  }
}

/** The mention covering `offset`, by binary search over the sorted mentions. */
export function mentionAt(index: EntityIndex, offset: number): Mention | undefined {
  let lo = 0;
  let hi = index.mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = index.mentions[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset > m.end) lo = mid + 1;
    else return m;
  }
  return undefined;
}
