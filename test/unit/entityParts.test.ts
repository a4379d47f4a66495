import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { partBases, readPart, splitPoints } from '../../src/core/dump/parts';
import { parseDump } from '../../src/core/dump/reader';
import { resolvePeople } from '../../src/core/entities/corpusPasses';
import { ARTICLE_WINDOW, articleWindows, extractEntities, findCandidates } from '../../src/core/entities/extract';
import { EMPTY_GAZETTEER } from '../../src/core/entities/gazetteer';
import {
  extractInParts,
  mergeFirstNames,
  mergePersonTails,
  mergeVotes,
  PartExtraction,
} from '../../src/core/entities/partExtraction';
import type { PersonTails } from '../../src/core/entities/corpusPasses';
import { type ListedEntity, listEntities } from '../../src/core/entities/listing';
import { repoRoot } from '../support/paths';

const newsDev = path.resolve(repoRoot, '..', 'shared', 'corpus', 'news-dev.dump');

/** news-dev split in three parts as the workers split a large dump, with each part's place in the whole. */
function newsDevInParts() {
  const bytes = fs.readFileSync(newsDev);
  const cuts = [0, ...splitPoints((s, n) => bytes.subarray(s, s + n), bytes.length, 3), bytes.length];
  const parts = cuts.slice(0, -1).map((c, i) => readPart(bytes.subarray(c, cuts[i + 1]), i === cuts.length - 2));
  const bases = partBases(
    parts.map((p) => ({ articles: p.dump.articles.length, textLength: p.text.length, lineCount: p.dump.lineCount })),
  );
  return { parts, bases };
}

// A dump over 32 MB is split into parts across the workers; the corpus passes must still see the whole
// corpus: a name typed by evidence in one part is typed so in every part, a bare name joins the one
// person of the corpus wherever that person is named in full.
describe('entities of a dump in parts (as the workers find them)', function () {
  this.timeout(120_000);

  it('are the entities of the whole dump, mention for mention, on real news in three parts', function () {
    if (!fs.existsSync(newsDev)) this.skip();
    const { parts, bases } = newsDevInParts();
    assert.strictEqual(parts.length, 3);
    const extractions = parts.map(
      (p, i) => new PartExtraction(p.text, findCandidates(p.text, p.dump), EMPTY_GAZETTEER, bases[i].article),
    );
    return extractInParts(extractions, {
      votes: (p) => p.votes(),
      applyVotes: (p, v) => p.applyVotes(v),
      keyPeople: (p, f) => p.keyPeople(f),
      finish: (p, t) => p.finish(t),
    }).then((indexes) => {
      const split = indexes.flatMap((index, i) =>
        index.mentions.map((m) => `${m.entity} ${m.type} ${m.start + bases[i].offset} ${m.end + bases[i].offset}`),
      );
      const text = parts.map((p) => p.text).join('');
      const whole = extractEntities(text, parseDump(text)).mentions.map(
        (m) => `${m.entity} ${m.type} ${m.start} ${m.end}`,
      );
      assert.ok(whole.length > 50_000, `${whole.length} mentions`);
      assert.deepStrictEqual(split, whole);
      // Each part on its own would type and key names from its own evidence only: not the same.
      const alone = parts.flatMap((p, i) =>
        extractEntities(p.text, p.dump).mentions.map(
          (m) => `${m.entity} ${m.type} ${m.start + bases[i].offset} ${m.end + bases[i].offset}`,
        ),
      );
      assert.notDeepStrictEqual(alone, whole, 'the parts need each other’s evidence');
    });
  });
});

describe('a part’s listing made straight from its candidates', function () {
  this.timeout(120_000);

  it('is the listing of its index, entity for entity and ref for ref, on real news in three parts', function () {
    if (!fs.existsSync(newsDev)) this.skip();
    const { parts, bases } = newsDevInParts();
    // Two runs of the same steps: finishing resolves the part's bare names in its candidates.
    const listings = (finish: (p: PartExtraction, t: PersonTails) => ListedEntity[]) => {
      const extractions = parts.map(
        (p, i) => new PartExtraction(p.text, findCandidates(p.text, p.dump), EMPTY_GAZETTEER, bases[i].article),
      );
      const votes = mergeVotes(extractions.map((p) => p.votes()));
      const firstNames = mergeFirstNames(extractions.map((p) => p.applyVotes(votes)));
      const tails = mergePersonTails(extractions.map((p) => p.keyPeople(firstNames)));
      return extractions.map((p) => finish(p, tails));
    };
    const fromIndex = listings((p, t) => listEntities(p.finish(t)));
    const straight = listings((p, t) => p.finishListing(t));
    assert.ok(
      fromIndex.every((l) => l.length > 1000),
      fromIndex.map((l) => l.length).join(', '),
    );
    assert.deepStrictEqual(straight, fromIndex);
  });
});

