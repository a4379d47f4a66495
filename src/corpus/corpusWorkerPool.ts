import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Dump } from '../core/dump/types';
import { joinParts, partBases, shiftDump, splitPoints, type PartBase } from '../core/dump/parts';
import type { EntityCard } from '../core/entities/card';
import { type ListedEntity, mergeListings, placeListing } from '../core/entities/listing';
import { mergeFirstNames, mergePersonTails, mergeVotes } from '../core/entities/partExtraction';
import type { MentionSpans } from '../core/entities/spans';
import type { Gazetteer } from '../core/entities/gazetteer';
import type { ConcordanceLine, SearchHit } from '../core/search/engine';
import type { SearchQuery } from '../core/search/query';
import type { StatsReply, StatsRequest } from '../core/stats/request';
import type { EntityStep, IndexSource, IndexSummary } from '../worker/protocol';
import { CancelledError, CorpusWorkerClient, type Job } from './corpusWorkerClient';
import { placeHit, placeLine, type Placement } from './partPlacement';

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

  /** A file, read whole on one worker or, when large, in parts on all of them. */
  parseFile(filePath: string, onProgress?: (f: number) => void, key = filePath, version = 'file'): Job<Dump> {
    const size = fs.statSync(filePath).size;
    if (size < this.splitBytes || this.workers.length === 1) {
      return this.workers[this.place(key, size)].parseFile(filePath, onProgress, key, version);
    }
    const fd = fs.openSync(filePath, 'r');
    let cuts: number[];
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
      cuts = [0, ...points, size];
    } finally {
      fs.closeSync(fd);
    }
    const parts: Part[] = cuts.slice(0, -1).map((_, i) => ({ worker: i, key: `${key}#part${i}` }));
    this.parts.set(key, parts);
    const jobs = parts.map((p, i) =>
      this.workers[p.worker].loadPart({
        path: filePath,
        start: cuts[i],
        end: cuts[i + 1],
        last: i === parts.length - 1,
        key: p.key,
        version,
      }),
    );
    let done = 0;
    const result = (async () => {
      const read = await Promise.all(
        jobs.map((j) =>
          j.result.then((r) => {
            onProgress?.(++done / (jobs.length + 1));
            return r;
          }),
        ),
      );
      const bases = partBases(
        read.map((r) => ({ articles: r.dump.articles.length, textLength: r.textLength, lineCount: r.dump.lineCount })),
      );
      parts.forEach((p, i) => {
        p.base = bases[i];
        this.placements.set(p.key, { dumpKey: key, base: bases[i] });
      });
      return joinParts(read.map((r, i) => shiftDump(r.dump, bases[i])));
    })();
    return {
      result,
      cancel: () => {
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
    const result = Promise.all(jobs.map((j) => j.result)).then((all) => ({
      dumps: dumps.length,
      articles: all.reduce((n, s) => n + s.articles, 0),
      fromCache: all.reduce((n, s) => n + s.fromCache, 0),
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
  async query(query: SearchQuery, limit: number): Promise<SearchHit[]> {
    const all = await Promise.all(this.workers.map((w) => w.query(query, limit)));
    return all
      .flat()
      .map((hit) => {
        const at = this.placements.get(hit.dumpKey);
        return at ? placeHit(hit, at) : hit;
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
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
      const votes = mergeVotes((await each((p, i) => step(p, { step: 'votes', gazetteer }, i))).map((r) => r.votes!));
      const firstNames = mergeFirstNames(
        (await each((p) => step(p, { step: 'applyVotes', corpus: votes }))).map((r) => r.firstNames!),
      );
      const tails = mergePersonTails(
        (await each((p) => step(p, { step: 'keyPeople', firstNames }))).map((r) => r.tails!),
      );
      const listings = await each((p) => step(p, { step: 'finish', tails }));
      return mergeListings(listings.map((r, i) => placeListing(r.listing!, parts[i].base!)));
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

  /** A statistic of one dump, on the worker that holds it (a dump split in parts is refused for now). */
  stats(key: string, request: StatsRequest, onProgress?: (f: number) => void): Job<StatsReply> {
    const parts = this.parts.get(key);
    if (parts?.length !== 1) {
      const error = new Error(
        parts
          ? 'Statistics of a dump split across workers (over 32 MB) are not available yet'
          : `No worker holds ${key}`,
      );
      return { result: Promise.reject(error), cancel: () => undefined };
    }
    return this.workers[parts[0].worker].stats(key, request, onProgress);
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
  }
}
