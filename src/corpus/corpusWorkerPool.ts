import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Article, Dump } from '../core/dump/types';
import { joinParts, partBases, shiftDump, splitPoints, type PartBase } from '../core/dump/parts';
import type { EntityCard } from '../core/entities/card';
import { type ListedEntity, mergeListings } from '../core/entities/listing';
import { unpackListing } from '../core/entities/packedListing';
import { mergeFirstNames, mergePersonTails, mergeVotes } from '../core/entities/partExtraction';
import type { MentionSpans } from '../core/entities/spans';
import type { Gazetteer } from '../core/entities/gazetteer';
import { type ConcordanceLine, mergeCaps, type SearchResult } from '../core/search/engine';
import type { SearchQuery } from '../core/search/query';
import type { StatsReply, StatsRequest } from '../core/stats/request';
import { splitsByArticle } from '../core/stats/articleShares';
import { mergeShares } from '../core/stats/shares';
import type { EntityStep, IndexSource, IndexSummary } from '../worker/protocol';
import { CancelledError, CorpusWorkerClient, type Job, unpackInTurns, withDatesInTurns } from './corpusWorkerClient';
import { placeHit, placeLine, type Placement } from './partPlacement';
import { mark } from '../worker/timeline';
import { CACHE_MIN_CHARS, loadReadingAsync, readingKey } from '../worker/readingCache';
import type { ArticleTable } from '../core/dump/articleTable';

/** A file's reading: `result` as soon as the bytes are read, `complete` with the dates inferred from the text. */
export interface ReadJob extends Job<Dump> {
  readonly complete: Promise<Dump>;
}

/** What a part's reading gives the pool: its articles' table and the rest of the reading, local to the part. */
interface PartReading {
  readonly dump: Dump;
  readonly table: ArticleTable;
  readonly textLength: number;
}

/**
 * Every part's reading from the cache, read off this thread, or undefined unless all are there
 * (then the workers send theirs). Found by the key the workers use (size, time, sampled blocks).
 */
async function cachedParts(
  filePath: string,
  cuts: readonly number[],
  cacheDir: string,
): Promise<PartReading[] | undefined> {
  try {
    const keys = cuts
      .slice(0, -1)
      .map((start, i) =>
        cuts[i + 1] - start >= CACHE_MIN_CHARS ? readingKey(filePath, start, cuts[i + 1]) : undefined,
      );
    if (keys.some((k) => k === undefined)) return undefined;
    const readings = await Promise.all(keys.map((k) => loadReadingAsync(cacheDir, k!)));
    mark('host: cached readings loaded');
    if (readings.some((r) => !r)) return undefined;
    return readings.map((r) => ({ dump: { ...r!.rest, articles: [] }, table: r!.table, textLength: r!.textLength }));
  } catch {
    return undefined;
  }
}

/** A part's reading as a worker sent it, asked for with its table. */
function tabled(r: { dump: Dump; table?: ArticleTable; textLength: number }): PartReading {
  if (!r.table) throw new Error('A part came back without its table');
  return { dump: r.dump, table: r.table, textLength: r.textLength };
}

/** Files at least this large are read, indexed and searched in parts, one per worker. */
export const SPLIT_BYTES = 32 * 1024 * 1024;

interface Part {
  readonly worker: number;
  readonly key: string;
  base?: PartBase;
  /** What this part adds to its worker's load (characters or bytes), given back when the dump is dropped. */
  readonly size?: number;
}

/**
 * The corpus worker threads, one per core (at most 4). A large file is split at marker lines into
 * one part per worker, so reading, indexing and searching it use every core; smaller dumps go to
 * one worker each, spread by size. Results come back already placed in their whole dump.
 */
export class CorpusWorkerPool {
  private readonly workers: CorpusWorkerClient[];
  /** dump key → where its parts live; a dump read whole has one part, keyed as itself. */
  private readonly parts = new Map<string, Part[]>();
  /** part key → its dump and base: workers answer local to a part, and the pool places the answers. */
  private readonly placements = new Map<string, Placement>();
  private readonly load: number[];
  /** Split dumps whose parts are joined (or joining) for the statistics on their first part's worker. */
  private readonly joined = new Map<string, Promise<number[]>>();

  constructor(
    scriptPath?: string,
    size = Math.max(1, Math.min(4, os.cpus().length)),
    private readonly splitBytes = SPLIT_BYTES,
  ) {
    this.workers = Array.from({ length: size }, () => new CorpusWorkerClient(scriptPath));
    this.load = this.workers.map(() => 0);
  }

