import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type ArticleTable, articleSlices } from '../core/dump/articleTable';
import type { PartBase } from '../core/dump/parts';
import type { Article, ArticleDate, Dump } from '../core/dump/types';
import type { ListedEntity } from '../core/entities/listing';
import { unpackListing } from '../core/entities/packedListing';
import type { MentionSpans } from '../core/entities/spans';
import type { Gazetteer } from '../core/entities/gazetteer';
import type { ConcordanceLine, SearchResult } from '../core/search/engine';
import type { SearchQuery } from '../core/search/query';
import { type ArticleSplitRequest, partialBuffers, type StatsPartial } from '../core/stats/articleShares';
import type { Share } from '../core/stats/frequency';
import type { StatsReply, StatsRequest } from '../core/stats/request';
import { type CorpusPart, partBuffers } from '../core/stats/streamParts';
import {
  type EntityStep,
  REPLY_KINDS,
  type IndexSource,
  type IndexSummary,
  type Replies,
  type RequestKind,
  type RequestOf,
  type WorkerRequest,
  type WorkerResponse,
  type WorkerResult,
} from '../worker/protocol';

interface Pending {
  resolve: (result: WorkerResult) => void;
  reject: (error: Error) => void;
  onProgress?: (fraction: number, message?: string) => void;
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
  }
}

export interface Job<T> {
  readonly result: Promise<T>;
  cancel(): void;
}

/** One part of a large file to read and hold: bytes [start, end), `last` if it ends the file. */
export interface PartRequest {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly last: boolean;
  readonly key: string;
  readonly version: string;
  /** The host has the part's reading (from the cache): the worker holds it but sends no table back. */
  readonly tableless?: boolean;
  readonly cacheDir?: string;
}

/** Articles made or changed in one turn of the extension host's event loop: a few ms, even on a loaded machine. */
const TURN = 1_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A table's articles as objects, 1,000 at a time with a turn of the event loop between: the
 * extension host is never held long, even for 100,000 articles. `base` places a part's articles;
 * `into` is the array they are added to (one for the parts of a dump).
 */
export async function unpackInTurns(table: ArticleTable, base?: PartBase, into: Article[] = []): Promise<Article[]> {
  for (const slice of articleSlices(table, base, TURN)) {
    await nextTurn();
    for (const a of slice) into.push(a);
  }
  return into;
}

/** The reading with these dates set, as withDates sets them, 1,000 at a time with a turn between. */
export async function withDatesInTurns(dump: Dump, dates: readonly (readonly [number, ArticleDate])[]): Promise<Dump> {
  if (!dates.length) return dump;
  const articles = dump.articles.slice();
  for (let k = 0; k < dates.length; k += TURN) {
    await nextTurn();
    for (let j = k; j < Math.min(dates.length, k + TURN); j++) {
      const [i, date] = dates[j];
      articles[i] = { ...articles[i], date };
    }
  }
  return { ...dump, articles };
}

const NOTHING_INDEXED: IndexSummary = { dumps: 0, articles: 0, fromCache: 0, updated: 0, built: 0 };

function then<T, U>(job: Job<T>, f: (value: T) => U | Promise<U>): Job<U> {
  return { cancel: job.cancel, result: job.result.then(f) };
}

/**
 * The corpus worker thread, seen from the extension host: it reads and parses dumps, keeps their
 * texts, indexes them and answers searches. Plain Node, no `vscode`, so the benchmark drives it too.
 */
