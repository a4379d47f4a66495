import * as vscode from 'vscode';
import { MAX_WORD_LENGTH, type ParsedQuery } from '../../core/search/query';

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
    case 'not-a-date':
      return vscode.l10n.t(
        'date: {0} is not a real date (months run 01–12, days as the calendar has them).',
        parsed.value ?? '',
      );
    case 'reversed-dates':
      return vscode.l10n.t('date:{0} ends before it starts; put the earlier date first.', parsed.value ?? '');
    case 'empty-filter':
      return vscode.l10n.t(
        '{0}: needs a value right after the colon, as in {1}.',
        parsed.value ?? '',
        parsed.value === 'date' ? 'date:2022' : `${parsed.value}:…`,
      );
    case 'too-long':
      return vscode.l10n.t('The query is too long: at most {0} characters.', parsed.value ?? '');
    case 'word-too-long':
      return vscode.l10n.t(
        'The word "{0}" is too long: words have at most {1} letters.',
        parsed.value ?? '',
        MAX_WORD_LENGTH,
      );
    case 'too-many-words':
      return vscode.l10n.t('Too many words: a query has at most {0}, phrases included.', parsed.value ?? '');
    case 'unknown-filter':
      return vscode.l10n.t('Unknown filter "{0}:". Filters are date:, source: and title:.', parsed.value ?? '');
    case 'no-words':
      return vscode.l10n.t('Add at least one word to search for.');
    case 'empty':
      return vscode.l10n.t('Type words to search for.');
  }
}
