import * as path from 'node:path';
import { markStepDone, WalkthroughStep } from '../shared/walkthrough';
import * as vscode from 'vscode';
import type { ConcordanceLine } from '../../core/search/engine';
import { concordanceTable, sortConcordance, type ConcordanceOrder } from '../../core/search/kwic';
import { parseQuery } from '../../core/search/query';
import { CancelledError } from '../../corpus/searchIndexService';
import { Commands } from '../shared/commands';
import { lineCount } from '../shared/counts';
import type { FeatureContext } from '../shared/featureContext';
import { queryErrorMessage } from '../shared/queryError';
import type { ConcordanceDecorations } from './decorations';
import type { Concordance, ConcordanceDocuments } from './document';
import { isDumpTarget } from '../shared/exportGuard';

/** The concordance's commands: open one, open a line's match, sort, export. */
export function registerCommands(
  ctx: FeatureContext,
  documents: ConcordanceDocuments,
  decorations: ConcordanceDecorations,
): vscode.Disposable[] {
  const current = (editor = vscode.window.activeTextEditor) => {
    const c = editor && documents.get(editor.document.uri);
    return c && editor ? { c, editor } : undefined;
  };
  const openLine = async (editor: vscode.TextEditor, line: number) => {
    const l = documents.lineAt(editor.document.uri, line);
    if (!l) return;
    await ctx.navigator.reveal({
      dump: vscode.Uri.parse(l.dumpKey),
      article: l.article.index,
      start: l.start,
      end: l.end,
    });
  };

  const show = async (input?: string) => {
    const query =
      input ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Concordance'),
        prompt: vscode.l10n.t('Every match of a search, in context. Same query language as Corpus: Search.'),
        value: selectedWord(),
      }));
    if (!query?.trim()) return undefined;
    const parsed = parseQuery(query);
    if (!parsed.ok) {
      void vscode.window.showWarningMessage(queryErrorMessage(parsed));
      return undefined;
    }
    const max = vscode.workspace.getConfiguration('corpusExplorer.concordance').get<number>('maxLines', 10000);
    let result: { lines: ConcordanceLine[]; truncated: boolean };
    try {
      result = await ctx.search.concordance(parsed.query, max);
    } catch (error) {
      if (!(error instanceof CancelledError))
        void vscode.window.showErrorMessage(vscode.l10n.t('Search failed: {0}', String(error)));
      return undefined;
    }
    if (!result.lines.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No articles match "{0}".', query));
      return undefined;
    }
    const concordance: Concordance = { query, ...result, order: 'position' };
    const editor = await vscode.window.showTextDocument(documents.add(concordance), { preview: false });
    decorations.paint(editor);
    markStepDone(WalkthroughStep.concordanceShown);
    return editor;
  };

  const noConcordance = () =>
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a concordance first (Corpus: Concordance…).'));

  return [
    // (query?) lets the search quick pick, keybindings and tests open a concordance directly.
    vscode.commands.registerCommand(Commands.concordance, (query?: string) => show(query)),
    vscode.commands.registerCommand(Commands.concordanceStatistics, async () => {
      const found = current();
      if (!found) return noConcordance();
      await vscode.commands.executeCommand(Commands.showStatistics, {
        query: found.c.query,
        tab: 'collocates',
      });
    }),
    vscode.commands.registerCommand(Commands.concordanceOpenLine, async (line?: number) => {
      const found = current();
      if (found) await openLine(found.editor, line ?? found.editor.selection.active.line);
    }),
    vscode.commands.registerCommand(Commands.concordanceSort, async (order?: ConcordanceOrder) => {
      const found = current();
      if (!found) return noConcordance();
      const choice =
        order ??
        (
          await vscode.window.showQuickPick(
            [
              { label: vscode.l10n.t('By position'), order: 'position' as const },
              { label: vscode.l10n.t('By the word on the left'), order: 'left' as const },
              { label: vscode.l10n.t('By the word on the right'), order: 'right' as const },
              { label: vscode.l10n.t('By match'), order: 'match' as const },
            ],
            { title: vscode.l10n.t('Sort concordance') },
          )
        )?.order;
      if (!choice) return;
      found.c.order = choice;
      found.c.lines = sortConcordance(found.c.lines, choice);
      documents.refresh(found.editor.document.uri);
    }),
    vscode.commands.registerCommand(Commands.concordanceExport, async (target?: vscode.Uri) => {
      const found = current();
      if (!found) return noConcordance();
      const base = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd());
      const uri =
        target ??
        (await vscode.window.showSaveDialog({
          defaultUri: vscode.Uri.joinPath(base, 'concordance.csv'),
          filters: { CSV: ['csv'], TSV: ['tsv', 'tab'] },
          title: vscode.l10n.t('Export concordance'),
        }));
      if (!uri) return;
      // Never over a dump: exporting writes a new table, it does not touch the corpus.
      if (
        await isDumpTarget(
          uri,
          found.c.lines.map((l) => l.dumpKey),
        )
      ) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Choose another file: {0} is a corpus dump.', vscode.workspace.asRelativePath(uri)),
        );
        return;
      }
      const separator = /\.(tsv|tab)$/i.test(uri.path) ? '\t' : ',';
      const table = concordanceTable(found.c.lines, separator, (key) => path.basename(vscode.Uri.parse(key).path));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(table));
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Exported {0} to {1}.', lineCount(found.c.lines.length), vscode.workspace.asRelativePath(uri)),
      );
    }),
  ];
}

function selectedWord(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const range = editor.selection.isEmpty
    ? editor.document.getWordRangeAtPosition(editor.selection.active)
    : editor.selection;
  return range && editor.document.getText(range).slice(0, 100);
}
