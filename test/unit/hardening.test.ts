import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeDump, readDumpBytes } from '../../src/core/dump/decode';
import { classifyLine } from '../../src/core/dump/markers';
import { joinParts, partBases, readPart, shiftDump, splitPoints } from '../../src/core/dump/parts';
import { parseDump } from '../../src/core/dump/reader';
import { entityCard } from '../../src/core/entities/card';
import { cardMarkdown } from '../../src/core/entities/cardMarkdown';
import { extractEntities } from '../../src/core/entities/extract';
import { parseGazetteer } from '../../src/core/entities/gazetteer';
import { neutralizeCell, tableText } from '../../src/core/export/csv';
import { dumpAtTarget, looksLikeDump } from '../../src/core/export/exportTarget';
import { commandLink, safeWebLink } from '../../src/core/security/links';
import { MAX_WORD_LENGTH, MAX_WORDS, parseQuery } from '../../src/core/search/query';
import { SearchEngine } from '../../src/core/search/engine';
import { forEachLine, LineIndex } from '../../src/core/text/lines';
import { escapeControls } from '../../src/core/text/terminal';
import { foreignMarkup } from '../support/markdownLinks';
import { repoRoot } from '../support/paths';

const LABELS = {
  type: 'Person',
  source: 'source',
  also: 'Also',
  counts: '1 mention',
  oftenWith: 'Often with',
  search: 'Search the corpus',
  showMentions: 'Show all mentions',
  reveal: 'Reveal',
  filter: 'Filter articles',
  trend: 'Trend',
};

/** The card of the first mention of a gazetteer entry in a one-article dump. */
function cardFor(entry: object, text = '<<<FILE>>> a\nÔng Evil Name gặp Evil Name ở Hà Nội.\n') {
  const reading = parseGazetteer(JSON.stringify({ entities: [entry] }));
  const dump = parseDump(text);
  const index = extractEntities(text, dump, reading.gazetteer);
  const mention = index.mentions.find((m) => index.entities.get(m.entity)?.description);
  assert.ok(mention, 'the gazetteer entry is found in the text');
  return { reading, md: cardMarkdown(entityCard(text, dump, index, mention), LABELS, 'file:///x.dump', 0) };
}

describe('hardening: hover card links', () => {
  const hostile = 'https://x/)![](https://evil/b.png)[Show](command:corpusExplorer.showMentions?%5B%5D)';

  it('rebuilds a gazetteer link so it cannot close its markdown destination', () => {
    const link = parseGazetteer(JSON.stringify([{ name: 'A', type: 'PER', link: hostile }])).gazetteer.entries[0].link;
    assert.ok(link);
    assert.doesNotMatch(link, /[()[\]\s<>]/);
    assert.ok(link.startsWith('https://x/'));
  });

  it('refuses links that are not http(s) or hide credentials', () => {
    for (const bad of [
      'javascript:alert(1)',
      'command:workbench.action.terminal.new',
      'file:///etc/passwd',
      'https://u:p@evil/',
      'nope',
    ])
      assert.strictEqual(safeWebLink(bad), undefined, bad);
    assert.strictEqual(
      safeWebLink('https://en.wikipedia.org/wiki/Sergey_Lavrov'),
      'https://en.wikipedia.org/wiki/Sergey_Lavrov',
    );
  });

  it('a card with a hostile link, name and description holds only our own links', () => {
    const { md } = cardFor({
      name: 'Evil Name',
      type: 'PER',
      aliases: ['x)](command:workbench.action.terminal.new)'],
      description: 'Desc ![img](https://evil/i.png) <img src=x> [a](command:x) https://evil/',
      link: hostile,
    });
    assert.deepStrictEqual(foreignMarkup(md), []);
    assert.ok(md.includes('command:corpusExplorer.search?'), md);
  });

  it('a name with an unbalanced ) keeps the command arguments whole', () => {
    const link = commandLink('corpusExplorer.search', ['"Evil) Name"']);
    assert.doesNotMatch(link, /[()'!*]/);
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1))), ['"Evil) Name"']);
  });
});

