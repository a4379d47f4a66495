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
}

const groupings = new WeakMap<EntityIndex, { byEntity: Map<string, Mention[]>; byArticle: Map<number, Mention[]> }>();

/** Mentions grouped by entity and by article, once per index: a card then reads only what concerns it. */
function grouped(index: EntityIndex) {
  let g = groupings.get(index);
  if (!g) {
    g = { byEntity: new Map(), byArticle: new Map() };
    for (const m of index.mentions) {
      let e = g.byEntity.get(m.entity);
      if (!e) g.byEntity.set(m.entity, (e = []));
      e.push(m);
      let a = g.byArticle.get(m.articleIndex);
      if (!a) g.byArticle.set(m.articleIndex, (a = []));
      a.push(m);
    }
    groupings.set(index, g);
  }
  return g;
}

export function entityCard(text: string, dump: Dump, index: EntityIndex, mention: Mention): EntityCard {
  const entity = index.entities.get(mention.entity)!;
  const { byEntity, byArticle } = grouped(index);
  const own = byEntity.get(entity.id) ?? [];
  const dates = [...entity.articles]
    .map((i) => dump.articles[i]?.date?.value)
    .filter((d): d is string => !!d)
    .sort();
  const together = new Map<string, Set<number>>();
  for (const m of [...entity.articles].flatMap((a) => byArticle.get(a) ?? [])) {
    if (m.entity === entity.id) continue;
    let set = together.get(m.entity);
    if (!set) together.set(m.entity, (set = new Set()));
    set.add(m.articleIndex);
  }
  const companions = [...together.entries()]
    .map(([id, arts]) => ({ entity: index.entities.get(id)!, articles: arts.size }))
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
  return {
    entity,
    inArticle: own.filter((m) => m.articleIndex === mention.articleIndex).length,
    articleCount: entity.articles.size,
    firstDate: dates[0],
    lastDate: dates[dates.length - 1],
    companions,
    contexts,
  };
}
