import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { parseDump } from '../../src/core/dump/reader';
import type { EntityType } from '../../src/core/entities/gazetteer';
import type { EntitySummary } from '../../src/core/entities/summary';
import { ENTITY_PAGE_SIZE, EntityTree, type EntityNode } from '../../src/features/entities/entityTree';
import { samplePath } from '../support/paths';

/** The in-memory workspace: the sample, under one dump key. */
const sampleKey = 'file:///sample.dump';
const articles = parseDump(fs.readFileSync(samplePath, 'utf8')).articles;
const lookup = (key: string, index: number) => (key === sampleKey ? articles[index] : undefined);

const summary = (type: EntityType, name: string, mentions: number, inArticles: number[] = [0]): EntitySummary => ({
  id: `${type}:${name.toLowerCase()}`,
  type,
  name,
  aliases: [name],
  mentions,
  articleCount: inArticles.length,
  articles: inArticles.map((articleIndex) => ({
    dumpKey: sampleKey,
    articleIndex,
    mentions: 1,
    firstStart: 0,
    firstEnd: 1,
  })),
});
const name = (n: EntityNode) => (n.kind === 'entity' ? n.entity.name : n.kind === 'type' ? n.type : n.kind);

describe('entities view: the tree over an in-memory workspace', () => {
  const corpus = [
    summary('PER', 'Sergei Lavrov', 13, [0, 1, 2]),
    summary('PER', 'Steven Witkoff', 2, [1]),
    summary('ORG', 'ASEAN', 4, [2]),
    summary('LOC', 'Hà Nội', 3, [1]),
  ];

  it('lists the types that have entities, then the entities, then the articles that mention each', () => {
    const tree = new EntityTree(lookup);
    tree.rebuild(corpus, '');
    const roots = tree.children();
    assert.deepStrictEqual(
      roots.map((r) => [name(r), r.kind === 'type' && r.count]),
      [
        ['PER', 2],
        ['LOC', 1],
        ['ORG', 1],
      ],
    );
    const people = tree.children(roots[0]);
    assert.deepStrictEqual(people.map(name), ['Sergei Lavrov', 'Steven Witkoff']);
    const refs = tree.children(people[0]);
    assert.deepStrictEqual(
      refs.map((r) => r.kind === 'ref' && r.article?.title),
      articles.map((a) => a.title),
      'each reference carries the article the workspace has for it',
    );
  });

  it('filters by name without tone marks', () => {
    const tree = new EntityTree(lookup);
    tree.rebuild(corpus, 'ha noi');
    const roots = tree.children();
    assert.deepStrictEqual(roots.map(name), ['LOC']);
    assert.deepStrictEqual(tree.children(roots[0]).map(name), ['Hà Nội']);
    assert.strictEqual(tree.nodeFor('ORG:asean'), undefined, 'a filtered-out entity has no node');
  });

  const crowd = Array.from({ length: 450 }, (_, i) => summary('LOC', `Place ${i}`, 1000 - i));

  it('pages long lists and loads more', () => {
    const tree = new EntityTree(lookup);
    tree.rebuild(crowd, '');
    const places = tree.children()[0];
    const page = tree.children(places);
    assert.strictEqual(page.length, ENTITY_PAGE_SIZE + 1);
    const more = page.at(-1)!;
    assert.deepStrictEqual([more.kind, more.kind === 'more' && more.remaining], ['more', 250]);
    tree.loadMore('LOC');
    assert.strictEqual(tree.children(places).length, 450);
  });

  it("pages an entity's articles too: a name in tens of thousands of articles opens on one page", () => {
    const tree = new EntityTree(lookup);
    const everywhere = summary(
      'LOC',
      'Hà Nội',
      5000,
      Array.from({ length: 450 }, (_, i) => i),
    );
    // Beside a group longer than a page, so that a load of the entity's articles paging the group too would show.
    tree.rebuild([everywhere, ...crowd], '');
    const entity = tree.children(tree.children()[0])[0];
    const page = tree.children(entity);
    assert.strictEqual(page.length, ENTITY_PAGE_SIZE + 1);
    assert.deepStrictEqual(
      page.slice(0, 2).map((r) => r.kind === 'ref' && r.ref.articleIndex),
      [0, 1],
    );
    const more = page.at(-1)!;
    assert.ok(more.kind === 'more');
    assert.strictEqual(more.remaining, 250);
    tree.loadMore(more.owner);
    assert.strictEqual(tree.children(entity).length, 450);
    assert.strictEqual(
      tree.children(tree.children()[0]).length,
      ENTITY_PAGE_SIZE + 1,
      "the group's own page is untouched",
    );
  });

  it('reveals an entity past the shown page, with the same node the tree then lists', () => {
    const tree = new EntityTree(lookup);
    tree.rebuild(crowd, '');
    const node = tree.nodeFor('LOC:place 420');
    assert.ok(node && node.kind === 'entity' && node.entity.name === 'Place 420');
    const places = tree.children()[0];
    assert.strictEqual(tree.children(places)[420], node);
    assert.strictEqual(tree.nodeFor('not an id'), undefined);
  });
});
