import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { parseDump } from '../../src/core/dump/reader';
import { SearchEngine } from '../../src/core/search/engine';
import {
  buildTermIndex,
  deserializeTermIndex,
  hasPhrase,
  MAX_PREFIX_TERMS,
  positionsStart,
  postingOf,
  prefixTerms,
  serializeTermIndex,
} from '../../src/core/search/termIndex';
import { concordanceTable, formatConcordance, matchColumn, sortConcordance } from '../../src/core/search/kwic';
import { parseQuery } from '../../src/core/search/query';
import { foldDiacritics } from '../../src/core/text/fold';
import { samplePath } from '../support/paths';

const text = fs.readFileSync(samplePath, 'utf8');
const index = new SearchEngine();
index.set('sample', text, parseDump(text));

function run(q: string) {
  const parsed = parseQuery(q);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return index.query(parsed.query);
}
const found = (q: string) =>
  run(q)
    .map((h) => h.article.index)
    .sort();

describe('search: query language', () => {
  it('parses words, phrases, exclusions, prefixes and filters', () => {
    const p = parseQuery('hop tac "Ngoại trưởng Lavrov" -NATO asea* date:2021-12..2022-02 source:"Ngày Nay" title:Nga');
    assert.ok(p.ok);
    assert.deepStrictEqual(p.query.required, [
      { term: 'hop', prefix: false },
      { term: 'tac', prefix: false },
      { term: 'asea', prefix: true },
    ]);
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
    const i = new SearchEngine();
    i.set('n', nfd, parseDump(nfd));
    const p = parseQuery('ngoai giao');
    assert.ok(p.ok);
    const [hit] = i.query(p.query);
    assert.strictEqual(nfd.slice(hit.matchStart, hit.matchEnd), 'Ngoại'.normalize('NFD'));
  });
});

describe('search: word positions', () => {
  it('record where each word stands, so phrases are checked without reading the text', () => {
    const t = '<<<FILE>>> a\nmột hai ba hai ba\n<<<FILE>>> b\nba hai một\n';
    const d = parseDump(t);
    const ix = buildTermIndex(t, d);
    const id = (w: string) => ix.dictionary.get(w)!;
    const p = postingOf(ix, id('hai'), 0);
    assert.deepStrictEqual([...ix.positions.subarray(positionsStart(ix, p), positionsStart(ix, p + 1))], [1, 3]);
    assert.strictEqual(hasPhrase(ix, [id('hai'), id('ba')], 0), true);
    assert.strictEqual(hasPhrase(ix, [id('hai'), id('ba')], 1), false);
    assert.strictEqual(hasPhrase(ix, [id('ba'), id('hai'), id('mot')], 1), true);
    assert.strictEqual(hasPhrase(ix, [id('mot'), id('ba')], 0), false);
  });
});

describe('search: concordance', () => {
  it('lists every occurrence with its context, in corpus order', () => {
    const p = parseQuery('lavrov');
    assert.ok(p.ok);
    const { lines, truncated } = index.concordance(p.query);
    assert.strictEqual(truncated, false);
    assert.strictEqual(lines.length, (text.match(/Lavrov/g) ?? []).length);
    for (const l of lines) {
      assert.strictEqual(l.match, 'Lavrov');
      assert.strictEqual(text.slice(l.start, l.end), 'Lavrov');
      assert.ok(
        text
          .slice(l.start - l.left.length - 5, l.start)
          .replace(/\s+/g, ' ')
          .endsWith(l.left) || l.left.length < 60,
      );
    }
    assert.deepStrictEqual(
      lines.map((l) => l.start),
      [...lines.map((l) => l.start)].sort((a, b) => a - b),
    );
  });

  it('shows phrases whole and stops at the limit', () => {
    const p = parseQuery('"ngoai truong lavrov"');
    assert.ok(p.ok);
    const { lines } = index.concordance(p.query);
    assert.ok(lines.length >= 3);
    assert.ok(lines.every((l) => foldDiacritics(l.match) === 'ngoai truong lavrov'));
    const q = parseQuery('nga');
    assert.ok(q.ok);
    assert.deepStrictEqual(
      [index.concordance(q.query, 5).lines.length, index.concordance(q.query, 5).truncated],
      [5, true],
    );
  });
});

