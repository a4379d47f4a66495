import * as vscode from 'vscode';
import { matchColumn } from '../../core/search/kwic';
import { type ConcordanceDocuments, HEADER_LINES, SCHEME, WIDTH } from './document';

/** The match column of each concordance line, highlighted in every editor that shows a concordance. */
export class ConcordanceDecorations implements vscode.Disposable {
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    fontWeight: 'bold',
  });
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly documents: ConcordanceDocuments) {
    this.subscriptions = [
      this.highlight,
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) this.paint(e);
      }),
      // A re-sort replaces the document's text: paint once the editor holds the new lines.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.scheme === SCHEME)
          for (const editor of vscode.window.visibleTextEditors) if (editor.document === e.document) this.paint(editor);
      }),
    ];
  }

  paint(editor: vscode.TextEditor): void {
    const c = this.documents.get(editor.document.uri);
    if (!c) return;
    editor.setDecorations(
      this.highlight,
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
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
