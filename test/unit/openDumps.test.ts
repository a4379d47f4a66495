import * as assert from 'node:assert';
import { ARTICLE_SCHEME, listedDumpDocuments } from '../../src/corpus/openDumps';

const doc = (scheme: string, path: string, languageId = 'corpus-dump') => ({
  uri: { scheme, toString: () => `${scheme}:${path}` },
  languageId,
});

describe('the dumps the workspace lists from open documents', () => {
  it("leaves out a large dump's one-article documents, which belong to their dump", () => {
    const file = doc('file', '/a/news.dump');
    const untitled = doc('untitled', 'Untitled-1');
    const articles = [1, 2, 3].map((i) => doc(ARTICLE_SCHEME, `/big.dump/${i} r00${i}.dump`));
    const text = doc('file', '/a/notes.txt', 'plaintext');
    const all = [file, untitled, ...articles, text];
    const tabbed = new Set(all.map((d) => d.uri.toString()));
    const listed = listedDumpDocuments(all, (d) => d.languageId === 'corpus-dump', tabbed);
    assert.deepStrictEqual(listed, [file, untitled]);
  });

  it('lists only documents that have a tab', () => {
    const open = doc('file', '/a/open.dump');
    const closed = doc('file', '/a/closed.dump');
    assert.deepStrictEqual(
      listedDumpDocuments([open, closed], () => true, new Set([open.uri.toString()])),
      [open],
    );
  });
});
