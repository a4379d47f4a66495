import { performance } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';

/**
 * Marks on one clock for every thread, to see where a reopen goes: with `CORPUS_TIMELINE` set in
 * the environment, each mark is written to stderr as `##mark THREAD MS LABEL` (ms since the
 * epoch, sub-millisecond). Off, a mark costs one property read.
 */
const on = !!process.env.CORPUS_TIMELINE;

export function mark(label: string): void {
  if (on)
    process.stderr.write(`##mark ${threadId} ${(performance.timeOrigin + performance.now()).toFixed(1)} ${label}\n`);
}