  /** An open document's text, read on one worker, which keeps it for search. */
  parseText(text: string, onProgress?: (f: number) => void, key?: string, version?: string): Job<Dump> {
    const worker = key ? this.place(key, text.length) : 0;
    return this.workers[worker].parseText(text, onProgress, key, version);
  }

  /**
   * A file, read whole on one worker or, when large, in parts on all of them, from its bytes.
   * `result` is the reading without the dates that only the text can give; `complete`, the whole
   * reading, once the workers have inferred them (asked for along with the read, so the workers
   * answer before decoding the text for search).
   */
  parseFile(
    filePath: string,
    onProgress?: (f: number) => void,
    key = filePath,
    version = 'file',
    cacheDir?: string,
  ): ReadJob {
    const size = fs.statSync(filePath).size;
    // A reading from the cache whose file has changed since: read afresh, and that is the whole reading.
    const afresh = () => this.parseFile(filePath, undefined, key, version).complete;
    if (size < this.splitBytes || this.workers.length === 1) {
      const worker = this.workers[this.place(key, size)];
      const job = worker.parseFile(filePath, onProgress, key, version, cacheDir);
      const result = job.result.then(async (r) => {
        mark('host: reading in');
        const dump = { ...r.dump, articles: await unpackInTurns(r.table) };
        mark('host: articles made');
        return dump;
      });
      // Asked for once the view has its articles: the worker's later work (dates, hash, reading cache) waits for it.
      const complete = result.then(async (dump) => {
        const { dates: found, stale } = await worker.dates(key);
        return stale ? afresh() : withDatesInTurns(dump, found);
      });
      complete.catch(() => undefined);
      return { result, complete, cancel: job.cancel };
    }
    mark('host: parseFile');
    const cuts = this.cuts(filePath, size);
    mark('host: cuts found');
    const parts: Part[] = cuts.slice(0, -1).map((_, i) => ({ worker: i, key: `${key}#part${i}` }));
    this.parts.set(key, parts);
    this.joined.delete(key);
    // Reopened: the host takes in the cached readings itself while the workers start and load theirs.
    const early = cacheDir ? cachedParts(filePath, cuts, cacheDir) : undefined;
    const read = this.readParts(filePath, cuts, parts, version, { cacheDir }, onProgress, early);
    const reading = read.result.then(({ dump, bases }) => {
      parts.forEach((p, i) => {
        p.base = bases[i];
        this.placements.set(p.key, { dumpKey: key, base: bases[i] });
      });
      return { dump, bases };
    });
    // Asked for once the view has its articles: the workers' later work (dates, hash, reading cache) waits for it.
    const complete = reading.then(async ({ dump, bases }) => {
      const found = await Promise.all(parts.map((p) => this.workers[p.worker].dates(p.key)));
      if (found.some((f) => f.stale)) return afresh();
      const placed = found.flatMap((f, i) => f.dates.map(([a, d]) => [a + bases[i].article, d] as const));
      return withDatesInTurns(dump, placed);
    });
    complete.catch(() => undefined);
    return { result: reading.then((r) => r.dump), complete, cancel: read.cancel };
  }

