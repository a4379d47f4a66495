import * as assert from 'node:assert';
import fc from 'fast-check';
import { readDumpBytes } from '../../src/core/dump/decode';
import type { Dump } from '../../src/core/dump/types';
import { entityCard } from '../../src/core/entities/card';
import { cardMarkdown } from '../../src/core/entities/cardMarkdown';
import { extractEntities } from '../../src/core/entities/extract';
import { parseGazetteer } from '../../src/core/entities/gazetteer';
import { safeWebLink } from '../../src/core/security/links';
import { SearchEngine } from '../../src/core/search/engine';
import { MAX_WORD_LENGTH, MAX_WORDS, parseQuery } from '../../src/core/search/query';
import { LineIndex } from '../../src/core/text/lines';
import { dumpBytes, readInParts, utf8 } from '../support/dumpPieces';
import { foreignMarkup } from '../support/markdownLinks';

/**
 * The fuzzer: hostile input for the reader (whole and in parts), the query parser and engine, the
 * gazetteer loader and the hover card. `npm test` runs it briefly; `npm run fuzz` runs it long
 * (FUZZ_RUNS, default 20,000 there). The time bound is loose — 50 ms per KB plus a second — to
 * catch hangs and quadratic blow-ups, not to benchmark.
 */
const RUNS = Number(process.env.FUZZ_RUNS) || 150;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const options = (runs = RUNS) => ({ numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED }) });

function withinTimeBound<T>(size: number, run: () => T): T {
  const started = performance.now();
  const result = run();
  const elapsed = performance.now() - started;
  const bound = 1000 + (50 * size) / 1024;
  assert.ok(elapsed < bound, `took ${elapsed.toFixed(0)} ms for ${size} units (bound ${bound.toFixed(0)} ms)`);
  return result;
}

/** A guessed 8-bit encoding is guessed per part, from that part's bytes. */
const comparable = (d: Dump) => ({
  articles: d.articles,
  problems: d.problems.filter((p) => !(p.code === 'encoding' && p.encoding === '8-bit')),
  lineCount: d.lineCount,
  preamble: d.preamble,
});

describe('fuzz: the reader', () => {
  it('never throws, stays within its time bound, keeps offsets and lines inside the file', () => {
    fc.assert(
      fc.property(dumpBytes, (bytes) => {
        const { text, dump } = withinTimeBound(bytes.length, () => readDumpBytes(bytes));
        let previous = -1;
        for (const a of dump.articles) {
          assert.ok(a.startOffset > previous || (previous === -1 && a.startOffset === 0));
          assert.ok(a.startOffset <= a.textStartOffset && a.textStartOffset <= a.textEndOffset);
          assert.ok(a.textEndOffset <= a.endOffset && a.endOffset <= text.length);
          assert.ok(a.startLine <= a.textStartLine && a.startLine <= a.endLine && a.endLine < dump.lineCount);
          previous = a.endOffset;
        }
        for (const p of dump.problems) assert.ok(p.line >= 0 && p.line <= p.endLine && p.endLine < dump.lineCount);
      }),
      options(),
    );
  });

  it('reads the same split into parts as whole', () => {
    fc.assert(
      fc.property(
        dumpBytes,
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 16, max: 512 }),
        (bytes, parts, window) => {
          const whole = readDumpBytes(bytes).dump;
          const split = withinTimeBound(bytes.length, () => readInParts(bytes, parts, window));
          assert.deepStrictEqual(comparable(split), comparable(whole));
        },
      ),
      options(),
    );
  });
});

const SAMPLE = [
  '<<<FILE>>> a',
  'date 2022-11-08 Ngoại trưởng Sergei Lavrov gặp ông Jaishankar tại Moskva.',
  'Nga và Ấn Độ hợp tác.\r\nBộ Ngoại giao Nga cho biết.\rNga, Nga.',
  '<<<FILE>>> b',
  'Khủng hoảng với phương Tây, Nga đẩy mạnh hợp tác với ASEAN.',
].join('\n');

