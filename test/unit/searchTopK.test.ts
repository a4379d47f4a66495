import * as assert from 'node:assert';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { parseDump } from '../../src/core/dump/reader';
import { SearchEngine, type SearchHit } from '../../src/core/search/engine';
import { parseQuery } from '../../src/core/search/query';
import { buildTermIndex, hasPhrase, keepPhrase } from '../../src/core/search/termIndex';
import { warmUpQueries } from '../../src/core/search/warmUp';
import { samplePath } from '../support/paths';

const WORDS = ['nga', 'hà', 'nội', 'hợp', 'tác', 'đàm', 'kinh', 'tế'];

/** A dump of `bodies`, each article a line of words, some dated. */
function dumpOf(bodies: string[]): string {
  return bodies
    .map((b, i) => `<<<FILE>>> a${i}.txt\n${i % 3 ? ` date 20${10 + (i % 12)}-0${1 + (i % 9)} ` : ''}${b}\n`)
    .join('');
}

const shown = (hits: SearchHit[]) => hits.map((h) => [h.article.index, h.score, h.matchStart, h.snippet]);

function search(engine: SearchEngine, q: string, limit: number) {
  const parsed = parseQuery(q);
  assert.ok(parsed.ok);
  return engine.search(parsed.query, limit).hits;
}

describe('search: the best hits selected, not every candidate sorted', () => {
  it('gives the first k of the full ranking, ties in article order, for any k', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom('nga', 'ha noi', 'hop tac', 'kin*', 'nga date:2012..2016', 'te -nga', 'dam', '"kinh te"'),
        fc.integer({ min: 1, max: 12 }),
        (articles, q, k) => {
          const text = dumpOf(articles.map((a) => a.join(' ')));
          const engine = new SearchEngine();
          engine.set('d', text, parseDump(text));
          const all = search(engine, q, Number.POSITIVE_INFINITY);
          assert.deepStrictEqual(shown(search(engine, q, k)), shown(all.slice(0, k)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('walks on past the selection when more hits are asked for than it holds', () => {
    // 200 articles with the word, most of them ties: a selection of 10, then the rest in order.
    const text = dumpOf(Array.from({ length: 200 }, (_, i) => (i % 7 ? 'nga tế' : 'nga nga hà')));
    const engine = new SearchEngine();
    engine.set('d', text, parseDump(text));
    const all = search(engine, 'nga', Number.POSITIVE_INFINITY);
    assert.strictEqual(all.length, 200);
    for (const k of [1, 10, 49, 50, 51, 199, 200, 500])
      assert.deepStrictEqual(shown(search(engine, 'nga', k)), shown(all.slice(0, k)));
  });
});

describe('search: phrases checked by cursors over the postings', () => {
  it('keeps exactly the articles hasPhrase keeps, in their order, whatever that order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...WORDS.slice(0, 4)), { minLength: 1, maxLength: 10 }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(fc.constantFrom('nga', 'ha', 'noi', 'hop'), { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (articles, phrase, order) => {
          const text = dumpOf(articles.map((a) => a.join(' ')));
          const index = buildTermIndex(text, parseDump(text));
          const ids = phrase.map((w) => index.dictionary.get(w));
          fc.pre(ids.every((id) => id !== undefined));
          const docs = Uint32Array.from(order.map((k) => k % index.articleCount));
          const want = [...docs].filter((doc) => hasPhrase(index, ids as number[], doc));
          const kept = keepPhrase(index, ids as number[], docs);
          assert.deepStrictEqual([...docs.subarray(0, kept)], want);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('search: a query of phrases alone, its phrases checked before any article is scored', () => {
  it('gives the hits, scores, matches and concordance of the path that scores every article first', () => {
    const phrase = fc
      .array(fc.constantFrom(...WORDS.slice(0, 5), 'ngà', 'hop'), { minLength: 1, maxLength: 3 })
      .map((ws) => `"${ws.join(' ')}"`);
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...WORDS.slice(0, 5), 'Ngà', 'HỢP'), { minLength: 1, maxLength: 12 }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(phrase, { minLength: 1, maxLength: 2 }),
        fc.constantFrom('', ' date:2012..2016', ' -tác', ' title:a3', ' source:x'),
        fc.constantFrom(1, 5, Number.POSITIVE_INFINITY),
        (articles, phrases, filter, k) => {
          const text = dumpOf(articles.map((a) => a.join(' ')));
          const dump = parseDump(text);
          const fast = new SearchEngine();
          fast.set('d', text, dump);
          const reference = new SearchEngine({ phrasesFirst: false });
          reference.set('d', text, dump);
          const q = phrases.join(' ') + filter;
          assert.deepStrictEqual(shown(search(fast, q, k)), shown(search(reference, q, k)));
          const parsed = parseQuery(q);
          assert.ok(parsed.ok);
          assert.deepStrictEqual(fast.concordance(parsed.query, 50), reference.concordance(parsed.query, 50));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('search: query paths warmed up when a dump is indexed', () => {
  const text = fs.readFileSync(samplePath, 'utf8');

  it('makes a query of each kind from the index, and changes no result', () => {
    const dump = parseDump(text);
    const queries = warmUpQueries(buildTermIndex(text, dump));
    assert.ok(queries.some((q) => q.required.length === 2));
    assert.ok(queries.some((q) => q.required.some((t) => t.prefix)));
    assert.ok(queries.some((q) => q.phrases.length));
    assert.ok(queries.some((q) => q.dates));
    assert.ok(queries.some((q) => q.excluded.length));
    const cold = new SearchEngine();
    cold.set('s', text, dump);
    const warm = new SearchEngine();
    warm.set('s', text, dump);
    warm.warmUp('s');
    for (const q of ['hop tac', 'nga*', 'lavrop', '"ngoại giao"', 'nga date:2022', 'nga -ấn'])
      assert.deepStrictEqual(shown(search(warm, q, 20)), shown(search(cold, q, 20)));
  });

  it('makes no query from an index too small to have two such words', () => {
    const tiny = '<<<FILE>>> a.txt\nmột\n';
    assert.deepStrictEqual(warmUpQueries(buildTermIndex(tiny, parseDump(tiny))), []);
    const engine = new SearchEngine();
    engine.set('t', tiny, parseDump(tiny));
    engine.warmUp('t');
    engine.warmUp('missing');
  });
});
