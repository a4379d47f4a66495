import * as vscode from 'vscode';
import type { Grouping, SortOrder } from '../../core/articles/grouping';
import type { CorpusWorkspace } from '../../corpus/corpusWorkspace';
import type { ArticleFilter } from '../../core/articles/filter';
import type { ArticlesFilter, EntityArticlesFilter } from '../shared/articlesFilter';
import { ArticleTree, type ArticleNode } from './articleTree';
import { toTreeItem } from './nodes';

export { PAGE_SIZE } from './articleTree';

/** The Articles view's data: the workspace's dumps as an `ArticleTree`, rebuilt as they or the filters change. */
export class ArticleTreeProvider implements vscode.TreeDataProvider<ArticleNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ArticleNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly tree = new ArticleTree();
  grouping: Grouping = 'date';
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly model: CorpusWorkspace,
    private readonly filters: ArticlesFilter,
  ) {
    this.subscriptions = [model.onDidChange(() => this.rebuild()), filters.onDidChange(() => this.rebuild())];
    this.rebuild();
  }

  get filter(): ArticleFilter | undefined {
    return this.filters.text;
  }

  get entityFilter(): EntityArticlesFilter | undefined {
    return this.filters.entity;
  }

  rebuild(): void {
    const config = vscode.workspace.getConfiguration('corpusExplorer.articles');
    this.tree.rebuild({
      dumps: this.model.dumps,
      options: {
        grouping: this.grouping,
        order: config.get<SortOrder>('sortOrder', 'newest'),
        includeInferred: config.get<boolean>('includeInferredDates', true),
      },
      filter: this.filters.text,
      entityFilter: this.filters.entity,
    });
    this.changed.fire(undefined);
  }

  loadMore(node: ArticleNode & { kind: 'more' }): void {
    this.changed.fire(this.tree.loadMore(node));
  }

  getChildren(node?: ArticleNode): ArticleNode[] {
    return this.tree.children(node);
  }

  getParent(node: ArticleNode): ArticleNode | undefined {
    return node.kind === 'dump' ? undefined : node.parent;
  }

  getTreeItem(node: ArticleNode): vscode.TreeItem {
    return toTreeItem(node, (n) => {
      const text = this.model.find(n.uri)?.text;
      if (!text) return '';
      return text
        .slice(n.article.textStartOffset, Math.min(n.article.textEndOffset, n.article.textStartOffset + 400))
        .split('\n')
        .slice(0, 4)
        .join('\n');
    });
  }

  /** The node of an article, made (with the groups above it) if the view has not asked for it yet. */
  articleNode(uri: vscode.Uri, index: number): ArticleNode | undefined {
    return this.tree.articleNode(uri, index);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
