import * as vscode from 'vscode';
import { matchesFilter, type ArticleFilter } from '../../core/articles/filter';
import {
  groupArticles,
  page,
  type ArticleTreeEntry,
  type Grouping,
  type SortOrder,
} from '../../core/articles/grouping';
import type { CorpusWorkspace, DumpEntry } from '../../corpus/corpusWorkspace';
import type { ArticlesFilter, EntityArticlesFilter } from '../shared/articlesFilter';
import { toTreeItem, type ArticleNode } from './nodes';

export const PAGE_SIZE = 200;

/**
 * Builds the view's nodes from the model. Grouping is computed per dump on rebuild; nodes are made
 * only when the view asks for a group's children (a 100,000-article dump has that many leaves), and
 * kept stable between requests so reveal and selection work.
 */
export class ArticleTreeProvider implements vscode.TreeDataProvider<ArticleNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ArticleNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly shown = new Map<string, number>();
  private readonly childrenOf = new Map<string, ArticleNode[]>();
  /** The grouping under each node (and each dump, by its URI): what its children are made from. */
  private readonly entriesOf = new Map<string, { entry: DumpEntry; entries: readonly ArticleTreeEntry[] }>();
  private roots: ArticleNode[] = [];
  private readonly articleNodes = new Map<string, ArticleNode & { kind: 'article' }>();
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
    this.childrenOf.clear();
    this.entriesOf.clear();
    this.articleNodes.clear();
    const config = vscode.workspace.getConfiguration('corpusExplorer.articles');
    const options = {
      grouping: this.grouping,
      order: config.get<SortOrder>('sortOrder', 'newest'),
      includeInferred: config.get<boolean>('includeInferredDates', true),
    };
    const dumps = this.model.dumps;
    for (const entry of dumps) {
      const mentioning =
        this.entityFilter && (this.entityFilter.articles.get(entry.uri.toString()) ?? new Set<number>());
      const articles = entry.dump.articles.filter(
        (a) => matchesFilter(a, this.filter) && (!mentioning || mentioning.has(a.index)),
      );
      this.entriesOf.set(entry.uri.toString(), { entry, entries: groupArticles(articles, options) });
    }
    if (dumps.length === 1) {
      this.roots = this.childrenFor(dumps[0].uri.toString(), undefined);
    } else {
      this.roots = dumps.map((entry) => ({
        kind: 'dump',
        id: entry.uri.toString(),
        uri: entry.uri,
        count: entry.dump.articles.length,
      }));
    }
    this.changed.fire(undefined);
  }

  /** Nodes for the entries under `key` (a dump's URI or a group node's id), the shown page of them. */
  private childrenFor(key: string, parent: ArticleNode | undefined): ArticleNode[] {
    const cached = this.childrenOf.get(key);
    if (cached) return cached;
    const source = this.entriesOf.get(key);
    if (!source) return [];
    const { entry } = source;
    const { items, remaining } = page(source.entries, this.shown.get(key) ?? PAGE_SIZE);
    const nodes: ArticleNode[] = items.map((e) => {
      if (e.kind === 'article') {
        const id = `${entry.uri}#${e.article.index}`;
        let node = this.articleNodes.get(id);
        if (!node)
          this.articleNodes.set(id, (node = { kind: 'article', id, uri: entry.uri, article: e.article, parent }));
        return node;
      }
      const node: ArticleNode = { kind: 'group', id: `${entry.uri}@${e.id}`, uri: entry.uri, group: e, parent };
      this.entriesOf.set(node.id, { entry, entries: e.children });
      return node;
    });
    if (remaining) nodes.push({ kind: 'more', id: `${key}+more`, uri: entry.uri, remaining, pageKey: key, parent });
    this.childrenOf.set(key, nodes);
    return nodes;
  }

  loadMore(node: ArticleNode & { kind: 'more' }): void {
    this.shown.set(node.pageKey, (this.shown.get(node.pageKey) ?? PAGE_SIZE) + PAGE_SIZE * 5);
    this.childrenOf.delete(node.pageKey);
    if (!node.parent) this.roots = this.childrenFor(node.pageKey, undefined);
    this.changed.fire(node.parent);
  }

  getChildren(node?: ArticleNode): ArticleNode[] {
    if (!node) return this.roots;
    if (node.kind === 'dump') return this.childrenFor(node.uri.toString(), node);
    if (node.kind === 'group') return this.childrenFor(node.id, node);
    return [];
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
    const known = this.articleNodes.get(`${uri}#${index}`);
    if (known) return known;
    const dumpKey = uri.toString();
    const single = this.model.dumps.length === 1;
    let parent: ArticleNode | undefined = single
      ? undefined
      : this.roots.find((r) => r.kind === 'dump' && r.uri.toString() === dumpKey);
    if (!single && !parent) return undefined;
    let key = dumpKey;
    for (;;) {
      const entries = this.entriesOf.get(key)?.entries ?? [];
      const at = entries.findIndex((e) =>
        e.kind === 'article' ? e.article.index === index : contains(e.children, index),
      );
      if (at < 0) return undefined;
      // Past the shown page: show enough of it to include the article.
      if (at >= (this.shown.get(key) ?? PAGE_SIZE)) {
        this.shown.set(key, at + 1);
        this.childrenOf.delete(key);
        if (single && key === dumpKey) this.roots = this.childrenFor(key, undefined);
      }
      const node = this.childrenFor(key, parent)[at];
      if (node.kind === 'article') return node;
      key = node.id;
      parent = node;
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

function contains(entries: readonly ArticleTreeEntry[], index: number): boolean {
  return entries.some((e) => (e.kind === 'article' ? e.article.index === index : contains(e.children, index)));
}
