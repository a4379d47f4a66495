import * as vscode from 'vscode';
import { LANGUAGE_ID, type CorpusService } from '../../corpus/corpusService';
import type { Article } from '../../core/dump/types';
import { lineSpan } from '../shared/ranges';

export function articleRange(document: vscode.TextDocument, article: Article): vscode.Range {
  return lineSpan(document, article.startLine, article.endLine);
}

export function dateLabel(article: Article): string {
  if (!article.date) return vscode.l10n.t('undated');
  return article.date.kind === 'inferred' ? vscode.l10n.t('{0} (inferred)', article.date.value) : article.date.value;
}

/** Articles as document symbols (Outline, breadcrumbs, Go to Symbol) and as folding ranges. */
export function register(corpus: CorpusService): vscode.Disposable[] {
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
