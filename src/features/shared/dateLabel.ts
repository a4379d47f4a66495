import * as vscode from 'vscode';
import type { Article } from '../../core/dump/types';

/** An article's date as the views show it: `undated`, `2022-01-21`, or `2022-01-21 (inferred)`. */
export function dateLabel(article: Article): string {
  if (!article.date) return vscode.l10n.t('undated');
  return article.date.kind === 'inferred' ? vscode.l10n.t('{0} (inferred)', article.date.value) : article.date.value;
}