describe('one huge article', function () {
  this.timeout(120_000);
  const paragraph =
    'Theo ông Nguyễn Văn Hùng, người dân ở đây đã quen với việc nước lên mỗi năm, nhưng năm nay nước lên ' +
    'nhanh hơn và kéo dài hơn nhiều so với những năm trước, khiến nhiều gia đình phải di chuyển đồ đạc.\n';

  it('is looked at in windows cut at line breaks, covering it all', () => {
    const text = `<<<FILE>>> a\n${paragraph.repeat(5000)}`;
    const from = text.indexOf('\n') + 1;
    const ends = articleWindows(text, from, text.length);
    assert.ok(ends.length > 1);
    let start = from;
    for (const end of ends) {
      assert.ok(end - start <= ARTICLE_WINDOW && end > start);
      assert.ok(end === text.length || text[end - 1] === '\n', 'cut just after a line break');
      start = end;
    }
    assert.strictEqual(start, text.length);
    const line = 'x '.repeat(ARTICLE_WINDOW);
    assert.ok(articleWindows(line, 0, line.length).every((e) => e === line.length || line[e - 1] === ' '));
    assert.deepStrictEqual(articleWindows('abc', 0, 3), [3], 'a normal article is one window');
  });

  it('of 8 MB has its entities found within a 160 MB heap (it took all the words at once: out of memory)', () => {
    // A child process with a small heap: memory that grows with the article's words (not its mentions) fails.
    const script = `
      const { extractEntities } = require(${JSON.stringify(path.join(repoRoot, 'out', 'src', 'core', 'entities', 'extract.js'))});
      const { parseDump } = require(${JSON.stringify(path.join(repoRoot, 'out', 'src', 'core', 'dump', 'reader.js'))});
      const paragraph = ${JSON.stringify(paragraph)};
      const text = '<<<FILE>>> huge\\n' + paragraph.repeat(Math.ceil(8e6 / paragraph.length));
      const index = extractEntities(text, parseDump(text));
      console.log(JSON.stringify([index.mentions.length, [...index.entities.keys()]]));`;
    const run = spawnSync(process.execPath, ['--max-old-space-size=160', '-e', script], { encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr.slice(-500));
    const [mentions, ids] = JSON.parse(run.stdout);
    assert.ok(mentions > 30_000);
    assert.deepStrictEqual(ids, ['PER:nguyễn văn hùng']);
  });

  it('resolves bare names against many people sharing a last name in one pass (one key or "several" per tail)', () => {
    // 2,000 people named … Hùng in one article, then `ông Hùng`: several people, so none of them (someone of
    // that article); in the next article one Hùng, whom `ông Hùng` there joins.
    const people = Array.from({ length: 2000 }, (_, i) => `ông Nguyễn Văn ${['An', 'Bình', 'Cường'][i % 3]} Hùng`);
    const text = `<<<FILE>>> a\n${people.join(', ')}. Sau đó ông Hùng nói.\n<<<FILE>>> b\nÔng Trần Quốc Hùng đến. Ông Hùng nói.\n`;
    const dump = parseDump(text);
    const found = findCandidates(text, dump);
    resolvePeople(found.candidates);
    const bare = found.candidates.filter((c) => c.type === 'PER' && text.slice(c.start, c.end) === 'Hùng');
    assert.deepStrictEqual(
      bare.map((c) => [c.article, c.key]),
      [
        [0, 'hùng#0'],
        [1, 'trần quốc hùng'],
      ],
    );
  });
});

/**
 * Articles of real news-dev sentences, each article a part of its own as the workers would hold it,
 * through the part-wise steps; and the same text read whole. Mentions as `surface article entity`.
 */
function entitiesWholeAndInParts(articles: readonly string[]): { whole: string[]; split: string[] } {
  const texts = articles.map((a, i) => `<<<FILE>>> sport/news_${i}.txt\n${a}\n`);
  const parts = texts.map((t, i) => readPart(Buffer.from(t), i === texts.length - 1));
  const bases = partBases(
    parts.map((p) => ({ articles: p.dump.articles.length, textLength: p.text.length, lineCount: p.dump.lineCount })),
  );
  const extractions = parts.map(
    (p, i) => new PartExtraction(p.text, findCandidates(p.text, p.dump), EMPTY_GAZETTEER, bases[i].article),
  );
  const votes = mergeVotes(extractions.map((p) => p.votes()));
  const firstNames = mergeFirstNames(extractions.map((p) => p.applyVotes(votes)));
  const tails = mergePersonTails(extractions.map((p) => p.keyPeople(firstNames)));
  const split = extractions.flatMap((p, i) =>
    p.finish(tails).mentions.map((m) => `${m.surface} ${m.articleIndex + bases[i].article} ${m.entity}`),
  );
  const text = texts.join('');
  const whole = extractEntities(text, parseDump(text)).mentions.map(
    (m) => `${m.surface} ${m.articleIndex} ${m.entity}`,
  );
  return { whole, split };
}

const ofSurface = (mentions: readonly string[], surface: string) =>
  mentions.filter((m) => m.startsWith(`${surface} `)).map((m) => m.slice(surface.length + 1));

describe('person rules that need the whole corpus, split or whole', () => {
  it('keys a withheld name (`K.`, `anh K.`) per article, by its index in the whole dump', () => {
    const { whole, split } = entitiesWholeAndInParts([
      'Cháu K. là con thứ 3 trong gia đình có 4 người con. Gia đình thuộc diện khó khăn của xã Lê Hóa.',
      'Ngày 29/4, sau khi BN2899 có kết quả dương tính SARS-CoV-2, anh K. được xác định là F1. Hiện tại, anh K. được đưa đi cách ly và điều trị tại Bệnh viện Bệnh Nhiệt đới Trung ương cơ sở Đông Anh.',
      'Cụ thể, sau khi ra trường em V. mới chỉ nhận bằng tốt nghiệp hệ cao đẳng.',
      '"Chị V. tử vong vào lúc 4h sáng nay, sau khi xảy ra sự việc, chính quyền cũng đã cùng với các ban ngành đoàn thể xuống gia đình nạn nhân để thăm hỏi, chia buồn", ông Vũ Văn Mạnh - Chủ tịch xã Quảng Bị thông tin.',
    ]);
    assert.deepStrictEqual(split, whole);
    assert.deepStrictEqual(ofSurface(whole, 'K.'), ['0 PER:k.#0', '1 PER:k.#1', '1 PER:k.#1']);
    assert.deepStrictEqual(ofSurface(whole, 'V.'), ['2 PER:v.#2', '3 PER:v.#3']);
  });

  it('joins a bare name with a role to the one person the corpus gives that role (`HLV Mourinho`)', () => {
    const { whole, split } = entitiesWholeAndInParts([
      'Sau khi mất việc, HLV Jose Mourinho đã có phát ngôn đầu tiên.',
      'Tottenham đã công bố sa thải HLV Mourinho vào thứ Hai tuần này sau khi CLB trải qua chuỗi thành tích tệ hại.',
    ]);
    assert.deepStrictEqual(split, whole);
    assert.deepStrictEqual(ofSurface(whole, 'Jose Mourinho'), ['0 PER:j.mourinho']);
    assert.deepStrictEqual(ofSurface(whole, 'Mourinho'), ['1 PER:j.mourinho']);
  });

  it('keeps a bare name with a role the corpus never gives its one full name apart (`Tổng thống Biden`)', () => {
    const { whole, split } = entitiesWholeAndInParts([
      'Ngoài ra, Phó tổng thống Kamala Harris, Chánh án Tòa án Tối cao John Roberts, Đệ nhất phu nhân Jill Biden, Đệ nhị phu quân Douglas Emhoff cũng tham dự.',
      'Tổng thống Biden cũng công bố Kế hoạch gia đình Mỹ nhằm hỗ trợ tài chính trực tiếp cho người dân Mỹ.',
    ]);
    assert.deepStrictEqual(split, whole);
    assert.deepStrictEqual(ofSurface(whole, 'Jill Biden'), ['0 PER:j.biden']);
    assert.deepStrictEqual(ofSurface(whole, 'Biden'), ['1 PER:biden']);
  });
});
