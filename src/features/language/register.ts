import * as vscode from 'vscode';
import { Debouncer } from '../../corpus/debounce';
import { isDump } from '../../corpus/corpusService';
import type { FeatureContext } from '../shared/featureContext';
import { lineSpan } from '../shared/ranges';
import { problemMessage } from './problemMessages';

/** Reader problems as warning diagnostics, refreshed (debounced) as the dump is edited. */
export function register(ctx: FeatureContext): vscode.Disposable[] {
  const { corpus } = ctx;
  const diagnostics = vscode.languages.createDiagnosticCollection('corpus-dump');
  const timers = new Debouncer<string>();
  const refresh = async (document: vscode.TextDocument) => {
    if (!isDump(document)) return;
    const dump = await corpus.getDump(document);
    diagnostics.set(
      document.uri,
      dump.problems.map((p) => {
        const d = new vscode.Diagnostic(
          lineSpan(document, p.line, p.endLine),
          problemMessage(p, vscode.l10n),
          vscode.DiagnosticSeverity.Warning,
        );
        d.source = 'Corpus Explorer';
        d.code = p.code;
        return d;
      }),
    );
  };
  const schedule = (document: vscode.TextDocument) =>
    timers.run(300, () => void refresh(document), document.uri.toString());
  vscode.workspace.textDocuments.forEach((d) => void refresh(d));
  return [
    diagnostics,
    vscode.workspace.onDidOpenTextDocument((d) => void refresh(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isDump(e.document)) schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => diagnostics.delete(d.uri)),
    timers,
  ];
}
