import type { StatsReply, StatsRequest } from '../core/stats/request';
import type { Job } from './corpusWorkerClient';
import type { CorpusWorkerPool } from './corpusWorkerPool';

/**
 * Corpus statistics computed on the worker that holds the dump, from its search index (built
 * first if need be, by `ensureIndexed`). Plain Node, so the benchmark drives it as the editor does.
 * The last request per dump is the live one: a new one cancels the one before.
 */
export class StatisticsService {
  private readonly running = new Map<string, Job<StatsReply>>();

  constructor(
    private readonly pool: CorpusWorkerPool,
    private readonly ensureIndexed: () => Promise<unknown>,
  ) {}

  compute(key: string, request: StatsRequest, onProgress?: (f: number) => void): Job<StatsReply> {
    this.running.get(key)?.cancel();
    let inner: Job<StatsReply> | undefined;
    let cancelled = false;
    const result = this.ensureIndexed().then(() => {
      if (cancelled) throw new Error('cancelled');
      inner = this.pool.stats(key, request, onProgress);
      return inner.result;
    });
    const job: Job<StatsReply> = {
      result: result.finally(() => {
        if (this.running.get(key) === job) this.running.delete(key);
      }),
      cancel: () => {
        cancelled = true;
        inner?.cancel();
      },
    };
    this.running.set(key, job);
    return job;
  }
}
