import type * as vscode from 'vscode';
import type { FeatureContext } from '../shared/featureContext';
import { registerCommands } from './commands';
import { ConcordanceDecorations } from './decorations';
import { ConcordanceDocuments } from './document';

/**
 * Keyword in context: every match of a query as aligned lines in a read-only document, sortable
 * by the words around the match; Enter or Go to Definition on a line opens the match; exports to CSV/TSV.
 */
export function register(ctx: FeatureContext): vscode.Disposable[] {
  const documents = new ConcordanceDocuments();
  const decorations = new ConcordanceDecorations(documents);
  return [decorations, documents, ...registerCommands(ctx, documents, decorations)];
}
