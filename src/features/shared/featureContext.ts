import type * as vscode from 'vscode';
import type { CorpusService } from '../../corpus/corpusService';
import type { CorpusWorkspace } from '../../corpus/corpusWorkspace';
import type { EntityService } from '../../corpus/entityService';
import type { SearchIndexService } from '../../corpus/searchIndexService';
import type { ArticlesFilter } from './articlesFilter';
import type { Navigator } from './navigator';

/** What each feature's views hand to the extension's API (for tests and other extensions). */
export interface FeatureExports {
  articles?: unknown;
  entities?: unknown;
  highlights?: unknown;
  statistics?: unknown;
  searchResults?: unknown;
}

/** Everything a feature may use; features never import each other, only this and the layers below. */
export interface FeatureContext {
  readonly extension: vscode.ExtensionContext;
  /** The open and workspace dumps and their readings. */
  readonly workspace: CorpusWorkspace;
  readonly corpus: CorpusService;
  readonly entities: EntityService;
  readonly search: SearchIndexService;
  readonly navigator: Navigator;
  readonly articlesFilter: ArticlesFilter;
  readonly sampleUri: vscode.Uri;
  /** Where features publish their views for the extension's API. */
  readonly exports: FeatureExports;
}

export type Feature = (ctx: FeatureContext) => vscode.Disposable[];
