import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { parseDump } from '../../src/core/dump/reader';
import { entityCard } from '../../src/core/entities/card';
import { extractEntities, mentionAt } from '../../src/core/entities/extract';
import { samplePath } from '../support/paths';

const text = fs.readFileSync(samplePath, 'utf8');
const dump = parseDump(text);
const index = extractEntities(text, dump);
const byName = (name: string) => [...index.entities.values()].find((e) => e.name === name);

describe('entities: the clear cases on the sample', () => {
  it("merges Lavrov's spellings into one person with his role", () => {
    const lavrov = index.entities.get('PER:s.lavrov');
    assert.ok(lavrov);
    assert.strictEqual(lavrov.name, 'Sergei Lavrov');
    for (const alias of ['Sergey Lavrov', 'S.Lavrov', 'Lavrov']) assert.ok(lavrov.aliases.has(alias), alias);
    // The role the sample gives him most often (the card and the Entities view say the same).
    assert.strictEqual(lavrov.role, 'Ngoại trưởng');
    assert.deepStrictEqual([...lavrov.articles].sort(), [0, 1, 2]);
    const surfaces = index.mentions.filter((m) => m.entity === 'PER:s.lavrov').map((m) => text.slice(m.start, m.end));
    assert.ok(
      surfaces.every((s) => /Lavrov$/.test(s)),
      'role words are never part of the name',
    );
  });

  it('never takes Bộ trưởng or other title words as an entity', () => {
    for (const e of index.entities.values()) {
      assert.ok(!/^(Bộ|Bộ trưởng|Ngoại trưởng|Tổng thống|Ông)$/u.test(e.name), e.name);
    }
  });

  it('knows NATO-style acronyms as organisations and countries as places', () => {
    assert.strictEqual(byName('ASEAN')?.type, 'ORG');
    assert.strictEqual(byName('Nga')?.type, 'LOC');
    assert.strictEqual(byName('Ấn Độ')?.type, 'LOC');
    assert.strictEqual(byName('Moskva')?.type, 'LOC');
    const nato = extractEntities(
      '<<<FILE>>> n\nNga sẵn sàng hợp tác với NATO.\n',
      parseDump('<<<FILE>>> n\nNga sẵn sàng hợp tác với NATO.\n'),
    );
    assert.strictEqual(nato.entities.get('ORG:nato')?.type, 'ORG');
  });

  it('finds mentions in NFD text at the right offsets', () => {
    const nfd = `<<<FILE>>> x\n${'Ngoại trưởng Nga Sergey Lavrov nói.'.normalize('NFD')}\n`;
    const i = extractEntities(nfd, parseDump(nfd));
    const m = i.mentions.find((x) => x.entity === 'PER:s.lavrov');
    assert.ok(m);
    assert.strictEqual(nfd.slice(m.start, m.end), 'Sergey Lavrov');
    assert.strictEqual(m.role?.normalize('NFC'), 'Ngoại trưởng Nga');
  });

  it('builds a hover card: counts, dates, companions, contexts from other articles', () => {
    const offset = text.indexOf('Lavrov', text.indexOf('<<<FILE>>> 002'));
    const mention = mentionAt(index, offset);
    assert.ok(mention);
    const card = entityCard(text, dump, index, mention);
    assert.strictEqual(card.entity.id, 'PER:s.lavrov');
    assert.strictEqual(card.articleCount, 3);
    assert.deepStrictEqual([card.firstDate, card.lastDate], ['2022-11', '2025-10-29']);
    assert.ok(card.companions.some((c) => c.entity.name === 'Nga'));
    assert.strictEqual(card.contexts.length, 2);
    assert.ok(card.contexts.every((c) => c.article.index !== 1 && /Lavrov/.test(c.text)));
  });
});

describe('entities: a long name paired with its acronym', () => {
  it('makes Tổ chức Hiệp ước Bắc Đại Tây Dương and NATO one organisation', () => {
    const t = '<<<FILE>>> n\nTổ chức Hiệp ước Bắc Đại Tây Dương (NATO) họp. Sau đó NATO ra tuyên bố.\n';
    const i = extractEntities(t, parseDump(t));
    const nato = i.entities.get('ORG:nato');
    assert.ok(nato);
    assert.strictEqual(nato.name, 'Tổ chức Hiệp ước Bắc Đại Tây Dương');
    assert.ok(nato.aliases.has('NATO'));
    assert.strictEqual(nato.mentions, 3);
    assert.deepStrictEqual([...i.entities.keys()].sort(), ['ORG:nato']);
  });
});

const one = (body: string) => {
  const t = `<<<FILE>>> n\n${body}\n`;
  return { t, i: extractEntities(t, parseDump(t)) };
};

describe('entities: people are told apart by initials and last name', () => {
  it('keeps two Vietnamese people who share a given name apart', () => {
    const { i } = one('Thủ tướng Nguyễn Văn An gặp Bộ trưởng Trần Văn An. Ông An nói.');
    const people = [...i.entities.values()]
      .filter((e) => e.type === 'PER')
      .map((e) => e.name)
      .sort();
    // Two candidates in the same article: the bare `An` joins neither; `Ông` says it is someone, of this article.
    assert.deepStrictEqual(people, ['An', 'Nguyễn Văn An', 'Trần Văn An']);
    const bare = i.mentions.filter((m) => m.surface === 'An');
    assert.deepStrictEqual(
      bare.map((m) => m.entity),
      ['PER:an#0'],
    );
  });

  it('gives a bare name to the one person of that name in the article', () => {
    const { i } = one('Chủ tịch Phạm Minh Chính phát biểu. Sau đó ông Chính trả lời.');
    const e = [...i.entities.values()].find((x) => x.name === 'Phạm Minh Chính');
    assert.ok(e);
    assert.strictEqual(e.mentions, 2);
  });

  it('keeps a chained role and never takes a compass pair for a person', () => {
    const { i } = one('Đặc phái viên Tổng thống Mỹ Steven Witkoff đến. Hành lang Bắc Nam mở.');
    assert.strictEqual(
      [...i.entities.values()].find((e) => e.name === 'Steven Witkoff')?.role,
      'Đặc phái viên Tổng thống Mỹ',
    );
    assert.ok(![...i.entities.values()].some((e) => e.name === 'Bắc Nam'));
  });

  it('reads organisations whose names have lower-case syllables, and places written in lower case', () => {
    const { i } = one('Bộ ngoại giao Nga cho biết Liên minh Kinh tế Á-Âu với Ấn độ và phương Tây.');
    const names = [...i.entities.values()].map((e) => `${e.type} ${e.name}`).sort();
    assert.deepStrictEqual(names, [
      'LOC phương Tây',
      'LOC Ấn độ',
      'ORG Bộ ngoại giao Nga',
      'ORG Liên minh Kinh tế Á-Âu',
    ]);
  });
});
