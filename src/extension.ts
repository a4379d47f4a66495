import * as vscode from 'vscode';
import { CorpusService } from './corpus/corpusService';
import { register as registerLanguage } from './features/language/register';
import { register as registerNavigation } from './features/navigation/register';
import { register as registerOutline } from './features/outline/register';

export interface CorpusExplorerApi {
  readonly corpus: CorpusService;
}

export function activate(context: vscode.ExtensionContext): CorpusExplorerApi {
  const corpus = new CorpusService();
  context.subscriptions.push(
    corpus,
    ...registerLanguage(corpus),
    ...registerOutline(corpus),
    ...registerNavigation(corpus),
  );
  return { corpus };
}

export function deactivate(): void {}
