import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PartBase } from '../core/dump/parts';
import type { Article, Dump } from '../core/dump/types';
import type { EntityIndex } from '../core/entities/extract';
import type { Gazetteer } from '../core/entities/gazetteer';
import type { ConcordanceLine, SearchHit } from '../core/search/engine';
import type { SearchQuery } from '../core/search/query';
import type { StatsReply, StatsRequest } from '../core/stats/request';
import type { IndexSource, IndexSummary, WorkerRequest, WorkerResponse, WorkerResult } from '../worker/protocol';

interface Pending {
  chunks?: Article[][];
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
    return this.map(
      this.send((id) => ({ id, kind: 'parseText', text, key, version }), onProgress),
      (r) => (r.kind === 'dump' ? r.dump : undefined),
    );
  }

  parseFile(filePath: string, onProgress?: (f: number) => void, key?: string, version?: string): Job<Dump> {
    if (key && version) this.held.set(key, version);
    return this.map(
      this.send((id) => ({ id, kind: 'parseFile', path: filePath, key, version }), onProgress),
      (r) => (r.kind === 'dump' ? r.dump : undefined),
    );
  }

  /** Reads one part of a large file and keeps it; `rebase` then gives its reading as it stands in the whole. */
  loadPart(
    filePath: string,
    start: number,
    end: number,
    last: boolean,
    key: string,
    version: string,
  ): Job<{ articles: number; textLength: number; lineCount: number }> {
    this.held.set(key, version);
    return this.map(
      this.send((id) => ({ id, kind: 'loadPart', path: filePath, start, end, last, key, version })),
      (r) => (r.kind === 'part' ? r : undefined),
    );
  }

  rebase(key: string, publicKey: string, base: PartBase): Promise<Dump> {
    return this.map(
      this.send((id) => ({ id, kind: 'rebase', key, publicKey, base })),
      (r) => (r.kind === 'dump' ? r.dump : undefined),
    ).result;
  }

  slice(key: string, start: number, end: number): Promise<string> {
    return this.map(
      this.send((id) => ({ id, kind: 'slice', key, start, end })),
      (r) => (r.kind === 'slice' ? r.text : undefined),
    ).result;
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
    return this.map(
      this.send((id) => ({ id, kind: 'index', dumps, cacheDir }), onProgress),
      (r) => (r.kind === 'index' ? r.summary : undefined),
    );
  }

  query(query: SearchQuery, limit: number): Promise<SearchHit[]> {
    return this.map(
      this.send((id) => ({ id, kind: 'query', query, limit })),
      (r) => (r.kind === 'hits' ? r.hits : undefined),
    ).result;
  }

  concordance(query: SearchQuery, max: number): Promise<{ lines: ConcordanceLine[]; truncated: boolean }> {
    return this.map(
      this.send((id) => ({ id, kind: 'concordance', query, max })),
      (r) => (r.kind === 'concordance' ? r : undefined),
    ).result;
  }

  /** Entities of a dump, found on the worker; the text or path is needed only if the worker does not hold that version. */
  entities(
    key: string,
    version: string,
    source: { text?: string; path?: string },
    gazetteer: Gazetteer,
  ): Promise<EntityIndex> {
    const text = this.holds(key, version) ? undefined : source.text;
    const path = this.holds(key, version) ? undefined : source.path;
    this.held.set(key, version);
    return this.map(
      this.send((id) => ({ id, kind: 'entities', key, version, text, path, gazetteer })),
      (r) => (r.kind === 'entities' ? r.index : undefined),
    ).result;
  }

  /** A statistic of a dump this worker holds and has indexed. */
  stats(key: string, request: StatsRequest, onProgress?: (f: number) => void): Job<StatsReply> {
    return this.map(
      this.send((id) => ({ id, kind: 'stats', key, request }), onProgress),
      (r) => (r.kind === 'stats' ? r.reply : undefined),
    );
  }

  dispose(): void {
    this.restart(new Error('Corpus worker stopped'));
  }

  private map<T>(job: Job<WorkerResult>, pick: (r: WorkerResult) => T | undefined): Job<T> {
    return {
      cancel: job.cancel,
      result: job.result.then((r) => {
        const value = pick(r);
        if (value === undefined) throw new Error(`Unexpected worker reply ${r.kind}`);
        return value;
      }),
    };
  }

  private send(
    make: (id: number) => WorkerRequest,
    onProgress?: (f: number, message?: string) => void,
  ): Job<WorkerResult> {
    const id = this.nextId++;
    const result = new Promise<WorkerResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.ensureWorker().postMessage(make(id));
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
      if (message.chunk !== undefined) {
        (job.chunks ??= []).push(message.chunk);
        return;
      }
      this.pending.delete(message.id);
      if (message.ok && message.result.kind === 'dump' && message.result.chunked) {
        job.resolve({ kind: 'dump', dump: { ...message.result.dump, articles: (job.chunks ?? []).flat() } });
      } else if (message.ok) job.resolve(message.result);
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
