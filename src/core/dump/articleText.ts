import { unescapeLine } from './markers';
import type { Article } from './types';

/** The article's text as a reader means it: metadata stripped, escaped marker lines restored. */
export function articleText(text: string, article: Article): string {
  const raw = text.slice(article.textStartOffset, article.textEndOffset);
  if (raw.indexOf('\\<<<') < 0) return raw;
  return raw.split('\n').map(unescapeLine).join('\n');
}
