import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../corpus/corpusService';
import type { FeatureContext } from '../shared/featureContext';
import type { Article } from '../../core/dump/types';
import { dateLabel } from '../shared/dateLabel';
import { lineSpan } from '../shared/ranges';

export function articleRange(document: vscode.TextDocument, article: Article): vscode.Range {
  return lineSpan(document, article.startLine, article.endLine);
}

/** Articles as document symbols (Outline, breadcrumbs, Go to Symbol) and as folding ranges. */
export function register(ctx: FeatureContext): vscode.Disposable[] {
  const { corpus } = ctx;
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  return [
    vscode.languages.registerDocumentSymbolProvider(
      selector,
      {
        async provideDocumentSymbols(document) {
          const dump = await corpus.getDump(document);
          return dump.articles.map((a) => {
            const range = articleRange(document, a);
            const selection = lineSpan(document, a.startLine, a.startLine);
            return new vscode.DocumentSymbol(a.title, dateLabel(a), vscode.SymbolKind.Module, range, selection);
          });
        },
      },
      { label: vscode.l10n.t('Articles') },
    ),
    vscode.languages.registerFoldingRangeProvider(selector, {
      async provideFoldingRanges(document) {
        const dump = await corpus.getDump(document);
        return dump.articles
          .filter((a) => a.endLine > a.startLine)
          .map((a) => new vscode.FoldingRange(a.startLine, a.endLine, vscode.FoldingRangeKind.Region));
      },
    }),
  ];
}
