import * as vscode from 'vscode';
import { documentVersion, fileVersion, isDump, type CorpusService } from './corpusService';
import type { Dump } from '../core/dump/types';
import { RefreshScheduler } from './refreshScheduler';
import { ARTICLE_SCHEME, listedDumpDocuments } from './openDumps';

export interface DumpEntry {
  readonly uri: vscode.Uri;
  readonly dump: Dump;
  /** The text when the dump is open in an editor; tooltips show the article's first lines from it. */
  readonly text?: string;
  /** Which text this is (`doc:N` for an open document, `file:MTIME:SIZE` on disk), so readers can tell it changed. */
  readonly version: string;
}

/** The corpus every feature works on: the dumps open in editors and the workspace's dump files, read. */
export interface CorpusWorkspace {
  /** Sorted by path. */
  readonly dumps: readonly DumpEntry[];
  find(uri: vscode.Uri): DumpEntry | undefined;
  /** Resolves when pending reads are done; for tests and for commands that need fresh data. */
  ready(): Promise<void>;
  readonly onDidChange: vscode.Event<void>;
}

/**
 * The workspace as the editor has it: open corpus-dump documents and workspace files matching the glob.
 * A large dump's one-article documents (`corpus-article:`) are not dumps of their own: they belong to their dump.
 */
export class EditorCorpusWorkspace implements CorpusWorkspace, vscode.Disposable {
  private readonly entries = new Map<string, DumpEntry>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly scheduler = new RefreshScheduler(() => this.refresh());

  constructor(private readonly corpus: CorpusService) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => {
        // An article of a large dump belongs to its dump, which is listed already.
        if (isDump(d) && d.uri.scheme !== ARTICLE_SCHEME) this.schedule(0);
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

  ready(): Promise<void> {
    return this.scheduler.ready();
  }

  private schedule(delay: number): void {
    this.scheduler.schedule(delay);
  }

  private async refresh(): Promise<void> {
    const next = new Map<string, DumpEntry>();
    const tabbed = new Set(
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.toString() : '')),
    );
    for (const document of listedDumpDocuments(vscode.workspace.textDocuments, isDump, tabbed)) {
      next.set(document.uri.toString(), {
        uri: document.uri,
        dump: await this.corpus.getDump(document),
        text: document.getText(),
        version: documentVersion(document),
      });
    }
    const include = vscode.workspace.getConfiguration('corpusExplorer').get<string>('articles.include', '**/*.dump');
    const completions: [DumpEntry, Promise<Dump>][] = [];
    const files = include ? await vscode.workspace.findFiles(include, '**/node_modules/**', 200) : [];
    for (const uri of files) {
      if (next.has(uri.toString()) || uri.scheme !== 'file') continue;
      try {
        const previous = this.entries.get(uri.toString());
        const version = await fileVersion(uri);
        // Unchanged on disk: keep the reading rather than parse the file again.
        if (previous && !previous.text && previous.version === version) next.set(uri.toString(), previous);
        else {
          const { dump, complete } = await this.corpus.readFile(uri, version);
          const entry = { uri, dump, version };
          next.set(uri.toString(), entry);
          completions.push([entry, complete]);
        }
      } catch (error) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Could not read {0}: {1}', vscode.workspace.asRelativePath(uri), String(error)),
        );
      }
    }
    this.entries.clear();
    for (const [k, v] of next) this.entries.set(k, v);
    this.changed.fire();
    for (const [entry, complete] of completions) this.completeLater(entry, complete);
  }

  /** Puts the whole reading (dates inferred from the text) in place of the early one, if it is still listed. */
  private completeLater(entry: DumpEntry, complete: Promise<Dump>): void {
    complete.then(
      (dump) => {
        const key = entry.uri.toString();
        if (dump === entry.dump || this.entries.get(key) !== entry) return;
        this.entries.set(key, { ...entry, dump });
        this.changed.fire();
      },
      () => undefined,
    );
  }

  dispose(): void {
    this.scheduler.dispose();
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
