import * as assert from 'node:assert';
import { parseDump } from '../../src/core/dump/reader';
import { SearchEngine } from '../../src/core/search/engine';
import { parseQuery } from '../../src/core/search/query';

// Word positions skip punctuation, so `bão. Lũ` would count as side by side: the fixtures keep a word between.
// Scattered articles repeat the syllables, so plain BM25 ranks them first; the adjacent ones are long.
const filler = 'Người dân địa phương nói chuyện về thời tiết và mùa màng năm nay. '.repeat(12);
const dumpText = [
  '<<<FILE>>> scattered-1\nBão mạnh, bão to, trời mưa, lũ về, lũ lớn, bão tan, nước lũ rút.',
  `<<<FILE>>> adjacent\n${filler}Miền Trung chịu bão lũ kéo dài. ${filler}`,
  '<<<FILE>>> scattered-2\nLũ trước, rồi bão sau; bão rồi lũ, rồi bão.',
  `<<<FILE>>> reversed\n${filler}Lũ bão liên tiếp. ${filler}`,
  `<<<FILE>>> adjacent-nfd\n${filler}${'Cơn bão lũ năm ấy.'.normalize('NFD')} ${filler}`,
].join('\n');
const engine = new SearchEngine();
engine.set('d', dumpText, parseDump(dumpText));

function names(query: string): string[] {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.error);
  return engine.query(parsed.query).map((h) => h.article.name);
}

describe('search: unquoted syllables side by side rank first', () => {
  it('ranks articles with the words together, in order, above scattered ones, tone marks optional', () => {
    const ranked = names('bao lu');
    assert.deepStrictEqual(ranked.slice(0, 2).sort(), ['adjacent', 'adjacent-nfd']);
    assert.deepStrictEqual(ranked.slice(2).sort(), ['reversed', 'scattered-1', 'scattered-2']);
  });

  it('keeps scattered articles in an unquoted search, and ranks them as BM25 does among themselves', () => {
    assert.strictEqual(names('lũ bão')[0], 'reversed');
    assert.strictEqual(names('bão lũ').length, 5);
  });

  it('leaves a quoted phrase exact: only the articles with the words in a row', () => {
    assert.deepStrictEqual(names('"bão lũ"').sort(), ['adjacent', 'adjacent-nfd']);
  });

  it('counts each pair of a longer query: all three words together rank above two together, above none', () => {
    const text = [
      '<<<FILE>>> two\nThành phố mùa thu, phố cổ Hà Nội đẹp, thành phố và Hà Nội.',
      '<<<FILE>>> three\nTin từ thành phố Hà Nội hôm nay.',
      '<<<FILE>>> apart\nThành phố lớn ở Hà Tĩnh có nội thành rộng.',
    ].join('\n');
    const e = new SearchEngine();
    e.set('d', text, parseDump(text));
    const parsed = parseQuery('pho ha noi');
    assert.ok(parsed.ok);
    if (parsed.ok)
      assert.deepStrictEqual(
        e.query(parsed.query).map((h) => h.article.name),
        ['three', 'two', 'apart'],
      );
  });
});
