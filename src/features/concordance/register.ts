import * as path from 'node:path';
import * as vscode from 'vscode';
import { articleCount, lineCount, matchCount } from '../counts';
import type { ConcordanceLine } from '../../core/search/engine';
import {
  concordanceTable,
  formatConcordance,
  matchColumn,
  sortConcordance,
  type ConcordanceOrder,
} from '../../core/search/kwic';
import { parseQuery } from '../../core/search/query';
import { queryErrorMessage } from '../search/queryError';
import { CancelledError, type SearchIndexService } from '../search/searchIndexService';

export const SCHEME = 'corpus-kwic';
const HEADER_LINES = 3;
const WIDTH = 50;

interface Concordance {
  query: string;
  lines: ConcordanceLine[];
  truncated: boolean;
  order: ConcordanceOrder;
}

/**
 * Keyword in context: every match of a query as aligned lines in a read-only document, sortable
 * by the words around the match; Enter or Go to Definition on a line opens the match; exports to CSV/TSV.
 */
export function register(search: SearchIndexService): vscode.Disposable[] {
  const views = new Map<string, Concordance>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  let counter = 0;
  const highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    fontWeight: 'bold',
  });

  const render = (c: Concordance) => {
    const articles = new Set(c.lines.map((l) => `${l.dumpKey}#${l.article.index}`)).size;
    const orderLabel = {
      position: vscode.l10n.t('by position'),
      left: vscode.l10n.t('by the word on the left'),
      right: vscode.l10n.t('by the word on the right'),
      match: vscode.l10n.t('by match'),
    }[c.order];
    return [
      vscode.l10n.t(
        'Concordance of {0}: {1} in {2}, {3}{4}',
        c.query,
        matchCount(c.lines.length),
        articleCount(articles),
        orderLabel,
        c.truncated ? vscode.l10n.t(' (stopped at the limit)') : '',
      ),
      vscode.l10n.t('Enter or F12 on a line opens the match · Corpus: Sort Concordance… · Corpus: Export Concordance…'),
      '',
      ...formatConcordance(c.lines, WIDTH),
    ].join('\n');
  };
  const current = (editor = vscode.window.activeTextEditor) => {
    const c = editor?.document.uri.scheme === SCHEME ? views.get(editor.document.uri.toString()) : undefined;
    return c && editor ? { c, editor } : undefined;
  };
  const paint = (editor: vscode.TextEditor) => {
    const c = views.get(editor.document.uri.toString());
    if (!c) return;
    editor.setDecorations(
      highlight,
      c.lines.map(
        (l, i) =>
          new vscode.Range(
            HEADER_LINES + i,
            matchColumn(WIDTH),
            HEADER_LINES + i,
            matchColumn(WIDTH) + l.match.normalize('NFC').length,
          ),
      ),
    );
  };
  const openLine = async (c: Concordance, line: number) => {
    const l = c.lines[line - HEADER_LINES];
    if (!l) return;
    await vscode.commands.executeCommand('corpusExplorer.revealInDump', l.dumpKey, l.article.index, l.start, l.end);
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
      result = await search.concordance(parsed.query, max);
    } catch (error) {
      if (!(error instanceof CancelledError))
        void vscode.window.showErrorMessage(vscode.l10n.t('Search failed: {0}', String(error)));
      return undefined;
    }
    if (!result.lines.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No articles match "{0}".', query));
      return undefined;
    }
    const uri = vscode.Uri.from({
      scheme: SCHEME,
      path: `/${
        query
          .replace(/[\\/:*?"<>|]+/g, ' ')
          .trim()
          .slice(0, 60) || 'query'
      }.kwic`,
      query: String(++counter),
    });
    views.set(uri.toString(), { query, ...result, order: 'position' });
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    paint(editor);
    return editor;
  };

  return [
    highlight,
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => {
        const c = views.get(uri.toString());
        return c ? render(c) : vscode.l10n.t('This concordance is no longer available; run Corpus: Concordance again.');
      },
    }),
    vscode.languages.registerDefinitionProvider(
      { scheme: SCHEME },
      {
        provideDefinition(document, position) {
          const l = views.get(document.uri.toString())?.lines[position.line - HEADER_LINES];
          return l && new vscode.Location(vscode.Uri.parse(l.dumpKey), new vscode.Position(l.line, l.column));
        },
      },
    ),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(paint)),
    // A re-sort replaces the document's text: paint once the editor holds the new lines.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.scheme === SCHEME)
        for (const editor of vscode.window.visibleTextEditors) if (editor.document === e.document) paint(editor);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme === SCHEME) views.delete(d.uri.toString());
    }),
    // (query?) lets the search quick pick, keybindings and tests open a concordance directly.
    vscode.commands.registerCommand('corpusExplorer.concordance', (query?: string) => show(query)),
    vscode.commands.registerCommand('corpusExplorer.concordance.openLine', async (line?: number) => {
      const found = current();
      if (found) await openLine(found.c, line ?? found.editor.selection.active.line);
    }),
    vscode.commands.registerCommand('corpusExplorer.concordance.sort', async (order?: ConcordanceOrder) => {
      const found = current();
      if (!found) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a concordance first (Corpus: Concordance…).'));
        return;
      }
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
      changed.fire(found.editor.document.uri);
    }),
    vscode.commands.registerCommand('corpusExplorer.concordance.export', async (target?: vscode.Uri) => {
      const found = current();
      if (!found) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a concordance first (Corpus: Concordance…).'));
        return;
      }
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
      if (found.c.lines.some((l) => vscode.Uri.parse(l.dumpKey).toString() === uri.toString())) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Choose another file: that is one of the dumps.'));
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
