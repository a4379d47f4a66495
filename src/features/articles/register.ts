import * as vscode from 'vscode';
import { markStepDone, WalkthroughStep } from '../shared/walkthrough';
import { isEmptyFilter, parseArticleFilter } from '../../core/articles/filter';
import type { Grouping } from '../../core/articles/grouping';
import { parseArticleUri } from '../../corpus/articleUri';
import { isDump } from '../../corpus/corpusService';
import type { CorpusWorkspace } from '../../corpus/corpusWorkspace';
import type { FeatureContext } from '../shared/featureContext';
import type { ArticleNode } from './nodes';
import { ArticleTreeProvider } from './provider';
import { Commands } from '../shared/commands';
import { articleCount } from '../shared/counts';

const GROUPING_KEY = 'corpusExplorer.articles.grouping';

export interface ArticlesView {
  readonly model: CorpusWorkspace;
  readonly provider: ArticleTreeProvider;
  readonly view: vscode.TreeView<ArticleNode>;
}

/** The Articles view: every article of every dump, by date (or source, or flat), one click away. */
export function register(ctx: FeatureContext): vscode.Disposable[] {
  const { workspace: model, articlesFilter: filters, extension: context } = ctx;
  const provider = new ArticleTreeProvider(model, filters);
  provider.grouping = context.workspaceState.get<Grouping>(GROUPING_KEY, 'date');
  const view = vscode.window.createTreeView('corpusExplorer.articles', {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  const status = vscode.window.createStatusBarItem('corpusExplorer.articleCount', vscode.StatusBarAlignment.Right, 100);
  status.name = vscode.l10n.t('Corpus article count');
  status.command = Commands.articlesFocus;

  const describe = () => {
    const parts = [
      isEmptyFilter(provider.filter) ? undefined : vscode.l10n.t('Filter: {0}', provider.filter!.text),
      provider.entityFilter && vscode.l10n.t('Mentioning: {0}', provider.entityFilter.name),
    ].filter(Boolean);
    view.description = parts.length ? parts.join(' · ') : undefined;
    void vscode.commands.executeCommand('setContext', 'corpusExplorer.articles.filtered', parts.length > 0);
    void vscode.commands.executeCommand('setContext', 'corpusExplorer.articles.grouping', provider.grouping);
  };
  const updateStatus = () => {
    const editor = vscode.window.activeTextEditor;
    const uri = editor && isDump(editor.document) ? editor.document.uri : undefined;
    // A one-article document of a large dump counts its dump's articles.
    const entry = uri && model.find(parseArticleUri(uri)?.dump ?? uri);
    if (!entry) {
      status.hide();
      return;
    }
    markStepDone(WalkthroughStep.dumpOpened);
    status.text = `$(book) ${articleCount(entry.dump.articles.length)}`;
    status.tooltip = vscode.l10n.t('Show the articles view');
    status.show();
  };
  const setGrouping = (grouping: Grouping) => {
    provider.grouping = grouping;
    void context.workspaceState.update(GROUPING_KEY, grouping);
    provider.rebuild();
    describe();
  };
  const followCursor = (editor: vscode.TextEditor | undefined) => {
    if (!editor || !isDump(editor.document) || !view.visible) return;
    if (!vscode.workspace.getConfiguration('corpusExplorer.articles').get<boolean>('followCursor', true)) return;
    // A one-article document of a large dump: that article of its dump.
    const ref = parseArticleUri(editor.document.uri);
    const entry = model.find(ref?.dump ?? editor.document.uri);
    const line = editor.selection.active.line;
    const article = ref
      ? entry?.dump.articles[ref.index]
      : entry?.dump.articles.find((a) => a.startLine <= line && line <= a.endLine);
    const node = entry && article && provider.articleNode(entry.uri, article.index);
    if (node && view.selection[0] !== node)
      void view.reveal(node, { select: true, focus: false, expand: true }).then(undefined, () => undefined);
  };
  describe();
  if (view.visible) markStepDone(WalkthroughStep.articlesViewShown);

  const disposables: vscode.Disposable[] = [
    provider,
    view,
    view.onDidChangeVisibility((e) => e.visible && markStepDone(WalkthroughStep.articlesViewShown)),
    status,
    model.onDidChange(() => {
      updateStatus();
      describe();
    }),
    filters.onDidChange(describe),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.window.onDidChangeTextEditorSelection((e) => followCursor(e.textEditor)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('corpusExplorer.articles')) provider.rebuild();
    }),
    vscode.commands.registerCommand(Commands.openArticle, (uri: vscode.Uri, index: number) =>
      ctx.navigator.reveal({ dump: uri, article: index }),
    ),
    vscode.commands.registerCommand(Commands.articlesLoadMore, (node: ArticleNode & { kind: 'more' }) =>
      provider.loadMore(node),
    ),
    vscode.commands.registerCommand(Commands.articlesFilter, async (value?: string) => {
      const input =
        value ??
        (await vscode.window.showInputBox({
          title: vscode.l10n.t('Filter articles'),
          prompt: vscode.l10n.t('Words (tone marks optional) and dates: 2022, 2022-01..2022-06'),
          value: provider.filter?.text ?? '',
        }));
      if (input === undefined) return;
      filters.setText(parseArticleFilter(input));
    }),
    vscode.commands.registerCommand(Commands.articlesClearFilter, () => {
      filters.clear();
    }),
    vscode.commands.registerCommand(Commands.articlesGroupByDate, () => setGrouping('date')),
    vscode.commands.registerCommand(Commands.articlesGroupBySource, () => setGrouping('source')),
    vscode.commands.registerCommand(Commands.articlesGroupFlat, () => setGrouping('flat')),
    vscode.commands.registerCommand(Commands.openSample, async () => {
      await vscode.window.showTextDocument(ctx.sampleUri);
    }),
  ];
  const api: ArticlesView = { model, provider, view };
  ctx.exports.articles = api;
  return disposables;
}
