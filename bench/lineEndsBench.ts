import { readDumpBytes } from '../src/core/dump/decode';
import { generateDump } from './generate';

/**
 * Reading is linear whatever the line ends, line lengths or marker look-alikes: the same text
 * read with LF, CRLF and lone-CR line ends, as a few very long lines, and with every other line a
 * marker look-alike (`<<<FILE` and white space, unclosed `<<<FILE:`, `<<<END` variants), and with
 * no date in any article (each searched for one). Prints
 * MB/s per shape and its time per MB as a ratio to LF (the target: within 3×).
 */
const SHAPES: [string, (lf: string) => string][] = [
  ['LF', (t) => t],
  ['CRLF', (t) => t.replace(/\n/g, '\r\n')],
  ['lone CR', (t) => t.replace(/\n/g, '\r')],
  ['long lines (1 MB)', (t) => longLines(t)],
  ['marker look-alikes', (t) => lookAlikes(t)],
  // No digit, so no date anywhere: every article is looked through for one and found undated.
  ['undated, no date in the text', (t) => t.replace(/\d/g, 'x')],
];

function longLines(t: string): string {
  // Only the article boundaries stay lines of their own: each body becomes one line, cut every MB.
  return t.replace(/\n(?!<<<FILE)/g, ' ').replace(/[^\n]{1048576}/g, (chunk) => `${chunk}\n`);
}

function lookAlikes(t: string): string {
  const fakes = [`<<<FILE${' '.repeat(2000)}x`, '<<<FILE: unclosed', '<<<END OF IT', `<<<FILE:${'\t'.repeat(500)}>>`];
  let i = 0;
  return t.replace(/\n/g, () => (i++ % 2 ? '\n' : `\n${fakes[i % fakes.length]}\n`));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

export function runLineEnds(): void {
  const lf = generateDump(2500, 7);
  console.log('\nReading per line-end shape (decode + parse, median of 3):\n');
  console.log('| shape | size | MB/s | time per MB vs LF |');
  console.log('|---|---|---|---|');
  let lfPerMb = 0;
  for (const [name, shape] of SHAPES) {
    const bytes = Buffer.from(shape(lf), 'utf8');
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const started = performance.now();
      readDumpBytes(bytes);
      runs.push(performance.now() - started);
    }
    const mb = bytes.length / 2 ** 20;
    const perMb = median(runs) / mb;
    if (name === 'LF') lfPerMb = perMb;
    console.log(`| ${name} | ${mb.toFixed(1)} MB | ${(1000 / perMb).toFixed(0)} | ${(perMb / lfPerMb).toFixed(2)}× |`);
  }
}
