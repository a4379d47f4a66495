import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDump } from '../../src/core/dump/reader';
import { goldSpans, scoreMentions, type GoldFile } from '../../src/core/entities/evaluate';
import { extractEntities } from '../../src/core/entities/extract';
import { gazetteerPathFor, parseGazetteer } from '../../src/core/entities/gazetteer';
import { type EntitySummary, filterEntities, summarizeEntities } from '../../src/core/entities/summary';
import { repoRoot, samplePath } from '../support/paths';

const doc = (body: string) => {
  const t = `<<<FILE>>> n\n${body}\n`;
  return { t, d: parseDump(t) };
};

describe('gazetteer: reading the file', () => {
  it('reads entries and reports bad ones without losing the good ones', () => {
    const r = parseGazetteer(
      JSON.stringify({
        entities: [
          {
            name: 'NATO',
            type: 'org',
            aliases: ['Tổ chức Hiệp ước Bắc Đại Tây Dương'],
            description: 'Alliance',
            link: 'https://www.nato.int/',
          },
          { name: 'X', type: 'THING' },
          { type: 'PER' },
          { name: 'Y', type: 'LOC', link: 'javascript:alert(1)', aliases: ['ok', 3] },
        ],
      }),
    );
    assert.deepStrictEqual(
      r.gazetteer.entries.map((e) => [e.name, e.type, e.link]),
      [
        ['NATO', 'ORG', 'https://www.nato.int/'],
        ['Y', 'LOC', undefined],
      ],
    );
    assert.deepStrictEqual(r.gazetteer.entries[1].aliases, ['ok']);
    assert.strictEqual(r.problems.length, 4);
    assert.ok(r.problems.some((p) => /type/.test(p) && /X/.test(p)));
    assert.ok(r.problems.some((p) => /link/.test(p)));
  });

  it('says what is wrong with a file that is not a gazetteer, and never throws', () => {
    assert.match(parseGazetteer('{ nope').problems[0], /not valid JSON/);
    assert.match(parseGazetteer('{"people": []}').problems[0], /entities/);
    assert.strictEqual(parseGazetteer('[{"name":"Nga","type":"LOC"}]').gazetteer.entries.length, 1);
  });

  it('sits beside the dump it describes', () => {
    assert.strictEqual(gazetteerPathFor('/a/news.dump'), '/a/news.entities.json');
    assert.strictEqual(gazetteerPathFor('/a/news'), '/a/news.entities.json');
  });
});

describe('gazetteer: what it adds to extraction', () => {
  it("finds its names, merges the rules' entities into its entries, and gives types and descriptions", () => {
    const { t, d } = doc('Ngoại trưởng Sergey Lavrov đến Anchorage. Sau đó S.Lavrov nói với Tass.');
    const gazetteer = parseGazetteer(
      JSON.stringify([
        { name: 'Sergei Lavrov', type: 'PER', aliases: ['Sergey Lavrov'], description: 'Russian foreign minister' },
        { name: 'Anchorage', type: 'LOC' },
        { name: 'TASS', type: 'ORG', aliases: ['Tass'] },
      ]),
    ).gazetteer;
    const i = extractEntities(t, d, gazetteer);
    const lavrov = i.entities.get('PER:sergei lavrov');
    assert.ok(lavrov);
    assert.strictEqual(lavrov.name, 'Sergei Lavrov');
    assert.strictEqual(lavrov.description, 'Russian foreign minister');
    assert.strictEqual(
      lavrov.mentions,
      2,
      'S.Lavrov, found by the rules, joins the entry through its initials and name',
    );
    assert.strictEqual(lavrov.role, 'Ngoại trưởng');
    assert.strictEqual(i.entities.get('LOC:anchorage')?.mentions, 1);
    assert.strictEqual(i.entities.get('ORG:tass')?.name, 'TASS');
    assert.ok(i.mentions.every((m) => i.entities.get(m.entity)?.type === m.type));
  });

  it('overrides the type the rules gave', () => {
    const { t, d } = doc('Hội nghị tại Geneva hôm qua.');
    assert.strictEqual(extractEntities(t, d).mentions[0]?.type, 'LOC');
    const i = extractEntities(t, d, parseGazetteer('[{"name":"Geneva","type":"ORG"}]').gazetteer);
    assert.deepStrictEqual(
      i.mentions.map((m) => [m.type, m.surface]),
      [['ORG', 'Geneva']],
    );
  });
});

