import type { Article, Dump } from '../dump/types';
import { excerpt } from '../text/excerpt';
import type { Entity, EntityIndex, Mention } from './extract';

/** What a hover card says about one entity, computed from the corpus. */
export interface EntityCard {
  readonly entity: Entity;
  readonly inArticle: number;
  readonly articleCount: number;
  readonly firstDate?: string;
  readonly lastDate?: string;
  readonly companions: readonly { entity: Entity; articles: number }[];
  readonly contexts: readonly { article: Article; text: string }[];
  /** The role the text gives most often before the name, with how many mentions give it; none rather than a guess. */
  readonly role?: { text: string; mentions: number };
  /**
   * `little` when the card rests on little: one mention, or a name the rules typed only from its other
   * mentions or a weak guess, with no gazetteer entry. The card then says so instead of asserting more.
   */
  readonly evidence: 'little' | 'some';
}

interface Grouping {
  readonly byEntity: Map<string, Mention[]>;
  /** Entities by number (their order in the index), and each one's number. */
  readonly ids: string[];
  readonly ordinal: Map<string, number>;
  /** Per article, the numbers of the entities it mentions, each once: companions count by article. */
  readonly byArticle: Map<number, Int32Array>;
  readonly facts: Map<string, EntityFacts>;
  /** Scratch counts by entity number, all zero between uses. */
  readonly counts: Int32Array;
}
const groupings = new WeakMap<EntityIndex, Grouping>();

/** Mentions grouped by entity, and entities by article, once per index: a card then reads only what concerns it. */
function grouped(index: EntityIndex): Grouping {
  let g = groupings.get(index);
  if (g) return g;
  const ids = [...index.entities.keys()];
  const ordinal = new Map(ids.map((id, i) => [id, i]));
  const byEntity = new Map<string, Mention[]>();
  const byArticle = new Map<number, Int32Array>();
  let article = -1;
  let list: number[] = [];
  const seen = new Set<number>();
  const close = () => {
    if (article >= 0) byArticle.set(article, Int32Array.from(list));
  };
  for (const m of index.mentions) {
    let e = byEntity.get(m.entity);
    if (!e) byEntity.set(m.entity, (e = []));
    e.push(m);
    if (m.articleIndex !== article) {
      close();
      article = m.articleIndex;
      list = [];
      seen.clear();
    }
    const n = ordinal.get(m.entity)!;
    if (!seen.has(n)) {
      seen.add(n);
      list.push(n);
    }
  }
  close();
  g = { byEntity, ids, ordinal, byArticle, facts: new Map(), counts: new Int32Array(ids.length) };
  groupings.set(index, g);
  return g;
}

/**
 * Works out, ahead of the first hover, what every card says whatever the mention (a worker does it once
 * idle): a card is then only its contexts. About a pass over each entity's articles' entities.
 */
export function prepareCards(index: EntityIndex, dump?: Dump): void {
  const g = grouped(index);
  if (dump) for (const e of index.entities.values()) factsOf(dump, index, g, e);
}

/** What a card says of an entity whatever the mention hovered: worked out once per entity, then kept. */
interface EntityFacts {
  readonly firstDate?: string;
  readonly lastDate?: string;
  readonly companions: EntityCard['companions'];
  readonly role?: { text: string; mentions: number };
}

function factsOf(dump: Dump, index: EntityIndex, g: Grouping, entity: Entity): EntityFacts {
  const known = g.facts.get(entity.id);
  if (known) return known;
  const own = g.byEntity.get(entity.id) ?? [];
  let firstDate: string | undefined;
  let lastDate: string | undefined;
  for (const i of entity.articles) {
    const d = dump.articles[i]?.date?.value;
    if (!d) continue;
    if (firstDate === undefined || d < firstDate) firstDate = d;
    if (lastDate === undefined || d > lastDate) lastDate = d;
  }
  // Companions: in how many of this entity's articles each other entity is, counted in a reused array.
  const self = g.ordinal.get(entity.id);
  const touched: number[] = [];
  for (const a of entity.articles)
    for (const n of g.byArticle.get(a) ?? []) {
      if (n === self) continue;
      if (g.counts[n]++ === 0) touched.push(n);
    }
  const companions = touched
    .map((n) => ({ entity: index.entities.get(g.ids[n])!, articles: g.counts[n] }))
    .sort((a, b) => b.articles - a.articles || b.entity.mentions - a.entity.mentions)
    .slice(0, 4);
  for (const n of touched) g.counts[n] = 0;
  const roles = new Map<string, number>();
  for (const m of own) if (m.role) roles.set(m.role, (roles.get(m.role) ?? 0) + 1);
  const topRole = [...roles.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const facts: EntityFacts = {
    firstDate,
    lastDate,
    companions,
    role: topRole && { text: topRole[0], mentions: topRole[1] },
  };
  g.facts.set(entity.id, facts);
  return facts;
}

export function entityCard(text: string, dump: Dump, index: EntityIndex, mention: Mention): EntityCard {
  const entity = index.entities.get(mention.entity)!;
  const g = grouped(index);
  const own = g.byEntity.get(entity.id) ?? [];
  const { firstDate, lastDate, companions, role } = factsOf(dump, index, g, entity);
  const contexts: { article: Article; text: string }[] = [];
  const seen = new Set<number>([mention.articleIndex]);
  for (const m of own) {
    if (contexts.length >= 3) break;
    if (seen.has(m.articleIndex)) continue;
    seen.add(m.articleIndex);
    const article = dump.articles[m.articleIndex];
    contexts.push({ article, text: excerpt(text, article, m.start, m.end, 60, 60).text });
  }
  const described = !!entity.description;
  return {
    entity,
    role,
    evidence:
      !described && (entity.mentions <= 1 || (entity.type === 'PER' && !role && entity.mentions <= 2))
        ? 'little'
        : 'some',
    inArticle: mentionsInArticle(own, mention.articleIndex),
    articleCount: entity.articles.size,
    firstDate,
    lastDate,
    companions,
    contexts,
  };
}

/** How many of an entity's mentions (in text order, so by article) fall in one article: two binary searches. */
function mentionsInArticle(own: readonly Mention[], article: number): number {
  const first = (a: number) => {
    let lo = 0;
    let hi = own.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (own[mid].articleIndex < a) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return first(article + 1) - first(article);
}
