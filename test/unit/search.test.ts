import * as assert from 'assert';
import * as fs from 'fs';
import { parseDump } from '../../src/core/dump/reader';
import { CorpusIndex } from '../../src/core/search/corpusIndex';
import { parseQuery } from '../../src/core/search/query';
import { foldDiacritics } from '../../src/core/text/fold';
import { samplePath } from '../support/paths';

const text = fs.readFileSync(samplePath, 'utf8');
const index = new CorpusIndex();
index.add('sample', text, parseDump(text));

function run(q: string) {
  const parsed = parseQuery(q);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return index.query(parsed.query);
}
const found = (q: string) => run(q).map((h) => h.article.index).sort();

describe('search: query language', () => {
  it('parses words, phrases, exclusions, prefixes and filters', () => {
    const p = parseQuery('hop tac "Ngoại trưởng Lavrov" -NATO asea* date:2021-12..2022-02 source:"Ngày Nay" title:Nga');
    assert.ok(p.ok);
    assert.deepStrictEqual(p.query.required, [{ term: 'hop', prefix: false }, { term: 'tac', prefix: false }, { term: 'asea', prefix: true }]);
    assert.deepStrictEqual(p.query.phrases, [['ngoai', 'truong', 'lavrov']]);
    assert.deepStrictEqual(p.query.excluded, ['nato']);
    assert.deepStrictEqual(p.query.dates?.ranges, [{ from: '2021-12', to: '2022-02' }]);
    assert.strictEqual(p.query.source, 'ngay nay');
    assert.deepStrictEqual(p.query.titleTerms, ['nga']);
  });

  it('explains malformed queries instead of throwing', () => {
    for (const q of ['"open phrase', 'date:soon lavrov', 'author:x lavrov', '', '-nato']) {
      const p = parseQuery(q);
      assert.ok(!p.ok && p.error.length > 5, q);
    }
  });
});

describe('search: the index', () => {
  it('finds Vietnamese typed without tone marks, in any case and form', () => {
    assert.deepStrictEqual(found('hop tac asean'), [1, 2]);
    assert.deepStrictEqual(found('ngoai truong'), [0, 1, 2], 'all words, anywhere: article 0 has Bộ trưởng Ngoại giao');
    assert.deepStrictEqual(found('MOSKVA'), [0, 1, 2]);
    assert.deepStrictEqual(found('Khủng hoảng'.normalize('NFD')), [2]);
    assert.deepStrictEqual(found('dac phai vien'), [1], 'đ folds to d');
  });

  it('matches phrases only when adjacent and in order', () => {
    assert.deepStrictEqual(found('"Ngoại trưởng Lavrov"'), [1, 2]);
    assert.deepStrictEqual(found('"Lavrov Ngoại trưởng"'), []);
  });

  it('excludes, prefixes, fuzzes and filters', () => {
    assert.deepStrictEqual(found('lavrov -asean'), [0]);
    assert.deepStrictEqual(found('jaishank*'), [0]);
    assert.deepStrictEqual(found('lavrob'), [0, 1, 2]);
    assert.deepStrictEqual(found('lavrov date:2022'), [0]);
    assert.deepStrictEqual(found('lavrov source:"ngay nay"'), [1]);
    assert.deepStrictEqual(found('title:khung lavrov'), [2]);
  });

  it('ranks the article whose title matches first', () => {
    assert.strictEqual(run('asean')[0].article.index, 2);
  });

  it('points at the exact words in the text', () => {
    for (const h of run('"ngoai truong lavrov"')) {
      assert.strictEqual(foldDiacritics(text.slice(h.matchStart, h.matchEnd)), 'ngoai truong lavrov');
      const [s, e] = h.highlights[0];
      assert.strictEqual(foldDiacritics(h.snippet.slice(s, e)), 'ngoai truong lavrov');
    }
    const [hit] = run('jaishankar');
    assert.strictEqual(text.slice(hit.matchStart, hit.matchEnd), 'Jaishankar');
  });

  it('keeps offsets right in NFD text', () => {
    const nfd = `<<<FILE>>> n\n${'Bộ trưởng Ngoại giao Nga Sergei Lavrov'.normalize('NFD')}\n`;
    const i = new CorpusIndex();
    i.add('n', nfd, parseDump(nfd));
    const p = parseQuery('ngoai giao');
    assert.ok(p.ok);
    const [hit] = i.query(p.query);
    assert.strictEqual(nfd.slice(hit.matchStart, hit.matchEnd), 'Ngoại'.normalize('NFD'));
  });
});
