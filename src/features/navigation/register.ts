import * as vscode from 'vscode';
import { isDump } from '../../corpus/corpusService';
import type { FeatureContext } from '../shared/featureContext';
import { Commands } from '../shared/commands';

/** Next / Previous Article: move the cursor to the neighbouring marker line. */
export function register(ctx: FeatureContext): vscode.Disposable[] {
  const { corpus } = ctx;
  const move = (direction: 1 | -1) => async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isDump(editor.document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a corpus dump to move between its articles.'));
      return;
    }
    const dump = await corpus.getDump(editor.document);
    const line = editor.selection.active.line;
    const target =
      direction > 0
        ? dump.articles.find((a) => a.startLine > line)
        : [...dump.articles].reverse().find((a) => a.startLine < line);
    if (!target) {
      // A notification, not a status-bar flash: at the end of a dump the key seemed to do nothing.
      void vscode.window.showInformationMessage(
        direction > 0
          ? vscode.l10n.t('This is the last article of the dump.')
          : vscode.l10n.t('This is the first article of the dump.'),
      );
      return;
    }
    const pos = new vscode.Position(target.startLine, 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
  };
  return [
    vscode.commands.registerCommand(Commands.nextArticle, move(1)),
    vscode.commands.registerCommand(Commands.previousArticle, move(-1)),
  ];
}