describe('hardening: the reader stays linear', () => {
  it('reads <<<FILE followed by a long run of white space (the marker regex used to backtrack)', () => {
    const line = `<<<FILE${' '.repeat(300_000)}x`;
    assert.deepStrictEqual(classifyLine(line), { kind: 'malformed-marker' });
    assert.deepStrictEqual(classifyLine(`<<<FILE${' '.repeat(300_000)}name >>>  `), { kind: 'marker', name: 'name' });
  });

  it('splits lone-CR text into lines looking at each character a bounded number of times', () => {
    const text = 'word\r'.repeat(20_000);
    const original = String.prototype.indexOf;
    let scanned = 0;
    String.prototype.indexOf = function (this: string, search: string, from = 0) {
      const at = original.call(this, search, from);
      scanned += (at < 0 ? this.length : at) - from;
      return at;
    } as typeof String.prototype.indexOf;
    let lines: number;
    try {
      lines = forEachLine(text, () => undefined);
    } finally {
      String.prototype.indexOf = original;
    }
    assert.strictEqual(lines, 20_001);
    assert.ok(scanned <= 3 * text.length, `scanned ${scanned} characters for ${text.length}`);
  });

  it('looks for an inferred date in the article only, not on to the end of the dump', () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `<<<FILE>>> a${i}\nNo date here at all.\n`).join('');
    const dump = parseDump(`${text}<<<FILE>>> last\nNgày 21/1/2022\n`);
    assert.strictEqual(dump.articles.length, 40_001);
    assert.ok(dump.articles.slice(0, -1).every((a) => a.date === undefined));
    assert.strictEqual(dump.articles.at(-1)?.date?.value, '2022-01-21');
  });

  it('counts the line after a trailing lone CR', () => {
    assert.strictEqual(parseDump('<<<FILE>>> a\rx\r').lineCount, 3);
    assert.strictEqual(parseDump('<<<FILE>>> a\r\nx\r\n').lineCount, 3);
    assert.strictEqual(parseDump('<<<FILE>>> a\nx\n').lineCount, 3);
  });
});

