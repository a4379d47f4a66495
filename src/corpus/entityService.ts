import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Dump } from '../core/dump/types';
import { entityCard, type EntityCard } from '../core/entities/card';
import { type EntityIndex, extractEntities, mentionAt } from '../core/entities/extract';
import { type ListedEntity, listEntities } from '../core/entities/listing';
import { type MentionSpans, spansOf } from '../core/entities/spans';
import { EMPTY_GAZETTEER, gazetteerPathFor, parseGazetteer, type Gazetteer } from '../core/entities/gazetteer';
import { ARTICLE_SCHEME, parseArticleUri } from './articleUri';
import { documentVersion, INLINE_LIMIT, type CorpusService } from './corpusService';
import type { CorpusWorkerPool } from './corpusWorkerPool';

/**
 * The entities of one dump as the features see them. A small open dump's are found and kept here; any other
 * dump's stay on the workers (its mentions can be millions) and the extension host gets only its listing,
 * and for an open document the card, the spans or the references it asks for.
 */
export interface DumpEntities {
  readonly dump: Dump;
  /** Every entity with the articles that mention it, for the Entities view. */
  readonly listing: readonly ListedEntity[];
  /** The hover card of the mention at `offset`, with the mention's span; undefined where there is none. */
  cardAt(offset: number): Promise<{ card: EntityCard; start: number; end: number } | undefined>;
  /** Every mention's span and type, for highlighting. */
  spans(): Promise<MentionSpans>;
  /** The spans of every mention of the entity mentioned at `offset` (none if no mention is there). */
  refsAt(offset: number): Promise<MentionSpans>;
}

/** Entities found here, of a small open dump: cards and spans straight from the index. */
class LocalEntities implements DumpEntities {
  readonly listing: readonly ListedEntity[];
  private allSpans: MentionSpans | undefined;
  constructor(
    readonly dump: Dump,
    private readonly text: string,
    private readonly index: EntityIndex,
  ) {
    this.listing = listEntities(index);
  }
  async cardAt(offset: number) {
    const m = mentionAt(this.index, offset);
    return m && { card: entityCard(this.text, this.dump, this.index, m), start: m.start, end: m.end };
  }
  async spans() {
    this.allSpans ??= spansOf(this.index.mentions);
    return this.allSpans;
  }
  async refsAt(offset: number) {
    const m = mentionAt(this.index, offset);
    return spansOf(m ? this.index.mentions.filter((x) => x.entity === m.entity) : []);
  }
}

/** Entities kept on the workers: each question is a round trip; a worker that lost them makes the entry stale. */
class WorkerEntities implements DumpEntities {
  constructor(
    readonly dump: Dump,
    readonly listing: readonly ListedEntity[],
    private readonly pool: CorpusWorkerPool,
    private readonly key: string,
    private readonly stale: () => void,
  ) {}
  private async ask<T>(question: () => Promise<T>, none: T): Promise<T> {
    try {
      return await question();
    } catch {
      // The worker was restarted or dropped the text: the next request finds the entities again.
      this.stale();
      return none;
    }
  }
  cardAt(offset: number) {
    return this.ask(() => this.pool.entityCard(this.key, offset), undefined);
  }
  spans() {
    return this.ask(() => this.pool.entitySpans(this.key), spansOf([]));
  }
  refsAt(offset: number) {
    return this.ask(() => this.pool.entityRefs(this.key, offset), spansOf([]));
  }
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
  private readonly byDump = new WeakMap<Dump, { gazetteer: Gazetteer; entities: Promise<DumpEntities> }>();
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

  /** The entities of an open dump; offsets are the document's own. */
  async forDocument(document: vscode.TextDocument): Promise<DumpEntities> {
    const dump = await this.corpus.getDump(document);
    return this.entitiesOf(document.uri, dump, documentVersion(document), () => document.getText());
  }

  /** The entities of a dump the articles view lists, open (`text`) or not. */
  forDump(uri: vscode.Uri, dump: Dump, version: string, text?: string): Promise<DumpEntities> {
    return this.entitiesOf(uri, dump, version, text === undefined ? undefined : () => text);
  }

  private async entitiesOf(
    uri: vscode.Uri,
    dump: Dump,
    version: string,
    text: (() => string) | undefined,
  ): Promise<DumpEntities> {
    const gazetteer = await this.gazetteerFor(uri);
    const cached = this.byDump.get(dump);
    if (cached && cached.gazetteer === gazetteer) return cached.entities;
    // One search per reading and gazetteer, shared by the view, the hovers and the highlights asking at once.
    const entities = this.find(uri, dump, version, text, gazetteer);
    this.byDump.set(dump, { gazetteer, entities });
    entities.catch(() => {
      if (this.byDump.get(dump)?.entities === entities) this.byDump.delete(dump);
    });
    return entities;
  }

  private async find(
    uri: vscode.Uri,
    dump: Dump,
    version: string,
    text: (() => string) | undefined,
    gazetteer: Gazetteer,
  ): Promise<DumpEntities> {
    // Small open dumps are quicker here than a round trip; large ones (and files not open) go to the workers.
    if (text) {
      const t = text();
      if (t.length <= INLINE_LIMIT) return new LocalEntities(dump, t, extractEntities(t, dump, gazetteer));
    }
    const key = uri.toString();
    // The worker needs the text only if it does not hold this version (a file it reads itself).
    const source = this.corpus.worker.holds(key, version) ? {} : text ? { text: text() } : { path: uri.fsPath };
    const listing = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Finding entities in {0}…', vscode.workspace.asRelativePath(uri)),
        cancellable: true,
      },
      (progress, token) => {
        let done = 0;
        const job = this.corpus.worker.entities(key, version, source, gazetteer, (f) => {
          progress.report({ increment: (f - done) * 100 });
          done = f;
        });
        token.onCancellationRequested(job.cancel);
        return job.result;
      },
    );
    return new WorkerEntities(dump, listing, this.corpus.worker, key, () => {
      if (this.byDump.get(dump)?.gazetteer === gazetteer) this.byDump.delete(dump);
    });
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
