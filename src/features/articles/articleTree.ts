import type * as vscode from 'vscode';
import { matchesFilter, type ArticleFilter } from '../../core/articles/filter';
import {
  groupArticles,
  page,
  type ArticleGroup,
  type ArticleTreeEntry,
  type GroupingOptions,
} from '../../core/articles/grouping';
import type { Article } from '../../core/dump/types';
import type { DumpEntry } from '../../corpus/corpusWorkspace';
import type { EntityArticlesFilter } from '../shared/articlesFilter';
import { PageLimits } from '../shared/pageLimits';

export const PAGE_SIZE = 200;

/** The Articles view's nodes as plain data (no `vscode` at run time, so Node tests drive them). */
export type ArticleNode =
  | { kind: 'dump'; id: string; uri: vscode.Uri; count: number }
  | { kind: 'group'; id: string; uri: vscode.Uri; group: ArticleGroup; parent?: ArticleNode }
  | { kind: 'article'; id: string; uri: vscode.Uri; article: Article; parent?: ArticleNode }
  | { kind: 'more'; id: string; uri: vscode.Uri; remaining: number; pageKey: string; parent?: ArticleNode };

export interface ArticleTreeInput {
  readonly dumps: readonly DumpEntry[];
  readonly options: GroupingOptions;
  readonly filter?: ArticleFilter;
  readonly entityFilter?: EntityArticlesFilter;
}

/**
 * The articles of the workspace's dumps as a tree. Grouping is computed per dump on rebuild; nodes are
 * made only when asked for a group's children (a 100,000-article dump has that many leaves), and kept
 * stable between requests so reveal and selection work.
 */
export class ArticleTree {
  private readonly shown = new PageLimits<string>(PAGE_SIZE);
  private readonly childrenOf = new Map<string, ArticleNode[]>();
  /** The grouping under each node (and each dump, by its URI): what its children are made from. */
  private readonly entriesOf = new Map<string, { entry: DumpEntry; entries: readonly ArticleTreeEntry[] }>();
  private roots: ArticleNode[] = [];
  private readonly articleNodes = new Map<string, ArticleNode & { kind: 'article' }>();
  private single = false;

  rebuild({ dumps, options, filter, entityFilter }: ArticleTreeInput): void {
    this.childrenOf.clear();
    this.entriesOf.clear();
    this.articleNodes.clear();
    for (const entry of dumps) {
      const mentioning = entityFilter && (entityFilter.articles.get(entry.uri.toString()) ?? new Set<number>());
      const articles = entry.dump.articles.filter(
        (a) => matchesFilter(a, filter) && (!mentioning || mentioning.has(a.index)),
      );
      this.entriesOf.set(entry.uri.toString(), { entry, entries: groupArticles(articles, options) });
    }
    this.single = dumps.length === 1;
    this.roots = this.single
      ? this.childrenFor(dumps[0].uri.toString(), undefined)
      : dumps.map((entry) => ({
          kind: 'dump',
          id: entry.uri.toString(),
          uri: entry.uri,
          count: entry.dump.articles.length,
        }));
  }

  /** Nodes for the entries under `key` (a dump's URI or a group node's id), the shown page of them. */
  private childrenFor(key: string, parent: ArticleNode | undefined): ArticleNode[] {
    const cached = this.childrenOf.get(key);
    if (cached) return cached;
    const source = this.entriesOf.get(key);
    if (!source) return [];
    const { entry } = source;
    const { items, remaining } = page(source.entries, this.shown.limit(key));
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

  /** Shows five more pages under the node's parent; returns that parent (undefined: the roots). */
  loadMore(node: ArticleNode & { kind: 'more' }): ArticleNode | undefined {
    this.shown.loadMore(node.pageKey);
    this.childrenOf.delete(node.pageKey);
    if (!node.parent) this.roots = this.childrenFor(node.pageKey, undefined);
    return node.parent;
  }

  children(node?: ArticleNode): ArticleNode[] {
    if (!node) return this.roots;
    if (node.kind === 'dump') return this.childrenFor(node.uri.toString(), node);
    if (node.kind === 'group') return this.childrenFor(node.id, node);
    return [];
  }

  /** The node of an article, made (with the groups above it) if no one has asked for it yet. */
  articleNode(uri: vscode.Uri, index: number): ArticleNode | undefined {
    const known = this.articleNodes.get(`${uri}#${index}`);
    if (known) return known;
    const dumpKey = uri.toString();
    const single = this.single;
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
      if (this.shown.include(key, at)) {
        this.childrenOf.delete(key);
        if (single && key === dumpKey) this.roots = this.childrenFor(key, undefined);
      }
      const node = this.childrenFor(key, parent)[at];
      if (node.kind === 'article') return node;
      key = node.id;
      parent = node;
    }
  }
}

function contains(entries: readonly ArticleTreeEntry[], index: number): boolean {
  return entries.some((e) => (e.kind === 'article' ? e.article.index === index : contains(e.children, index)));
}