export class CorpusWorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** What the worker holds: key → version. Cleared if the worker dies. */
  private readonly held = new Map<string, string>();

  constructor(private readonly scriptPath = path.join(__dirname, 'corpusWorker.js')) {}

  parseText(text: string, onProgress?: (f: number) => void, key?: string, version?: string): Job<Dump> {
    if (key && version) this.held.set(key, version);
    return then(this.request('parseText', { text, key, version }, onProgress), async (r) => ({
      ...r.dump,
      articles: await unpackInTurns(r.table),
    }));
  }

  /** A file, read from its bytes; `pending` articles may get a date inferred from the text later (`dates`). */
  parseFile(
    filePath: string,
    onProgress?: (f: number) => void,
    key?: string,
    version?: string,
    cacheDir?: string,
  ): Job<{ dump: Dump; table: ArticleTable; pending?: number }> {
    if (key && version) this.held.set(key, version);
    return this.request('parseFile', { path: filePath, key, version, cacheDir }, onProgress);
  }

  /** Reads one part of a large file and keeps it; its reading comes back local to the part (the pool places it). */
  loadPart(part: PartRequest): Job<{ dump: Dump; table?: ArticleTable; textLength: number; pending?: number }> {
    this.willHold(part.key, part.version);
    return this.request('loadPart', part);
  }

  /**
   * A part about to be asked for (loadPart): it counts as held from now (an index asked for
   * meanwhile goes to it), and the worker thread starts now if it has not, its script loading
   * while the host reads the part's cached reading.
   */
  willHold(key: string, version: string): void {
    this.held.set(key, version);
    this.ensureWorker();
  }

  /**
   * The dates inferred from the text for the articles a file's reading left pending: [index, date];
   * `stale` if the reading came from the cache and the file has changed since.
   */
  dates(key: string): Promise<{ dates: [number, ArticleDate][]; stale?: boolean }> {
    return this.request('dates', { key }).result;
  }

  slice(key: string, start: number, end: number): Promise<string> {
    return then(this.request('slice', { key, start, end }), (r) => r.text).result;
  }

  /** Whether the worker already holds this version of a dump, so its text need not be sent. */
  holds(key: string, version: string): boolean {
    return this.held.get(key) === version;
  }

  index(
    dumps: IndexSource[],
    cacheDir: string | undefined,
    onProgress?: (f: number, message?: string) => void,
  ): Job<IndexSummary> {
    this.held.clear();
    for (const d of dumps) this.held.set(d.key, d.version);
    // A thread never started holds nothing: started only to say so, a reopened dump's index would wait for its script.
    if (!dumps.length && !this.worker) return { result: Promise.resolve(NOTHING_INDEXED), cancel: () => undefined };
    return then(this.request('index', { dumps, cacheDir }, onProgress), (r) => r.summary);
  }

  query(query: SearchQuery, limit: number): Promise<SearchResult> {
    if (!this.worker) return Promise.resolve({ hits: [], capped: [] });
    return then(this.request('query', { query, limit }), (r) => ({ hits: r.hits, capped: r.capped })).result;
  }

  concordance(query: SearchQuery, max: number): Promise<{ lines: ConcordanceLine[]; truncated: boolean }> {
    if (!this.worker) return Promise.resolve({ lines: [], truncated: false });
    return this.request('concordance', { query, max }).result;
  }

  /**
   * Entities of a dump, found and kept on the worker, listed without their mentions; the text or path is
   * needed only if the worker does not hold that version.
   */
  entities(
    key: string,
    version: string,
    source: { text?: string; path?: string },
    gazetteer: Gazetteer,
    onProgress?: (f: number) => void,
  ): Job<ListedEntity[]> {
    const text = this.holds(key, version) ? undefined : source.text;
    const path = this.holds(key, version) ? undefined : source.path;
    this.held.set(key, version);
    return then(this.request('entities', { key, version, text, path, gazetteer }, onProgress), (r) =>
      unpackListing(r.listing),
    );
  }

  /** One step of the entities of a part this worker holds (see PartExtraction). */
  entityStep(key: string, step: EntityStep, onProgress?: (f: number) => void): Job<Replies['entityStep']> {
    return this.request('entityStep', { key, step }, onProgress);
  }

  entitySpans(key: string): Promise<MentionSpans> {
    return then(this.request('entitySpans', { key }), (r) => r.spans).result;
  }

  entityRefs(key: string, offset: number): Promise<MentionSpans> {
    return then(this.request('entityRefs', { key, offset }), (r) => r.spans).result;
  }

  entityCard(key: string, offset: number): Promise<Replies['entityCard']> {
    return this.request('entityCard', { key, offset }).result;
  }

  /** A statistic of a dump this worker holds and has indexed. */
  stats(key: string, request: StatsRequest, onProgress?: (f: number) => void, share?: Share): Job<StatsReply> {
    return then(this.request('stats', { key, request, share }, onProgress), (r) => r.reply);
  }

  /** The counts of a split statistic over this worker's share of a joined dump's articles. */
  statsPartial(
    key: string,
    request: ArticleSplitRequest,
    share: Share,
    onProgress?: (f: number) => void,
  ): Job<StatsPartial> {
    return then(this.request('statsPartial', { key, request, share }, onProgress), (r) => r.partial);
  }

  /** A split statistic from every share's counts (sent transferred: they are not used here after). */
  statsFinish(key: string, request: ArticleSplitRequest, partials: StatsPartial[]): Job<StatsReply> {
    const transfer = partials.flatMap(partialBuffers);
    return then(this.request('statsFinish', { key, request, partials }, undefined, transfer), (r) => r.reply);
  }

  /** Reads a held part's words for the statistics; with `send`, they come back (transferred) and the worker keeps none. */
  statsPart(key: string, send: boolean, keep = false): Promise<CorpusPart | undefined> {
    return then(this.request('statsPart', { key, send, keep }), (r) => r.part).result;
  }

  /** Joins a split dump's parts on this worker: parts it holds by key, the others' words sent (transferred). */
  statsJoin(
    key: string,
    parts: ({ key: string } | { part: CorpusPart })[],
  ): Promise<{ articles: number; tokens: number }> {
    const transfer = parts.flatMap((p) => ('part' in p ? partBuffers(p.part) : []));
    return this.request('statsJoin', { key, parts }, undefined, transfer).result;
  }

  /** The worker's heap and typed arrays in bytes, after a full collection (for the benchmarks). */
  memory(): Promise<Replies['memory']> {
    return this.request('memory', {}).result;
  }

  dispose(): void {
    this.restart(new Error('Corpus worker stopped'));
  }

  /** Sends a request and checks, once for every kind, that the reply is the kind `Replies` gives it. */
  private request<K extends RequestKind>(
    kind: K,
    body: Omit<RequestOf<K>, 'id' | 'kind'>,
    onProgress?: (f: number, message?: string) => void,
    transfer?: ArrayBuffer[],
  ): Job<Replies[K]> {
    const job = this.send((id) => ({ ...body, kind, id }) as unknown as WorkerRequest, onProgress, transfer);
    return then(job, (r) => {
      if (r.kind !== REPLY_KINDS[kind]) throw new Error(`Unexpected worker reply ${r.kind} to ${kind}`);
      return r as Replies[K];
    });
  }

  private send(
    make: (id: number) => WorkerRequest,
    onProgress?: (f: number, message?: string) => void,
    transfer?: ArrayBuffer[],
  ): Job<WorkerResult> {
    const id = this.nextId++;
    const result = new Promise<WorkerResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.ensureWorker().postMessage(make(id), transfer);
    });
    const cancel = () => {
      const job = this.pending.get(id);
      if (!job) return;
      this.pending.delete(id);
      job.reject(new CancelledError());
      this.worker?.postMessage({ id: this.nextId++, kind: 'cancel', target: id } satisfies WorkerRequest);
    };
    return { result, cancel };
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.scriptPath);
    worker.on('message', (message: WorkerResponse) => {
      const job = this.pending.get(message.id);
      if (!job) return;
      if (message.progress !== undefined) {
        job.onProgress?.(message.progress, message.message);
        return;
      }
      this.pending.delete(message.id);
      if (message.ok) job.resolve(message.result);
      else job.reject(message.cancelled ? new CancelledError() : new Error(message.error));
    });
    worker.on('error', (error) => this.restart(error));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private restart(reason: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    this.held.clear();
    void worker?.terminate();
    for (const job of this.pending.values()) job.reject(reason);
    this.pending.clear();
  }
}
