import * as vscode from 'vscode';
import { documentVersion, fileVersion, isDump, type CorpusService } from './corpusService';
import type { Dump } from '../core/dump/types';

export interface DumpEntry {
  readonly uri: vscode.Uri;
  readonly dump: Dump;
  /** The text when the dump is open in an editor; tooltips show the article's first lines from it. */
  readonly text?: string;
  /** Which text this is (`doc:N` for an open document, `file:MTIME:SIZE` on disk), so readers can tell it changed. */
  readonly version: string;
}

/** The dumps the articles view shows: open corpus-dump documents and workspace files matching the glob. */
export class ArticlesModel implements vscode.Disposable {
  private readonly entries = new Map<string, DumpEntry>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly corpus: CorpusService) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (isDump(d)) this.schedule(0);
      }),
      // Documents outlive their editors; a dump counts as open while it has a tab.
      vscode.window.tabGroups.onDidChangeTabs(() => this.schedule(0)),
      corpus.onDidChangeDump(() => this.schedule(300)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('corpusExplorer.articles.include')) this.schedule(0);
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.dump');
    watcher.onDidCreate(() => this.schedule(300));
    watcher.onDidDelete(() => this.schedule(300));
    watcher.onDidChange(() => this.schedule(300));
    this.subscriptions.push(watcher);
    this.schedule(0);
  }

  get dumps(): DumpEntry[] {
    return [...this.entries.values()].sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  }

  find(uri: vscode.Uri): DumpEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** Resolves when pending reads are done; for tests and for commands that need fresh data. */
  async ready(): Promise<void> {
    for (;;) {
      // A scheduled refresh has not started yet: wait a macrotask turn for its timer to fire.
      if (this.timer) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      const current = this.refreshing;
      await current;
      if (current === this.refreshing && !this.timer) return;
    }
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refreshing = this.refresh();
    }, delay);
  }

  private async refresh(): Promise<void> {
    const next = new Map<string, DumpEntry>();
    const tabbed = new Set(
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.toString() : '')),
    );
    for (const document of vscode.workspace.textDocuments.filter((d) => isDump(d) && tabbed.has(d.uri.toString()))) {
      next.set(document.uri.toString(), {
        uri: document.uri,
        dump: await this.corpus.getDump(document),
        text: document.getText(),
        version: documentVersion(document),
      });
    }
    const include = vscode.workspace.getConfiguration('corpusExplorer').get<string>('articles.include', '**/*.dump');
    const files = include ? await vscode.workspace.findFiles(include, '**/node_modules/**', 200) : [];
    for (const uri of files) {
      if (next.has(uri.toString()) || uri.scheme !== 'file') continue;
      try {
        const previous = this.entries.get(uri.toString());
        const version = await fileVersion(uri);
        // Unchanged on disk: keep the reading rather than parse the file again.
        next.set(
          uri.toString(),
          previous && !previous.text && previous.version === version
            ? previous
            : { uri, ...(await this.corpus.readFile(uri, version)) },
        );
      } catch (error) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Could not read {0}: {1}', vscode.workspace.asRelativePath(uri), String(error)),
        );
      }
    }
    this.entries.clear();
    for (const [k, v] of next) this.entries.set(k, v);
    this.changed.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
