import * as vscode from 'vscode';
import { parseArticleUri } from '../../corpus/articleUri';
import { StatisticsService } from '../../corpus/statisticsService';
import { toCsv } from '../../core/stats/csv';
import { keywordsAcrossDumps, wordCountsRequest } from '../../core/stats/crossDump';
import { isDumpTarget } from '../shared/exportGuard';
import type { Table } from '../../core/stats/tables';
import type { StatsReply, StatsRequest } from '../../core/stats/request';
import type { CorpusWorkspace } from '../../corpus/corpusWorkspace';
import { Commands } from '../shared/commands';
import { articleCount, wordCount } from '../shared/counts';
import type { FeatureContext } from '../shared/featureContext';
import { panelHtml } from './html';
import { articleGroupSubset } from './articleGroupSubset';
import { type ColumnSort, sortedRows } from './sortedRows';
import { panelStrings } from './strings';

export const STATISTICS_VIEW_TYPE = 'corpusExplorer.statistics';

/** What the panel shows and restores: the dump, the tab, the subset and each tab's settings. */
export interface PanelState {
  dump?: string;
  tab?: string;
  subset?: string;
  query?: string;
  [setting: string]: unknown;
}

type FromWebview =
  | { type: 'ready' }
  | { type: 'compute'; seq: number; tab: string; dump?: string; request: StatsRequest; referenceDump?: string }
  | { type: 'export'; tab: string; name: string; sort?: ColumnSort }
  | { type: 'shown'; tab: string }
  | { type: 'dump'; dump: string }
  | { type: 'concordance'; query: string }
  | { type: 'openArticle'; dump: string; index: number };

/** The statistics panel: one at a time, beside the editor, reopened by the serializer after a reload. */
class StatisticsPanel {
  static current: StatisticsPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Each tab's last result, as computed here: exports write these, not what the page sends back. */
  readonly replies = new Map<string, StatsReply>();
  readonly errors = new Map<string, string>();
  readonly pending = new Set<string>();
  tab: string | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    media: vscode.Uri,
    private readonly model: CorpusWorkspace,
    private readonly service: StatisticsService,
    private state: PanelState,
  ) {
    StatisticsPanel.current = this;
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.webview.html = panelHtml(panel.webview, media, vscode.env.language);
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m), undefined, this.disposables);
    model.onDidChange(() => void this.sendInit(), undefined, this.disposables);
  }

  show(state: PanelState): void {
    this.state = { ...this.state, ...state };
    this.panel.reveal(vscode.ViewColumn.Beside);
    void this.sendInit();
  }

  private async sendInit(): Promise<void> {
    await this.model.ready();
    const dumps = this.model.dumps.map((d) => ({
      key: d.uri.toString(),
      name: vscode.workspace.asRelativePath(d.uri),
      articles: d.dump.articles.length,
      // Written as the subset's size is ("2,438 articles"), in the display language.
      size: articleCount(d.dump.articles.length),
    }));
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const dump = [this.state.dump, active].find((k) => k && dumps.some((d) => d.key === k)) ?? dumps[0]?.key;
    void this.panel.webview.postMessage({
      type: 'init',
      strings: panelStrings(),
      dumps,
      state: { ...this.state, dump },
    });
  }

  private async receive(m: FromWebview): Promise<void> {
    if (m.type === 'ready') return this.sendInit();
    if (m.type === 'compute') {
      const dump = m.dump ?? this.model.dumps[0]?.uri.toString();
      if (!dump) return;
      const inferred = vscode.workspace
        .getConfiguration('corpusExplorer.articles')
        .get<boolean>('includeInferredDates', true);
      const request = { ...m.request, subset: { ...m.request.subset, includeInferredDates: inferred } } as StatsRequest;
      const job =
        request.stat === 'keywords' && m.referenceDump && m.referenceDump !== dump
          ? this.keywordsAgainst(dump, m.referenceDump, request, inferred)
          : this.service.compute(dump, request);
      this.pending.add(m.tab);
      try {
        const reply = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Computing corpus statistics…') },
          () => job.result,
        );
        this.pending.delete(m.tab);
        this.replies.set(m.tab, reply);
        // The subset's size, worded here where the plural helpers are (the page has no l10n).
        const size = `${articleCount(reply.articles)}, ${wordCount(reply.tokens)}`;
        void this.panel.webview.postMessage({ type: 'result', seq: m.seq, reply, size });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.pending.delete(m.tab);
        this.errors.set(m.tab, message);
        void this.panel.webview.postMessage({ type: 'error', seq: m.seq, message });
      }
      return;
    }
    if (m.type === 'shown') this.tab = m.tab;
    if (m.type === 'dump') this.state = { ...this.state, dump: m.dump };
    if (m.type === 'export') {
      const reply = this.replies.get(m.tab);
      // In the order the page shows it: the table the person sees.
      if (reply) await exportCsv(this.model, m.name, { ...reply.table, rows: sortedRows(reply.table, m.sort) });
    }
    if (m.type === 'concordance') {
      await vscode.commands.executeCommand(Commands.concordance, m.query);
      return;
    }
    if (m.type === 'openArticle')
      await vscode.commands.executeCommand(Commands.openArticle, vscode.Uri.parse(m.dump), m.index);
  }

  /** Keywords of the dump's subset against another listed dump: each side's word list on its own worker. */
  private keywordsAgainst(
    dump: string,
    reference: string,
    request: Extract<StatsRequest, { stat: 'keywords' }>,
    includeInferredDates: boolean,
  ): { result: Promise<StatsReply> } {
    const focus = this.service.compute(dump, wordCountsRequest(request.subset));
    const other = this.service.compute(reference, wordCountsRequest({ includeInferredDates }));
    const name = vscode.workspace.asRelativePath(vscode.Uri.parse(reference));
    return {
      result: Promise.all([focus.result, other.result]).then(([f, r]) => {
        const reply = keywordsAcrossDumps(f, r, request);
        return { ...reply, notes: [vscode.l10n.t('Reference dump: {0}', name), ...reply.notes] };
      }),
    };
  }

  /** Shows a tab. A hidden panel's page is gone (no retained context), so it is revealed and told at its init. */
  select(tab: string): void {
    this.state = { ...this.state, tab };
    if (this.panel.visible) void this.panel.webview.postMessage({ type: 'select', tab });
    else this.panel.reveal();
  }

  dispose(): void {
    if (StatisticsPanel.current === this) StatisticsPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
  }
}

