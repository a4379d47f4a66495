import * as vscode from 'vscode';

/*
 * Counts shown to users, each with its singular and plural string ("1 article", "{0} articles"):
 * English needs both, and a translation may word them differently.
 */
export const articleCount = (n: number) => (n === 1 ? vscode.l10n.t('1 article') : vscode.l10n.t('{0} articles', n));
export const mentionCount = (n: number) => (n === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', n));
export const matchCount = (n: number) => (n === 1 ? vscode.l10n.t('1 match') : vscode.l10n.t('{0} matches', n));
export const lineCount = (n: number) => (n === 1 ? vscode.l10n.t('1 line') : vscode.l10n.t('{0} lines', n));