  /** Byte offsets that cut a file into one part per worker, at marker lines. */
  private cuts(filePath: string, size: number): number[] {
    const fd = fs.openSync(filePath, 'r');
    try {
      const points = splitPoints(
        (start, length) => {
          const b = Buffer.alloc(length);
          fs.readSync(fd, b, 0, length, start);
          return b;
        },
        size,
        this.workers.length,
      );
      return [0, ...points, size];
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The parts read on their workers, and joined: each part's articles unpacked already placed in the whole. */
  private readParts(
    filePath: string,
    cuts: number[],
    parts: readonly { worker: number; key: string }[],
    version: string,
    options: { cacheDir?: string },
    onProgress?: (f: number) => void,
    early?: Promise<PartReading[] | undefined>,
  ): Job<{ dump: Dump; bases: PartBase[] }> {
    let jobs: Job<{ dump: Dump; table?: ArticleTable; textLength: number }>[] = [];
    let cancelled = false;
    for (const p of parts) this.workers[p.worker].willHold(p.key, version);
    const result = (async () => {
      // Reopened: the parts are asked for once the host has its cached readings (the workers' scripts are
      // still loading by then), and then without their tables, which the host would only read twice.
      const cached = await early;
      if (cancelled) throw new CancelledError();
      jobs = parts.map((p, i) =>
        this.workers[p.worker].loadPart({
          path: filePath,
          start: cuts[i],
          end: cuts[i + 1],
          last: i === parts.length - 1,
          key: p.key,
          version,
          ...options,
          tableless: !!cached,
        }),
      );
      let done = 0;
      const fromWorkers = jobs.map((j) =>
        j.result.then((r) => {
          mark('host: part reading in');
          onProgress?.(++done / (jobs.length + 1));
          return r;
        }),
      );
      // Awaited one by one below: a part failing while an earlier one is awaited is not an unhandled rejection.
      for (const f of fromWorkers) f.catch(() => undefined);
      // The workers' readings are the same (a stale cache is caught by their check); a failed part still fails the dump.
      // Each part's articles are made as soon as it and the parts before it are in (its base needs
      // theirs), while the later parts are still being read.
      const read: PartReading[] = [];
      const articles: Article[] = [];
      let bases: PartBase[] = [];
      for (let i = 0; i < jobs.length; i++) {
        read.push(cached ? cached[i] : tabled(await fromWorkers[i]));
        bases = partBases(
          read.map((r) => ({ articles: r.table.count, textLength: r.textLength, lineCount: r.dump.lineCount })),
        );
        await unpackInTurns(read[i].table, bases[i], articles);
        mark(`host: part ${i} articles made`);
      }
      mark('host: articles made');
      const joined = joinParts(read.map((r, i) => shiftDump(r.dump, bases[i])));
      return { dump: { ...joined, articles }, bases };
    })();
    return {
      result,
      cancel: () => {
        cancelled = true;
        for (const j of jobs) j.cancel();
      },
    };
  }

  /** Characters [start, end) of a dump a worker holds, from the part that has them. */
  slice(key: string, start: number, end: number): Promise<string> {
    const parts = this.parts.get(key);
    if (!parts) return Promise.reject(new Error(`No worker holds ${key}`));
    const part = [...parts].reverse().find((p) => (p.base?.offset ?? 0) <= start) ?? parts[0];
    const offset = part.base?.offset ?? 0;
    return this.workers[part.worker].slice(part.key, start - offset, end - offset);
  }

  holds(key: string, version: string): boolean {
    const parts = this.parts.get(key);
    return !!parts && parts.every((p) => this.workers[p.worker].holds(p.key, version));
  }

  /** Indexes every dump listed on the workers that hold it (texts not yet held go to the least loaded), and drops the rest. */
  index(
    dumps: IndexSource[],
    cacheDir: string | undefined,
    onProgress?: (f: number, message?: string) => void,
  ): Job<IndexSummary> {
    const perWorker: IndexSource[][] = this.workers.map(() => []);
    for (const d of dumps) {
      const parts = this.holds(d.key, d.version)
        ? this.parts.get(d.key)!
        : [{ worker: this.place(d.key, d.text?.length ?? 0), key: d.key }];
      for (const p of parts) perWorker[p.worker].push(p.key === d.key ? d : { key: p.key, version: d.version });
    }
    const listed = new Set(dumps.map((d) => d.key));
    for (const key of [...this.parts.keys()]) if (!listed.has(key)) this.drop(key);
    const fractions = this.workers.map(() => 0);
    const jobs = this.workers.map((w, i) =>
      w.index(perWorker[i], cacheDir, (f, m) => {
        fractions[i] = f;
        onProgress?.(fractions.reduce((a, b) => a + b, 0) / fractions.length, m);
      }),
    );
    mark('host: index asked');
    const result = Promise.all(jobs.map((j) => j.result)).then((all) => ({
      dumps: dumps.length,
      articles: all.reduce((n, s) => n + s.articles, 0),
      fromCache: all.reduce((n, s) => n + s.fromCache, 0),
      updated: all.reduce((n, s) => n + s.updated, 0),
      built: all.reduce((n, s) => n + s.built, 0),
    }));
    return {
      result,
      cancel: () => {
        for (const j of jobs) j.cancel();
      },
    };
  }

  /** Every worker's best hits, merged by score. */
  async query(query: SearchQuery, limit: number): Promise<SearchResult> {
    const all = await Promise.all(this.workers.map((w) => w.query(query, limit)));
    const hits = all
      .flatMap((r) => r.hits)
      .map((hit) => {
        const at = this.placements.get(hit.dumpKey);
        return at ? placeHit(hit, at) : hit;
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    return { hits, capped: mergeCaps(all.flatMap((r) => r.capped)) };
  }

  async concordance(query: SearchQuery, max: number): Promise<{ lines: ConcordanceLine[]; truncated: boolean }> {
    const all = await Promise.all(this.workers.map((w) => w.concordance(query, max)));
    const lines = all
      .flatMap((r) => r.lines)
      .map((line) => {
        const at = this.placements.get(line.dumpKey);
        return at ? placeLine(line, at) : line;
      })
      .sort((a, b) => a.dumpKey.localeCompare(b.dumpKey) || a.start - b.start);
    return { lines: lines.slice(0, max), truncated: lines.length > max || all.some((r) => r.truncated) };
  }

  /**
   * Entities of a dump, found and kept on the workers that hold it, listed without their mentions. A dump in
   * parts goes through the steps of PartExtraction on every part, the parts' evidence merged between steps,
   * so each name gets one type and each person one key across the whole dump.
   */
  entities(
    key: string,
    version: string,
    source: { text?: string; path?: string },
    gazetteer: Gazetteer,
    onProgress?: (f: number) => void,
  ): Job<ListedEntity[]> {
    const parts = this.holds(key, version) ? this.parts.get(key)! : undefined;
    if (!parts || parts.length === 1) {
      const worker = parts ? parts[0].worker : this.place(key, source.text?.length ?? 0);
      return this.workers[worker].entities(key, version, source, gazetteer, onProgress);
    }
    const running = new Set<Job<unknown>>();
    let stopped = false;
    const fractions = parts.map(() => 0);
    const each = async <T>(make: (p: Part, i: number) => Job<T>): Promise<T[]> => {
      if (stopped) throw new CancelledError();
      return Promise.all(
        parts.map((p, i) => {
          const job = make(p, i);
          running.add(job);
          return job.result.finally(() => running.delete(job));
        }),
      );
    };
    const step = (p: Part, s: EntityStep, i = 0) =>
      this.workers[p.worker].entityStep(
        p.key,
        s,
        // The article passes are nearly all the work: their progress is the progress.
        (f) => {
          fractions[i] = f;
          onProgress?.(fractions.reduce((a, b) => a + b, 0) / fractions.length);
        },
      );
    const result = (async () => {
      const votes = mergeVotes(
        (await each((p, i) => step(p, { step: 'votes', gazetteer, firstArticle: p.base?.article ?? 0 }, i))).map(
          (r) => r.votes!,
        ),
      );
      const firstNames = mergeFirstNames(
        (await each((p) => step(p, { step: 'applyVotes', corpus: votes }))).map((r) => r.firstNames!),
      );
      const tails = mergePersonTails(
        (await each((p) => step(p, { step: 'keyPeople', firstNames }))).map((r) => r.tails!),
      );
      const listings = await each((p) => step(p, { step: 'finish', tails, base: p.base! }));
      return mergeListings(listings.map((r) => unpackListing(r.listing!)));
    })();
    return {
      result,
      cancel: () => {
        stopped = true;
        for (const j of running) j.cancel();
      },
    };
  }

  /** The worker that holds a dump whole, for what only a whole text answers (an open document's cards). */
  private wholeHolder(key: string): CorpusWorkerClient {
    const parts = this.parts.get(key);
    if (parts?.length !== 1) throw new Error(`No worker holds ${key} whole`);
    return this.workers[parts[0].worker];
  }

  /** Every mention's span and type in a dump whose entities a worker holds. */
  async entitySpans(key: string): Promise<MentionSpans> {
    return this.wholeHolder(key).entitySpans(key);
  }

  /** The spans of every mention of the entity mentioned at `offset`. */
  async entityRefs(key: string, offset: number): Promise<MentionSpans> {
    return this.wholeHolder(key).entityRefs(key, offset);
  }

  /** The hover card of the mention at `offset`, with the mention's span; undefined where there is none. */
  async entityCard(key: string, offset: number): Promise<{ card: EntityCard; start: number; end: number } | undefined> {
    const r = await this.wholeHolder(key).entityCard(key, offset);
    return r.card && r.start !== undefined && r.end !== undefined
      ? { card: r.card, start: r.start, end: r.end }
      : undefined;
  }

  /**
   * A statistic of one dump, on the worker that holds it. A dump split in parts is counted whole:
   * every worker reads its part's words at once and they are joined (joinStatsParts); a word or
   * n-gram list of a dump in two parts is then computed in two shares, one a worker, and merged
   * (src/core/stats/shares.ts); collocates, keywords, trends and dispersion are counted by article,
   * each worker its share, and scored on the first part's worker from the sums
   * (src/core/stats/articleShares.ts); rising and falling words on that worker alone.
   */
  stats(key: string, request: StatsRequest, onProgress?: (f: number) => void): Job<StatsReply> {
    const parts = this.parts.get(key);
    if (!parts) return { result: Promise.reject(new Error(`No worker holds ${key}`)), cancel: () => undefined };
    if (parts.length === 1) return this.workers[parts[0].worker].stats(key, request, onProgress);
    let inner: { cancel(): void }[] = [];
    let cancelled = false;
    // The jobs running now (what cancel stops), and their results.
    const running = <T>(jobs: Job<T>[]) => {
      inner = jobs;
      return Promise.all(jobs.map((j) => j.result));
    };
    const run = async (retry: boolean): Promise<StatsReply> => {
      const on = await this.joinStatsParts(key, parts, onProgress);
      if (cancelled) throw new CancelledError();
      try {
        if (request.stat === 'words' && on.length > 1)
          return mergeShares(
            request,
            await running(
              on.map((w, index) =>
                this.workers[w].stats(key, request, index ? undefined : onProgress, { index, of: on.length }),
              ),
            ),
          );
        if (splitsByArticle(request) && on.length > 1) {
          const partials = await running(
            on.map((w, index) =>
              this.workers[w].statsPartial(key, request, { index, of: on.length }, index ? undefined : onProgress),
            ),
          );
          if (cancelled) throw new CancelledError();
          return (await running([this.workers[on[0]].statsFinish(key, request, partials)]))[0];
        }
        return (await running([this.workers[on[0]].stats(key, request, onProgress)]))[0];
      } catch (error) {
        // The joined words went with a restarted worker: join again, once.
        if (!retry || cancelled || !/no longer holds/.test(String(error))) throw error;
        this.joined.delete(key);
        return run(false);
      }
    };
    return {
      result: run(true),
      cancel: () => {
        cancelled = true;
        for (const j of inner) j.cancel();
      },
    };
  }

  /**
   * Joins a split dump's parts for the statistics, once per reading (the promise is kept), and
   * says on which workers. Two parts on two workers: each hands the other a copy of its words
   * (transferred) and both join, so both can count shares. More parts: the others hand theirs
   * over to the first part's worker, which alone joins. Progress: each part read is a share of
   * the first nine tenths.
   */
  private joinStatsParts(key: string, parts: readonly Part[], onProgress?: (f: number) => void): Promise<number[]> {
    let joining = this.joined.get(key);
    if (!joining) {
      const main = parts[0].worker;
      const both = parts.length === 2 && parts[0].worker !== parts[1].worker;
      let read = 0;
      joining = Promise.all(
        parts.map((p) =>
          this.workers[p.worker].statsPart(p.key, both || p.worker !== main, both).then((part) => {
            onProgress?.((0.9 * ++read) / parts.length);
            return part;
          }),
        ),
      ).then(async (sent) => {
        const on = both ? parts.map((p) => p.worker) : [main];
        await Promise.all(
          on.map((w) =>
            this.workers[w].statsJoin(
              key,
              parts.map((p, i) => (p.worker === w ? { key: p.key } : { part: sent[i]! })),
            ),
          ),
        );
        return on;
      });
      joining.catch(() => {
        if (this.joined.get(key) === joining) this.joined.delete(key);
      });
      this.joined.set(key, joining);
    }
    return joining;
  }

  /** Each worker's heap and typed arrays in bytes, after a full collection (for the benchmarks). */
  memory(): Promise<{ heapUsed: number; arrayBuffers: number }[]> {
    return Promise.all(this.workers.map((w) => w.memory()));
  }

  dispose(): void {
    for (const w of this.workers) w.dispose();
  }

  /** The worker for a dump read whole: where it already is, else the least loaded. */
  private place(key: string, size: number): number {
    const known = this.parts.get(key);
    if (known?.length === 1) return known[0].worker;
    let best = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i] < this.load[best]) best = i;
    this.drop(key);
    this.load[best] += size;
    this.parts.set(key, [{ worker: best, key, size }]);
    return best;
  }

  /** Forgets where a dump lives, and takes it off its worker's load. */
  private drop(key: string): void {
    for (const p of this.parts.get(key) ?? []) {
      this.load[p.worker] -= p.size ?? 0;
      this.placements.delete(p.key);
    }
    this.parts.delete(key);
    this.joined.delete(key);
  }
}
