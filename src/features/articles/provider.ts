import * as vscode from 'vscode';
import { matchesFilter, type ArticleFilter } from '../../core/articles/filter';
import { groupArticles, page, type ArticleTreeEntry, type Grouping, type SortOrder } from '../../core/articles/grouping';
import type { ArticlesModel, DumpEntry } from './model';
import { toTreeItem, type ArticleNode } from './nodes';

export const PAGE_SIZE = 200;

/** Builds the view's nodes from the model; keeps node objects stable between refreshes for reveal. */
export class ArticleTreeProvider implements vscode.TreeDataProvider<ArticleNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ArticleNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly shown = new Map<string, number>();
  private readonly childrenOf = new Map<string, ArticleNode[]>();
  private roots: ArticleNode[] = [];
  private readonly articleNodes = new Map<string, ArticleNode & { kind: 'article' }>();
  grouping: Grouping = 'date';
  filter: ArticleFilter | undefined;
  /** Only articles that mention one entity: dump key → article indexes. */
  entityFilter: { readonly name: string; readonly articles: ReadonlyMap<string, ReadonlySet<number>> } | undefined;

  constructor(private readonly model: ArticlesModel) {
    model.onDidChange(() => this.rebuild());
    this.rebuild();
  }

  rebuild(): void {
    this.childrenOf.clear();
    this.articleNodes.clear();
    const config = vscode.workspace.getConfiguration('corpusExplorer.articles');
    const options = {
      grouping: this.grouping,
      order: config.get<SortOrder>('sortOrder', 'newest'),
      includeInferred: config.get<boolean>('includeInferredDates', true),
    };
    const dumps = this.model.dumps;
    const build = (entry: DumpEntry, parent?: ArticleNode) => {
      const mentioning = this.entityFilter && (this.entityFilter.articles.get(entry.uri.toString()) ?? new Set<number>());
      const articles = entry.dump.articles.filter((a) => matchesFilter(a, this.filter) && (!mentioning || mentioning.has(a.index)));
      return this.attach(entry, groupArticles(articles, options), parent, entry.uri.toString());
    };
    if (dumps.length === 1) {
      this.roots = build(dumps[0]);
    } else {
      this.roots = dumps.map((entry) => {
        const node: ArticleNode = { kind: 'dump', id: entry.uri.toString(), uri: entry.uri, count: entry.dump.articles.length };
        this.childrenOf.set(node.id, build(entry, node));
        return node;
      });
    }
    this.changed.fire(undefined);
  }

  private attach(entry: DumpEntry, entries: readonly ArticleTreeEntry[], parent: ArticleNode | undefined, pageKey: string): ArticleNode[] {
    const shown = this.shown.get(pageKey) ?? PAGE_SIZE;
    const { items, remaining } = page(entries, shown);
    const nodes: ArticleNode[] = items.map((e) => {
      if (e.kind === 'article') {
        const node = { kind: 'article' as const, id: `${entry.uri}#${e.article.index}`, uri: entry.uri, article: e.article, parent };
        this.articleNodes.set(node.id, node);
        return node;
      }
      const node: ArticleNode = { kind: 'group', id: `${entry.uri}@${e.id}`, uri: entry.uri, group: e, parent };
      this.childrenOf.set(node.id, this.attach(entry, e.children, node, node.id));
      return node;
    });
    if (remaining) nodes.push({ kind: 'more', id: `${pageKey}+more`, uri: entry.uri, remaining, pageKey, parent });
    return nodes;
  }

  loadMore(node: ArticleNode & { kind: 'more' }): void {
    this.shown.set(node.pageKey, (this.shown.get(node.pageKey) ?? PAGE_SIZE) + PAGE_SIZE * 5);
    this.rebuild();
  }

  getChildren(node?: ArticleNode): ArticleNode[] {
    return node ? this.childrenOf.get(node.id) ?? [] : this.roots;
  }

  getParent(node: ArticleNode): ArticleNode | undefined {
    return node.kind === 'dump' ? undefined : node.parent;
  }

  getTreeItem(node: ArticleNode): vscode.TreeItem {
    return toTreeItem(node, (n) => {
      const text = this.model.find(n.uri)?.text;
      if (!text) return '';
      return text.slice(n.article.textStartOffset, Math.min(n.article.textEndOffset, n.article.textStartOffset + 400)).split('\n').slice(0, 4).join('\n');
    });
  }

  articleNode(uri: vscode.Uri, index: number): ArticleNode | undefined {
    return this.articleNodes.get(`${uri}#${index}`);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
