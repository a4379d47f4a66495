import * as vscode from 'vscode';
import { markStepDone, WalkthroughStep } from '../shared/walkthrough';
import { parseQuery } from '../../core/search/query';
import { CancelledError } from '../../corpus/searchIndexService';
import { Commands } from '../shared/commands';
import { articleCount, matchCount } from '../shared/counts';
import type { FeatureContext } from '../shared/featureContext';
import { queryErrorMessage } from '../shared/queryError';
import { type ResultHit, SearchResultsModel } from './model';
import { type ResultNode, resultsText, SearchResultCommands } from './nodes';
import { SearchResultsProvider } from './provider';

export interface SearchResultsView {
  readonly model: SearchResultsModel;
  readonly provider: SearchResultsProvider;
  readonly view: vscode.TreeView<ResultNode>;
  /** The hit last opened (by a click or F4 / Shift+F4). */
  current(): ResultHit | undefined;
}

const ARTICLE_LIMIT = 200;
const LINE_LIMIT = 5000;

/** The Search Results view: a query's hits that stay open, grouped by dump and article, walked with F4. */
export function register(ctx: FeatureContext): vscode.Disposable[] {
  const model = new SearchResultsModel();
  const provider = new SearchResultsProvider(model);
  const view = vscode.window.createTreeView('corpusExplorer.searchResults', {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  let current: ResultHit | undefined;

  const describe = () => {
    view.description = model.query
      ? `${model.query} — ${matchCount(model.hitCount)} · ${articleCount(model.articleCount)}`
      : undefined;
    view.message =
      model.query && model.isEmpty
        ? vscode.l10n.t('No articles match "{0}".', model.query)
        : model.truncated
          ? vscode.l10n.t('Only the first {0} are shown.', matchCount(LINE_LIMIT))
          : undefined;
    void vscode.commands.executeCommand('setContext', 'corpusExplorer.searchResults.hasResults', !model.isEmpty);
  };
  const label = (key: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(key), false);

  const run = async (input?: string) => {
    const query =
      input ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Search Results'),
        prompt: vscode.l10n.t(
          'Words (tone marks optional), "exact phrase", -exclude, prefix*, date:…, source:…, title:…',
        ),
        value: model.query,
      }));
    if (query === undefined || !query.trim()) return undefined;
    const parsed = parseQuery(query);
    if (!parsed.ok) {
      void vscode.window.showWarningMessage(queryErrorMessage(parsed));
      return undefined;
    }
    await vscode.commands.executeCommand('corpusExplorer.searchResults.focus');
    try {
      const [hits, kwic] = await Promise.all([
        ctx.search.query(parsed.query, ARTICLE_LIMIT),
        ctx.search.concordance(parsed.query, LINE_LIMIT),
      ]);
      model.set(query.trim(), hits, kwic.lines, label, kwic.truncated);
      markStepDone(WalkthroughStep.searched);
    } catch (error) {
      void vscode.window.showWarningMessage(
        error instanceof CancelledError
          ? vscode.l10n.t('Indexing was cancelled; type again to restart it.')
          : vscode.l10n.t('Search failed: {0}', String(error)),
      );
      return undefined;
    }
    current = undefined;
    provider.refresh();
    describe();
    return model;
  };
  const open = async (hit: ResultHit, selectInView: boolean) => {
    current = hit;
    if (selectInView) await view.reveal(hit, { select: true, focus: false, expand: true });
    return ctx.navigator.reveal({
      dump: vscode.Uri.parse(hit.parent.dumpKey),
      article: hit.parent.article.index,
      start: hit.start,
      end: hit.end,
    });
  };
  const step = async (by: 1 | -1) => {
    if (model.isEmpty) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No search results; run Corpus: Search Results… first.'));
      return undefined;
    }
    const from = view.selection[0] ?? current;
    const hit = by === 1 ? model.next(from) : model.previous(from);
    if (hit) await open(hit, true);
    return hit;
  };
  const hitOf = (arg?: ResultNode) => arg ?? view.selection[0] ?? current;

  const disposables: vscode.Disposable[] = [
    provider,
    view,
    vscode.commands.registerCommand('corpusExplorer.searchResults.show', (query?: string) => run(query)),
    vscode.commands.registerCommand('corpusExplorer.searchResults.edit', () => run()),
    vscode.commands.registerCommand('corpusExplorer.searchResults.clear', () => {
      model.clear();
      current = undefined;
      provider.refresh();
      describe();
    }),
    vscode.commands.registerCommand(SearchResultCommands.openHit, (hit: ResultHit) => open(hit, false)),
    vscode.commands.registerCommand('corpusExplorer.searchResults.next', () => step(1)),
    vscode.commands.registerCommand('corpusExplorer.searchResults.previous', () => step(-1)),
    vscode.commands.registerCommand('corpusExplorer.searchResults.copy', async (arg?: ResultNode) => {
      const node = hitOf(arg);
      if (!node) return;
      const text =
        node.kind === 'hit'
          ? node.text
          : node.kind === 'article'
            ? [node.article.title, ...node.hits.map((h) => `  ${h.text}`)].join('\n')
            : node.articles.map((a) => a.article.title).join('\n');
      await vscode.env.clipboard.writeText(text);
    }),
    vscode.commands.registerCommand('corpusExplorer.searchResults.copyAll', async () => {
      if (model.isEmpty) return;
      await vscode.env.clipboard.writeText(resultsText(model.query, model.roots(), model.hitCount, model.articleCount));
    }),
    vscode.commands.registerCommand('corpusExplorer.searchResults.openConcordance', () => {
      if (!model.query) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('No search results; run Corpus: Search Results… first.'),
        );
        return undefined;
      }
      return vscode.commands.executeCommand(Commands.concordance, model.query);
    }),
  ];
  describe();
  ctx.exports.searchResults = { model, provider, view, current: () => current } satisfies SearchResultsView;
  return disposables;
}
