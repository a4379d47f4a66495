import * as vscode from 'vscode';
import { CorpusService } from './corpus/corpusService';
import { EntityService } from './corpus/entityService';
import { register as registerArticles, type ArticlesView } from './features/articles/register';
import { register as registerConcordance } from './features/concordance/register';
import { register as registerEntities, type EntitiesView } from './features/entities/register';
import { register as registerHighlighting, type Highlights } from './features/highlighting/register';
import { register as registerHovers } from './features/hovers/register';
import { register as registerLanguage } from './features/language/register';
import { register as registerLargeDumps } from './features/largeDumps/register';
import { register as registerNavigation } from './features/navigation/register';
import { register as registerOutline } from './features/outline/register';
import { register as registerSearch } from './features/search/register';
import type { SearchIndexService } from './features/search/searchIndexService';
import { register as registerStatistics, type StatisticsApi } from './features/statistics/register';

export interface CorpusExplorerApi {
  readonly corpus: CorpusService;
  readonly articles: ArticlesView;
  readonly entities: EntitiesView;
  readonly highlights: Highlights;
  readonly search: SearchIndexService;
  readonly statistics: StatisticsApi;
}

export function activate(context: vscode.ExtensionContext): CorpusExplorerApi {
  const corpus = new CorpusService();
  const articles = registerArticles(
    corpus,
    context,
    vscode.Uri.joinPath(context.extensionUri, 'sample', 'sample.dump'),
  );
  const search = registerSearch(articles.api.model, corpus.worker, context.globalStorageUri);
  const entityService = new EntityService(corpus);
  const entities = registerEntities(entityService, articles.api);
  const highlights = registerHighlighting(entityService);
  const statistics = registerStatistics(context, articles.api.model, corpus.worker, search.service);
  context.subscriptions.push(
    corpus,
    entityService,
    ...registerLanguage(corpus),
    ...registerOutline(corpus),
    ...registerNavigation(corpus),
    ...articles.disposables,
    ...registerLargeDumps(articles.api.model, corpus.worker),
    ...search.disposables,
    ...registerConcordance(search.service),
    ...registerHovers(entityService),
    ...entities.disposables,
    ...highlights.disposables,
    ...statistics.disposables,
  );
  return {
    corpus,
    articles: articles.api,
    entities: entities.api,
    highlights: highlights.api,
    search: search.service,
    statistics: statistics.api,
  };
}

export function deactivate(): void {}
