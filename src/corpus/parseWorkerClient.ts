import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Dump } from '../core/dump/types';
import type { WorkerRequest, WorkerResponse } from '../worker/protocol';

interface Pending {
  resolve: (dump: Dump) => void;
  reject: (error: Error) => void;
  onProgress?: (fraction: number) => void;
}

export class CancelledError extends Error {
  constructor() { super('Cancelled'); }
}

/** One worker thread that reads dumps; cancelling a job restarts the worker, dropping its queue. */
export class ParseWorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly scriptPath = path.join(__dirname, 'parseWorker.js')) {}

  parseText(text: string, onProgress?: (f: number) => void): { result: Promise<Dump>; cancel: () => void } {
    return this.send((id) => ({ id, kind: 'parseText', text }), onProgress);
  }

  parseFile(filePath: string, onProgress?: (f: number) => void): { result: Promise<Dump>; cancel: () => void } {
    return this.send((id) => ({ id, kind: 'parseFile', path: filePath }), onProgress);
  }

  dispose(): void {
    this.restart(new Error('Corpus worker stopped'));
  }

  private send(make: (id: number) => WorkerRequest, onProgress?: (f: number) => void) {
    const id = this.nextId++;
    const result = new Promise<Dump>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.ensureWorker().postMessage(make(id));
    });
    const cancel = () => { if (this.pending.has(id)) this.restart(new CancelledError()); };
    return { result, cancel };
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.scriptPath);
    worker.on('message', (message: WorkerResponse) => {
      const job = this.pending.get(message.id);
      if (!job) return;
      if (message.progress !== undefined) { job.onProgress?.(message.progress); return; }
      this.pending.delete(message.id);
      if (message.ok) job.resolve(message.dump); else job.reject(new Error(message.error));
    });
    worker.on('error', (error) => this.restart(error));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private restart(reason: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const job of this.pending.values()) job.reject(reason);
    this.pending.clear();
  }
}
