import * as vscode from 'vscode';
import type { ParsedQuery } from '../../core/search/query';

/** A malformed query's message in the editor's language. */
export function queryErrorMessage(parsed: Extract<ParsedQuery, { ok: false }>): string {
  switch (parsed.code) {
    case 'unclosed-quote':
      return vscode.l10n.t('A phrase is missing its closing quote (").');
    case 'bad-date':
      return vscode.l10n.t(
        'date: takes 2022, 2022-11, 2022-11-08 or a range like 2021-12..2022-02, not "{0}".',
        parsed.value ?? '',
      );
    case 'unknown-filter':
      return vscode.l10n.t('Unknown filter "{0}:". Filters are date:, source: and title:.', parsed.value ?? '');
    case 'no-words':
      return vscode.l10n.t('Add at least one word to search for.');
    case 'empty':
      return vscode.l10n.t('Type words to search for.');
  }
}
