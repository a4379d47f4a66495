import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseDump } from '../core/dump/reader';
import type { Dump } from '../core/dump/types';
import { CorpusWorkerPool } from './corpusWorkerPool';

export const LANGUAGE_ID = 'corpus-dump';
/** Below this size a dump is read inline: a worker round trip would cost more than the parse. */
export const INLINE_LIMIT = 2 * 1024 * 1024;

interface Entry {
  version: number;
  dump: Promise<Dump>;
}

/** Reads open dumps once per version and shares the reading with every feature. */
export class CorpusService implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  /** The worker thread that reads, indexes and searches dumps; shared with the search feature. */
  readonly worker = new CorpusWorkerPool();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeDump = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** `storage`: where large dumps' readings are kept for the next session (with the search indexes). */
  constructor(private readonly storage?: vscode.Uri) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isDump(e.document)) this.changed.fire(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cache.delete(d.uri.toString());
      }),
    );
  }

  getDump(document: vscode.TextDocument): Promise<Dump> {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.dump;
    const text = document.getText();
    const dump =
      text.length <= INLINE_LIMIT
        ? Promise.resolve(parseDump(text))
        : this.readLarge(text, key, documentVersion(document));
    this.cache.set(key, { version: document.version, dump });
    return dump;
  }

  /**
   * A dump that is not open (or too large for the editor to hand over), read on the worker, which
   * keeps its text for search; `version` if the caller has it already. `complete` is the reading
   * with the dates only the text gives (inferred ones), which arrive after the rest.
   */
  async readFile(uri: vscode.Uri, version?: string): Promise<{ dump: Dump; version: string; complete: Promise<Dump> }> {
    version ??= await fileVersion(uri);
    const cache =
      vscode.workspace.getConfiguration('corpusExplorer.search').get<boolean>('cacheIndex', true) && this.storage;
    const cacheDir = cache ? path.join(cache.fsPath, 'index') : undefined;
    const job = this.worker.parseFile(uri.fsPath, undefined, uri.toString(), version, cacheDir);
    return { dump: await job.result, version, complete: job.complete };
  }

  private readLarge(text: string, key: string, version: string): Promise<Dump> {
    return Promise.resolve(
      vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Reading corpus dump…'),
          cancellable: true,
        },
        (progress, token) => {
          // The worker reports fractions done; the notification wants increments.
          let done = 0;
          const job = this.worker.parseText(
            text,
            (f) => {
              progress.report({ increment: (f - done) * 100 });
              done = f;
            },
            key,
            version,
          );
          token.onCancellationRequested(job.cancel);
          return job.result;
        },
      ),
    );
  }

  dispose(): void {
    this.worker.dispose();
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Names the text of an open document, so the worker knows whether it holds the current one. */
export function documentVersion(document: vscode.TextDocument): string {
  return `doc:${document.version}`;
}

/** Names the content of a file on disk by its modification time and size. */
export async function fileVersion(uri: vscode.Uri): Promise<string> {
  const stat = await vscode.workspace.fs.stat(uri);
  return `file:${stat.mtime}:${stat.size}`;
}

export function isDump(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID;
}
