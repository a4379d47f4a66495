import * as vscode from 'vscode';
import { isDump, type CorpusService } from '../../corpus/corpusService';
import type { DumpProblem } from '../../core/dump/types';
import { lineSpan } from '../shared/ranges';

function problemMessage(p: DumpProblem): string {
  switch (p.code) {
    case 'stray-text':
      return vscode.l10n.t('Text after an end line belongs to no article.');
    case 'end-without-article':
      return vscode.l10n.t('End line with no article open.');
    case 'malformed-marker':
      return vscode.l10n.t(
        'Line starts like a marker but is not one; read as text. Markers are <<<FILE>>> NAME, <<<FILE: NAME>>> or <<<FILE NAME>>>.',
      );
    case 'nul-bytes':
      return vscode.l10n.t('The file contains NUL bytes; is it really text?');
    default:
      return p.message;
  }
}

/** Reader problems as warning diagnostics, refreshed (debounced) as the dump is edited. */
export function register(corpus: CorpusService): vscode.Disposable[] {
  const diagnostics = vscode.languages.createDiagnosticCollection('corpus-dump');
  const timers = new Map<string, NodeJS.Timeout>();
  const refresh = async (document: vscode.TextDocument) => {
    if (!isDump(document)) return;
    const dump = await corpus.getDump(document);
    diagnostics.set(
      document.uri,
      dump.problems.map((p) => {
        const d = new vscode.Diagnostic(
          lineSpan(document, p.line, p.endLine),
          problemMessage(p),
          vscode.DiagnosticSeverity.Warning,
        );
        d.source = 'Corpus Explorer';
        d.code = p.code;
        return d;
      }),
    );
  };
  const schedule = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void refresh(document);
      }, 300),
    );
  };
  vscode.workspace.textDocuments.forEach((d) => void refresh(d));
  return [
    diagnostics,
    vscode.workspace.onDidOpenTextDocument((d) => void refresh(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isDump(e.document)) schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => diagnostics.delete(d.uri)),
    { dispose: () => timers.forEach(clearTimeout) },
  ];
}
