import * as vscode from 'vscode';
import { articleUri } from '../../corpus/articleUri';
import type { CorpusWorkspace } from '../../corpus/corpusWorkspace';
import { EDITOR_LIMIT_BYTES } from './editorLimit';

/** A place in a dump: an article, and optionally a span in it (offsets in the whole dump). */
export interface DumpLocation {
  readonly dump: vscode.Uri;
  readonly article: number;
  readonly start?: number;
  readonly end?: number;
}

export interface Navigator {
  /** Opens the location in an editor; undefined (after a warning) when the article is gone. */
  reveal(location: DumpLocation): Promise<vscode.TextEditor | undefined>;
}

/**
 * One way to show a place in a dump, for every feature: the dump itself when VS Code can give it to
 * extensions, else (too large, or binary to VS Code because of NUL bytes) a read-only document of that one article, where hovers, the outline and the other
 * features work (its content provider is the large-dumps feature).
 */
export class DumpNavigator implements Navigator {
  constructor(private readonly workspace: CorpusWorkspace) {}

  async reveal({ dump, article: index, start, end }: DumpLocation): Promise<vscode.TextEditor | undefined> {
    const article = this.workspace.find(dump)?.dump.articles[index];
    if (!article) {
      void vscode.window.showWarningMessage(vscode.l10n.t('That article is no longer in the dump.'));
      return undefined;
    }
    const large = await this.needsArticleDocument(dump);
    const editor = await vscode.window.showTextDocument(large ? articleUri(dump, article) : dump, {
      preview: start !== undefined,
    });
    const shift = large ? article.startOffset : 0;
    if (start === undefined) {
      const pos = new vscode.Position(large ? 0 : article.startLine, 0);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
    } else {
      const range = new vscode.Range(
        editor.document.positionAt(start - shift),
        editor.document.positionAt((end ?? start) - shift),
      );
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return editor;
  }

  /**
   * Whether VS Code will not hand the dump to extensions as text: over its size limit, or holding NUL
   * bytes (it opens such a file as binary), so its articles are shown one at a time instead.
   */
  private async needsArticleDocument(uri: vscode.Uri): Promise<boolean> {
    const entry = this.workspace.find(uri);
    if (entry?.text !== undefined || uri.scheme !== 'file') return false;
    if (entry?.dump.problems.some((p) => p.code === 'nul-bytes')) return true;
    try {
      return (await vscode.workspace.fs.stat(uri)).size > EDITOR_LIMIT_BYTES;
    } catch {
      return false;
    }
  }
}
