import * as vscode from 'vscode';
import { ARTICLE_SCHEME, parseArticleUri } from '../../corpus/articleUri';
import { Commands } from '../shared/commands';
import type { FeatureContext } from '../shared/featureContext';

/**
 * Large dumps (over what VS Code hands to extensions): one article at a time as a read-only document,
 * its text taken from the worker that holds the dump; `ctx.navigator` opens them.
 * Command `corpusExplorer.revealInDump(dumpUri, articleIndex, start?, end?)`: offsets in the whole dump,
 * a thin adapter over the navigator for tree items and links.
 */
export function register(ctx: FeatureContext): vscode.Disposable[] {
  return [
    vscode.workspace.registerTextDocumentContentProvider(ARTICLE_SCHEME, {
      async provideTextDocumentContent(uri) {
        const ref = parseArticleUri(uri);
        const article = ref && ctx.workspace.find(ref.dump)?.dump.articles[ref.index];
        if (!ref || !article) return vscode.l10n.t('That article is no longer in the dump.');
        return ctx.corpus.worker.slice(ref.dump.toString(), article.startOffset, article.endOffset);
      },
    }),
    vscode.commands.registerCommand(
      Commands.revealInDump,
      (dumpUri: string, index: number, start?: number, end?: number) =>
        ctx.navigator.reveal({ dump: vscode.Uri.parse(dumpUri), article: index, start, end }),
    ),
  ];
}
