/** The scheme of one article of a large dump shown as a read-only document of its own (see articleUri.ts). */
export const ARTICLE_SCHEME = 'corpus-article';

export interface OpenDocument {
  readonly uri: { readonly scheme: string; toString(): string };
}

/**
 * The open documents the workspace lists as dumps: those in a tab, less the one-article documents of large
 * dumps, which belong to their dump (already listed from its file) and must not be listed, indexed or have
 * their entities counted a second time.
 */
export function listedDumpDocuments<D extends OpenDocument>(
  documents: readonly D[],
  isDump: (d: D) => boolean,
  tabbed: ReadonlySet<string>,
): D[] {
  return documents.filter((d) => isDump(d) && d.uri.scheme !== ARTICLE_SCHEME && tabbed.has(d.uri.toString()));
}
