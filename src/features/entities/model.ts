import * as vscode from 'vscode';
import type { EntityService } from '../../corpus/entityService';
import { summarizeEntities, type EntitySummary } from '../../core/entities/summary';
import type { CorpusWorkspace } from '../../corpus/corpusWorkspace';
import { RefreshScheduler } from '../../corpus/refreshScheduler';
import { CancelledError } from '../../corpus/corpusWorkerClient';

/** The entities of every dump the articles view shows, merged across dumps. */
export class EntitiesModel implements vscode.Disposable {
  private list: EntitySummary[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly scheduler = new RefreshScheduler(() => this.refresh());
  private generation = 0;
  private active = false;
  /** Dumps left out because their search was cancelled, so the view can say so. */
  skipped: vscode.Uri[] = [];

  constructor(
    private readonly articles: CorpusWorkspace,
    private readonly service: EntityService,
  ) {
    this.subscriptions.push(
      articles.onDidChange(() => this.schedule()),
      service.onDidChange(() => this.schedule()),
    );
  }

  /** Entities are found once someone looks: the view is shown, or a command needs them. */
  activate(): void {
    if (this.active) return;
    this.active = true;
    this.schedule();
  }

  get entities(): readonly EntitySummary[] {
    return this.list;
  }

  find(id: string): EntitySummary | undefined {
    return this.list.find((e) => e.id === id);
  }

  async ready(): Promise<void> {
    this.activate();
    await this.articles.ready();
    await this.scheduler.ready();
  }

  private schedule(): void {
    if (this.active) this.scheduler.schedule(200);
  }

  private async refresh(): Promise<void> {
    const mine = ++this.generation;
    await this.articles.ready();
    const dumps = [];
    const skipped: vscode.Uri[] = [];
    for (const entry of this.articles.dumps) {
      try {
        // Any size: a large dump's mentions stay on the workers, and only its listing comes here.
        const { listing } = await this.service.forDump(entry.uri, entry.dump, entry.version, entry.text);
        dumps.push({ key: entry.uri.toString(), listing });
      } catch (error) {
        if (error instanceof CancelledError) {
          skipped.push(entry.uri);
          continue;
        }
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Could not read {0}: {1}', vscode.workspace.asRelativePath(entry.uri), String(error)),
        );
      }
    }
    if (mine !== this.generation) return;
    this.skipped = skipped;
    this.list = summarizeEntities(dumps);
    this.changed.fire();
  }

  dispose(): void {
    this.scheduler.dispose();
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
