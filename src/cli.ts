import { constants as bufferLimits } from 'node:buffer';
import * as fs from 'node:fs';
import { readDumpBytes } from './core/dump/decode';
import { CorpusWorkerPool } from './corpus/corpusWorkerPool';
import { joinParts, type PartBase, readPart, shiftArticle, shiftDump, splitPoints } from './core/dump/parts';
import type { Dump } from './core/dump/types';
import { DetachedCandidates } from './core/entities/detachedCandidates';
import { entitiesOfCandidates, extractEntities, findCandidates } from './core/entities/extract';
import { EMPTY_GAZETTEER, gazetteerPathFor, parseGazetteer, type Gazetteer } from './core/entities/gazetteer';
import { mergeCaps, type PrefixCap, SearchEngine } from './core/search/engine';
import { parseQuery } from './core/search/query';
import { LineIndex } from './core/text/lines';
import { collectGarbage } from './cli/fullGc';
import { runStatsCommand, STATS_COMMANDS, STATS_USAGE } from './cli/stats';
import { escapeControls } from './core/text/terminal';

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
  console.error(`corpus: ${escapeControls(message)}\n\n${USAGE}`);
  return 1;
}

/**
 * A file's bytes decode to at least a third as many UTF-16 units: past three times V8's longest
 * string (or a Buffer's size limit) it cannot be held, so it is refused before reading.
 */
const MAX_FILE_BYTES = Math.min(bufferLimits.MAX_LENGTH, 3 * bufferLimits.MAX_STRING_LENGTH);

const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** What a warning or a dump's text prints as: terminal control characters shown escaped. */
const shown = escapeControls;

function tooLarge(file: string, size: number): undefined {
  console.error(
    `corpus: cannot read ${shown(file)}: ${megabytes(size)} is more text than one process can hold (at most about ${megabytes(bufferLimits.MAX_STRING_LENGTH)} of text in one article run); split the dump at marker lines`,
  );
  return undefined;
}