/** Writes a table as CSV where the person chooses, never over a dump. */
async function exportCsv(model: CorpusWorkspace, name: string, table: Table, to?: vscode.Uri): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const safe = name.replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60) || 'statistics';
  const target =
    to ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${safe}.csv`) : undefined,
      filters: { CSV: ['csv'] },
      title: vscode.l10n.t('Export CSV…'),
    }));
  if (!target) return;
  if (
    target.path.toLowerCase().endsWith('.dump') ||
    // Every listed dump, by real path, and any file in the dump format.
    (await isDumpTarget(
      target,
      model.dumps.map((d) => d.uri.toString()),
    ))
  ) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Refusing to write over a corpus dump: choose another file.'));
    return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(toCsv(table.columns, table.rows)));
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Exported {0} rows to {1}.', table.rows.length, target.fsPath),
  );
}

/** The state an entry point asks for: a query string, an entity node, or a state object. */
function stateFrom(arg: unknown): PanelState {
  if (typeof arg === 'string') return { query: arg, tab: 'trends' };
  if (arg && typeof arg === 'object') {
    const a = arg as { kind?: string; entity?: { name?: string }; tab?: string; query?: string; subset?: string };
    if (a.entity?.name) return { query: `"${a.entity.name.replace(/"/g, '')}"`, tab: a.tab ?? 'trends' };
    if (a.tab || a.query || a.subset) return { tab: a.tab, query: a.query, subset: a.subset };
  }
  return {};
}

/** What tests and other features can ask of the open panel. */
export interface StatisticsApi {
  /** The open panel's tab and that tab's last result, if any. */
  current(): { tab?: string; reply?: StatsReply; error?: string; visible: boolean; pending?: string[] } | undefined;
  select(tab: string): void;
  /** Writes a tab's last result as CSV to `target` (refused over a dump). */
  export(tab: string, target: vscode.Uri): Promise<void>;
}

export function register(ctx: FeatureContext): vscode.Disposable[] {
  const model = ctx.workspace;
  const media = vscode.Uri.joinPath(ctx.extension.extensionUri, 'media', 'statistics');
  const service = new StatisticsService(ctx.corpus.worker, () => ctx.search.ensure());
  const open = (asked: PanelState) => {
    // The dump in the editor when the panel is asked for: by the time its page is ready the panel itself
    // is the active editor, and the first listed dump would be taken instead.
    const editor = vscode.window.activeTextEditor?.document.uri;
    const active = editor && model.find(parseArticleUri(editor)?.dump ?? editor)?.uri.toString();
    const state = active && !asked.dump ? { ...asked, dump: active } : asked;
    if (StatisticsPanel.current) return StatisticsPanel.current.show(state);
    const panel = vscode.window.createWebviewPanel(
      STATISTICS_VIEW_TYPE,
      vscode.l10n.t('Corpus Statistics'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { enableScripts: true, localResourceRoots: [media] },
    );
    new StatisticsPanel(panel, media, model, service, state);
  };
  const api: StatisticsApi = {
    current: () => {
      const p = StatisticsPanel.current;
      return (
        p && {
          tab: p.tab,
          reply: p.tab ? p.replies.get(p.tab) : undefined,
          error: p.tab ? p.errors.get(p.tab) : undefined,
          visible: p.panel.visible,
          pending: [...p.pending],
        }
      );
    },
    select: (tab) => StatisticsPanel.current?.select(tab),
    export: async (tab, target) => {
      const reply = StatisticsPanel.current?.replies.get(tab);
      if (reply) await exportCsv(model, tab, reply.table, target);
    },
  };
  const disposables = [
    vscode.commands.registerCommand(Commands.showStatistics, (arg?: unknown) => open(stateFrom(arg))),
    vscode.commands.registerCommand('corpusExplorer.entities.statistics', (arg?: unknown) => open(stateFrom(arg))),
    // An Articles view group's context menu: the panel on that period or source of its dump.
    vscode.commands.registerCommand('corpusExplorer.articles.statistics', (node?: unknown) =>
      open(articleGroupSubset(node) ?? {}),
    ),
    vscode.window.registerWebviewPanelSerializer(STATISTICS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        new StatisticsPanel(panel, media, model, service, (state as PanelState) ?? {});
      },
    }),
    { dispose: () => StatisticsPanel.current?.panel.dispose() },
  ];
  ctx.exports.statistics = api;
  return disposables;
}
