import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityType } from '../../core/entities/gazetteer';
import { filterEntities, type EntitySummary } from '../../core/entities/summary';
import type { CorpusWorkspace } from '../../corpus/corpusWorkspace';
import type { EntitiesModel } from './model';
import { toTreeItem, type EntityNode } from './nodes';

export const ENTITY_PAGE_SIZE = 200;

/** People, places and organisations, most mentioned first; expanding one lists the articles that mention it. */
export class EntityTreeProvider implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly shown = new Map<EntityType, number>();
  private roots: (EntityNode & { kind: 'type' })[] = [];
  private readonly byType = new Map<EntityType, EntitySummary[]>();
  private readonly entityNodes = new Map<string, EntityNode & { kind: 'entity' }>();
  private readonly subscription: vscode.Disposable;
  filter = '';

  constructor(
    private readonly model: EntitiesModel,
    private readonly articles: CorpusWorkspace,
  ) {
    this.subscription = model.onDidChange(() => this.rebuild());
    this.rebuild();
  }

  rebuild(): void {
    const visible = filterEntities(this.model.entities, this.filter);
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
    this.changed.fire(undefined);
  }

  getChildren(node?: EntityNode): EntityNode[] {
    if (!node) return this.roots;
    if (node.kind === 'type') {
      const all = this.byType.get(node.type) ?? [];
      const shown = this.shown.get(node.type) ?? ENTITY_PAGE_SIZE;
      const nodes: EntityNode[] = all.slice(0, shown).map((entity) => this.entityNode(entity, node));
      if (all.length > shown)
        nodes.push({
          kind: 'more',
          id: `more:${node.type}`,
          type: node.type,
          remaining: all.length - shown,
          parent: node,
        });
      return nodes;
    }
    if (node.kind === 'entity') {
      return node.entity.articles.map((ref) => ({
        kind: 'ref' as const,
        id: `${node.id}@${ref.dumpKey}#${ref.articleIndex}`,
        entity: node.entity,
        ref,
        parent: node,
        article: this.articles.find(vscode.Uri.parse(ref.dumpKey))?.dump.articles[ref.articleIndex],
      }));
    }
    return [];
  }

  getParent(node: EntityNode): EntityNode | undefined {
    return node.kind === 'type' ? undefined : node.parent;
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  /** The node for an entity, for reveal; undefined when the filter hides it. */
  nodeFor(id: string): EntityNode | undefined {
    const cached = this.entityNodes.get(id);
    if (cached) return cached;
    const type = id.slice(0, 3) as EntityType;
    const root = this.roots.find((r) => r.type === type);
    const list = this.byType.get(type) ?? [];
    const at = list.findIndex((e) => e.id === id);
    if (!root || at < 0) return undefined;
    if (at >= (this.shown.get(type) ?? ENTITY_PAGE_SIZE)) this.shown.set(type, at + 1);
    return this.entityNode(list[at], root);
  }

  loadMore(type: EntityType): void {
    this.shown.set(type, (this.shown.get(type) ?? ENTITY_PAGE_SIZE) + ENTITY_PAGE_SIZE * 5);
    this.changed.fire(undefined);
  }

  private entityNode(entity: EntitySummary, parent: EntityNode): EntityNode & { kind: 'entity' } {
    const id = `entity:${entity.id}`;
    let node = this.entityNodes.get(entity.id);
    if (!node || node.entity !== entity)
      this.entityNodes.set(entity.id, (node = { kind: 'entity', id, entity, parent }));
    return node;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
