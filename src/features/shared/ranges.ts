import * as vscode from 'vscode';

/** Whole lines `startLine`..`endLine` (0-based, inclusive), clamped to the document. */
export function lineSpan(document: vscode.TextDocument, startLine: number, endLine: number): vscode.Range {
  const last = Math.min(endLine, document.lineCount - 1);
  return new vscode.Range(startLine, 0, last, document.lineAt(last).text.length);
}
