import { page } from '../../core/articles/grouping';
import type { Article } from '../../core/dump/types';
import { entityTypeOf } from '../../core/entities/entityId';
import { ENTITY_TYPES, type EntityType } from '../../core/entities/gazetteer';
import { filterEntities, type EntityArticleRef, type EntitySummary } from '../../core/entities/summary';
import { PageLimits } from '../shared/pageLimits';

export const ENTITY_PAGE_SIZE = 200;

/** The Entities view's nodes as plain data (no `vscode` at run time, so Node tests drive them). */
export type EntityNode =
  | { kind: 'type'; id: string; type: EntityType; count: number }
  | { kind: 'entity'; id: string; entity: EntitySummary; parent: EntityNode }
  | { kind: 'ref'; id: string; entity: EntitySummary; ref: EntityArticleRef; article?: Article; parent: EntityNode }
  /** `owner`: whose children it pages, an entity type's group or an entity's articles (by node id). */
  | { kind: 'more'; id: string; owner: string; remaining: number; parent: EntityNode };

/** Finds the article an entity's reference names, in the corpus workspace. */
export type ArticleLookup = (dumpKey: string, articleIndex: number) => Article | undefined;

/** People, places and organisations, most mentioned first; under each entity the articles that mention it. */
export class EntityTree {
  /** Pages by owner: a type's group (its type) or an entity's articles (its node id), which can be tens of thousands. */
  private readonly shown = new PageLimits<string>(ENTITY_PAGE_SIZE);
  private roots: (EntityNode & { kind: 'type' })[] = [];
  private readonly byType = new Map<EntityType, EntitySummary[]>();
  private readonly entityNodes = new Map<string, EntityNode & { kind: 'entity' }>();

  constructor(private readonly articleOf: ArticleLookup) {}

  rebuild(entities: readonly EntitySummary[], filter: string): void {
    const visible = filterEntities(entities, filter);
    this.byType.clear();
    this.entityNodes.clear();
    for (const type of ENTITY_TYPES)
      this.byType.set(
        type,
        visible.filter((e) => e.type === type),
      );
    this.roots = ENTITY_TYPES.filter((t) => this.byType.get(t)!.length).map((type) => ({
      kind: 'type' as const,
      id: `type:${type}`,
      type,
      count: this.byType.get(type)!.length,
    }));
  }

  children(node?: EntityNode): EntityNode[] {
    if (!node) return this.roots;
    if (node.kind === 'type') {
      const all = this.byType.get(node.type) ?? [];
      return this.paged(node, node.type, all, (entity) => this.entityNode(entity, node));
    }
    if (node.kind === 'entity')
      return this.paged(node, node.id, node.entity.articles, (ref) => ({
        kind: 'ref' as const,
        id: `${node.id}@${ref.dumpKey}#${ref.articleIndex}`,
        entity: node.entity,
        ref,
        parent: node,
        article: this.articleOf(ref.dumpKey, ref.articleIndex),
      }));
    return [];
  }

  /** The shown page of `all` as nodes, then a "Load more" node if some are left. */
  private paged<T>(parent: EntityNode, owner: string, all: readonly T[], node: (item: T) => EntityNode): EntityNode[] {
    const { items, remaining } = page(all, this.shown.limit(owner));
    const nodes = items.map(node);
    if (remaining) nodes.push({ kind: 'more', id: `more:${owner}`, owner, remaining, parent });
    return nodes;
  }

  /** The node for an entity, for reveal; undefined when the filter hides it. */
  nodeFor(id: string): EntityNode | undefined {
    const cached = this.entityNodes.get(id);
    if (cached) return cached;
    const type = entityTypeOf(id);
    const root = type && this.roots.find((r) => r.type === type);
    const list = (type && this.byType.get(type)) || [];
    const at = list.findIndex((e) => e.id === id);
    if (!type || !root || at < 0) return undefined;
    this.shown.include(type, at);
    return this.entityNode(list[at], root);
  }

  loadMore(owner: string): void {
    this.shown.loadMore(owner);
  }

  private entityNode(entity: EntitySummary, parent: EntityNode): EntityNode & { kind: 'entity' } {
    const id = `entity:${entity.id}`;
    let node = this.entityNodes.get(entity.id);
    if (!node || node.entity !== entity)
      this.entityNodes.set(entity.id, (node = { kind: 'entity', id, entity, parent }));
    return node;
  }
}
