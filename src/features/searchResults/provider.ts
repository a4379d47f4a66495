import * as vscode from 'vscode';
import type { SearchResultsModel } from './model';
import { type ResultNode, toTreeItem } from './nodes';

/** The Search Results view's data: the model's groups and hits. */
export class SearchResultsProvider implements vscode.TreeDataProvider<ResultNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ResultNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(readonly model: SearchResultsModel) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: ResultNode): ResultNode[] {
    if (!node) return this.model.roots();
    if (node.kind === 'dump') return node.articles;
    if (node.kind === 'article') return node.hits;
    return [];
  }

  getParent(node: ResultNode): ResultNode | undefined {
    if (node.kind === 'hit') return node.parent;
    if (node.kind === 'article') return this.model.grouped ? node.parent : undefined;
    return undefined;
  }

  getTreeItem(node: ResultNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