describe('hardening: decoding', () => {
  it('puts invalid UTF-8 on its line in CR and CRLF files, every place listed', () => {
    const bytes = Buffer.concat([
      Buffer.from('<<<FILE>>> a\rone\r\ntwo \xff'.replace(/\xff/, ''), 'latin1'),
      Buffer.from([0xff]),
      Buffer.from('\rthree\r\nfour '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\n'),
    ]);
    const { problems } = decodeDump(bytes);
    assert.deepStrictEqual(
      problems.map((p) => [p.code, p.line]),
      [
        ['invalid-utf8', 2],
        ['invalid-utf8', 4],
      ],
    );
  });

  it('lists at most 20 places, then says there are more', () => {
    const bytes = Buffer.from(Array.from({ length: 50 }, () => [0x61, 0xff, 0x0a]).flat());
    const { problems } = decodeDump(bytes);
    assert.strictEqual(problems.filter((p) => p.count !== undefined).length, 20);
    assert.strictEqual(problems.at(-1)?.count, undefined);
    assert.strictEqual(problems.at(-1)?.line, 20);
  });

  it('names UTF-16, read with its byte-order mark and recognised without one', () => {
    const text = '<<<FILE>>> a\nXin chào\n';
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const read = readDumpBytes(withBom);
    assert.deepStrictEqual(
      read.dump.problems.map((p) => [p.code, p.encoding]),
      [['encoding', 'UTF-16LE']],
    );
    assert.strictEqual(read.dump.articles[0].title, 'Xin chào');
    const bare = readDumpBytes(Buffer.from(text, 'utf16le'));
    assert.deepStrictEqual(
      bare.dump.problems.map((p) => [p.code, p.encoding]),
      [['encoding', 'UTF-16LE']],
    );
    assert.match(bare.dump.problems[0].message, /UTF-16/);
  });

  it('names a legacy 8-bit encoding', () => {
    const bytes = Buffer.from(
      '<<<FILE>>> a\nH\xe0 N\xf4i, Vi\xeat Nam c\xf3 nhi\xeau t\xe9nh th\xe0nh ph\xf4\n',
      'latin1',
    );
    const { problems } = decodeDump(bytes);
    assert.strictEqual(problems[0].code, 'encoding');
    assert.match(problems[0].message, /8-bit/);
  });
});

describe('hardening: split readings', () => {
  it('numbers fallback titles #N over the whole dump', () => {
    const whole = Buffer.from('<<<FILE>>>\n\n'.repeat(400));
    const points = splitPoints((s, n) => whole.subarray(s, s + n), whole.length, 3, 4096);
    const cuts = [0, ...points, whole.length];
    const parts = cuts.slice(0, -1).map((s, i) => readPart(whole.subarray(s, cuts[i + 1]), i === cuts.length - 2));
    const bases = partBases(
      parts.map((p) => ({ articles: p.dump.articles.length, textLength: p.text.length, lineCount: p.dump.lineCount })),
    );
    const joined = joinParts(parts.map((p, i) => shiftDump(p.dump, bases[i])));
    assert.ok(points.length >= 1);
    assert.deepStrictEqual(
      joined.articles.map((a) => a.title),
      Array.from({ length: 400 }, (_, i) => `#${i + 1}`),
    );
  });
});

describe('hardening: concordance in one huge article', () => {
  it('places 10,000 matches of a 2 MB article on their lines, counting each line once', () => {
    const body = Array.from({ length: 40_000 }, (_, i) =>
      i % 4 ? 'chữ chữ chữ chữ chữ chữ chữ chữ chữ chữ' : 'Nga',
    ).join('\r');
    const text = `<<<FILE>>> big\n${body}\n`;
    const engine = new SearchEngine();
    engine.set('big', text, parseDump(text));
    const parsed = parseQuery('nga');
    assert.ok(parsed.ok);
    const { lines } = engine.concordance(parsed.query, 10_000);
    assert.strictEqual(lines.length, 10_000);
    const index = new LineIndex(text);
    for (const l of [lines[0], lines[1], lines[5000], lines[9999]])
      assert.deepStrictEqual(index.positionAt(l.start), { line: l.line, character: l.column });
    assert.strictEqual(lines[9999].line, 1 + 4 * 9999);
  });
});

describe('hardening: bounded queries', () => {
  const error = (q: string) => {
    const p = parseQuery(q);
    return p.ok ? undefined : p.code;
  };
  it('refuses over-long words and too many words with a message', () => {
    assert.strictEqual(error('a'.repeat(MAX_WORD_LENGTH + 1)), 'word-too-long');
    assert.strictEqual(error('a'.repeat(MAX_WORD_LENGTH)), undefined);
    assert.strictEqual(
      error(`"${Array.from({ length: MAX_WORDS + 1 }, (_, i) => `w${i}`).join(' ')}"`),
      'too-many-words',
    );
    assert.strictEqual(error('x '.repeat(5000)), 'too-long');
  });

  it('says what is wrong with a date: filter instead of misreading it', () => {
    assert.strictEqual(error('lavrov date: 2022'), 'empty-filter');
    assert.strictEqual(error('date: lavrov'), 'empty-filter');
    assert.strictEqual(error('lavrov date:lavrov'), 'bad-date');
    assert.strictEqual(error('lavrov date:2022-13'), 'not-a-date');
    assert.strictEqual(error('lavrov date:2022-02-30'), 'not-a-date');
    assert.strictEqual(error('lavrov date:2022-03..2022-01'), 'reversed-dates');
    assert.strictEqual(error('lavrov date:2022-02-28..2022-03'), undefined);
  });
});

describe('hardening: concordance export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const c of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) assert.ok(neutralizeCell(c).startsWith("'"), c);
    assert.strictEqual(neutralizeCell('Lavrov'), 'Lavrov');
    assert.strictEqual(tableText([['=HYPERLINK("http://evil")', 3]], ','), `"'=HYPERLINK(""http://evil"")",3\r\n`);
    assert.strictEqual(tableText([['-a\tb', 'c']], '\t'), "'-a b\tc\r\n");
  });

  it('refuses a target that resolves to a known dump through ./, .., a symlink, or one in the dump format', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
    const dump = path.join(dir, 'news.dump');
    fs.writeFileSync(dump, '<<<FILE>>> a\nx\n');
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync(dump, path.join(dir, 'link.csv'));
    for (const target of [
      path.join(dir, '.', 'news.dump'),
      path.join(dir, 'sub', '..', 'news.dump'),
      path.join(dir, 'link.csv'),
    ])
      assert.strictEqual(await dumpAtTarget(target, [dump]), 'known-dump', target);
    const other = path.join(dir, 'other.txt');
    fs.writeFileSync(other, 'preamble\n<<<FILE>>> b\ny\n');
    assert.strictEqual(await dumpAtTarget(other, [dump]), 'dump-content');
    assert.strictEqual(await dumpAtTarget(path.join(dir, 'sub', 'new.csv'), [dump]), undefined);
    assert.ok(!looksLikeDump(Buffer.from('dump,article\r\nx,1\r\n')));
    fs.rmSync(dir, { recursive: true });
  });
});

