import { type ArticleTable, unpackArticles } from './articleTable';
import type { Article, Dump } from './types';

/**
 * `rest` with `table`'s rows as its articles, their objects made from the table the first time
 * `articles` is read (`made` called then): a worker holding a cached reading answers its index
 * request before it has made 50,000 articles, and makes them when a query or a later step needs
 * them. Equal, once read, to the dump with the unpacked articles.
 */
export function withArticlesOnRead(rest: Dump, table: ArticleTable, made?: () => void): Dump {
  let articles: readonly Article[] | undefined;
  return Object.defineProperty({ ...rest }, 'articles', {
    enumerable: true,
    get: () => {
      if (!articles) {
        articles = unpackArticles(table);
        made?.();
      }
      return articles;
    },
  });
}