describe('fuzz: queries', () => {
  const engine = new SearchEngine();
  const dump = readDumpBytes(utf8(SAMPLE));
  engine.set('s', dump.text, dump.dump);
  const lineIndex = new LineIndex(dump.text);
  const queryText = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc
      .array(
        fc.oneof(
          fc.string({
            unit: fc.constantFrom('a', 'ă', 'n', 'g', 'L', 'ư', 'ơ', 'đ', '*', '-', '"', ':', ' ', '.'),
            maxLength: 20,
          }),
          fc.constantFrom(
            'date:',
            'date:2022',
            'date:2022-13',
            'date:2021..2022',
            'date:2023..2022',
            'source:',
            'title:nga',
            '"hop tac',
            'nga*',
            '-nga',
            'lavrob',
            'x:',
          ),
          fc.integer({ min: 1, max: 70_000 }).map((n) => 'a'.repeat(n)),
        ),
        { maxLength: 40 },
      )
      .map((ws) => ws.join(' ')),
  );

  it('parses anything within bounds and runs what it accepts', () => {
    fc.assert(
      fc.property(queryText, (q) => {
        const parsed = withinTimeBound(q.length, () => parseQuery(q));
        if (!parsed.ok) {
          assert.ok(parsed.error.length > 0);
          return;
        }
        const words = [
          ...parsed.query.required.map((t) => t.term),
          ...parsed.query.phrases.flat(),
          ...parsed.query.titleTerms,
          ...parsed.query.excluded,
        ];
        assert.ok(words.length <= MAX_WORDS && words.every((w) => w.length <= MAX_WORD_LENGTH));
        const hits = withinTimeBound(q.length, () => engine.query(parsed.query, 10));
        for (const h of hits)
          assert.ok(h.matchStart >= 0 && h.matchStart <= h.matchEnd && h.matchEnd <= dump.text.length);
        const kwic = engine.concordance(parsed.query, 50);
        for (const l of kwic.lines) {
          assert.ok(l.start >= 0 && l.end <= dump.text.length && l.line < dump.dump.lineCount);
          assert.deepStrictEqual(lineIndex.positionAt(l.start), { line: l.line, character: l.column });
        }
      }),
      options(),
    );
  });
});

/** Strings a hostile gazetteer would use: markdown, links, images, command URIs, HTML, controls. */
const hostile = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    ')',
    '](command:workbench.action.terminal.new)',
    '![x](https://evil/i.png)',
    '<img src=x onerror=alert(1)>',
    '[a](javascript:alert(1))',
    'https://evil/',
    '$(zap)',
    '\r# H\n> q',
    '`code`',
    '\\',
    '\u2028',
    '&lt;',
  ),
);
const hostileLink = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.tuple(fc.webUrl(), hostile).map(([u, h]) => u + h),
  fc.constantFrom(
    'https://x/)![](https://evil/b.png)[Show](command:corpusExplorer.showMentions?%5B%5D)',
    'javascript:alert(1)',
    'https://a b/',
    'https://x/(a)[b]<c>"d"\'e\'`f`\\g',
    'command:corpusExplorer.search?[]',
  ),
  fc.string({ maxLength: 40 }),
);

describe('fuzz: gazetteer and hover cards', () => {
  it('the gazetteer loader never throws and keeps only safe links', () => {
    const entry = fc.record(
      {
        name: hostile,
        type: fc.constantFrom('PER', 'LOC', 'ORG', 'per', 'X', 3),
        aliases: fc.array(hostile, { maxLength: 3 }),
        description: hostile,
        link: hostileLink,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.array(entry, { maxLength: 5 }).map((es) => JSON.stringify({ entities: es })),
        ),
        (json) => {
          const reading = withinTimeBound(json.length, () => parseGazetteer(json));
          for (const e of reading.gazetteer.entries)
            if (e.link !== undefined) {
              assert.doesNotMatch(e.link, /[()[\]<>\s"'`\\]/);
              assert.strictEqual(safeWebLink(e.link), e.link);
            }
        },
      ),
      options(),
    );
  });

  it('a card holds no link or image that is not one of ours', () => {
    const word = fc.constantFrom(
      'Evil',
      'Name',
      'Lavrov',
      'Hà',
      'Nội',
      'X)',
      '[A]',
      '!B',
      '<C>',
      'D(',
      '*E*',
      'F_',
      '`G`',
      '$(H)',
    );
    const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(
        name,
        fc.array(name, { maxLength: 2 }),
        hostile,
        hostileLink,
        hostile,
        (n, aliases, description, link, context) => {
          const gazetteer = parseGazetteer(
            JSON.stringify([{ name: n, type: 'PER', aliases, description, link }]),
          ).gazetteer;
          const text = `<<<FILE>>> a\nÔng ${n} nói ${context} ${n}.\n<<<FILE>>> b\n${aliases.join(' và ')} ${n} ${context}\n`;
          const dump = readDumpBytes(utf8(text));
          const index = extractEntities(dump.text, dump.dump, gazetteer);
          for (const mention of index.mentions.slice(0, 3)) {
            const card = entityCard(dump.text, dump.dump, index, mention);
            const md = cardMarkdown(
              card,
              {
                type: n,
                source: context,
                also: 'Also',
                counts: context,
                oftenWith: 'with',
                search: 's',
                showMentions: 'm',
                reveal: 'r',
                filter: 'f',
                trend: 't',
              },
              `file:///${context}.dump`,
              mention.start,
            );
            assert.deepStrictEqual(foreignMarkup(md), [], md);
          }
        },
      ),
      options(),
    );
  });
});
