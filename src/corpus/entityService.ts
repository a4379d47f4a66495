import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Dump } from '../core/dump/types';
import { extractEntities, type EntityIndex } from '../core/entities/extract';
import { EMPTY_GAZETTEER, gazetteerPathFor, parseGazetteer, type Gazetteer } from '../core/entities/gazetteer';
import { ARTICLE_SCHEME, parseArticleUri } from './articleUri';
import { documentVersion, INLINE_LIMIT, type CorpusService } from './corpusService';

export interface DumpEntities {
  readonly dump: Dump;
  readonly text: string;
  readonly index: EntityIndex;
}

interface CachedGazetteer {
  mtime: number;
  gazetteer: Gazetteer;
}

/**
 * The entities of each dump, found once per reading and gazetteer. The gazetteer is the file named
 * by `corpusExplorer.entities.gazetteer`, else the dump's own `NAME.entities.json` beside it.
 */
export class EntityService implements vscode.Disposable {
  private readonly byDump = new WeakMap<
    Dump,
    { gazetteer: Gazetteer; entities: Omit<DumpEntities, 'text'> & { text?: string } }
  >();
  private readonly gazetteers = new Map<string, CachedGazetteer>();
  private readonly warned = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a gazetteer or the gazetteer setting changes: every entity index is stale. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly corpus: CorpusService) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.json');
    const forget = (uri: vscode.Uri) => {
      if (this.gazetteers.delete(uri.fsPath)) this.changed.fire();
    };
    watcher.onDidChange(forget);
    watcher.onDidCreate(() => this.changed.fire());
    watcher.onDidDelete(forget);
    this.subscriptions.push(
      watcher,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('corpusExplorer.entities.gazetteer')) {
          this.gazetteers.clear();
          this.changed.fire();
        }
      }),
    );
  }

  /** The entities of an open dump; the text is the document's own, so offsets are the editor's. */
  async forDocument(document: vscode.TextDocument): Promise<DumpEntities> {
    const dump = await this.corpus.getDump(document);
    return this.entitiesOf(document.uri, dump, documentVersion(document), () => document.getText());
  }

  /** The entities of a dump the articles view lists, open or not; `text` only when it is open. */
  async forDump(uri: vscode.Uri, dump: Dump, version: string, text?: string): Promise<Omit<DumpEntities, 'text'>> {
    return this.entitiesOf(uri, dump, version, text === undefined ? undefined : () => text);
  }

  private async entitiesOf(uri: vscode.Uri, dump: Dump, version: string, text: () => string): Promise<DumpEntities>;
  private async entitiesOf(
    uri: vscode.Uri,
    dump: Dump,
    version: string,
    text: (() => string) | undefined,
  ): Promise<Omit<DumpEntities, 'text'>>;
  private async entitiesOf(
    uri: vscode.Uri,
    dump: Dump,
    version: string,
    text: (() => string) | undefined,
  ): Promise<Omit<DumpEntities, 'text'> & { text?: string }> {
    const gazetteer = await this.gazetteerFor(uri);
    const cached = this.byDump.get(dump);
    if (cached && cached.gazetteer === gazetteer) return cached.entities;
    const t = text?.();
    // Small dumps are quicker here than a round trip; large ones (and files not open) go to the worker.
    const index =
      t !== undefined && t.length <= INLINE_LIMIT
        ? extractEntities(t, dump, gazetteer)
        : await this.corpus.worker.entities(
            uri.toString(),
            version,
            t !== undefined ? { text: t } : { path: uri.fsPath },
            gazetteer,
          );
    const entities = { dump, text: t, index };
    this.byDump.set(dump, { gazetteer, entities });
    return entities;
  }

  gazetteerPath(uri: vscode.Uri): string | undefined {
    // One article of a large dump, shown on its own, uses its dump's gazetteer.
    if (uri.scheme === ARTICLE_SCHEME) {
      const ref = parseArticleUri(uri);
      return ref && this.gazetteerPath(ref.dump);
    }
    if (uri.scheme !== 'file') return undefined;
    const setting = vscode.workspace
      .getConfiguration('corpusExplorer.entities', uri)
      .get<string>('gazetteer', '')
      .trim();
    if (!setting) return gazetteerPathFor(uri.fsPath);
    if (path.isAbsolute(setting)) return setting;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return path.resolve(folder?.uri.fsPath ?? path.dirname(uri.fsPath), setting);
  }

  private async gazetteerFor(uri: vscode.Uri): Promise<Gazetteer> {
    const file = this.gazetteerPath(uri);
    if (!file) return EMPTY_GAZETTEER;
    const named = !!vscode.workspace
      .getConfiguration('corpusExplorer.entities', uri)
      .get<string>('gazetteer', '')
      .trim();
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(vscode.Uri.file(file));
    } catch {
      if (named) this.warnOnce(file, vscode.l10n.t('The gazetteer {0} named in the settings does not exist.', file));
      return EMPTY_GAZETTEER;
    }
    const cached = this.gazetteers.get(file);
    if (cached && cached.mtime === stat.mtime) return cached.gazetteer;
    let json = '';
    try {
      json = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(file)));
    } catch (error) {
      this.warnOnce(file, vscode.l10n.t('Could not read the gazetteer {0}: {1}', file, String(error)));
    }
    const reading = json ? parseGazetteer(json) : { gazetteer: EMPTY_GAZETTEER, problems: [] };
    if (reading.problems.length) {
      this.warnOnce(
        `${file}@${stat.mtime}`,
        vscode.l10n.t('Gazetteer {0}: {1}', vscode.workspace.asRelativePath(file), reading.problems.join('; ')),
      );
    }
    this.gazetteers.set(file, { mtime: stat.mtime, gazetteer: reading.gazetteer });
    return reading.gazetteer;
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    void vscode.window.showWarningMessage(message);
  }

  dispose(): void {
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
