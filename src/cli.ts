import * as fs from 'fs';
import { decodeDump } from './core/dump/decode';
import { parseDump } from './core/dump/reader';

const USAGE = `Usage: corpus articles FILE [--json]

  articles FILE   list the articles of a dump (index, name, title, source, date, precision, kind, lines)
  --json          one JSON record per article, as an array
Lines are 1-based, as editors show them.`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') { console.log(USAGE); return command ? 0 : 1; }
  if (command !== 'articles') { console.error(`corpus: unknown command "${command}"\n\n${USAGE}`); return 1; }
  const json = rest.includes('--json');
  const files = rest.filter((a) => !a.startsWith('--'));
  const unknown = rest.filter((a) => a.startsWith('--') && a !== '--json');
  if (files.length !== 1 || unknown.length) { console.error(`corpus: articles takes one FILE and --json\n\n${USAGE}`); return 1; }
  let bytes: Buffer;
  try { bytes = fs.readFileSync(files[0]); } catch (e) {
    console.error(`corpus: cannot read ${files[0]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  const decoded = decodeDump(bytes);
  const dump = parseDump(decoded.text);
  const records = dump.articles.map((a) => ({
    index: a.index, name: a.name, title: a.title, source: a.source ?? null,
    date: a.date?.value ?? null, precision: a.date?.precision ?? null, kind: a.date?.kind ?? 'undated',
    startLine: a.startLine + 1, endLine: a.endLine + 1,
  }));
  for (const p of [...decoded.problems, ...dump.problems]) console.error(`${files[0]}:${p.line + 1}: warning: ${p.message}`);
  if (json) { console.log(JSON.stringify(records, null, 2)); return 0; }
  if (!records.length) { console.log('No articles: the file has no <<<FILE>>> marker line.'); return 0; }
  for (const r of records) console.log(`${r.index}\t${r.date ?? '—'}\t${r.kind}\t${r.startLine}-${r.endLine}\t${r.name}\t${r.title}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
