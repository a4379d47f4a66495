import * as vscode from 'vscode';
import type { CorpusWorkspace } from '../../corpus/corpusWorkspace';
import { EntityTree, type EntityNode } from './entityTree';
import type { EntitiesModel } from './model';
import { toTreeItem } from './nodes';

/** The Entities view's data: the model's entities as an `EntityTree`, rebuilt as they or the filter change. */
export class EntityTreeProvider implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly tree: EntityTree;
  private readonly subscription: vscode.Disposable;
  filter = '';

  constructor(
    private readonly model: EntitiesModel,
    articles: CorpusWorkspace,
  ) {
    this.tree = new EntityTree((key, index) => articles.find(vscode.Uri.parse(key))?.dump.articles[index]);
    this.subscription = model.onDidChange(() => this.rebuild());
    this.rebuild();
  }

  rebuild(): void {
    this.tree.rebuild(this.model.entities, this.filter);
    this.changed.fire(undefined);
  }

  getChildren(node?: EntityNode): EntityNode[] {
    return this.tree.children(node);
  }

  getParent(node: EntityNode): EntityNode | undefined {
    return node.kind === 'type' ? undefined : node.parent;
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  /** The node for an entity, for reveal; undefined when the filter hides it. */
  nodeFor(id: string): EntityNode | undefined {
    return this.tree.nodeFor(id);
  }

  loadMore(owner: string): void {
    this.tree.loadMore(owner);
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
