import * as fs from 'node:fs';
import { readDumpBytes } from './core/dump/decode';
import { extractEntities } from './core/entities/extract';
import { EMPTY_GAZETTEER, gazetteerPathFor, parseGazetteer, type Gazetteer } from './core/entities/gazetteer';
import { SearchEngine } from './core/search/engine';
import { parseQuery } from './core/search/query';
import { LineIndex } from './core/text/lines';
import { runStatsCommand, STATS_COMMANDS, STATS_USAGE } from './cli/stats';

const USAGE = `Usage: corpus articles FILE [--json]
       corpus search FILE QUERY [--json] [--limit N]
       corpus entities FILE [--json] [--mentions] [--gazetteer G | --no-gazetteer]

  articles FILE        list the articles of a dump (index, name, title, source, date, precision, kind, lines)
  search FILE QUERY    ranked hits: words (tone marks optional), "exact phrase", -word, word*,
                       date:2022, date:2021-12..2022-02, source:..., title:...
  entities FILE        people (PER), places (LOC), organisations (ORG): type, aliases, role, counts, date span
  --mentions           with entities: every mention (entity, type, article, line, column, offset, length;
                       offsets are UTF-16 units of the text as read, BOM dropped)
  --gazetteer G        with entities: names, types, aliases and descriptions from the JSON file G
                       (default: FILE's own gazetteer beside it, news.dump -> news.entities.json, if present)
  --no-gazetteer       with entities: rules only
  --json               JSON records, as an array
  --limit N            at most N hits (default 20)
Lines and columns are 1-based, as editors show them.

Statistics:
${STATS_USAGE}`;

function usageError(message: string): number {
  console.error(`corpus: ${message}\n\n${USAGE}`);
  return 1;
}

