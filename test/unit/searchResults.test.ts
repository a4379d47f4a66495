import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { parseDump } from '../../src/core/dump/reader';
import { SearchEngine } from '../../src/core/search/engine';
import { parseQuery } from '../../src/core/search/query';
import { cutTitle, lineSnippet, SearchResultsModel } from '../../src/features/searchResults/model';
import { samplePath } from '../support/paths';

// The Search Results view's model against the real engine on the sample, once as one dump, once as two.
const text = fs.readFileSync(samplePath, 'utf8');
const dump = parseDump(text);

function results(q: string, keys: string[]) {
  const engine = new SearchEngine();
  for (const k of keys) engine.set(k, text, dump);
  const parsed = parseQuery(q);
  assert.ok(parsed.ok);
  const model = new SearchResultsModel();
  const kwic = engine.concordance(parsed.query, 5000);
  model.set(q, engine.query(parsed.query), kwic.lines, (k) => k.replace('file:///', ''), kwic.truncated);
  return model;
}

describe('search results: model', () => {
  it('groups the hits of one dump by article, every match of an article in text order', () => {
    const model = results('lavrov', ['file:///sample.dump']);
    assert.strictEqual(model.grouped, false);
    const roots = model.roots();
    assert.ok(roots.every((r) => r.kind === 'article'));
    assert.ok(roots.length >= 1);
    assert.strictEqual(model.articleCount, roots.length);
    let total = 0;
    for (const r of roots) {
      assert.ok(r.kind === 'article');
      const starts = r.hits.map((h) => h.start);
      assert.deepStrictEqual(
        starts,
        [...starts].sort((a, b) => a - b),
      );
      for (const h of r.hits) {
        assert.strictEqual(text.slice(h.start, h.end).toLowerCase(), 'lavrov');
        const [[s, e]] = h.highlights;
        assert.strictEqual(h.text.slice(s, e).toLowerCase(), 'lavrov', h.text);
      }
      total += r.hits.length;
    }
    // Every mention of the word in the sample is a hit.
    assert.strictEqual(total, (text.match(/lavrov/gi) ?? []).length);
    assert.strictEqual(model.hitCount, total);
  });

  it('groups by dump only when the hits come from more than one', () => {
    const model = results('lavrov', ['file:///a.dump', 'file:///b.dump']);
    assert.strictEqual(model.grouped, true);
    const roots = model.roots();
    assert.deepStrictEqual(
      roots.map((r) => (r.kind === 'dump' ? r.label : r.kind)),
      ['a.dump', 'b.dump'],
    );
    const one = results('lavrov', ['file:///a.dump']);
    for (const r of roots) {
      assert.ok(r.kind === 'dump');
      assert.strictEqual(r.hitCount, one.hitCount);
      assert.strictEqual(r.articles.length, one.articleCount);
    }
    assert.strictEqual(model.hitCount, 2 * one.hitCount);
  });

  it('walks the hits in view order with next / previous, wrapping, from hits and groups', () => {
    const model = results('lavrov', ['file:///a.dump', 'file:///b.dump']);
    const all = model.hits();
    assert.ok(all.length >= 3);
    assert.strictEqual(model.next()?.id, all[0].id);
    assert.strictEqual(model.previous()?.id, all[all.length - 1].id);
    let at = model.next()!;
    const seen = [at.id];
    for (let i = 1; i < all.length; i++) seen.push((at = model.next(at)!).id);
    assert.deepStrictEqual(
      seen,
      all.map((h) => h.id),
    );
    assert.strictEqual(model.next(at)?.id, all[0].id, 'wraps to the first');
    assert.strictEqual(model.previous(all[0])?.id, at.id, 'wraps to the last');
    assert.strictEqual(model.previous(all[1])?.id, all[0].id);
    // From an article or dump node: its first hit forward, the hit before it back.
    const second = model.dumps[1];
    assert.strictEqual(model.next(second)?.id, second.articles[0].hits[0].id);
    assert.strictEqual(model.previous(second)?.id, model.dumps[0].articles.at(-1)!.hits.at(-1)!.id);
    assert.strictEqual(model.next(second.articles[0])?.id, second.articles[0].hits[0].id);
    assert.strictEqual(model.find(all[2].id), all[2]);
  });

  it('is empty for a query without hits, and after clear', () => {
    const none = results('khongcotrongmau', ['file:///a.dump']);
    assert.ok(none.isEmpty);
    assert.strictEqual(none.next(), undefined);
    const model = results('lavrov', ['file:///a.dump']);
    model.clear();
    assert.ok(model.isEmpty);
    assert.deepStrictEqual(model.roots(), []);
  });

  it('cuts long titles at a word so the date stays visible, and keeps snippets to one line', () => {
    assert.strictEqual(cutTitle('Ngắn'), 'Ngắn');
    const long = 'Ngoại trưởng Nga Sergei Lavrov nói về quan hệ với ASEAN và các nước châu Á trong năm tới';
    const cut = cutTitle(long);
    assert.ok(cut.length <= 34 && cut.endsWith('…') && long.startsWith(cut.slice(0, -1)), cut);
    const s = lineSnippet({ left: 'a\nrất dài '.repeat(10), match: 'Lavrov', right: ' nói\ttiếp '.repeat(10) });
    assert.ok(!/[\n\t]/.test(s.text));
    assert.strictEqual(s.text.slice(...s.highlights[0]), 'Lavrov');
    assert.ok(s.text.length < 100, s.text);
  });
});
