import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDumpBytes } from '../../src/core/dump/decode';
import { SearchEngine } from '../../src/core/search/engine';
import { parseQuery } from '../../src/core/search/query';
import { buildTermIndex } from '../../src/core/search/termIndex';
import { statsCorpus } from '../../src/core/stats/corpus';
import { frequencyList } from '../../src/core/stats/frequency';
import { queryHits } from '../../src/core/stats/queryHits';
import { selectArticles } from '../../src/core/stats/subset';
import { trend } from '../../src/core/stats/trends';
import { forEachWord } from '../../src/core/text/tokenize';
import { repoRoot } from '../support/paths';

const newsDev = path.resolve(repoRoot, '..', 'shared', 'corpus', 'news-dev.dump');

describe('corpus statistics on news-dev.dump (cross-checks)', function () {
  this.timeout(120_000);
  let input: ReturnType<typeof readDumpBytes>;
  let corpus: ReturnType<typeof statsCorpus>;
  before(function () {
    if (!fs.existsSync(newsDev)) this.skip();
    input = readDumpBytes(fs.readFileSync(newsDev));
    corpus = statsCorpus(input.text, input.dump);
  });

  it('the word list sums to the token count found by tokenizing the text', () => {
    let tokens = 0;
    for (const a of input.dump.articles) forEachWord(input.text, a.textStartOffset, a.textEndOffset, () => tokens++);
    const list = frequencyList(corpus, selectArticles(corpus));
    assert.ok(tokens > 100_000);
    assert.strictEqual(list.tokens, tokens);
    assert.strictEqual(
      list.rows.reduce((s, r) => s + r.freq, 0),
      tokens,
    );
    const bigrams = frequencyList(corpus, selectArticles(corpus), { n: 2 });
    // Pairs of neighbouring words with no sentence break between them: no line break, and no
    // . ! ? … with white space after it (a regex here, apart from the stream's own scan).
    const BREAK = /[\n\r\u2028\u2029]|[.!?\u2026][\s\S]*?[ \t\u00a0\u3000]/;
    const expected = input.dump.articles.reduce((s, a) => {
      let n = 0;
      let end = -1;
      forEachWord(input.text, a.textStartOffset, a.textEndOffset, (_w, start, stop) => {
        if (end >= 0 && !BREAK.test(input.text.slice(end, start))) n++;
        end = stop;
      });
      return s + n;
    }, 0);
    assert.strictEqual(
      bigrams.rows.reduce((s, r) => s + r.freq, 0),
      expected,
    );
  });

  for (const word of ['Nga', 'hợp tác'])
    it(`a trend of ${word} sums to its hits, and they match the concordance`, () => {
      const q = word.includes(' ') ? `"${word}"` : word;
      const parsed = parseQuery(q);
      assert.ok(parsed.ok);
      const hits = queryHits(corpus, parsed.query);
      const engine = new SearchEngine();
      engine.set('d', input.text, input.dump, buildTermIndex(input.text, input.dump));
      const lines = engine.concordance(parsed.query, 1e9).lines.length;
      assert.ok(hits.docs.length > 100);
      assert.strictEqual(hits.docs.length, lines);
      for (const g of ['day', 'week', 'month', 'year'] as const) {
        const t = trend(corpus, selectArticles(corpus), hits, g);
        assert.strictEqual(t.points.reduce((s, p) => s + p.hits, 0) + t.unplaced, hits.docs.length, g);
      }
    });
});
