import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CorpusWorkerPool } from '../../corpus/corpusWorkerPool';
import type { Article } from '../../core/dump/types';
import type { ArticlesModel } from '../../corpus/corpusWorkspace';

export const ARTICLE_SCHEME = 'corpus-article';
/** VS Code does not hand documents over 50 MB to extensions: no hovers, outline or events there. */
export const EDITOR_LIMIT_BYTES = 50 * 1024 * 1024;

/**
 * One way to show a place in a dump, for every feature: the dump itself when VS Code can give it to
 * extensions, else a read-only document of that one article (taken from the worker that holds the
 * dump), where hovers, the outline and the other features work.
 * Command `corpusExplorer.revealInDump(dumpUri, articleIndex, start?, end?)`: offsets in the whole dump.
 */
export function register(model: ArticlesModel, pool: CorpusWorkerPool): vscode.Disposable[] {
  const isLarge = async (uri: vscode.Uri) => {
    if (model.find(uri)?.text !== undefined || uri.scheme !== 'file') return false;
    try {
      return (await vscode.workspace.fs.stat(uri)).size > EDITOR_LIMIT_BYTES;
    } catch {
      return false;
    }
  };
  const articleUri = (dump: vscode.Uri, article: Article) =>
    vscode.Uri.from({
      scheme: ARTICLE_SCHEME,
      // Ends in .dump, so the article opens in the corpus-dump language.
      path: `/${path.basename(dump.path)}/${article.index + 1} ${article.name.replace(/[\\/]+/g, '_').replace(/\.dump$/i, '')}.dump`,
      query: JSON.stringify({ dump: dump.toString(), index: article.index }),
    });

  const reveal = async (dumpUri: string, index: number, start?: number, end?: number) => {
    const uri = vscode.Uri.parse(dumpUri);
    const article = model.find(uri)?.dump.articles[index];
    if (!article) {
      void vscode.window.showWarningMessage(vscode.l10n.t('That article is no longer in the dump.'));
      return undefined;
    }
    const large = await isLarge(uri);
    const editor = await vscode.window.showTextDocument(large ? articleUri(uri, article) : uri, {
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
  };

  return [
    vscode.workspace.registerTextDocumentContentProvider(ARTICLE_SCHEME, {
      async provideTextDocumentContent(uri) {
        const { dump, index } = JSON.parse(uri.query) as { dump: string; index: number };
        const article = model.find(vscode.Uri.parse(dump))?.dump.articles[index];
        if (!article) return vscode.l10n.t('That article is no longer in the dump.');
        return pool.slice(dump, article.startOffset, article.endOffset);
      },
    }),
    vscode.commands.registerCommand('corpusExplorer.revealInDump', reveal),
  ];
}