const isTooLong = (e: unknown) =>
  (e as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG' || e instanceof RangeError;

function printProblems(file: string, problems: Dump['problems']): void {
  for (const p of problems) console.error(`${shown(file)}:${p.line + 1}: warning: ${shown(p.message)}`);
}

/** The whole text and its reading (entities need every article's text at once). */
function read(file: string) {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) return tooLarge(file, size);
    bytes = fs.readFileSync(file);
  } catch (e) {
    console.error(`corpus: cannot read ${shown(file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return undefined;
  }
  let input: ReturnType<typeof readDumpBytes>;
  try {
    input = readDumpBytes(bytes);
  } catch (e) {
    // ERR_STRING_TOO_LONG: the bytes fit in a Buffer but their text does not fit in a string.
    if (isTooLong(e)) return tooLarge(file, bytes.length);
    throw e;
  }
  printProblems(file, input.dump.problems);
  return input;
}

/**
 * Above these a dump is read in parts split at marker lines, as the extension's workers do, so no
 * whole copy of it sits in memory: small parts for listing articles; for search, parts the size
 * the extension splits at, each part a shard of the engine (ranked per shard, as the workers do).
 */
const LIST_PART_BYTES = 8 * 1024 * 1024;
const SEARCH_PART_BYTES = 32 * 1024 * 1024;

/**
 * A copy of `s` that does not hold on to the string it was cut from: V8 keeps a slice's whole
 * parent alive, and a title kept from each 32 MB part would keep every part's text.
 */
const detached = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

/**
 * The dump read part by part, each part's bytes, text and articles dropped once `visit` has seen
 * them (with the part's own reading and where it stands in the whole): memory stays that of one
 * part however many articles there are. Returns the whole reading without its articles.
 */
async function readParts(
  file: string,
  partBytes: number,
  visit: (text: string, dump: Dump, base: PartBase) => void | Promise<void>,
): Promise<Dump | undefined> {
  let fd: number | undefined;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) return tooLarge(file, size);
    fd = fs.openSync(file, 'r');
    const handle = fd;
    const bytesAt = (start: number, length: number) => {
      const b = Buffer.alloc(length);
      fs.readSync(handle, b, 0, length, start);
      return b;
    };
    const cuts = [0, ...(size > partBytes ? splitPoints(bytesAt, size, Math.ceil(size / partBytes)) : []), size];
    const shifted: Dump[] = [];
    let base: PartBase = { article: 0, offset: 0, line: 0 };
    for (let i = 0; i + 1 < cuts.length; i++) {
      const { text, dump } = readPart(bytesAt(cuts[i], cuts[i + 1] - cuts[i]), i === cuts.length - 2);
      await visit(text, dump, base);
      // The visitor has the articles; only the problems and line counts are kept for the whole.
      shifted.push(shiftDump({ ...dump, articles: [] }, base));
      // As partBases counts: a part's last line is the next part's first.
      base = {
        article: base.article + dump.articles.length,
        offset: base.offset + text.length,
        line: base.line + dump.lineCount - 1,
      };
    }
    const whole = joinParts(shifted);
    printProblems(file, whole.problems);
    return whole;
  } catch (e) {
    if (isTooLong(e)) return tooLarge(file, fs.statSync(file).size);
    console.error(`corpus: cannot read ${shown(file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Waits while stdout's buffer is full, so a long listing streams instead of piling up in memory. */
async function write(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}

const BATCH = 2000;

/** Records as a JSON array formatted as `JSON.stringify(records, null, 2)` would, written in batches as they come. */
class JsonArrayWriter {
  private out = '';
  private count = 0;

  /** Buffers one record; `flush` writes what is buffered. */
  add(record: unknown): void {
    const item = JSON.stringify(record, null, 2).replace(/\n/g, '\n  ');
    this.out += `${this.count++ ? ',\n' : '[\n'}  ${item}`;
  }

  async flush(): Promise<void> {
    if (this.out) await write(this.out);
    this.out = '';
  }

  async end(): Promise<void> {
    this.out += this.count ? '\n]\n' : '[]\n';
    await this.flush();
  }
}

async function writeJson(records: Iterable<unknown>): Promise<void> {
  const writer = new JsonArrayWriter();
  let n = 0;
  for (const r of records) {
    writer.add(r);
    if (++n % BATCH === 0) await writer.flush();
  }
  await writer.end();
}

/** Text lines, one per record, written in batches. */
async function writeLines<T>(records: Iterable<T>, line: (r: T) => string): Promise<void> {
  let out = '';
  let count = 0;
  for (const r of records) {
    out += `${line(r)}\n`;
    if (++count % BATCH === 0) {
      await write(out);
      out = '';
    }
  }
  if (out) await write(out);
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
  for (const p of reading.problems) console.error(`${shown(file)}: warning: ${shown(p)}`);
  return reading.gazetteer;
}

async function main(argv: string[]): Promise<number> {
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
    // Part by part: each part indexed, searched and let go, its best hits kept. Ranked per part
    // (BM25 over the part's articles), as the extension's workers rank a large dump's parts;
    // on a score tie the earlier part wins, as in one engine holding every part.
    type Hit = {
      index: number;
      name: string;
      title: string;
      date: string | null;
      score: number;
      line: number;
      column: number;
      snippet: string;
    };
    const found: { hit: Hit; rank: number }[] = [];
    const caps: PrefixCap[] = [];
    const read = await readParts(positional[0], SEARCH_PART_BYTES, (text, dump, base) => {
      const engine = new SearchEngine();
      engine.set('part', text, dump);
      const { hits, capped } = engine.search(parsed.query, limit);
      caps.push(...capped);
      const lines = hits.length ? new LineIndex(text) : undefined;
      for (const h of hits) {
        const pos = lines!.positionAt(h.matchStart);
        const article = shiftArticle(h.article, base);
        found.push({
          rank: h.score,
          hit: {
            index: article.index,
            name: detached(article.name),
            title: detached(article.title),
            date: article.date ? detached(article.date.value) : null,
            score: Math.round(h.score * 1000) / 1000,
            line: pos.line + base.line + 1,
            column: pos.character + 1,
            snippet: detached(h.snippet),
          },
        });
      }
      // Only the best `limit` can be printed: the rest go now, not after the last part.
      found.sort((a, b) => b.rank - a.rank).splice(limit);
    });
    if (!read) return 2;
    for (const c of mergeCaps(caps))
      console.error(
        `corpus: ${shown(c.prefix)}* begins ${c.total} words; only the ${c.kept} most frequent were searched.`,
      );
    // A stable sort: within a part the engine's order, across parts the earlier part first.
    const hits = found
      .sort((a, b) => b.rank - a.rank)
      .slice(0, limit)
      .map((f) => f.hit);
    if (json) await writeJson(hits);
    else if (!hits.length) console.log(`No articles match ${shown(positional[1])}.`);
    else
      await writeLines(
        hits,
        (h) =>
          `${h.index}\t${h.date ?? '—'}\t${h.line}:${h.column}\t${h.score}\t${shown(h.title)}\n\t${shown(h.snippet)}`,
      );
    return 0;
  }
  if (command === 'entities') {
    if (positional.length !== 1 || limitAt >= 0)
      return usageError('entities takes one FILE, --json, --mentions and --gazetteer G');
    if (gazetteerAt >= 0 && !rest[gazetteerAt + 1]) return usageError('--gazetteer takes a file');
    const gazetteer = rest.includes('--no-gazetteer')
      ? EMPTY_GAZETTEER
      : readGazetteer(gazetteerAt >= 0 ? rest[gazetteerAt + 1] : gazetteerPathFor(positional[0]), gazetteerAt >= 0);
    if (!gazetteer) return 2;
    if (rest.includes('--mentions')) {
      // Every mention's line and column: the whole text, once.
      const input = read(positional[0]);
      if (!input) return 2;
      const index = extractEntities(input.text, input.dump, gazetteer);
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
      if (json) await writeJson(records);
      else await writeLines(records, (r) => `${r.line}:${r.column}	${r.type}	${shown(r.text)}	${shown(r.entity)}`);
      return 0;
    }
    // Part after part: each part's text goes once its candidates are found and cut loose from it, so memory
    // holds one part's text and the candidates, not the whole dump; the corpus passes then see them all.
    const detached = new DetachedCandidates();
    const dates: (string | undefined)[] = [];
    const whole = await readParts(positional[0], LIST_PART_BYTES, (text, part, base) => {
      detached.add(text, findCandidates(text, part, gazetteer), base);
      for (const a of part.articles) dates.push(a.date?.value);
      // After every part (8 MB): on the 305 MB bench dump the peak is 0.80 GB so, 0.86–0.88 GB collecting
      // every 16 or 32 MB, 2.0 GB never.
      collectGarbage();
    });
    if (!whole) return 2;
    const index = entitiesOfCandidates(undefined, detached, gazetteer, false);
    const records = [...index.entities.values()]
      .sort((a, b) => b.mentions - a.mentions)
      .map((e) => {
        const spans = [...e.articles]
          .map((i) => dates[i])
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
          firstDate: spans[0] ?? null,
          lastDate: spans.at(-1) ?? null,
        };
      });
    if (json) await writeJson(records);
    else
      await writeLines(
        records,
        (r) =>
          `${r.type}\t${r.mentions}\t${r.articles}\t${shown(r.name)}${r.role ? ` (${shown(r.role)})` : ''}${r.aliases.length ? `\t= ${shown(r.aliases.join(', '))}` : ''}`,
      );
    return 0;
  }
  if (command !== 'articles') return usageError(`unknown command "${command}"`);
  if (positional.length !== 1 || limitAt >= 0) return usageError('articles takes one FILE and --json');
  // Records are made and written part by part: a million articles never sit in memory at once.
  const record = (a: Dump['articles'][number]) => ({
    index: a.index,
    name: a.name,
    title: a.title,
    source: a.source ?? null,
    date: a.date?.value ?? null,
    precision: a.date?.precision ?? null,
    kind: a.date?.kind ?? 'undated',
    startLine: a.startLine + 1,
    endLine: a.endLine + 1,
  });
  const writer = new JsonArrayWriter();
  let count = 0;
  const list = (articles: readonly Dump['articles'][number][], base: PartBase) => {
    if (json) return writeJsonRecords(writer, articles, (a) => record(shiftArticle(a, base)));
    count += articles.length;
    return writeLines(articles, (a) => {
      const r = record(shiftArticle(a, base));
      return `${r.index}\t${r.date ?? '—'}\t${r.kind}\t${r.startLine}-${r.endLine}\t${shown(r.name)}\t${shown(r.title)}`;
    });
  };
  const dump =
    (await sizeOf(positional[0])) >= WORKER_LIST_BYTES
      ? await listOnWorkers(positional[0], list)
      : await readParts(positional[0], LIST_PART_BYTES, (_text, part, base) => list(part.articles, base));
  if (!dump) return 2;
  if (json) await writer.end();
  else if (!count) console.log('No articles: the file has no <<<FILE>>> marker line.');
  return 0;
}

async function writeJsonRecords<T>(writer: JsonArrayWriter, items: readonly T[], record: (item: T) => unknown) {
  let n = 0;
  for (const item of items) {
    writer.add(record(item));
    if (++n % BATCH === 0) await writer.flush();
  }
}

/** Files at least this large are listed by the corpus workers, as the extension reads them: from the bytes, on every core. */
const WORKER_LIST_BYTES = 8 * 1024 * 1024;

async function sizeOf(file: string): Promise<number> {
  try {
    return (await fs.promises.stat(file)).size;
  } catch {
    return 0;
  }
}

/** The articles of a large dump read on the worker threads (dist/corpusWorker.js beside this file), then listed. */
async function listOnWorkers(
  file: string,
  list: (articles: readonly Dump['articles'][number][], base: PartBase) => Promise<void>,
): Promise<Dump | undefined> {
  const size = fs.statSync(file).size;
  if (size > MAX_FILE_BYTES) return tooLarge(file, size);
  const pool = new CorpusWorkerPool();
  // The pool's workers do not keep a process alive (an editor must be able to quit); here something must.
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    // The view's own path: the workers' packed tables, then the dates only the text gives (see parseFile).
    const dump = await pool.parseFile(file).complete;
    await list(dump.articles, { article: 0, offset: 0, line: 0 });
    printProblems(file, dump.problems);
    return dump;
  } catch (e) {
    console.error(`corpus: cannot read ${shown(file)}: ${(e as Error).message}`);
    return undefined;
  } finally {
    clearInterval(keepAlive);
    pool.dispose();
  }
}

// A reader that closes the pipe early (`| head`) ends the listing, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`corpus: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  },
);