describe('search: the compact term index', () => {
  it('survives a round trip through its cache format', () => {
    const dump = parseDump(text);
    const built = buildTermIndex(text, dump);
    const loaded = deserializeTermIndex(serializeTermIndex(built));
    assert.ok(loaded);
    assert.deepStrictEqual(loaded.terms, built.terms);
    assert.deepStrictEqual([...loaded.docs], [...built.docs]);
    assert.deepStrictEqual([...loaded.titleCounts], [...built.titleCounts]);
    assert.deepStrictEqual([...loaded.positions], [...built.positions]);
    assert.deepStrictEqual([...loaded.posBase], [...built.posBase]);
    assert.deepStrictEqual([...loaded.posLow], [...built.posLow]);
    const engine = new SearchEngine();
    engine.set('sample', text, dump, loaded);
    const p = parseQuery('hop tac asean');
    assert.ok(p.ok);
    assert.deepStrictEqual(
      engine.query(p.query).map((h) => h.article.index),
      index.query(p.query).map((h) => h.article.index),
    );
    assert.strictEqual(deserializeTermIndex(new Uint8Array([1, 2, 3])), undefined);
  });

  it('ranks more occurrences higher and merges several dumps', () => {
    const make = (body: string) => `<<<FILE>>> a\n${body}\n`;
    const engine = new SearchEngine();
    const one = make('Hà Nội mưa. Hà Nội lạnh. Hà Nội gió.');
    const two = make('Tin từ Hà Nội.');
    engine.set('one', one, parseDump(one));
    engine.set('two', two, parseDump(two));
    const p = parseQuery('ha noi');
    assert.ok(p.ok);
    assert.deepStrictEqual(
      engine.query(p.query).map((h) => h.dumpKey),
      ['one', 'two'],
    );
    engine.delete('one');
    assert.deepStrictEqual(
      engine.query(p.query).map((h) => h.dumpKey),
      ['two'],
    );
  });
});

describe('search: concordance order, layout and export', () => {
  const p = parseQuery('lavrov');
  assert.ok(p.ok);
  const { lines } = index.concordance(p.query);

  it("knows each match's line and column", () => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    for (const l of lines) assert.strictEqual(starts[l.line] + l.column, l.start);
  });

  it('sorts by the word left or right of the match, tone marks ignored', () => {
    const left = sortConcordance(lines, 'left').map(
      (l) =>
        foldDiacritics(l.left)
          .split(/[^a-z0-9]+/)
          .filter(Boolean)
          .at(-1) ?? '',
    );
    assert.deepStrictEqual(
      left,
      [...left].sort((a, b) => a.localeCompare(b)),
    );
    const right = sortConcordance(lines, 'right').map(
      (l) =>
        foldDiacritics(l.right)
          .split(/[^a-z0-9]+/)
          .filter(Boolean)[0] ?? '',
    );
    assert.deepStrictEqual(
      right,
      [...right].sort((a, b) => a.localeCompare(b)),
    );
    assert.deepStrictEqual(
      sortConcordance(sortConcordance(lines, 'left'), 'position').map((l) => l.start),
      lines.map((l) => l.start),
    );
  });

  it('aligns the matches in one column', () => {
    const formatted = formatConcordance(lines, 40);
    for (const f of formatted) assert.strictEqual(f.slice(matchColumn(40), matchColumn(40) + 6), 'Lavrov');
  });

  it('exports CSV with quoting and TSV without tabs in fields', () => {
    const csv = concordanceTable(lines, ',', () => 'sample.dump').split('\r\n');
    assert.strictEqual(csv[0], 'dump,article,name,date,title,line,column,left,match,right');
    assert.strictEqual(csv.length, lines.length + 2);
    assert.ok(csv.slice(1, -1).every((row) => row.includes(',Lavrov,')));
    assert.ok(
      csv.some((row) => row.includes('"')),
      'titles with commas are quoted',
    );
    const tsv = concordanceTable(lines, '\t', () => 'sample.dump').split('\r\n');
    assert.ok(tsv.slice(0, -1).every((row) => row.split('\t').length === 10));
  });

  it('ranks syllables typed in a row above the same syllables scattered', () => {
    const engine = new SearchEngine();
    const dump = [
      '<<<FILE>>> lu-hanh\nBáo du lịch: lữ hành mùa bão, khách lữ hành đông, bão tan, lữ hành vui, bão lớn.',
      '<<<FILE>>> bao-lu\nMiền Trung chịu bão lũ nặng nề.',
      '<<<FILE>>> mat-bao\nAnh lên mặt báo, bão tới, bão đi, lũ về, lũ rút.',
    ].join('\n');
    engine.set('d', dump, parseDump(dump));
    const p = parseQuery('bao lu');
    assert.ok(p.ok);
    const names = engine.query(p.query).map((h) => h.article.name);
    assert.strictEqual(names[0], 'bao-lu');
    assert.strictEqual(names.length, 3, 'scattered articles still match, below');
  });

  it('ranks Hà Nội above Hà Tĩnh and Hà Nam articles that mention nội elsewhere', () => {
    const engine = new SearchEngine();
    const dump = [
      '<<<FILE>>> ha-tinh\nHà Tĩnh mưa lớn. Hà Tĩnh nội bộ họp. Hà Tĩnh nội địa, Hà Tĩnh nội thất.',
      '<<<FILE>>> ha-nam\nHà Nam nội dung mới, Hà Nam nội vụ, Hà Nam.',
      '<<<FILE>>> ha-noi\nTin từ Hà Nội hôm nay.',
    ].join('\n');
    engine.set('d', dump, parseDump(dump));
    const p = parseQuery('ha noi');
    assert.ok(p.ok);
    const names = engine.query(p.query).map((h) => h.article.name);
    assert.strictEqual(names[0], 'ha-noi');
    assert.deepStrictEqual([...names].sort(), ['ha-nam', 'ha-noi', 'ha-tinh']);
    // Quoted, the phrase stays exact: the scattered articles do not match at all.
    const quoted = parseQuery('"ha noi"');
    assert.ok(quoted.ok);
    assert.deepStrictEqual(
      engine.query(quoted.query).map((h) => h.article.name),
      ['ha-noi'],
    );
  });
});