describe('hardening: CLI', () => {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

  it('shows terminal control characters escaped in text output, not in JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    const file = path.join(dir, 'esc.dump');
    fs.writeFileSync(file, '<<<FILE>>> \x1b]52;c;aGk=\x07n\n\x1b[2JTitle\u202e\n');
    const text = run('articles', file);
    assert.strictEqual(text.status, 0);
    assert.doesNotMatch(text.stdout, /[\x1b\x07\u202e]/);
    assert.match(text.stdout, /\\x1B\]52;c;aGk=\\x07n\t\\x1B\[2JTitle\\u202E/);
    assert.strictEqual(JSON.parse(run('articles', file, '--json').stdout)[0].title, '\x1b[2JTitle\u202e');
    fs.rmSync(dir, { recursive: true });
  });

  it('lists a dump over 8 MB, read in parts, as a whole reading lists it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    const file = path.join(dir, 'parts.dump');
    const article = (i: number) =>
      i % 3
        ? `<<<FILE>>> a${i}\r\ndate 2022-01-0${1 + (i % 9)} Tiêu đề ${i}\r\n${'chữ '.repeat(400)}\r\n`
        : '<<<FILE>>>\n\n';
    fs.writeFileSync(file, Array.from({ length: 6000 }, (_, i) => article(i)).join(''));
    assert.ok(fs.statSync(file).size > 8 * 2 ** 20);
    const out = spawnSync(process.execPath, [cli, 'articles', file, '--json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const listed = JSON.parse(out.stdout);
    const whole = readDumpBytes(fs.readFileSync(file)).dump.articles;
    fs.rmSync(dir, { recursive: true });
    assert.deepStrictEqual(
      listed.map((a: { index: number; title: string; date: string | null; startLine: number }) => [
        a.index,
        a.title,
        a.date,
        a.startLine,
      ]),
      whole.map((a) => [a.index, a.title, a.date?.value ?? null, a.startLine + 1]),
    );
  });

  it('refuses a file too large to hold with exit 2 and a message, before reading it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    const file = path.join(dir, 'huge.dump');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 2 ** 31); // sparse: no disk used
    const r = run('articles', file);
    fs.rmSync(dir, { recursive: true });
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /cannot read .*more text than one process can hold/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  });

  it('prints a query that is too long as a usage error, exit 1', () => {
    const r = run('search', path.join(repoRoot, 'sample', 'sample.dump'), 'a'.repeat(66_000));
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /too long/);
  });

  it('escapes control characters with names for tab and line breaks', () => {
    assert.strictEqual(escapeControls('a\tb\x1b\x9b\u2066'), 'a\\tb\\x1B\\x9B\\u2066');
  });
});
