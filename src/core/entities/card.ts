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
  /** Per article, the entities it mentions, each once: a card counts companions by article, not by mention. */
  readonly byArticle: Map<number, string[]>;
}
const groupings = new WeakMap<EntityIndex, Grouping>();

/** Mentions grouped by entity, and entities by article, once per index: a card then reads only what concerns it. */
function grouped(index: EntityIndex): Grouping {
  let g = groupings.get(index);
  if (!g) {
    g = { byEntity: new Map(), byArticle: new Map() };
    let article = -1;
    let seen = new Set<string>();
    let list: string[] = [];
    for (const m of index.mentions) {
      let e = g.byEntity.get(m.entity);
      if (!e) g.byEntity.set(m.entity, (e = []));
      e.push(m);
      if (m.articleIndex !== article) {
        article = m.articleIndex;
        seen = new Set();
        list = g.byArticle.get(article) ?? [];
        g.byArticle.set(article, list);
      }
      if (!seen.has(m.entity)) {
        seen.add(m.entity);
        list.push(m.entity);
      }
    }
    groupings.set(index, g);
  }
  return g;
}

/** Groups an index's mentions for its cards ahead of the first hover (a worker does it once idle). */
export function prepareCards(index: EntityIndex): void {
  grouped(index);
}

export function entityCard(text: string, dump: Dump, index: EntityIndex, mention: Mention): EntityCard {
  const entity = index.entities.get(mention.entity)!;
  const { byEntity, byArticle } = grouped(index);
  const own = byEntity.get(entity.id) ?? [];
  const dates = [...entity.articles]
    .map((i) => dump.articles[i]?.date?.value)
    .filter((d): d is string => !!d)
    .sort();
  const together = new Map<string, number>();
  for (const a of entity.articles)
    for (const id of byArticle.get(a) ?? []) if (id !== entity.id) together.set(id, (together.get(id) ?? 0) + 1);
  const companions = [...together.entries()]
    .map(([id, articles]) => ({ entity: index.entities.get(id)!, articles }))
    .sort((a, b) => b.articles - a.articles || b.entity.mentions - a.entity.mentions)
    .slice(0, 4);
  const contexts: { article: Article; text: string }[] = [];
  const seen = new Set<number>([mention.articleIndex]);
  for (const m of own) {
    if (seen.has(m.articleIndex) || contexts.length >= 3) continue;
    seen.add(m.articleIndex);
    const article = dump.articles[m.articleIndex];
    contexts.push({ article, text: excerpt(text, article, m.start, m.end, 60, 60).text });
  }
  const roles = new Map<string, number>();
  for (const m of own) if (m.role) roles.set(m.role, (roles.get(m.role) ?? 0) + 1);
  const topRole = [...roles.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const described = !!entity.description;
  return {
    entity,
    role: topRole && { text: topRole[0], mentions: topRole[1] },
    evidence:
      !described && (entity.mentions <= 1 || (entity.type === 'PER' && !topRole && entity.mentions <= 2))
        ? 'little'
        : 'some',
    inArticle: own.filter((m) => m.articleIndex === mention.articleIndex).length,
    articleCount: entity.articles.size,
    firstDate: dates[0],
    lastDate: dates[dates.length - 1],
    companions,
    contexts,
  };
}