function read(file: string) {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    console.error(`corpus: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return undefined;
  }
  const input = readDumpBytes(bytes);
  for (const p of input.dump.problems) console.error(`${file}:${p.line + 1}: warning: ${p.message}`);
  return input;
}

/** A named gazetteer must be readable; the default one beside the dump is optional. */
function readGazetteer(file: string, required: boolean): Gazetteer | undefined {
  let json: string;
  try {
    json = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (!required && (e as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_GAZETTEER;
    console.error(
      `corpus: cannot read gazetteer ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
    return undefined;
  }
  const reading = parseGazetteer(json);
  for (const p of reading.problems) console.error(`${file}: warning: ${p}`);
  return reading.gazetteer;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  if (STATS_COMMANDS.includes(command)) return runStatsCommand(command, rest);
  const json = rest.includes('--json');
  const limitAt = rest.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(rest[limitAt + 1]) : 20;
  const gazetteerAt = rest.indexOf('--gazetteer');
  const positional = rest.filter(
    (a, i) =>
      !a.startsWith('--') && !(limitAt >= 0 && i === limitAt + 1) && !(gazetteerAt >= 0 && i === gazetteerAt + 1),
  );
  const unknown = rest.filter(
    (a) => a.startsWith('--') && !['--json', '--limit', '--mentions', '--gazetteer', '--no-gazetteer'].includes(a),
  );
  if (unknown.length) return usageError(`unknown option ${unknown[0]}`);
  if (command === 'search') {
    if (positional.length !== 2) return usageError('search takes FILE and QUERY (quote the query)');
    if (!Number.isInteger(limit) || limit < 1) return usageError('--limit takes a whole number of at least 1');
    const parsed = parseQuery(positional[1]);
    if (!parsed.ok) return usageError(parsed.error);
    const input = read(positional[0]);
    if (!input) return 2;
    const index = new SearchEngine();
    index.set(positional[0], input.text, input.dump);
    const lines = new LineIndex(input.text);
    const hits = index.query(parsed.query, limit).map((h) => {
      const pos = lines.positionAt(h.matchStart);
      return {
        index: h.article.index,
        name: h.article.name,
        title: h.article.title,
        date: h.article.date?.value ?? null,
        score: Math.round(h.score * 1000) / 1000,
        line: pos.line + 1,
        column: pos.character + 1,
        snippet: h.snippet,
      };
    });
    if (json) console.log(JSON.stringify(hits, null, 2));
    else if (!hits.length) console.log(`No articles match ${positional[1]}.`);
    else
      for (const h of hits)
        console.log(`${h.index}\t${h.date ?? '—'}\t${h.line}:${h.column}\t${h.score}\t${h.title}\n\t${h.snippet}`);
    return 0;
  }
  if (command === 'entities') {
    if (positional.length !== 1 || limitAt >= 0)
      return usageError('entities takes one FILE, --json, --mentions and --gazetteer G');
    if (gazetteerAt >= 0 && !rest[gazetteerAt + 1]) return usageError('--gazetteer takes a file');
    const input = read(positional[0]);
    if (!input) return 2;
    const gazetteer = rest.includes('--no-gazetteer')
      ? EMPTY_GAZETTEER
      : readGazetteer(gazetteerAt >= 0 ? rest[gazetteerAt + 1] : gazetteerPathFor(positional[0]), gazetteerAt >= 0);
    if (!gazetteer) return 2;
    const index = extractEntities(input.text, input.dump, gazetteer);
    if (rest.includes('--mentions')) {
      const lines = new LineIndex(input.text);
      const records = index.mentions.map((m) => {
        const pos = lines.positionAt(m.start);
        return {
          entity: index.entities.get(m.entity)!.name,
          type: m.type,
          article: m.articleIndex,
          line: pos.line + 1,
          column: pos.character + 1,
          offset: m.start,
          length: m.end - m.start,
          text: m.surface,
        };
      });
      if (json) console.log(JSON.stringify(records, null, 2));
      else for (const r of records) console.log(`${r.line}:${r.column}\t${r.type}\t${r.text}\t${r.entity}`);
      return 0;
    }
    const records = [...index.entities.values()]
      .sort((a, b) => b.mentions - a.mentions)
      .map((e) => {
        const dates = [...e.articles]
          .map((i) => input.dump.articles[i].date?.value)
          .filter((d): d is string => !!d)
          .sort();
        return {
          name: e.name,
          type: e.type,
          aliases: [...e.aliases].filter((a) => a !== e.name),
          role: e.role ?? null,
          description: e.description ?? null,
          link: e.link ?? null,
          mentions: e.mentions,
          articles: e.articles.size,
          firstDate: dates[0] ?? null,
          lastDate: dates.at(-1) ?? null,
        };
      });
    if (json) console.log(JSON.stringify(records, null, 2));
    else
      for (const r of records)
        console.log(
          `${r.type}\t${r.mentions}\t${r.articles}\t${r.name}${r.role ? ` (${r.role})` : ''}${r.aliases.length ? `\t= ${r.aliases.join(', ')}` : ''}`,
        );
    return 0;
  }
  if (command !== 'articles') return usageError(`unknown command "${command}"`);
  if (positional.length !== 1 || limitAt >= 0) return usageError('articles takes one FILE and --json');
  const input = read(positional[0]);
  if (!input) return 2;
  const dump = input.dump;
  const records = dump.articles.map((a) => ({
    index: a.index,
    name: a.name,
    title: a.title,
    source: a.source ?? null,
    date: a.date?.value ?? null,
    precision: a.date?.precision ?? null,
    kind: a.date?.kind ?? 'undated',
    startLine: a.startLine + 1,
    endLine: a.endLine + 1,
  }));
  if (json) {
    console.log(JSON.stringify(records, null, 2));
    return 0;
  }
  if (!records.length) {
    console.log('No articles: the file has no <<<FILE>>> marker line.');
    return 0;
  }
  for (const r of records)
    console.log(`${r.index}\t${r.date ?? '—'}\t${r.kind}\t${r.startLine}-${r.endLine}\t${r.name}\t${r.title}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
