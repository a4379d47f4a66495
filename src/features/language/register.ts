import * as vscode from 'vscode';
import { Debouncer } from '../../corpus/debounce';
import { isDump } from '../../corpus/corpusService';
import type { FeatureContext } from '../shared/featureContext';
import { lineSpan } from '../shared/ranges';
import { type ProblemDiagnostic, problemDiagnostics, problemScope } from './problemDiagnostics';
import { problemMessage } from './problemMessages';

const toDiagnostic = (range: vscode.Range, message: string, code: string): vscode.Diagnostic => {
  const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Warning);
  d.source = 'Corpus Explorer';
  d.code = code;
  return d;
};

/**
 * Reader problems as warning diagnostics for every dump the workspace lists (`corpusExplorer.problems.scope`:
 * `all`, or `open` for open dumps only), cleared when a dump leaves the list. An open dump the workspace does not
 * list (no tab yet, untitled) gets its own, refreshed (debounced) as it is edited.
 */
export function register(ctx: FeatureContext): vscode.Disposable[] {
  const { corpus, workspace } = ctx;
  const diagnostics = vscode.languages.createDiagnosticCollection('corpus-dump');
  const timers = new Debouncer<string>();
  /** The URIs last published from the workspace's list. */
  let listed = new Map<string, vscode.Uri>();

  const publishListed = () => {
    const scope = problemScope(vscode.workspace.getConfiguration('corpusExplorer').get('problems.scope'));
    const next = problemDiagnostics(workspace.dumps, scope, vscode.l10n);
    for (const [key, uri] of listed) if (!next.has(key)) diagnostics.delete(uri);
    listed = new Map();
    for (const [key, { uri, diagnostics: items }] of next) {
      listed.set(key, uri);
      diagnostics.set(
        uri,
        items.map((p: ProblemDiagnostic) =>
          toDiagnostic(new vscode.Range(p.line, 0, p.endLine, p.endCharacter), p.message, p.code),
        ),
      );
    }
  };

  const refresh = async (document: vscode.TextDocument) => {
    if (!isDump(document) || listed.has(document.uri.toString())) return;
    const dump = await corpus.getDump(document);
    if (listed.has(document.uri.toString()) || document.isClosed) return;
    diagnostics.set(
      document.uri,
      dump.problems.map((p) =>
        toDiagnostic(lineSpan(document, p.line, p.endLine), problemMessage(p, vscode.l10n), p.code),
      ),
    );
  };
  const schedule = (document: vscode.TextDocument) =>
    timers.run(300, () => void refresh(document), document.uri.toString());
  vscode.workspace.textDocuments.forEach((d) => void refresh(d));
  publishListed();
  return [
    diagnostics,
    workspace.onDidChange(publishListed),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('corpusExplorer.problems.scope')) publishListed();
    }),
    vscode.workspace.onDidOpenTextDocument((d) => void refresh(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isDump(e.document)) schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (!listed.has(d.uri.toString())) diagnostics.delete(d.uri);
    }),
    timers,
  ];
}
