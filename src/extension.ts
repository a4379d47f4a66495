import * as vscode from 'vscode';
import { CorpusService } from './corpus/corpusService';
import { register as registerArticles, type ArticlesView } from './features/articles/register';
import { register as registerHovers } from './features/hovers/register';
import { register as registerLanguage } from './features/language/register';
import { register as registerNavigation } from './features/navigation/register';
import { register as registerOutline } from './features/outline/register';
import { register as registerSearch } from './features/search/register';

export interface CorpusExplorerApi {
  readonly corpus: CorpusService;
  readonly articles: ArticlesView;
}

export function activate(context: vscode.ExtensionContext): CorpusExplorerApi {
  const corpus = new CorpusService();
  const articles = registerArticles(corpus, context, vscode.Uri.joinPath(context.extensionUri, 'sample', 'sample.dump'));
  const search = registerSearch(articles.api.model);
  context.subscriptions.push(
    corpus,
    ...registerLanguage(corpus),
    ...registerOutline(corpus),
    ...registerNavigation(corpus),
    ...articles.disposables,
    ...search.disposables,
    ...registerHovers(corpus),
  );
  return { corpus, articles: articles.api };
}

export function deactivate(): void {}
