import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Article } from '../core/dump/types';
import { ARTICLE_SCHEME } from './openDumps';

/** One article of a large dump shown as a read-only document of its own. */
export { ARTICLE_SCHEME };

export interface ArticleRef {
  readonly dump: vscode.Uri;
  readonly index: number;
}

export function articleUri(dump: vscode.Uri, article: Article): vscode.Uri {
  return vscode.Uri.from({
    scheme: ARTICLE_SCHEME,
    // Ends in .dump, so the article opens in the corpus-dump language.
    path: `/${path.basename(dump.path)}/${article.index + 1} ${article.name.replace(/[\\/]+/g, '_').replace(/\.dump$/i, '')}.dump`,
    query: JSON.stringify({ dump: dump.toString(), index: article.index }),
  });
}

/** The dump and article an article URI names; undefined for any other URI. */
export function parseArticleUri(uri: vscode.Uri): ArticleRef | undefined {
  if (uri.scheme !== ARTICLE_SCHEME) return undefined;
  try {
    const { dump, index } = JSON.parse(uri.query) as { dump: string; index: number };
    return { dump: vscode.Uri.parse(dump), index };
  } catch {
    return undefined;
  }
}