describe('entity quality: the gold file and its scorer', () => {
  const text = fs.readFileSync(samplePath, 'utf8');
  const dump = parseDump(text);
  const gold: GoldFile = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'sample.gold.json'), 'utf8'),
  );

  it('finds every annotated spelling in its article', () => {
    const { spans, missing } = goldSpans(text, dump, gold);
    assert.deepStrictEqual(missing, []);
    assert.ok(spans.some((s) => s.type === 'ORG' && s.text === 'Bộ Ngoại giao Nga'));
    assert.ok(
      !spans.some((s) => s.text === 'Nga' && text.slice(s.start - 14, s.start) === 'Bộ Ngoại giao '),
      'longest spelling wins',
    );
  });

  it('scores exact spans and types', () => {
    const { t, d } = doc('Bộ trưởng Sergei Lavrov đến Moskva.');
    const spans = goldSpans(t, d, {
      articles: [
        {
          article: 0,
          entities: [
            ['PER', 'Sergei Lavrov'],
            ['ORG', 'Moskva'],
          ],
        },
      ],
    }).spans;
    const [per, loc, org, all] = scoreMentions(spans, extractEntities(t, d));
    assert.deepStrictEqual([per.tp, per.fp, per.fn], [1, 0, 0]);
    assert.deepStrictEqual([loc.tp, loc.fp, org.fn], [0, 1, 1]);
    assert.strictEqual(all.precision, 0.5);
  });
});

describe('entity summaries for the entities view', () => {
  it('merges entities of several dumps by id, most mentioned first, and filters tone-insensitively', () => {
    const a = doc('Bộ trưởng Sergei Lavrov tới Moskva. Ông Lavrov nói.');
    const b = doc('Ngoại trưởng Sergey Lavrov gặp Tổng thống Vladimir Putin tại Moskva.');
    const list = summarizeEntities([
      { key: 'a', index: extractEntities(a.t, a.d) },
      { key: 'b', index: extractEntities(b.t, b.d) },
    ]);
    const lavrov = list[0];
    assert.strictEqual(lavrov.id, 'PER:s.lavrov');
    assert.strictEqual(lavrov.mentions, 3);
    assert.deepStrictEqual(
      lavrov.articles.map((r) => [r.dumpKey, r.articleIndex, r.mentions]),
      [
        ['a', 0, 2],
        ['b', 0, 1],
      ],
    );
    assert.strictEqual(a.t.slice(lavrov.articles[0].firstStart, lavrov.articles[0].firstEnd), 'Sergei Lavrov');
    assert.strictEqual(list.find((e) => e.name === 'Moskva')?.articles.length, 2);
    assert.deepStrictEqual(
      filterEntities(list, 'sergey').map((e) => e.name),
      ['Sergei Lavrov'],
    );
    assert.deepStrictEqual(
      filterEntities(list, 'MOSKVA').map((e) => e.type),
      ['LOC'],
    );
    assert.strictEqual(filterEntities(list, '').length, list.length);
  });

  it('filters entities at word starts: `an do` finds Ấn Độ, not ASEAN or Báo Doanh Nhân', () => {
    const entity = (name: string, aliases: string[] = []) =>
      ({ id: name, type: 'ORG', name, aliases, mentions: 1, articleCount: 0, articles: [] }) as EntitySummary;
    const list = [entity('Ấn Độ'), entity('ASEAN'), entity('Báo Doanh Nhân'), entity('Sergei Lavrov', ['S.Lavrov'])];
    assert.deepStrictEqual(
      filterEntities(list, 'an do').map((e) => e.name),
      ['Ấn Độ'],
    );
    assert.deepStrictEqual(
      filterEntities(list, 'lav').map((e) => e.name),
      ['Sergei Lavrov'],
    );
    assert.deepStrictEqual(
      filterEntities(list, 's.lavrov').map((e) => e.name),
      ['Sergei Lavrov'],
    );
    assert.deepStrictEqual(filterEntities(list, 'sean'), []);
  });
});
