import * as vscode from 'vscode';
import { CorpusService } from './corpus/corpusService';
import { EditorCorpusWorkspace } from './corpus/corpusWorkspace';
import { EntityService } from './corpus/entityService';
import { SearchIndexService } from './corpus/searchIndexService';
import * as articles from './features/articles/register';
import type { ArticlesView } from './features/articles/register';
import * as concordance from './features/concordance/register';
import * as entities from './features/entities/register';
import type { EntitiesView } from './features/entities/register';
import * as highlighting from './features/highlighting/register';
import type { Highlights } from './features/highlighting/register';
import * as hovers from './features/hovers/register';
import * as language from './features/language/register';
import * as largeDumps from './features/largeDumps/register';
import * as navigation from './features/navigation/register';
import * as outline from './features/outline/register';
import * as search from './features/search/register';
import * as searchResults from './features/searchResults/register';
import type { SearchResultsView } from './features/searchResults/register';
import { ArticlesFilter } from './features/shared/articlesFilter';
import type { Feature, FeatureContext } from './features/shared/featureContext';
import { DumpNavigator } from './features/shared/navigator';
import * as statistics from './features/statistics/register';
import type { StatisticsApi } from './features/statistics/register';

export interface CorpusExplorerApi {
  readonly corpus: CorpusService;
  readonly articles: ArticlesView;
  readonly entities: EntitiesView;
  readonly highlights: Highlights;
  readonly search: SearchIndexService;
  readonly statistics: StatisticsApi;
  readonly searchResults: SearchResultsView;
}

/** Every feature, each registered the same way over one shared context. */
const FEATURES: readonly Feature[] = [
  articles.register,
  search.register,
  searchResults.register,
  entities.register,
  highlighting.register,
  language.register,
  outline.register,
  navigation.register,
  largeDumps.register,
  concordance.register,
  hovers.register,
  statistics.register,
];

export function activate(context: vscode.ExtensionContext): CorpusExplorerApi {
  const corpus = new CorpusService(context.globalStorageUri);
  const workspace = new EditorCorpusWorkspace(corpus);
  const searchIndex = new SearchIndexService(workspace, corpus.worker, context.globalStorageUri);
  const entityService = new EntityService(corpus);
  const articlesFilter = new ArticlesFilter();
  const ctx: FeatureContext = {
    extension: context,
    workspace,
    corpus,
    entities: entityService,
    search: searchIndex,
    navigator: new DumpNavigator(workspace),
    articlesFilter,
    sampleUri: vscode.Uri.joinPath(context.extensionUri, 'sample', 'sample.dump'),
    exports: {},
  };
  context.subscriptions.push(corpus, entityService, workspace, searchIndex, articlesFilter);
  for (const register of FEATURES) context.subscriptions.push(...register(ctx));
  return {
    corpus,
    articles: ctx.exports.articles as ArticlesView,
    entities: ctx.exports.entities as EntitiesView,
    highlights: ctx.exports.highlights as Highlights,
    search: searchIndex,
    statistics: ctx.exports.statistics as StatisticsApi,
    searchResults: ctx.exports.searchResults as SearchResultsView,
  };
}

export function deactivate(): void {}
