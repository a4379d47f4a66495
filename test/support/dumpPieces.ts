import fc from 'fast-check';
import { joinParts, partBases, readPart, shiftDump, splitPoints } from '../../src/core/dump/parts';
import type { Dump } from '../../src/core/dump/types';

/** Dumps as bytes for property tests and the fuzzer, and the reading of one in parts as the worker pool does it. */
export const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Pieces dumps are made of, the odd ones included: marker look-alikes, every line end, bad bytes. */
export const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }).map(utf8) },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(
        '<<<FILE>>> x',
        '<<<FILE>>>',
        '<<<FILE: a b>>>',
        '<<<FILE n>>>  ',
        '<<<FILE',
        '<<<FILE:',
        '<<<FILE>',
        '<<<END>>>',
        '<<<END FILE>>>',
        '<<<ENDFILE>>> ',
        '\\<<<FILE>>> e',
        ' date 2022-11 x',
        'date: 2022-02-30',
        'title: t',
        'source: s',
        '(Nguồn) - x',
        'ngày 21/1/2022',
        'Ngoại trưởng Lavrov',
        'Nga\u0300 ',
        '\ufeff',
        '\u2028',
        '>>>',
      )
      .map(utf8),
  },
  { weight: 4, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\r').map(utf8) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((n) => utf8(' '.repeat(n))) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((n) => utf8('a'.repeat(n))) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom([0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0x00], [0xf4, 0x90])
      .map((b) => Buffer.from(b)),
  },
);
export const dumpBytes = fc.array(piece, { maxLength: 150, size: 'large' }).map((ps) => Buffer.concat(ps));

/** The dump read in parts, as the worker pool does for large files. */
export function readInParts(
  bytes: Buffer,
  parts: number,
  window: number,
  read: (part: Buffer, last: boolean) => { dump: Dump; textLength: number } = (part, last) => {
    const r = readPart(part, last);
    return { dump: r.dump, textLength: r.text.length };
  },
): Dump {
  const points = splitPoints((s, n) => bytes.subarray(s, s + n), bytes.length, parts, window);
  const cuts = [0, ...points, bytes.length];
  const readings = cuts.slice(0, -1).map((s, i) => read(bytes.subarray(s, cuts[i + 1]), i === cuts.length - 2));
  const bases = partBases(
    readings.map((p) => ({ articles: p.dump.articles.length, textLength: p.textLength, lineCount: p.dump.lineCount })),
  );
  return joinParts(readings.map((p, i) => shiftDump(p.dump, bases[i])));
}
