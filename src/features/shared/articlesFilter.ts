import * as vscode from 'vscode';
import type { ArticleFilter } from '../../core/articles/filter';

/** Only the articles that mention one entity: dump key → article indexes. */
export interface EntityArticlesFilter {
  readonly name: string;
  readonly articles: ReadonlyMap<string, ReadonlySet<number>>;
}

/**
 * What the Articles view shows, as a port other features set (the Entities view's "Filter
 * Articles") without reaching into the view.
 */
export class ArticlesFilter implements vscode.Disposable {
  private textFilter: ArticleFilter | undefined;
  private entityFilter: EntityArticlesFilter | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get text(): ArticleFilter | undefined {
    return this.textFilter;
  }

  get entity(): EntityArticlesFilter | undefined {
    return this.entityFilter;
  }

  setText(filter: ArticleFilter | undefined): void {
    this.textFilter = filter;
    this.changed.fire();
  }

  setEntity(filter: EntityArticlesFilter | undefined): void {
    this.entityFilter = filter;
    this.changed.fire();
  }

  clear(): void {
    this.textFilter = undefined;
    this.entityFilter = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
