import MiniSearch from 'minisearch';
import { articleText } from '../src/core/dump/articleText';
import type { Dump } from '../src/core/dump/types';
import { terms } from '../src/core/text/tokenize';

/**
 * The first search index, all minisearch: one document per article, title and text fields, the same
 * folding tokenizer. Kept only as the benchmark's baseline for build time and memory, against the
 * compact TermIndex that replaced it (minisearch scores every match and stores ~35 bytes a posting).
 */
export class MinisearchIndex {
  private readonly search = new MiniSearch<{ id: number; title: string; text: string }>({
    fields: ['title', 'text'],
    tokenize: (s) => terms(s),
    processTerm: (t) => t,
  });
  private count = 0;

  add(text: string, dump: Dump): void {
    this.search.addAll(
      dump.articles.map((article) => ({ id: this.count++, title: article.title, text: articleText(text, article) })),
    );
  }

  get size(): number {
    return this.search.documentCount;
  }
}
