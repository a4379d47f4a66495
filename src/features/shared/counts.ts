import * as vscode from 'vscode';

// Counts with their noun, singular and plural as separate strings: "1 article", "2 articles" (Vietnamese has one form,
// but each language gets both strings to translate).
export const articleCount = (n: number) =>
  n === 1 ? vscode.l10n.t('1 article') : vscode.l10n.t('{0} articles', n.toLocaleString(vscode.env.language));
export const mentionCount = (n: number) => (n === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', n));
export const matchCount = (n: number) => (n === 1 ? vscode.l10n.t('1 match') : vscode.l10n.t('{0} matches', n));
export const lineCount = (n: number) => (n === 1 ? vscode.l10n.t('1 line') : vscode.l10n.t('{0} lines', n));
export const wordCount = (n: number) =>
  n === 1 ? vscode.l10n.t('1 word') : vscode.l10n.t('{0} words', n.toLocaleString(vscode.env.language));