describe('search: prefix expansion is capped', () => {
  // 150 words begin "zeta": word k appears in articles 0..k, so the most frequent are the highest k.
  const words = Array.from({ length: 150 }, (_, k) => `zeta${String(k).padStart(3, '0')}`);
  const articles = Array.from(
    { length: 150 },
    (_, a) => `<<<FILE>>> a${a}.txt\nTitle ${a}\n${words.filter((_, k) => k >= a).join(' ')}\n`,
  );
  const capText = articles.join('');
  const engine = new SearchEngine();
  engine.set('cap', capText, parseDump(capText));

  it('expands a prefix to at most MAX_PREFIX_TERMS terms, the most frequent, and says so', () => {
    const parsed = parseQuery('zeta*');
    assert.ok(parsed.ok);
    const { hits, capped } = engine.search(parsed.query, 1000);
    assert.deepStrictEqual(capped, [{ prefix: 'zeta', total: 150, kept: MAX_PREFIX_TERMS }]);
    // The kept terms are zeta050..zeta149, which article k has when k <= that word: articles 0..149 all match.
    assert.strictEqual(hits.length, 150);
    const ids = prefixTerms(buildTermIndex(capText, parseDump(capText)), 'zeta');
    assert.strictEqual(ids.total, 150);
    assert.strictEqual(ids.ids.length, MAX_PREFIX_TERMS);
  });

  it('highlights only the kept terms of a capped prefix', () => {
    const parsed = parseQuery('zeta*');
    assert.ok(parsed.ok);
    const [best] = engine.search(parsed.query, 1).hits;
    const word = capText.slice(best.matchStart, best.matchEnd);
    assert.ok(Number(word.slice(4)) >= 150 - MAX_PREFIX_TERMS, word);
  });

  it('does not cap a prefix with few terms', () => {
    const parsed = parseQuery('zeta14*');
    assert.ok(parsed.ok);
    const { hits, capped } = engine.search(parsed.query, 1000);
    assert.deepStrictEqual(capped, []);
    assert.strictEqual(hits.length, 150);
  });
});
