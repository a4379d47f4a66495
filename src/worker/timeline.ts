import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';

/**
 * Marks on one clock for every thread, to see where a reopen goes: with `CORPUS_TIMELINE` set in
 * the environment, each mark is written to stderr as `##mark THREAD MS CPU WAIT LABEL` (ms since
 * the epoch, sub-millisecond; CPU: the ms this thread has run so far, WAIT: the ms it was ready to
 * run but waited for a core, both NaN off Linux), which bench/timeline.ts turns into phases. Off, a mark costs one property read.
 */
const on = !!process.env.CORPUS_TIMELINE;

/**
 * This thread's CPU time and its wait for a core so far, in ms, as `CPU WAIT` (Linux's scheduler
 * statistics: `process.cpuUsage` is the whole process's).
 */
function threadTimes(): string {
  try {
    const [run, wait] = fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return `${(run / 1e6).toFixed(1)} ${(wait / 1e6).toFixed(1)}`;
  } catch {
    return 'NaN NaN';
  }
}

export function mark(label: string): void {
  if (on)
    process.stderr.write(
      `##mark ${threadId} ${(performance.timeOrigin + performance.now()).toFixed(1)} ${threadTimes()} ${label}\n`,
    );
}
