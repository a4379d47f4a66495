import * as assert from 'node:assert';
import * as fs from 'node:fs';
import type * as vscode from 'vscode';
import { parseArticleFilter } from '../../src/core/articles/filter';
import type { GroupingOptions } from '../../src/core/articles/grouping';
import { parseDump } from '../../src/core/dump/reader';
import type { DumpEntry } from '../../src/corpus/corpusWorkspace';
import { ArticleTree, PAGE_SIZE, type ArticleNode } from '../../src/features/articles/articleTree';
import { samplePath } from '../support/paths';

/** An in-memory workspace entry: a dump read from text, under a URI that is only its string. */
function entry(name: string, text: string): DumpEntry {
  const uri = { toString: () => `file:///${name}`, path: `/${name}` } as unknown as vscode.Uri;
  return { uri, dump: parseDump(text), text, version: 'doc:1' };
}

const sample = entry('sample.dump', fs.readFileSync(samplePath, 'utf8'));
const byDate: GroupingOptions = { grouping: 'date', order: 'newest', includeInferred: true };
const label = (n: ArticleNode) =>
  n.kind === 'group' ? n.group.label || n.group.level : n.kind === 'article' ? n.article.index : n.kind;
const built = (dumps: DumpEntry[], extra: Partial<Parameters<ArticleTree['rebuild']>[0]> = {}) => {
  const tree = new ArticleTree();
  tree.rebuild({ dumps, options: byDate, ...extra });
  return tree;
};

describe('articles view: the tree over an in-memory workspace', () => {
  it("puts a lone dump's groups at the top, and each dump under its own node when there are several", () => {
    assert.deepStrictEqual(built([sample]).children().map(label), ['2025', '2022', 'undated']);
    const other = entry('other.dump', '<<<FILE>>> a\ndate: 2019\nA\n<<<FILE>>> b\ndate: 2018\nB\n');
    const tree = built([other, sample]);
    const roots = tree.children();
    assert.deepStrictEqual(
      roots.map((r) => [r.kind, r.kind === 'dump' && r.count]),
      [
        ['dump', 2],
        ['dump', 3],
      ],
    );
    assert.deepStrictEqual(tree.children(roots[0]).map(label), ['2019', '2018']);
  });

  it('groups by source, with a no-source group, and flat', () => {
    assert.deepStrictEqual(
      built([sample], { options: { ...byDate, grouping: 'source' } })
        .children()
        .map((n) => n.kind === 'group' && n.group.level),
      ['source', 'no-source'],
    );
    assert.deepStrictEqual(
      built([sample], { options: { ...byDate, grouping: 'flat' } })
        .children()
        .map(label),
      [1, 0, 2],
    );
  });

  it('filters by words and dates, and by the articles that mention an entity', () => {
    assert.deepStrictEqual(
      built([sample], { filter: parseArticleFilter('khung hoang') })
        .children()
        .map(label),
      ['undated'],
    );
    const entityFilter = { name: 'X', articles: new Map([[sample.uri.toString(), new Set([1])]]) };
    const tree = built([sample], { entityFilter });
    assert.deepStrictEqual(tree.children().map(label), ['2025']);
    assert.strictEqual(tree.articleNode(sample.uri, 0), undefined, 'a filtered-out article has no node');
  });

  const many = entry('many.dump', Array.from({ length: 450 }, (_, i) => `<<<FILE>>> a${i}\nBài ${i}\n`).join(''));
  const flat = { options: { ...byDate, grouping: 'flat' } as GroupingOptions };

  it('pages long lists, and loads more on request', () => {
    const tree = built([many], flat);
    const first = tree.children();
    assert.strictEqual(first.length, PAGE_SIZE + 1);
    const more = first.at(-1)!;
    assert.deepStrictEqual([more.kind, more.kind === 'more' && more.remaining], ['more', 250]);
    assert.strictEqual(tree.loadMore(more as ArticleNode & { kind: 'more' }), undefined, 'the roots changed');
    assert.strictEqual(tree.children().length, 450);
    assert.ok(tree.children().every((n) => n.kind === 'article'));
  });

  it('makes the node of an article past the shown page, and keeps nodes stable', () => {
    const tree = built([many], flat);
    const node = tree.articleNode(many.uri, 420);
    assert.ok(node && node.kind === 'article' && node.article.index === 420);
    assert.strictEqual(tree.children()[420], node);
    assert.strictEqual(tree.articleNode(many.uri, 420), node);
    const dated = built([sample]);
    const ancestors: string[] = [];
    for (let n = dated.articleNode(sample.uri, 1); n && n.kind !== 'dump' && n.parent; n = n.parent)
      ancestors.push(String(label(n.parent)));
    assert.deepStrictEqual(ancestors, ['2025-10-29', '2025-10', '2025']);
  });
});
