import * as path from 'node:path';
import * as vscode from 'vscode';
import { Debouncer } from './debounce';
import { CancelledError } from './corpusWorkerClient';
import type { CorpusWorkerPool } from './corpusWorkerPool';
import type { ConcordanceLine, SearchHit, SearchResult } from '../core/search/engine';
import type { SearchQuery } from '../core/search/query';
import type { IndexSummary } from '../worker/protocol';
import type { CorpusWorkspace } from './corpusWorkspace';

/** Above this many articles an index build says so in a notification; below, the status bar is enough. */
const NOTIFY_ABOVE = 5000;

/**
 * The search index over every dump the articles view shows. It lives in the corpus worker: built
 * there (only for dumps whose text changed, or loaded from the cache in the extension's storage),
 * queried there. Kept up to date in the background once someone has searched.
 */
export class SearchIndexService implements vscode.Disposable {
  private current: Promise<IndexSummary> | undefined;
  private used = false;
  private readonly rebuild = new Debouncer();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly model: CorpusWorkspace,
    private readonly worker: CorpusWorkerPool,
    private readonly storage: vscode.Uri | undefined,
  ) {
    this.subscriptions.push(
      model.onDidChange(() => {
        this.current = undefined;
        this.rebuild.cancel();
        if (this.used) this.rebuild.run(1000, () => void this.ensure().catch(() => undefined));
      }),
    );
  }

  /** Resolves when the index covers the dumps as they are now; rejects with CancelledError if the person cancels. */
  ensure(): Promise<IndexSummary> {
    this.used = true;
    if (!this.current) {
      const build = this.build();
      this.current = build;
      build.catch(() => {
        if (this.current === build) this.current = undefined;
      });
    }
    return this.current;
  }

  async query(query: SearchQuery, limit: number): Promise<SearchHit[]> {
    return (await this.search(query, limit)).hits;
  }

  /** As query, with the prefixes that expanded to too many words to search them all. */
  async search(query: SearchQuery, limit: number): Promise<SearchResult> {
    await this.ensure();
    return this.worker.query(query, limit);
  }

  async concordance(query: SearchQuery, max: number): Promise<{ lines: ConcordanceLine[]; truncated: boolean }> {
    await this.ensure();
    return this.worker.concordance(query, max);
  }

  private async build(): Promise<IndexSummary> {
    await this.model.ready();
    const dumps = this.model.dumps;
    const sources = dumps.map((e) => {
      const key = e.uri.toString();
      if (this.worker.holds(key, e.version)) return { key, version: e.version };
      return e.text !== undefined
        ? { key, version: e.version, text: e.text }
        : { key, version: e.version, path: e.uri.fsPath };
    });
    const articles = dumps.reduce((n, e) => n + e.dump.articles.length, 0);
    const cache =
      vscode.workspace.getConfiguration('corpusExplorer.search').get<boolean>('cacheIndex', true) && this.storage;
    const cacheDir = cache ? path.join(cache.fsPath, 'index') : undefined;
    return vscode.window.withProgress(
      {
        location: articles > NOTIFY_ABOVE ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
        title:
          articles === 1
            ? vscode.l10n.t('Indexing 1 article for search…')
            : vscode.l10n.t(
                'Indexing {0} for search…',
                articles === 1 ? vscode.l10n.t('1 article') : vscode.l10n.t('{0} articles', articles),
              ),
        cancellable: true,
      },
      async (progress, token) => {
        let done = 0;
        const job = this.worker.index(sources, cacheDir, (f) => {
          progress.report({ increment: (f - done) * 100 });
          done = f;
        });
        token.onCancellationRequested(() => job.cancel());
        return job.result;
      },
    );
  }

  dispose(): void {
    this.rebuild.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

export { CancelledError };
